# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# kind: (index in the row's id, model of the record to open)
DUTY_KINDS = {
    "submission": (1, "emulation.submission"),
    "signature": (2, "emulation.covenant.signature"),
    "registration": (3, "emulation.registration"),
    "new_registration": (4, "emulation.covenant"),
    "scorecard": (5, "emulation.scorecard"),
    "ballot": (6, "emulation.poll"),
}


class EmulationUnitDuty(models.Model):
    """What a member unit owes in the plans in force, soonest first: a
    reporting view over the records that wait for the unit (the filings to
    make, the covenant to sign, the registration to send, the scorecard to
    fill in, the vote to cast). The officer's first screen."""

    _name = "emulation.unit.duty"
    _description = "What a Unit Owes"
    _inherit = ["emulation.plan.report.mixin", "emulation.my.unit.mixin"]
    _auto = False
    _order = "deadline asc nulls last, id"
    _rec_name = "name"
    # what the query reads: flushed before it runs
    _depends = {
        "emulation.submission": [
            "active",
            "state",
            "deadline",
            "partner_id",
            "cluster_id",
            "plan_id",
            "obligation_id",
        ],
        "emulation.obligation": ["active", "state", "name", "kind", "deadline"],
        "emulation.plan": ["state", "year", "name"],
        "emulation.covenant.signature": ["state", "partner_id", "covenant_id"],
        "emulation.covenant": [
            "active",
            "state",
            "name",
            "signature_deadline",
            "registration_deadline",
            "plan_id",
            "cluster_id",
            "year",
        ],
        "emulation.registration": [
            "active",
            "state",
            "partner_id",
            "plan_id",
            "covenant_id",
            "registration_deadline",
        ],
        "emulation.scorecard": ["active", "state", "partner_id", "plan_id"],
        "emulation.poll": ["active", "state", "round", "date", "name", "plan_id"],
        "emulation.poll.voter": ["poll_id", "partner_id", "voted_round"],
    }

    kind = fields.Selection(
        [
            ("submission", "Report to File"),
            ("signature", "Covenant to Sign"),
            ("registration", "Registration to Send"),
            ("new_registration", "Registration to Make"),
            ("scorecard", "Scorecard to Self-Score"),
            ("ballot", "Vote to Cast"),
        ],
        "What",
        readonly=True,
    )
    name = fields.Char("Document", readonly=True)
    partner_id = fields.Many2one("res.partner", "Member Unit", readonly=True)
    deadline = fields.Date(readonly=True)
    res_id = fields.Integer("Record", readonly=True)
    days_left = fields.Integer(
        compute="_compute_days_left",
        help="Days until the deadline; negative once it has passed.",
    )
    due_text = fields.Char("Due", compute="_compute_days_left")
    is_overdue = fields.Boolean(
        "Overdue", compute="_compute_days_left", search="_search_is_overdue"
    )

    @api.depends("deadline")
    def _compute_days_left(self):
        today = fields.Date.context_today(self)
        for duty in self:
            if not duty.deadline:
                duty.days_left = 0
                duty.is_overdue = False
                duty.due_text = self.env._("no deadline")
                continue
            days = (duty.deadline - today).days
            duty.days_left = days
            duty.is_overdue = days < 0
            if days > 0:
                duty.due_text = self.env._("%(days)s day(s) left", days=days)
            elif days == 0:
                duty.due_text = self.env._("due today")
            else:
                duty.due_text = self.env._("%(days)s day(s) overdue", days=-days)

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported."))
        today = fields.Date.context_today(self)
        if (operator == "=") == value:
            return [("deadline", "<", today)]
        return ["|", ("deadline", "=", False), ("deadline", ">=", today)]

    def action_open(self):
        """Open the record that waits for the unit (its own access rules
        decide what the user may do there)."""
        self.ensure_one()
        model = DUTY_KINDS[self.kind][1]
        if self.kind == "new_registration":
            # no registration yet: a new one, for the covenant's plan
            return {
                "type": "ir.actions.act_window",
                "res_model": "emulation.registration",
                "view_mode": "form",
                "views": [(False, "form")],
                "target": "current",
                "context": {
                    "default_plan_id": self.plan_id.id,
                    "default_partner_id": self.partner_id.id,
                },
            }
        return {
            "type": "ir.actions.act_window",
            "res_model": model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    @property
    def _table_query(self):
        return SQL(
            """
            -- reports to file (or to file again), of issued plans
            SELECT s.id * 10 + 1 AS id, 'submission' AS kind, o.name AS name,
                   s.partner_id, s.cluster_id, s.plan_id, p.year,
                   s.deadline, s.id AS res_id
              FROM emulation_submission s
              JOIN emulation_obligation o ON o.id = s.obligation_id
              JOIN emulation_plan p ON p.id = s.plan_id
             WHERE s.active AND o.active AND o.state = 'open'
               AND s.state IN ('to_file', 'returned') AND p.state = 'issued'
            UNION ALL
            -- the covenant out for signature
            SELECT g.id * 10 + 2, 'signature', c.name, g.partner_id, c.cluster_id,
                   c.plan_id, c.year, c.signature_deadline, g.id
              FROM emulation_covenant_signature g
              JOIN emulation_covenant c ON c.id = g.covenant_id
             WHERE c.active AND c.state = 'signing' AND g.state = 'waiting'
            UNION ALL
            -- a registration begun or returned, not sent
            SELECT r.id * 10 + 3, 'registration', c.name, r.partner_id,
                   r.cluster_id, r.plan_id, r.year, r.registration_deadline, r.id
              FROM emulation_registration r
              JOIN emulation_covenant c ON c.id = r.covenant_id
              JOIN emulation_plan p ON p.id = r.plan_id
             WHERE r.active AND r.state IN ('draft', 'returned')
               AND p.state = 'issued'
            UNION ALL
            -- no registration yet, for a covenant that asks for one
            SELECT g.id * 10 + 4, 'new_registration', c.name, g.partner_id,
                   c.cluster_id, c.plan_id, c.year, c.registration_deadline, c.id
              FROM emulation_covenant_signature g
              JOIN emulation_covenant c ON c.id = g.covenant_id
              JOIN emulation_plan p ON p.id = c.plan_id
             WHERE c.active AND c.state IN ('signing', 'in_force')
               AND c.registration_deadline IS NOT NULL AND p.state = 'issued'
               AND NOT EXISTS (
                   SELECT 1 FROM emulation_registration r
                    WHERE r.plan_id = c.plan_id AND r.partner_id = g.partner_id
                      AND r.active)
            UNION ALL
            -- the scorecard to self-score, by the self-scoring deadline
            SELECT sc.id * 10 + 5, 'scorecard', p.name, sc.partner_id,
                   sc.cluster_id, sc.plan_id, sc.year,
                   (SELECT min(o.deadline) FROM emulation_obligation o
                     WHERE o.plan_id = sc.plan_id AND o.kind = 'self_scoring'
                       AND o.state = 'open' AND o.active),
                   sc.id
              FROM emulation_scorecard sc
              JOIN emulation_plan p ON p.id = sc.plan_id
             WHERE sc.active AND sc.state = 'draft' AND p.state = 'issued'
            UNION ALL
            -- an open vote the unit has not cast in this round
            SELECT v.id * 10 + 6, 'ballot', pl.name, v.partner_id, pl.cluster_id,
                   pl.plan_id, pl.year, pl.date, pl.id
              FROM emulation_poll_voter v
              JOIN emulation_poll pl ON pl.id = v.poll_id
             WHERE pl.active AND pl.state = 'open'
               AND COALESCE(v.voted_round, 0) < pl.round
            """
        )
