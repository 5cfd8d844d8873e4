/* Copyright 2026 emulation_cluster developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
/* global DataTransfer, document, Event, File */
import {registry} from "@web/core/registry";

// The year-end of the cluster the set-up tour made, each step by its role,
// on the records the tours themselves create (tests/test_tours_yearend.py):
// the administrator gives the leader unit its secretariat officer; the
// secretariat opens self-scoring; the officers score their units (Kon Tum
// with an evidence file); the secretariat enters Lâm Đồng's paper table,
// appraises and asks Kon Tum to explain; Kon Tum explains; the secretariat
// appraises again and records the conference's agreement on its day; Kon
// Tum reads the agreed ranking and why his unit is classified as it is.
// Vietnamese database only.

const tours = registry.category("web_tour.tours");

const SECRETARIAT = "Nguyễn Thị Hoa";
// Five rows in a row, in a list grouped or not
const FIVE_ROWS = Array(5).fill(".o_data_row").join(" + ");
const SECRETARIAT_LOGIN = "hoa.nt@snv.daklak.gov.vn";

// The criteria of the sample spreadsheet the set-up imported, by the words
// of their names the lines show
const I1 = "Kết quả thực hiện nhiệm vụ được giao";
const I2 = "Sáng kiến được công nhận";
const II1 = "Tham gia đầy đủ các hoạt động của Cụm";
const II2 = "Gửi báo cáo đúng hạn";
const III1 = "Được tặng Cờ thi đua";

/**
 * Steps that type a value into one cell of the scorecard's lines.
 *
 * @param {String} criterion words of the criterion's name, as the line shows it
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

/**
 * A line's cell, as the user reads it.
 *
 * @param {String} criterion words of the criterion's name
 * @param {String} field the line's field
 * @param {String} text what the cell shows
 * @returns {String} the trigger
 */
function scoreCell(criterion, field, text) {
    return `div[name='line_ids'] .o_data_row:has(td[name='criterion_id']:contains('${criterion}')) td[name='${field}']:contains('${text}')`;
}

/**
 * Choose a file in the selected line's evidence files (the file dialog's
 * outcome, through the widget's own file input).
 *
 * @param {String} name the file's name
 */
