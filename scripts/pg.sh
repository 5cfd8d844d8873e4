#!/usr/bin/env bash
# PostgreSQL for the tooling.
#   scripts/pg.sh start  use the server PGHOST/PGPORT point to when one answers,
#                      else start a private cluster (initdb into .cache/pg, unix socket only)
#   scripts/pg.sh stop   stop the private cluster if it runs
#   scripts/pg.sh clean  stop it and remove its data
# Writes .cache/pg.env (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, PG_PRIVATE) for Odoo.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_CLUSTER_USER="$(id -un)"
is_root && PG_CLUSTER_USER=postgres   # PostgreSQL refuses to run as root

pg_bindir() {
    local d
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
    if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
    d="$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")"
    [ -x "$d/initdb" ] && echo "$d"
}

# The private cluster lives in .cache/pg, unless the postgres user cannot reach it
# (repository under /root...) or the socket path would be too long (107 bytes max):
# then in /var/tmp/<addon>-pg-<hash of the repository path>.
pg_base() {
    local base="$CACHE_DIR/pg"
    local alt
    alt="/var/tmp/${ADDON_NAME}-pg-$(printf '%s' "$REPO_ROOT" | sha1sum | cut -c1-10)"
    if [ -d "$alt/data" ]; then echo "$alt"; return; fi
    if [ ${#base} -gt 80 ]; then echo "$alt"; return; fi
    if is_root && [ ! -d "$base/data" ]; then
        mkdir -p "$base"
        chown postgres: "$base"
        if ! runuser -u postgres -- test -w "$base"; then echo "$alt"; return; fi
    fi
    echo "$base"
}

as_cluster_user() {
    if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

write_env() {  # write_env HOST PORT USER PASSWORD PRIVATE
    mkdir -p "$CACHE_DIR"
    {
        printf 'DB_HOST=%q\n' "$1"
        printf 'DB_PORT=%q\n' "$2"
        printf 'DB_USER=%q\n' "$3"
        printf 'DB_PASSWORD=%q\n' "$4"
        printf 'PG_PRIVATE=%q\n' "$5"
    } > "$PG_ENV_FILE"
}

# can_connect HOST PORT USER PASSWORD -- with the venv's psycopg2 (the driver Odoo uses)
can_connect() {
    PGCONNECT_TIMEOUT=5 "$VPY" - "$@" <<'PY' >/dev/null 2>&1
import sys
import psycopg2
host, port, user, pwd = sys.argv[1:5]
kw = {"dbname": "postgres", "user": user}
if host: kw["host"] = host
if port: kw["port"] = port
if pwd: kw["password"] = pwd
psycopg2.connect(**kw).close()
PY
}

start() {
    ensure_debs postgresql
    require_venv
    local bin user
    bin="$(pg_bindir)" || true
    [ -n "$bin" ] || die "PostgreSQL server binaries (initdb, pg_ctl) not found: install the 'postgresql' package"
    user="${PGUSER:-$(id -un)}"
    [ "$user" != postgres ] || die "Odoo refuses to connect as 'postgres': set PGUSER to another role"

    # 1. a server that PGHOST/PGPORT (or the defaults) point to
    if "$bin/pg_isready" -q -t 3 >/dev/null 2>&1; then
        if ! can_connect "${PGHOST:-}" "${PGPORT:-}" "$user" "${PGPASSWORD:-}"; then
            if is_root && { [ -z "${PGHOST:-}" ] || [ "${PGHOST:0:1}" = / ]; }; then
                log "creating superuser role '$user' in the local PostgreSQL server"
                runuser -u postgres -- "$bin/createuser" -s "$user" || true
            fi
        fi
        if can_connect "${PGHOST:-}" "${PGPORT:-}" "$user" "${PGPASSWORD:-}"; then
            log "using the running PostgreSQL server (${PGHOST:-local socket}:${PGPORT:-5432}) as role '$user'"
            write_env "${PGHOST:-}" "${PGPORT:-}" "$user" "${PGPASSWORD:-}" 0
            return 0
        fi
        warn "a PostgreSQL server answers at ${PGHOST:-local socket}:${PGPORT:-5432} but role '$user' cannot connect: using a private cluster"
    fi

    # 2. the private cluster
    local base data sock logf
    base="$(pg_base)"; data="$base/data"; sock="$base/run"; logf="$base/postgresql.log"
    mkdir -p "$base" "$sock"
    is_root && chown postgres: "$base" "$sock"
    if [ ! -f "$data/PG_VERSION" ]; then
        log "initializing a private PostgreSQL cluster in $data"
        rm -rf "$data"
        as_cluster_user "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
            || as_cluster_user "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null \
            || die "initdb failed"
    fi
    if "$bin/pg_isready" -q -h "$sock" -p 5432 >/dev/null 2>&1; then
        log "reusing the private PostgreSQL cluster ($sock)"
    else
        log "starting the private PostgreSQL cluster ($data, socket in $sock)"
        as_cluster_user "$bin/pg_ctl" -D "$data" -l "$logf" -w -t 60 \
            -o "-c listen_addresses='' -c unix_socket_directories='$sock' -p 5432 -c fsync=off -c full_page_writes=off" \
            start >/dev/null || { tail -n 20 "$logf" >&2 || true; die "cannot start PostgreSQL"; }
    fi
    # Odoo refuses the 'postgres' role: a superuser named after the invoking user
    if ! "$bin/psql" -h "$sock" -p 5432 -U postgres -d postgres -tAc "select 1 from pg_roles where rolname='$user'" | grep -q 1; then
        log "creating superuser role '$user'"
        "$bin/createuser" -h "$sock" -p 5432 -U postgres -s "$user"
    fi
    write_env "$sock" 5432 "$user" "" 1
}

stop() {
    local bin base
    bin="$(pg_bindir)" || true
    [ -n "$bin" ] || return 0
    for base in "$CACHE_DIR/pg" "/var/tmp/${ADDON_NAME}-pg-$(printf '%s' "$REPO_ROOT" | sha1sum | cut -c1-10)"; do
        if [ -f "$base/data/postmaster.pid" ]; then
            log "stopping the private PostgreSQL cluster ($base/data)"
            as_cluster_user "$bin/pg_ctl" -D "$base/data" -m fast -w stop >/dev/null || true
        fi
    done
}

clean() {
    stop
    rm -rf "$CACHE_DIR/pg" "/var/tmp/${ADDON_NAME}-pg-$(printf '%s' "$REPO_ROOT" | sha1sum | cut -c1-10)" "$PG_ENV_FILE"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    clean) clean ;;
    *) die "usage: $0 start|stop|clean" ;;
esac
