#!/usr/bin/env bash
# What judge watch adds to a check: from the moment a save is seen to the
# moment the new screen is drawn, minus the check itself and minus the 200 ms
# quiet period the watch waits on purpose. Target: at most 50 ms.
# The watch writes timestamps to JUDGE_WATCH_TRACE; RUNS saves (default 7),
# each an edited file, so every check compiles. Prints medians.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
judge=$(realpath "${JUDGE:-build/judge}")
[ -x "$judge" ] || scripts/setup.sh >/dev/null

work=$(mktemp -d)
feeder=
cleanup() {
  [ -n "$feeder" ] && kill "$feeder" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
"$judge" init "$work/ws" --set softmax-basics >/dev/null
trace=$work/trace
# stdin that stays open and silent: no keys, no end of input.
(cd "$work/ws" && tail -f /dev/null | JUDGE_WATCH_TRACE=$trace NO_COLOR=1 "$judge" watch softmax \
  >/dev/null 2>&1) &
feeder=$!

drawn() { if [ -f "$trace" ]; then awk '/^drawn/ { n++ } END { print n + 0 }' "$trace"; else echo 0; fi; }
wait_drawn() {  # until the trace holds $1 screens
  for _ in $(seq 600); do (($(drawn) >= $1)) && return 0; sleep 0.05; done
  echo "the watch drew no screen" >&2; exit 1
}
wait_drawn 1
for i in $(seq "$runs"); do
  before=$(drawn)
  { cat solutions/softmax/correct/float_loops.cpp; echo "// edit $i $(date +%s%N)"; } \
    >"$work/ws/exercises/softmax.cpp"
  wait_drawn $((before + 1))
done

# Pair each save with the check and the screen that followed it.
awk -v quiet_ms=200 '
  $1 == "saved" { saved = $2 }
  $1 == "check" { check = $2 }
  $1 == "checked" { checked = $2 }
  $1 == "drawn" && saved > 0 {
    total[n] = (($2 - saved) / 1e6); run[n] = (checked - check) / 1e6
    over[n] = total[n] - run[n] - quiet_ms; n++; saved = 0
  }
  function median(a, k,   i, j, t) {
    for (i = 0; i < k; i++) for (j = i + 1; j < k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return a[int((k - 1) / 2)]
  }
  END {
    printf "saves: %d\n", n
    printf "save seen -> screen drawn: %.1f ms (median)\n", median(total, n)
    printf "  of which the check:       %.1f ms\n", median(run, n)
    printf "  of which the quiet period: %d ms (by design)\n", quiet_ms
    printf "watch overhead:             %.2f ms (target <= 50)\n", median(over, n)
  }' "$trace"
