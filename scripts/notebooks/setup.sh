#!/usr/bin/env bash
# One-time set-up for the notebooks: Jupyter from Debian (where missing) and the tslab kernel,
# registered into a project-local prefix (.jupyter/) against Debian's python and the project's tslab.
# Safe to run again. Run Jupyter afterwards with: npm run jupyter
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! /usr/bin/python3 -c 'import nbconvert, nbclient, ipykernel' 2>/dev/null || ! command -v jupyter >/dev/null; then
  bash scripts/setup-system.sh
fi
if ! /usr/bin/python3 -c 'import nbconvert, nbclient' 2>/dev/null; then
  echo "notebooks/setup: Jupyter is still missing. As root: apt-get install -y jupyter-notebook jupyter-nbconvert python3-nbconvert python3-nbclient python3-ipykernel jupyter-client" >&2
  exit 1
fi
[ -x node_modules/.bin/tslab ] || { echo "notebooks/setup: run 'npm ci' first (tslab is a dev dependency)" >&2; exit 1; }
if [ ! -f .jupyter/share/jupyter/kernels/tslab/kernel.json ]; then
  node_modules/.bin/tslab install --python=/usr/bin/python3 --binary="$PWD/node_modules/.bin/tslab" --prefix="$PWD/.jupyter" >/dev/null
fi
echo "notebooks/setup: tslab kernel registered in $PWD/.jupyter (use JUPYTER_PATH=$PWD/.jupyter/share/jupyter)"
