#!/usr/bin/env bash
# The same class graded three ways on this machine: unsharded (--jobs 2), and
# in 2 shards through the local Slurm cluster (deploy/slurm/grade.sh), once
# with 1 CPU per shard (both shards at once) and once with 2 (one after the
# other, each with the whole machine). Prints wall times and each shard's own
# time. One machine cannot show N-machine speed-ups; docs/cluster.md explains
# how to read the figures. Needs root and slurm-wlm (scripts/start-slurm.sh).
#   LEARNERS=12 SET=softmax-basics bench/cluster_grade.sh
set -euo pipefail
cd "$(dirname "$0")/.."
learners=${LEARNERS:-12}
set_id=${SET:-softmax-basics}
judge=$(realpath "${JUDGE:-build/judge}")
scripts/start-slurm.sh

work=$(mktemp -d /tmp/judge-cluster-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
ids=$("$judge" list --set "$set_id" | awk '/^  [a-z_]+ /{print $1}')

# Every file unique (a comment with the learner's name), so each grading
# compiles and runs for real; as in bench/grade_throughput.sh.
for i in $(seq -w 1 "$learners"); do
  n=0
  for id in $ids; do
    n=$((n + 1))
    read -r -a choices <<<"$(ls solutions/"$id"/correct/*.cpp solutions/"$id"/wrong/*.cpp) exercises/$id.cpp"
    f=${choices[$(((10#$i * 7 + n * 3) % ${#choices[@]}))]}
    mkdir -p "$work/class/learner$i"
    { cat "$f"; echo "// learner$i"; } >"$work/class/learner$i/$id.cpp"
  done
done
echo "class: $learners learners x $(wc -w <<<"$ids") problems ($set_id); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# Each run starts from the same cache: the precompiled toolchain only (as after
# judge prepare on a cluster's shared cache), no reference, expected value or
# learner program built yet.
JUDGE_CACHE_DIR=$work/seed "$judge" prepare >/dev/null
fresh_cache() { cp -a "$work/seed" "$work/cache-$1"; echo "$work/cache-$1"; }
now() { date +%s.%N; }
since() { awk -v a="$(now)" -v b="$1" 'BEGIN { printf "%.1f", a - b }'; }

start=$(now)
JUDGE_CACHE_DIR=$(fresh_cache whole) "$judge" grade "$work/class" --out "$work/whole" \
  --set "$set_id" --jobs 2 >/dev/null
printf 'unsharded, --jobs 2:                 %6.1f s\n' "$(since "$start")"

for cpus in 1 2; do
  start=$(now)
  JUDGE_CACHE_DIR=$(fresh_cache "shards-$cpus") deploy/slurm/grade.sh --judge "$judge" \
    --class "$work/class" --out "$work/shards-$cpus" --set "$set_id" --shards 2 \
    --cpus "$cpus" --wait >/dev/null
  wall=$(since "$start")
  per_shard=$(sed -n 's/^graded shard \([0-9]\)\/2: \([0-9]*\) of .* in \([0-9.]*\) s.*/shard \1: \2 pairs in \3 s/p' \
    "$work/shards-$cpus"/logs/shard-*.log | paste -sd, | sed 's/,/, /')
  printf '2 Slurm shards, %s cpu each:         %6.1f s (submit to merged; %s)\n' "$cpus" "$wall" "$per_shard"
  if cmp -s "$work/whole/summary.csv" "$work/shards-$cpus/reports/summary.csv"; then
    echo "  summary.csv identical to the unsharded run's"
  else
    echo "  summary.csv differs from the unsharded run's (separate caches; timing-dependent cases?)"
  fi
done
