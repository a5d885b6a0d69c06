#!/usr/bin/env bash
# One-time set-up for the notebooks: Jupyter from Debian (where missing), the tslab kernel registered
# into a project-local prefix (.jupyter/) against Debian's python and the project's tslab, and the
# strip-outputs-on-save hook (scripts/notebooks/jupyter_notebook_config.py linked into .jupyter/etc/jupyter/).
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
mkdir -p .jupyter/etc/jupyter
ln -sf "$PWD/scripts/notebooks/jupyter_notebook_config.py" .jupyter/etc/jupyter/jupyter_notebook_config.py
echo "notebooks/setup: tslab kernel and strip-on-save hook in $PWD/.jupyter (JUPYTER_PATH=$PWD/.jupyter/share/jupyter JUPYTER_CONFIG_PATH=$PWD/.jupyter/etc/jupyter; npm run jupyter sets both)"
