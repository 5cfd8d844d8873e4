from . import emulation_plan_adjustment_wizard
from . import emulation_submission_return_wizard
from . import emulation_submission_file_wizard
from . import emulation_criterion_template_copy_wizard
from . import emulation_plan_rollover_wizard
from . import emulation_plan_issue_wizard
from . import emulation_officer_wizard
from . import emulation_act_date_wizard
