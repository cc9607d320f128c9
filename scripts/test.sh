#!/usr/bin/env bash
# Runs every test of the solution, installing first whatever the tests need on a fresh Debian machine,
# then the integration tests (tests/PolicyTracker.Web.Tests) once more on a throwaway PostgreSQL server.
# Prints a closing "N passed, N failed" line counting both runs and exits non-zero when any test failed.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

bash scripts/install-test-deps.sh

status=0
# A test that hangs fails the run, with a dump, instead of holding it until CI's limit.
dotnet test PolicyTracker.sln --configuration Release --blame-hang-timeout 10m 2>&1 | tee "$log" || status=$?

# Every integration test again on PostgreSQL: the fixtures read the provider from POLICYTRACKER_TEST_DATABASE and
# give each test class its own database on the server the script starts (and removes afterwards).
echo
echo "Integration tests on PostgreSQL"
POLICYTRACKER_TEST_DATABASE=Postgres bash scripts/postgres-test-server.sh \
  dotnet test tests/PolicyTracker.Web.Tests --configuration Release --no-build --blame-hang-timeout 10m 2>&1 | tee -a "$log" || status=$?

# Each test project prints "Passed!  - Failed: F, Passed: P, Skipped: S, ..." or "Failed!  - ...".
awk -F'[:,]' '/^(Passed|Failed)! +- Failed:/ { failed += $2; passed += $4; skipped += $6 }
     END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
exit "$status"
