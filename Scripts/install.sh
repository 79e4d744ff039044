#!/usr/bin/env bash
# Installs a release build of Lemma: install.sh BUILD_DIR PREFIX
#   PREFIX/lib/lemma/  lemma, Lemma_Site.resources, libClaimKit.so, Modules/, include/<C module>/
#   PREFIX/bin/lemma   a symbolic link to ../lib/lemma/lemma
set -euo pipefail
build=$1
prefix=$2
here=$(cd "$(dirname "$0")/.." && pwd)
lib="$prefix/lib/lemma"

for f in lemma libClaimKit.so; do
  [ -e "$build/$f" ] || { echo "install: $build/$f is missing; run swift build -c release first" >&2; exit 1; }
done
rm -rf "$lib"
mkdir -p "$lib/include" "$prefix/bin"
cp "$build/lemma" "$build/libClaimKit.so" "$lib/"
cp -R "$build/Modules" "$lib/Modules"
for bundle in "$build"/*.resources; do [ -e "$bundle" ] && cp -R "$bundle" "$lib/"; done
# The C modules that the Swift modules import: this package's and swift-numerics' shims.
cp -R "$here/Sources/CLAPACK" "$lib/include/CLAPACK"
rm -f "$lib/include/CLAPACK/README.md"
cp -R "$here/Sources/CKernels/include" "$lib/include/CKernels"
shims=$(dirname "$build")/checkouts/swift-numerics/Sources/_NumericsShims/include
[ -d "$shims" ] || shims="$here/.build/checkouts/swift-numerics/Sources/_NumericsShims/include"
cp -R "$shims" "$lib/include/_NumericsShims"
ln -sf ../lib/lemma/lemma "$prefix/bin/lemma"
echo "installed lemma in $prefix/bin (library and modules in $lib)"
