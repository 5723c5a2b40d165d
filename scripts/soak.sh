#!/usr/bin/env bash
# The fault-injection soak of issue #10 (not part of CI's default run: it takes minutes and
# mounts a tmpfs). Installs what it needs, builds `buzon` and `buzon-bench` in release, and runs
# `buzon-bench soak`: the real `buzon run` against a local Dovecot and SMTP sink, with SIGKILLs
# at random moments, IMAP and SMTP outages, a full and a read-only attachments directory,
# two daemons on one database and poison mail. Prints the figures and a PASS/FAIL line per
# check; exits 1 on any FAIL (the work directory with soak-report.txt, daemon.log and the
# database is then kept and named).
#
# Usage: scripts/soak.sh [--messages 2000] [--kills 37] [--seed S] [--keep] [--stall-seconds 120]
#   Short run (about a minute): scripts/soak.sh --messages 200 --kills 3
#   Repeat a run: the seed it printed, e.g. scripts/soak.sh --seed 123456
# Run as root: the full-disk phase mounts a tmpfs (it is skipped, and says so, otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
echo "== building (release)"
swift build -c release --product buzon 2>&1 | tail -1
swift build -c release --product buzon-bench 2>&1 | tail -1
bin=$(swift build -c release --show-bin-path)
echo "== soak"
exec "$bin/buzon-bench" soak --buzon "$bin/buzon" "$@"
