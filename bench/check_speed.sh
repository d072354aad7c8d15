#!/usr/bin/env bash
# How long `judge check softmax` takes on an edited file and on an unchanged
# one, next to a bare `g++ -c` of the same file. Targets: edited <= 0.5 x bare,
# unchanged <= 0.1 x bare. Prints medians of RUNS runs (default 7).
# Then the cold first check of a problem: the precompiled header is ready,
# but nothing of the problem is built yet (its adapter, its reference program,
# the baseline, the reference's expected values and timings), for softmax and
# for flash_attention (a performance group); medians of COLD_RUNS (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
judge=${JUDGE:-build/judge}
[ -x "$judge" ] || scripts/setup.sh >/dev/null
"$judge" prepare >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file=$work/softmax.cpp
eigen=$(pkg-config --cflags-only-I eigen3 | sed 's/^-I//; s/ *$//')

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { awk -v ns="$1" 'BEGIN {printf "%.3f", ns / 1e9}'; }

edit() {  # a different file each time, so neither cache can answer
  cp solutions/softmax/correct/float_loops.cpp "$file"
  echo "// edit $1 $(now)" >>"$file"
}

edit sanity
"$judge" check softmax --file "$file" --no-cache >/dev/null || { echo "the benchmark's file does not pass: fix it first" >&2; exit 1; }

bare=(); edited=(); unchanged=()
for i in $(seq "$runs"); do
  edit "$i"
  t0=$(now); g++ -std=c++17 -O2 -isystem "$eigen" -Iexercises -c "$file" -o "$work/bare.o"; t1=$(now)
  bare+=($((t1 - t0)))
  edit "$i-judge"
  t0=$(now); "$judge" check softmax --file "$file" >/dev/null || true; t1=$(now)
  edited+=($((t1 - t0)))
  t0=$(now); "$judge" check softmax --file "$file" >/dev/null || true; t1=$(now)
  unchanged+=($((t1 - t0)))
done

b=$(printf '%s\n' "${bare[@]}" | median)
e=$(printf '%s\n' "${edited[@]}" | median)
u=$(printf '%s\n' "${unchanged[@]}" | median)
printf 'bare g++ -c          %s s\n' "$(seconds "$b")"
printf 'check, edited file   %s s  (%s x bare; target <= 0.5)\n' "$(seconds "$e")" "$(awk -v a="$e" -v b="$b" 'BEGIN {printf "%.2f", a / b}')"
printf 'check, unchanged     %s s  (%s x bare; target <= 0.1)\n' "$(seconds "$u")" "$(awk -v a="$u" -v b="$b" 'BEGIN {printf "%.3f", a / b}')"

# The cold first check: a fresh cache holding only the prepared toolchain.
cold_runs=${COLD_RUNS:-3}
prepared=$work/prepared
JUDGE_CACHE_DIR=$prepared "$judge" prepare >/dev/null
cold() {  # problem, file
  local times=()
  for i in $(seq "$cold_runs"); do
    rm -rf "$work/cold" && cp -a "$prepared" "$work/cold"
    t0=$(now); JUDGE_CACHE_DIR=$work/cold "$judge" check "$1" --file "$2" >/dev/null || true; t1=$(now)
    times+=($((t1 - t0)))
  done
  printf '%s\n' "${times[@]}" | median
}
c=$(cold softmax solutions/softmax/correct/float_loops.cpp)
printf 'check, cold softmax  %s s  (reference build included)\n' "$(seconds "$c")"
c=$(cold flash_attention solutions/flash_attention/correct/tiled_blocks.cpp)
printf 'check, cold flash_attention %s s  (reference, baseline and timings included)\n' "$(seconds "$c")"
