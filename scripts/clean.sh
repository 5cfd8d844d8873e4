#!/usr/bin/env bash
# make clean: stop everything, remove .venv, the caches and the private cluster.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$REPO_ROOT/scripts/stop.sh"
bash "$REPO_ROOT/scripts/pg.sh" clean
log "removing .venv and .cache"
rm -rf "$VENV" "$CACHE_DIR"
find "$REPO_ROOT" -name __pycache__ -type d -not -path "*/.git/*" -prune -exec rm -rf {} +
