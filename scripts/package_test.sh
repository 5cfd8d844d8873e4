#!/usr/bin/env bash
# The addon installs with pip, as OCA publishes addons (whool, pyproject.toml):
# a clone in a folder named after the addon (whool takes the name from it),
# `pip install --no-deps .` into a throwaway environment that sees .venv's Odoo;
# odoo-addon-<addon> is installed with the files git tracks, no other, and Odoo
# loads the addon from there.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_venv

WORK="$CACHE_DIR/package"
rm -rf "$WORK" && mkdir -p "$WORK"
git clone -q "$REPO_ROOT" "$WORK/$ADDON_NAME"
touch "$WORK/$ADDON_NAME/untracked_file"  # git does not know it: not packaged
"$VPY" -m venv --without-pip "$WORK/venv"
SITE="$("$WORK/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
# .venv's packages (Odoo and the build backend), behind the throwaway ones; and
# the folder holding the odoo package on the path, that the odoo/addons folder of
# the wheel does not make odoo a namespace package when Odoo is installed editable
"$VPY" - > "$SITE/zz_venv.pth" <<'PY'
import importlib.util
import os
import site

# every folder .venv's Python reads packages from: its own, and the system's
# when Odoo comes from there (.venv made with --system-site-packages)
print("import site; " + "; ".join(f"site.addsitedir({p!r})" for p in site.getsitepackages()))
print(os.path.dirname(list(importlib.util.find_spec("odoo").submodule_search_locations)[0]))
PY
(cd "$WORK/$ADDON_NAME" && "$WORK/venv/bin/python" -m pip install -q --no-deps --no-build-isolation .)
"$WORK/venv/bin/python" - "$ADDON_NAME" "$SITE" "$WORK/$ADDON_NAME" <<'PY'
import importlib.metadata
import os
import subprocess
import sys

import odoo
from odoo.modules.module import get_manifest, get_module_path

addon, site, clone = sys.argv[1:]
dist = importlib.metadata.distribution(f"odoo-addon-{addon}")
assert str(dist.locate_file("")).startswith(site), dist.locate_file("")
odoo.tools.config.parse_config([])  # no addons path of ours: Odoo's own only
path = get_module_path(addon)
assert path == os.path.join(site, "odoo", "addons", addon), path
import odoo.addons.emulation_cluster as module  # noqa: E402

assert module.__file__.startswith(path), module.__file__
tracked = set(subprocess.check_output(["git", "ls-files"], cwd=clone, text=True).split())
packaged = {
    os.path.relpath(os.path.join(d, f), path)
    for d, _dirs, files in os.walk(path)
    for f in files
    if "__pycache__" not in d
}
assert packaged == tracked - {"pyproject.toml"}, packaged ^ (tracked - {"pyproject.toml"})
print(
    f"package: {dist.metadata['Name']} {dist.version} installed, "
    f"{len(packaged)} files (git's), Odoo loads {addon} "
    f"{get_manifest(addon)['version']} from {path}"
)
PY
