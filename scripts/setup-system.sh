#!/usr/bin/env bash
# Installs the Debian packages falcun-lab uses, where they are missing. Idempotent.
# Needs root (or sudo) for apt-get; without it, prints what to install and exits 0 so that
# the Node-only parts (data, acquisition, training) still work.
set -euo pipefail
# One list, edited by whoever adds a system dependency (say why in a comment).
PKGS=(
  ${FALCUN_SYSTEM_PACKAGES:-}
  # Jupyter for the tslab notebooks (npm run notebooks); bookworm has no JupyterLab.
  jupyter-notebook jupyter-nbconvert python3-nbconvert python3-nbclient python3-ipykernel jupyter-client
  # A one-node Slurm for the cluster tests (falcun-lab slurm).
  slurmctld slurmd slurm-client munge
  # Headless Chromium for figure export (PNG/SVG/PDF through playwright-core) and the browser figure tests.
  chromium
  # Debian's numpy: the select test runs README's Python loop with .npy files numpy itself writes.
  python3-numpy
  # Fonts for the exported figures (Liberation Sans stands in for Arial/Helvetica).
  fonts-liberation
  # pdflatex with booktabs and xcolor: the test that the exported LaTeX tables compile (~40 s to install).
  texlive-latex-base texlive-latex-recommended
)
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then echo "setup-system: all system packages present"; exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "setup-system: not root; please install: apt-get install -y ${missing[*]}"; exit 0
  fi
fi
echo "setup-system: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
