#!/usr/bin/env bash
# OCA's checks: pre-commit with .pre-commit-config.yaml (make test, make fmt).
# Its hook environments live in .cache/pre-commit; extra arguments go to
# `pre-commit run -a`.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_venv
# prettier and eslint run on the system's Node.js
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || ensure_debs nodejs npm
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$CACHE_DIR/pre-commit}"
cd "$REPO_ROOT"
exec "$VENV/bin/pre-commit" run -a --show-diff-on-failure "$@"
