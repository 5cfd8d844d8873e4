"""pytest plugin (``-p pytest_odoo_preload``) used by ``make test``.

pytest imports ``<addon>/tests/conftest.py`` while loading the *initial*
conftests, before pytest-odoo's ``pytest_cmdline_main`` reads the Odoo config
and teaches pytest to name the addon's modules ``odoo.addons.<addon>.*``.
Imported too early, the conftest drags in the addon as a top-level package and
Odoo refuses its models ("should start with 'odoo.addons'"). This hook does the
same two things earlier: load the Odoo config (addons path) and patch pytest's
module naming.
"""

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    namespace = early_config.known_args_namespace
    odoo_config = getattr(namespace, "odoo_config", None)
    if not odoo_config:
        return
    import pytest_odoo

    import odoo

    options = [f"--config={odoo_config}"]
    database = getattr(namespace, "odoo_database", None)
    if database:
        options.append(f"--database={database}")
    log_level = getattr(namespace, "odoo_log_level", None)
    if log_level:
        options.append(f"--log-level={log_level}")
    odoo.tools.config.parse_config(options)
    pytest_odoo.monkey_patch_resolve_pkg_root_and_module_name()
