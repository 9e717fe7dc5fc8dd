#!/usr/bin/env bash
# Source throughput against a baseline of the same run (see SourceBenchmark):
#   bench/source-bench.sh [ROWS]          default 200,000 rows in a 100-subtable meters super table
# Uses TDENGINE_URL (and TDENGINE_USER / TDENGINE_PASSWORD) when set, the stand-in otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q verify -Pbench -DskipTests -Dbench.main=com.taosdata.kafka.connect.it.bench.SourceBenchmark \
  -Dbench.lines="${1:-200000}" 2>&1 | grep -E '^\[tdconnect bench\]|ERROR|Exception'
