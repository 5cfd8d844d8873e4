# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from ..tools.common import parent_field


class EmulationCovenantLineMixin(models.AbstractModel):
    """A line of a covenant (a clause, a unit's signature): removed with its
    covenant."""

    _name = "emulation.covenant.line.mixin"
    _description = "Line of a Covenant"

    covenant_id = parent_field("emulation.covenant", "Covenant")
