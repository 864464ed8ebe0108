#!/usr/bin/env bash
# Start-to-tools/list time of our MCP server (Native AOT and JIT builds, also with --local) and Sentry's official one, in the same run,
# each against a loopback mock Sentry, measured with ../shared/tools/mcp_probe.py. Prints the median of N runs each.
# usage: eng/measure-mcp-startup.sh [runs]   (publish the AOT server to artifacts/mcp-aot first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
probe=${MCP_PROBE:-/work/shared/tools/mcp_probe.py}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1 &
mock=$!
trap 'kill $mock' EXIT
sleep 0.5
token=sntrys_benchmark_token
declare -A cmd=(
  [ours-aot]="artifacts/mcp-aot/sentry-management-mcp --access-token=$token --url=http://127.0.0.1:$port"
  [ours-jit]="src/Sentry.Management.Mcp.Server/bin/Release/net10.0/sentry-management-mcp --access-token=$token --url=http://127.0.0.1:$port"
  # --local: the embedded local Sentry starts and takes its sample events before the server answers
  [ours-aot-local]="artifacts/mcp-aot/sentry-management-mcp --local"
  [ours-jit-local]="src/Sentry.Management.Mcp.Server/bin/Release/net10.0/sentry-management-mcp --local"
  [official]="tests/tools/node_modules/.bin/sentry-mcp --access-token=$token --host=127.0.0.1:$port --insecure-http"
)
declare -A times
for ((i = 0; i < runs; i++)); do
  for name in ours-aot ours-jit ours-aot-local ours-jit-local official; do
    out=$(python3 "$probe" -- ${cmd[$name]})
    times[$name]+="$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["tools_list_s"], d["tool_count"])' <<<"$out");"
  done
done
for name in ours-aot ours-jit ours-aot-local ours-jit-local official; do
  python3 - "$name" "${times[$name]}" <<'PY'
import statistics, sys
name, raw = sys.argv[1], sys.argv[2]
pairs = [p.split() for p in raw.strip(';').split(';')]
secs = sorted(float(p[0]) for p in pairs)
print(f"{name}: median {statistics.median(secs):.3f} s (min {secs[0]:.3f}, max {secs[-1]:.3f}, {len(secs)} runs), tools: {pairs[0][1]}")
PY
done
