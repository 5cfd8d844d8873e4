#!/usr/bin/env bash
# make run: serve the addon with demo data on http://localhost:8069 (admin / admin).
# The database emulation_demo is created once (addon + demo data, vi_VN loaded,
# admin in Vietnamese) and reused afterwards. Extra odoo-bin options: ODOO_ARGS="...".
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$REPO_ROOT/scripts/env.sh"
bash "$REPO_ROOT/scripts/pg.sh" start
write_odoo_conf
# the PDF reports' fonts: see scripts/fonts.conf (the demo data prints the
# self-scoring tables it files, so before the database is created too)
export FONTCONFIG_FILE="$REPO_ROOT/scripts/fonts.conf"
# wkhtmltopdf (Qt) wants a private runtime folder, and warns without one
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$CACHE_DIR/xdg-runtime}"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"

state=""
if db_exists "$DEMO_DB"; then
    state="$(pg_sql "$DEMO_DB" "select state from ir_module_module where name = '$ADDON_NAME'" 2>/dev/null || true)"
    lang="$(pg_sql "$DEMO_DB" "select p.lang from res_users u join res_partner p on p.id = u.partner_id where u.login = 'admin'" 2>/dev/null || true)"
    if [ "$state" = installed ] && [ "$lang" = vi_VN ]; then
        log "reusing database $DEMO_DB"
        installed="$(pg_sql "$DEMO_DB" "select latest_version from ir_module_module where name = '$ADDON_NAME'" 2>/dev/null || true)"
        wanted="$("$VPY" -c 'import ast, sys; print(ast.literal_eval(open(sys.argv[1]).read())["version"])' "$REPO_ROOT/__manifest__.py")"
        if [ "$installed" != "$wanted" ]; then
            UPDATE_LOG="$LOG_DIR/run-update.log"
            log "updating $ADDON_NAME $installed -> $wanted in $DEMO_DB (log: ${UPDATE_LOG#"$REPO_ROOT"/})"
            odoo_bin -c "$ODOO_CONF" -d "$DEMO_DB" --db-filter="^${DEMO_DB}\$" -u "$ADDON_NAME" \
                --stop-after-init --no-http > "$UPDATE_LOG" 2>&1 \
                || { tail -n 40 "$UPDATE_LOG" >&2; die "updating $DEMO_DB failed (see $UPDATE_LOG)"; }
        fi
    else
        log "database $DEMO_DB is incomplete (addon: ${state:-none}, admin language: ${lang:-none}): recreating it"
        drop_db "$DEMO_DB"
        state=""
    fi
fi
if [ "$state" != installed ]; then
    CREATE_LOG="$LOG_DIR/run-create.log"
    log "creating database $DEMO_DB: $ADDON_NAME with demo data, vi_VN (log: ${CREATE_LOG#"$REPO_ROOT"/})"
    odoo_bin -c "$ODOO_CONF" -d "$DEMO_DB" --db-filter="^${DEMO_DB}\$" -i "$ADDON_NAME" \
        --load-language=vi_VN --stop-after-init --no-http > "$CREATE_LOG" 2>&1 \
        || { tail -n 40 "$CREATE_LOG" >&2; die "creating $DEMO_DB failed (see $CREATE_LOG)"; }
    # the company is the instance's host, the body that organises the clusters
    # (for the demo, the Ministry's emulation council), never a member unit:
    # every officer sees its name in the top bar
    log "setting the admin and demo users' language to Vietnamese, the company after the clusters' council, in Vietnamese"
    echo "(env.ref('base.user_admin') | env['res.users'].search([('login', '=like', 'demo_%')])).write({'lang': 'vi_VN', 'tz': 'Asia/Ho_Chi_Minh'}); host = env.ref('emulation_cluster.cluster_bac_bo_demo').council_id; env.company.write({'name': host.name, 'street': host.street, 'city': host.city, 'email': host.email}); env.company.partner_id.lang = 'vi_VN'; env.cr.commit()" \
        | odoo_bin shell -c "$ODOO_CONF" -d "$DEMO_DB" --no-http --log-level=warn >> "$CREATE_LOG" 2>&1 \
        || { tail -n 20 "$CREATE_LOG" >&2; die "setting the admin language failed (see $CREATE_LOG)"; }
fi

log "serving http://localhost:$HTTP_PORT (admin / admin), database $DEMO_DB; Ctrl-C stops"
echo $$ > "$CACHE_DIR/odoo-run.pid"
# shellcheck disable=SC2086
TZ=UTC exec "$VPY" -m odoo -c "$ODOO_CONF" -d "$DEMO_DB" --db-filter="^${DEMO_DB}\$" \
    --http-port="$HTTP_PORT" ${ODOO_ARGS:-}