function uploadEvidence(name) {
    const input = document.querySelector(
        "div[name='line_ids'] .o_selected_row .o_field_many2many_binary input[type='file']"
    );
    const transfer = new DataTransfer();
    transfer.items.add(
        new File(["%PDF-1.4 minh chung"], name, {type: "application/pdf"})
    );
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

/**
 * The current step of the form's status bar.
 *
 * @param {String} label the state's label
 * @returns {Object} the tour step
 */
function state(label) {
    return {
        content: `Now: ${label}`,
        trigger: `.o_statusbar_status .o_arrow_button_current:contains('${label}')`,
    };
}

/**
 * A count of the year at a glance, with its words.
 *
 * @param {String} count the figure
 * @param {String} words what it counts
 * @returns {String} the trigger
 */
function boardCount(count, words) {
    return `.o_emulation_year_board a:has(span:contains('${count}')):contains('${words}')`;
}

/**
 * The self scores of a unit typed and sent from its scorecard's form.
 *
 * @param {Object} scores {criterion: value}
 * @param {String} total the self total the form shows once saved
 * @returns {Array} the tour steps
 */
function typeAndSendSelfScores(scores, total) {
    const steps = [];
    for (const [criterion, value] of Object.entries(scores)) {
        steps.push(...editScoreCell(criterion, "self_value", value));
    }
    steps.push(
        {
            content: "Save, then read the total",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: `.o_form_saved .o_field_widget[name='self_total']:contains('${total}')`,
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
        state("Đã tự chấm")
    );
    return steps;
}

/**
 * An officer's self-scoring, from his first screen.
 *
 * @param {String} unit his unit
 * @param {Object} scores {criterion: value}
 * @param {String} total the self total
 * @returns {Array} the tour steps
 */
function officerSelfScores(unit, scores, total) {
    return [
        {
            content: "His first screen: what his unit owes, the scorecard among it",
            trigger: ".o_breadcrumb:contains('Việc đơn vị tôi phải làm')",
        },
        {
            trigger: ".o_data_row:contains('Bảng điểm cần tự chấm') td[name='name']",
            run: "click",
        },
        {
            content: "His unit's scorecard, waiting for its self scores",
            trigger: `.o_field_widget[name='partner_id']:contains('${unit}')`,
        },
        state("Chờ tự chấm"),
        {
            content: "No line waits for a target (none of the year's criteria has one)",
            trigger: ".o_form_view:not(:has(.alert-warning:contains('chỉ tiêu')))",
        },
        ...typeAndSendSelfScores(scores, total),
        {
            content: "Sent: his scores are locked, nothing left on his first screen",
            trigger: `${scoreCell(I1, "self_value", scores[I1])}`,
        },
        {
            trigger:
                ".o_breadcrumb .breadcrumb-item a:contains('Việc đơn vị tôi phải làm')",
            run: "click",
        },
        {
            trigger:
                ".o_list_view:has(.o_breadcrumb:contains('Việc đơn vị tôi phải làm')) .o_list_renderer:not(:has(.o_data_row:contains('Bảng điểm cần tự chấm')))",
        },
    ];
}

/**
 * The secretariat records the conference's agreement of the open
 * scorecard, on the conference's day.
 *
 * @param {String} total the final total the form shows
 * @returns {Array} the tour steps
 */
function agreeAtTheConference(total) {
    return [
        {
            trigger: `.o_field_widget[name='final_total']:contains('${total}')`,
        },
        {
            trigger:
                "button[name='action_open_agree_wizard']:contains('Thống nhất tại hội nghị')",
            run: "click",
        },
        {
            content: "The dialog asks the day it happened: today by default",
            trigger: ".modal .o_field_widget[name='act_date'] input:value(13/12/2027)",
        },
        {
            content: "The conference's day",
            trigger: ".modal .o_field_widget[name='act_date'] input",
            run: "edit 10/12/2027",
        },
        {
            content: "The button says what it does",
            trigger: ".modal-footer button[name='action_confirm']:contains('Ghi nhận')",
            run: "click",
        },
        state("Đã thống nhất"),
        {
            content: "Agreed on the conference's day, not the day recorded",
            trigger: ".o_field_widget[name='date_agreed']:contains('10/12/2027')",
        },
    ];
}

// The administrator gives the leader unit its secretariat officer, from the
// cluster's list of members.
tours.add("emulation_yearend_admin_adds_secretariat", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            trigger: ".o_app[data-menu-xmlid='emulation_cluster.menu_root']",
            run: "click",
        },
        {
            content: "The app opens on the year at a glance",
            trigger: ".o_menu_brand:contains('Thi đua - Khen thưởng')",
        },
        {
            trigger: ".o_menu_sections button:contains('Cấu hình')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Khối thi đua')",
            run: "click",
        },
        {
            trigger: ".o_data_row td:contains('Cụm thi đua các tỉnh Tây Nguyên')",
            run: "click",
        },
        {
            content: "The leader unit's row: Add an Officer",
            trigger:
                "div[name='membership_ids'] .o_data_row:contains('Sở Nội vụ tỉnh Đắk Lắk') button[name='action_open_officer_wizard']",
            run: "click",
        },
        {
            trigger:
                ".modal .o_field_widget[name='unit_id']:contains('Sở Nội vụ tỉnh Đắk Lắk')",
        },
        {
            trigger: ".modal .o_field_widget[name='name'] input",
            run: `edit ${SECRETARIAT}`,
        },
        {
            trigger: ".modal .o_field_widget[name='email'] input",
            run: `edit ${SECRETARIAT_LOGIN}`,
        },
        {
            content: "The leader unit may have the secretariat: choose that role",
            trigger:
                ".modal .o_field_widget[name='role'] .form-check:contains('Thường trực Cụm') input",
            run: "click",
        },
        {
            content: "Given a password here rather than invited by e-mail",
            trigger: ".modal .o_field_widget[name='send_invitation'] input:checked",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='password'] input",
            run: `edit ${SECRETARIAT_LOGIN}`,
        },
        {
            trigger: ".modal button[name='action_add']",
            run: "click",
        },
        {
            content: "The leader unit's row names its new officer",
            trigger: `body:not(:has(.modal)) div[name='membership_ids'] .o_data_row:contains('Sở Nội vụ tỉnh Đắk Lắk') div[name='officer_ids']:contains('${SECRETARIAT}')`,
        },
        {
            content: "She serves this cluster from the start: its secretariat tab",
            trigger: ".o_notebook .nav-link:contains('Thường trực Cụm')",
            run: "click",
        },
        {
            trigger: `.o_field_widget[name='secretariat_user_ids'] .o_tag:contains('${SECRETARIAT}')`,
        },
        {
            content:
                "The year's criteria, which the set-up left a draft: validate them",
            trigger: ".o_form_view:has(.o_form_saved) button[name='action_view_plans']",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('2027') td[name='name']",
            run: "click",
        },
        {
            trigger: "button[name='action_view_criteria']",
            run: "click",
        },
        state("Dự thảo"),
        {
            content: "Eight criteria, total 100",
            trigger: "button[name='action_open_criteria']:contains('8')",
        },
        {
            trigger: ".o_field_widget[name='total_max']:contains('100')",
        },
        {
            trigger: "button[name='action_validate']",
            run: "click",
        },
        {
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        state("Đã phê duyệt"),
    ],
});

