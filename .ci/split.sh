#!/bin/sh
# Trunk post-build hook, first step (then precache.sh; see Trunk.toml): split the
# panels out of the app's wasm into a second module, loaded once the canvas has
# drawn.
#
# Trunk has no step between `cargo build` and `wasm-bindgen`, which is where
# wasm-split must run, so this redoes that part of Trunk's work from cargo's
# output (built with `-C link-arg=--emit-relocs`, see env.sh):
#   1. wasm-split-cli: the main module, one module for `#[leptos::lazy]`
#      `panel_view` (src/ui/app.rs) and a loader, __wasm_split.js;
#   2. wasm-bindgen --keep-lld-exports on the main module (the split module uses
#      its exports), over Trunk's own glue of the same name;
#   3. wasm-opt -Oz on both modules in release builds (index.html turns
#      Trunk's off);
#   4. the loader and the split module get this build's hash in their names, so
#      no cache ever pairs one build's glue with another's modules.
set -eu
cd "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
profile="${TRUNK_PROFILE:-release}"
[ "$profile" = "release" ] || profile=debug
raw="${CARGO_TARGET_DIR:-${TRUNK_SOURCE_DIR:?}/target}/wasm32-unknown-unknown/$profile/envelope-web.wasm"
glue="$(ls envelope-web-*.js)"
name="${glue%.js}"
hash="${name#envelope-web-}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
wasm-split-cli "$raw" "$work/split" --out-name "$name" --target web
wasm-bindgen "$work/split/$name.wasm" --target web --keep-lld-exports --no-typescript \
    --out-dir "$work/bindgen" --out-name "$name"

loader="__wasm_split-$hash.js"
sed "s|from \"./__wasm_split.js\"|from \"./$loader\"|" "$work/bindgen/$name.js" >"$glue"
# Optimised in release builds only, like Trunk's own wasm-opt step.
opt() {
    if [ "$profile" = release ]; then wasm-opt -Oz "$1" -o "$2"; else cp "$1" "$2"; fi
}
opt "$work/bindgen/${name}_bg.wasm" "${name}_bg.wasm"
cp "$work/split/__wasm_split.js" "$loader"
for part in "$work"/split/*.wasm; do
    base="$(basename "$part" .wasm)"
    [ "$base" = "$name" ] && continue
    opt "$part" "$base-$hash.wasm"
    sed -i "s|\"./$base.wasm\"|\"./$base-$hash.wasm\"|" "$loader"
done
grep -q "$loader" "$glue" || { echo "split: the glue does not import $loader" >&2; exit 1; }
echo "split: $(ls ./*.wasm | wc -l) wasm modules"
