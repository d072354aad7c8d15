#!/usr/bin/env bash
# The installed judge as a newcomer gets it: makes the Debian package from an
# existing build folder (the judge is not rebuilt), installs it with apt-get,
# and uses /usr/bin/judge in a fresh folder outside the checkout, with a fresh
# home and no JUDGE_* variables. Then removes the package, leaving the machine
# as it was. Needs root or sudo. scripts/test.sh runs it under CI=true.
#
#   scripts/test_install.sh [BUILD_DIR]    (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
checkout=$(pwd)
build=$(realpath "${1:-build}")
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

passed=0
failed=0
ok() {
  echo "ok: $1"
  passed=$((passed + 1))
}
fail() {
  echo "FAILED: $1" >&2
  [ -z "${2:-}" ] || printf '%s\n' "$2" | sed 's/^/  | /' >&2
  failed=$((failed + 1))
}
# check WHAT COMMAND...: WHAT holds when COMMAND succeeds.
check() {
  local what=$1
  shift
  if "$@"; then ok "$what"; else fail "$what"; fi
}

if dpkg-query -W -f='${Status}' judge 2>/dev/null | grep -q "install ok installed"; then
  echo "test_install: a judge package is installed already; this test would replace and" \
       "then remove it. Remove it first (apt-get remove judge)." >&2
  exit 1
fi

work=$(mktemp -d /tmp/judge-install-test.XXXXXX)
installed=false
cleanup() {
  if $installed; then
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get remove -y -qq judge >/dev/null ||
      echo "test_install: could not remove the judge package" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The package, from what the build folder has: only cpack and the files the
# built judge writes (completions, manual page, stubs) are new.
rm -f "$build"/judge_*.deb
cmake --build "$build" --target deb >"$work/cpack.log" 2>&1 || {
  cat "$work/cpack.log" >&2
  echo "test_install: the package did not build" >&2
  exit 1
}
debs=("$build"/judge_*.deb)
deb=${debs[0]}
[ -f "$deb" ] || { echo "test_install: cpack made no judge_*.deb in $build" >&2; exit 1; }
depends=$(dpkg-deb -f "$deb" Depends)
echo "package: $(basename "$deb"), $(dpkg-deb -f "$deb" Installed-Size) KiB installed"
echo "Depends: $depends"
for needed in g++ libeigen3-dev bubblewrap; do
  if [[ ", $depends," == *", $needed"[,\ ]* ]]; then ok "Depends names $needed"
  else fail "Depends does not name $needed" "$depends"; fi
done

installed=true
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 || {
  cat "$work/apt.log" >&2
  echo "test_install: apt-get install $deb failed" >&2
  exit 1
}

# Every run: the installed judge, in DIR, as a fresh user would have it.
mkdir -p "$work/home" "$work/xdg-cache" "$work/practice"
chmod 700 "$work/home"
judge_in() {
  local dir=$1
  shift
  (cd "$dir" && env -u JUDGE_CACHE_DIR -u JUDGE_ROOT -u JUDGE_BANK -u JUDGE_JAIL -u JUDGE_BWRAP \
    HOME="$work/home" XDG_CACHE_HOME="$work/xdg-cache" NO_COLOR=1 PATH=/usr/bin:/bin \
    judge "$@") >"$work/out" 2>&1
}
# expect CODE WHAT TEXT DIR ARGS...: the exit code, and TEXT in the output.
expect() {
  local code=$1 what=$2 text=$3 dir=$4
  shift 4
  local got=0
  judge_in "$dir" "$@" || got=$?
  if [ "$got" -ne "$code" ]; then
    fail "$what: judge $* exited $got, not $code" "$(cat "$work/out")"
  elif ! grep -qF -- "$text" "$work/out"; then
    fail "$what: judge $* did not say '$text'" "$(cat "$work/out")"
  else
    ok "$what"
  fi
}

version=$(dpkg-deb -f "$deb" Version)
check "judge on PATH is /usr/bin/judge" test "$(PATH=/usr/bin:/bin command -v judge)" = /usr/bin/judge
expect 0 "judge --version" "judge $version (bank " "$work/practice" --version
expect 0 "judge list" "softmax" "$work/practice" list
expect 2 "judge check outside a practice folder says to make one" "judge init" \
  "$work/practice" check softmax
expect 0 "judge init" "made ws" "$work/practice" init ws --set softmax-basics
ws=$work/practice/ws
expect 1 "the stub is not implemented" "not_implemented" "$ws/exercises" check softmax
cp /usr/share/judge/solutions/softmax/correct/float_loops.cpp "$ws/exercises/softmax.cpp"
expect 0 "a correct solution passes" "PASS" "$ws/exercises" check softmax

# The hand-out: small, no build products, no path of the install or the checkout.
check "no cache inside the practice folder" test ! -e "$ws/.judge/cache"
check "the cache is in \$XDG_CACHE_HOME/judge" test -d "$work/xdg-cache/judge"
size=$(du -sk "$ws" | cut -f1)
check "the practice folder (${size} KiB) is under 2 MiB" test "$size" -lt 2048
if grep -rlF -e /usr/share/judge -e "$checkout" -e "$work/xdg-cache" "$ws"; then
  fail "files of the practice folder name the install, the checkout or the cache"
else ok "the practice folder names no path outside itself"; fi

# What is installed with it: the manual page, the completions, the pages of judge serve.
man_page=(/usr/share/man/man1/judge.1*)
if MANWIDTH=80 man -l "${man_page[0]}" >"$work/man" 2>&1 && grep -q "judge init" "$work/man" &&
  grep -q "COMMANDS" "$work/man"; then ok "man -l ${man_page[0]} renders"
else fail "man -l ${man_page[0]} does not render" "$(head -20 "$work/man")"; fi
completion=/usr/share/bash-completion/completions/judge
if [ -f "$completion" ] && bash -c "source $completion && complete -p judge" >/dev/null 2>&1; then
  ok "bash completion installed and registers judge"
else fail "bash completion $completion missing or registers nothing"; fi
check "zsh completion installed" test -f /usr/share/zsh/vendor-completions/_judge
for page in learner.html organiser.html app.css editor.js; do
  check "judge serve's $page is installed" test -f "/usr/share/judge/judge/web/$page"
done
check "the harness is installed" test -f /usr/share/judge/judge/harness/main.cpp

# judge serve sends the installed pages: its room answers on a free port.
(cd "$work/practice" && exec env -u JUDGE_CACHE_DIR -u JUDGE_ROOT -u JUDGE_BANK \
  HOME="$work/home" XDG_CACHE_HOME="$work/xdg-cache" PATH=/usr/bin:/bin \
  judge serve --port 0 --data "$work/room") >"$work/serve" 2>&1 &
server=$!
port=
for _ in $(seq 120); do
  port=$(sed -n 's|^Room: *http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve")
  [ -n "$port" ] || ! kill -0 "$server" 2>/dev/null && break
  sleep 0.5
done
# get PATH: the status line of the installed judge's answer.
get() {
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
  head -1 <&3 | tr -d '\r'
  exec 3<&-
}
if [ -z "$port" ]; then
  fail "judge serve did not start" "$(cat "$work/serve")"
else
  for page in / /static/editor.js; do
    status=$(get "$page" 2>&1 || true)  # a refused connection says so
    check "judge serve sends $page ($status)" test "${status#* }" = "200 OK"
  done
fi
kill "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true

installed=false
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get remove -y -qq judge >/dev/null
check "apt-get remove judge removes the judge" test ! -e /usr/bin/judge
check "apt-get remove judge removes its bank" test ! -e /usr/share/judge

echo "test_install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