// The secretariat opens self-scoring: the scorecards of the five members,
// from the plan.
tours.add("emulation_yearend_secretariat_opens_scoring", {
    url: "/odoo",
    steps: () => [
        {
            content: "Her first screen: the year at a glance, the 2027 plan on it",
            trigger:
                ".o_emulation_year_board:contains('Cụm thi đua các tỉnh Tây Nguyên')",
        },
        {
            trigger: ".o_menu_sections button:contains('Hoạt động trong năm')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Kế hoạch hoạt động')",
            run: "click",
        },
        {
            trigger:
                ".o_data_row:contains('Cụm thi đua các tỉnh Tây Nguyên'):contains('2027') td[name='name']",
            run: "click",
        },
        state("Đã ban hành"),
        {
            content: "Open self-scoring: one scorecard per member",
            trigger:
                "button[name='action_create_scorecards']:contains('Tạo bảng chấm điểm')",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb .active:contains('Bảng chấm điểm')",
        },
        {
            content: "Five scorecards, all waiting for their self scores",
            trigger:
                ".o_list_renderer:has(.o_data_row:nth-child(5)):not(:has(.o_data_row:nth-child(6)))",
        },
        {
            trigger:
                ".o_list_renderer:not(:has(.o_data_row:not(:contains('Chờ tự chấm'))))",
        },
        {
            content: "None waits for a target: no target-based criterion this year",
            trigger:
                ".o_list_renderer:not(:has(td[name='waiting_target_count'] span:not(:empty)))",
        },
        {
            content: "The year at a glance counts them",
            trigger: ".o_menu_sections button:contains('Hoạt động trong năm')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Toàn cảnh năm thi đua')",
            run: "click",
        },
        {
            trigger: boardCount("5", "chưa tự chấm"),
        },
    ],
});

// Kon Tum's officer self-scores with an evidence file, and sends.
tours.add("emulation_yearend_kontum_self_scores", {
    url: "/odoo",
    steps: () => [
        {
            content: "His first screen: what his unit owes, the scorecard among it",
            trigger: ".o_breadcrumb:contains('Việc đơn vị tôi phải làm')",
        },
        {
            trigger: ".o_data_row:contains('Bảng điểm cần tự chấm') td[name='name']",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='partner_id']:contains('Sở Nội vụ tỉnh Kon Tum')",
        },
        state("Chờ tự chấm"),
        ...editScoreCell(I1, "self_value", "38"),
        ...editScoreCell(I1, "evidence", "Báo cáo tổng kết năm 2027 số 45/BC-SNV"),
        {
            content: "Attach the report as the evidence of I.1",
            trigger:
                "div[name='line_ids'] .o_selected_row .o_field_many2many_binary .o_attach",
            run: () => uploadEvidence("bao-cao-tong-ket-2027-kon-tum.pdf"),
        },
        {
            trigger:
                "div[name='line_ids'] .o_selected_row .o_field_many2many_binary .o_attachment:contains('bao-cao-tong-ket-2027-kon-tum')",
        },
        ...typeAndSendSelfScores(
            {[I2]: "4", [II1]: "20", [II2]: "18", [III1]: "0"},
            "96,00"
        ),
        {
            content: "Sent: his scores and his file locked",
            trigger: scoreCell(I1, "self_value", "38"),
        },
        {
            trigger: scoreCell(I1, "attachment_ids", "bao-cao-tong-ket-2027-kon-tum"),
        },
        {
            trigger: scoreCell(I2, "self_points", "20"),
        },
        {
            trigger:
                ".o_breadcrumb .breadcrumb-item a:contains('Việc đơn vị tôi phải làm')",
            run: "click",
        },
        {
            content: "Nothing left to self-score on his first screen",
            trigger:
                ".o_list_view:has(.o_breadcrumb:contains('Việc đơn vị tôi phải làm')) .o_list_renderer:not(:has(.o_data_row:contains('Bảng điểm cần tự chấm')))",
        },
    ],
});

