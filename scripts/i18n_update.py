#!/usr/bin/env python3
# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# command-line script: it prints its results
# pylint: disable=print-used
"""Rebuild i18n/vi.po from a freshly exported i18n/emulation_cluster.pot.

Keeps every translation i18n/vi.po already has, takes missing ones from the
extra PO files given on the command line, and lists the strings that are
still untranslated (exit status 1 when there are any).

    python3 scripts/i18n_update.py [extra.po ...]
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "i18n" / "emulation_cluster.pot"
PO = ROOT / "i18n" / "vi.po"


def known_translations(paths):
    known = {}
    for path in paths:
        if not Path(path).exists():
            continue
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.obsolete:
                known.setdefault(entry.msgid, entry.msgstr)
    return known


def main(extra):
    pot = polib.pofile(str(POT))
    known = known_translations([PO, *extra])
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata)
    po.metadata.update(
        {
            "Language": "vi",
            "Language-Team": "Vietnamese",
            "Plural-Forms": "nplurals=1; plural=0;",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "",
        }
    )
    po.header = pot.header
    missing = []
    for entry in pot:
        translation = known.get(entry.msgid, "")
        if not translation:
            missing.append(entry.msgid)
        po.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgstr=translation,
                comment=entry.comment,
                tcomment=entry.tcomment,
                occurrences=entry.occurrences,
                flags=entry.flags,
            )
        )
    po.save(str(PO))
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    print(f"{len(pot)} strings, {len(missing)} untranslated")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
