#!/usr/bin/env python3
"""Makes tests/data/qinghe-2021-scan.png, the scanned page of issue 25's OCR test.

The title lines and the statistics table of fixtures/qinghe-2021.txt, laid
out as a printed page (a ruled table, Noto Sans CJK at about 300 dpi print
size) and photographed by headless Chromium. Needs chromium and
fonts-noto-cjk (both installed by .ci/run); the PNG is committed, so the
test itself needs only Tesseract.

Run from the repository root:
    python3 tests/make_scan_fixture.py
"""

import html
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "fixtures" / "qinghe-2021.txt").read_text(encoding="utf-8")
OUT = ROOT / "tests" / "data" / "qinghe-2021-scan.png"


def page():
    lines = TEXT.splitlines()
    title = lines[0]
    start = lines.index("2021 年主要业务数据")
    rows = []
    for line in lines[start + 1 :]:
        if not line.strip():
            if rows:
                break
            continue
        rows.append(line.split("\t"))
    table = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"""<!doctype html><meta charset="utf-8">
<style>
body {{ font-family: 'Noto Sans CJK SC'; font-size: 34px; margin: 60px; background: #fff; color: #000; }}
table {{ border-collapse: collapse; }}
td {{ border: 2px solid #000; padding: 10px 28px; }}
</style>
<p>{html.escape(title)}</p>
<p>{html.escape(lines[start])}</p>
<table>{table}</table>
"""


def main():
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "page.html"
        src.write_text(page(), encoding="utf-8")
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--window-size=1400,900",
                f"--screenshot={OUT}",
                src.as_uri(),
            ],
            check=True,
            stderr=subprocess.DEVNULL,
        )
    print(OUT)


if __name__ == "__main__":
    main()
