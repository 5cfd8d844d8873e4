/* Copyright 2026 emulation_cluster developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
/* global DataTransfer, document, Event, File */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

/**
 * Attach a file to the form's many2many_binary field, as a user choosing
 * it in the file dialog would.
 *
 * @param {String} name the file's name
 */
function uploadFile(name) {
    const input = document.querySelector(
        ".o_field_many2many_binary input[type='file']"
    );
    const transfer = new DataTransfer();
    transfer.items.add(new File(["%PDF-1.4 tour"], name, {type: "application/pdf"}));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

// The unit officer recalls a filing sent by mistake, before its review, with
// the reason, to file it again.
tours.add("emulation_officer_recalls", {
    url: "/odoo/action-emulation_cluster.emulation_submission_action_my_unit",
    steps: () => [
        {
            content: "The list opens on what is still to file: show what was filed too",
            trigger: ".o_searchview_facet:contains('Chưa nộp') .o_facet_remove",
            run: "click",
        },
        {
            trigger:
                ".o_data_row:contains('Báo cáo sơ kết tour'):contains('Đã nộp') td[name='obligation_id']",
            run: "click",
        },
        {
            content: "Not yet under review: it can be taken back",
            trigger: "button[name='action_open_recall_wizard']:contains('Thu hồi')",
            run: "click",
        },
        {
            content: "What is recalled is kept",
            trigger: ".modal:contains('Hồ sơ thu hồi không bị mất')",
        },
        {
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Gửi nhầm tệp của năm trước, đơn vị sẽ nộp lại.",
        },
        {
            trigger: ".modal button[name='action_recall']",
            run: "click",
        },
        {
            content: "To file again",
            trigger:
                "body:not(:has(.modal)) .o_statusbar_status .o_arrow_button_current:contains('Chưa nộp')",
        },
        {
            content: "The reason is in the chatter, for the secretariat",
            trigger: ".o-mail-Message:contains('Gửi nhầm tệp của năm trước')",
        },
        {
            content: "It can be filed again",
            trigger: "button[name='action_open_file_wizard']:contains('Nộp báo cáo')",
        },
    ],
});

// The secretariat recalls a letter from the council before any decision,
// with the reason: the letter and its proposals are drafts again.
tours.add("emulation_secretariat_recalls_the_letter", {
    url: "/odoo/action-emulation_cluster.emulation_award_letter_action",
    steps: () => [
        {
            trigger: ".o_data_row:contains('Đã trình Hội đồng') td[name='name']",
            run: "click",
        },
        {
            content: "No decision yet: it can be taken back",
            trigger:
                "button[name='action_open_recall_wizard']:contains('Thu hồi từ Hội đồng')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Bổ sung biên bản kiểm phiếu còn thiếu chữ ký.",
        },
        {
            trigger: ".modal button[name='action_recall']",
            run: "click",
        },
        {
            content: "A draft again, its number kept, to send again",
            trigger:
                "body:not(:has(.modal)) .o_statusbar_status .o_arrow_button_current:contains('Dự thảo')",
        },
        {
            content: "The reason is in the chatter",
            trigger:
                ".o-mail-Message:contains('Bổ sung biên bản kiểm phiếu còn thiếu chữ ký')",
        },
    ],
});

// The unit officer finds what his unit owes, attaches a file and files it.
tours.add("emulation_officer_files", {
    url: "/odoo/action-emulation_cluster.emulation_submission_action_my_unit",
    steps: () => [
        {
            content: "The list says what the unit has to file",
            trigger: ".o_breadcrumb:contains('Báo cáo của đơn vị tôi')",
        },
        {
            content: "Open the report owed",
            trigger:
                ".o_data_row:contains('Báo cáo sơ kết tour'):contains('Chưa nộp') td[name='obligation_id']",
            run: "click",
        },
        {
            content: "The form names the action, not the noun",
            trigger: "button[name='action_open_file_wizard']:contains('Nộp báo cáo')",
        },
        {
            content: "Attach the report",
            trigger: ".o_field_many2many_binary",
            run: () => uploadFile("bao-cao-so-ket-tour.pdf"),
        },
        {
            trigger:
                ".o_field_many2many_binary .o_attachment:contains('bao-cao-so-ket-tour')",
        },
        {
            content: "File it",
            trigger: "button[name='action_open_file_wizard']",
            run: "click",
        },
        {
            content: "The confirmation names the unit, the report and the files",
            trigger:
                ".modal-body:contains('Sở Nội vụ Member 3 (test) nộp Báo cáo sơ kết tour kèm 1 tệp')",
        },
        {
            trigger: ".modal button[name='action_file']",
            run: "click",
        },
        {
            content: "It says it was done",
            trigger: ".o_notification:contains('đã nộp')",
        },
        {
            content: "The status bar moves to Filed",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Đã nộp')",
        },
    ],
});

// The secretariat opens the tracker, returns one filing and accepts another.
tours.add("emulation_secretariat_reviews", {
    url: "/odoo/submission-tracker",
    steps: () => [
        {
            content: "The tracker counts, per unit, what is filed and what is not",
            trigger: ".o_pivot th:contains('Chưa nộp')",
        },
        {
            trigger: ".o_pivot th:contains('Sở Nội vụ Member 4 (test)')",
        },
        {
            content: "To the tracker's rows",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The deputy's filings",
            trigger:
                ".o_data_row:contains('Sở Nội vụ Deputy (test)'):contains('Đã nộp') button[name='action_open_submissions']",
            run: "click",
        },
        {
            content: "Open the deputy's filing",
            trigger:
                ".o_data_row:contains('Sở Nội vụ Deputy (test)'):contains('Đã nộp') td[name='obligation_id']",
            run: "click",
        },
        {
            trigger: "button[name='action_open_return_wizard']:contains('Trả lại')",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".modal div[name='reason'] textarea",
            run: "edit Thiếu chữ ký của thủ trưởng đơn vị.",
        },
        {
            trigger: ".modal button[name='action_return']",
            run: "click",
        },
        {
            content: "Returned, with its reason",
            trigger:
                ".o_statusbar_status .o_arrow_button_current:contains('Đã trả lại')",
        },
        {
            trigger: ".alert-warning:contains('Thiếu chữ ký của thủ trưởng đơn vị.')",
        },
        {
            content: "Back to the tracker",
            trigger: ".o_breadcrumb .breadcrumb-item:first-child a",
            run: "click",
        },
        {
            content: "The filings of another unit",
            trigger:
                ".o_data_row:contains('Sở Nội vụ Member 4 (test)'):contains('Đã nộp') button[name='action_open_submissions']",
            run: "click",
        },
        {
            content: "Open the paper filing of another unit",
            trigger:
                ".o_data_row:contains('Sở Nội vụ Member 4 (test)'):contains('Đã nộp') td[name='obligation_id']",
            run: "click",
        },
        {
            trigger: "button[name='action_accept']:contains('Chấp nhận')",
            run: "click",
        },
        {
            content: "Accepted",
            trigger:
                ".o_statusbar_status .o_arrow_button_current:contains('Đã chấp nhận')",
        },
    ],
});

// The administrator creates a cluster with three member units, a plan with
// one obligation, and issues it.
tours.add("emulation_admin_sets_up", {
    url: "/odoo/action-emulation_cluster.emulation_cluster_action/new",
    steps: () => [
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Cụm thi đua thử nghiệm tour",
        },
        ...["Sở Nội vụ Tour A", "Sở Nội vụ Tour B", "Sở Nội vụ Tour C"].flatMap(
            (unit) => [
                {
                    content: `Add the member ${unit}`,
                    trigger:
                        "div[name='membership_ids'] .o_field_x2many_list_row_add a",
                    run: "click",
                },
                {
                    // The new row, not the previous one still selected
                    trigger:
                        "div[name='membership_ids'] .o_selected_row div[name='partner_id'] input:not(:value(Sở))",
                    run: `edit ${unit}`,
                },
                {
                    content: "Quick-create the unit",
                    trigger: ".o_m2o_dropdown_option_create a",
                    run: "click",
                },
                {
                    trigger: `div[name='membership_ids'] .o_selected_row div[name='partner_id'] input:value(${unit})`,
                },
            ]
        ),
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Three members today",
            trigger: ".o_field_widget[name='member_count']:contains('3')",
        },
        {
            content: "To the annual plans",
            trigger:
                ".o_menu_sections button:contains('Hoạt động trong năm'), .o_menu_sections a:contains('Hoạt động trong năm')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Kế hoạch hoạt động')",
            run: "click",
        },
        {
            trigger:
                ".o_control_panel_main_buttons .o_list_button_add, .o_control_panel_main_buttons .o-kanban-button-new",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='cluster_id'] input",
            run: "edit Cụm thi đua thử nghiệm tour",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-item:contains('Cụm thi đua thử nghiệm tour')",
            run: "click",
        },
        {
            content: "The cluster's first members are proposed as leader and deputy",
            trigger: ".o_field_widget[name='deputy_id'] input:value(Sở Nội vụ Tour B)",
        },
        {
            trigger: ".o_field_widget[name='leader_id'] input",
            run: "edit Tour A",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Sở Nội vụ Tour A')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='deputy_id'] input",
            run: "edit Tour B",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Sở Nội vụ Tour B')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='number'] input",
            run: "edit 12/KH-CTĐ",
        },
        {
            trigger: ".o_field_widget[name='issue_date'] input",
            run: "edit 02/03/2026",
        },
        {
            content: "Its legal basis",
            trigger: "div[name='basis_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                "div[name='basis_ids'] .o_selected_row div[name='document_id'] input",
            run: "edit 462/BNV-VP",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('462/BNV-VP')",
            run: "click",
        },
        {
            content: "Its purpose",
            trigger: ".o_notebook .nav-link:contains('Nội dung')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='purpose'] .odoo-editor-editable",
            run: "editor Đẩy mạnh phong trào thi đua trong Cụm.",
        },
        {
            content: "An obligation, added before the plan is saved",
            trigger: ".o_notebook .nav-link:contains('Chế độ báo cáo')",
            run: "click",
        },
        {
            trigger: "div[name='obligation_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='name'] input",
            run: "edit Báo cáo tổng kết năm",
        },
        {
            trigger: ".modal .o_field_widget[name='deadline'] input",
            run: "edit 20/11/2026",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger:
                "div[name='obligation_ids'] .o_data_row:contains('Báo cáo tổng kết năm')",
        },
        {
            content: "Its signer",
            trigger: ".o_notebook .nav-link:contains('Văn bản')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='signer_name'] input",
            run: "edit Nguyễn Văn Ký",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger:
                ".o_form_saved, .o_form_status_indicator:not(:has(.o_form_button_save))",
        },
        {
            content: "Issue it",
            trigger: "button[name='action_open_issue_wizard']:contains('Ban hành')",
            run: "click",
        },
        {
            content: "It asks first",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "Issued",
            trigger:
                ".o_statusbar_status .o_arrow_button_current:contains('Đã ban hành')",
        },
        {
            content: "The tracker, from the menu",
            trigger: ".o_menu_sections button:contains('Báo cáo - Hồ sơ')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Theo dõi tình hình nộp báo cáo')",
            run: "click",
        },
        {
            content: "The new cluster's row: its two members have not filed yet",
            trigger: ".o_pivot th:contains('Cụm thi đua thử nghiệm tour')",
        },
        {
            trigger: ".o_pivot thead th:contains('Chưa nộp')",
        },
    ],
});

