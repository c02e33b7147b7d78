#!/usr/bin/env bash
# HTTP load benchmark: starts `sekisho serve` on 127.0.0.1 over a temporary
# home with OFAC SDN + UN + MOF imported from the local mirror, and drives it
# with wrk (2 threads, 32 connections, DURATION seconds per scenario):
#   screen          single-name POST /v1/screen
#   match           yente POST /match/default with one query
#   screen_reload   single-name POST /v1/screen for 2 x DURATION while a new UN
#                   version is imported through the API (POST /v1/lists/{id}/import)
#                   at 1/6 of the run and the newer file again at 1/2; the
#                   times each new snapshot went live are printed
# Reports requests/s and latency p50/p90/p99 (wrk --latency) and non-2xx counts.
# Goal (issue 4): >= 20,000 requests/s, p99 <= 5 ms on this 2-core machine.
#
#   bench/server_load.sh [DURATION]     (default 15; build first with scripts/build)
# Needs wrk (Debian package; `scripts/setup --bench` installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15}
BIN=${SEKISHO_BIN:-build/sekisho}
DATA=${SEKISHO_SHARED_DATA:-../shared/data}
THREADS=${WRK_THREADS:-2}
CONNECTIONS=${WRK_CONNECTIONS:-32}
SERVER_THREADS=${SERVER_THREADS:-$((CONNECTIONS + 8))}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
TMP=$(mktemp -d)
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

HOME_DIR="$TMP/home"
echo "importing OFAC SDN, UN, MOF into $HOME_DIR ..."
$BIN --home "$HOME_DIR" update --from "$DATA" --lists us_ofac_sdn,un_sc_sanctions,jp_mof_sanctions >"$TMP/update.log" 2>&1 \
  || { cat "$TMP/update.log"; exit 1; }
KEY=$($BIN --home "$HOME_DIR" keys create --role admin --name bench)

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
# cpp-httplib held a worker per keep-alive connection, hence CONNECTIONS + 8; kept so that figures
# compare with the earlier runs (the Beast server needs no more workers than cores: SERVER_THREADS=2).
$BIN --home "$HOME_DIR" serve --listen "127.0.0.1:$PORT" --rate-limit 0 --threads "$SERVER_THREADS" --poll 3600 \
  2>"$TMP/serve.log" &
SERVER_PID=$!
for _ in $(seq 600); do
  curl -sf "$BASE/readyz" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/serve.log"; exit 1; }
  sleep 0.1
done
curl -sf "$BASE/readyz" || { echo "server never became ready"; cat "$TMP/serve.log"; exit 1; }
echo

summary() {  # scenario, wrk output file
  awk -v name="$1" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    /Non-2xx/ { bad = $NF }
    /Socket errors/ { sock = $0 }
    END { printf "%-14s requests/s=%-10s p50=%-9s p90=%-9s p99=%-9s non2xx=%s %s\n", name, rps, p50, p90, p99, (bad ? bad : 0), sock }
  ' "$2"
}

run() {  # scenario name, lua SCENARIO[, seconds]
  SCENARIO=$2 KEY=$KEY wrk -t"$THREADS" -c"$CONNECTIONS" -d"${3:-$DURATION}s" --latency -s bench/server_load.lua "$BASE" \
    >"$TMP/$1.txt"
  summary "$1" "$TMP/$1.txt" | tee -a "$TMP/summary.txt"
}

import_un() {  # file, start time: a new version of the UN list through the API (admin); the swap follows in the background
  curl -sf -H "Authorization: Bearer $KEY" --data-binary @"$1" \
    "$BASE/v1/lists/un_sc_sanctions/import?format=un-xml&wait=false&filename=$(basename "$1")" >"$TMP/import.json" \
    && echo "  t=$(($(date +%s) - $2))s import $(basename "$1"): $(cut -c1-160 "$TMP/import.json")" >>"$TMP/reloads.txt"
}

echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency; server --threads $SERVER_THREADS; $(nproc) cores:$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) (other processes share these cores)"
run screen screen
run match match
# Twice as long, so both new snapshots (a few seconds each to build while
# serving) go live inside the run.
RELOAD_DURATION=$((2 * DURATION))
START=$(date +%s)
( sleep $((RELOAD_DURATION / 6)); import_un "$DATA/un/consolidated_2025-04-19.xml" "$START";
  sleep $((RELOAD_DURATION / 3)); import_un "$DATA/un/consolidated_2026-02-27.xml" "$START" ) &
RELOADER=$!
( last=1; while sleep 0.5; do  # when each new snapshot starts serving
    g=$(curl -s "$BASE/readyz" | grep -o '"generation":[0-9]*' | cut -d: -f2) || true
    if [ -n "$g" ] && [ "$g" != "$last" ]; then
      echo "  t=$(($(date +%s) - START))s serving snapshot generation $g" >>"$TMP/reloads.txt"
      last=$g
    fi
  done ) &
WATCHER=$!
run screen_reload screen "$RELOAD_DURATION"
kill "$WATCHER" 2>/dev/null || true
echo "  t=$(($(date +%s) - START))s load ended"
wait "$RELOADER" || true
sort -t= -k2 -n "$TMP/reloads.txt" 2>/dev/null || echo "  (no import finished during the run)"
grep "serving snapshot" "$TMP/serve.log" | sed 's/^/  /'
