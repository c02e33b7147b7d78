#!/usr/bin/env bash
# Screening benchmark with its baseline in the same run (issue 3 §6):
#   1. build/bench/screen_driver: sekisho's Screener on OFAC SDN 2021-07 + UN +
#      MOF, the named workloads (latency on one core, batch on 2 threads, index
#      vs exhaustive, memory), and an export of the corpus and query sets;
#   2. PostgreSQL 15 + pg_trgm on the same names and the same queries, in a
#      throwaway cluster (temp dir, 127.0.0.1 on a free port, socket in the temp
#      dir) that is stopped and deleted on exit, whatever happens;
#   3. one comparison table: throughput ratio and recall of both.
#
#   bench/screen_vs_pg_trgm.sh [QUERIES_PER_WORKLOAD]   (default 2000; needs root
#                                                       to install PostgreSQL and
#                                                       to run it as `postgres`)
# Environment: BUILD_DIR (build), PG_THRESHOLD (0.5), PG_BATCH (4000 queries),
# PG_MAX_SECONDS (120, per workload), REPS (5), SEKISHO_SHARED_DATA (../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
QUERIES=${1:-2000}
BUILD_DIR=${BUILD_DIR:-build}
PG_THRESHOLD=${PG_THRESHOLD:-0.5}
PG_BATCH=${PG_BATCH:-4000}
PG_MAX_SECONDS=${PG_MAX_SECONDS:-120}
REPS=${REPS:-5}
DATA=${SEKISHO_SHARED_DATA:-$(cd .. && pwd)/shared/data}

# --- PostgreSQL (benchmarks only; `scripts/setup --bench` installs the same) ----
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 ||
   ! ls /usr/share/postgresql/*/extension/pg_trgm.control >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql postgresql-contrib libpq-dev >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

cmake --build "$BUILD_DIR" -j2 --target screen_driver pg_client >/dev/null

TMP=$(mktemp -d)
chmod 755 "$TMP"
PGDATA="$TMP/pg"
cleanup() {
  if [ -f "$PGDATA/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

# --- 1. sekisho ---------------------------------------------------------------
echo "== sekisho screen_driver ($QUERIES queries per workload) =="
"$BUILD_DIR/bench/screen_driver" --data "$DATA" --queries "$QUERIES" --reps "$REPS" --export "$TMP/export" |
  tee "$TMP/sekisho.out"
echo

# --- 2. pg_trgm ---------------------------------------------------------------
mkdir -p "$PGDATA" "$TMP/sock"
chown postgres "$PGDATA" "$TMP/sock"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 \
  --locale=C.UTF-8 >"$TMP/initdb.log"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -w -l "$TMP/sock/server.log" -o \
  "-p $PORT -k $TMP/sock -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c fsync=off -c max_connections=20" \
  start >/dev/null
PSQL=("$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE bench"
LOAD_START=$(date +%s.%N)
"${PSQL[@]}" -d bench <<SQL
CREATE EXTENSION pg_trgm;
CREATE EXTENSION unaccent;
CREATE TABLE raw_full (entity_id text, name text);
CREATE TABLE raw_latin (entity_id text, name text);
\copy raw_full FROM '$TMP/export/corpus_full.csv' WITH (FORMAT csv)
\copy raw_latin FROM '$TMP/export/corpus_latin.csv' WITH (FORMAT csv)
-- One row per name, normalised the way an in-house team would.
CREATE TABLE names_full AS SELECT entity_id, name, lower(unaccent(name)) AS norm FROM raw_full;
CREATE TABLE names_latin AS SELECT entity_id, name, lower(unaccent(name)) AS norm FROM raw_latin;
CREATE INDEX names_full_trgm ON names_full USING gin (norm gin_trgm_ops);
CREATE INDEX names_latin_trgm ON names_latin USING gin (norm gin_trgm_ops);
ANALYZE names_full;
ANALYZE names_latin;
SQL
LOAD_S=$(awk -v a="$LOAD_START" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
ROWS=$("${PSQL[@]}" -d bench -At -c "SELECT count(*) FROM names_full")
echo "== PostgreSQL $("${PSQL[@]}" -d bench -At -c 'SHOW server_version') pg_trgm: $ROWS names loaded and indexed in ${LOAD_S}s =="
"$BUILD_DIR/bench/pg_client" --conninfo "host=127.0.0.1 port=$PORT dbname=bench user=postgres" \
  --queries "$TMP/export/queries.csv" --threshold "$PG_THRESHOLD" --threads 2 --batch "$PG_BATCH" \
  --max-seconds "$PG_MAX_SECONDS" | tee "$TMP/pg.out"
echo

# --- 3. side by side ----------------------------------------------------------
python3 - "$TMP/sekisho.out" "$TMP/pg.out" <<'PY'
import json, sys
def last_json(path):
    return json.loads([l for l in open(path) if l.startswith("JSON ")][-1][5:])
s, p = last_json(sys.argv[1]), last_json(sys.argv[2])
print("== sekisho vs pg_trgm (same names, same queries) ==")
print(f"{'workload':<16} {'sekisho_p50_us':>14} {'pg_p50_us':>10} {'sekisho_speedup':>15} {'sekisho_recall':>15} {'pg_recall':>10}")
for w in ("query_exact", "query_typo", "query_translit", "query_negative"):
    a, b = s[w], p[w]
    print(f"{w:<16} {a['p50_us']:>14.1f} {b['p50_us']:>10.0f} {b['p50_us']/a['p50_us']:>14.2f}x "
          f"{100*a['recall']:>14.2f}% {100*b['recall']:>9.2f}%")
sb, pb = s["batch"]["names_per_s"], p["batch"]["names_per_s"]
print(f"\nthroughput on 2 cores: sekisho {sb:,.0f} names/s, pg_trgm {pb:,.1f} names/s: ratio {sb/pb:,.2f}x (goal >= 100x)")
print("(recall: expected entity in the top 10; query_negative: share of queries with any hit, lower is better)")
out = {"bench": "screen_vs_pg_trgm", "throughput_ratio": sb / pb,
       "sekisho_names_per_s": sb, "pg_names_per_s": pb,
       "recall": {w: {"sekisho": s[w]["recall"], "pg_trgm": p[w]["recall"]}
                  for w in ("query_exact", "query_typo", "query_translit", "query_negative")}}
print("JSON " + json.dumps(out))
PY