/**
 * Steps that type a value into one cell of the scorecard's lines.
 *
 * @param {String} criterion the criterion's name, as the line shows it
 * @param {String} field the line's field
 * @param {String} value what to type
 * @returns {Array} the tour steps
 */
function editScoreCell(criterion, field, value) {
    const row = `div[name='line_ids'] .o_data_row:has(td[name='criterion_id']:contains('${criterion}'))`;
    return [
        {
            content: `${criterion}: ${field}`,
            trigger: `${row} td[name='${field}']`,
            run: "click",
        },
        {
            trigger: `${row}.o_selected_row [name='${field}'] input, ${row}.o_selected_row [name='${field}'] textarea`,
            run: `edit ${value}`,
        },
    ];
}

// The unit officer opens his unit's scorecard, scores it with its evidence
// and sends it.
tours.add("emulation_officer_self_scores", {
    url: "/odoo/action-emulation_cluster.emulation_scorecard_action",
    steps: () => [
        {
            content: "His unit's scorecard, waiting for its self scores",
            trigger:
                ".o_data_row:contains('Sở Nội vụ Member 3 (test)'):contains('Chờ tự chấm') td[name='partner_id']",
            run: "click",
        },
        ...editScoreCell("Tiêu chí I.1", "self_value", "28"),
        ...editScoreCell("Tiêu chí I.1", "evidence", "Báo cáo tổng kết năm 2020"),
        ...editScoreCell("Tiêu chí I.3", "self_value", "4"),
        ...editScoreCell("Tiêu chí II.1", "self_value", "25"),
        ...editScoreCell("Tiêu chí II.2", "self_value", "10"),
        {
            content: "Save, then see the total",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='self_total']:contains('71')",
        },
        {
            trigger:
                "button[name='action_submit_self_scores']:contains('Gửi điểm tự chấm')",
            run: "click",
        },
        {
            content: "The button says what follows; confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status .o_arrow_button_current:contains('Đã tự chấm')",
        },
        {
            content: "His scores are locked now",
            trigger:
                "div[name='line_ids'] .o_data_row:has(td[name='criterion_id']:contains('Tiêu chí I.1')) td[name='self_value']:contains('28')",
        },
    ],
});

