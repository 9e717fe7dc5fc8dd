#!/usr/bin/env bash
# Sink throughput, measured in one run against a baseline of the same run (see SinkBenchmark):
#   bench/sink-bench.sh [LINES]          default 1,000,000 meters lines
# Uses TDENGINE_URL (and TDENGINE_USER / TDENGINE_PASSWORD) when set, the stand-in otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q verify -Pbench -DskipTests -Dbench.lines="${1:-1000000}" 2>&1 | grep -E '^\[tdconnect bench\]|ERROR|Exception'
