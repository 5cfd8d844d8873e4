/* Copyright 2026 emulation_cluster developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
/* global DataTransfer, document, Event, File */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// On a phone (375 px wide), the officer opens what his unit owes, opens the
// report due, attaches it and files it with the button in sight.
tours.add("emulation_officer_files_on_phone", {
    url: "/odoo/action-emulation_cluster.emulation_unit_duty_action",
    steps: () => [
        {
            content: "Open the report owed, with its days left",
            trigger:
                ".o_data_row:contains('Báo cáo quý tour'):contains('ngày') td[name='name']",
            run: "click",
        },
        {
            content: "The filing button is in sight, not in the ⚙ menu",
            trigger:
                ".o_form_sheet .d-md-none button[name='action_open_file_wizard']:contains('Nộp báo cáo'):visible",
        },
        {
            content: "Attach the report",
            trigger: ".o_field_many2many_binary",
            run: () => {
                const input = document.querySelector(
                    ".o_field_many2many_binary input[type='file']"
                );
                const transfer = new DataTransfer();
                transfer.items.add(
                    new File(["%PDF-1.4 phone"], "bao-cao-quy.pdf", {
                        type: "application/pdf",
                    })
                );
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            trigger: ".o_field_many2many_binary .o_attachment:contains('bao-cao-quy')",
        },
        {
            content: "File it from the sheet",
            trigger: ".o_form_sheet .d-md-none button[name='action_open_file_wizard']",
            run: "click",
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
            content: "Nothing left to file: the button is gone",
            trigger:
                ".o_form_sheet:not(:has(button[name='action_open_file_wizard']:visible))",
        },
    ],
});