tours.add("emulation_yearend_daklak_self_scores", {
    url: "/odoo",
    steps: () =>
        officerSelfScores(
            "Sở Nội vụ tỉnh Đắk Lắk",
            {[I1]: "36", [I2]: "2", [II1]: "20", [II2]: "20", [III1]: "5"},
            "91,00"
        ),
});

tours.add("emulation_yearend_gialai_self_scores", {
    url: "/odoo",
    steps: () =>
        officerSelfScores(
            "Sở Nội vụ tỉnh Gia Lai",
            {[I1]: "35", [I2]: "3", [II1]: "20", [II2]: "20"},
            "90,00"
        ),
});

tours.add("emulation_yearend_daknong_self_scores", {
    url: "/odoo",
    steps: () =>
        officerSelfScores(
            "Sở Nội vụ tỉnh Đắk Nông",
            {[I1]: "30", [I2]: "1", [II1]: "20", [II2]: "15"},
            "70,00"
        ),
});

/**
 * The secretariat appraises the scorecard of ``unit`` as sent, from the
 * list of those to appraise.
 *
 * @param {String} unit the member unit
 * @returns {Array} the tour steps
 */
function appraiseAsSent(unit) {
    return [
        {
            trigger: `.o_data_row:contains('${unit}'):contains('Đã tự chấm') td[name='partner_id']`,
            run: "click",
        },
        {
            trigger: `.o_field_widget[name='partner_id']:contains('${unit}')`,
        },
        {
            trigger: "button[name='action_appraise']:contains('Hoàn thành thẩm định')",
            run: "click",
        },
        state("Đã thẩm định"),
        {
            trigger: ".o_breadcrumb .o_back_button a",
            run: "click",
        },
    ];
}

// The secretariat enters the paper table Lâm Đồng sent, appraises the five
// scorecards, and asks Kon Tum to explain its I.1.
tours.add("emulation_yearend_secretariat_appraises", {
    url: "/odoo",
    steps: () => [
        {
            content: "Four sent, one not yet (Lâm Đồng sent its table on paper)",
            trigger: boardCount("4", "chờ thẩm định"),
        },
        {
            trigger: boardCount("1", "chưa tự chấm"),
            run: "click",
        },
        {
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Lâm Đồng') td[name='partner_id']",
            run: "click",
        },
        state("Chờ tự chấm"),
        ...typeAndSendSelfScores(
            {[I1]: "32", [I2]: "2", [II1]: "20", [II2]: "16"},
            "78,00"
        ),
        {
            content: "Entered by the secretariat, and said so",
            trigger: ".o_field_widget[name='self_scored_on_behalf'] input:checked",
        },
        {
            trigger: "button[name='action_appraise']:contains('Hoàn thành thẩm định')",
            run: "click",
        },
        state("Đã thẩm định"),
        {
            trigger:
                ".o_breadcrumb .breadcrumb-item a:contains('Toàn cảnh năm thi đua')",
            run: "click",
        },
        {
            trigger: boardCount("4", "chờ thẩm định"),
            run: "click",
        },
        {
            content: "Kon Tum's scorecard, with its evidence",
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Kon Tum') td[name='partner_id']",
            run: "click",
        },
        {
            trigger: scoreCell(I1, "attachment_ids", "bao-cao-tong-ket-2027-kon-tum"),
        },
        {
            trigger: scoreCell(I1, "evidence", "45/BC-SNV"),
        },
        ...editScoreCell(I1, "appraised_value", "30"),
        ...editScoreCell(
            I1,
            "appraiser_comment",
            "Chưa có minh chứng kết quả hai nhiệm vụ được giao"
        ),
        {
            content: "Save the lines before turning the page",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_renderer.o_form_saved",
        },
        {
            content: "Ask the unit to explain, in the appraisal's note",
            trigger: ".o_notebook .nav-link:contains('Ghi chú')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='appraisal_note'] textarea",
            run: "edit Đề nghị Sở Nội vụ tỉnh Kon Tum giải trình tiêu chí I.1.",
        },
        {
            trigger: "button[name='action_appraise']:contains('Hoàn thành thẩm định')",
            run: "click",
        },
        state("Đã thẩm định"),
        {
            content: "The final total follows the appraisal; provisional",
            trigger: ".o_field_widget[name='final_total']:contains('88,00')",
        },
        {
            trigger: ".ribbon:contains('Tạm tính')",
        },
        {
            trigger: ".o_breadcrumb .o_back_button a",
            run: "click",
        },
        ...appraiseAsSent("Sở Nội vụ tỉnh Gia Lai"),
        ...appraiseAsSent("Sở Nội vụ tỉnh Đắk Nông"),
        {
            content: "Left: her own unit's, which she does not appraise",
            trigger:
                ".o_list_renderer:has(.o_data_row:contains('Sở Nội vụ tỉnh Đắk Lắk')):not(:has(.o_data_row:nth-child(2)))",
        },
        {
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Đắk Lắk') td[name='partner_id']",
            run: "click",
        },
        state("Đã tự chấm"),
        {
            content: "No appraisal button on her own unit's scorecard",
            trigger: ".o_form_view:not(:has(button[name='action_appraise']))",
        },
        {
            content: "The form says who appraises it",
            trigger:
                ".alert-info:contains('một cán bộ khác của Thường trực Cụm hoặc người quản trị thẩm định')",
        },
        {
            trigger:
                ".o_breadcrumb .breadcrumb-item a:contains('Toàn cảnh năm thi đua')",
            run: "click",
        },
        {
            trigger: boardCount("4", "đã thẩm định, chờ thống nhất"),
        },
        {
            trigger: boardCount("1", "chờ thẩm định"),
        },
    ],
});

