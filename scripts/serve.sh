#!/usr/bin/env bash
# The serve command (`make serve`): installs what is missing, then builds and
# serves the app at http://127.0.0.1:8080, rebuilding on change.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
cargo fetch --locked
exec trunk serve --offline=true --address 127.0.0.1 --port 8080
