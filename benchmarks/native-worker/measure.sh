#!/usr/bin/env bash
# Native AOT vs JIT, the sample worker with its embedded router, measured on this machine:
#   start-up: from process start to the log line "Joined realm" (median of RUNS runs),
#   memory: resident set size (VmRSS) 30 s after start, while the demo job calls and publishes every second,
#   size: the native executable vs the framework-dependent publish folder (.dll files; the shared runtime not counted).
# Usage: benchmarks/native-worker/measure.sh [RUNS]   (needs clang and zlib1g-dev for the native publish)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
out=$(mktemp -d)
dotnet publish samples/WorkerService -c Release -o "$out/jit" > "$out/jit.log" 2>&1
dotnet publish samples/WorkerService -c Release -r linux-x64 -p:NativeAot=true -o "$out/native" > "$out/native.log" 2>&1
cp samples/WorkerService/appsettings.json "$out/jit/" && cp samples/WorkerService/appsettings.json "$out/native/"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start <dir> <command...>: runs the worker, prints "startup_ms pid"
start() {
  local dir=$1; shift
  local port; port=$(free_port)
  local log="$out/run.log"; : > "$log"
  local t0; t0=$(date +%s%N)
  (cd "$dir" && WampyRouter__Port=$port Wampy__Url="ws://127.0.0.1:$port/ws" DemoJob__Period=00:00:01 exec "$@" > "$log" 2>&1) &
  local pid=$!
  until grep -q "Joined realm" "$log"; do sleep 0.005; done
  local t1; t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $pid"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() {
  local name=$1; shift
  local dir=$1; shift
  local times=()
  for _ in $(seq 1 "$runs"); do
    read -r ms pid < <(start "$dir" "$@")
    times+=("$ms")
    kill -INT "$pid"; wait "$pid" 2>/dev/null || true
  done
  read -r ms pid < <(start "$dir" "$@")
  sleep 30
  local rss; rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill -INT "$pid"; wait "$pid" 2>/dev/null || true
  printf '%s|%s|%s\n' "$name" "$(printf '%s\n' "${times[@]}" | median)" "$((rss / 1024))"
}

jit=$(measure jit "$out/jit" dotnet WorkerService.dll)
native=$(measure native "$out/native" ./WorkerService)
jit_size=$(find "$out/jit" -name '*.dll' -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1048576}')
native_size=$(stat -c %s "$out/native/WorkerService" | awk '{printf "%.1f", $1/1048576}')
echo "| worker | start-up to first joined session (median of $runs) | RSS after 30 s | size on disk |"
echo "|---|---:|---:|---:|"
IFS='|' read -r _ t r <<< "$jit";    echo "| JIT (\`dotnet WorkerService.dll\`) | $t ms | $r MiB | $jit_size MiB of .dll files + the shared .NET runtime |"
IFS='|' read -r _ t r <<< "$native"; echo "| Native AOT (\`./WorkerService\`) | $t ms | $r MiB | $native_size MiB, self-contained |"
rm -rf "$out"
