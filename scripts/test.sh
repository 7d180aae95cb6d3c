#!/usr/bin/env bash
# Runs every test: the lints (scripts/lint.sh: cargo fmt --check, cargo clippy -D warnings), cargo's unit and
# integration tests, then the C tests through CMake and ctest.
# Installs what a fresh machine lacks (cmake, curl, python3, nginx for the client tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/lint.sh
cargo build --release
cargo test --release
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure -j 2 --timeout 300
