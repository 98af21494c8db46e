# minsheng — two commands on a fresh Debian/Ubuntu machine:
#   make demo   install what is missing, build, run the main job on Samples/
#   make test   install what is missing, build, run all tests (Swift, then the page in a real browser)
#   make web    build and start the web page's server (minsheng-web) on http://127.0.0.1:8080/
#   make package       dist/minsheng_<version>_amd64.deb (static Swift runtime; see "Install on a server")
#   make test-package  that package installed with apt in a fresh Debian 12 root (debootstrap; root), lintian
SHELL := /bin/bash
APT_PACKAGES := libzip-dev libxlsxwriter-dev libexpat1-dev pkg-config zip unzip
# The web page's reporting rounds keep their data in SQLite (GRDB builds against the system's).
WEB_APT_PACKAGES := $(APT_PACKAGES) libsqlite3-dev
# The tests also open our output in LibreOffice, the spreadsheet application it is checked in.
# The browser test drives the web page in headless Chromium through Selenium (Debian's python3).
# poppler-utils reads the printed pages back (pdftotext -bbox); Carlito has Calibri's widths, so
# LibreOffice lays out columns as Excel does.
TEST_APT_PACKAGES := $(WEB_APT_PACKAGES) libreoffice-calc-nogui fonts-wqy-zenhei fonts-crosextra-carlito poppler-utils time \
	chromium chromium-driver python3-selenium
# The .deb: dpkg-shlibdeps (dpkg-dev) finds its Depends, strip (binutils) shrinks the binaries,
# help2man writes the manual pages from --help;
# its test makes a Debian 12 root with debootstrap and asks the server with curl.
PACKAGE_APT_PACKAGES := $(WEB_APT_PACKAGES) dpkg-dev binutils xz-utils help2man
TEST_PACKAGE_APT_PACKAGES := debootstrap lintian curl python3
WEB_ARGS ?=
DEMO_OUT ?= out

.PHONY: demo test setup build release web clean pictures package test-package

setup:
	@bash scripts/setup.sh $(APT_PACKAGES)

build: setup
	swift build

# Only the CLI, without the Web trait: Hummingbird is neither fetched nor built for the demo.
release: setup
	swift build -c release --product minsheng --disable-default-traits

web:
	@bash scripts/setup.sh $(WEB_APT_PACKAGES)
	swift build -c release --product minsheng-web
	"$$(swift build -c release --show-bin-path)/minsheng-web" $(WEB_ARGS)

demo: release
	@bash scripts/demo.sh $(DEMO_OUT)

test:
	@bash scripts/setup.sh $(TEST_APT_PACKAGES)
	swift build --build-tests
	swift test --skip-build
	/usr/bin/python3 Tests/Browser/browser_test.py "$$(swift build --show-bin-path)"
	/usr/bin/python3 Tests/Browser/rounds_server_test.py "$$(swift build --show-bin-path)"

package:
	@bash scripts/setup.sh $(PACKAGE_APT_PACKAGES)
	bash scripts/package.sh

test-package: package
	@bash scripts/setup.sh $(TEST_PACKAGE_APT_PACKAGES)
	bash scripts/test-package.sh

clean:
	rm -rf .build $(DEMO_OUT) .build-release dist
	rm -rf --one-file-system .build-deb

# README's pictures of 总览 and a printed page, from the Samples (needs the test packages).
pictures:
	@bash scripts/setup.sh $(TEST_APT_PACKAGES)
	bash scripts/pictures.sh
