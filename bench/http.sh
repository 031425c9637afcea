#!/usr/bin/env bash
# /api/search under load: wrk from a second process, 50 connections for 30 s, cycling through
# the development questions. Three runs against the same index, each on a fresh server:
#   1. every request searched (--cache-mb 0): what a question nobody asked before costs;
#   2. the default server: a question is searched the first time and answered from the
#      response cache when it comes round again, as when staff ask the same things;
#   3. /healthz, the baseline: the server's floor (routing, guards, JSON, no search).
# Prints requests/s, latency percentiles, errors and each server's peak memory.
#   bench/http.sh [DURATION_SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30}
connections=${2:-50}
command -v wrk >/dev/null || { echo "bench/http.sh needs wrk (scripts/setup --test installs it)" >&2; exit 1; }
[[ -x build/dutydesk ]] || { echo "build first: scripts/run or cmake --build build" >&2; exit 1; }

work=$(mktemp -d)
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
build/dutydesk index --db "$work/db" content/ >/dev/null

start_server() {
  build/dutydesk serve --db "$work/db" --port 0 --quiet "$@" 2>"$work/serve.log" &
  server=$!
  port=""
  for _ in $(seq 100); do
    port=$(sed -n 's|.*serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  [[ -n "$port" ]] || { cat "$work/serve.log" >&2; exit 1; }
}

stop_server() {
  echo "   server peak memory: $(grep VmHWM /proc/$server/status | awk '{print $2, $3}')"
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
}

# The questions as percent-encoded request paths, in a Lua table wrk cycles through.
questions=$(($(wc -l <tests/eval/questions.tsv) - 1))
{
  echo 'paths = {'
  tail -n +2 tests/eval/questions.tsv | cut -f4 | while IFS= read -r question; do
    encoded=$(printf '%s' "$question" | od -An -tx1 -v | tr -d ' \n' | sed 's/\(..\)/%\1/g')
    echo "  \"/api/search?q=$encoded\","
  done
  echo '}'
  cat <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
LUA
} >"$work/questions.lua"

# Each run is measured after a 5 s warm-up with the same load, which is not counted: the
# figures are the steady state (worker threads' searchers opened, the index in the page cache,
# the questions in the cache where it is on), not the first second after start-up.
run() {
  local label=$1; shift
  echo "== $label"
  wrk -t2 -c"$connections" -d5s "$@" >/dev/null 2>&1
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$@" 2>&1 |
    grep -E 'Requests/sec|Latency  |50%|90%|99%|requests in|Non-2xx|Socket errors'
}

start_server --cache-mb 0
run "search, every request searched (--cache-mb 0): $questions questions" \
  -s "$work/questions.lua" "http://127.0.0.1:$port"
stop_server

start_server
run "search, default server (a question asked again is answered from the cache): $questions questions" \
  -s "$work/questions.lua" "http://127.0.0.1:$port"
stop_server

start_server
run "baseline: /healthz (no search)" "http://127.0.0.1:$port/healthz"
stop_server
