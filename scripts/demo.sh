#!/usr/bin/env bash
# The main job, on this machine: a real Dovecot and SMTP server on 127.0.0.1, a morning's mail,
# the buzon gateway and desk commands, and what customers received. Stops what it starts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --product buzon >/dev/null
swift build --product buzon-demo >/dev/null
exec "$(swift build --show-bin-path)/buzon-demo"
