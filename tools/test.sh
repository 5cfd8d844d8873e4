#!/usr/bin/env bash
# make test: the whole gate.
#   (a) ruff + pylint-odoo (OCA mandatory checks)
#   (b) fresh database, install with demo data and run the addon's tests (odoo-bin)
#   (c) the same tests through pytest-odoo on that database
#   (d) -u on that database
# Any WARNING/ERROR/CRITICAL server log line, test failure or lint error fails it.
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

T0=$(date +%s)
FAILED_STEPS=()
fail_step() { FAILED_STEPS+=("$1"); printf '==> FAILED: %s\n' "$1"; }

bash "$REPO_ROOT/tools/env.sh"
link_addon
ADDON_PATH="$ADDONS_LINK_DIR/$ADDON_NAME"   # the addon under its technical name
mkdir -p "$LOG_DIR"

# --- (a) lint -----------------------------------------------------------------
log "(a) ruff check"
"$VENV/bin/ruff" check --no-fix --config "$REPO_ROOT/.ruff.toml" "$ADDON_DIR" || fail_step "ruff check"
log "(a) ruff format --check"
"$VENV/bin/ruff" format --check --config "$REPO_ROOT/.ruff.toml" "$ADDON_DIR" || fail_step "ruff format"
log "(a) pylint-odoo (OCA mandatory checks, .pylintrc-mandatory)"
( cd "$ADDONS_LINK_DIR" && "$VENV/bin/pylint" --rcfile="$REPO_ROOT/.pylintrc-mandatory" \
    --ignore=.venv,.cache,.git,tools,node_modules --output-format=text "$ADDON_NAME" ) || fail_step "pylint-odoo"

# --- PostgreSQL + config --------------------------------------------------------
bash "$REPO_ROOT/tools/pg.sh" start
write_odoo_conf

# --- (b) fresh database, install + tests ------------------------------------------
drop_db "$TEST_DB"
INSTALL_LOG="$LOG_DIR/test-install.log"
log "(b) odoo-bin -i $ADDON_NAME --test-enable on a fresh '$TEST_DB' (log: ${INSTALL_LOG#"$REPO_ROOT"/})"
t=$(date +%s)
rc=0
odoo_bin -c "$ODOO_CONF" -d "$TEST_DB" --db-filter="^${TEST_DB}\$" -i "$ADDON_NAME" \
    --test-enable --test-tags "/$ADDON_NAME" --stop-after-init \
    --http-port="$(free_port)" --log-level=info > "$INSTALL_LOG" 2>&1 || rc=$?
log "(b) done in $(( $(date +%s) - t )) s (exit $rc)"
[ "$rc" = 0 ] || fail_step "odoo-bin -i (exit $rc)"
"$VPY" "$REPO_ROOT/tools/checklog.py" check "$INSTALL_LOG" || fail_step "checklog of the install/test run"
read -r O_TESTS O_FAILED O_ERRORS < <("$VPY" "$REPO_ROOT/tools/checklog.py" odoo-counts "$INSTALL_LOG")
log "(b) odoo: $O_TESTS tests, $O_FAILED failed, $O_ERRORS error(s)"
[ "$O_FAILED" = 0 ] && [ "$O_ERRORS" = 0 ] || fail_step "odoo tests: $O_FAILED failed, $O_ERRORS error(s)"
[ "$O_TESTS" -gt 0 ] || fail_step "odoo ran no test"
INSTALLED="$(pg_sql "$TEST_DB" "select state from ir_module_module where name = '$ADDON_NAME'" 2>/dev/null || true)"

