#!/usr/bin/env bash
# Runs the JMH micro-benchmarks (encoder, scanner vs parser, log append and replay, fan-out to 10k
# in-memory subscribers); extra arguments go to JMH (e.g. a benchmark name pattern, -f 3).
set -euo pipefail
cd "$(dirname "$0")"
. ../.mvn/find-jdk.sh
set +f
(cd .. && ./mvnw -q -pl herald-bench -am package -DskipTests)
exec "$JAVA_HOME/bin/java" -cp "target/classes:target/lib/*" org.openjdk.jmh.Main "$@"
