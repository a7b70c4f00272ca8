#!/usr/bin/env bash
# Benchmarks the API (Release build, Redis as its second cache level) against nginx serving the identical response
# bytes as static files, side by side on loopback with wrk (32 connections, 2 threads, 10 s per run after a warm-up;
# the servers take turns for 3 rounds and each figure is the median, because the machine may be shared).
# Run by hand, not in CI:   bench/run.sh        (DURATION=10s WARMUP=3s ROUNDS=3 JIT_WARMUP=10s DOTNET_GC_SERVER=0 by default)
# Prints req/s, p50, p99 and API/nginx per scenario; raw wrk output and a summary go to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
duration=${DURATION:-10s}
warmup=${WARMUP:-3s}
rounds=${ROUNDS:-3}
jit_warmup=${JIT_WARMUP:-10s}
connections=32
threads=2
api_port=${API_PORT:-5380}
nginx_port=${NGINX_PORT:-5381}
redis_port=${REDIS_PORT:-5382}
edge_port=${EDGE_PORT:-5383}
startup_port=${STARTUP_PORT:-5384}
# The API runs with the garbage collector the image ships (src/ContentApi.Host/Dockerfile sets DOTNET_gcServer=0).
gc_server=${DOTNET_GC_SERVER:-0}
results=$root/bench/results
work=$results/work

for port in "$api_port" "$nginx_port" "$redis_port" "$edge_port" "$startup_port"; do
  if ss -ltn "( sport = :$port )" | grep -q LISTEN; then echo "port $port is in use; set API_PORT, NGINX_PORT, REDIS_PORT, EDGE_PORT or STARTUP_PORT" >&2; exit 1; fi
done
for tool in wrk nginx redis-server curl varnishd; do
  command -v "$tool" >/dev/null || { echo "$tool is required (Debian package: $tool)" >&2; exit 1; }
done

