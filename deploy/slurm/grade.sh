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
# SBATCH_ACCOUNT, SBATCH_MEM_PER_CPU) apply to both jobs. --wait returns when
# the merge has ended: 0 if it completed, 1 if it failed or was cancelled
# because a shard failed.
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

[ -d "$CLASS" ] || { echo "$CLASS is not a folder (the class: one folder per learner)" >&2; exit 2; }
# The jobs may start in another folder on another node: absolute paths only.
CLASS=$(realpath "$CLASS")
mkdir -p "$OUT/logs"
OUT=$(realpath "$OUT")
JUDGE=$(command -v "${JUDGE:-judge}") || { echo "no judge binary: set JUDGE or --judge" >&2; exit 2; }
JUDGE=$(realpath "$JUDGE")
here=$(dirname "$(realpath "$0")")
# sbatch --export splits its list at commas.
for v in "$JUDGE" "$CLASS" "$OUT" "$SET"; do
  [[ "$v" != *,* ]] || { echo "a comma in '$v': sbatch --export cannot pass it; rename it" >&2; exit 2; }
done

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
merge_job=$(sbatch --parsable --dependency=afterok:"$array" --kill-on-invalid-dep=yes \
  --cpus-per-task=1 --job-name=judge-merge --output="$OUT/logs/merge.log" --wrap "$merge")
merge_job=${merge_job%%;*}
echo "submitted merge: job $merge_job (runs when every shard has succeeded), reports in $OUT/reports/"
((${#wait_flag[@]})) || exit 0

# Waiting by polling the merge's state every 2 s rather than sbatch --wait,
# which polls ever more slowly (tens of seconds late) and reports a merge
# cancelled for a failed shard as exit code 0.
misses=0
while :; do
  state=$(scontrol show job -o "$merge_job" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2) || true
  case "$state" in
    COMPLETED) echo "merge job $merge_job completed"; exit 0 ;;
    PENDING | CONFIGURING | RUNNING | COMPLETING | SUSPENDED | REQUEUED | RESIZING) misses=0 ;;
    "") # slurmctld busy, or the job already purged from its memory
      misses=$((misses + 1))
      ((misses < 30)) || { echo "lost track of merge job $merge_job (scontrol does not know it)" >&2; exit 1; } ;;
    *) echo "merge job $merge_job ended $state: a shard failed, or the merge did;" \
            "see $OUT/logs/ and scontrol show job $array" >&2
       exit 1 ;;
  esac
  sleep "${POLL_SECONDS:-2}"
done
