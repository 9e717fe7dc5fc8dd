#!/usr/bin/env bash
# Sink throughput, measured in one run against a baseline of the same run (see SinkBenchmark):
#   bench/sink-bench.sh [LINES]          default 1,000,000 meters lines
# Uses TDENGINE_URL (and TDENGINE_USER / TDENGINE_PASSWORD) when set, the stand-in otherwise.
#   BENCH_SINK_PATHS=line             only the line paths (no Avro, no typed writes)
#   BENCH_SINK_PATHS=typed            the Avro and typed paths, beside the direct writer and the line sink, 1 thread/task
#   BENCH_SINK_SETTINGS="k=v,k=v"     connector settings every sink path adds, to try one
#   BENCH_SINK_ROUNDS=5               the Avro line sink and the typed sink (1 and 2 tasks) again in 4 more rounds: each
#                                     round's ratios, their medians and ranges
# The Connect worker runs with the JVM options connect-distributed.sh gives it (heap and G1 settings), not the test
# suites' small serial-GC heap; TDCONNECT_WORKER_JAVA_OPTS replaces them (for instance to add a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/.."
export TDCONNECT_WORKER_JAVA_OPTS="${TDCONNECT_WORKER_JAVA_OPTS:--Xms256m -Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent}"
mvn -B -ntp -q verify -Pbench -DskipTests -Dbench.lines="${1:-1000000}" 2>&1 | grep --line-buffered -E '^\[tdconnect bench\]|ERROR|Exception'
