#!/usr/bin/env bash
# Runs the ToLineProtocol JMH benchmarks briefly: records/s and, with -prof gc, bytes allocated per record
# (gc.alloc.rate.norm). Arguments replace the default run length, e.g. `./bench.sh -f 1 -wi 5 -i 10`.
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
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" org.openjdk.jmh.Main \
    EncodingBenchmark "${run_length[@]}" -prof gc -rf text -rff target/jmh-result.txt
