/* Copyright 2026 emulation_cluster developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
/* global DataTransfer, document, Event, File */
/*
 * The closing part of the year-end of the cluster the set-up tour made
 * ("Cụm thi đua các tỉnh Tây Nguyên", plan 2027, conference on 10/12/2027),
 * each step by its role, on the records the tours create: the secretariat's
 * polls, the officers' votes, the count and the minutes, the proposals and
 * their letter, the council's decisions, the rollover to 2028.
 */
import {registry} from "@web/core/registry";
import {user} from "@web/core/user";

const tours = registry.category("web_tour.tours");

const CONFERENCE = "Hội nghị tổng kết Cụm năm 2027";
const ABSENT = "Sở Nội vụ tỉnh Lâm Đồng";
const FLAG = "Cờ thi đua của Chính phủ";
const MERIT = "Bằng khen của Bộ, ngành, tỉnh";
// The polls the secretariat prepares, and whom the members choose in each
const POLLS = [
    {
        name: "Suy tôn đơn vị đề nghị tặng Cờ năm 2027",
        subject: "Bình xét, suy tôn đề nghị khen thưởng",
        award: FLAG,
        chosen: "Sở Nội vụ tỉnh Kon Tum",
    },
    {
        name: "Bầu Cụm trưởng năm 2028",
        subject: "Bầu đơn vị Cụm trưởng năm sau",
        chosen: "Sở Nội vụ tỉnh Gia Lai",
    },
    {
        name: "Bầu Cụm phó năm 2028",
        subject: "Bầu đơn vị Cụm phó năm sau",
        chosen: "Sở Nội vụ tỉnh Kon Tum",
    },
];

/**
 * Attach a file to the file input of ``selector``, as a user choosing it
 * in the file dialog would.
 *
 * @param {String} selector the input's CSS selector
 * @param {String} name the file's name
 */
