#!/usr/bin/env bash
# Grading throughput: a class of LEARNERS learners (default 30) over the
# softmax and attention tracks, graded with --jobs 1 and with --jobs 2.
# Every learner's file is made unique (a comment with the learner's name), so
# each grading compiles and runs for real, as in a real class; a fresh cache
# directory per run keeps earlier runs from answering.
# Prints wall time, gradings per second and seconds per learner for each.
# SAVE_DIR=DIR keeps each run's summary.csv and outcomes.csv there, to compare
# two builds' verdicts side by side (they must be identical).
set -euo pipefail
cd "$(dirname "$0")/.."
learners=${LEARNERS:-30}
jobs_list=${JOBS_LIST:-"1 2"}
judge=${JUDGE:-build/judge}
[ -x "$judge" ] || scripts/setup.sh >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# PROBLEMS="softmax softmax_rows ..." grades only those problems, in that
# order (the order picks each learner's files), through a copy of the bank
# with a set of them: to repeat an earlier run on the bank of its day.
# Default: every problem of the bank, as `judge list` shows.
ids=${PROBLEMS:-$("$judge" list | awk '/^  [a-z_]+ /{print $1}')}
bank_args=() set_args=()
if [ -n "${PROBLEMS:-}" ]; then
  mkdir -p "$work/bank"
  cp -r problems solutions exercises "$work/bank/"
  printf '  bench:\n    title: {en: bench, zh: bench}\n    minutes: 10\n    problems: [%s]\n' \
    "$(sed 's/ \+/, /g' <<<"$ids")" >>"$work/bank/problems/sets.yaml"
  bank_args=(--bank "$work/bank") set_args=(--set bench)
fi

# A class that looks like a real one: correct files in several styles, the
# known traps, untouched stubs, and the odd missing file.
declare -A pool
for id in $ids; do
  for f in solutions/"$id"/correct/*.cpp solutions/"$id"/wrong/*.cpp; do
    [ -f "$f" ] && pool[$id]+="$f "
  done
done
for i in $(seq -w 1 "$learners"); do
  dir=$work/class/learner$i
  mkdir -p "$dir"
  n=0
  for id in $ids; do
    n=$((n + 1))
    read -r -a choices <<<"${pool[$id]:-} exercises/$id.cpp"
    pick=$(( (10#$i * 7 + n * 3) % (${#choices[@]} + 1) ))
    ((pick == ${#choices[@]})) && continue  # not attempted
    { cat "${choices[$pick]}"; echo "// learner$i"; } >"$dir/$id.cpp"
  done
done
files=$(find "$work/class" -name '*.cpp' | wc -l)
echo "class: $learners learners x $(wc -w <<<"$ids") problems, $files files handed in"

for jobs in $jobs_list; do
  start=$(date +%s%N)
  JUDGE_CACHE_DIR=$work/cache-$jobs "$judge" "${bank_args[@]}" grade "$work/class" \
    "${set_args[@]}" --out "$work/out-$jobs" --jobs "$jobs" >/dev/null
  end=$(date +%s%N)
  awk -v ns=$((end - start)) -v jobs="$jobs" -v learners="$learners" \
    -v gradings="$(($(wc -w <<<"$ids") * learners))" 'BEGIN {
      s = ns / 1e9
      printf "--jobs %s: %.1f s, %.2f gradings/s, %.2f s per learner\n", jobs, s, gradings / s, s / learners
    }'
  if [ -n "${SAVE_DIR:-}" ]; then
    mkdir -p "$SAVE_DIR"
    cp "$work/out-$jobs/summary.csv" "$SAVE_DIR/summary-jobs$jobs.csv"
    cp "$work/out-$jobs/outcomes.csv" "$SAVE_DIR/outcomes-jobs$jobs.csv"
  fi
done
if [ -f "$work/out-1/summary.csv" ] && [ -f "$work/out-2/summary.csv" ]; then
  if cmp -s "$work/out-1/summary.csv" "$work/out-2/summary.csv"; then
    echo "summary.csv identical for --jobs 1 and --jobs 2"
  else
    echo "summary.csv differs between --jobs 1 and --jobs 2 (timing-sensitive cases?):"
    diff "$work/out-1/summary.csv" "$work/out-2/summary.csv" | head -20
  fi
fi
