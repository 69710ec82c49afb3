#!/usr/bin/env bash
# Starts the cached code-server (see scripts/setup-e2e.sh) on a folder, offline.
#
# Usage:
#   scripts/code-server.sh [--vsix FILE]... [--data-dir DIR] [--port N] [FOLDER] [-- EXTRA_CODE_SERVER_ARGS...]
#
#   --vsix FILE     install this .vsix first (repeatable), into the same extensions dir
#   --data-dir DIR  where user-data/ and extensions/ live (default: $CODE_SERVER_DATA_DIR,
#                   else a new temp dir, deleted on exit). Reuse a dir to keep state.
#   --port N        port on 127.0.0.1 (default: $PORT, else 8765)
#   FOLDER          folder to open (default: current directory)
#
# Runs in the foreground; `kill PID` (SIGTERM) or Ctrl+C stops code-server and
# everything it spawned. The workbench is then at
#   http://127.0.0.1:PORT/?folder=/abs/path/of/FOLDER
# Environment: E2E_TOOLS (tools folder, default <repo>/.e2e-tools).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
export E2E_TOOLS="${E2E_TOOLS:-$REPO_ROOT/.e2e-tools}"

vsix=()
data_dir="${CODE_SERVER_DATA_DIR:-}"
port="${PORT:-8765}"
folder=""
extra=()
while (($#)); do
  case "$1" in
    --vsix) vsix+=("$(realpath "$2")"); shift 2 ;;
    --vsix=*) vsix+=("$(realpath "${1#*=}")"); shift ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --data-dir=*) data_dir="${1#*=}"; shift ;;
    --port) port="$2"; shift 2 ;;
    --port=*) port="${1#*=}"; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    -*) echo "code-server.sh: unknown option $1 (put code-server options after --)" >&2; exit 2 ;;
    *) [[ -z "$folder" ]] || { echo "code-server.sh: only one FOLDER" >&2; exit 2; }; folder="$1"; shift ;;
  esac
done
folder="$(realpath "${folder:-.}")"
[[ -d "$folder" ]] || { echo "code-server.sh: not a folder: $folder" >&2; exit 2; }

# Instant when already set up (marker file).
"$SCRIPT_DIR/setup-e2e.sh"

temp_data_dir=""
if [[ -z "$data_dir" ]]; then
  data_dir="$(mktemp -d "${TMPDIR:-/tmp}/star-code-server.XXXXXX")"
  temp_data_dir="$data_dir" # removed again on exit
  trap 'rm -rf -- "$temp_data_dir"' EXIT
fi
mkdir -p "$data_dir"
data_dir="$(realpath "$data_dir")"
user_data="$data_dir/user-data"
ext_dir="$data_dir/extensions"
mkdir -p "$user_data/User" "$ext_dir"

# Quiet, offline-friendly defaults (only written once; edit freely afterwards).
if [[ ! -f "$user_data/User/settings.json" ]]; then
  cat >"$user_data/User/settings.json" <<'EOF'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "npm.fetchOnlinePackageInfo": false,
  "typescript.disableAutomaticTypeAcquisition": true,
  "security.workspace.trust.enabled": false
}
EOF
fi

# No extension marketplace: nothing but 127.0.0.1 is reachable anyway.
if [[ -z "${EXTENSIONS_GALLERY+set}" ]]; then export EXTENSIONS_GALLERY='{}'; fi

CODE_SERVER=(node "$E2E_TOOLS/node_modules/code-server/out/node/entry.js")
common=(--config "$data_dir/config.yaml" --user-data-dir "$user_data" --extensions-dir "$ext_dir")

for f in "${vsix[@]}"; do
  echo "[code-server.sh] installing $f" >&2
  "${CODE_SERVER[@]}" "${common[@]}" --force --install-extension "$f" >&2
done

echo "[code-server.sh] data dir: $data_dir" >&2
echo "[code-server.sh] workbench: http://127.0.0.1:$port/?folder=$folder" >&2
unset PORT # --bind-addr below decides the port

# code-server runs in its own process group (setsid) so that stopping this
# script (SIGTERM/SIGINT/SIGHUP) also stops the extension host and the language
# servers it spawned, instead of leaving them orphaned.
setsid "${CODE_SERVER[@]}" \
  --auth none \
  --bind-addr "127.0.0.1:$port" \
  --disable-telemetry \
  --disable-update-check \
  --disable-workspace-trust \
  --disable-getting-started-override \
  "${common[@]}" \
  "${extra[@]}" \
  "$folder" &
cs_pid=$!

stop_code_server() {
  trap - TERM INT HUP EXIT
  kill -TERM -- "-$cs_pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 -- "-$cs_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 -- "-$cs_pid" 2>/dev/null; then
    kill -KILL -- "-$cs_pid" 2>/dev/null || true
    sleep 0.2
  fi
  [[ -z "$temp_data_dir" ]] || rm -rf -- "$temp_data_dir"
}
trap 'stop_code_server; exit 143' TERM
trap 'stop_code_server; exit 130' INT
trap 'stop_code_server; exit 129' HUP
trap stop_code_server EXIT

status=0
wait "$cs_pid" || status=$?
exit "$status"
