#!/usr/bin/env bash
# OCA's own checks, at the versions pinned in tools/requirements-dev.txt and
# tools/node/package-lock.json (installed by tools/env.sh and below).
#   tools/lint.sh check   every check; exit 1 on a blocking finding
#   tools/lint.sh fmt     apply prettier (XML, JS) and ruff (fixes, format)
#
# The checks run on a copy of the tracked files placed at .cache/lint/<addon>
# under a git folder of its own: oca-checks-odoo-module looks for manifests
# below the git top folder only, so on this repository (whose root is the
# addon) it would silently check nothing.
set -euo pipefail
# shellcheck source=tools/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODE="${1:-check}"
NODE_DIR="$CACHE_DIR/node"
NODE_BIN="$NODE_DIR/node_modules/.bin"

ensure_node_tools() {
    command -v npm >/dev/null 2>&1 || ensure_debs nodejs npm
    local key
    key="$(cat "$REPO_ROOT/tools/node/package.json" "$REPO_ROOT/tools/node/package-lock.json" | sha256sum | cut -c1-16)"
    if [ "$(cat "$NODE_DIR/.stamp" 2>/dev/null)" != "$key" ] || [ ! -x "$NODE_BIN/prettier" ]; then
        log "installing prettier, @prettier/plugin-xml and eslint (tools/node/package-lock.json)"
        rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
        cp "$REPO_ROOT/tools/node/package.json" "$REPO_ROOT/tools/node/package-lock.json" "$NODE_DIR/"
        (cd "$NODE_DIR" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null) \
            || die "npm ci failed in $NODE_DIR"
        echo "$key" > "$NODE_DIR/.stamp"
    fi
    # prettier.config.cjs and eslint.config.cjs require() their plugins
    export NODE_PATH="$NODE_DIR/node_modules"
}

tracked() {  # tracked GLOB... : files of the work tree git knows or would add
    (cd "$ADDON_DIR" && git ls-files -co --exclude-standard -- "$@" \
        | while IFS= read -r f; do [ -e "$f" ] && printf '%s\n' "$f"; done)
}

fmt() {
    ensure_node_tools
    mapfile -t files < <(tracked '*.xml' '*.js')
    [ ${#files[@]} -eq 0 ] || (cd "$ADDON_DIR" && "$NODE_BIN/prettier" --write --list-different "${files[@]}") || true
    "$VENV/bin/ruff" check --fix --config "$REPO_ROOT/.ruff.toml" "$ADDON_DIR"
    "$VENV/bin/ruff" format --config "$REPO_ROOT/.ruff.toml" "$ADDON_DIR"
}

FAILED=()
step() {  # step NAME CMD... : run a blocking check
    local name="$1"
    shift
    log "(lint) $name"
    if ! "$@"; then
        FAILED+=("$name")
        printf '==> (lint) FAILED: %s\n' "$name"
    fi
}

check() {
    ensure_node_tools
    local root="$CACHE_DIR/lint" copy
    copy="$root/$ADDON_NAME"
    rm -rf "$root" && mkdir -p "$copy"
    tracked | (cd "$ADDON_DIR" && tar -cf - -T -) | tar -xf - -C "$copy"
    git -C "$root" init -q .
    cd "$root"
    mapfile -t xml < <(tracked '*.xml')
    mapfile -t js < <(tracked '*.js')
    mapfile -t text < <(tracked | grep -Ev '\.(pot?|png|jpe?g|gif|ico|svg|pdf|odt|zip|xlsx?)$')
    mapfile -t po < <(tracked '*.po' '*.pot')
    # as pre-commit does: the shebang check sees the executable files only
    mapfile -t executables < <(for f in "${text[@]}"; do [ -x "$ADDON_DIR/$f" ] && echo "$f"; done)

    step "ruff check" "$VENV/bin/ruff" check --no-fix --config "$REPO_ROOT/.ruff.toml" "$copy"
    step "ruff format" "$VENV/bin/ruff" format --check --config "$REPO_ROOT/.ruff.toml" "$copy"
    # pylint-odoo 9.x prints W0012 for the rcfiles' checks that moved to the
    # pre-commit hooks: noise, not findings
    step "pylint-odoo (.pylintrc-mandatory, blocking)" pylint_filtered \
        --rcfile="$REPO_ROOT/.pylintrc-mandatory" "$ADDON_NAME"
    log "(lint) pylint-odoo (.pylintrc, optional checks: reported, not blocking)"
    pylint_filtered --rcfile="$REPO_ROOT/.pylintrc" --exit-zero "$ADDON_NAME" || true
    step "oca-checks-odoo-module" "$VENV/bin/oca-checks-odoo-module" "$ADDON_NAME"
    step "oca-checks-po --disable=po-pretty-format" \
        "$VENV/bin/oca-checks-po" --disable=po-pretty-format "${po[@]/#/$ADDON_NAME/}"
    step "prettier (XML$([ ${#js[@]} -gt 0 ] && echo ', JS'))" \
        bash -c 'cd "$1" && shift && "$@"' _ "$copy" "$NODE_BIN/prettier" --check --log-level=warn "${xml[@]}" "${js[@]}"
    if [ ${#js[@]} -gt 0 ]; then
        step "eslint" bash -c 'cd "$1" && shift && "$@"' _ "$copy" "$NODE_BIN/eslint" --no-warn-ignored "${js[@]}"
    fi
    step "check-xml" bash -c 'cd "$1" && shift && "$@"' _ "$copy" "$VENV/bin/check-xml" "${xml[@]}"
    step "trailing-whitespace" bash -c 'cd "$1" && shift && "$@"' _ "$copy" "$VENV/bin/trailing-whitespace-fixer" "${text[@]}"
    step "end-of-file-fixer" bash -c 'cd "$1" && shift && "$@"' _ "$copy" "$VENV/bin/end-of-file-fixer" "${text[@]}"
    step "check-executables-have-shebangs" bash -c 'cd "$1" && shift && "$@"' _ "$copy" \
        "$VENV/bin/check-executables-have-shebangs" "${executables[@]}"
    if [ ${#FAILED[@]} -gt 0 ]; then
        printf '==> (lint) %s blocking check(s) failed: %s\n' "${#FAILED[@]}" "${FAILED[*]}"
        return 1
    fi
    log "(lint) no blocking finding"
}

pylint_filtered() {
    local out rc=0
    out="$("$VENV/bin/pylint" --output-format=text "$@" 2>&1)" || rc=$?
    printf '%s\n' "$out" | grep -Ev "W0012|unknown-option-value|^\*+ Module .*pylintrc" || true
    return "$rc"
}

case "$MODE" in
    check) check ;;
    fmt) fmt ;;
    *) die "usage: $0 check|fmt" ;;
esac
