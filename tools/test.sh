#!/usr/bin/env bash
# make test: the whole gate.
#   (a) OCA's checks (tools/lint.sh)
#   (b) a fresh database with demo data: install and run the addon's tests (odoo-bin)
#   (c) the same tests through pytest-odoo on that database
#   (d) a database like a real instance: only Vietnamese, with contacts, calendar,
#       event, hr, l10n_vn and portal installed (its base is cached in the local
#       PostgreSQL, keyed by module list and Odoo version); install and run the tests
#   (e) the previous release (tools/previous_release) installed in a database of
#       each kind, then upgraded to this code, with the tests run after the upgrade
# Any WARNING/ERROR/CRITICAL line of the addon's install, tests or upgrade, a test
# failure, a skipped test or a lint finding fails it. The closing line counts
# distinct tests: a test passes only if it passed in every run.
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

T0=$(date +%s)
FAILED_STEPS=()
RUNS=()
fail_step() { FAILED_STEPS+=("$1"); printf '==> FAILED: %s\n' "$1"; }

VI_DB="${TEST_DB}_vi"
UPGRADE_DB="${TEST_DB}_upgrade"
UPGRADE_VI_DB="${TEST_DB}_upgrade_vi"
VI_MODULES="contacts,calendar,event,hr,l10n_vn,portal"
RESULTS_DIR="$LOG_DIR/results"
CHECKLOG=("$VPY" "$REPO_ROOT/tools/checklog.py")

