# minsheng — two commands on a fresh Debian/Ubuntu machine:
#   make demo   install what is missing, build, run the main job on Samples/
#   make test   install what is missing, build, run all tests
SHELL := /bin/bash
APT_PACKAGES := libzip-dev libxlsxwriter-dev libexpat1-dev pkg-config zip unzip
DEMO_OUT ?= out

.PHONY: demo test setup build release clean

setup:
	@bash scripts/setup.sh $(APT_PACKAGES)

build: setup
	swift build

release: setup
	swift build -c release

demo: release
	@bash scripts/demo.sh $(DEMO_OUT)

test: setup
	swift build --build-tests
	swift test --skip-build

clean:
	rm -rf .build $(DEMO_OUT)
