# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Emulation Clusters and Commendation",
    "summary": "Emulation clusters and blocs (Cụm, Khối thi đua): annual plans, "
    "covenants, registrations, conferences, reports and their deadlines",
    "version": "18.0.1.1.0",
    "category": "Human Resources",
    "author": "emulation_cluster developers",
    "maintainers": ["emulation-cluster"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": True,
    "installable": True,
    "depends": ["base", "mail"],
    "data": [
        # security
        "security/emulation_security.xml",
        "security/ir.model.access.csv",
        "security/emulation_plan_security.xml",
        "security/emulation_covenant_security.xml",
        "security/emulation_submission_security.xml",
        "security/emulation_cluster_security.xml",
        # data
        "data/ir_sequence_data.xml",
        "data/report_paperformat_data.xml",
        "data/emulation_event_type_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        # reports
        "reports/report_official_document_layout.xml",
        "reports/emulation_plan_report.xml",
        "reports/emulation_covenant_report.xml",
        "reports/emulation_registration_report.xml",
        "reports/emulation_submission_report.xml",
        # views (menu roots first, then one file per model)
        "views/emulation_menus.xml",
        "views/emulation_cluster_views.xml",
        "views/emulation_cluster_membership_views.xml",
        "views/res_partner_views.xml",
        "views/emulation_document_views.xml",
        "views/emulation_plan_views.xml",
        "views/emulation_plan_revision_views.xml",
        "views/emulation_event_type_views.xml",
        "views/emulation_event_views.xml",
        "views/emulation_obligation_views.xml",
        "views/emulation_covenant_views.xml",
        "views/emulation_registration_views.xml",
        "views/emulation_submission_views.xml",
        # wizards
        "wizards/emulation_plan_adjustment_wizard_views.xml",
        "wizards/emulation_submission_return_wizard_views.xml",
        "wizards/emulation_submission_file_wizard_views.xml",
    ],
    "post_init_hook": "post_init_hook",
    "assets": {
        "web.assets_tests": [
            "emulation_cluster/static/tests/tours/*.esm.js",
        ],
    },
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/emulation_document_demo.xml",
        "demo/emulation_cluster_demo.xml",
        "demo/emulation_plan_demo.xml",
        "demo/emulation_covenant_demo.xml",
        "demo/emulation_registration_demo.xml",
    ],
}
