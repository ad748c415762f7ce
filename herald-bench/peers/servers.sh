# Sourced by run.sh: how to prepare and start each server under test. prepare_<name> installs or
# builds what the server needs; start_<name> LOG sets port, subscribe, publish, format
# (mercure|raw) and jvm (true|false), then starts the server in the background, its output to LOG.
# Every peer takes the same contract: GET <subscribe> streams the topic "bench"; POST <publish>
# with a text/plain body publishes that body as the data of one event on it.

heap=(-Xms256m -Xmx2g)

prepare_herald() { :; }
start_herald() {
  port=8081 subscribe='/.well-known/mercure?topic=bench' publish=/.well-known/mercure format=mercure jvm=true
  "$java" "${heap[@]}" -Dherald.port=$port -cp "$cp" dev.herald.bench.server.BenchHub >"$1" 2>&1 &
}

# Herald on one core, the generator on the other: the 200k deliveries/s target.
prepare_herald_1core() { server_scenarios=fanout-10k-20; }
start_herald_1core() {
  port=8081 subscribe='/.well-known/mercure?topic=bench' publish=/.well-known/mercure format=mercure jvm=true
  taskset -c 0 "$java" "${heap[@]}" -XX:ActiveProcessorCount=1 -Dherald.port=$port -cp "$cp" \
      dev.herald.bench.server.BenchHub >"$1" 2>&1 &
}
