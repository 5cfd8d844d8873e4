# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the models share that is not a model: selections, Vietnamese dates,
pagination of printed tables, the OpenDocument writer."""

from . import common
from . import odt_writer
