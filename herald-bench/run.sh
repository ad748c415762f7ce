#!/usr/bin/env bash
# Runs the bench: starts each server on loopback, runs the same scenarios against it with the load
# generator, stops it, and prints the table of figures and ratios (see BENCHMARKS.md).
#
#   herald-bench/run.sh [server...]      servers: herald herald-app herald-1core nchan webflux javalin better-sse
#                                        (default: all of them), and herald-3nodes (only when named: three
#                                        app nodes on a Redis of their own and PostgreSQL, see peers/servers.sh)
#   BENCH_SCENARIOS=fanout-1k-100,burst-19k   a subset (default: all); BENCH_SECONDS=15 of publishing
#   BENCH_IDLE_SECONDS=35                      the idle window (two heartbeats of 15 s)
#
# Installs what it needs (nginx + nchan from Debian, better-sse from npm), builds the peers, and
# bounds everything: each scenario stops by itself, each server is stopped after its scenarios.
# Traffic goes to 127.0.0.0/8 only.
set -euo pipefail
cd "$(dirname "$0")"
bench=$(pwd)
. ../.mvn/find-jdk.sh
set +f
java="$JAVA_HOME/bin/java"

servers=("$@")
[ ${#servers[@]} -gt 0 ] || servers=(herald herald-app herald-1core nchan webflux javalin better-sse)
scenarios=${BENCH_SCENARIOS:-all}
out="$bench/target/bench-results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
say() { printf '[bench] %s\n' "$*" >&2; }

. "$bench/peers/servers.sh"

say "building herald-bench"
(cd .. && ./mvnw -q -pl herald-bench -am package -DskipTests)
cp="$bench/target/classes:$bench/target/lib/*"

machine() {
  echo "date: $(date -Iseconds)"
  echo "command: herald-bench/run.sh $* (BENCH_SCENARIOS=$scenarios BENCH_SECONDS=${BENCH_SECONDS:-15} BENCH_IDLE_SECONDS=${BENCH_IDLE_SECONDS:-35})"
  echo "cpu: $(nproc) x $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); memory: $(free -g | awk '/Mem:/ {print $2}') GiB; kernel $(uname -r)"
  echo "java: $("$java" -version 2>&1 | head -1); node: $(node --version 2>/dev/null); nginx: $(nginx -v 2>&1 | cut -d/ -f2)"
}
machine "$@" >"$out/machine.txt"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"

wait_for_port() { # port pid
  for _ in $(seq 1 600); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    kill -0 "$2" 2>/dev/null || { say "server exited before listening on $1"; return 1; }
    sleep 0.1
  done
  say "nothing listens on $1 after 60 s"; return 1
}

stop() { # pid
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

# A start_<name> that starts several processes lists them all in pids (the last one listens on
# $port), may pass the generator more options in generator_args, and may leave a command that
# undoes the rest of its setup in cleanup.
stop_server() {
  local p
  for p in "${pids[@]}"; do stop "$p"; done
  [ ${#cleanup[@]} -eq 0 ] || "${cleanup[@]}" || say "cleanup failed: ${cleanup[*]}"
}

for server in "${servers[@]}"; do
  server_scenarios= pids=() generator_args=() cleanup=()
  prepare_"${server//-/_}"
  say "starting $server"
  trap stop_server EXIT
  start_"${server//-/_}" "$out/$server.log"
  [ ${#pids[@]} -gt 0 ] || pids=($!)
  pid=${pids[-1]}
  wait_for_port "$port" "$pid"
  say "$server: pids ${pids[*]}, port $port; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  generator_pin=()
  [ "$server" = herald-1core ] && generator_pin=(taskset -c 1)
  "${generator_pin[@]}" "$java" -Xmx2g -cp "$cp" dev.herald.bench.load.LoadGenerator \
      --target "$server" --port "$port" --subscribe "$subscribe" --publish "$publish" --format "$format" \
      --pid "$(IFS=,; echo "${pids[*]}")" --jvm "$jvm" --scenarios "${server_scenarios:-$scenarios}" \
      --seconds "${BENCH_SECONDS:-15}" --idle-seconds "${BENCH_IDLE_SECONDS:-35}" "${generator_args[@]}" \
      --out "$out/$server.tsv" || say "$server: the generator failed (see above); going on"
  stop_server
  trap - EXIT
done

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"
cat "$out/machine.txt"
"$java" -cp "$cp" dev.herald.bench.load.Report "$out"/*.tsv | tee "$out/table.md"
say "figures in $out"
