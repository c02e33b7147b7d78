#!/usr/bin/env bash
# Proves that the suite cannot pass without its data: with a folder of
# ../shared/data hidden, the tests that read it must be reported as failed
# (never "Skipped", never passed), and with the whole folder missing every
# test binary must fail naming the path. Run by scripts/test after the suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR=${BUILD_DIR:-build}
DATA=$(cd ../shared/data && pwd)

hidden=$(mktemp -d)
trap 'rm -rf "$hidden"' EXIT
# A copy of the data folder made of links, without japan/.
for entry in "$DATA"/*; do
  [ "$(basename "$entry")" = japan ] && continue
  ln -s "$entry" "$hidden/$(basename "$entry")"
done

fail() { echo "hidden_data_must_fail: $*" >&2; exit 1; }

# 1. japan/ hidden: the MOF parser tests and the golden screening tests (whose
#    SetUpTestSuite imports the MOF list) must fail, and none may be skipped.
log="$hidden.log"
if SEKISHO_SHARED_DATA="$hidden" ctest --test-dir "$BUILD_DIR" -R '^(MofXlsx|GoldenScreening)\.' >"$log" 2>&1; then
  cat "$log"; fail "the suite passed with $DATA/japan hidden"
fi
grep -q "GoldenScreening.EveryCaseFindsItsEntityWithinItsScoreRange .*Failed" "$log" ||
  { cat "$log"; fail "the golden test was not reported as failed with japan/ hidden"; }
grep -q "MofXlsx.CountEqualsIndependentCountOfNamedRows .*Failed" "$log" ||
  { cat "$log"; fail "the MOF test was not reported as failed with japan/ hidden"; }
if grep -qE "\*\*\*Skipped|\(Skipped\)|Not Run" "$log"; then cat "$log"; fail "a test was skipped instead of failing"; fi

# 2. The whole folder missing: a binary fails at once and names the path.
missing="$hidden/no_such_folder"
if out=$(SEKISHO_SHARED_DATA="$missing" "$BUILD_DIR/tests/sekisho_core_tests" 2>&1); then
  fail "sekisho_core_tests passed with the data folder missing"
fi
grep -q "$missing" <<<"$out" || fail "the missing-folder error does not name $missing: $out"
rm -f "$log"
echo "hidden_data_must_fail: ok (hidden japan/ fails the MOF and golden tests; a missing folder fails naming the path)"
