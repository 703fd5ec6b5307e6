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
