#!/usr/bin/env bash
# Source throughput and CPU per row against the hand-written programs of the same run (see SourceBenchmark):
#   bench/source-bench.sh [ROWS] [MODES]  default 200,000 rows in a 100-subtable meters super table; MODES, comma-
#                                         separated, of "query" (1 and 2 tasks against SELECT -> KafkaProducer),
#                                         "formats" (json, struct, bulk settings) and "subscription" (1 and 2 tasks
#                                         against TaosConsumer -> KafkaProducer); all three by default
# Environment (issue 19's setup: BENCH_PRECISION=ms BENCH_INSERT=sql BENCH_WORKER_HEAP=1g BENCH_CONSUMER=jvm):
#   BENCH_PRECISION   the database's precision: ns (default), us or ms
#   BENCH_INSERT      lines (default: the schemaless writer, 100 rows per millisecond in 2023) or sql (multi-table
#                     INSERTs of 10,000 rows round-robin over the subtables, one row per millisecond in the past day)
#   BENCH_CONSUMER    none (default), jvm (a consumer in another JVM parses every record of every path as it comes)
#                     or both (query mode measured without, then with that consumer)
#   BENCH_WORKER_HEAP the Connect worker's -Xmx (default 2g)
#   BENCH_DATABASE    the database to fill and drop (default bench_source)
# Uses TDENGINE_URL (and TDENGINE_USER / TDENGINE_PASSWORD) when set, the stand-in otherwise.
# The Connect worker runs with the JVM options connect-distributed.sh gives it (heap and G1 settings), not the test
# suites' small serial-GC heap; TDCONNECT_WORKER_JAVA_OPTS replaces them (for instance to add a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/.."
export TDCONNECT_WORKER_JAVA_OPTS="${TDCONNECT_WORKER_JAVA_OPTS:--Xms256m -Xmx${BENCH_WORKER_HEAP:-2g} -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent}"
mvn -B -ntp -q verify -Pbench -DskipTests -Dbench.main=com.taosdata.kafka.connect.it.bench.SourceBenchmark \
  -Dbench.lines="${1:-200000}" -Dbench.modes="${2:-query,formats,subscription}" \
  -Dbench.precision="${BENCH_PRECISION:-ns}" -Dbench.insert="${BENCH_INSERT:-lines}" \
  -Dbench.consumer="${BENCH_CONSUMER:-none}" -Dbench.database="${BENCH_DATABASE:-bench_source}" \
  2>&1 | grep --line-buffered -E '^\[tdconnect bench\]|ERROR|Exception'
