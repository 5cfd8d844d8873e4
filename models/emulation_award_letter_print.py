# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from ..tools.common import format_vn_long_date, format_vn_short_date, in_vietnamese
from ..tools.odt_writer import build_odt
from .emulation_award_letter import LETTER_REPORT, LIST_REPORT


class EmulationAwardLetterPrint(models.Model):
    """The printed letter and the list of the proposed: the data they print
    and the ODT files built from them."""

    _inherit = "emulation.award.letter"

    def _get_print_env(self):
        """Official documents are in Vietnamese: award names in Vietnamese
        when the language is installed."""
        return in_vietnamese(self)

    def _get_letter_data(self):
        """What the letter prints, as text: the QWeb report and the ODT
        copy both read it, so they say the same."""
        self.ensure_one()
        letter = self._get_print_env().sudo()
        proposals = letter.proposal_ids.sorted(
            lambda prop: (prop.award_type_id.sequence, prop.sequence, prop.id)
        )
        awards = proposals.award_type_id.sorted("sequence")
        award_names = ", ".join(awards.mapped("name"))
        cluster = letter.cluster_id.name
        addressee = letter.addressee or "Hội đồng Thi đua - Khen thưởng"
        bases = [
            f"Căn cứ {document._get_full_citation()};"
            for document in letter.basis_document_ids
        ]
        polls = proposals.poll_id.sorted("date")
        if polls:
            dates = ", ".join(
                dict.fromkeys(format_vn_short_date(poll.date) for poll in polls)
            )
            bases.append(
                f"Căn cứ Biên bản họp bình xét thi đua, khen thưởng năm "
                f"{letter.year} của {cluster} ngày {dates},"
            )
        else:
            bases.append(
                f"Căn cứ Biên bản họp bình xét thi đua, khen thưởng năm "
                f"{letter.year} của {cluster},"
            )
        counts = []
        if letter.collective_count:
            counts.append(f"{letter.collective_count:02d} tập thể")
        if letter.individual_count:
            counts.append(f"{letter.individual_count:02d} cá nhân")
        groups = []
        for award in awards:
            rows = proposals.filtered(
                lambda prop, award=award: prop.award_type_id == award
            )
            groups.append(
                {
                    "award": award.name,
                    "names": [
                        prop.individual_name
                        and f"{prop.individual_name}, {prop.individual_position or ''}"
                        f" {prop.partner_id.name}".replace(",  ", ", ")
                        or prop.partner_id.name
                        for prop in rows
                    ],
                }
            )
        return {
            "issuer_parent": letter.issuer_parent_name or "",
            "issuer": letter.issuer_name or cluster,
            "number": letter.number or "",
            "place_date": letter._get_place_date_line(),
            "title": "TỜ TRÌNH",
            "subject": f"Về việc đề nghị tặng {award_names} năm {letter.year}",
            "addressee": f"Kính gửi: {addressee}",
            "bases": bases,
            "proposal": f"{cluster} kính trình {addressee} xem xét, đề nghị tặng "
            f"{award_names} cho {' và '.join(counts) or '0 tập thể'} "
            f"có thành tích xuất sắc trong phong trào thi đua năm {letter.year}, "
            f"cụ thể như sau:",
            "groups": groups,
            "attached": "(Có báo cáo thành tích và danh sách kèm theo)",
            "closing": f"Kính trình {addressee} xem xét, quyết định./.",
            "distribution": letter._get_distribution_lines(),
            "signer_title": (letter.signer_title or "").splitlines(),
            "signer_name": letter.signer_name or "",
        }

    def _get_list_data(self):
        """The list of proposals (danh sách đề nghị), one row each."""
        self.ensure_one()
        letter = self._get_print_env().sudo()
        proposals = letter.proposal_ids.sorted(
            lambda prop: (prop.award_type_id.sequence, prop.sequence, prop.id)
        )
        return {
            "title": "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
            "subtitle": f"(Kèm theo Tờ trình số {letter.number or '…'} "
            f"{format_vn_long_date(letter.issue_date) or 'ngày … tháng … năm …'} của "
            f"{letter.issuer_name or letter.cluster_id.name})".replace("  ", " "),
            "header": [
                "TT",
                "Tên tập thể, cá nhân",
                "Hình thức khen thưởng",
                "Tổng điểm",
                "Xếp hạng",
                "Tỷ lệ phiếu (%)",
                "Thành tích",
            ],
            "rows": [
                [
                    str(index),
                    prop.individual_name
                    and f"{prop.individual_name} ({prop.partner_id.name})"
                    or prop.partner_id.name,
                    prop.award_type_id.name,
                    f"{prop.score_total:g}".replace(".", ",")
                    if prop.score_total
                    else "",
                    str(prop.rank) if prop.rank else "",
                    f"{prop.yes_percent:.2f}".replace(".", ",") if prop.poll_id else "",
                    prop.achievement or "",
                ]
                for index, prop in enumerate(proposals, start=1)
            ],
        }

    def _get_letter_odt(self):
        data = self._get_letter_data()
        blocks = [
            ("p", data["issuer_parent"], "Left"),
            ("p", data["issuer"], "LeftBold"),
            ("p", f"Số: {data['number']}", "Left"),
            ("p", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CenterBold"),
            ("p", "Độc lập - Tự do - Hạnh phúc", "CenterBold"),
            ("p", data["place_date"], "Right"),
            ("p", data["title"], "CenterBold"),
            ("p", data["subject"], "CenterBold"),
            ("p", data["addressee"], "Center"),
        ]
        blocks += [("p", basis, "Body") for basis in data["bases"]]
        blocks.append(("p", data["proposal"], "Body"))
        for group in data["groups"]:
            blocks.append(("p", f"- {group['award']}:", "Body"))
            blocks += [
                ("p", f"{index}. {name}", "Body")
                for index, name in enumerate(group["names"], start=1)
            ]
        blocks += [
            ("p", data["attached"], "CenterItalic"),
            ("p", data["closing"], "Body"),
            ("p", "Nơi nhận:", "LeftBold"),
        ]
        blocks += [("p", line, "Left") for line in data["distribution"]]
        blocks += [("p", line, "CenterBold") for line in data["signer_title"]]
        blocks.append(("p", data["signer_name"], "CenterBold"))
        return build_odt(blocks)

    def _get_list_odt(self):
        data = self._get_list_data()
        return build_odt(
            [
                ("p", data["title"], "CenterBold"),
                ("p", data["subtitle"], "CenterItalic"),
                ("table", data["header"], data["rows"]),
            ]
        )

    def action_print_letter(self):
        return self.env.ref(LETTER_REPORT).report_action(self)

    def action_print_list(self):
        return self.env.ref(LIST_REPORT).report_action(self)