# --- (c) pytest-odoo -------------------------------------------------------------
P_TESTS=0 P_FAILED=0 P_ERRORS=0 P_SKIPPED=0
if [ "$INSTALLED" = installed ]; then
    PYTEST_LOG="$LOG_DIR/pytest.log"
    JUNIT="$LOG_DIR/pytest-junit.xml"
    rm -f "$JUNIT"
    log "(c) pytest-odoo on '$TEST_DB' (log: ${PYTEST_LOG#"$REPO_ROOT"/})"
    t=$(date +%s)
    # run on the symlinked path so that pytest-odoo names the modules
    # odoo.addons.<addon>.tests.* whatever the checkout folder is called
    set +e
    # (tools/pytest_odoo_preload.py: lets pytest import tests/conftest.py as odoo.addons.*)
    ( cd "$ADDONS_LINK_DIR" && PYTHONPATH="$REPO_ROOT/tools${PYTHONPATH:+:$PYTHONPATH}" \
        "$VPY" -m pytest -p pytest_odoo_preload -p no:cacheprovider --rootdir="$ADDONS_LINK_DIR" \
        --odoo-config="$ODOO_CONF" --odoo-database="$TEST_DB" --odoo-log-level=warn \
        --junitxml="$JUNIT" -o junit_family=xunit2 -q "$ADDON_NAME/tests" ) 2>&1 | tee "$PYTEST_LOG"
    rc=${PIPESTATUS[0]}
    set -e
    log "(c) done in $(( $(date +%s) - t )) s (exit $rc)"
    read -r P_TESTS P_FAILED P_ERRORS P_SKIPPED < <("$VPY" "$REPO_ROOT/tools/checklog.py" junit-counts "$JUNIT")
    [ "$rc" = 0 ] || fail_step "pytest (exit $rc)"
    [ "$P_TESTS" -gt 0 ] || fail_step "pytest ran no test"
else
    fail_step "pytest-odoo skipped: $ADDON_NAME is not installed in $TEST_DB"
fi

# --- (d) upgrade -------------------------------------------------------------------
if [ "$INSTALLED" = installed ]; then
    UPDATE_LOG="$LOG_DIR/test-update.log"
    log "(d) odoo-bin -u $ADDON_NAME on '$TEST_DB' (log: ${UPDATE_LOG#"$REPO_ROOT"/})"
    t=$(date +%s)
    rc=0
    odoo_bin -c "$ODOO_CONF" -d "$TEST_DB" --db-filter="^${TEST_DB}\$" -u "$ADDON_NAME" --stop-after-init \
        --http-port="$(free_port)" --log-level=info > "$UPDATE_LOG" 2>&1 || rc=$?
    log "(d) done in $(( $(date +%s) - t )) s (exit $rc)"
    [ "$rc" = 0 ] || fail_step "odoo-bin -u (exit $rc)"
    "$VPY" "$REPO_ROOT/tools/checklog.py" check "$UPDATE_LOG" || fail_step "checklog of the upgrade"
else
    fail_step "upgrade skipped: $ADDON_NAME is not installed in $TEST_DB"
fi

# --- summary -----------------------------------------------------------------------
SECS=$(( $(date +%s) - T0 ))
O_BAD=$(( O_FAILED + O_ERRORS ))
P_BAD=$(( P_FAILED + P_ERRORS ))
PASSED=$(( O_TESTS - O_BAD + P_TESTS - P_BAD - P_SKIPPED ))
[ "$PASSED" -ge 0 ] || PASSED=0
FAILED=$(( O_BAD + P_BAD ))
echo
echo "odoo:   $O_TESTS tests, $O_FAILED failed, $O_ERRORS error(s)   (logs in ${LOG_DIR#"$REPO_ROOT"/})"
echo "pytest: $P_TESTS tests, $P_FAILED failed, $P_ERRORS error(s), $P_SKIPPED skipped"
if [ ${#FAILED_STEPS[@]} -gt 0 ]; then
    echo "failed steps (${#FAILED_STEPS[@]}):"
    printf '  - %s\n' "${FAILED_STEPS[@]}"
    # a failed gate that is not a counted test still counts as a failure
    [ "$FAILED" -gt 0 ] || FAILED=${#FAILED_STEPS[@]}
fi
echo "make test: $(( O_TESTS + P_TESTS )) tests run (odoo $O_TESTS, pytest $P_TESTS) in $SECS s"
if [ "$P_SKIPPED" -gt 0 ]; then
    echo "summary: $PASSED passed, $FAILED failed, $P_SKIPPED skipped"
else
    echo "summary: $PASSED passed, $FAILED failed"
fi
[ ${#FAILED_STEPS[@]} -eq 0 ]
