# Lemma — the two commands:
#   make site   install what is missing, build, verify every article, write site/public/
#   make test   install what is missing, build, swift test, then lemma check on every article

SWIFT        ?= swift
DEB_PACKAGES := libcmark-dev libopenblas-dev liblapacke-dev libjs-katex pkg-config
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
LEMMA        := .build/debug/lemma

.PHONY: site test check deps build clean-site browser-check

site: build
	$(LEMMA) build

test: build
	$(SWIFT) test
	$(LEMMA) check

check: build
	$(LEMMA) check

build: deps
	$(SWIFT) build

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

clean-site:
	rm -rf site/public

# Load the built site in headless Chromium: console errors, TeX errors, search; screenshots.
browser-check: site
	@for p in chromium fonts-noto-cjk; do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || \
	  { $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$p; }; done
	python3 Scripts/browser_check.py
