#!/usr/bin/env bash
# End-to-end import benchmark: `sekisho import` of OFAC SDN 2021-07 and of the
# MOF XLSX into a fresh store, RUNS times each, one core (taskset). Reports the
# median wall time and median peak RSS. Baseline in the same run: `sqlite3`
# bulk-loading the same OFAC sdn.csv (the floor for "parse + store" on this disk).
#
#   bench/import.sh [RUNS]      (default 7; build first with scripts/build)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
BIN=${SEKISHO_BIN:-build/sekisho}
DATA=${SEKISHO_SHARED_DATA:-../shared/data}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PIN="taskset -c 0"
command -v taskset >/dev/null || PIN=""

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() {  # name, command...
  local name=$1; shift
  : >"$TMP/times"; : >"$TMP/rss"
  for i in $(seq "$RUNS"); do
    rm -rf "$TMP/home"; mkdir -p "$TMP/home"
    /usr/bin/time -f "%e %M" -o "$TMP/one" $PIN "$@" >/dev/null 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
    read -r secs kb <"$TMP/one"
    echo "$secs" >>"$TMP/times"; echo "$kb" >>"$TMP/rss"
  done
  printf "%-28s runs=%-3s median_wall_s=%-7s median_peak_rss_mb=%s\n" "$name" "$RUNS" \
    "$(median <"$TMP/times")" "$(median <"$TMP/rss" | awk '{printf "%.1f", $1/1024}')"
}

measure ingest_ofac_sdn_2021_07 $BIN --home "$TMP/home" import ofac-csv "$DATA/ofac/sdn_csv_2021-07"
measure ingest_mof_xlsx $BIN --home "$TMP/home" import mof-xlsx "$DATA/japan/mof_shisantouketsu_20260305.xlsx"
measure ingest_un_xml $BIN --home "$TMP/home" import un-xml "$DATA/un/consolidated_2026-02-27.xml"
if command -v sqlite3 >/dev/null; then
  tr -d '\032' <"$DATA/ofac/sdn_csv_2021-07/sdn.csv" >"$TMP/sdn.csv"
  measure baseline_sqlite3_csv_load sqlite3 "$TMP/home/b.db" \
    "CREATE TABLE sdn(a,b,c,d,e,f,g,h,i,j,k,l);" ".mode csv" ".import $TMP/sdn.csv sdn"
fi
