#!/usr/bin/env bash
# Installs the Debian packages Buzón builds and tests with, only when one is missing.
# Needs root (apt-get); says clearly what is missing otherwise.
set -euo pipefail

packages=(
  libcurl4-openssl-dev   # IMAP and SMTP (system library target CCurl)
  libsqlite3-dev         # the ticket store (CSQLite)
  libssl-dev             # SHA-256 (CCrypto)
  pkg-config             # lets SwiftPM find the three above
  dovecot-imapd          # real IMAP server for integration tests and the demo
  openssl                # test certificates
  python3-aiosmtpd       # real SMTP server that records what it receives
  systemd                # systemd-analyze verify checks deploy/buzon.service
  sqlite3                # tests read stored bytes back and shape foreign, old and newer databases
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v swift >/dev/null 2>&1; then
  echo "install-deps: the Swift 6 toolchain is not on PATH (expected /opt/swift/usr/bin); install it first" >&2
  exit 1
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run as root, or: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# Dovecot's maintainer scripts try to start the system service; we never use it.
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