function uploadFile(selector, name) {
    const input = document.querySelector(selector);
    const transfer = new DataTransfer();
    transfer.items.add(new File(["%PDF-1.4 tour"], name, {type: "application/pdf"}));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

/**
 * The steps that prepare one poll from the conference's list of polls and
 * open its vote; the user himself on its counting committee.
 *
 * @param {Object} poll one of POLLS
 * @returns {Array} the tour steps
 */
function preparePoll(poll) {
    const award = poll.award
        ? [
              {
                  trigger: ".o_field_widget[name='award_type_id'] input",
                  run: `edit ${poll.award}`,
              },
              {
                  trigger: `.o-autocomplete--dropdown-item:contains('${poll.award}')`,
                  run: "click",
              },
          ]
        : [];
    return [
        {
            content: `A new poll: ${poll.name}`,
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "Held at the conference it was opened from",
            trigger: `.o_field_widget[name='event_id']:contains('${CONFERENCE}'), .o_field_widget[name='event_id'] input:value(${CONFERENCE})`,
        },
        {
            trigger: ".o_field_widget[name='name'] input",
            run: `edit ${poll.name}`,
        },
        {
            trigger: ".o_field_widget[name='subject'] select",
            run: `selectByLabel ${poll.subject}`,
        },
        ...award,
        {
            content: "The counting committee: the secretariat itself",
            trigger: ".o_field_widget[name='counting_user_ids'] input",
            run: `edit ${user.name}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item:contains('${user.name}')`,
            run: "click",
        },
        {
            trigger: `.o_field_widget[name='counting_user_ids'] .o_tag:contains('${user.name}')`,
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger:
                ".o_form_saved, .o_form_status_indicator:not(:has(.o_form_button_save))",
        },
        {
            trigger: ".o_notebook .nav-link:contains('Ứng viên')",
            run: "click",
        },
        {
            trigger: ".o_notebook .nav-link.active:contains('Ứng viên')",
        },
        {
            content: "Every member a candidate, the ranking's order",
            trigger: "div[name='candidate_ids'] .o_data_row:nth-child(5)",
        },
        {
            content: "Five members, four present",
            trigger: ".o_field_widget[name='present_count']:contains('4')",
        },
        {
            content: "The absent member, as the conference recorded it",
            trigger: ".o_notebook .nav-link:contains('Thành viên biểu quyết')",
            run: "click",
        },
        {
            trigger: `div[name='voter_ids'] .o_data_row:contains('${ABSENT}'):contains('Vắng mặt')`,
        },
        {
            trigger: "button[name='action_open_voting']:contains('Bắt đầu bỏ phiếu')",
            run: "click",
        },
        {
            content: "It asks first: candidates and rule are fixed then",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status .o_arrow_button_current:contains('Đang bỏ phiếu')",
        },
        {
            content: "Round 1, one seat",
            trigger: ".o_field_widget[name='round']:contains('1')",
        },
        {
            content: "Back to the conference's polls",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Bình xét, bỏ phiếu')",
            run: "click",
        },
        {
            trigger: `.o_data_row:contains('${poll.name}'):contains('Đang bỏ phiếu')`,
        },
    ];
}

// The secretariat, on the day of the conference: the conference held, its
// absent member recorded once, the nomination and both election polls
// prepared from it and opened.
tours.add("emulation_yearend_secretariat_prepares_the_votes", {
    url: "/odoo/action-emulation_cluster.emulation_event_action",
    steps: () => [
        {
            content: "The year's conference",
            trigger: `.o_data_row:contains('${CONFERENCE}') td[name='name']`,
            run: "click",
        },
        {
            content: "Held today, as the day says",
            trigger: ".o_field_widget[name='date_held'] input",
            run: "edit 10/12/2027",
        },
        {
            content: "The absent member",
            trigger: ".o_notebook .nav-link:contains('Tham dự')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='absent_unit_ids'] input",
            run: "edit Lâm Đồng",
        },
        {
            trigger: `.o-autocomplete--dropdown-item:contains('${ABSENT}')`,
            run: "click",
        },
        {
            trigger: `.o_field_widget[name='absent_unit_ids'] .o_tag:contains('${ABSENT}')`,
        },
        {
            trigger: "button[name='action_mark_held']:contains('Đã tổ chức')",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status .o_arrow_button_current:contains('Đã tổ chức')",
        },
        {
            trigger:
                ".o_field_widget[name='date_held'] :contains('10/12/2027'), .o_field_widget[name='date_held'] input:value(10/12/2027)",
        },
        {
            content: "No poll yet: prepare them from the conference",
            trigger:
                "button[name='action_view_polls']:contains('Chuẩn bị bình xét, bỏ phiếu')",
            run: "click",
        },
        ...preparePoll(POLLS[0]),
        ...preparePoll(POLLS[1]),
        ...preparePoll(POLLS[2]),
        {
            content: "Three polls open",
            trigger: ".o_list_renderer:not(:has(.o_data_row:nth-child(4)))",
        },
    ],
});

/**
 * The steps that cast the user's unit's ballot in one open poll, from the
 * list of polls.
 *
 * @param {Object} poll one of POLLS
 * @returns {Array} the tour steps
 */
function castBallot(poll) {
    return [
        {
            content: `The poll ${poll.name}`,
            trigger: `.o_data_row:contains('${poll.name}'):contains('Đang bỏ phiếu') td[name='name']`,
            run: "click",
        },
        {
            trigger: "button[name='action_cast_ballot']:contains('Bỏ phiếu')",
            run: "click",
        },
        {
            content: `Tick ${poll.chosen}`,
            trigger: `.modal .o_field_widget[name='approve_ids'] .form-check:contains('${poll.chosen}') input`,
            run: "click",
        },
        {
            trigger: ".modal-footer button:contains('Bỏ phiếu')",
            run: "click",
        },
        {
            content: "Cast: the dialog closes",
            trigger: "body:not(:has(.modal)) .o_form_view",
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
    ];
}

// A member's officer votes for his unit in each poll of the conference.
tours.add("emulation_yearend_officer_votes", {
    url: "/odoo/action-emulation_cluster.emulation_poll_action",
    steps: () => [
        {
            content: "The conference's three polls, open",
            trigger: `.o_data_row:contains('${POLLS[2].name}'):contains('Đang bỏ phiếu')`,
        },
        ...castBallot(POLLS[0]),
        ...castBallot(POLLS[1]),
        ...castBallot(POLLS[2]),
        {
            trigger: `.o_data_row:contains('${POLLS[0].name}')`,
        },
    ],
});

/**
 * The secretariat's steps in one poll: its own unit's ballot, the absent
 * member's written ballot handed in on paper and entered without its
 * name, then the round counted and the poll closed.
 *
 * @param {Object} poll one of POLLS
 * @returns {Array} the tour steps
 */
function countPoll(poll) {
    return [
        {
            content: `The poll ${poll.name}: three members have voted`,
            trigger: `.o_data_row:contains('${poll.name}') td[name='name']`,
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='ballot_count']:contains('3')",
        },
        {
            content: "The secretariat's unit votes",
            trigger: "button[name='action_cast_ballot']",
            run: "click",
        },
        {
            trigger: `.modal .o_field_widget[name='approve_ids'] .form-check:contains('${poll.chosen}') input`,
            run: "click",
        },
        {
            trigger: ".modal-footer button:contains('Bỏ phiếu')",
            run: "click",
        },
        {
            trigger:
                "body:not(:has(.modal)) .o_field_widget[name='ballot_count']:contains('4')",
        },
        {
            content: "The absent member's written ballot, handed in on paper",
            trigger: ".o_notebook .nav-link:contains('Thành viên biểu quyết')",
            run: "click",
        },
        {
            trigger: `div[name='voter_ids'] .o_data_row:contains('${ABSENT}') button[name='action_hand_in_paper']`,
            run: "click",
        },
        {
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: `body:not(:has(.modal)) div[name='voter_ids'] .o_data_row:contains('${ABSENT}') td[name='voted_round']:contains('1')`,
        },
        {
            content: "Entered without its unit: the vote is secret",
            trigger:
                "button[name='action_enter_paper_ballot']:contains('Nhập phiếu giấy')",
            run: "click",
        },
        {
            trigger: ".modal:not(:has(.o_field_widget[name='partner_id']))",
        },
        {
            trigger: `.modal .o_field_widget[name='approve_ids'] .form-check:contains('${poll.chosen}') input`,
            run: "click",
        },
        {
            trigger: ".modal-footer button:contains('Bỏ phiếu')",
            run: "click",
        },
        {
            trigger:
                "body:not(:has(.modal)) .o_field_widget[name='ballot_count']:contains('5')",
        },
        {
            trigger:
                "button[name='action_count_round']:contains('Kết thúc và kiểm phiếu vòng này')",
            run: "click",
        },
        {
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status .o_arrow_button_current:contains('Đã kết thúc')",
        },
        {
            content: "The result: chosen with five votes of five",
            trigger: ".o_notebook .nav-link:contains('Kết quả')",
            run: "click",
        },
        {
            trigger: `div[name='result_ids'] .o_data_row:contains('${poll.chosen}'):contains('Đạt') td[name='yes_count']:contains('5')`,
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Bình xét, bỏ phiếu')",
            run: "click",
        },
        {
            trigger: `.o_data_row:contains('${poll.name}'):contains('Đã kết thúc')`,
        },
    ];
}

// The secretariat enters the last ballots, counts, closes each poll and
// prints both minutes.
tours.add("emulation_yearend_secretariat_counts", {
    url: "/odoo/action-emulation_cluster.emulation_event_action",
    steps: () => [
        {
            trigger: `.o_data_row:contains('${CONFERENCE}'):contains('Đã tổ chức') td[name='name']`,
            run: "click",
        },
        {
            trigger: "button[name='action_view_polls']:contains('3')",
            run: "click",
        },
        ...countPoll(POLLS[0]),
        ...countPoll(POLLS[1]),
        ...countPoll(POLLS[2]),
        {
            content: "Back to the conference, to print its review minutes",
            trigger: `.o_breadcrumb .breadcrumb-item a:contains('${CONFERENCE}')`,
            run: "click",
        },
        {
            trigger: "button[name='action_print_minutes']:contains('Biên bản')",
            run: "click",
        },
        {
            content: "Printed: no error, the conference still shown",
            trigger: `body:not(:has(.o_error_dialog)) .o_breadcrumb .active:contains('${CONFERENCE}')`,
        },
        {
            content: "The vote-count minutes of the nomination, from its poll",
            trigger: "button[name='action_view_polls']",
            run: "click",
        },
        {
            trigger: `.o_data_row:contains('${POLLS[0].name}') td[name='name']`,
            run: "click",
        },
        {
            content: "The closed nomination: its proposals are to be made",
            trigger: "button[name='action_create_proposals']",
        },
        {
            trigger: ".o_cp_action_menus .fa-cog",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .fa-print",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .o_menu_item:contains('Biên bản kiểm phiếu')",
            run: "click",
        },
        {
            trigger: `body:not(:has(.o_error_dialog)) .o_breadcrumb .active:contains('${POLLS[0].name}')`,
        },
    ],
});

/**
 * The steps that attach a scanned paper to a line of the proposal's
 * dossier (its Dossier tab open).
 *
 * @param {String} item the dossier item's name, as the line shows it
 * @param {String} name the file's name
 * @returns {Array} the tour steps
 */
function attachDossierFile(item, name) {
    const row = `.o_field_widget[name='item_ids'] .o_data_row:contains('${item}')`;
    return [
        {
            content: `Attach ${item}`,
            trigger: `${row} td[name='file']`,
            run: "click",
        },
        {
            trigger: `${row}.o_selected_row .o_field_binary`,
            run: () =>
                uploadFile(
                    ".o_field_widget[name='item_ids'] .o_selected_row .o_field_binary input[type='file']",
                    name
                ),
        },
        {
            trigger: `${row}:contains('Đã đính kèm tệp')`,
        },
    ];
}

// The secretariat turns the nomination into its proposal, then proposes
// another unit by hand and completes its dossier with the papers it holds.
tours.add("emulation_yearend_secretariat_proposes", {
    url: "/odoo/action-emulation_cluster.emulation_poll_action",
    steps: () => [
        {
            content: "The closed nomination",
            trigger: `.o_data_row:contains('${POLLS[0].name}'):contains('Đã kết thúc') td[name='name']`,
            run: "click",
        },
        {
            trigger:
                "button[name='action_create_proposals']:contains('Lập đề nghị khen thưởng')",
            run: "click",
        },
        {
            content: "One proposal, for the unit chosen",
            trigger: `.o_breadcrumb .active:contains('Đề nghị khen thưởng')`,
        },
        {
            trigger: `.o_data_row:contains('${POLLS[0].chosen}'):contains('${FLAG}'):contains('Dự thảo') td[name='award_type_id']`,
            run: "click",
        },
        {
            content: "The minutes come from the poll; the letter is missing",
            trigger: ".alert-warning:contains('Hồ sơ còn thiếu')",
        },
        {
            trigger: ".o_notebook .nav-link:contains('Hồ sơ')",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='item_ids'] .o_data_row.text-danger:contains('Tờ trình')",
        },
        {
            trigger:
                ".o_field_widget[name='item_ids'] .o_data_row.text-success:contains('Biên bản họp bình xét')",
        },
        {
            trigger:
                ".o_field_widget[name='item_ids'] .o_data_row.text-success:contains('Biên bản kiểm phiếu')",
        },
        {
            content: "The unit's achievement report is missing: attach it",
            trigger:
                ".alert-warning .o_field_widget[name='missing_item_count']:contains('2')",
        },
        ...attachDossierFile("Báo cáo thành tích", "bao-cao-thanh-tich-kon-tum.pdf"),
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Only the letter is missing now",
            trigger:
                ".alert-warning .o_field_widget[name='missing_item_count']:contains('1')",
        },
        {
            trigger: "body:not(:has(.o_form_dirty)) .o_form_view",
        },
        {
            content: "A proposal by hand: the certificate of merit",
            trigger: ".o_menu_sections button:contains('Hoạt động trong năm')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Đề nghị khen thưởng')",
            run: "click",
        },
        {
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='plan_id'] input",
            run: "edit Tây Nguyên",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('2027')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='partner_id'] input",
            run: "edit Gia Lai",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-item:contains('Sở Nội vụ tỉnh Gia Lai')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='award_type_id'] input",
            run: `edit ${MERIT}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item:contains('${MERIT}'):not(:contains('cá nhân'))`,
            run: "click",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Its dossier: three papers missing",
            trigger:
                ".alert-warning:contains('Hồ sơ còn thiếu') .o_field_widget[name='missing_item_count']:contains('3')",
        },
        {
            trigger: ".o_notebook .nav-link:contains('Hồ sơ')",
            run: "click",
        },
        ...attachDossierFile("Báo cáo thành tích", "bao-cao-thanh-tich-gia-lai.pdf"),
        ...attachDossierFile(
            "Biên bản họp bình xét",
            "bien-ban-binh-xet-bang-khen.pdf"
        ),
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Only the letter is missing now",
            trigger:
                ".alert-warning .o_field_widget[name='missing_item_count']:contains('1')",
        },
        {
            trigger:
                ".o_field_widget[name='item_ids'] .o_data_row.text-success:contains('Báo cáo thành tích')",
        },
        {
            content: "Saved",
            trigger: "body:not(:has(.o_form_dirty)) .o_form_view",
        },
    ],
});

