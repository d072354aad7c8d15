#!/usr/bin/env bash
# Grading throughput: a class of LEARNERS learners (default 30) over the
# softmax and attention tracks, graded with --jobs 1 and with --jobs 2.
# Every learner's file is made unique (a comment with the learner's name), so
# each grading compiles and runs for real, as in a real class; a fresh cache
# directory per run keeps earlier runs from answering.
# Prints wall time, gradings per second and seconds per learner for each.
# SAVE_DIR=DIR keeps each run's summary.csv and outcomes.csv there, to compare
# two builds' verdicts side by side (they must be identical).
#
# JUDGES="build/judge /tmp/old/build/judge" grades the same class with each
# build in turn, ROUNDS times (default 1), alternating (new, old, new, old)
# so that a machine whose speed drifts over minutes treats them alike; it
# prints each build's time against the first's and says whether their
# summary.csv files agree. Each build grades with the bank of its own clone
# (the folder above its binary's), so an old build reads the bank of its day.
#   PROBLEMS="$(cat ids.txt)" JOBS_LIST=2 JUDGES="build/judge /tmp/old/build/judge" bench/grade_throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."
learners=${LEARNERS:-30}
jobs_list=${JOBS_LIST:-"1 2"}
judges=${JUDGES:-${JUDGE:-build/judge}}
rounds=${ROUNDS:-1}
read -r -a judge_list <<<"$judges"
first_judge=${judge_list[0]}
[ -x "$first_judge" ] || scripts/setup.sh >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# PROBLEMS="softmax softmax_rows ..." grades only those problems, in that
# order (the order picks each learner's files), through a copy of each
# build's bank with a set of them: to repeat an earlier run on the bank of
# its day. Default: every problem of the first build's bank, as `judge list`
# shows.
ids=${PROBLEMS:-$("$first_judge" list | awk '/^  [a-z_]+ /{print $1}')}

# The bank each build grades with, when PROBLEMS is given: a copy of its own
# clone's, with a set of the ids. Made here, before any grading, so a binary
# outside a clone stops the benchmark rather than grading some other bank.
banks=()
if [ -n "${PROBLEMS:-}" ]; then
  for j in "${!judge_list[@]}"; do
    clone=$(cd "$(dirname "${judge_list[$j]}")/.." && pwd)
    [ -d "$clone/problems" ] ||
      { echo "no problems/ above ${judge_list[$j]}: JUDGES takes binaries built in a clone" >&2; exit 2; }
    banks[j]=$work/bank-$j
    mkdir -p "${banks[j]}"
    cp -r "$clone/problems" "$clone/solutions" "$clone/exercises" "${banks[j]}/"
    printf '  bench:\n    title: {en: bench, zh: bench}\n    minutes: 10\n    problems: [%s]\n' \
      "$(sed 's/ *$//; s/ \+/, /g' <<<"$ids")" >>"${banks[j]}/problems/sets.yaml"
  done
fi
set_args=()
[ -z "${PROBLEMS:-}" ] || set_args=(--set bench)

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

declare -A seconds_of  # "judge index,jobs" -> the seconds of every round
for round in $(seq "$rounds"); do
  for j in "${!judge_list[@]}"; do
    judge=${judge_list[$j]}
    bank_args=()
    [ -z "${banks[j]:-}" ] || bank_args=(--bank "${banks[j]}")
    for jobs in $jobs_list; do
      run=$work/run-$j-$jobs-$round
      start=$(date +%s%N)
      JUDGE_CACHE_DIR=$run/cache "$judge" "${bank_args[@]}" grade "$work/class" \
        "${set_args[@]}" --out "$run/out" --jobs "$jobs" >/dev/null
      end=$(date +%s%N)
      s=$(awk -v ns=$((end - start)) 'BEGIN {printf "%.1f", ns / 1e9}')
      seconds_of[$j,$jobs]+="$s "
      label=""
      ((${#judge_list[@]} == 1)) || label="$judge, "
      ((rounds == 1)) || label+="round $round, "
      awk -v s="$s" -v jobs="$jobs" -v learners="$learners" -v label="$label" \
        -v gradings="$(($(wc -w <<<"$ids") * learners))" 'BEGIN {
          printf "%s--jobs %s: %.1f s, %.2f gradings/s, %.2f s per learner\n", label, jobs, s, gradings / s, s / learners
        }'
      if [ -n "${SAVE_DIR:-}" ]; then
        # The first build's files keep their old names, so earlier SAVE_DIRs compare.
        suffix=jobs$jobs
        ((j == 0)) || suffix+=-judge$j
        ((rounds == 1)) || suffix+=-round$round
        mkdir -p "$SAVE_DIR"
        cp "$run/out/summary.csv" "$SAVE_DIR/summary-$suffix.csv"
        [ ! -f "$run/out/outcomes.csv" ] || cp "$run/out/outcomes.csv" "$SAVE_DIR/outcomes-$suffix.csv"
      fi
      rm -rf "$run/cache"  # gigabytes of programs, per run
    done
  done
done

# Every run's summary.csv must agree with the first one: the builds, the
# rounds and the --jobs values grade alike.
reference_run="" differ=0 runs=0
for jobs in $jobs_list; do
  for round in $(seq "$rounds"); do
    for j in "${!judge_list[@]}"; do
      runs=$((runs + 1))
      summary=$work/run-$j-$jobs-$round/out/summary.csv
      [ -n "$reference_run" ] || { reference_run=$summary; continue; }
      cmp -s "$reference_run" "$summary" && continue
      differ=1
      echo "summary.csv differs: ${judge_list[$j]} --jobs $jobs round $round (timing-sensitive cases?):"
      diff "$reference_run" "$summary" | head -20
    done
  done
done
((runs == 1 || differ)) || echo "summary.csv identical in all $runs runs"

# Side by side: each build's median against the first build's.
if ((${#judge_list[@]} > 1)); then
  for jobs in $jobs_list; do
    base=$(median "${seconds_of[0,$jobs]}")
    for j in "${!judge_list[@]}"; do
      awk -v judge="${judge_list[$j]}" -v jobs="$jobs" -v m="$(median "${seconds_of[$j,$jobs]}")" -v b="$base" -v runs="${seconds_of[$j,$jobs]}" \
        'BEGIN {sub(/ +$/, "", runs); printf "side by side, --jobs %s: %s median %.1f s (%s), %.2f x the first build\n", jobs, judge, m, runs, m / b}'
    done
  done
fi
