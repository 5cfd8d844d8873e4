"""pytest plugin (``-p pytest_odoo_preload``) used by ``make test``.

pytest imports ``<addon>/tests/conftest.py`` while loading the *initial*
conftests, before pytest-odoo's ``pytest_cmdline_main`` reads the Odoo config
and teaches pytest to name the addon's modules ``odoo.addons.<addon>.*``.
Imported too early, the conftest drags in the addon as a top-level package and
Odoo refuses its models ("should start with 'odoo.addons'"). This hook does the
same two things earlier: load the Odoo config (addons path, and the log file,
as Odoo sets up its logging once) and patch pytest's module naming.

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
    for name in ("database", "log_level"):
        value = getattr(namespace, f"odoo_{name}", None)
        if value:
            options.append(f"--{name.replace('_', '-')}={value}")
    options += [f"--{extra}" for extra in getattr(namespace, "odoo_extra", None) or ()]
    odoo.tools.config.parse_config(options, setup_logging=True)
    pytest_odoo.monkey_patch_resolve_pkg_root_and_module_name()
    # The map of the modules' static folders, read from every manifest on the
    # first request for a static file: read here, before the HTTP server's
    # threads ask for two stylesheets at once, as wkhtmltopdf does. Two threads
    # parsing manifests at once trip CPython 3.11's "AST constructor recursion
    # depth mismatch" (SystemError).
    odoo.http.root.statics.keys()
    # The tests import Odoo's test framework, which logs an error when imported
    # outside test mode. pytest-odoo turns test mode on once the registry is
    # loaded (before, loading it would run every module's post-install tests):
    # the framework is imported here as in test mode.
    odoo.tools.config["test_enable"] = True
    import odoo.tests.common  # noqa: F401

    odoo.tools.config["test_enable"] = False
