#!/bin/sh
# Trunk post_build hook: write this build's file list and a hash of those files into
# the staged service worker (sw.js), so each build is a new worker and a new cache.
set -eu
cd "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
[ -f sw.js ] || { echo "precache: no sw.js in $TRUNK_STAGING_DIR" >&2; exit 1; }

list="$(mktemp)"
trap 'rm -f "$list" "$list.js"' EXIT
# Every built file but the worker itself, as paths relative to the site (./x).
find . -type f ! -path ./sw.js ! -name '.*' | LC_ALL=C sort >"$list"
# The version: a hash over each file's name and contents.
version="$(while IFS= read -r f; do sha256sum "$f"; done <"$list" | sha256sum | cut -c1-16)"

awk -v version="$version" -v list="$list" '
  /^const VERSION = / { print "const VERSION = \"" version "\";"; next }
  /^const FILES = / {
    print "const FILES = ["
    while ((getline f < list) > 0) {
      gsub(/\\/, "\\\\", f); gsub(/"/, "\\\"", f)
      print "  \"" f "\","
    }
    print "];"
    next
  }
  { print }
' sw.js >"$list.js"
cat "$list.js" >sw.js
echo "precache: sw.js version $version, $(wc -l <"$list") files"
