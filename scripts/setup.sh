#!/usr/bin/env bash
# Installs what is missing (Debian packages), configures and builds the judge.
# Safe to run again: it only installs and rebuilds what is needed.
set -euo pipefail
cd "$(dirname "$0")/.."

# bubblewrap sandboxes learner code; libseccomp-dev builds the system-call filter;
# libssl-dev gives SHA-256 for the keys that name built programs and results.
# libsqlitecpp-dev (pulls libsqlite3-dev): judge serve's store, an embedded file with nothing
# to set up; SQLiteCpp for RAII statements and transactions. libcpp-httplib-dev: judge serve's
# HTTP server (and the tests' client).
# libarchive-dev: judge grade unpacks the .zip and .tar hand-ins of a class.
# dpkg-dev (dpkg-shlibdeps) and file: CPack works out which library packages the
# Debian package (cmake --build build --target deb) depends on.
# JUDGE_EXTRA_PACKAGES adds more (the test suite asks for chromium).
packages=(g++ cmake make pkg-config libeigen3-dev libyaml-cpp-dev libfmt-dev libcli11-dev
          nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev bubblewrap libseccomp-dev libssl-dev
          libsqlitecpp-dev libcpp-httplib-dev libarchive-dev dpkg-dev file ${JUDGE_EXTRA_PACKAGES:-})
# node and npm bundle judge serve's editor (CodeMirror, pinned by judge/web/package-lock.json).
# Checked by command, not by package: a node installed another way serves as well.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

build_dir=${JUDGE_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" -j "$(nproc)" --target judge
# Precompile the Eigen header and the harness now, so the first check is fast.
"$build_dir/judge" prepare
