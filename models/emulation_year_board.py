# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL

from .emulation_board_mixin import BOARD_DEPENDS, PROPOSAL_COUNTS, SUBMISSION_COUNTS


class EmulationYearBoard(models.Model):
    """The year at a glance, one card per plan: where the cluster's reports,
    scores, votes, proposals, letter and the council's decisions stand. The
    secretariat's first screen; each count opens its records."""

    _name = "emulation.year.board"
    _description = "The Year at a Glance"
    _inherit = ["emulation.board.mixin"]
    _auto = False
    _order = "year desc, cluster_id"
    _rec_name = "plan_id"
    _depends = dict(
        BOARD_DEPENDS,
        **{
            "emulation.poll": ["active", "state", "plan_id"],
            "emulation.award.letter": ["active", "state", "plan_id"],
        },
    )

    unit_count = fields.Integer("Member Units", readonly=True)
    scorecard_draft = fields.Integer("Not Yet Self-Scored", readonly=True)
    scorecard_to_appraise = fields.Integer("To Appraise", readonly=True)
    scorecard_appraised = fields.Integer("Appraised, to Agree", readonly=True)
    scorecard_agreed = fields.Integer("Scores Agreed", readonly=True)
    poll_open = fields.Integer("Polls Not Closed", readonly=True)
    poll_closed = fields.Integer("Polls Closed", readonly=True)
    letter_draft = fields.Integer("Letters Being Prepared", readonly=True)
    letter_submitted = fields.Integer("Letters Sent to the Council", readonly=True)

    @property
    def _table_query(self):
        # one row per plan; each count a lateral subquery on indexed
        # columns, so that opening the board reads only the plans shown
        return SQL(
            """
            SELECT p.id AS id, p.id AS plan_id, p.cluster_id, p.year,
                   p.state AS plan_state,
                   (SELECT count(*) FROM emulation_plan_member_unit_rel m
                     WHERE m.plan_id = p.id) AS unit_count,
                   s.report_on_time, s.report_late, s.report_missing,
                   s.report_to_review,
                   sc.scorecard_draft, sc.scorecard_to_appraise,
                   sc.scorecard_appraised, sc.scorecard_agreed,
                   pl.poll_open, pl.poll_closed,
                   a.proposal_count, a.proposal_missing, a.proposal_pending,
                   a.proposal_approved, a.proposal_rejected,
                   l.letter_draft, l.letter_submitted
              FROM emulation_plan p
              CROSS JOIN LATERAL (
                  SELECT %(submission_counts)s FROM emulation_submission s
                   WHERE s.plan_id = p.id AND s.active) s
              CROSS JOIN LATERAL (
                  SELECT count(*) FILTER (WHERE c.state = 'draft') AS scorecard_draft,
                         count(*) FILTER (WHERE c.state IN ('self_scored', 'explained'))
                             AS scorecard_to_appraise,
                         count(*) FILTER (WHERE c.state IN ('appraised', 'reappraised'))
                             AS scorecard_appraised,
                         count(*) FILTER (WHERE c.state = 'agreed') AS scorecard_agreed
                    FROM emulation_scorecard c
                   WHERE c.plan_id = p.id AND c.active) sc
              CROSS JOIN LATERAL (
                  SELECT count(*) FILTER (WHERE v.state <> 'closed') AS poll_open,
                         count(*) FILTER (WHERE v.state = 'closed') AS poll_closed
                    FROM emulation_poll v
                   WHERE v.plan_id = p.id AND v.active) pl
              CROSS JOIN LATERAL (
                  SELECT %(proposal_counts)s FROM emulation_award_proposal a
                   WHERE a.plan_id = p.id AND a.active) a
              CROSS JOIN LATERAL (
                  SELECT count(*) FILTER (WHERE t.state = 'draft') AS letter_draft,
                         count(*) FILTER (WHERE t.state = 'submitted')
                             AS letter_submitted
                    FROM emulation_award_letter t
                   WHERE t.plan_id = p.id AND t.active) l
             WHERE p.active
            """,
            submission_counts=SUBMISSION_COUNTS,
            proposal_counts=PROPOSAL_COUNTS,
        )

    def action_open_units(self):
        """The plan's member units, one row each."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emulation_cluster.emulation_year_board_unit_action"
        )
        action["domain"] = [("plan_id", "=", self.plan_id.id)]
        action["display_name"] = self.plan_id.display_name
        return action