// The secretariat appraises another unit's scorecard, then agrees it at the
// conference.
tours.add("emulation_secretariat_appraises", {
    url: "/odoo/action-emulation_cluster.emulation_scorecard_action",
    steps: () => [
        {
            content: "The scorecard the unit sent",
            trigger:
                ".o_data_row:contains('Sở Nội vụ Member 3 (test)'):contains('Đã tự chấm') td[name='partner_id']",
            run: "click",
        },
        ...editScoreCell("Tiêu chí I.1", "appraised_value", "22"),
        ...editScoreCell(
            "Tiêu chí I.1",
            "appraiser_comment",
            "Thiếu minh chứng cho một nhiệm vụ"
        ),
        {
            trigger: "button[name='action_appraise']:contains('Hoàn thành thẩm định')",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status .o_arrow_button_current:contains('Đã thẩm định')",
        },
        {
            content: "The final total follows the appraisal",
            trigger: ".o_field_widget[name='final_total']:contains('65')",
        },
        {
            trigger:
                "button[name='action_open_agree_wizard']:contains('Thống nhất tại hội nghị')",
            run: "click",
        },
        {
            content: "The dialog asks the day of the conference, today by default",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status .o_arrow_button_current:contains('Đã thống nhất')",
        },
    ],
});

// Once every scorecard is agreed, the officer reads the cluster's ranking.
tours.add("emulation_officer_reads_ranking", {
    url: "/odoo/action-emulation_cluster.emulation_ranking_action",
    steps: () => [
        {
            trigger: ".o_breadcrumb:contains('Bảng xếp hạng')",
        },
        {
            content: "One ranking per cluster and year, its state in words",
            trigger: ".o_group_header:contains('2020')",
        },
        {
            content: "Every member's row, the leader first",
            trigger:
                ".o_data_row:contains('Sở Nội vụ Leader (test)'):contains('Đã thống nhất') td[name='rank']:contains('1')",
        },
        {
            trigger: ".o_data_row:contains('Sở Nội vụ Member 3 (test)')",
        },
        {
            content: "Open another unit's row: totals per group, nothing else",
            trigger:
                ".o_data_row:contains('Sở Nội vụ Leader (test)') td[name='partner_id']",
            run: "click",
        },
        {
            trigger: "div[name='group_result_ids'] .o_data_row:contains('Tiêu chí I')",
        },
    ],
});

