#!/usr/bin/env python3
"""The whole `lemma build` process as a user meets it, on the generated corpus of N math
articles (../shared/bench/make_corpus.py, ~10 KB each), against the `cmark` CLI over the
same files in one process and a minimal Hugo site of the same corpus (which typesets no
math), in one run:

  cold       no math cache, no parse cache, no previous site: every article parsed and
             every distinct formula typeset by KaTeX
  unchanged  a second build, nothing changed
  one edit   one article changed since the last build
  unique     a copy of the corpus in which every formula is made distinct, built cold:
             KaTeX's throughput in formulas per second (the plain corpus repeats a few
             dozen formulas, which the typesetter does once each)

Medians of several runs (alternating with cmark where it is the yardstick).

    python3 Benchmarks/site_build.py [N]    (default 1000; needs Debian's cmark and hugo)
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench", "make_corpus.py")
LEMMA = os.path.join(ROOT, ".build", "release", "lemma")


def corpus(folder, n, hugo=False):
    subprocess.run([sys.executable, SHARED, folder, str(n)] + (["--hugo"] if hugo else []),
                   check=True, stdout=subprocess.DEVNULL)


def timed(args, **kw):
    start = time.perf_counter()
    run = subprocess.run(args, check=True, capture_output=True, text=True, **kw)
    return time.perf_counter() - start, run


def lemma_build(site):
    return timed([LEMMA, "--root", site, "build"])


def typeset_line(run):
    m = re.search(r"typeset math: (\d+) formulas, (\d+) new \(([\d.]+) s\)", run.stderr)
    return (int(m.group(1)), int(m.group(2)), float(m.group(3))) if m else None


def cold(site):
    shutil.rmtree(os.path.join(site, "site", "public"), ignore_errors=True)
    for name in ("math-cache.bin", "articles.cache"):
        cache = os.path.join(site, ".build", "lemma", name)
        if os.path.exists(cache):
            os.remove(cache)
    return lemma_build(site)


def uniquify(folder):
    """Every formula gets a term of its own, so no two are alike."""
    k = 0
    def tag(tex):
        nonlocal k
        k += 1
        return f"{tex} + c_{{{k}}}"
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        text = open(path, encoding="utf-8").read()
        text = re.sub(r"\$\$\n(.*?)\n\$\$", lambda m: "$$\n" + tag(m.group(1)) + "\n$$", text, flags=re.S)
        text = re.sub(r"(?<!\$)\$([^$\n]+?)\$(?!\$)", lambda m: "$" + tag(m.group(1)) + "$", text)
        open(path, "w", encoding="utf-8").write(text)
    return k


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for tool in ("cmark", "hugo"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed: apt-get install {tool}")
    subprocess.run(["swift", "build", "-c", "release", "--product", "lemma"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["swift", "build", "-c", "release", "--product", "ClaimKit"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    work = tempfile.mkdtemp(prefix="lemma-site-build-")
    site = os.path.join(work, "site")
    corpus(os.path.join(site, "articles"), n)
    files = sorted(os.path.join(site, "articles", f) for f in os.listdir(os.path.join(site, "articles")))
    size = sum(os.path.getsize(f) for f in files)

    hugo = os.path.join(work, "hugo")
    corpus(os.path.join(hugo, "content", "posts"), n, hugo=True)
    os.makedirs(os.path.join(hugo, "layouts", "_default"))
    with open(os.path.join(hugo, "config.toml"), "w") as f:
        f.write('baseURL = "http://example.org/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term"]\n')
    with open(os.path.join(hugo, "layouts", "_default", "single.html"), "w") as f:
        f.write("<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n")
    with open(os.path.join(hugo, "layouts", "_default", "list.html"), "w") as f:
        f.write("<html><body>{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</body></html>\n")

    cmark_times, hugo_times, cold_times, unchanged_times, edit_times = [], [], [], [], []
    formulas = None
    for r in range(5):
        cmark_times.append(timed(["cmark", *files])[0])
        shutil.rmtree(os.path.join(hugo, "public"), ignore_errors=True)
        hugo_times.append(timed(["hugo", "--quiet", "-s", hugo])[0])
        seconds, run = cold(site)
        cold_times.append(seconds)
        formulas = typeset_line(run)
        unchanged_times.append(lemma_build(site)[0])
        with open(files[r], "a", encoding="utf-8") as f:
            f.write(f"\nOne more sentence, edit {r}.\n")
        edit_times.append(lemma_build(site)[0])

    unique = os.path.join(work, "unique")
    shutil.copytree(site, unique, ignore=shutil.ignore_patterns(".build", "public"))
    made = uniquify(os.path.join(unique, "articles"))
    _, run = cold(unique)
    u = typeset_line(run)

    med = statistics.median
    cm, hg = med(cmark_times), med(hugo_times)
    print(f"corpus: {n} articles, {size / 1e6:.1f} MB, {formulas[0]} distinct formulas")
    print(f"cmark CLI, one process      {cm:7.2f} s")
    print(f"hugo, minimal site          {hg:7.2f} s")
    print(f"lemma build, cold           {med(cold_times):7.2f} s   {med(cold_times) / cm:5.1f}x cmark, {med(cold_times) / hg:4.2f}x hugo")
    print(f"lemma build, unchanged      {med(unchanged_times):7.2f} s   {med(unchanged_times) / cm:5.1f}x cmark")
    print(f"lemma build, one edit       {med(edit_times):7.2f} s   {med(edit_times) / cm:5.1f}x cmark")
    print(f"unique formulas: {made} written, {u[1]} typeset in {u[2]:.2f} s = {u[1] / u[2]:,.0f} formulas/s "
          f"({os.cpu_count()} cores)")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
