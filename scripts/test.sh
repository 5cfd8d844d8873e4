#!/usr/bin/env bash
# make test: the gate. Each stage prints its time; the last line counts the tests.
#   lint         pre-commit run -a (OCA's checks, .pre-commit-config.yaml)
#   package      pip install of a clone named after the addon; Odoo loads it from there
#   plain        the addon with its demo data (click-odoo-initdb); the suite through
#                pytest-odoo, tours left out
#   vi           a database as users have it: Vietnamese only, with contacts, calendar,
#                event, hr, l10n_vn and portal (their base cached by click-odoo-initdb);
#                the addon installed; the suite with the tours
#   upgrade      the previous release (scripts/previous_release) in a copy of that
#                Vietnamese database, upgraded to this code (click-odoo-update); no
#                row lost, and the tests tagged emulation_upgrade
#   concurrency  tests/test_concurrency_*.py (committed data) in a database of their own
# Two lanes run side by side (lint, package, plain, concurrency | vi, upgrade): a
# test run keeps one core busy. A lint finding, a WARNING/ERROR line of Odoo's log
# (checklog-odoo), a failed or skipped test fails the gate. The tests run on a copy
# of the files git tracks or would add, the copy click-odoo-initdb's cache is keyed by.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

T0=$(date +%s)
VI_MODULES="contacts,calendar,event,hr,l10n_vn,portal"
VI_DB="${TEST_DB}_vi"
UPGRADE_DB="${TEST_DB}_upgrade"
CONCURRENCY_DB="${TEST_DB}_concurrency"
RESULTS_DIR="$LOG_DIR/results"   # JUnit reports, failed steps, stage times
GATE_ADDONS="$CACHE_DIR/gate/addons"
TEST_CONF="$CACHE_DIR/gate/odoo.conf"
TESTS="$ADDON_NAME/tests"
NO_CONCURRENCY=(--ignore-glob="$TESTS/test_concurrency_*.py")

