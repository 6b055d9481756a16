#!/usr/bin/env bash
# Installs, only when missing, every tool the serve and test commands need.
# Idempotent and pinned; fetches only from the package registries (the Rust package registry,
# npm, Debian, rustup components). Trunk is told never to download its own
# wasm-bindgen / wasm-opt (see Trunk.toml), so these pins must match it.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version pinned in Cargo.toml / Cargo.lock.
WASM_BINDGEN_VERSION=0.2.130

log() { printf '[setup] %s\n' "$*"; }
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"

# 1. Rust toolchain components (rust-toolchain.toml names them; rustup installs on demand).
if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
    log "adding rustup component $comp"
    rustup component add "$comp"
  fi
done

# 2. Trunk (pinned: 0.22 needs a newer rustc than this toolchain).
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  log "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen-cli, same version as the library (no --locked: its lockfile
#    names a crate version the registry does not serve).
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# 4. Chromium and its driver from Debian, for wasm-bindgen-test and end-to-end tests.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing chromium and chromium-driver from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 5. npm packages: binaryen (wasm-opt 132; Debian's 108 breaks the app),
#    playwright-core and axe-core for end-to-end tests. Locked by package-lock.json.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.setup-stamp; then
  log "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.setup-stamp
fi

# 6. brotli from Debian: scripts/size_report.py prints brotli sizes beside gzip
#    (Python's brotli module is not in Debian's python3).
if ! command -v brotli >/dev/null; then
  log "installing brotli from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq brotli >/dev/null
fi

# 7. CJK fonts from Debian: the Chinese views (tests/e2e/lang.test.mjs)
#    render with system fonts only, and their screenshots need one.
if ! fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then
  log "installing fonts-noto-cjk from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-noto-cjk >/dev/null
fi

log "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -1)"
