#!/usr/bin/env bash
# Opens notebooks/ in Jupyter (classic notebook) with the project's tslab kernel: registers the kernel and
# the strip-outputs-on-save hook if needed, compiles src/ to dist/ (notebooks import compiled code only;
# npm run build stamps it so that a later edit of src/ is a loud error in the notebook), then starts the server.
# Extra arguments go to `jupyter notebook`, e.g. on a remote machine: npm run jupyter -- --no-browser --port 8888
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/notebooks/setup.sh
node node_modules/tsx/dist/cli.mjs scripts/build.ts
args=()
# Jupyter refuses to start as root without this flag (containers and CI machines often run as root).
if [ "$(id -u)" = 0 ]; then args+=(--allow-root); fi
JUPYTER_PATH="$PWD/.jupyter/share/jupyter" JUPYTER_CONFIG_PATH="$PWD/.jupyter/etc/jupyter" \
  exec jupyter notebook --notebook-dir=notebooks "${args[@]}" "$@"
