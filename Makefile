# Lemma — the two commands:
#   make site   install what is missing, build, verify every article, write site/public/
#   make test   install what is missing, build, swift test, then lemma check on every article
# and:
#   make install [PREFIX=/usr/local]   install lemma with its optimized claim library
#   make install-check                 install into a temporary prefix, verify a site outside the repository

SWIFT        ?= swift
DEB_PACKAGES := libcmark-dev libopenblas-dev liblapacke-dev libjs-katex pkg-config
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
LEMMA        := .build/debug/lemma
PREFIX       ?= /usr/local

.PHONY: site test check deps build claim-library clean-site browser-check install install-check

site: build
	$(LEMMA) build

test: build
	$(SWIFT) test
	$(LEMMA) check

check: build
	$(LEMMA) check

# lemma in debug mode (quick to rebuild); the library that claim programs link, optimized
# (.build/release/libClaimKit.so: claim programs do their work in it).
build: deps
	$(SWIFT) build
	$(MAKE) --no-print-directory claim-library

claim-library:
	$(SWIFT) build -c release --product ClaimKit

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
