#!/usr/bin/env bash
# Prepare .venv with Odoo 18.0, its requirements and the dev tools.
# Odoo comes from, in this order:
#   1. ODOO_SRC        a local Odoo 18.0 source tree (installed into .venv)
#   2. $PYTHON         an odoo 18.0 already importable (.venv sees it: --system-site-packages)
#   3. the official Odoo 18.0 Community source archive, downloaded once into .cache/download
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# --- system packages --------------------------------------------------------
# chromium: the browser tours (HttpCase.start_tour); poppler-utils: pdftotext
# for the tests that read the printed documents; git: pre-commit, whool
ensure_debs libpq-dev libldap2-dev libsasl2-dev wkhtmltopdf fonts-liberation2 \
    chromium poppler-utils git
# Node.js and npm for pre-commit's prettier and eslint (the system's, whatever
# installed it)
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || ensure_debs nodejs npm
command -v "$PYTHON" >/dev/null 2>&1 || die "Python interpreter '$PYTHON' not found (set PYTHON=...)"
PYTHON="$("$PYTHON" -c 'import sys; print(sys.executable)')" || die "cannot run $PYTHON"
if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    # Debian's python3 needs python3-venv for 'python3 -m venv'
    ensure_debs python3-venv
fi

series_of_tree() {  # series_of_tree DIR -> prints odoo.release.series of a source tree
    "$PYTHON" - "$1" <<'PY' 2>/dev/null
import sys
ns = {}
with open(sys.argv[1] + "/odoo/release.py") as f:
    exec(compile(f.read(), "release.py", "exec"), ns)
print(ns["series"])
PY
}

odoo_pkg_dir() {  # odoo_pkg_dir PYTHON -> folder of the importable odoo package (not imported)
    "$1" -c 'import importlib.util as u; s = u.find_spec("odoo"); print(list(s.submodule_search_locations)[0])' 2>/dev/null
}

# --- where does Odoo come from? ---------------------------------------------
SRC_KIND="" SRC_PATH=""
if [ -n "${ODOO_SRC:-}" ]; then
    [ -f "$ODOO_SRC/odoo/release.py" ] || die "ODOO_SRC=$ODOO_SRC is not an Odoo source tree (no odoo/release.py)"
    SRC_PATH="$(cd "$ODOO_SRC" && pwd)"
    s="$(series_of_tree "$SRC_PATH" || true)"
    [ "$s" = "$ODOO_SERIES" ] || die "ODOO_SRC=$SRC_PATH is Odoo '${s:-unknown}', not $ODOO_SERIES"
    SRC_KIND="ODOO_SRC"
elif pkg="$(odoo_pkg_dir "$PYTHON")" && [ -n "$pkg" ] && s="$(series_of_tree "$(dirname "$pkg")")" \
        && [ "$s" = "$ODOO_SERIES" ]; then
    SRC_KIND="system"
    SRC_PATH="$(dirname "$pkg")"
else
    if [ -n "${s:-}" ]; then warn "$PYTHON imports odoo '$s', not $ODOO_SERIES: ignoring it"; fi
    DL_DIR="$CACHE_DIR/download"
    TREE="$DL_DIR/odoo-$ODOO_SERIES"
    if [ ! -f "$TREE/.complete" ]; then
        mkdir -p "$DL_DIR"
        ARCHIVE="$DL_DIR/$(basename "$ODOO_URL")"
        if [ ! -s "$ARCHIVE" ]; then
            log "downloading Odoo $ODOO_SERIES Community source: $ODOO_URL"
            ok=0
            if command -v curl >/dev/null 2>&1; then
                curl -fsSL --retry 2 --connect-timeout 20 -o "$ARCHIVE.part" "$ODOO_URL" && ok=1
            elif command -v wget >/dev/null 2>&1; then
                wget -q -T 20 -O "$ARCHIVE.part" "$ODOO_URL" && ok=1
            fi
            if [ "$ok" != 1 ]; then
                rm -f "$ARCHIVE.part"
                cat >&2 <<MSG
