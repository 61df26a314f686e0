#!/usr/bin/env python3
"""Makes the web page, Word document and PDF of fixtures/qinghe-2021.txt.

The report text is our own (written for these tests, not taken from any
library). Each file is made from the .txt line by line, the way a library's
site, Word or a PDF printer would hold it, so that all four must give the same
record apart from `file`, `format` and line numbers:

- qinghe-2021-web.html: the report inside a site's chrome (welcome banner,
  menu, breadcrumb, 发布时间/来源/点击 line, sidebar of links, footer with
  版权所有 and 备案号); headings as <h1>/<h2>, paragraphs as <p>, the table as
  <table>.
- qinghe-2021-word.docx: paragraphs, the table as <w:tbl>, and 一、/（一）
  headings as Word's automatic list numbering (word/numbering.xml), so the
  reader must write the numbers out itself.
- qinghe-2021-pdf.pdf: a text layer in a Type0 font (Identity-H, a ToUnicode
  map, no embedded glyphs), table cells placed at column positions, a running
  header and a page-number footer on every page, which the reader must drop.

Run from the repository root with the Python 3 standard library only:
    python3 tests/make_fixtures.py
then `cargo run -- check --bless fixtures/` and review the expected files.

    python3 tests/make_fixtures.py --from REPORT.txt --to DIR
makes DIR/REPORT.html, .docx and .pdf of any report the same way, to
compare their records with the text's.
"""

import argparse
import html
import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "fixtures" / "qinghe-2021.txt"
# The PDF's running header: the fixture's own, else the report's title.
RUNNING_TITLE = "青禾县图书馆年度报告"
WRAP = 0
OUT = {
    "html": ROOT / "fixtures" / "qinghe-2021-web.html",
    "docx": ROOT / "fixtures" / "qinghe-2021-word.docx",
    "pdf": ROOT / "fixtures" / "qinghe-2021-pdf.pdf",
}
NUMBERED = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
SUBNUMBERED = re.compile(r"^（([一二三四五六七八九十]+)）(.*)$")


def report_lines():
    return [line.rstrip("\n") for line in SOURCE.read_text(encoding="utf-8").splitlines()]


def is_heading(line, index, lines):
    """Section titles and the report title: short lines without a full stop."""
    return index == 0 or (
        line
        and "\t" not in line
        and not line.endswith("。")
        and not NUMBERED.match(line)
        and not SUBNUMBERED.match(line)
        and len(line) <= 24
        and not re.match(r"^[一二三四五六七八九十]+月$", line)
    )


def make_html():
    lines = report_lines()
    body = []
    table = []

    def flush_table():
        if table:
            rows = []
            for i, row in enumerate(table):
                tag = "th" if i == 0 else "td"
                cells = "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row.split("\t"))
                rows.append(f"      <tr>{cells}</tr>")
            body.append('    <table class="data" border="1">\n' + "\n".join(rows) + "\n    </table>")
            table.clear()

    for i, line in enumerate(lines):
        if "\t" in line:
            table.append(line)
            continue
        flush_table()
        if not line:
            continue
        text = html.escape(line)
        if i == 0:
            body.append(f"    <h1>{text}</h1>")
            body.append('    <div class="info">发布时间：2022-03-01&nbsp;&nbsp;来源：青禾县图书馆&nbsp;&nbsp;点击：1032</div>')
        elif is_heading(line, i, lines):
            body.append(f"    <h2>{text}</h2>")
        else:
            body.append(f"    <p>&#12288;&#12288;{text}</p>")
    flush_table()
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>青禾县图书馆 2021 年年报_馆务公开_青禾县图书馆</title>
<style>body {{ font: 14px sans-serif; }} .nav li {{ display: inline; }}</style>
<script>var _hits = "<p>不是正文</p>";</script>
</head>
<body>
<div class="welcome">欢迎访问青禾县图书馆网站！今天是 2022 年 3 月 1 日</div>
<div id="top-nav">
  <ul class="nav">
    <li><a href="/">首页</a></li><li><a href="/about">本馆概况</a></li><li><a href="/stats">数据统计</a></li>
  </ul>
</div>
<div class="bar"><a href="/">首页</a> | <a href="/about">本馆概况</a> | <a href="/login">登录</a> | <a href="#">加入收藏</a></div>
<div class="where">当前位置：<a href="/">首页</a> &gt; <a href="/gk">馆务公开</a> &gt; 年报</div>
<div class="main">
  <div class="sidebar">
    <h3>热门文章</h3>
    <ul><li><a href="/a/1">少儿阅览室暑期开放时间调整</a></li><li><a href="/a/2">关于开展读书月活动的通知</a></li></ul>
  </div>
  <div class="article">
{chr(10).join(body)}
    <p class="tools">【<a href="javascript:print()">打印本页</a>】【<a href="javascript:close()">关闭窗口</a>】</p>
  </div>
</div>
<div class="links">友情链接：<a href="/x">县文化馆</a> <a href="/y">县博物馆</a></div>
<div id="footer">
  <p>版权所有：青禾县图书馆　地址：青禾县文化路 8 号</p>
