#!/usr/bin/env bash
# Grades a class on a Slurm cluster: submits grade-array.sbatch as an array of
# SHARDS tasks, then a merge job that starts only when every task succeeded
# (afterok) and writes OUT/reports, byte-identical to one unsharded run.
#
#   deploy/slurm/grade.sh --class DIR --out DIR [--set NAME] [--shards N] [--cpus C]
#                         [--judge PATH] [--wait] [-- JUDGE_GRADE_ARGS...]
#
# Each option may come from the environment instead: CLASS, OUT, SET, SHARDS
# (default 4), CPUS (per task, default 2), JUDGE (default: judge on PATH).
# sbatch's own SBATCH_* variables (SBATCH_PARTITION, SBATCH_TIMELIMIT,
# SBATCH_ACCOUNT) apply to both jobs. --wait returns when the merge has ended,
# with its exit status (non-zero if a shard failed: the merge is then cancelled).
set -euo pipefail

usage() { sed -n '6,7p' "$0" | sed 's/^# *//' >&2; exit 2; }
wait_flag=()
while (($#)); do
  case "$1" in
    --class) CLASS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --set) SET=$2; shift 2 ;;
    --shards) SHARDS=$2; shift 2 ;;
    --cpus) CPUS=$2; shift 2 ;;
    --judge) JUDGE=$2; shift 2 ;;
    --wait) wait_flag=(--wait); shift ;;
    --) shift; break ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done
[ -n "${CLASS:-}" ] && [ -n "${OUT:-}" ] || usage
SHARDS=${SHARDS:-4} CPUS=${CPUS:-2} SET=${SET:-}
[[ "$SHARDS" =~ ^[1-9][0-9]*$ ]] || { echo "--shards wants a positive number" >&2; exit 2; }

# The jobs may start in another folder on another node: absolute paths only.
CLASS=$(realpath "$CLASS")
mkdir -p "$OUT/logs"
OUT=$(realpath "$OUT")
JUDGE=$(command -v "${JUDGE:-judge}") || { echo "no judge binary: set JUDGE or --judge" >&2; exit 2; }
here=$(dirname "$(realpath "$0")")

array=$(sbatch --parsable --array=0-$((SHARDS - 1)) --cpus-per-task="$CPUS" \
  --job-name=judge-grade --output="$OUT/logs/shard-%a.log" \
  --export=ALL,JUDGE="$JUDGE",CLASS="$CLASS",OUT="$OUT",SET="$SET",SHARDS="$SHARDS" \
  "$here/grade-array.sbatch" "$@")
array=${array%%;*}  # --parsable prints "id" or "id;cluster"
echo "submitted shards: job array $array (0-$((SHARDS - 1))), logs in $OUT/logs/"

# The shards by number, not OUT/shard-*: a folder left by an earlier run with
# more shards would make the merge refuse (another N).
shards=()
for ((i = 0; i < SHARDS; i++)); do shards+=("$OUT/shard-$i"); done
merge=$(printf '%q ' "$JUDGE" merge "${shards[@]}" --out "$OUT/reports")
merge_args=(--dependency=afterok:"$array" --kill-on-invalid-dep=yes --cpus-per-task=1
            --job-name=judge-merge --output="$OUT/logs/merge.log")
if ((${#wait_flag[@]} == 0)); then
  merge_job=$(sbatch --parsable "${merge_args[@]}" --wrap "$merge")
  echo "submitted merge: job ${merge_job%%;*} (runs when every shard has succeeded), reports will be in $OUT/reports/"
  exit 0
fi
echo "submitting the merge and waiting for it (runs when every shard has succeeded)"
status=0
merge_job=$(sbatch --parsable --wait "${merge_args[@]}" --wrap "$merge") || status=$?
merge_job=${merge_job%%;*}
# A merge cancelled because a shard failed ends with exit code 0 too, so
# sbatch --wait says 0: ask for the job's state.
state=$(scontrol show job -o "$merge_job" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2)
if ((status == 0)) && [ "$state" = COMPLETED ]; then
  echo "merge job $merge_job completed: reports in $OUT/reports/"
  exit 0
fi
echo "merge job $merge_job did not succeed (state ${state:-unknown}, sbatch exit $status):" \
     "a shard failed, or the merge did; see $OUT/logs/ and scontrol show job $array" >&2
exit 1
