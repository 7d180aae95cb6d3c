#!/usr/bin/env bash
# The lints CI holds every change to: `cargo fmt --check` and
# `cargo clippy --release --all-targets -- -D warnings` (any warning fails).
# rustfmt and clippy are rustup components; where one is missing, rustup is asked to add it (bounded in
# time, as the registry of components may be out of reach). A component that is neither installed nor
# installable is reported and passed over, so a machine without it still runs the tests; fix such a machine
# with `rustup component add rustfmt clippy`.
set -euo pipefail
cd "$(dirname "$0")/.."

# have SUBCOMMAND COMPONENT: true when `cargo SUBCOMMAND` runs, adding COMPONENT with rustup if needed.
have() {
  cargo "$1" --version >/dev/null 2>&1 && return 0
  if command -v rustup >/dev/null; then
    echo "lint: adding the rustup component $2 ..."
    timeout 120 rustup component add "$2" >/dev/null 2>&1 || true
  fi
  cargo "$1" --version >/dev/null 2>&1 && return 0
  echo "lint: NOT RUN: cargo $1 is not installed and rustup could not add $2 (run: rustup component add $2)" >&2
  return 1
}

if have fmt rustfmt; then
  echo "lint: cargo fmt --check"
  cargo fmt --check
fi
if have clippy clippy; then
  echo "lint: cargo clippy --release --all-targets -- -D warnings"
  cargo clippy --release --all-targets --quiet -- -D warnings
fi