bash "$REPO_ROOT/tools/env.sh"
link_addon
mkdir -p "$LOG_DIR" "$RESULTS_DIR"
rm -f "$RESULTS_DIR"/*.json
# wkhtmltopdf (Qt) wants a private runtime folder; the reports' fonts
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$CACHE_DIR/xdg-runtime}"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
export FONTCONFIG_FILE="$REPO_ROOT/tools/fonts.conf"

# --- (a) lint -----------------------------------------------------------------
bash "$REPO_ROOT/tools/lint.sh" check || fail_step "lint (OCA checks)"

# --- PostgreSQL + config --------------------------------------------------------
bash "$REPO_ROOT/tools/pg.sh" start
write_odoo_conf
ODOO_ADDONS="$(sed -n 's/^addons_path = //p' "$ODOO_CONF" | sed "s#,$ADDONS_LINK_DIR##")"

# run_odoo NAME LOG ARGS... : odoo-bin with the test config; checks the log
run_odoo() {
    local name="$1" logf="$2" rc=0 t
    shift 2
    t=$(date +%s)
    log "$name (log: ${logf#"$REPO_ROOT"/})"
    odoo_bin -c "$ODOO_CONF" --http-port="$(free_port)" --log-level=info --stop-after-init \
        "$@" > "$logf" 2>&1 || rc=$?
    log "$name: done in $(( $(date +%s) - t )) s (exit $rc)"
    [ "$rc" = 0 ] || fail_step "$name (exit $rc)"
    "${CHECKLOG[@]}" check "$logf" || fail_step "checklog of: $name"
}

# record_run NAME LOG : the per-test outcomes of an odoo-bin run
record_run() {  # record_run NAME LOG [SKIP]: SKIP, the tests the run leaves out
    "${CHECKLOG[@]}" odoo-results "$2" "$RESULTS_DIR/$1.json"
    RUNS+=("$1=$RESULTS_DIR/$1.json${3:+=$3}")
}

# The tests of the demo data as this version installs it (tagged
# emulation_fresh_install) leave the upgrade runs out: Odoo never updates
# the demo records of an installed module, so a database upgraded from the
# previous release keeps that release's demo data.
FRESH_ONLY_TAG="emulation_fresh_install"
FRESH_ONLY_TESTS='\.(TestDemoData|TestRolloverDemo)\.'


addon_state() { pg_sql "$1" "select state from ir_module_module where name = '$ADDON_NAME'" 2>/dev/null || true; }

# --- (b) fresh database, install + tests ------------------------------------------
drop_db "$TEST_DB"
INSTALL_LOG="$LOG_DIR/test-install.log"
run_odoo "(b) install and test in $TEST_DB" "$INSTALL_LOG" \
    -d "$TEST_DB" --db-filter="^${TEST_DB}\$" -i "$ADDON_NAME" --test-enable --test-tags "/$ADDON_NAME"
record_run "odoo-bin@$TEST_DB" "$INSTALL_LOG"

# --- (c) pytest-odoo -------------------------------------------------------------
if [ "$(addon_state "$TEST_DB")" = installed ]; then
    PYTEST_LOG="$LOG_DIR/pytest.log"
    JUNIT="$LOG_DIR/pytest-junit.xml"
    rm -f "$JUNIT"
    log "(c) pytest-odoo on $TEST_DB (log: ${PYTEST_LOG#"$REPO_ROOT"/})"
    t=$(date +%s)
    set +e
    # run on the symlinked path so that pytest-odoo names the modules
    # odoo.addons.<addon>.tests.* whatever the checkout folder is called
    # (tools/pytest_odoo_preload.py: lets pytest import tests/conftest.py as odoo.addons.*)
    ( cd "$ADDONS_LINK_DIR" && PYTHONPATH="$REPO_ROOT/tools${PYTHONPATH:+:$PYTHONPATH}" \
        "$VPY" -m pytest -p pytest_odoo_preload -p no:cacheprovider --rootdir="$ADDONS_LINK_DIR" \
        --odoo-config="$ODOO_CONF" --odoo-database="$TEST_DB" --odoo-log-level=warn --odoo-http \
        --junitxml="$JUNIT" -o junit_family=xunit2 -q "$ADDON_NAME/tests" ) > "$PYTEST_LOG" 2>&1
    rc=$?
    set -e
    tail -n 3 "$PYTEST_LOG"
    log "(c) done in $(( $(date +%s) - t )) s (exit $rc)"
    [ "$rc" = 0 ] || fail_step "pytest (exit $rc)"
    "${CHECKLOG[@]}" junit-results "$JUNIT" "$RESULTS_DIR/pytest@$TEST_DB.json"
    RUNS+=("pytest@$TEST_DB=$RESULTS_DIR/pytest@$TEST_DB.json")
else
    fail_step "(c) pytest-odoo not run: $ADDON_NAME is not installed in $TEST_DB"
fi

# --- (d) a Vietnamese database with other apps ---------------------------------------
# The base (the other apps, Vietnamese only) is built once per module list and Odoo
# version and kept as a template database in the local PostgreSQL.
VI_KEY="$( (echo "$VI_MODULES"; "$VPY" -c 'import odoo.release as r; print(r.version)'; \
    cat "$REPO_ROOT/tools/vi_base.py") | sha256sum | cut -c1-10)"
VI_BASE="emulation_vibase_$VI_KEY"
if [ -z "$(pg_sql postgres "select 1 from pg_database where datname = '$VI_BASE'")" ]; then
    BASE_LOG="$LOG_DIR/vi-base.log"
    log "(d) building the base $VI_BASE: $VI_MODULES, Vietnamese only (several minutes, once; log: ${BASE_LOG#"$REPO_ROOT"/})"
    drop_db "$VI_BASE.tmp"
    odoo_bin -c "$ODOO_CONF" --addons-path="$ODOO_ADDONS" -d "$VI_BASE.tmp" -i "$VI_MODULES" \
        --load-language=vi_VN --stop-after-init --no-http --log-level=warn > "$BASE_LOG" 2>&1 \
        && "$VPY" "$REPO_ROOT/tools/vi_base.py" -c "$ODOO_CONF" -d "$VI_BASE.tmp" >> "$BASE_LOG" 2>&1 \
        && pg_sql postgres "alter database \"$VI_BASE.tmp\" rename to \"$VI_BASE\"" >/dev/null \
        && mv "$CACHE_DIR/filestore/filestore/$VI_BASE.tmp" "$CACHE_DIR/filestore/filestore/$VI_BASE" 2>/dev/null \
        || { tail -n 30 "$BASE_LOG"; fail_step "(d) building the Vietnamese base"; }
fi

# copy_db TEMPLATE NAME : a database and its filestore from a template
copy_db() {
    drop_db "$2"
    pg_sql postgres "create database \"$2\" template \"$1\"" >/dev/null
    if [ -d "$CACHE_DIR/filestore/filestore/$1" ]; then
        mkdir -p "$CACHE_DIR/filestore/filestore"
        cp -a "$CACHE_DIR/filestore/filestore/$1" "$CACHE_DIR/filestore/filestore/$2"
    fi
}

if db_exists "$VI_BASE"; then
    copy_db "$VI_BASE" "$VI_DB"
    VI_LOG="$LOG_DIR/test-install-vi.log"
    run_odoo "(d) install and test in $VI_DB ($VI_MODULES, Vietnamese only)" "$VI_LOG" \
        -d "$VI_DB" --db-filter="^${VI_DB}\$" -i "$ADDON_NAME" --test-enable --test-tags "/$ADDON_NAME"
    record_run "odoo-bin@$VI_DB" "$VI_LOG"
fi

# --- (e) upgrade from the previous release -------------------------------------------
read -r PREV_VERSION PREV_COMMIT < <(grep -v '^#' "$REPO_ROOT/tools/previous_release")
PREV_DIR="$CACHE_DIR/previous/$PREV_VERSION"
if [ ! -f "$PREV_DIR/$ADDON_NAME/__manifest__.py" ]; then
    rm -rf "$PREV_DIR" && mkdir -p "$PREV_DIR/$ADDON_NAME"
    git -C "$REPO_ROOT" archive "$PREV_COMMIT" | tar -x -C "$PREV_DIR/$ADDON_NAME" \
        || fail_step "(e) the previous release $PREV_VERSION ($PREV_COMMIT) is not in this clone's history"
fi

# row_counts DB : rows of each table of the addon, "table=count ..."
row_counts() {
    pg_sql "$1" "select string_agg(t, ' ' order by t) from (select table_name || '=' || (xpath('/row/c/text()', query_to_xml('select count(*) as c from ' || quote_ident(table_name), false, true, '')))[1]::text as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name like 'emulation\_%') q"
}

upgrade_from_previous() {  # upgrade_from_previous KIND DB TEMPLATE
    local kind="$1" db="$2" template="$3" before after lost
    if [ -n "$template" ]; then copy_db "$template" "$db"; else drop_db "$db"; fi
    run_odoo "(e) install $PREV_VERSION in $db ($kind)" "$LOG_DIR/upgrade-$kind-install.log" \
        --addons-path="$ODOO_ADDONS,$PREV_DIR" -d "$db" --db-filter="^${db}\$" -i "$ADDON_NAME"
    [ "$(addon_state "$db")" = installed ] || { fail_step "(e) $PREV_VERSION not installed in $db"; return; }
    before="$(row_counts "$db")"
    run_odoo "(e) upgrade $db to this code and test" "$LOG_DIR/upgrade-$kind.log" \
        -d "$db" --db-filter="^${db}\$" -u "$ADDON_NAME" --test-enable \
        --test-tags "/$ADDON_NAME,-$FRESH_ONLY_TAG"
    record_run "upgrade@$db" "$LOG_DIR/upgrade-$kind.log" "$FRESH_ONLY_TESTS"
    after="$(row_counts "$db")"
    # nothing lost: no table of the addon has fewer rows than before
    lost="$("$VPY" - "$before" "$after" <<'PY'
import sys
before = dict(item.split("=") for item in sys.argv[1].split())
after = dict(item.split("=") for item in sys.argv[2].split())
print(" ".join(f"{t}:{n}->{after.get(t, 0)}" for t, n in sorted(before.items()) if int(after.get(t, 0)) < int(n)))
PY
)"
    if [ -n "$lost" ]; then fail_step "(e) rows lost by the upgrade of $db: $lost"; else log "(e) $db: no row lost ($(wc -w <<< "$before") tables)"; fi
}
upgrade_from_previous plain "$UPGRADE_DB" ""
if db_exists "$VI_BASE"; then
    upgrade_from_previous vi "$UPGRADE_VI_DB" "$VI_BASE"
fi

# --- summary -----------------------------------------------------------------------
echo
set +e
"${CHECKLOG[@]}" summary "${RUNS[@]}" > "$LOG_DIR/summary.txt"
SUMMARY_RC=$?
set -e
grep -v '^summary: ' "$LOG_DIR/summary.txt"
if [ ${#FAILED_STEPS[@]} -gt 0 ]; then
    echo "failed steps (${#FAILED_STEPS[@]}):"
    printf '  - %s\n' "${FAILED_STEPS[@]}"
fi
echo "make test: done in $(( $(date +%s) - T0 )) s (logs in ${LOG_DIR#"$REPO_ROOT"/})"
LINE="$(grep '^summary: ' "$LOG_DIR/summary.txt")"
if [ "$SUMMARY_RC" = 0 ] && [ ${#FAILED_STEPS[@]} -gt 0 ]; then
    # a failed step that is not a counted test still counts as a failure
    LINE="$(sed -E "s/[0-9]+ failed$/${#FAILED_STEPS[@]} failed/" <<< "$LINE")"
fi
echo "$LINE"
[ "$SUMMARY_RC" = 0 ] && [ ${#FAILED_STEPS[@]} -eq 0 ]
