#!/usr/bin/env bash
# Instructions per screen() call of this build's screen_driver against a baseline build's, in one
# run, under callgrind. Instruction counts are the same on every run, where timings on this shared
# machine drift by a third: the figure to hold a change to ("the speed does not get worse").
#
#   bench/instructions_vs_baseline.sh BASELINE_DRIVER [DRIVER]
#
# BASELINE_DRIVER is the screen_driver of another checkout, built the same way, e.g.
#   git worktree add --detach ../baseline <commit> && (cd ../baseline && cmake -S . -B build -G Ninja \
#     -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build build --target screen_driver)
# DRIVER defaults to build/bench/screen_driver. Each driver parses the lists of its own version
# (its listed names and forms are what it screens), with the same queries seed. QUERIES_EXACT
# (default 500) exact and typo queries, QUERIES_TRANSLIT (default 300) transliterated and negative
# ones, as in bench/README.md's "Instruction counts".
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: bench/instructions_vs_baseline.sh BASELINE_DRIVER [DRIVER]}
NEW=${2:-build/bench/screen_driver}
QE=${QUERIES_EXACT:-500}
QT=${QUERIES_TRANSLIT:-300}
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
for b in "$BASE" "$NEW"; do [ -x "$b" ] || { echo "no executable $b" >&2; exit 1; }; done
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Instructions per query of one driver on one workload, and the recall that run printed.
count() {  # driver workload queries
  local out="$TMP/out" log="$TMP/log"
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/dev/null \
    "$1" --only "$2" --queries "$3" --reps 1 --batch 0 --exhaustive-queries 0 >"$out" 2>"$log" ||
    { cat "$log" >&2; exit 1; }
  local collected recall
  collected=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log")
  recall=$(awk -v w="query_$2" '$1 == w && $7 ~ /%$/ {print $7; exit}' "$out")
  [ -n "$collected" ] || { echo "no instruction count from $1 --only $2" >&2; cat "$log" >&2; exit 1; }
  echo "$collected $3 ${recall:-?}" | awk '{printf "%.1f %s", $1 / (20 + 2 * $2) / 1000, $3}'
}

printf "%-16s %18s %18s %8s   %s\n" workload "baseline k/query" "this k/query" ratio "recall baseline / this"
for w in exact typo translit negative; do
  q=$QE
  case $w in translit | negative) q=$QT ;; esac
  read -r base_k base_recall <<<"$(count "$BASE" "$w" "$q")"
  read -r new_k new_recall <<<"$(count "$NEW" "$w" "$q")"
  printf "%-16s %18s %18s %7.2fx   %s / %s\n" "query_$w" "$base_k" "$new_k" \
    "$(awk -v a="$new_k" -v b="$base_k" 'BEGIN {print a / b}')" "$base_recall" "$new_recall"
done