fail_step() { echo "$1" >> "$RESULTS_DIR/failed-steps"; printf '==> FAILED: %s\n' "$1"; }
# ONLY="plain vi" make test: those stages only (upgrade needs vi's database)
want() { [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $1 "* ]]; }
stage() {  # stage NAME : run stage_NAME, timed
    want "$1" || return 0
    local t
    t=$(date +%s)
    log "stage $1"
    "stage_$1"
    t=$(( $(date +%s) - t ))
    printf '%-12s %4d s\n' "$1" "$t" >> "$RESULTS_DIR/stages"
    log "stage $1: $t s"
}

checklog() {  # checklog LOG NAME : no WARNING/ERROR line in an Odoo log
    [ -f "$1" ] || return 0  # no log: the run failed, and said so
    checklog-odoo -c "$REPO_ROOT/checklog-odoo.cfg" --no-err-if-empty "$1" > "$1.checklog" 2>&1 \
        || { head -n 60 "$1.checklog"; fail_step "WARNING/ERROR lines in $2 (${1#"$REPO_ROOT"/})"; }
}

initdb() {  # initdb DB MODULES LOG : a database from click-odoo-initdb's cached templates
    drop_db "$1"
    click-odoo-initdb -c "$TEST_CONF" -n "$1" -m "$2" --cache-prefix emu --cache-max-size 8 \
        --log-level info --logfile "$3" \
        || { tail -n 30 "$3"; fail_step "click-odoo-initdb $1 ($2)"; return 1; }
}

odoo_run() {  # odoo_run NAME LOG ARGS... : odoo-bin --stop-after-init, log checked
    local name="$1" logf="$2"
    shift 2
    odoo_bin -c "$TEST_CONF" --no-http --log-level=info --logfile="$logf" --stop-after-init "$@" \
        || fail_step "$name (exit $?)"
    checklog "$logf" "$name"
}

# run_pytest NAME DB ARGS... : the addon's tests through pytest-odoo on DB; the Odoo
# log (checked) and the JUnit report (counted) in .cache/logs
run_pytest() {
    local name="$1" db="$2" rc=0
    shift 2
    local junit="$RESULTS_DIR/$name.xml" odoo_log="$LOG_DIR/pytest-$name-odoo.log"
    rm -f "$odoo_log"
    # run on the copy's parent so that pytest-odoo names the modules
    # odoo.addons.<addon>.tests.*; scripts/pytest_odoo_preload.py lets pytest import
    # tests/conftest.py as odoo.addons.*
    ( cd "$GATE_ADDONS" && PYTHONPATH="$REPO_ROOT/scripts${PYTHONPATH:+:$PYTHONPATH}" \
        "$VPY" -m pytest -p pytest_odoo_preload -p no:cacheprovider --rootdir="$GATE_ADDONS" \
        --odoo-config="$TEST_CONF" --odoo-database="$db" --odoo-log-level=info \
        --odoo-extra="logfile=$odoo_log" --odoo-http --junitxml="$junit" -o junit_family=xunit2 \
        -q -p no:warnings --durations=10 "$@" ) > "$LOG_DIR/pytest-$name.log" 2>&1 || rc=$?
    log "pytest $name: $(tail -n 1 "$LOG_DIR/pytest-$name.log")"
    # 5: no test collected
    [ "$rc" = 0 ] || [ "$rc" = 5 ] || fail_step "pytest $name (exit $rc, log: ${LOG_DIR#"$REPO_ROOT"/}/pytest-$name.log)"
    checklog "$odoo_log" "pytest $name"
}

stage_lint() {
    bash "$REPO_ROOT/scripts/lint.sh" > "$LOG_DIR/lint.log" 2>&1 \
        || { grep -vE 'W0012|^\s*$' "$LOG_DIR/lint.log" | grep -B2 -A30 -- '- hook id' | head -n 80
             fail_step "lint (pre-commit run -a)"; }
}

stage_package() {
    bash "$REPO_ROOT/scripts/package_test.sh" > "$LOG_DIR/package.log" 2>&1 \
        || { tail -n 30 "$LOG_DIR/package.log"; fail_step "package (pip install .)"; }
    log "$(tail -n 1 "$LOG_DIR/package.log")"
}

stage_plain() {
    initdb "$TEST_DB" "$ADDON_NAME" "$LOG_DIR/initdb-$TEST_DB.log" || return 0
    checklog "$LOG_DIR/initdb-$TEST_DB.log" "the install of $ADDON_NAME in $TEST_DB"
    run_pytest plain "$TEST_DB" "${NO_CONCURRENCY[@]}" --ignore="$TESTS/test_tours.py" "$TESTS"
}

stage_vi() {
    initdb "$VI_DB" "$VI_MODULES" "$LOG_DIR/initdb-$VI_DB.log" || return 0
    # the language is no option of click-odoo-initdb: made Vietnamese only on the copy
    "$VPY" "$REPO_ROOT/scripts/vi_base.py" -c "$TEST_CONF" -d "$VI_DB" > "$LOG_DIR/vi-only.log" 2>&1 \
        || { tail -n 30 "$LOG_DIR/vi-only.log"; fail_step "making $VI_DB Vietnamese only"; return 0; }
    # the upgrade's database: the same, before this version of the addon comes in
    drop_db "$UPGRADE_DB"
    pg_sql postgres "create database \"$UPGRADE_DB\" template \"$VI_DB\"" >/dev/null
    odoo_run "install of $ADDON_NAME in $VI_DB" "$LOG_DIR/install-$VI_DB.log" -d "$VI_DB" -i "$ADDON_NAME"
    run_pytest vi "$VI_DB" "${NO_CONCURRENCY[@]}" "$TESTS"
}

# row_counts DB : rows of each table of the addon, "table=count ..."
row_counts() {
    pg_sql "$1" "select string_agg(t, ' ' order by t) from (select table_name || '=' || (xpath('/row/c/text()', query_to_xml('select count(*) as c from ' || quote_ident(table_name), false, true, '')))[1]::text as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name like 'emulation\_%') q"
}

stage_upgrade() {
    local prev_version prev_commit prev_dir before after lost upgrade_log
    read -r prev_version prev_commit < <(grep -v '^#' "$REPO_ROOT/scripts/previous_release")
    prev_dir="$CACHE_DIR/previous/$prev_version"
    if [ ! -f "$prev_dir/$ADDON_NAME/__manifest__.py" ]; then
        rm -rf "$prev_dir" && mkdir -p "$prev_dir/$ADDON_NAME"
        git -C "$REPO_ROOT" archive "$prev_commit" | tar -x -C "$prev_dir/$ADDON_NAME" \
            || { fail_step "the previous release $prev_version ($prev_commit) is not in this clone's history"; return 0; }
    fi
    db_exists "$UPGRADE_DB" || { fail_step "no $UPGRADE_DB (the vi stage makes it)"; return 0; }
    odoo_run "install of $prev_version in $UPGRADE_DB" "$LOG_DIR/install-$prev_version.log" \
        --addons-path="$ODOO_ADDONS,$prev_dir" -d "$UPGRADE_DB" -i "$ADDON_NAME"
    before="$(row_counts "$UPGRADE_DB")"
    # click-odoo-update: the addons whose files changed since it last saw the
    # database (all, the first time); Odoo's own are left alone
    upgrade_log="$LOG_DIR/upgrade-$UPGRADE_DB.log"
    click-odoo-update -c "$TEST_CONF" -d "$UPGRADE_DB" --ignore-core-addons \
        --log-level info --logfile "$upgrade_log" || fail_step "click-odoo-update $UPGRADE_DB"
    checklog "$upgrade_log" "the upgrade of $UPGRADE_DB"
    grep -q "Updating addons for their hash changed: .*$ADDON_NAME" "$upgrade_log" \
        || fail_step "click-odoo-update did not upgrade $ADDON_NAME in $UPGRADE_DB"
    after="$(row_counts "$UPGRADE_DB")"
    lost="$("$VPY" - "$before" "$after" <<'PY'
import sys
before = dict(item.split("=") for item in sys.argv[1].split())
after = dict(item.split("=") for item in sys.argv[2].split())
print(" ".join(f"{t}:{n}->{after.get(t, 0)}" for t, n in sorted(before.items()) if int(after.get(t, 0)) < int(n)))
PY
)"
    if [ -n "$lost" ]; then fail_step "rows lost by the upgrade: $lost"
    else log "no row lost by the upgrade ($(wc -w <<< "$before") tables)"; fi
    run_pytest upgrade "$UPGRADE_DB" -m emulation_upgrade "${NO_CONCURRENCY[@]}" "$TESTS"
}

stage_concurrency() {
    local files
    mapfile -t files < <(cd "$GATE_ADDONS" && ls "$TESTS"/test_concurrency_*.py 2>/dev/null || true)
    [ ${#files[@]} -gt 0 ] || { log "no tests/test_concurrency_*.py"; return 0; }
    initdb "$CONCURRENCY_DB" "$ADDON_NAME" "$LOG_DIR/initdb-$CONCURRENCY_DB.log" || return 0
    run_pytest concurrency "$CONCURRENCY_DB" "${files[@]}"
}

# --- set-up ---------------------------------------------------------------------
bash "$REPO_ROOT/scripts/env.sh"
rm -rf "$RESULTS_DIR" && mkdir -p "$LOG_DIR" "$RESULTS_DIR"
printf '%-12s %4d s\n' env $(( $(date +%s) - T0 )) > "$RESULTS_DIR/stages"
# wkhtmltopdf (Qt) wants a private runtime folder; the reports' fonts
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$CACHE_DIR/xdg-runtime}"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
export FONTCONFIG_FILE="$REPO_ROOT/scripts/fonts.conf"
export PATH="$VENV/bin:$PATH"
bash "$REPO_ROOT/scripts/pg.sh" start
write_odoo_conf
rm -rf "$GATE_ADDONS" && mkdir -p "$GATE_ADDONS/$ADDON_NAME"
(cd "$ADDON_DIR" && git ls-files -co --exclude-standard \
    | while IFS= read -r f; do [ -e "$f" ] && printf '%s\n' "$f"; done | tar -cf - -T -) \
    | tar -xf - -C "$GATE_ADDONS/$ADDON_NAME"
sed "s#$ADDONS_LINK_DIR#$GATE_ADDONS#" "$ODOO_CONF" > "$TEST_CONF"
ODOO_ADDONS="$(sed -n 's/^addons_path = //p' "$ODOO_CONF" | sed "s#,$ADDONS_LINK_DIR##")"

# --- the two lanes -------------------------------------------------------------------
( stage vi; stage upgrade ) 2>&1 | sed -u 's/^/[vi] /' &
LANE_VI=$!
( stage lint; stage package; stage plain; stage concurrency ) 2>&1 | sed -u 's/^/[plain] /' \
    || fail_step "the lane lint, package, plain, concurrency stopped"
wait "$LANE_VI" || fail_step "the lane vi, upgrade stopped"

# --- summary -----------------------------------------------------------------------
echo
echo "stages (two lanes side by side):"
sed 's/^/  /' "$RESULTS_DIR/stages"
if [ -s "$RESULTS_DIR/failed-steps" ]; then
    echo "failed steps ($(wc -l < "$RESULTS_DIR/failed-steps")):"
    sed 's/^/  - /' "$RESULTS_DIR/failed-steps"
fi
echo "make test: done in $(( $(date +%s) - T0 )) s (logs in ${LOG_DIR#"$REPO_ROOT"/})"
echo "runs:"
mapfile -t REPORTS < <(cd "$RESULTS_DIR" && for f in *.xml; do [ -e "$f" ] && echo "${f%.xml}=$RESULTS_DIR/$f"; done)
"$VPY" "$REPO_ROOT/scripts/results.py" --failed-steps "$(cat "$RESULTS_DIR/failed-steps" 2>/dev/null | wc -l)" "${REPORTS[@]}"
