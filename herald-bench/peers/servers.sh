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

# The packaged reference app, as an operator deploys it (SQLite in a scratch directory, the same
# publisher key as BenchHub): its own row beside BenchHub.
prepare_herald_app() {
  (cd .. && ./mvnw -q -pl herald-app -am package -DskipTests)
}
start_herald_app() {
  port=8086 subscribe='/.well-known/mercure?topic=bench' publish=/.well-known/mercure format=mercure jvm=true
  mkdir -p "$out/herald-app-data"
  HERALD_PORT=$port HERALD_HOST=127.0.0.1 HERALD_DATA_DIR="$out/herald-app-data" \
  HERALD_PUBLISHER_JWT_KEY=herald-bench-publisher-key-0123456789 \
      "$java" "${heap[@]}" -jar ../herald-app/target/herald-app.jar >"$1" 2>&1 &
}

# Herald on one core, the generator on the other: the 200k deliveries/s target.
prepare_herald_1core() { server_scenarios=fanout-10k-20; }
start_herald_1core() {
  port=8081 subscribe='/.well-known/mercure?topic=bench' publish=/.well-known/mercure format=mercure jvm=true
  taskset -c 0 "$java" "${heap[@]}" -XX:ActiveProcessorCount=1 -Dherald.port=$port -cp "$cp" \
      dev.herald.bench.server.BenchHub >"$1" 2>&1 &
}

prepare_nchan() {
  if ! command -v nginx >/dev/null || [ ! -e /usr/lib/nginx/modules/ngx_nchan_module.so ]; then
    say "installing nginx-light and libnginx-mod-nchan"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light libnginx-mod-nchan >/dev/null
  fi
}
start_nchan() {
  port=8082 subscribe='/sub?topic=bench' publish='/pub?topic=bench' format=raw jvm=false
  local prefix="$out/nchan"
  mkdir -p "$prefix/logs" "$prefix/temp"
  nginx -p "$prefix" -e "$prefix/logs/error.log" -c "$bench/peers/nchan/nginx.conf" >"$1" 2>&1 &
}

prepare_webflux() {
  [ -f peers/webflux/target/peer-webflux.jar ] || (cd .. && ./mvnw -q -f herald-bench/peers/webflux/pom.xml package -DskipTests)
}
start_webflux() {
  port=8083 subscribe='/sub?topic=bench' publish='/pub?topic=bench' format=raw jvm=true
  "$java" "${heap[@]}" -jar peers/webflux/target/peer-webflux.jar --server.port=$port --server.address=127.0.0.1 >"$1" 2>&1 &
}

prepare_javalin() {
  [ -d peers/javalin/target/lib ] || (cd .. && ./mvnw -q -f herald-bench/peers/javalin/pom.xml package -DskipTests)
}
start_javalin() {
  port=8084 subscribe='/sub?topic=bench' publish='/pub?topic=bench' format=raw jvm=true
  "$java" "${heap[@]}" -Dport=$port -cp "peers/javalin/target/classes:peers/javalin/target/lib/*" bench.javalin.JavalinPeer >"$1" 2>&1 &
}

prepare_better_sse() {
  [ -d peers/better-sse/node_modules/better-sse ] || (cd peers/better-sse && npm install --no-audit --no-fund --silent)
}
start_better_sse() {
  port=8085 subscribe='/sub?topic=bench' publish='/pub?topic=bench' format=raw jvm=false
  PORT=$port node peers/better-sse/server.js >"$1" 2>&1 &
}
