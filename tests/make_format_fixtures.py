#!/usr/bin/env python3
"""Makes the saved web page and the spreadsheet of fixtures/qinghe-2021 (issue 25).

Made from the committed fixtures, with the Python 3 standard library only:

- qinghe-2021-mht.mht: fixtures/qinghe-2021-web.html saved as a web archive
  the way a browser saves one: a multipart/related MIME message, the page in
  quoted-printable UTF-8, a picture as a base64 part.
- qinghe-2021-sheet.xlsx: fixtures/qinghe-2021.txt as one worksheet named by
  its title line, each further line a row, tab-separated cells in columns;
  figures are number cells (186420, not the text "186420"), and a second,
  empty sheet must add nothing.

Run from the repository root:
    python3 tests/make_format_fixtures.py
then `cargo run -- check --bless fixtures/` and review the expected files.
"""

import base64
import quopri
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
BOUNDARY = "----MultipartBoundary--qinghe2021"
# a 1x1 PNG, as pages carry their logo
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def make_mht():
    page = (FIXTURES / "qinghe-2021-web.html").read_bytes()
    body = quopri.encodestring(page).decode("ascii").replace("\n", "\r\n")
    picture = base64.encodebytes(PNG).decode("ascii").replace("\n", "\r\n")
    message = (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: http://www.qinghe-lib.example/gk/2021.html\r\n"
        "Subject: =?utf-8?Q?2021?=\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/related;\r\n"
        '\ttype="text/html";\r\n'
        f'\tboundary="{BOUNDARY}"\r\n'
        "\r\n\r\n"
        f"--{BOUNDARY}\r\n"
        "Content-Type: text/html\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: http://www.qinghe-lib.example/gk/2021.html\r\n"
        "\r\n"
        f"{body}\r\n"
        f"--{BOUNDARY}\r\n"
        "Content-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: http://www.qinghe-lib.example/logo.png\r\n"
        "\r\n"
        f"{picture}\r\n"
        f"--{BOUNDARY}--\r\n"
    )
    (FIXTURES / "qinghe-2021-mht.mht").write_bytes(message.encode("ascii"))


NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def column(n):
    name = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        name = chr(65 + r) + name
    return name


def cell(ref, value):
    if NUMBER.match(value):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def make_xlsx():
    lines = (FIXTURES / "qinghe-2021.txt").read_text(encoding="utf-8").splitlines()
    title, rows = lines[0], lines[1:]
    xml_rows = []
    for i, line in enumerate(rows):
        if not line:
            continue
        cells = "".join(
            cell(f"{column(j)}{i + 1}", value)
            for j, value in enumerate(line.split("\t"))
            if value
        )
        xml_rows.append(f'<row r="{i + 1}">{cells}</row>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData>{"".join(xml_rows)}</sheetData></worksheet>'
    )
    empty = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheetData/></worksheet>"
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{escape(title)}" sheetId="1" r:id="rId1"/>'
        '<sheet name="Sheet2" sheetId="2" r:id="rId2"/></sheets></workbook>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
        "</Relationships>"
    )
    root_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    )
    out = FIXTURES / "qinghe-2021-sheet.xlsx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [
            ("[Content_Types].xml", types),
            ("_rels/.rels", root_rels),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/worksheets/sheet1.xml", sheet),
            ("xl/worksheets/sheet2.xml", empty),
        ]:
            info = zipfile.ZipInfo(name, date_time=(2022, 3, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


if __name__ == "__main__":
    make_mht()
    make_xlsx()
