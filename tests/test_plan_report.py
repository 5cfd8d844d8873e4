# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from html import unescape

from odoo.tests import tagged

from .common import EmulationCommon

REPORT = "emulation_cluster.action_report_emulation_plan"


@tagged("post_install", "-at_install")
class TestPlanReport(EmulationCommon):
    def _render_text(self, plan, user=None):
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        html = Report._render_qweb_html(REPORT, plan.ids)[0].decode()
        html = re.sub(r"<style.*?</style>", "", html, flags=re.S)
        text = unescape(re.sub(r"<[^>]+>", " ", html))
        return re.sub(r"\s+", " ", text)

    def test_demo_plan_reproduces_the_seed(self):
        plan = self.env.ref("emulation_cluster.plan_2020_bac_bo_demo")
        self.assertEqual(plan.state, "issued")
        text = self._render_text(plan)
        expected = [
            "Số: 790/KH-CTĐ",
            "Hải Phòng, ngày 26 tháng 3 năm 2020",
            "KẾ HOẠCH",
            "Hoạt động của Cụm Thi đua các tỉnh, thành Bắc Bộ năm 2020",
            "Thực hiện Công văn số 462/BNV-VP ngày 31/01/2020 của Bộ Nội vụ về việc "
            "hướng dẫn và phát động phong trào thi đua năm 2020.",
            "Căn cứ Quyết định số 369/QĐ-CTĐ ngày 27/5/2019 về việc ban hành Quy chế "
            "tổ chức và hoạt động của Cụm Thi đua các tỉnh, thành Bắc Bộ; nội dung "
            "Giao ước thi đua năm 2020",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. TRIỂN KHAI THỰC HIỆN NỘI DUNG GIAO ƯỚC THI ĐUA NĂM 2020",
            "Chỉ thị số 34-CT/TW ngày 07/4/2014",
            "Chỉ thị số 05-CT/TW ngày 15/5/2016",
            "Quy định số 08-QĐ/TW ngày 25/10/2018",
            "Nghị quyết số 04-NQ/TW, ngày 30/10/2016",
            "Quy định số 47-QĐ/TW",
            "Chỉ thị số 26-CT/TTg ngày 05/9/2016",
            "III. HOẠT ĐỘNG CỦA CỤM THI ĐUA",
            "1. Phát động phong trào thi đua và đăng ký thi đua",
            "2.1. Ký kết Giao ước thi đua và triển khai Kế hoạch hoạt động của Cụm "
            "thi đua năm 2020",
            "- Thời gian: tháng 3/2020",
            "Công văn số 1305/BNV-VP ngày 15/3/2020",
            "- Phân công: Đơn vị Cụm trưởng chuẩn bị nội dung, xin ý kiến thành viên",
            "2.2. Hội nghị Sơ kết hoạt động 6 tháng đầu năm 2020",
            "- Thời gian: Dự kiến trong tháng 6/2020",
            "- Địa điểm: Tại tỉnh Nam Định (đơn vị Cụm phó).",
            "+ Đơn vị Cụm trưởng: chuẩn bị nội dung báo cáo sơ kết 6 tháng",
            "+ Đơn vị Cụm phó: triển khai giấy mời, chuẩn bị các điều kiện "
            "cho hội nghị.",
            "2.3. Hội diễn nghệ thuật quần chúng và giải thể thao",
            "Thực hiện theo Kế hoạch số 1094/KH-BNV ngày 03/3/2020 của Bộ Nội vụ",
            "Công văn số 1538/BNV-CD ngày 25/3/2020 của Bộ Nội vụ về việc tạm dừng "
            "hoạt động văn nghệ, thể thao",
            "2.4. Hội nghị Tổng kết hoạt động năm 2020",
            "+ Thống nhất suy tôn đơn vị Cụm trưởng, Cụm phó năm 2021.",
            "- Thời gian: Dự kiến đầu tháng 12/2020",
            "- Địa điểm: Tại thành phố Hải Phòng (đơn vị Cụm trưởng).",
            "3. Chế độ thông tin, báo cáo",
            "- Báo cáo Sơ kết 6 tháng đầu năm gửi về đơn vị Cụm trưởng trước ngày "
            "15/6/2020;",
            "Báo cáo Tổng kết năm 2020, phương hướng nhiệm vụ năm 2021; Bảng tự chấm "
            "điểm thi đua năm 2020 gửi về đơn vị Cụm trưởng trước ngày 20/11/2020",
            "Hồ sơ đề nghị khen thưởng thực hiện theo quy định tại Công văn số "
            "462/BNV-VP ngày 31/01/2020 của Bộ Nội vụ.",
            "Sở Nội vụ thành phố Hải Phòng - 12 Lê Đại Hành, phường Minh Khai, quận "
            "Hồng Bàng, thành phố Hải Phòng.",
            "Hộp thư điện tử: sonoivuhaiphong.gov.com",
            "IV. TỔ CHỨC THỰC HIỆN",
            "sau khi thống nhất với đơn vị Cụm phó",
            "Nơi nhận:",
            "- Bộ Nội vụ (Đề)",
            "- Hội đồng TĐ, KT BNV (b/c);",
            "- Các đơn vị thuộc Cụm TĐ;",
            "- Lưu: VT, hồ sơ CTĐ.",
            "GIÁM ĐỐC SỞ NỘI VỤ THÀNH PHỐ HẢI PHÒNG",
            "Nguyễn Văn Cao",
        ]
        position = 0
        for fact in expected:
            found = text.find(fact, position)
            self.assertNotEqual(found, -1, f"missing or out of order: {fact}")
            position = found + len(fact)

    def test_officer_prints_issued_plan(self):
        plan = self._create_plan(
            year=2020,
            distribution_list="- Như trên;\n- Lưu: VT.",
            signer_title="GIÁM ĐỐC",
            signer_name="Nguyễn Văn A",
        )
        self.env["emulation.obligation"].create(
            {"name": "Báo cáo 6 tháng", "plan_id": plan.id, "deadline": "2020-06-15"}
        )
        self._issue_plan(plan)
        text = self._render_text(plan, user=self.user_officer)
        self.assertIn(f"Số: {plan.number}", text)
        self.assertIn("Hải Phòng, ngày 26 tháng 3 năm 2020", text)
        self.assertIn(
            "Báo cáo 6 tháng gửi về đơn vị Cụm trưởng trước ngày 15/6/2020.", text
        )
        self.assertIn("- Lưu: VT.", text)
        self.assertIn("Nguyễn Văn A", text)

    def test_pdf_has_its_header_in_the_body_and_no_wkhtmltopdf_header(self):
        plan = self._issue_plan(self._create_plan(year=2021))
        report = self.env.ref(REPORT)
        html = report._render_qweb_html(REPORT, plan.ids)[0]
        bodies, __, header, footer, paperformat_args = report._prepare_html(
            html, report_model="emulation.plan"
        )
        # Debian's wkhtmltopdf cannot draw header or footer pages: none is asked
        self.assertIsNone(header)
        self.assertIsNone(footer)
        # HTML whitespace is not text: compare the words as printed
        body = " ".join(bodies[0].split())
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", body)
        self.assertIn(f"Số: {plan.number}", body)
        args = report._build_wkhtmltopdf_args(
            report.paperformat_id, False, paperformat_args
        )
        self.assertNotIn("--header-spacing", args)
        # Decree 30 margins: left 30 mm, right 15 mm
        self.assertEqual(float(args[args.index("--margin-left") + 1]), 30)
        self.assertEqual(float(args[args.index("--margin-right") + 1]), 15)
        # other reports keep Odoo's header and footer
        other = self.env.ref("base.report_ir_model_overview")
        other_html = other._render_qweb_html(other.report_name, [1])[0]
        self.assertIsNotNone(other._prepare_html(other_html)[2])