// The leader unit's own scorecard: appraised by the administrator (the
// secretariat never appraises its own unit's).
tours.add("emulation_yearend_admin_appraises_the_leader", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            trigger: ".o_app[data-menu-xmlid='emulation_cluster.menu_root']",
            run: "click",
        },
        {
            content: "The cluster's card on the year at a glance: one to appraise",
            trigger:
                ".o_kanban_record:contains('Cụm thi đua các tỉnh Tây Nguyên') a:has(span:contains('1')):contains('chờ thẩm định')",
            run: "click",
        },
        {
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Đắk Lắk'):contains('Đã tự chấm') td[name='partner_id']",
            run: "click",
        },
        {
            trigger: scoreCell(III1, "self_value", "5"),
        },
        {
            trigger: "button[name='action_appraise']:contains('Hoàn thành thẩm định')",
            run: "click",
        },
        state("Đã thẩm định"),
    ],
});

// Kon Tum's officer reads the appraisal and explains.
tours.add("emulation_yearend_kontum_explains", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_menu_sections button:contains('Hoạt động trong năm')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Bảng chấm điểm')",
            run: "click",
        },
        {
            content: "His unit's scorecard only, appraised",
            trigger:
                ".o_list_renderer:has(.o_data_row:contains('Sở Nội vụ tỉnh Kon Tum')):not(:has(.o_data_row:nth-child(2)))",
        },
        {
            trigger: ".o_data_row:contains('Đã thẩm định') td[name='partner_id']",
            run: "click",
        },
        state("Đã thẩm định"),
        {
            content: "What the secretariat changed, and why",
            trigger: scoreCell(I1, "appraised_value", "30"),
        },
        {
            trigger: scoreCell(I1, "appraiser_comment", "Chưa có minh chứng"),
        },
        {
            trigger: ".o_field_widget[name='final_total']:contains('88,00')",
        },
        ...editScoreCell(
            I1,
            "explanation",
            "Đã gửi kèm Quyết định giao nhiệm vụ số 12/QĐ-UBND và báo cáo kết quả hai nhiệm vụ"
        ),
        {
            content: "Save the lines before turning the page",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_renderer.o_form_saved",
        },
        {
            trigger: ".o_notebook .nav-link:contains('Ghi chú')",
            run: "click",
        },
        {
            content: "The secretariat's request",
            trigger:
                ".o_field_widget[name='appraisal_note']:contains('giải trình tiêu chí I.1')",
        },
        {
            trigger: "button[name='action_explain']:contains('Gửi giải trình')",
            run: "click",
        },
        state("Đã giải trình"),
    ],
});

