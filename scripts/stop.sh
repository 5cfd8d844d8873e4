#!/usr/bin/env bash
# make stop: stop the server of 'make run' and the private PostgreSQL cluster.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PIDFILE="$CACHE_DIR/odoo-run.pid"
if [ -f "$PIDFILE" ]; then
    pid="$(cat "$PIDFILE")"
    if kill -0 "$pid" 2>/dev/null && grep -qa -- "-m.odoo" "/proc/$pid/cmdline" 2>/dev/null; then
        log "stopping the Odoo server (pid $pid)"
        kill -TERM "$pid" || true
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" || true
    fi
    rm -f "$PIDFILE"
fi
bash "$REPO_ROOT/scripts/pg.sh" stop
log "stopped"
