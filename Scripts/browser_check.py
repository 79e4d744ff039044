#!/usr/bin/env python3
"""Loads the built site in headless Chromium, as a reader would, and checks each page type.

    python3 Scripts/browser_check.py [SITE_DIR] [SCREENSHOT_DIR]
    (defaults: site/public and .build/browser-check; `make browser-check` builds first)

For each page it serves SITE_DIR on a loopback port, lets Chromium run the page's scripts,
and fails when the browser logs a console error, when KaTeX reports a TeX error
(`.katex-error`, `.math-error`), when a page with math typesets none, loads KaTeX's script or
typesets formulas in the browser (math is typeset at build), or when search finds nothing for a
word of an article (served, and opened from disk as file://), when at a phone's width (390 px)
a page is wider than the screen or an equation number overlaps its formula. It writes one
screenshot per page type (light and dark) to look at.
"""
import functools
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "site", "public"))
SHOTS = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, ".build", "browser-check"))
CHROMIUM = next((c for c in ("chromium", "chromium-browser", "google-chrome") if subprocess.run(
    ["which", c], capture_output=True).returncode == 0), None)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def chromium(url, *extra):
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", *extra, url]
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


def console_errors(stderr):
    errors = []
    for line in stderr.splitlines():
        if "CONSOLE" in line and ("Uncaught" in line or "Error" in line or "Failed" in line):
            errors.append(line.strip())
        if "Failed to load resource" in line:
            errors.append(line.strip())
    return errors


# Loaded beside the site (same origin), it lays PAGE out in a 390 px frame and writes what it
# finds into its body's data-result: "ok", or the problems separated by "; ".
PHONE_PROBE = """<!doctype html><meta charset="utf-8"><body>
<iframe id="f" style="width:390px;height:1400px;border:0"></iframe>
<script>
var f = document.getElementById("f");
f.onload = function () { setTimeout(function () {
  var d = f.contentDocument, problems = [];
  if (d.documentElement.scrollWidth > 391) problems.push("the page is " + d.documentElement.scrollWidth + " px wide");
  d.querySelectorAll(".math.display .tag").forEach(function (tag) {
    var t = tag.getBoundingClientRect();
    tag.parentElement.querySelectorAll(":scope > .base").forEach(function (b) {
      var r = b.getBoundingClientRect();
      if (r.right > t.left + 0.5 && r.left < t.right - 0.5) problems.push("equation number " + tag.textContent + " overlaps its formula");
    });
  });
  document.body.setAttribute("data-result", problems.length ? problems.join("; ") : "ok");
}, 300); };
f.src = "site/" + new URLSearchParams(location.search).get("page");
</script></body>"""


def phone_problems(base, path):
    dom = chromium(base + "probe.html?page=" + path, "--dump-dom")
    found = re.search(r'<body data-result="([^"]*)"', dom.stdout)
    if not found:
        return ["the phone-width probe did not finish"]
    return [] if found.group(1) == "ok" else found.group(1).split("; ")


def main():
    if CHROMIUM is None:
        print("chromium is not installed: apt-get install chromium fonts-noto-cjk")
        return 1
    if not os.path.exists(os.path.join(SITE, "index.html")):
        print(f"no site in {SITE}: run `lemma build` first")
        return 1
    os.makedirs(SHOTS, exist_ok=True)
    # The server's folder holds the site (as site/) and the phone-width probe beside it.
    served = tempfile.mkdtemp(prefix="lemma-browser-check-")
    os.symlink(SITE, os.path.join(served, "site"))
    with open(os.path.join(served, "probe.html"), "w", encoding="utf-8") as f:
        f.write(PHONE_PROBE)
    server = serve(served)
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    base = root + "site/"
    articles = sorted(f for f in os.listdir(SITE) if f.endswith(".html")
                      and f not in ("index.html", "report.html", "404.html"))
    tags = sorted(os.listdir(os.path.join(SITE, "tags"))) if os.path.isdir(os.path.join(SITE, "tags")) else []
    pages = [("index", "index.html"), ("report", "report.html"), ("404", "404.html")]
    pages += [(f"article-{a[:-5]}", a) for a in articles]
    pages += [("tag", "tags/" + tags[0])] if tags else []
    failures = 0
    checked = 0
    for name, path in pages:
        url = base + path
        dom = chromium(url, "--dump-dom")
        problems = console_errors(dom.stderr)
        html = dom.stdout
        if "katex-error" in html:
            problems.append("KaTeX reported a TeX error (.katex-error)")
        if 'class="math' in html and 'class="katex' not in html:
            problems.append("the page has math but KaTeX typeset none")
        # Math is typeset at build: the file itself, before any script runs, holds every
        # formula the browser shows, and no page loads KaTeX's script.
        with open(os.path.join(SITE, path), encoding="utf-8") as f:
            served = f.read()
        if served.count('class="katex"') != html.count('class="katex"'):
            problems.append("the page typesets formulas in the browser: the file has fewer than the page shows")
        if "katex.min.js" in served or "katex.js" in served:
            problems.append("the page loads KaTeX's script")
        if "math-error" in html:
            problems.append("a formula KaTeX rejected (.math-error)")
        problems += [f"at 390 px: {p}" for p in phone_problems(root, path)]
        for scheme in ("light", "dark"):
            flag = "--force-dark-mode" if scheme == "dark" else "--force-color-profile=srgb"
            shot = os.path.join(SHOTS, f"{name}-{scheme}.png")
            chromium(url, f"--screenshot={shot}", "--window-size=1100,1600", flag)
        checked += 1
        status = "ok" if not problems else "FAIL"
        print(f"{status:4} {path}")
        for p in problems:
            print(f"     {p}")
        failures += bool(problems)

    # Search: a word from the first article must find it (Chinese too, by substring).
    for article in articles:
        with open(os.path.join(SITE, article), encoding="utf-8") as f:
            title = re.search(r"<h1>(.*?)</h1>", f.read()).group(1)
        word = title[:2] if re.search(r"[\u4e00-\u9fff]", title) else title.split()[-1]
        for where, start in (("served", base), ("file://", "file://" + SITE + "/")):
            dom = chromium(start + "index.html?q=" + word, "--dump-dom")
            found = re.search(r'<ul id="search-results">(.*?)</ul>', dom.stdout, re.S)
            hit = found and article in found.group(1)
            print(f"{'ok' if hit else 'FAIL':4} search {word!r} finds {article} ({where})")
            failures += not hit
            checked += 1
    # Mobile width.
    chromium(base + (articles[0] if articles else "index.html"), f"--screenshot={os.path.join(SHOTS, 'phone.png')}",
             "--window-size=390,1400")
    server.shutdown()
    print(f"{checked - failures} passed, {failures} failed")
    print(f"screenshots in {SHOTS}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
