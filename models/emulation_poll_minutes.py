# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import pytz

from odoo import models

from ..tools.common import format_vn_long_date, in_vietnamese
from .emulation_poll import VN_TZ


class EmulationPollMinutes(models.Model):
    """What the minutes and the ballot paper print: the rounds, the results,
    the place and date, the subject line."""

    _inherit = "emulation.poll"

    def _get_print_env(self):
        """The minutes and the ballot paper are official documents."""
        return in_vietnamese(self)

    def _get_minutes_data(self):
        """What both minutes print, from the poll's records: attendance,
        candidates with their year's result, each round's counts and the
        conclusion. Read after the access check of the report itself."""
        self.ensure_one()
        poll = self.sudo()
        voters = poll.voter_ids
        absent = voters.filtered(lambda voter: voter.attendance == "absent")
        written = absent.filtered("voted_round").partner_id
        ranking = {
            row.partner_id: row
            for row in self.env["emulation.ranking"]
            .sudo()
            .search([("plan_id", "=", poll.plan_id.id)])
        }
        rounds = sorted(set(poll.result_ids.mapped("round")))
        event = poll.event_id
        start = (
            pytz.utc.localize(event.date_start).astimezone(pytz.timezone(VN_TZ))
            if event.date_start
            else None
        )
        return {
            "poll": poll,
            "place": event.place or "",
            "place_date": poll._get_place_date(),
            "time": start.strftime("%H giờ %M") if start else "",
            "date": format_vn_long_date(poll.date),
            "members": len(voters),
            "present": len(voters) - len(absent),
            "absent": absent.partner_id,
            "written": written,
            # each absent unit named once, with its written vote if it sent one
            "absent_text": "; ".join(
                unit.name + (" (có ý kiến bằng văn bản)" if unit in written else "")
                for unit in absent.partner_id
            ),
            "candidates": [
                {
                    "candidate": candidate,
                    "ranking": ranking.get(candidate.partner_id),
                }
                for candidate in poll.candidate_ids
            ],
            "rounds": [
                {
                    "number": number,
                    "results": poll.result_ids.filtered(
                        lambda result, number=number: result.round == number
                    ),
                }
                for number in rounds
            ],
            "chosen": poll.candidate_ids.filtered("is_elected"),
            "rule": poll.rule_id,
            "committee": poll.counting_user_ids,
        }

    def _get_place_date(self):
        """ "Thành phố Hải Phòng, ngày 05 tháng 12 năm 2020": the place opens
        the line, capitalised as a sentence starts."""
        self.ensure_one()
        place_date = ", ".join(
            part
            for part in (self.event_id.place, format_vn_long_date(self.date))
            if part
        )
        return place_date[:1].upper() + place_date[1:]

    def _get_ballot_paper_data(self):
        """What the blank ballot paper prints: the candidates of the current
        round and how many may be chosen. Read after the access check of the
        report itself."""
        self.ensure_one()
        poll = self.sudo()
        seats = poll.seats if poll.state != "draft" else 0
        return {
            "poll": poll,
            "place_date": poll._get_place_date(),
            "round": poll.round,
            "candidates": poll._get_running_candidates(),
            "seats": seats and poll._get_seats_left(),
        }

    def _get_subject_line(self):
        """The subject as the minutes print it."""
        self.ensure_one()
        if self.subject == "leader":
            return f"Bầu đơn vị Cụm trưởng năm {self.year + 1}"
        if self.subject == "deputy":
            return f"Bầu đơn vị Cụm phó năm {self.year + 1}"
        return f"Bình xét, suy tôn đề nghị {self.award_type_id.name} năm {self.year}"
