#!/usr/bin/env bash
# Runs the ToLineProtocol JMH benchmarks briefly: records/s and, with -prof gc, bytes allocated per record
# (gc.alloc.rate.norm), then the ratio of each benchmark to its influxdb-java Point twin (same record, same run).
# Arguments replace the default run length, e.g. `./bench.sh -f 1 -wi 5 -i 10`.
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$module")"
run_length=(-f 1 -wi 2 -w 2s -i 3 -r 3s)
if [ "$#" -gt 0 ]; then
  run_length=("$@")
fi
cd "$root"
mvn -B -q -N install
mvn -B -q -pl schemas install -DskipTests
mvn -B -q -Pjmh -pl transforms test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
cd "$module"
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" org.openjdk.jmh.Main \
    EncodingBenchmark "${run_length[@]}" -prof gc -rf csv -rff target/jmh-result.csv
echo
echo "ToLineProtocol vs influxdb-java Point.lineProtocol(), records/s:"
awk -F, '$1 ~ /EncodingBenchmark\.[A-Za-z0-9]+"$/ { gsub(/"/, "", $1); sub(/.*\./, "", $1); score[$1] = $5 }
    END {
        for (name in score) if (name !~ /Influx$/ && (name "Influx") in score)
            printf "  %-14s %12.0f vs %12.0f  = %.2fx\n", name, score[name], score[name "Influx"], score[name] / score[name "Influx"]
    }' target/jmh-result.csv
