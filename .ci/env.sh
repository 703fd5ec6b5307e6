# Sourced by the .ci scripts: the repo root and the PATH they all need.
# shellcheck shell=bash
CI_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$CI_DIR")"
E2E_DIR="$ROOT/tests/e2e"
# cargo-installed tools (trunk, wasm-bindgen), then the npm tools: wasm-opt from
# binaryen@132 and playwright. Never Debian's binaryen.
export PATH="$E2E_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk must not reach for the network (see Trunk.toml's `offline`).
export TRUNK_SKIP_VERSION_CHECK=true

# Print a step header, so the log shows what each script does.
step() { printf '\n== %s\n' "$*"; }
# Leptos: type-erase every component's view (AnyView) in the wasm build. It cuts
# the generic rendering code copied per view shape; measured 1,462 -> 1,341 KB raw,
# 591 -> 529 KB gzip. Only the wasm target gets it, so the native build is unchanged.
# `--emit-relocs` keeps the relocations wasm-split needs to split the panels into
# their own module (.ci/split.sh).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -C link-arg=--emit-relocs"
