# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""pytest-odoo glue (not loaded by Odoo's own test runner).

pytest-odoo 2.3.0 does not set ``odoo.modules.module.current_test`` on Odoo 18,
which Odoo's own test suite sets to the running test; Odoo 18's mail server
checks it to refuse real e-mail sends during tests. This autouse fixture sets it
for each test and restores the previous value afterwards, so that both runners
behave the same.
"""

import pytest

from odoo.modules import module as odoo_module


@pytest.fixture(autouse=True)
def _odoo_current_test(request):
    previous = odoo_module.current_test
    odoo_module.current_test = request.instance or True
    try:
        yield
    finally:
        odoo_module.current_test = previous


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Odoo's test tags (``@tagged``) as pytest markers, so that ``-m`` selects
    what ``--test-tags`` would: ``pytest -m emulation_upgrade``."""
    known = set()
    for item in items:
        for tag in getattr(item.cls, "test_tags", None) or ():
            if tag not in known:
                config.addinivalue_line("markers", f"{tag}: Odoo test tag")
                known.add(tag)
            item.add_marker(tag)
