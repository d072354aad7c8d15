#!/usr/bin/env bash
# SlurmGrade: a class graded through a real (single-node) Slurm cluster with
# deploy/slurm/grade.sh, 3 shards as a job array and the dependent merge, gets
# reports byte-identical to one unsharded judge grade of the same class.
# Usage: tests/cluster/slurm_grade_test.sh PATH/TO/judge
# It starts the cluster (scripts/start-slurm.sh, idempotent) and leaves it
# running for the next run; it cancels its own jobs if it gives up on them.
set -euo pipefail
judge=$(realpath "$1")
src=$(cd "$(dirname "$0")/../.." && pwd)

# Outside CI a machine without root or Slurm skips (ctest: SKIP_RETURN_CODE 77);
# in CI that is a failure, since scripts/test.sh installs slurm-wlm and munge.
skip() {
  if [ "${CI:-}" = true ]; then echo "FAIL: $*"; exit 1; fi
  echo "SKIP: $*"; exit 77
}
[ "$(id -u)" -eq 0 ] || skip "starting a local Slurm cluster needs root"
command -v sbatch >/dev/null && command -v munged >/dev/null ||
  skip "slurm-wlm and munge are not installed (scripts/test.sh installs them)"
"$src/scripts/start-slurm.sh"

work=$(mktemp -d /tmp/judge-slurm-test-XXXXXX)
array=""
finish() {
  status=$?
  # Our jobs only, by id; cancelling the array also cancels the merge that depends on it.
  if [ -n "$array" ] && squeue -h -j "$array" 2>/dev/null | grep -q .; then scancel "$array" || true; fi
  if ((status != 0)); then
    for log in "$work"/out/logs/*; do [ -e "$log" ] && { echo "--- $log"; cat "$log"; }; done
    echo "(kept $work)"
  else
    rm -rf "$work"
  fi
}
trap finish EXIT

# A copy of the bank with a two-problem set, so the class grades in seconds.
mkdir -p "$work/bank"
cp -r "$src/problems" "$src/exercises" "$src/solutions" "$work/bank/"
printf '  slurm-test:\n    title: {en: slurm-test, zh: slurm-test}\n    minutes: 10\n    problems: [softmax, softmax_rows]\n' \
  >>"$work/bank/problems/sets.yaml"

# 4 learners x 2 problems: passes, wrong answers, a compile error, a stub, a missing file.
s=$src/solutions c=$work/class
mkdir -p "$c/ann" "$c/ben" "$c/cat" "$c/dan/exercises"
cp "$s/softmax/correct/float_loops.cpp" "$c/ann/softmax.cpp"
cp "$s/softmax_rows/correct/eigen_rowwise.cpp" "$c/ann/softmax_rows.cpp"
cp "$s/softmax/wrong/no_max_shift.cpp" "$c/ben/softmax.cpp"
cp "$s/softmax_rows/wrong/global_max.cpp" "$c/ben/softmax_rows.cpp"
echo 'not C++' >"$c/cat/softmax.cpp"
cp "$s/softmax/correct/exp_minus_lse.cpp" "$c/dan/exercises/softmax.cpp"
cp "$src/exercises/softmax_rows.cpp" "$c/dan/exercises/softmax_rows.cpp"

# One cache for both runs, as on a cluster's shared file system: the unsharded
# run fills it, so the shards get the very same results.
# One grading time for both runs (SOURCE_DATE_EPOCH), so their reports compare byte for byte.
export JUDGE_CACHE_DIR=${JUDGE_CACHE_DIR:-$src/.judge/cache} NO_COLOR=1 SOURCE_DATE_EPOCH=1764777600
"$judge" grade "$c" --out "$work/whole" --set slurm-test --bank "$work/bank"

# The deadline covers queueing and grading; the merge's state decides success.
timeout 600 "$src/deploy/slurm/grade.sh" --judge "$judge" --class "$c" --out "$work/out" \
  --set slurm-test --shards 3 --cpus 1 --wait -- --bank "$work/bank" >"$work/grade.log" 2>&1 &
driver=$!
# The array's id, as soon as grade.sh prints it, for finish() to cancel.
for _ in $(seq 50); do
  array=$(sed -n 's/^submitted shards: job array \([0-9]*\).*/\1/p' "$work/grade.log" 2>/dev/null)
  [ -n "$array" ] && break
  sleep 0.2
done
status=0
wait "$driver" || status=$?
cat "$work/grade.log"
((status == 0)) || { echo "FAIL: grade.sh exited with $status (124: the 600 s deadline)"; exit 1; }

for i in 0 1 2; do
  log=$work/out/logs/shard-$i.log
  grep -q "graded shard $i/3" "$log" || { echo "FAIL: shard $i did not grade"; exit 1; }
  # The judge refuses to grade unsandboxed, so a graded shard already means
  # bubblewrap worked under slurmd; say so if it ever warns.
  if grep -q "no sandbox" "$log"; then echo "FAIL: shard $i ran without bubblewrap"; exit 1; fi
done
diff -r --exclude=journal.jsonl "$work/whole" "$work/out/reports"
echo "PASS: 3 Slurm shards merged into the reports of one run ($(ls "$work/whole" | wc -l) entries compared)"
