#!/usr/bin/env bash
# Installs Lemma into a temporary prefix and uses the installed lemma on a site folder that
# lives outside the repository: check (a true and a false claim) and build.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make -C "$here" --no-print-directory install PREFIX="$work/prefix"

site="$work/blog"
mkdir -p "$site/articles"
cp "$here/articles/orthogonal-map.md" "$site/articles/"
cat > "$site/articles/false.md" <<'ARTICLE'
---
title: A false claim
---
```swift check
let m = Matrix([[2, 0], [0, 3]])
check(try m.determinant() == 6, "det = 6")
check(m.trace == 7, "trace = 7")
```
ARTICLE
cd "$work"
set +e
"$work/prefix/bin/lemma" --root "$site" check --quiet > "$work/check.txt" 2>&1
status=$?
set -e
cat "$work/check.txt"
[ "$status" = 1 ] || { echo "install-check: expected exit 1 from check, got $status" >&2; exit 1; }
grep -q "articles/false.md:7: FAIL trace = 7" "$work/check.txt" || { echo "install-check: the false claim was not reported" >&2; exit 1; }
rm "$site/articles/false.md"
"$work/prefix/bin/lemma" --root "$site" build --strict --quiet
[ -f "$site/site/public/orthogonal-map.html" ] || { echo "install-check: no page was written" >&2; exit 1; }
echo "install-check: the installed lemma verified and built a site outside the repository"