// The secretariat writes the letter that sends both proposals, numbers it
// and sends it to the council with the day it left.
tours.add("emulation_yearend_secretariat_sends_the_letter", {
    url: "/odoo/action-emulation_cluster.emulation_award_letter_action",
    steps: () => [
        {
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='plan_id'] input",
            run: "edit Tây Nguyên",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('2027')",
            run: "click",
        },
        {
            content: "The plan gives the signer",
            trigger: ".o_notebook .nav-link:contains('Ký và nơi nhận')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='signer_name'] input:value(Y Phương)",
        },
        {
            trigger: ".o_field_widget[name='issue_date'] input",
            run: "edit 18/12/2027",
        },
        {
            trigger: ".o_field_widget[name='addressee'] input",
            run: "edit Hội đồng Thi đua - Khen thưởng Bộ Nội vụ",
        },
        {
            content: "Where and by whom it is issued, as it will print",
            trigger: ".o_field_widget[name='issue_place'] input",
            run: "edit Gia Nghĩa",
        },
        {
            trigger: ".o_field_widget[name='issuer_name'] input",
            run: "edit Cụm thi đua các tỉnh Tây Nguyên",
        },
        {
            content: "The proposals it sends",
            trigger: ".o_notebook .nav-link:contains('Đề nghị')",
            run: "click",
        },
        {
            trigger: "div[name='proposal_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Both drafts of the plan",
            trigger: ".modal .o_data_row:contains('Sở Nội vụ tỉnh Gia Lai')",
        },
        {
            trigger: ".modal thead .o_list_record_selector input",
            run: "click",
        },
        {
            trigger: ".modal .o_select_button",
            run: "click",
        },
        {
            trigger: `div[name='proposal_ids'] .o_data_row:contains('${POLLS[0].chosen}')`,
        },
        {
            trigger: ".o_field_widget[name='collective_count']:contains('2')",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: "button[name='action_assign_number']:contains('Lấy số văn bản')",
            run: "click",
        },
        {
            content: "Numbered the year it is sent",
            trigger: ".o_field_widget[name='number']:contains('01/TTr-')",
        },
        {
            trigger:
                "button[name='action_open_submit_wizard']:contains('Gửi Hội đồng')",
            run: "click",
        },
        {
            content: "The day it left, not today",
            trigger: ".modal .o_field_widget[name='act_date'] input",
            run: "edit 20/12/2027",
        },
        {
            content: "The button says what it does",
            trigger:
                ".modal button[name='action_confirm']:contains('Ghi nhận theo ngày này')",
            run: "click",
        },
        {
            trigger:
                "body:not(:has(.modal)) .o_statusbar_status .o_arrow_button_current:contains('Đã trình Hội đồng')",
        },
        {
            trigger: ".o_field_widget[name='submit_date']:contains('20/12/2027')",
        },
        {
            content: "Both proposals before the council",
            trigger: ".o_notebook .nav-link:contains('Đề nghị')",
            run: "click",
        },
        {
            trigger:
                "div[name='proposal_ids'] .o_list_renderer:not(:has(.o_data_row:not(:contains('Đã trình Hội đồng'))))",
        },
    ],
});

