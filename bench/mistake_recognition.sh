#!/usr/bin/env bash
# How often the judge names a known mistake made in another style: every
# learner file in tests/submissions/mistakes/ID/NAME__STYLE.cpp makes the
# mistake of solutions/ID/wrong/NAME.cpp. Prints, per file, what the judge
# named, then how many were named rightly, named wrongly (a defect) and not
# named at all. SELF=1 also checks every known-wrong solution itself.
set -euo pipefail
cd "$(dirname "$0")/.."
judge=${JUDGE:-build/judge}
[ -x "$judge" ] || scripts/setup.sh >/dev/null

files=$(find tests/submissions/mistakes -name '*__*.cpp' | sort)
if [ "${SELF:-0}" = 1 ]; then files="$files $(ls solutions/*/wrong/*.cpp)"; fi
right=0 wrong=0 none=0
for f in $files; do
  if [[ $f == solutions/* ]]; then
    id=$(cut -d/ -f2 <<<"$f"); want=$(basename "$f" .cpp)
  else
    id=$(cut -d/ -f4 <<<"$f"); want=$(basename "$f" .cpp); want=${want%%__*}
  fi
  got=$({ "$judge" check "$id" --file "$f" --format json 2>/dev/null || true; } |
    python3 -c 'import json,sys; print(json.load(sys.stdin).get("diagnosis", {}).get("id", "-"))')
  if [ "$got" = "$want" ]; then right=$((right + 1)); mark=ok
  elif [ "$got" = "-" ]; then none=$((none + 1)); mark=none
  else wrong=$((wrong + 1)); mark=WRONG; fi
  printf '%-5s %-60s %s\n' "$mark" "$f" "$got"
done
total=$((right + wrong + none))
awk -v r="$right" -v w="$wrong" -v n="$none" -v t="$total" 'BEGIN {
  printf "named rightly %d of %d (%.0f%%), named wrongly %d, not named %d\n", r, t, t ? 100 * r / t : 0, w, n }'