// The secretariat appraises Kon Tum again, then records the conference's
// agreement of the five scorecards on its day, 10/12/2027, three days later.
tours.add("emulation_yearend_secretariat_agrees", {
    url: "/odoo",
    steps: () => [
        {
            trigger: boardCount("1", "chờ thẩm định"),
        },
        {
            trigger: boardCount("4", "đã thẩm định, chờ thống nhất"),
        },
        {
            trigger: boardCount("1", "chờ thẩm định"),
            run: "click",
        },
        {
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Kon Tum'):contains('Đã giải trình') td[name='partner_id']",
            run: "click",
        },
        {
            content: "The unit's explanation",
            trigger: scoreCell(I1, "explanation", "12/QĐ-UBND"),
        },
        ...editScoreCell(I1, "appraised_value", "36"),
        ...editScoreCell(
            I1,
            "appraiser_comment",
            "Tiếp thu giải trình; một nhiệm vụ chưa hoàn thành đúng hạn"
        ),
        {
            trigger: "button[name='action_appraise']:contains('Hoàn thành thẩm định')",
            run: "click",
        },
        state("Đã thẩm định lại"),
        ...agreeAtTheConference("94,00"),
        {
            trigger:
                ".o_breadcrumb .breadcrumb-item a:contains('Toàn cảnh năm thi đua')",
            run: "click",
        },
        {
            trigger: boardCount("4", "đã thẩm định, chờ thống nhất"),
            run: "click",
        },
        {
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Đắk Lắk') td[name='partner_id']",
            run: "click",
        },
        ...agreeAtTheConference("91,00"),
        {
            trigger: ".o_breadcrumb .o_back_button a",
            run: "click",
        },
        {
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Gia Lai') td[name='partner_id']",
            run: "click",
        },
        ...agreeAtTheConference("90,00"),
        {
            trigger: ".o_breadcrumb .o_back_button a",
            run: "click",
        },
        {
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Lâm Đồng') td[name='partner_id']",
            run: "click",
        },
        ...agreeAtTheConference("78,00"),
        {
            trigger: ".o_breadcrumb .o_back_button a",
            run: "click",
        },
        {
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Đắk Nông') td[name='partner_id']",
            run: "click",
        },
        ...agreeAtTheConference("70,00"),
        {
            trigger:
                ".o_breadcrumb .breadcrumb-item a:contains('Toàn cảnh năm thi đua')",
            run: "click",
        },
        {
            content: "All five agreed",
            trigger: boardCount("5", "thống nhất"),
        },
        {
            trigger: boardCount("0", "đã thẩm định, chờ thống nhất"),
        },
    ],
});

// Kon Tum's officer reads the agreed ranking, and why his unit is classified
// as it is.
tours.add("emulation_yearend_kontum_reads_ranking", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_menu_sections button:contains('Hoạt động trong năm')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Bảng xếp hạng')",
            run: "click",
        },
        {
            content: "The cluster's 2027 ranking, the five members, agreed",
            trigger: ".o_group_header:contains('2027')",
        },
        {
            trigger: `.o_list_renderer:has(${FIVE_ROWS}):not(:has(${FIVE_ROWS} + .o_data_row))`,
        },
        {
            trigger:
                ".o_list_renderer:not(:has(.o_data_row:not(:contains('Đã thống nhất'))))",
        },
        {
            content: "His unit first, Hoàn thành xuất sắc",
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Kon Tum'):contains('Hoàn thành xuất sắc'):contains('94,00') td[name='rank']:contains('1')",
        },
        {
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Đắk Lắk'):contains('Hoàn thành xuất sắc') td[name='rank']:contains('2')",
        },
        {
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Gia Lai'):contains('Hoàn thành xuất sắc') td[name='rank']:contains('3')",
        },
        {
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Lâm Đồng'):contains('78,00'):not(:contains('Hoàn thành xuất sắc')) td[name='rank']:contains('4')",
        },
        {
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Đắk Nông'):contains('70,00'):not(:contains('Hoàn thành xuất sắc')) td[name='rank']:contains('5')",
        },
        {
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Kon Tum') td[name='partner_id']",
            run: "click",
        },
        {
            content: "Why: the rule, his total and the threshold",
            trigger:
                ".o_field_widget[name='classification_reason']:contains('Hoàn thành xuất sắc theo Xếp loại thi đua Cụm Tây Nguyên'):contains('94,00'):contains('90,00')",
        },
        {
            trigger: ".o_field_widget[name='date_agreed']:contains('10/12/2027')",
        },
        {
            trigger: ".o_field_widget[name='ranking_state']:contains('Đã thống nhất')",
        },
        {
            content: "His points per group",
            trigger:
                "div[name='group_result_ids'] .o_data_row:contains('Thực hiện nhiệm vụ chuyên môn'):contains('56,00')",
        },
    ],
});