// The council, from its first screen: approves the flag with its
// decision's number and date, rejects the certificate with its grounds.
tours.add("emulation_yearend_council_decides", {
    url: "/odoo",
    steps: () => [
        {
            content: "The emulation app",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            trigger: ".o_app[data-menu-xmlid='emulation_cluster.menu_root']",
            run: "click",
        },
        {
            content: "Its first screen: what awaits its decision",
            trigger: ".o_breadcrumb .active:contains('Đang trình Hội đồng')",
        },
        {
            trigger:
                ".o_data_row:contains('Sở Nội vụ tỉnh Gia Lai'):contains('20/12/2027')",
        },
        {
            trigger: `.o_data_row:contains('${POLLS[0].chosen}'):contains('${FLAG}') td[name='partner_id']`,
            run: "click",
        },
        {
            trigger: ".o_notebook .nav-link:contains('Quyết định của Hội đồng')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='decision_number'] input",
            run: "edit 85/QĐ-TTg",
        },
        {
            content: "Leave the number for the date",
            trigger: ".o_field_widget[name='decision_date'] input",
            run: "click",
        },
        {
            content: "Dated today by default: give the decision's own day",
            trigger: ".o_field_widget[name='decision_date'] input:value(15/01/2028)",
            run: "edit 14/01/2028",
        },
        {
            trigger: "button[name='action_approve']:contains('Phê duyệt')",
            run: "click",
        },
        {
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Đã phê duyệt')",
        },
        {
            content: "Back to what still awaits",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Đang trình Hội đồng')",
            run: "click",
        },
        {
            content: "The flag decided: only the certificate left",
            trigger: `.o_list_renderer:not(:contains('${FLAG}')) .o_data_row:contains('Sở Nội vụ tỉnh Gia Lai') td[name='partner_id']`,
            run: "click",
        },
        {
            trigger: ".o_notebook .nav-link:contains('Quyết định của Hội đồng')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='rejection_reason'] textarea",
            run: "edit Đơn vị chưa đủ 05 năm liên tục hoàn thành xuất sắc nhiệm vụ.",
        },
        {
            trigger: "button[name='action_reject']:contains('Không phê duyệt')",
            run: "click",
        },
        {
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains('Không được phê duyệt')",
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Đang trình Hội đồng')",
            run: "click",
        },
        {
            content: "Nothing awaits the council any more",
            trigger: ".o_view_nocontent, .o_list_renderer:not(:has(.o_data_row))",
        },
    ],
});

