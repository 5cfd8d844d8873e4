/* Copyright 2026 emulation_cluster developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
/* global DataTransfer, document, Event, fetch, File */
import {registry} from "@web/core/registry";

// A cluster set up from nothing in the web client, in Vietnamese, by a new
// administrator; then its officer's first screen. The steps are written out
// one by one: tests/test_tours.py counts those a person does (the steps with
// a `run`) and the README quotes the figure, so no step is generated here.

const tours = registry.category("web_tour.tours");

/**
 * Give the import screen the sample spreadsheet it offers, as a user who
 * downloaded it and chose it in the file dialog: the bytes behind the
 * page's own link, through the page's file input (base_import's upload).
 */
async function uploadSample() {
    const link = document.querySelector("a[href*='emulation_criteria_vi.xlsx']");
    const response = await fetch(link.getAttribute("href"));
    const file = new File([await response.blob()], "emulation_criteria_vi.xlsx", {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const input = document.querySelector(
        ".o_control_panel_main_buttons input[type='file']"
    );
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

tours.add("emulation_new_cluster_from_nothing", {
    url: "/odoo",
    steps: () => [
        {
            content: "The apps",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Emulation",
            trigger: ".o_app[data-menu-xmlid='emulation_cluster.menu_root']",
            run: "click",
        },
        {
            content: "The app opens on the year at a glance: no plan yet",
            trigger:
                ".o_breadcrumb:contains('Toàn cảnh năm thi đua'), .o_view_nocontent:contains('Chưa có kế hoạch nào đang thực hiện')",
        },
        {
            content: "Configuration",
            trigger: ".o_menu_sections button:contains('Cấu hình')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Khối thi đua')",
            run: "click",
        },
        {
            content: "A new cluster",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Cụm thi đua các tỉnh Tây Nguyên",
        },
        {
            content: "Its organising regulation, made from here",
            trigger: ".o_field_widget[name='regulation_id'] input",
            run: "edit 08/QĐ-CTĐTN",
        },
        {
            trigger: ".o_m2o_dropdown_option_create_edit a",
            run: "click",
        },
        {
            content: "A regulation by default, its number as typed",
            trigger:
                ".modal .o_field_widget[name='document_type'] select:has(option:selected:contains('Quy chế'))",
        },
        {
            trigger: ".modal .o_field_widget[name='name'] input:value(08/QĐ-CTĐTN)",
        },
        {
            trigger: ".modal .o_field_widget[name='date'] input",
            run: "edit 01/12/2026",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='regulation_id'] input:value(08/QĐ-CTĐTN)",
        },
        {
            content: "Add the member Sở Nội vụ tỉnh Đắk Lắk",
            trigger: "div[name='membership_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                "div[name='membership_ids'] .o_selected_row div[name='partner_id'] input:not(:value(Sở))",
            run: "edit Sở Nội vụ tỉnh Đắk Lắk",
        },
        {
            content: "Quick-create the unit",
            trigger:
                ".o_m2o_dropdown_option_create a:contains('Sở Nội vụ tỉnh Đắk Lắk')",
            run: "click",
        },
        {
            trigger:
                "div[name='membership_ids'] .o_selected_row div[name='partner_id'] input:value(Sở Nội vụ tỉnh Đắk Lắk)",
        },
        {
            content: "Add the member Sở Nội vụ tỉnh Gia Lai",
            trigger: "div[name='membership_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                "div[name='membership_ids'] .o_selected_row div[name='partner_id'] input:not(:value(Sở))",
            run: "edit Sở Nội vụ tỉnh Gia Lai",
        },
        {
            content: "Quick-create the unit",
            trigger:
                ".o_m2o_dropdown_option_create a:contains('Sở Nội vụ tỉnh Gia Lai')",
            run: "click",
        },
        {
            trigger:
                "div[name='membership_ids'] .o_selected_row div[name='partner_id'] input:value(Sở Nội vụ tỉnh Gia Lai)",
        },
        {
            content: "Add the member Sở Nội vụ tỉnh Kon Tum",
            trigger: "div[name='membership_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                "div[name='membership_ids'] .o_selected_row div[name='partner_id'] input:not(:value(Sở))",
            run: "edit Sở Nội vụ tỉnh Kon Tum",
        },
        {
            content: "Quick-create the unit",
            trigger:
                ".o_m2o_dropdown_option_create a:contains('Sở Nội vụ tỉnh Kon Tum')",
            run: "click",
        },
        {
            trigger:
                "div[name='membership_ids'] .o_selected_row div[name='partner_id'] input:value(Sở Nội vụ tỉnh Kon Tum)",
        },
        {
            content: "Add the member Sở Nội vụ tỉnh Đắk Nông",
            trigger: "div[name='membership_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                "div[name='membership_ids'] .o_selected_row div[name='partner_id'] input:not(:value(Sở))",
            run: "edit Sở Nội vụ tỉnh Đắk Nông",
        },
        {
            content: "Quick-create the unit",
            trigger:
                ".o_m2o_dropdown_option_create a:contains('Sở Nội vụ tỉnh Đắk Nông')",
            run: "click",
        },
        {
            trigger:
                "div[name='membership_ids'] .o_selected_row div[name='partner_id'] input:value(Sở Nội vụ tỉnh Đắk Nông)",
        },
        {
            content: "Add the member Sở Nội vụ tỉnh Lâm Đồng",
            trigger: "div[name='membership_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                "div[name='membership_ids'] .o_selected_row div[name='partner_id'] input:not(:value(Sở))",
            run: "edit Sở Nội vụ tỉnh Lâm Đồng",
        },
        {
            content: "Quick-create the unit",
            trigger:
                ".o_m2o_dropdown_option_create a:contains('Sở Nội vụ tỉnh Lâm Đồng')",
            run: "click",
        },
        {
            trigger:
                "div[name='membership_ids'] .o_selected_row div[name='partner_id'] input:value(Sở Nội vụ tỉnh Lâm Đồng)",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Five members",
            trigger: ".o_field_widget[name='member_count']:contains('5')",
        },
        {
            content: "An officer of Sở Nội vụ tỉnh Đắk Lắk, from the cluster's list",
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
            run: "edit Trần Thị Lan",
        },
        {
            trigger: ".modal .o_field_widget[name='email'] input",
            run: "edit lan.tt@snv.daklak.gov.vn",
        },
        {
            content: "Invited by e-mail to choose a password",
            trigger: ".modal .o_field_widget[name='send_invitation'] input:checked",
        },
        {
            trigger: ".modal button[name='action_add']",
            run: "click",
        },
        {
            content: "The unit's row names its officer",
            trigger:
                "div[name='membership_ids'] .o_data_row:contains('Sở Nội vụ tỉnh Đắk Lắk') div[name='officer_ids']:contains('Trần Thị Lan')",
        },
        {
            content: "An officer of Sở Nội vụ tỉnh Gia Lai, from the cluster's list",
            trigger:
                "div[name='membership_ids'] .o_data_row:contains('Sở Nội vụ tỉnh Gia Lai') button[name='action_open_officer_wizard']",
            run: "click",
        },
        {
            trigger:
                ".modal .o_field_widget[name='unit_id']:contains('Sở Nội vụ tỉnh Gia Lai')",
        },
        {
            trigger: ".modal .o_field_widget[name='name'] input",
            run: "edit Rơ Mah Hiền",
        },
        {
            trigger: ".modal .o_field_widget[name='email'] input",
            run: "edit hien.rm@snv.gialai.gov.vn",
        },
        {
            content: "Invited by e-mail to choose a password",
            trigger: ".modal .o_field_widget[name='send_invitation'] input:checked",
        },
        {
            trigger: ".modal button[name='action_add']",
            run: "click",
        },
        {
            content: "The unit's row names its officer",
            trigger:
                "div[name='membership_ids'] .o_data_row:contains('Sở Nội vụ tỉnh Gia Lai') div[name='officer_ids']:contains('Rơ Mah Hiền')",
        },
        {
            content: "An officer of Sở Nội vụ tỉnh Kon Tum, from the cluster's list",
            trigger:
                "div[name='membership_ids'] .o_data_row:contains('Sở Nội vụ tỉnh Kon Tum') button[name='action_open_officer_wizard']",
            run: "click",
        },
        {
            trigger:
                ".modal .o_field_widget[name='unit_id']:contains('Sở Nội vụ tỉnh Kon Tum')",
        },
        {
            trigger: ".modal .o_field_widget[name='name'] input",
            run: "edit A Tuấn",
        },
        {
            trigger: ".modal .o_field_widget[name='email'] input",
            run: "edit tuan.a@snv.kontum.gov.vn",
        },
        {
            content: "Invited by e-mail to choose a password",
            trigger: ".modal .o_field_widget[name='send_invitation'] input:checked",
        },
        {
            trigger: ".modal button[name='action_add']",
            run: "click",
        },
        {
            content: "The unit's row names its officer",
            trigger:
                "div[name='membership_ids'] .o_data_row:contains('Sở Nội vụ tỉnh Kon Tum') div[name='officer_ids']:contains('A Tuấn')",
        },
        {
            content: "An officer of Sở Nội vụ tỉnh Đắk Nông, from the cluster's list",
            trigger:
                "div[name='membership_ids'] .o_data_row:contains('Sở Nội vụ tỉnh Đắk Nông') button[name='action_open_officer_wizard']",
            run: "click",
        },
        {
            trigger:
                ".modal .o_field_widget[name='unit_id']:contains('Sở Nội vụ tỉnh Đắk Nông')",
        },
        {
            trigger: ".modal .o_field_widget[name='name'] input",
            run: "edit Lê Văn Nông",
        },
        {
            trigger: ".modal .o_field_widget[name='email'] input",
            run: "edit nong.lv@snv.daknong.gov.vn",
        },
        {
            content: "Invited by e-mail to choose a password",
            trigger: ".modal .o_field_widget[name='send_invitation'] input:checked",
        },
        {
            trigger: ".modal button[name='action_add']",
            run: "click",
        },
        {
            content: "The unit's row names its officer",
            trigger:
                "div[name='membership_ids'] .o_data_row:contains('Sở Nội vụ tỉnh Đắk Nông') div[name='officer_ids']:contains('Lê Văn Nông')",
        },
        {
            content: "An officer of Sở Nội vụ tỉnh Lâm Đồng, from the cluster's list",
            trigger:
                "div[name='membership_ids'] .o_data_row:contains('Sở Nội vụ tỉnh Lâm Đồng') button[name='action_open_officer_wizard']",
            run: "click",
        },
        {
            trigger:
                ".modal .o_field_widget[name='unit_id']:contains('Sở Nội vụ tỉnh Lâm Đồng')",
        },
        {
            trigger: ".modal .o_field_widget[name='name'] input",
            run: "edit Phạm Thu Đà",
        },
        {
            trigger: ".modal .o_field_widget[name='email'] input",
            run: "edit da.pt@snv.lamdong.gov.vn",
        },
        {
            content: "Invited by e-mail to choose a password",
            trigger: ".modal .o_field_widget[name='send_invitation'] input:checked",
        },
        {
            trigger: ".modal button[name='action_add']",
            run: "click",
        },
        {
            content: "The unit's row names its officer",
            trigger:
                "div[name='membership_ids'] .o_data_row:contains('Sở Nội vụ tỉnh Lâm Đồng') div[name='officer_ids']:contains('Phạm Thu Đà')",
        },
        {
            content: "The cluster's rules",
            trigger: "button[name='action_view_rules']",
            run: "click",
        },
        {
            content: "A new rule: Chấm điểm và xếp hạng",
            trigger:
                ".o_control_panel_main_buttons .o_list_button_add, .o_control_panel_main_buttons .o_form_button_create",
            run: "click",
        },
        {
            content: "The cluster's own, set by its regulation, from its date",
            trigger:
                ".o_field_widget[name='cluster_id'] input:value(Cụm thi đua các tỉnh Tây Nguyên)",
        },
        {
            trigger: ".o_field_widget[name='document_id'] input:value(08/QĐ-CTĐTN)",
        },
        {
            trigger: ".o_field_widget[name='date_from'] input:value(01/12/2026)",
        },
        {
            content: "The new rule's form, not the one just saved",
            trigger: ".o_breadcrumb .active:not(:contains('Cụm Tây Nguyên'))",
        },
        {
            trigger: ".o_field_widget[name='rule_type'] select",
            run: "selectByLabel Chấm điểm và xếp hạng",
        },
        {
            content: "Its page follows the kind",
            trigger: ".o_notebook .nav-link.active:contains('Chấm điểm và xếp hạng')",
        },
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Chấm điểm, xếp hạng Cụm Tây Nguyên",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, under its legal basis",
            trigger:
                ".o_breadcrumb .active:contains('Chấm điểm, xếp hạng Cụm Tây Nguyên')",
        },
        {
            content: "A new rule: Biểu quyết",
            trigger:
                ".o_control_panel_main_buttons .o_list_button_add, .o_control_panel_main_buttons .o_form_button_create",
            run: "click",
        },
        {
            content: "The new rule's form, not the one just saved",
            trigger: ".o_breadcrumb .active:not(:contains('Cụm Tây Nguyên'))",
        },
        {
            trigger: ".o_field_widget[name='rule_type'] select",
            run: "selectByLabel Biểu quyết",
        },
        {
            content: "Its page follows the kind",
            trigger: ".o_notebook .nav-link.active:contains('Biểu quyết')",
        },
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Biểu quyết suy tôn Cụm Tây Nguyên",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, under its legal basis",
            trigger:
                ".o_breadcrumb .active:contains('Biểu quyết suy tôn Cụm Tây Nguyên')",
        },
        {
            content: "A new rule: Xếp loại kết quả",
            trigger:
                ".o_control_panel_main_buttons .o_list_button_add, .o_control_panel_main_buttons .o_form_button_create",
            run: "click",
        },
        {
            content: "The new rule's form, not the one just saved",
            trigger: ".o_breadcrumb .active:not(:contains('Cụm Tây Nguyên'))",
        },
        {
            trigger: ".o_field_widget[name='rule_type'] select",
            run: "selectByLabel Xếp loại kết quả",
        },
        {
            content: "Its page follows the kind",
            trigger: ".o_notebook .nav-link.active:contains('Các mức xếp loại')",
        },
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Xếp loại thi đua Cụm Tây Nguyên",
        },
        {
            content: "Add a classification",
            trigger: "div[name='classification_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                "div[name='classification_ids'] .o_selected_row div[name='name'] input",
            run: "edit Hoàn thành xuất sắc",
        },
        {
            trigger:
                "div[name='classification_ids'] .o_selected_row div[name='min_points'] input",
            run: "edit 90",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, under its legal basis",
            trigger:
                ".o_breadcrumb .active:contains('Xếp loại thi đua Cụm Tây Nguyên')",
        },
        {
            content: "A new rule: Số lượng đề nghị khen thưởng",
            trigger:
                ".o_control_panel_main_buttons .o_list_button_add, .o_control_panel_main_buttons .o_form_button_create",
            run: "click",
        },
        {
            content: "The new rule's form, not the one just saved",
            trigger: ".o_breadcrumb .active:not(:contains('Cụm Tây Nguyên'))",
        },
        {
            trigger: ".o_field_widget[name='rule_type'] select",
            run: "selectByLabel Số lượng đề nghị khen thưởng",
        },
        {
            content: "Its page follows the kind",
            trigger:
                ".o_notebook .nav-link.active:contains('Số lượng đề nghị khen thưởng')",
        },
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Số lượng đề nghị khen thưởng Cụm Tây Nguyên",
        },
        {
            content: "Add a quota",
            trigger: "div[name='quota_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                "div[name='quota_ids'] .o_selected_row div[name='award_type_id'] input",
            run: "edit Cờ thi đua của Chính phủ",
        },
        {
            trigger:
                ".o-autocomplete--dropdown-item:contains('Cờ thi đua của Chính phủ')",
            run: "click",
        },
        {
            trigger:
                "div[name='quota_ids'] .o_selected_row div[name='max_count'] input",
            run: "edit 1",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, under its legal basis",
            trigger:
                ".o_breadcrumb .active:contains('Số lượng đề nghị khen thưởng Cụm Tây Nguyên')",
        },
        {
            content: "A new rule: Đề nghị khen thưởng: tỷ lệ và thời hạn",
            trigger:
                ".o_control_panel_main_buttons .o_list_button_add, .o_control_panel_main_buttons .o_form_button_create",
            run: "click",
        },
        {
            content: "The new rule's form, not the one just saved",
            trigger: ".o_breadcrumb .active:not(:contains('Cụm Tây Nguyên'))",
        },
        {
            trigger: ".o_field_widget[name='rule_type'] select",
            run: "selectByLabel Đề nghị khen thưởng: tỷ lệ và thời hạn",
        },
        {
            content: "Its page follows the kind",
            trigger:
                ".o_notebook .nav-link.active:contains('Tỷ lệ và thời hạn khen thưởng')",
        },
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Tỷ lệ, thời hạn đề nghị khen thưởng Cụm Tây Nguyên",
        },
        {
            content: "Add a quota and deadline",
            trigger: "div[name='award_rule_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger:
                "div[name='award_rule_ids'] .o_selected_row div[name='award_type_id'] input",
            run: "edit Bằng khen của Bộ",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Bằng khen của Bộ')",
            run: "click",
        },
        {
            trigger:
                "div[name='award_rule_ids'] .o_selected_row div[name='deadline_day'] input",
            run: "edit 15",
        },
        {
            trigger:
                "div[name='award_rule_ids'] .o_selected_row div[name='deadline_month'] input",
            run: "edit 3",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, under its legal basis",
            trigger:
                ".o_breadcrumb .active:contains('Tỷ lệ, thời hạn đề nghị khen thưởng Cụm Tây Nguyên')",
        },
        {
            content: "Back to the cluster",
            trigger:
                ".o_breadcrumb .breadcrumb-item a:contains('Cụm thi đua các tỉnh Tây Nguyên')",
            run: "click",
        },
        {
            content: "Its criteria templates",
            trigger: "button[name='action_view_criterion_templates']",
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Set by the cluster's regulation, from its date",
            trigger: ".o_field_widget[name='document_id'] input:value(08/QĐ-CTĐTN)",
        },
        {
            trigger: ".o_field_widget[name='date_from'] input:value(01/12/2026)",
        },
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Bộ tiêu chí chấm điểm Cụm Tây Nguyên",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "To its criteria, where they are imported",
            trigger: "button[name='action_open_criteria']",
            run: "click",
        },
        {
            trigger: ".o_cp_action_menus .dropdown-toggle",
            run: "click",
        },
        {
            trigger: ".o_import_menu",
            run: "click",
        },
        {
            content: "The import offers the sample spreadsheet",
            trigger: "a[href*='emulation_criteria_vi.xlsx']",
        },
        {
            content: "Upload the sample (the file the page offers)",
            trigger: ".o_control_panel_main_buttons .o_import_file",
            run: () => uploadSample(),
        },
        {
            content: "Its Vietnamese columns matched",
            trigger: ".o_import_data_content:contains('Mã')",
        },
        {
            trigger:
                ".o_control_panel_main_buttons button.btn-primary:not(.o_import_file)",
            run: "click",
        },
        {
            content: "The criteria, imported",
            trigger: ".o_data_row:contains('I.2')",
        },
        {
            trigger:
                ".o_breadcrumb .breadcrumb-item a:contains('Bộ tiêu chí chấm điểm Cụm Tây Nguyên')",
            run: "click",
        },
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
        {
            content: "Validated",
            trigger:
                ".o_statusbar_status .o_arrow_button_current:contains('Đã phê duyệt')",
        },
        {
            content: "The plan, from the cluster",
            trigger:
                ".o_breadcrumb .breadcrumb-item a:contains('Cụm thi đua các tỉnh Tây Nguyên')",
            run: "click",
        },
        {
            trigger: "button[name='action_view_plans']",
            run: "click",
        },
        {
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "The cluster's plan: leader, deputy and legal basis filled in",
            trigger:
                ".o_field_widget[name='cluster_id']:contains('Cụm thi đua các tỉnh Tây Nguyên'), .o_field_widget[name='cluster_id'] input:value(Cụm thi đua các tỉnh Tây Nguyên)",
        },
        {
            trigger:
                ".o_field_widget[name='leader_id'] input:value(Sở Nội vụ tỉnh Đắk Lắk)",
        },
        {
            trigger:
                ".o_field_widget[name='deputy_id'] input:value(Sở Nội vụ tỉnh Gia Lai)",
        },
        {
            trigger: "div[name='basis_ids'] .o_data_row:contains('08/QĐ-CTĐTN')",
        },
        {
            trigger: ".o_field_widget[name='year'] input",
            run: "edit 2027",
        },
        {
            content: "Number and date in one click",
            trigger: "button[name='action_assign_number']",
            run: "click",
        },
        {
            content: "The title follows the year",
            trigger: ".o_field_widget[name='name'] input:value(2027)",
        },
        {
            trigger: ".o_field_widget[name='number'] input:value(1/KH-CTĐ)",
        },
        {
            trigger: ".o_notebook .nav-link:contains('Nội dung')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='purpose'] .odoo-editor-editable",
            run: "editor Đẩy mạnh phong trào thi đua các tỉnh Tây Nguyên năm 2027.",
        },
        {
            content: "The conference",
            trigger: ".o_notebook .nav-link:contains('Hoạt động')",
            run: "click",
        },
        {
            trigger: "div[name='event_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='name'] input",
            run: "edit Hội nghị tổng kết Cụm năm 2027",
        },
        {
            trigger: ".modal .o_field_widget[name='date_start'] input",
            run: "edit 10/12/2027 08:00:00",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger:
                "div[name='event_ids'] .o_data_row:contains('Hội nghị tổng kết Cụm năm 2027')",
        },
        {
            content: "Two reporting deadlines",
            trigger: ".o_notebook .nav-link:contains('Chế độ báo cáo')",
            run: "click",
        },
        {
            trigger: "div[name='obligation_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='name'] input",
            run: "edit Báo cáo sơ kết 6 tháng năm 2027",
        },
        {
            trigger: ".modal .o_field_widget[name='deadline'] input",
            run: "edit 15/06/2027",
        },
        {
            trigger: ".modal .o_form_button_save_new",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='name'] input:not(:value(Báo cáo))",
            run: "edit Báo cáo tổng kết năm 2027",
        },
        {
            trigger: ".modal .o_field_widget[name='deadline'] input",
            run: "edit 20/11/2027",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger:
                "div[name='obligation_ids'] .o_data_row:contains('Báo cáo tổng kết năm 2027')",
        },
        {
            trigger:
                "div[name='obligation_ids'] .o_data_row:contains('Báo cáo sơ kết 6 tháng năm 2027')",
        },
        {
            content: "Its signer",
            trigger: ".o_notebook .nav-link:contains('Văn bản')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='signer_name'] input",
            run: "edit Y Phương",
        },
        {
            content: "Its criteria: the template just validated",
            trigger: "button[name='action_view_criteria']",
            run: "click",
        },
        {
            trigger:
                ".modal .o_field_widget[name='template_id'] input:value(Bộ tiêu chí chấm điểm Cụm Tây Nguyên)",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The year's own copy",
            trigger: ".o_field_widget[name='total_max']:contains('100')",
        },
        {
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('KH-CTĐ')",
            run: "click",
        },
        {
            content: "Issue it",
            trigger: "button[name='action_open_issue_wizard']",
            run: "click",
        },
        {
            trigger: ".modal button[name='action_issue']",
            run: "click",
        },
        {
            content: "Issued",
            trigger:
                ".o_statusbar_status .o_arrow_button_current:contains('Đã ban hành')",
        },
    ],
});

// One of the new officers logs in: his first screen is what his unit owes,
// his two reports with their deadlines, soonest first, nothing of another
// cluster.
tours.add("emulation_new_officer_first_screen", {
    url: "/odoo",
    steps: () => [
        {
            content: "His first screen: what his unit owes",
            trigger: ".o_breadcrumb:contains('Việc đơn vị tôi phải làm')",
        },
        {
            content: "The mid-year report, due 15/06/2027",
            trigger:
                ".o_data_row:contains('Báo cáo sơ kết 6 tháng năm 2027'):contains('15/06/2027')",
        },
        {
            content: "Then the year's report, due 20/11/2027",
            trigger:
                ".o_data_row:contains('15/06/2027') ~ .o_data_row:contains('Báo cáo tổng kết năm 2027'):contains('20/11/2027')",
        },
        {
            content: "Of his cluster",
            trigger:
                ".o_data_row:contains('Báo cáo tổng kết năm 2027') td[name='cluster_id']:contains('Cụm thi đua các tỉnh Tây Nguyên')",
        },
        {
            content: "Nothing of the Northern cluster",
            trigger: ".o_list_renderer:not(:contains('Bắc Bộ'))",
        },
    ],
});
