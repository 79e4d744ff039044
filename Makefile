# Lemma — the two commands:
#   make site   install what is missing, build, verify every article, write site/public/
#   make test   install what is missing, build, swift test, then lemma check on every article
# and:
#   make api                           the API reference (DocC) that make site publishes at api/
#   make install [PREFIX=/usr/local]   install lemma with its optimized claim library
#   make install-check                 install into a temporary prefix, verify a site outside the repository

SWIFT        ?= swift
DEB_PACKAGES := libcmark-dev libopenblas-dev liblapacke-dev libjs-katex nodejs pkg-config
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
LEMMA        := .build/debug/lemma
PREFIX       ?= /usr/local

.PHONY: site test check deps build claim-library api clean-site browser-check install install-check

site: build api
	$(LEMMA) build

test: build
	$(SWIFT) test
	$(LEMMA) check
	$(MAKE) --no-print-directory api

check: build
	$(LEMMA) check

# lemma in debug mode (quick to rebuild); the library that claim programs link, optimized
# (.build/release/libClaimKit.so: claim programs do their work in it).
build: deps
	$(SWIFT) build
	$(MAKE) --no-print-directory claim-library

claim-library:
	$(SWIFT) build -c release --product ClaimKit

# The API reference for claim authors, from the doc comments and the articles of
# Sources/ClaimKit/ClaimKit.docc: one DocC archive of ClaimKit and the modules it brings
# (site.yml's apiReference names it; lemma build copies it to api/). A warning (a broken
# symbol link, an undocumented parameter) fails the target.
API_DIR := .build/api-reference
api: build
	$(SWIFT) package --allow-writing-to-directory $(API_DIR) generate-documentation \
	  --target ClaimKit --target LinearAlgebra --target Learning --target Models \
	  --enable-experimental-combined-documentation --transform-for-static-hosting \
	  --hosting-base-path api --output-path $(API_DIR) --warnings-as-errors

# Install the Debian packages that are not installed yet (apt-get update first).
deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

# PREFIX/lib/lemma holds lemma, its theme, the claim library, its Swift modules and the C
# module maps they refer to; PREFIX/bin/lemma links to it.
install: deps
	$(SWIFT) build -c release
	Scripts/install.sh .build/release "$(PREFIX)"

install-check:
	Scripts/install_check.sh

clean-site:
	rm -rf site/public

# Load the built site in headless Chromium: console errors, TeX errors, search; screenshots.
browser-check: site
	@for p in chromium fonts-noto-cjk; do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || \
	  { $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$p; }; done
	python3 Scripts/browser_check.py
