#!/usr/bin/env bash
# How long `judge check ID` takes on an edited file and on an unchanged one,
# next to a bare `g++ -c` of the same file, for softmax (loops) and
# multi_head_attention (Eigen products). Targets: edited <= 0.5 x bare,
# unchanged <= 0.1 x bare. Prints medians of RUNS runs (default 7).
# Then the cold first check of a problem: the precompiled header is ready,
# but nothing of the problem is built yet (its adapter, its reference program,
# the baseline, the reference's expected values and timings), for softmax and
# for flash_attention (a performance group); medians of COLD_RUNS (default 3).
#
# JUDGES="build/judge /tmp/old/judge" measures several builds side by side in
# one run (each with a cache of its own), to compare a change fairly.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
judges=${JUDGES:-build/judge}
[ -x build/judge ] || scripts/setup.sh >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
eigen=$(pkg-config --cflags-only-I eigen3 | sed 's/^-I//; s/ *$//')

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { awk -v ns="$1" 'BEGIN {printf "%.3f", ns / 1e9}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# problem id and the correct file that stands for a learner's
examples=("softmax solutions/softmax/correct/float_loops.cpp"
  "multi_head_attention solutions/multi_head_attention/correct/eigen_blocks.cpp")

edit() {  # source, target, tag: a different file each time, so no cache can answer
  cp "$1" "$2"
  echo "// edit $3 $(now)" >>"$2"
}

n=0
for judge in $judges; do
  n=$((n + 1))
  export JUDGE_CACHE_DIR=$work/cache-$n
  "$judge" prepare >/dev/null
  echo "== $judge"
  for example in "${examples[@]}"; do
    read -r id source <<<"$example"
    file=$work/$id.cpp
    edit "$source" "$file" sanity
    "$judge" check "$id" --file "$file" >/dev/null ||
      { echo "$source does not pass with $judge: fix it first" >&2; exit 1; }
    bare=(); edited=(); unchanged=()
    for i in $(seq "$runs"); do
      edit "$source" "$file" "$i"
      t0=$(now); g++ -std=c++17 -O2 -isystem "$eigen" -Iexercises -c "$file" -o "$work/bare.o"; t1=$(now)
      bare+=($((t1 - t0)))
      edit "$source" "$file" "$i-judge"
      t0=$(now); "$judge" check "$id" --file "$file" >/dev/null || true; t1=$(now)
      edited+=($((t1 - t0)))
      t0=$(now); "$judge" check "$id" --file "$file" >/dev/null || true; t1=$(now)
      unchanged+=($((t1 - t0)))
    done
    b=$(printf '%s\n' "${bare[@]}" | median)
    e=$(printf '%s\n' "${edited[@]}" | median)
    u=$(printf '%s\n' "${unchanged[@]}" | median)
    printf '%-21s bare g++ -c %s s, check edited %s s (%s x bare), unchanged %s s (%s x bare)\n' \
      "$id" "$(seconds "$b")" "$(seconds "$e")" "$(ratio "$e" "$b")" "$(seconds "$u")" "$(ratio "$u" "$b")"
  done

  # The cold first check: a fresh cache holding only the prepared toolchain.
  cold_runs=${COLD_RUNS:-3}
  prepared=$work/prepared-$n
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
  printf 'cold softmax          %s s  (reference build included)\n' "$(seconds "$c")"
  c=$(cold flash_attention solutions/flash_attention/correct/tiled_blocks.cpp)
  printf 'cold flash_attention  %s s  (reference, baseline and timings included)\n' "$(seconds "$c")"
done
