#!/usr/bin/env bash
# The whole test suite: installs and builds what it needs, then runs every test
# in the release build, and the judge's own tests again under AddressSanitizer
# and UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
# Chromium renders the grading report in a real browser; tmux drives judge watch;
# clangd checks the editor set-up; xmllint (libxml2-utils) parses junit.xml as
# strictly as CI servers do, to prove no learner's name can make it unreadable;
# GNU time measures the judge's own peak memory on a learner's 3 GiB file.
JUDGE_EXTRA_PACKAGES="chromium tmux clangd libxml2-utils time" scripts/setup.sh
jobs=$(nproc)
cmake --build build -j "$jobs" --target judge_tests
ctest --test-dir build --output-on-failure -j "$jobs"

# The sanitizer build is unoptimised to keep CI short. It runs everything but
# the sweep of reference, stub, wrong and correct files, which repeats the same
# judge paths (and, unoptimised, would spend minutes in the n = 4096 references),
# and the hostile files that attack performance groups (flash_attention,
# softmax_backward): their limits are multiples of the reference's time, which
# an unoptimised judge inflates, and their references are minutes unoptimised.
# The release run above checks all of them, and runs BankVerify (judge verify
# over the whole bank), which the sanitizer pass leaves out for the same reasons.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DJUDGE_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$jobs" --target judge judge_tests
ctest --test-dir build-asan --output-on-failure -j "$jobs" \
  -E '^BankVerify$|JudgePath\.GetsTheVerdictItPromises/(reference|stub|wrong|correct|hostile_flash_attention|hostile_softmax_backward)_'
