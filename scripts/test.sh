#!/usr/bin/env bash
# Runs every test of the solution, installing first whatever the tests need on a fresh Debian machine.
# Prints a closing "N passed, N failed" line and exits non-zero when any test failed.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

bash scripts/install-test-deps.sh

status=0
# A test that hangs fails the run, with a dump, instead of holding it until CI's limit.
dotnet test PolicyTracker.sln --configuration Release --blame-hang-timeout 10m 2>&1 | tee "$log" || status=$?

# Each test project prints "Passed!  - Failed: F, Passed: P, Skipped: S, ..." or "Failed!  - ...".
awk -F'[:,]' '/^(Passed|Failed)! +- Failed:/ { failed += $2; passed += $4; skipped += $6 }
     END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
exit "$status"
