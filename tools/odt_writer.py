# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A minimal OpenDocument text writer (standard library zipfile and lxml):
the editable copies of the letter and the list that electronic submission
asks for (Decree 152/2025, Art. 33(12)). Paragraphs and plain tables,
Times New Roman 13 on A4, as Decree 30 wants."""

import io
import zipfile

from lxml import etree

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
MIMETYPE = "application/vnd.oasis.opendocument.text"
# paragraph styles: (alignment, bold, italic, first-line indent)
PARAGRAPH_STYLES = {
    "Body": ("justify", False, False, "1cm"),
    "Center": ("center", False, False, None),
    "CenterBold": ("center", True, False, None),
    "CenterItalic": ("center", False, True, None),
    "Left": ("start", False, False, None),
    "LeftBold": ("start", True, False, None),
    "Right": ("end", False, True, None),
}


def _q(prefix, name):
    return f"{{{NS[prefix]}}}{name}"


def _element(parent, prefix, name, **attrs):
    node = etree.SubElement(parent, _q(prefix, name))
    for key, value in attrs.items():
        attr_prefix, attr_name = key.split("__")
        node.set(_q(attr_prefix, attr_name.replace("_", "-")), value)
    return node


def _root(prefix, name, nsmap):
    """The root element of one of the package's files, of the format's
    version 1.2."""
    root = etree.Element(_q(prefix, name), nsmap=nsmap)
    root.set(_q(prefix, "version"), "1.2")
    return root


def _style(parent, name, attrs, properties):
    """The style element ``name`` of ``attrs`` under ``parent``, with its
    properties: {properties element name: its attributes}, an empty one
    left out."""
    node = _element(parent, "style", name, **attrs)
    for tag, props in properties.items():
        if props:
            _element(node, "style", tag, **props)
    return node


def _styles_xml():
    root = _root("office", "document-styles", NS)
    _style(
        _element(root, "office", "styles"),
        "default-style",
        {"style__family": "paragraph"},
        {
            "text-properties": {
                "style__font_name": "Times New Roman",
                "fo__font_family": "Times New Roman",
                "fo__font_size": "13pt",
                "fo__language": "vi",
                "fo__country": "VN",
            }
        },
    )
    _style(
        _element(root, "office", "automatic-styles"),
        "page-layout",
        {"style__name": "A4"},
        {
            "page-layout-properties": {
                "fo__page_width": "21cm",
                "fo__page_height": "29.7cm",
                "fo__margin_top": "2cm",
                "fo__margin_bottom": "2cm",
                "fo__margin_left": "3cm",
                "fo__margin_right": "1.5cm",
            }
        },
    )
    _style(
        _element(root, "office", "master-styles"),
        "master-page",
        {"style__name": "Standard", "style__page_layout_name": "A4"},
        {},
    )
    return root


def _content_root():
    root = _root("office", "document-content", NS)
    automatic = _element(root, "office", "automatic-styles")
    for name, (align, bold, italic, indent) in PARAGRAPH_STYLES.items():
        paragraph = {"fo__text_align": align, "fo__margin_bottom": "0.15cm"}
        if indent:
            paragraph["fo__text_indent"] = indent
        text = {}
        if bold:
            text["fo__font_weight"] = "bold"
        if italic:
            text["fo__font_style"] = "italic"
        _style(
            automatic,
            "style",
            {"style__name": name, "style__family": "paragraph"},
            {"paragraph-properties": paragraph, "text-properties": text},
        )
    _style(
        automatic,
        "style",
        {"style__name": "Cell", "style__family": "table-cell"},
        {
            "table-cell-properties": {
                "fo__border": "0.5pt solid #000000",
                "fo__padding": "0.1cm",
            }
        },
    )
    body = _element(root, "office", "body")
    return root, _element(body, "office", "text")


def build_odt(blocks):
    """The bytes of an .odt holding ``blocks``: ``("p", text, style)`` or
    ``("table", header_cells, rows)``."""
    root, text = _content_root()
    for block in blocks:
        if block[0] == "p":
            _, value, style = block
            for line in (value or "").split("\n") or [""]:
                paragraph = _element(text, "text", "p", text__style_name=style)
                paragraph.text = line
        elif block[0] == "table":
            _, header, rows = block
            table = _element(text, "table", "table", table__name="List")
            _element(
                table,
                "table",
                "table-column",
                table__number_columns_repeated=str(len(header)),
            )
            for cells, style in [(header, "CenterBold")] + [
                (row, "Left") for row in rows
            ]:
                row_node = _element(table, "table", "table-row")
                for value in cells:
                    cell = _element(
                        row_node,
                        "table",
                        "table-cell",
                        table__style_name="Cell",
                        office__value_type="string",
                    )
                    paragraph = _element(cell, "text", "p", text__style_name=style)
                    paragraph.text = str(value if value is not None else "")
    manifest = _root("manifest", "manifest", {"manifest": NS["manifest"]})
    for path, media in (
        ("/", MIMETYPE),
        ("content.xml", "text/xml"),
        ("styles.xml", "text/xml"),
    ):
        entry = etree.SubElement(manifest, _q("manifest", "file-entry"))
        entry.set(_q("manifest", "full-path"), path)
        entry.set(_q("manifest", "media-type"), media)
        if path == "/":
            entry.set(_q("manifest", "version"), "1.2")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as odt:
        # the mimetype comes first and uncompressed, as the format requires
        odt.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, zipfile.ZIP_STORED)
        for name, tree in (
            ("content.xml", root),
            ("styles.xml", _styles_xml()),
            ("META-INF/manifest.xml", manifest),
        ):
            odt.writestr(
                name,
                etree.tostring(tree, xml_declaration=True, encoding="UTF-8"),
                zipfile.ZIP_DEFLATED,
            )
    return buffer.getvalue()
