#!/usr/bin/env bash
# make i18n: export i18n/emulation_cluster.pot and rebuild i18n/vi.po from it,
# keeping the existing translations and listing the strings left to translate.
# Odoo's exporter walks the whole addon folder, .venv included, so it exports
# from a copy of the tracked files instead.
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$REPO_ROOT/tools/env.sh"
bash "$REPO_ROOT/tools/pg.sh" start
write_odoo_conf

I18N_DB="${I18N_DB:-emulation_i18n}"
COPY_DIR="$CACHE_DIR/i18n-addons"
rm -rf "$COPY_DIR" && mkdir -p "$COPY_DIR/$ADDON_NAME"
(cd "$ADDON_DIR" && git ls-files -co --exclude-standard \
    | while IFS= read -r f; do [ -e "$f" ] && printf '%s\n' "$f"; done | tar -cf - -T -) \
    | tar -xf - -C "$COPY_DIR/$ADDON_NAME"
ADDONS_PATH="$(sed -n 's/^addons_path = //p' "$ODOO_CONF" | sed "s#$ADDONS_LINK_DIR#$COPY_DIR#")"
drop_db "$I18N_DB"
log "installing $ADDON_NAME in $I18N_DB (without demo data) to export its terms"
odoo_bin -c "$ODOO_CONF" --addons-path="$ADDONS_PATH" -d "$I18N_DB" -i "$ADDON_NAME" \
    --without-demo=all --stop-after-init --no-http --log-level=warn
odoo_bin -c "$ODOO_CONF" --addons-path="$ADDONS_PATH" -d "$I18N_DB" --no-http \
    --i18n-export="$ADDON_DIR/i18n/$ADDON_NAME.pot" --modules="$ADDON_NAME" \
    --stop-after-init --log-level=warn
drop_db "$I18N_DB"
rm -rf "$COPY_DIR"
"$VPY" "$REPO_ROOT/tools/i18n_update.py" "$@"
