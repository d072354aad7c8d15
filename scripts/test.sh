#!/usr/bin/env bash
# The whole test suite: installs and builds what it needs, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --build build -j "$(nproc)" --target judge_tests
ctest --test-dir build --output-on-failure -j "$(nproc)"