</div>
<p>备案号：示ICP备00000000号-1　技术支持：某某网络</p>
</body>
</html>
"""
    OUT["html"].write_text(page, encoding="utf-8")


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(text):
    return f'<w:r><w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>'


def make_docx():
    lines = report_lines()
    paras = []
    table = []
    num_id = 0

    def flush_table():
        if table:
            rows = []
            for row in table:
                cells = "".join(
                    f'<w:tc><w:tcPr><w:tcW w:w="1600" w:type="dxa"/></w:tcPr><w:p>{run(c) if c else ""}</w:p></w:tc>'
                    for c in row.split("\t")
                )
                rows.append(f"<w:tr>{cells}</w:tr>")
            paras.append("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>" + "".join(rows) + "</w:tbl>")
            table.clear()

    for i, line in enumerate(lines):
        if "\t" in line:
            table.append(line)
            continue
        flush_table()
        if not line:
            continue
        top = NUMBERED.match(line)
        sub = SUBNUMBERED.match(line)
        if top:
            if top.group(1) == "一":
                num_id += 1  # each section's list starts again at 一、
            level, text = 0, top.group(2)
        elif sub:
            level, text = 1, sub.group(2)
        else:
            style = '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' if is_heading(line, i, lines) else ""
            paras.append(f"<w:p>{style}{run(line)}</w:p>")
            continue
        paras.append(
            f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>{run(text)}</w:p>'
        )
    flush_table()
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>'
        + "".join(paras)
        + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    levels = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>'
    )
    nums = "".join(f'<w:num w:numId="{n}"><w:abstractNumId w:val="0"/></w:num>' for n in range(1, num_id + 1))
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {W}>'
        f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>{nums}</w:numbering>'
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {W}>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>'
        "</w:styles>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        "</Relationships>"
    )
    path = OUT["docx"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [
            ("[Content_Types].xml", content_types),
            ("_rels/.rels", rels),
            ("word/_rels/document.xml.rels", doc_rels),
            ("word/document.xml", document),
            ("word/numbering.xml", numbering),
            ("word/styles.xml", styles),
        ]:
            info = zipfile.ZipInfo(name, date_time=(2022, 3, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


def hex16(text):
    # Characters past the BMP would need two-unit codes; reports have none.
    return "<" + "".join(f"{ord(c):04X}" for c in text if ord(c) <= 0xFFFF) + ">"


def make_pdf():
    lines = []
    for line in report_lines():
        if not line:
            continue
        # Hard-wrapped as a printer lays out a page (--wrap N).
        while WRAP and "\t" not in line and len(line) > WRAP:
            lines.append(line[:WRAP])
            line = line[WRAP:]
        lines.append(line)
    per_page = 22
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    columns = [72, 110, 250, 330, 380]
    running = RUNNING_TITLE or lines[0]
    used = set(running + "第页")
    contents = []
    for number, page in enumerate(pages, 1):
        ops = [f"BT /F1 9 Tf 1 0 0 1 72 800 Tm {hex16(running)} Tj ET"]
        y = 770
        for line in page:
            used.update(line)
            if "\t" in line:
                ops.append("BT /F1 10.5 Tf")
                x = 72
                for i, cell in enumerate(line.split("\t")):
                    if cell:
                        ops.append(f"1 0 0 1 {x} {y} Tm {hex16(cell)} Tj")
                    # Columns at least 40 pt apart, and 2 em past the cell.
                    width = sum(5.25 if ord(c) < 128 else 10.5 for c in cell)
                    x = columns[i + 1] if i + 1 < len(columns) and columns[i + 1] >= x + width + 21 else round(x + max(40, width + 21))
            else:
                ops.append(f"BT /F1 10.5 Tf 72 {y} Td {hex16(line)} Tj ET")
            y -= 30
        footer = f"第 {number} 页"
        used.update(footer)
        ops.append(f"BT /F1 9 Tf 1 0 0 1 280 40 Tm {hex16(footer)} Tj ET")
        contents.append("\n".join(ops))
    codes = sorted(ord(c) for c in used)
    chunks = [codes[i : i + 100] for i in range(0, len(codes), 100)]
    cmap = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "".join(
            f"{len(chunk)} beginbfchar\n" + "".join(f"<{c:04X}> <{c:04X}>\n" for c in chunk) + "endbfchar\n"
            for chunk in chunks
        )
        + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    )
    objects = {}
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, 4 descendant, 5 descriptor, 6 cmap, then page + content pairs.
    page_ids = [7 + 2 * i for i in range(n_pages)]
    objects[1] = "<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] /Count {n_pages} >>"
    objects[3] = "<< /Type /Font /Subtype /Type0 /BaseFont /QingheSong /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>"
    objects[4] = (
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /QingheSong "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        "/FontDescriptor 5 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>"
    )
    objects[5] = "<< /Type /FontDescriptor /FontName /QingheSong /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
    objects[6] = cmap.encode("ascii")
    for i, content in enumerate(contents):
        objects[page_ids[i]] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_ids[i] + 1} 0 R >>"
        )
        objects[page_ids[i] + 1] = content.encode("ascii")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        value = objects[n]
        if isinstance(value, bytes):
            out += f"{n} 0 obj\n<< /Length {len(value)} >>\nstream\n".encode() + value + b"\nendstream\nendobj\n"
        else:
            out += f"{n} 0 obj\n{value}\nendobj\n".encode("utf-8")
    xref = len(out)
    count = max(objects) + 1
    out += f"xref\n0 {count}\n0000000000 65535 f \n".encode()
    for n in range(1, count):
        out += f"{offsets[n]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {count} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    OUT["pdf"].write_bytes(bytes(out))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--from", dest="source", type=Path)
    parser.add_argument("--to", type=Path)
    parser.add_argument("--wrap", type=int, default=0, help="wrap the PDF's lines at N characters")
    args = parser.parse_args()
    WRAP = args.wrap
    if args.source:
        SOURCE = args.source
        out_dir = args.to or Path(".")
        out_dir.mkdir(parents=True, exist_ok=True)
        RUNNING_TITLE = None
        OUT = {ext: out_dir / f"{SOURCE.stem}.{ext}" for ext in ("html", "docx", "pdf")}
    make_html()
    make_docx()
    make_pdf()
