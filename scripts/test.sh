#!/usr/bin/env bash
# The whole test suite: installs and builds what it needs, then runs every test
# in the release build, and the judge's own tests again under AddressSanitizer
# and UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
# Chromium renders the grading report in a real browser; tmux drives judge watch;
# clangd checks the editor set-up; xmllint (libxml2-utils) parses junit.xml as
# strictly as CI servers do, to prove no learner's name can make it unreadable;
# GNU time measures the judge's own peak memory on a learner's 3 GiB file;
# slurm-wlm and munge run a single-node Slurm cluster for SlurmGrade, which
# grades a class through deploy/slurm/ as a job array; man-db reads the
# manual page back (CliUsage, and the installed one in scripts/test_install.sh).
JUDGE_EXTRA_PACKAGES="chromium tmux clangd libxml2-utils time slurm-wlm munge man-db" scripts/setup.sh
jobs=$(nproc)
cmake --build build -j "$jobs" --target judge_tests
ctest --test-dir build --output-on-failure -j "$jobs"

# Under CI, the Debian package from this release build, installed on the
# machine and used outside the checkout, then removed again. Not on a
# developer's machine: it installs into /usr.
if [ "${CI:-}" = true ]; then
  scripts/test_install.sh build
fi

# The sanitizer build is unoptimised to keep CI short. It runs everything but
# BankVerify (judge verify over the whole bank: every reference, stub, known-
# wrong and correct file, which repeats the same judge paths for minutes) and
# the hostile files that attack performance groups (flash_attention,
# softmax_backward), whose time limits are tight by design and would measure
# an unoptimised judge's load as much as the program; nor the cluster tests
# (label cluster), which test deploy/ rather than the judge's own code; nor
# the 40 known mistakes written in other styles (MistakeVariant), which repeat
# the diagnosis path that Diagnosis.* runs under the sanitizer; nor the bank's
# inventory (JudgePathInventory: every problem's files and pristine stubs, a
# check of data, not of the judge's code); nor RoutedProducts, whose subject
# is the harness's product code as g++ builds it for learners, the same in
# both builds. The release run above checks all of them.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DJUDGE_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$jobs" --target judge judge_tests
ctest --test-dir build-asan --output-on-failure -j "$jobs" -LE cluster \
  -E '^BankVerify$|MistakeVariant\.|JudgePathInventory\.|RoutedProducts\.|JudgePath\.GetsTheVerdictItPromises/hostile_(flash_attention|softmax_backward)_'
