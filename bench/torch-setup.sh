#!/usr/bin/env bash
# Benchmark-only set-up (not CI): Debian's PyTorch (CPU), the reference that bench:training compares against.
# Installs python3-torch with apt when /usr/bin/python3 cannot import torch. Needs root or sudo.
set -euo pipefail
if /usr/bin/python3 -c 'import torch' >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "torch-setup: not root; install python3-torch (apt-get install -y python3-torch) to get the PyTorch reference" >&2; exit 1
  fi
fi
echo "torch-setup: installing Debian python3-torch (once; ~1 min)" >&2
( flock 9
  $SUDO apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-torch >/dev/null
) 9>/tmp/apt.lock
/usr/bin/python3 -c 'import torch' 
