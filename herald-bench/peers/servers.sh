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

# Three nodes of the packaged app, as docs/several-nodes.md deploys them: a Redis of their own
# (without persistence, stopped after) and a schema of their own on the PostgreSQL at
# 127.0.0.1:5432 (dropped after). Subscribers are spread over the three, publishes go to the
# third; failover-10k-10 kills the first with SIGKILL half-way. Runs the fanout scenarios of
# BENCH_SCENARIOS (fanout-10k-10 when it is all), then failover-10k-10.
prepare_herald_3nodes() {
  prepare_herald_app
  command -v redis-server >/dev/null && command -v psql >/dev/null \
      || { say "herald-3nodes needs redis-server and psql (apt-get install redis-server postgresql-client)"; return 1; }
  local fanouts
  fanouts=$(tr , '\n' <<<"$scenarios" | grep '^fanout-' | paste -sd,) || true
  [ "$scenarios" != all ] && [ -n "$fanouts" ] || fanouts=fanout-10k-10
  server_scenarios=$fanouts,failover-10k-10
}
start_herald_3nodes() {
  port=8093 subscribe='/.well-known/mercure?topic=bench' publish=/.well-known/mercure format=mercure jvm=false
  local redis_port=8090 node schema="herald_bench_$(date +%s)"
  local sql=(psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d postgres -c)
  redis-server --port $redis_port --bind 127.0.0.1 --save "" --appendonly no --dir "$out" >"$out/herald-3nodes-redis.log" 2>&1 &
  pids=($!)
  wait_for_port $redis_port "${pids[0]}"
  "${sql[@]}" "CREATE SCHEMA $schema"
  cleanup=("${sql[@]}" "DROP SCHEMA $schema CASCADE")
  for node in 8091 8092 8093; do
    HERALD_PORT=$node HERALD_HOST=127.0.0.1 HERALD_DATA_DIR="$out/herald-3nodes-$node" \
    HERALD_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&currentSchema=$schema" \
    HERALD_REDIS_URL=redis://127.0.0.1:$redis_port HERALD_PUBLISHER_JWT_KEY=herald-bench-publisher-key-0123456789 \
        "$java" "${heap[@]}" -jar ../herald-app/target/herald-app.jar >"${1%.log}-$node.log" 2>&1 &
    pids+=($!)
  done
  wait_for_port 8091 "${pids[1]}" && wait_for_port 8092 "${pids[2]}"
  generator_args=(--nodes 8091,8092,8093 --kill-pid "${pids[1]}")
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
