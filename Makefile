# minsheng — two commands on a fresh Debian/Ubuntu machine:
#   make demo   install what is missing, build, run the main job on Samples/
#   make test   install what is missing, build, run all tests
SHELL := /bin/bash
APT_PACKAGES := libzip-dev libxlsxwriter-dev libexpat1-dev pkg-config zip unzip
# The tests also open our output in LibreOffice, the spreadsheet application it is checked in.
TEST_APT_PACKAGES := $(APT_PACKAGES) libreoffice-calc-nogui fonts-wqy-zenhei time
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

test:
	@bash scripts/setup.sh $(TEST_APT_PACKAGES)
	swift build --build-tests
	swift test --skip-build

clean:
	rm -rf .build $(DEMO_OUT)
