#!/usr/bin/env bash
# A practice room under load: `judge serve` with LEARNERS simulated learners
# (default 30) submitting real correct and wrong solutions of SET (default
# softmax-basics) for DURATION seconds (default 120), thinking THINK_MIN to
# THINK_MAX seconds (5-20) between checks, on WORKERS check workers (default
# nproc). Prints checks per second and p50/p95 submit-to-verdict, next to
# `judge check --format json` of comparable files; and the idle server (one
# learner, one file at a time), whose target is p50 <= 1.2 x the CLI's.
# MODE=idle runs only the idle part, MODE=load only the loaded one.
# Exits 1 if a submission was lost or the server failed. See serve_load.py.
set -euo pipefail
cd "$(dirname "$0")/.."
export JUDGE=${JUDGE:-build/judge}
[ -x "$JUDGE" ] || scripts/setup.sh >/dev/null
exec python3 bench/serve_load.py
