#!/usr/bin/env bash
# Installs everything the test suites need (Debian 12, as root or with sudo) and runs every
# test: unit tests (surefire) and integration tests (failsafe) against real registries/tools.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
export LC_ALL=C.UTF-8
mvn -B -ntp verify