rm -rf "$work"
mkdir -p "$work/www" "$work/nginx" "$work/plugins" "$work/varnish" "$work/plugins20"
pids=()
redis_pid=
cleanup() {
  [ -n "$redis_pid" ] && kill -CONT "$redis_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

wait_for() { # url what
  for _ in $(seq 1 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "$2 did not come up at $1" >&2; exit 1
}

echo "== Publishing (Release, ReadyToRun for this machine, as the Dockerfile publishes it)"
bin=$work/app
dotnet publish src/ContentApi.Host/ContentApi.Host.csproj -c Release --use-current-runtime --self-contained false \
  -p:PublishReadyToRun=true -o "$bin" -nologo -v quiet

echo "== Plugins: the first-party ones plus 10,000 generated guidance articles"
cp -r "$bin/plugins/." "$work/plugins/"
bench/generate-content.sh "$work/plugins/BenchContent" 10000

echo "== redis-server on 127.0.0.1:$redis_port"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --loglevel warning >"$work/redis.log" 2>&1 &
redis_pid=$!
pids+=("$redis_pid")

echo "== Startup to ready with 20 plugins (the first-party ones plus generated content packs), median of 3 starts"
cp -r "$bin/plugins/." "$work/plugins20/"
first_party=$(find "$work/plugins20" -mindepth 1 -maxdepth 1 -type d | wc -l)
for i in $(seq 1 $((20 - first_party))); do bench/generate-content.sh "$work/plugins20/pack-$i" 100 "bench-pack-$i"; done
time_startup() { # plugins-folder -> appends the milliseconds to ready of 3 starts to startup_ms_<name of the folder>
  local folder=$1 name started startup_pid ms plugins_loaded
  name=$(basename "$folder")
  for round in 1 2 3; do
    started=$(date +%s%N)
    (cd "$bin" && DOTNET_gcServer=$gc_server ASPNETCORE_URLS="http://127.0.0.1:$startup_port" ConnectionStrings__Redis="127.0.0.1:$redis_port" \
      Plugins__Path="$folder" Plugins__WatchForChanges=false Logging__LogLevel__Default=Warning \
      exec dotnet ContentApi.Host.dll) >"$work/startup.log" 2>&1 &
    startup_pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$startup_port/health/ready"; do
      kill -0 "$startup_pid" 2>/dev/null || { echo "the API exited during startup: $(cat "$work/startup.log")" >&2; exit 1; }
      sleep 0.01
    done
    ms=$(( ($(date +%s%N) - started) / 1000000 ))
    eval "startup_ms_$name+=\" $ms\""
    plugins_loaded=$(curl -sf "http://127.0.0.1:$startup_port/api/v2/plugins" | grep -o '"id":' | wc -l)
    kill "$startup_pid"; wait "$startup_pid" 2>/dev/null || true
    echo "   start $round ($name): ready after $ms ms with $plugins_loaded plugins listed" >&2
  done
}
# The first-party plugins alone give the fixed cost of starting (runtime, host, JIT); the difference to 20 is what
# each further plugin adds.
mkdir -p "$work/firstparty" && cp -r "$bin/plugins/." "$work/firstparty/"
time_startup "$work/firstparty"
time_startup "$work/plugins20"

echo "== API on 127.0.0.1:$api_port (Release, logging at Warning, Redis as L2)"
# The anonymous quota is lifted so wrk is not refused; the rate limiter itself still runs on every request.
(cd "$bin" && DOTNET_gcServer=$gc_server ASPNETCORE_URLS="http://127.0.0.1:$api_port" ConnectionStrings__Redis="127.0.0.1:$redis_port" \
  Plugins__Path="$work/plugins" Plugins__WatchForChanges=false Logging__LogLevel__Default=Warning \
  RateLimiting__Anonymous__PermitLimit=1000000000 exec dotnet ContentApi.Host.dll) >"$work/api.log" 2>&1 &
api_pid=$!
pids+=("$api_pid")
api=http://127.0.0.1:$api_port
wait_for "$api/health/ready" "the API"
rss_ready_mb=$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$api_pid/status")
curl -s "$api/health/ready" | grep -q '"redis":{"status":"Healthy"' || { echo "Redis is not healthy in the API: $(curl -s "$api/health/ready")" >&2; exit 1; }

single=/api/v2/guidance/what-is-sharing-nudes
list='/api/v2/guidance?q=benchmark&pageSize=100'
curl -sf "$api$single" -o "$work/www/single.json"
curl -sf "$api$list" -o "$work/www/list.json"
items=$(grep -o '"totalItems":[0-9]*' "$work/www/list.json" | cut -d: -f2)
[ "$items" = 10000 ] || { echo "the list request matched $items items, expected 10000" >&2; exit 1; }
api_etag=$(curl -sfI "$api$single" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')

echo "== nginx on 127.0.0.1:$nginx_port serving the same bytes"
sed -e "s|@PREFIX@|$work/nginx|g" -e "s|@ROOT@|$work/www|g" -e "s|@PORT@|$nginx_port|g" bench/nginx.conf.template >"$work/nginx/nginx.conf"
nginx -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=("$!")
static=http://127.0.0.1:$nginx_port
wait_for "$static/single.json" "nginx"
for file in single list; do
  cmp -s <(curl -sf "$static/$file.json") "$work/www/$file.json" || { echo "nginx does not serve the API's bytes for $file" >&2; exit 1; }
done
nginx_etag=$(curl -sfI "$static/single.json" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')

echo "== Varnish on 127.0.0.1:$edge_port with deploy/varnish.vcl, in front of the API"
sed -e 's/.host = "nginx";/.host = "127.0.0.1";/' -e "s/.port = \"8080\";/.port = \"$api_port\";/" deploy/varnish.vcl >"$work/varnish/default.vcl"
varnishd -F -j none -n "$work/varnish/work" -f "$work/varnish/default.vcl" -a "127.0.0.1:$edge_port" -T 127.0.0.1:0 -s malloc,64m >"$work/varnish.log" 2>&1 &
pids+=("$!")
edge=http://127.0.0.1:$edge_port
wait_for "$edge$single" "Varnish"
cmp -s <(curl -sf "$edge$single") "$work/www/single.json" || { echo "Varnish does not serve the API's bytes" >&2; exit 1; }

to_ms() { # wrk prints 812.00us, 1.20ms or 1.01s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { printf "%s", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

run_wrk() { # label url [wrk args...] -> appends to <label>_rps, _p50, _p99
  local label=$1 url=$2
  shift 2
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" "$url" >"$results/$label.txt"
  if grep -q "Non-2xx or 3xx" "$results/$label.txt"; then echo "warning: $label had error responses" >&2; fi
  eval "${label}_rps+=\" $(awk '/Requests\/sec/ {printf "%.0f", $2}' "$results/$label.txt")\""
  eval "${label}_p50+=\" $(to_ms "$(awk '$1 == "50%" {print $2}' "$results/$label.txt")")\""
  eval "${label}_p99+=\" $(to_ms "$(awk '$1 == "99%" {print $2}' "$results/$label.txt")")\""
}

stat() { # label rps|p50|p99 -> median (req/s as a whole number)
  local value
  value=$(eval "echo \"\$${1}_$2\"" | median)
  if [ "$2" = rps ]; then printf "%.0f" "$value"; else printf "%.2f" "$value"; fi
}

# The machine is shared, so the two servers take turns, round after round, and each figure is the median of the rounds.
compare() { # scenario label-a url-a label-b url-b [header-a] [header-b]
  local scenario=$1 a=$2 a_url=$3 b=$4 b_url=$5 a_header=${6:-} b_header=${7:-}
  echo "== $scenario" >&2
  wrk -t"$threads" -c"$connections" -d"$warmup" ${a_header:+-H "$a_header"} "$a_url" >/dev/null
  wrk -t"$threads" -c"$connections" -d"$warmup" ${b_header:+-H "$b_header"} "$b_url" >/dev/null
  for round in $(seq 1 "$rounds"); do
    run_wrk "$b" "$b_url" ${b_header:+-H "$b_header"}
    run_wrk "$a" "$a_url" ${a_header:+-H "$a_header"}
    echo "   round $round: $a $(stat "$a" rps) req/s, $b $(stat "$b" rps) req/s (medians so far); load $(cut -d' ' -f1 /proc/loadavg)" >&2
  done
}

summary=$results/summary.md
{
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores (load average at start: $(cut -d' ' -f1-3 /proc/loadavg)):"
  echo "wrk -t$threads -c$connections -d$duration per run after a $warmup warm-up (the API's JIT first warmed $jit_warmup per request), loopback; median of $rounds alternating rounds."
  echo
  echo "| scenario | API req/s | API p50 ms | API p99 ms | nginx req/s | nginx p50 ms | nginx p99 ms | API / nginx |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
} >"$summary"

row() { # scenario api-label nginx-label
  echo "| $1 | $(stat "$2" rps) | $(stat "$2" p50) | $(stat "$2" p99) | $(stat "$3" rps) | $(stat "$3" p50) | $(stat "$3" p99) | $(ratio "$(stat "$2" rps)" "$(stat "$3" rps)") |" >>"$summary"
}

# .NET compiles hot code again, optimised, in the background once it has run a while (tiered compilation with dynamic
# PGO); until then the first scenario measured a half-compiled API (its rounds climbed from 21k to 25k req/s). nginx
# has nothing to warm. So the API first gets JIT_WARMUP of traffic on every scenario's request, unmeasured.
echo "== Warming the API's JIT: $jit_warmup on each scenario's request" >&2
wrk -t"$threads" -c"$connections" -d"$jit_warmup" "$api$single" >/dev/null
wrk -t"$threads" -c"$connections" -d"$jit_warmup" -H "If-None-Match: $api_etag" "$api$single" >/dev/null
wrk -t"$threads" -c"$connections" -d"$jit_warmup" "$api$list" >/dev/null

compare "cached GET $single" api_get "$api$single" nginx_get "$static/single.json"
row "cached GET \`$single\`" api_get nginx_get
compare "same with If-None-Match (304)" api_304 "$api$single" nginx_304 "$static/single.json" "If-None-Match: $api_etag" "If-None-Match: $nginx_etag"
row "same with If-None-Match (304)" api_304 nginx_304
compare "list/search over 10,000 items" api_list "$api$list" nginx_list "$static/list.json"
row "list/search over 10,000 items \`$list\` ($(wc -c <"$work/www/list.json") bytes)" api_list nginx_list

compare "cached GET through the edge (Varnish in front of the API)" edge_get "$edge$single" nginx_edge "$static/single.json"
row "cached GET through the edge (Varnish, \`deploy/varnish.vcl\`)" edge_get nginx_edge

# Whether the edge scenario measured Varnish or the API behind it: the API's requests during it come from Varnish's misses.
varnish_counts=$(varnishstat -1 -n "$work/varnish/work" -f MAIN.cache_hit -f MAIN.backend_req 2>/dev/null | awk '{printf "%s %s; ", $1, $2}')
# The peak resident memory over the cached scenarios, before the miss scenario below fills the response cache.
rss_cached_peak_mb=$(awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$api_pid/status")

echo "== cached GET with Redis frozen (kill -STOP) against Redis up" >&2
for round in $(seq 1 "$rounds"); do
  kill -STOP "$redis_pid"
  run_wrk api_frozen "$api$single"
  kill -CONT "$redis_pid"
  run_wrk api_up "$api$single"
  echo "   round $round: frozen $(stat api_frozen rps) req/s, up $(stat api_up rps) req/s; load $(cut -d' ' -f1 /proc/loadavg)" >&2
done
echo "== one request in ten a cache miss, with Redis frozen (kill -STOP) against Redis up" >&2
salt=0
for round in $(seq 1 "$rounds"); do
  kill -STOP "$redis_pid"
  export BENCH_SALT=$((salt++))
  run_wrk api_mixed_frozen "$api" -s bench/one-in-ten-misses.lua
  kill -CONT "$redis_pid"
  export BENCH_SALT=$((salt++))
  run_wrk api_mixed_up "$api" -s bench/one-in-ten-misses.lua
  echo "   round $round: frozen p99 $(stat api_mixed_frozen p99) ms, up p99 $(stat api_mixed_up p99) ms; load $(cut -d' ' -f1 /proc/loadavg)" >&2
done
{
  echo
  echo "| scenario | API req/s | API p50 ms | API p99 ms | Redis up req/s | Redis up p99 ms | frozen / up |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "| cached GET, Redis frozen (kill -STOP) | $(stat api_frozen rps) | $(stat api_frozen p50) | $(stat api_frozen p99) | $(stat api_up rps) | $(stat api_up p99) | $(ratio "$(stat api_frozen rps)" "$(stat api_up rps)") |"
  echo "| 1 in 10 a cache miss, Redis frozen | $(stat api_mixed_frozen rps) | $(stat api_mixed_frozen p50) | $(stat api_mixed_frozen p99) | $(stat api_mixed_up rps) | $(stat api_mixed_up p99) | $(ratio "$(stat api_mixed_frozen rps)" "$(stat api_mixed_up rps)") |"
} >>"$summary"

# The peak resident memory of the API over every scenario above (the kernel's high-water mark).
rss_peak_mb=$(awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$api_pid/status")

check() { # value comparison limit -> met|missed
  awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == ">=") ? (v >= t) : (v <= t); print ok ? "met" : "missed" }'
}
target_row() { # what result comparison limit
  echo "| $1 | $2 | $3 $4 | $(check "$2" "$3" "$4") |" >>"$summary"
}
{
  echo
  echo "| target | result | wanted | |"
  echo "|---|---:|---:|---|"
} >>"$summary"
target_row "cached GET, API / nginx" "$(ratio "$(stat api_get rps)" "$(stat nginx_get rps)")" ">=" 0.75
target_row "cached GET, API p99 ms" "$(stat api_get p99)" "<=" 2
target_row "304, API / nginx" "$(ratio "$(stat api_304 rps)" "$(stat nginx_304 rps)")" ">=" 0.9
target_row "10,000-item list page, API / nginx" "$(ratio "$(stat api_list rps)" "$(stat nginx_list rps)")" ">=" 0.6
target_row "cached GET, Redis frozen / Redis up" "$(ratio "$(stat api_frozen rps)" "$(stat api_up rps)")" ">=" 0.9
target_row "1 in 10 a miss, Redis frozen, p99 ms" "$(stat api_mixed_frozen p99)" "<=" 250
target_row "startup to ready with 20 plugins, ms (median of 3)" "$(echo "$startup_ms_plugins20" | median)" "<=" 1500
target_row "API peak RSS over the cached scenarios, MB" "$rss_cached_peak_mb" "<=" 250
target_row "API peak RSS over the run (the misses fill the response cache toward its budget), MB" "$rss_peak_mb" "<=" 250
target_row "through the edge (Varnish) / nginx static" "$(ratio "$(stat edge_get rps)" "$(stat nginx_edge rps)")" ">=" 0.9

{
  echo
  echo "Startup to ready with the $first_party first-party plugins alone, median of 3: $(echo "$startup_ms_firstparty" | median) ms."
  echo "API RSS when ready (10,000 articles loaded): $rss_ready_mb MB; DOTNET_gcServer=$gc_server."
  echo "Varnish by the end of the edge scenario: $varnish_counts(backend requests are what reached the API through it)."
} >>"$summary"

echo
cat "$summary"
