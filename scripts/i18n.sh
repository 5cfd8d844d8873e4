#!/usr/bin/env bash
# make i18n: export i18n/emulation_cluster.pot (click-odoo-makepot) and rebuild
# i18n/vi.po from it (scripts/i18n_update.py: keeps the existing translations and
# lists the strings left to translate). The export runs on a copy of the tracked
# files: Odoo's exporter walks the whole addon folder, .venv and .cache included.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$REPO_ROOT/scripts/env.sh"
bash "$REPO_ROOT/scripts/pg.sh" start
write_odoo_conf

I18N_DB="${I18N_DB:-emulation_i18n}"
COPY_DIR="$CACHE_DIR/i18n-addons"
rm -rf "$COPY_DIR" && mkdir -p "$COPY_DIR/$ADDON_NAME"
(cd "$ADDON_DIR" && git ls-files -co --exclude-standard \
    | while IFS= read -r f; do [ -e "$f" ] && printf '%s\n' "$f"; done | tar -cf - -T -) \
    | tar -xf - -C "$COPY_DIR/$ADDON_NAME"
CONF="$CACHE_DIR/i18n-odoo.conf"
sed "s#$ADDONS_LINK_DIR#$COPY_DIR#" "$ODOO_CONF" > "$CONF"
drop_db "$I18N_DB"
log "installing $ADDON_NAME in $I18N_DB (without demo data) to export its terms"
"$VENV/bin/click-odoo-initdb" -c "$CONF" -n "$I18N_DB" -m "$ADDON_NAME" --no-demo --no-cache
"$VENV/bin/click-odoo-makepot" -c "$CONF" -d "$I18N_DB" --addons-dir "$COPY_DIR" \
    -m "$ADDON_NAME" --no-msgmerge --no-commit
cp "$COPY_DIR/$ADDON_NAME/i18n/$ADDON_NAME.pot" "$ADDON_DIR/i18n/$ADDON_NAME.pot"
drop_db "$I18N_DB"
rm -rf "$COPY_DIR"
"$VPY" "$REPO_ROOT/scripts/i18n_update.py" "$@"
