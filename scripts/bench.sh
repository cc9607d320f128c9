#!/usr/bin/env bash
# Measures extraction throughput on one core and prints the machine it ran on, for docs/benchmarks.md.
# Extra arguments replace the default command, e.g. scripts/bench.sh profile --mb 10
set -euo pipefail
cd "$(dirname "$0")/.."

echo "date:    $(date -u +%Y-%m-%d)"
echo "cores:   $(nproc)"
echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory:  $(awk '/^MemTotal:/ { printf "%.1f GiB\n", $2 / 1048576 }' /proc/meminfo)"
echo "os:      $(. /etc/os-release && echo "$PRETTY_NAME")"
echo "dotnet:  $(dotnet --version)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
echo

if [ "$#" -eq 0 ]; then
    set -- extract --mb 50
fi
dotnet run -c Release --project tests/PolicyTracker.Benchmarks -- "$@"