// The administrator rolls the plan over to next year, with the leader and
// deputy the conference elected.
tours.add("emulation_yearend_admin_rolls_over", {
    url: "/odoo/action-emulation_cluster.emulation_plan_action",
    steps: () => [
        {
            trigger:
                ".o_data_row:contains('2027'):contains('Tây Nguyên') td[name='name'], .o_kanban_record:contains('2027'):contains('Tây Nguyên')",
            run: "click",
        },
        {
            trigger:
                "button[name='action_open_rollover_wizard']:contains('Chuyển sang năm sau')",
            run: "click",
        },
        {
            content: "Elected by the conference",
            trigger: ".modal .alert-info:contains('Do hội nghị tổng kết bầu.')",
        },
        {
            trigger:
                ".modal .o_field_widget[name='leader_id']:contains('Sở Nội vụ tỉnh Gia Lai')",
        },
        {
            trigger:
                ".modal .o_field_widget[name='deputy_id']:contains('Sở Nội vụ tỉnh Kon Tum')",
        },
        {
            trigger: ".modal .o_field_widget[name='member_count']:contains('5')",
        },
        {
            trigger:
                ".modal button[name='action_confirm']:contains('Lập kế hoạch năm sau')",
            run: "click",
        },
        {
            content: "Next year's draft plan",
            trigger:
                "body:not(:has(.modal)) .o_field_widget[name='year'] input:value(2028), body:not(:has(.modal)) .o_field_widget[name='year']:contains('2028')",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Dự thảo')",
        },
        {
            trigger:
                ".o_field_widget[name='leader_id']:contains('Sở Nội vụ tỉnh Gia Lai'), .o_field_widget[name='leader_id'] input:value(Sở Nội vụ tỉnh Gia Lai)",
        },
    ],
});
