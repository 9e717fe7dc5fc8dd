#!/usr/bin/env bash
# Source throughput against a baseline of the same run (see SourceBenchmark):
#   bench/source-bench.sh [ROWS] [MODES]  default 200,000 rows in a 100-subtable meters super table; MODES is
#                                         "query,subscription" (the default), "query" or "subscription"
# Uses TDENGINE_URL (and TDENGINE_USER / TDENGINE_PASSWORD) when set, the stand-in otherwise.
# The Connect worker runs with the JVM options connect-distributed.sh gives it (heap and G1 settings), not the test
# suites' small serial-GC heap; TDCONNECT_WORKER_JAVA_OPTS replaces them (for instance to add a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/.."
export TDCONNECT_WORKER_JAVA_OPTS="${TDCONNECT_WORKER_JAVA_OPTS:--Xms256m -Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent}"
mvn -B -ntp -q verify -Pbench -DskipTests -Dbench.main=com.taosdata.kafka.connect.it.bench.SourceBenchmark \
  -Dbench.lines="${1:-200000}" -Dbench.modes="${2:-query,subscription}" 2>&1 | grep -E '^\[tdconnect bench\]|ERROR|Exception'
