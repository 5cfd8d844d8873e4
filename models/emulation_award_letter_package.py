# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
import zipfile
from urllib.parse import quote as url_quote

from odoo import models
from odoo.exceptions import AccessError

from ..tools.common import file_slug
from .emulation_award_letter import LETTER_REPORT, LIST_REPORT

# file types whose content is compressed already (see _build_package)
COMPRESSED_EXTENSIONS = frozenset(
    ("pdf", "odt", "ods", "docx", "xlsx", "pptx", "zip", "png", "jpg", "jpeg")
)


class EmulationAwardLetterPackage(models.Model):
    """The dossier package: the letter, the list and every proposal's dossier
    files in one ZIP archive, for whoever may read them all."""

    _inherit = "emulation.award.letter"

    def _get_package_files(self):
        """[(path in the ZIP, bytes)]: the letter and the list as PDF and
        ODT, then each proposal's folder with the PDFs of its dossier."""
        self.ensure_one()
        self._check_package_access()
        # in the official language, whatever the caller's
        letter = self._get_print_env()
        reports = letter.env["ir.actions.report"].sudo()
        stem = file_slug(f"To-trinh-{letter.number or letter.year}")
        files = [
            (f"{stem}.pdf", reports._render_qweb_pdf(LETTER_REPORT, letter.ids)[0]),
            (f"{stem}.odt", letter._get_letter_odt()),
            (
                "Danh-sach-de-nghi.pdf",
                reports._render_qweb_pdf(LIST_REPORT, letter.ids)[0],
            ),
            ("Danh-sach-de-nghi.odt", letter._get_list_odt()),
        ]
        rendered = {}
        proposals = letter.sudo().proposal_ids.sorted(
            lambda prop: (prop.award_type_id.sequence, prop.sequence, prop.id)
        )
        for index, proposal in enumerate(proposals, start=1):
            who = proposal.individual_name or proposal.partner_id.name
            folder = f"{index:02d}-{file_slug(who)}"
            for item in proposal.item_ids:
                files += [
                    (f"{folder}/{name}", content)
                    for name, content in item._get_package_files(rendered)
                ]
        return files

    def _check_package_access(self):
        """The package holds every unit's dossier (their filed reports):
        the secretariat of the cluster and the council build it, not a
        unit's officer, who reads the letter that lists his unit."""
        self.check_access("read")
        if not (self._is_secretariat() or self._has_role("council")):
            raise AccessError(
                self.env._(
                    "Only the cluster's secretariat and the council download "
                    "the dossier package: it holds every unit's dossier."
                )
            )

    def _build_package(self):
        # PDFs, OpenDocument and Office files, images and archives are
        # compressed already: stored as they are, the minutes copied into
        # every proposal's folder cost a copy, not a second compression
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            for path, content in self._get_package_files():
                extension = path.rsplit(".", 1)[-1].lower()
                package.writestr(
                    path,
                    content,
                    compress_type=zipfile.ZIP_STORED
                    if extension in COMPRESSED_EXTENSIONS
                    else zipfile.ZIP_DEFLATED,
                )
        return buffer.getvalue()

    def action_download_package(self):
        """Build the dossier package and download it; the latest one is
        kept on the letter, readable by the secretariat and the council
        only (its field's groups)."""
        self.ensure_one()
        content = self._build_package()
        name = f"{file_slug('Ho-so-' + (self.number or str(self.year)))}.zip"
        self._write_transition(
            {"package_file": base64.b64encode(content), "package_filename": name}
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/package_file/"
            f"{url_quote(name)}?download=true",
            "target": "self",
        }