ERROR: no Odoo $ODOO_SERIES found. Provide it in one of these three ways:
  1. ODOO_SRC=/path/to/odoo-18.0-source make ...   (a local Odoo $ODOO_SERIES source tree)
  2. an 'odoo' $ODOO_SERIES importable by $PYTHON        (or choose the interpreter with PYTHON=...)
  3. network access to download the official archive:
       $ODOO_URL
     (it is cached in $DL_DIR; you may also put the archive there by hand)
MSG
                exit 1
            fi
            mv "$ARCHIVE.part" "$ARCHIVE"
        fi
        log "unpacking $ARCHIVE"
        rm -rf "$TREE" && mkdir -p "$TREE"
        tar -xzf "$ARCHIVE" -C "$TREE" --strip-components=1 || die "cannot unpack $ARCHIVE (remove it to download again)"
        touch "$TREE/.complete"
    fi
    s="$(series_of_tree "$TREE" || true)"
    [ "$s" = "$ODOO_SERIES" ] || die "downloaded Odoo is '${s:-unknown}', not $ODOO_SERIES"
    SRC_KIND="download"
    SRC_PATH="$TREE"
fi

# --- the virtual environment (rebuilt only when its key changes) ------------
PYVER="$("$PYTHON" -c 'import sys; print(sys.version.split()[0])')"
REQ_SUM="none"
if [ "$SRC_KIND" != system ]; then
    REQ_SUM="$(sha256sum "$SRC_PATH/requirements.txt" | cut -c1-16)"
fi
KEY="kind=$SRC_KIND path=$SRC_PATH python=$PYTHON/$PYVER req=$REQ_SUM"
if [ -x "$VPY" ] && [ "$(cat "$VENV/.stamp-odoo" 2>/dev/null)" = "$KEY" ] && [ -n "$(odoo_pkg_dir "$VPY")" ]; then
    log "reusing .venv (Odoo source: $SRC_KIND, $SRC_PATH)"
else
    log "creating .venv with $PYTHON ($PYVER); Odoo source: $SRC_KIND ($SRC_PATH)"
    rm -rf "$VENV"
    if [ "$SRC_KIND" = system ]; then
        "$PYTHON" -m venv --system-site-packages "$VENV"
    else
        "$PYTHON" -m venv "$VENV"
        log "installing Odoo's requirements (several minutes the first time)"
        BC="$VENV/build-constraints.txt"
        echo 'setuptools<81' > "$BC"
        PIPVER="$("$VPY" -m pip --version | awk '{print $2}')"
        # isolated builds of old pins (cbor2 5.4.2 ...) need pkg_resources: setuptools<81
        if "$VPY" - "$PIPVER" <<'PY'
import sys
v = tuple(int(x) for x in sys.argv[1].split(".")[:2] if x.isdigit())
sys.exit(0 if v >= (25, 3) else 1)
PY
        then
            "$VPY" -m pip install --build-constraint "$BC" -r "$SRC_PATH/requirements.txt"
        else
            PIP_CONSTRAINT="$BC${PIP_CONSTRAINT:+ $PIP_CONSTRAINT}" "$VPY" -m pip install -r "$SRC_PATH/requirements.txt"
        fi
        log "installing Odoo itself (editable, $SRC_PATH)"
        "$VPY" -m pip install --no-deps -e "$SRC_PATH"
    fi
    rm -f "$VENV/.stamp-dev"
    got="$("$VPY" -c 'import odoo.release as r; print(r.series)')" || die "odoo is not importable from .venv"
    [ "$got" = "$ODOO_SERIES" ] || die ".venv has Odoo $got, not $ODOO_SERIES"
    echo "$KEY" > "$VENV/.stamp-odoo"
fi

DEV_REQ="$REPO_ROOT/scripts/requirements-dev.txt"
DEV_KEY="$(sha256sum "$DEV_REQ" | cut -c1-16)"
if [ "$(cat "$VENV/.stamp-dev" 2>/dev/null)" != "$DEV_KEY" ]; then
    log "installing the dev tools (scripts/requirements-dev.txt) into .venv"
    "$VPY" -m pip install -q -r "$DEV_REQ"
    echo "$DEV_KEY" > "$VENV/.stamp-dev"
fi
log "Odoo $ODOO_SERIES from $SRC_KIND: $(odoo_pkg_dir "$VPY")"
