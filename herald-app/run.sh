#!/bin/sh
# Runs the reference app on :8080 (settings: environment variables, see --help).
# Builds herald-app.jar, and only the modules it needs, when a source changed since the jar was
# built; a second start with nothing changed goes straight to `java -jar`. The app runs in this
# process (exec): Ctrl-C stops it gracefully, and nothing else is built after it stops.
set -e
cd "$(dirname "$0")/.."
jar=herald-app/target/herald-app.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml herald-core herald-htmx herald-jetty herald-app -path '*/target' -prune \
        -o -type f -newer "$jar" \( -path '*/src/main/*' -o -name pom.xml \) -print | head -n 1)" ]; then
    ./mvnw -B -q -ntp -pl herald-app -am package -DskipTests
fi
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$jar" "$@"
