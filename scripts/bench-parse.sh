#!/usr/bin/env bash
# Parse benchmark: builds buzon-bench and buzon in release, generates the seeded corpus once,
# and times parse + decode + trim two ways on it:
#   1. buzon-bench parse  — in-memory, one thread, best of ROUNDS, with the Python `email`
#      peer (and fast-mail-parser, the Rust-core peer, when it can be pip-installed) timed
#      on the same files for a ratio;
#   2. buzon parse --summary — the CLI instrument, files read from disk, parse time only.
#
# Usage: scripts/bench-parse.sh [MESSAGES] [SEED]
# Environment: ROUNDS (3), CORPUS (a temporary directory, removed unless KEEP=1),
#              FAST_MAIL_PARSER=0 to skip the optional fast-mail-parser peer.
set -euo pipefail
cd "$(dirname "$0")/.."

messages=${1:-4000}
seed=${2:-42}
rounds=${ROUNDS:-3}
work=$(mktemp -d /tmp/buzon-bench-parse.XXXXXX)
corpus=${CORPUS:-$work/corpus}
cleanup() { if [[ ${KEEP:-0} != 1 ]]; then rm -rf "$work"; else echo "kept corpus in $corpus"; fi; }
trap cleanup EXIT

echo "== building (release)"
swift build -c release --product buzon-bench 2>&1 | tail -1
swift build -c release --product buzon 2>&1 | tail -1
bin=$(swift build -c release --show-bin-path)

# Optional peer: fast-mail-parser (Rust core) in a throw-away venv under /tmp, timed twice:
# with the same cheap reply trim as the other peers, and parsing + decoding only (the issue's
# peer figure, less work than Buzón's parse + decode + trim). Never fatal.
extra=()
venv=/tmp/buzon-bench-fast-mail-parser-venv
if [[ ${FAST_MAIL_PARSER:-1} != 0 ]] && command -v python3 >/dev/null; then
    if [[ -x $venv/bin/python ]] && "$venv/bin/python" -c 'import fast_mail_parser' 2>/dev/null; then
        extra=(--extra-peer "fast-mail-parser=$venv/bin/python" --extra-peer "fast-mail-parser-untrimmed=$venv/bin/python")
    elif timeout 60 python3 -m pip download --quiet --no-deps -d "$work/wheel" fast-mail-parser >/dev/null 2>&1 \
        && python3 -m venv "$venv" >/dev/null 2>&1 \
        && timeout 120 "$venv/bin/pip" install --quiet --no-index --find-links "$work/wheel" fast-mail-parser >/dev/null 2>&1 \
        && "$venv/bin/python" -c 'import fast_mail_parser' 2>/dev/null; then
        extra=(--extra-peer "fast-mail-parser=$venv/bin/python" --extra-peer "fast-mail-parser-untrimmed=$venv/bin/python")
    else
        echo "peer fast-mail-parser: not installable here (no network, no wheel or no venv); skipped"
    fi
fi

echo "== buzon-bench parse ($messages messages, seed $seed, best of $rounds)"
"$bin/buzon-bench" parse --messages "$messages" --seed "$seed" --rounds "$rounds" --corpus "$corpus" \
    --peer-script scripts/bench_email_peer.py "${extra[@]}"

echo
echo "== buzon parse --summary (files read from disk; seconds = parse + trim only)"
summarize() {
    local label=$1; shift
    local line; line=$("$bin/buzon" parse --summary "$@")
    local count seconds
    count=$(sed -E 's/.*messages=([0-9]+).*/\1/' <<<"$line")
    seconds=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$line")
    printf '%-21s %s\n%-21s %s msg/s\n' "$label" "$line" "" \
        "$(awk -v n="$count" -v s="$seconds" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')"
}
mapfile -t all < <(awk -F'\t' 'NR > 1 { print dir "/" $1 }' dir="$corpus" "$corpus/manifest.tsv")
mapfile -t plain < <(awk -F'\t' 'NR > 1 && $4 == 0 { print dir "/" $1 }' dir="$corpus" "$corpus/manifest.tsv")
summarize "with attachments" "${all[@]}"
summarize "without attachments" "${plain[@]}"
