#!/usr/bin/env sh
# Builds one C file into a shared library: build.sh SOURCE.c OUTPUT.so (called by Maven, engine/pom.xml).
# Uses $CC, else cc; on Debian the compiler comes with `apt-get install gcc`.
set -eu
src="$1"
out="$2"
cc="${CC:-cc}"
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "Tessera's build needs a C compiler for $src; install one (Debian: sudo apt-get install -y gcc) or set CC" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
"$cc" -O2 -shared -fPIC -Wall -Werror -o "$out.tmp" "$src"
mv "$out.tmp" "$out"