// At the conference, the unit officer opens the poll and casts his unit's
// ballot.
tours.add("emulation_officer_votes", {
    url: "/odoo/action-emulation_cluster.emulation_poll_action",
    steps: () => [
        {
            content: "The poll open for voting",
            trigger:
                ".o_data_row:contains('Suy tôn (test)'):contains('Đang bỏ phiếu') td[name='name']",
            run: "click",
        },
        {
            trigger: "button[name='action_cast_ballot']:contains('Bỏ phiếu')",
            run: "click",
        },
        {
            content: "The ballot names his unit; tick the candidate",
            trigger:
                ".modal .o_field_widget[name='approve_ids'] .form-check:contains('Sở Nội vụ Leader (test)') input",
            run: "click",
        },
        {
            trigger: ".modal-footer button:contains('Bỏ phiếu')",
            run: "click",
        },
        {
            content: "Cast: the dialog closes, the count of the round moves",
            trigger:
                "body:not(:has(.modal)) .o_field_widget[name='ballot_count']:contains('1')",
        },
    ],
});

tours.add("emulation_secretariat_proposes", {
    url: "/odoo/action-emulation_cluster.emulation_poll_action",
    steps: () => [
        {
            content: "The closed nomination poll",
            trigger: ".o_data_row:contains('Suy tôn (test)') td[name='name']",
            run: "click",
        },
        {
            content: "Turn its result into proposals",
            trigger:
                "button[name='action_create_proposals']:contains('Lập đề nghị khen thưởng')",
            run: "click",
        },
        {
            content: "The proposals made, one per unit chosen",
            trigger: ".o_breadcrumb .active:contains('Đề nghị khen thưởng')",
        },
        {
            trigger:
                ".o_list_renderer .o_data_row:contains('Sở Nội vụ Member 3 (test)') td[name='award_type_id']",
            run: "click",
        },
        {
            content: "The dossier says what is missing: the letter",
            trigger: ".alert-warning:contains('Hồ sơ còn thiếu')",
        },
        {
            trigger:
                ".o_field_widget[name='item_ids'] .o_data_row.text-danger:contains('Tờ trình')",
        },
        {
            content: "The minutes come from the poll",
            trigger:
                ".o_field_widget[name='item_ids'] .o_data_row.text-success:contains('Biên bản họp bình xét')",
        },
    ],
});

tours.add("emulation_council_decides", {
    url: "/odoo/action-emulation_cluster.emulation_award_proposal_action",
    steps: () => [
        {
            content: "The proposal before the council",
            trigger:
                ".o_data_row:contains('Đã trình Hội đồng') td[name='partner_id']:contains('Sở Nội vụ Member 3 (test)')",
            run: "click",
        },
        {
            trigger: "a.nav-link:contains('Quyết định của Hội đồng')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='decision_number'] input",
            run: "edit 245/QĐ-TTg",
        },
        {
            content: "Leave the number for the date",
            trigger: ".o_field_widget[name='decision_date'] input",
            run: "click",
        },
        {
            content: "The decision is dated today by default: give its own day",
            trigger: ".o_field_widget[name='decision_date'] input:value(/)",
            run: "edit 04/05/2021",
        },
        {
            trigger: "button[name='action_approve']:contains('Phê duyệt')",
            run: "click",
        },
        {
            content: "Confirm the decision",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "Approved",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Đã phê duyệt')",
        },
    ],
});
