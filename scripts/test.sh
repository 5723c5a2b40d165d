#!/usr/bin/env bash
# The whole test suite: unit tests, golden files, real SQLite, and integration tests
# against a real Dovecot and a real SMTP server that the tests start on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --build-tests "$@"
swift test --skip-build "$@"
