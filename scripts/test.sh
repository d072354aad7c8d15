#!/usr/bin/env bash
# The whole test suite: installs and builds what it needs, then runs every test,
# once in the release build and once with AddressSanitizer and UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc)
cmake --build build -j "$jobs" --target judge_tests
ctest --test-dir build --output-on-failure -j "$jobs"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJUDGE_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$jobs" --target judge judge_tests
ctest --test-dir build-asan --output-on-failure -j "$jobs"
