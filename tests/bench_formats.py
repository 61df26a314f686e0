#!/usr/bin/env python3
"""Converts a sample of a text corpus into every format libreport reads.

    python3 tests/bench_formats.py CORPUS OUT [--files N]

Takes the first N `*.txt` of CORPUS (sorted; `make-corpus.py` output) and
writes OUT/txt, OUT/html, OUT/docx, OUT/pdf, OUT/mht and OUT/xlsx, each
report made the way the fixtures are (tests/make_fixtures.py and
tests/make_format_fixtures.py), so that tests/bench-formats.sh can time
each reader on the same reports. Python 3 standard library only.
"""

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_fixtures as mf  # noqa: E402
import make_format_fixtures as mff  # noqa: E402

FORMATS = ("txt", "html", "docx", "pdf", "mht", "xlsx")


def convert(source, out):
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        text = d / "qinghe-2021.txt"
        shutil.copy(source, text)
        mf.SOURCE = text
        mf.RUNNING_TITLE = None
        mf.OUT = {
            "html": d / "qinghe-2021-web.html",
            "docx": d / "qinghe-2021-word.docx",
            "pdf": d / "qinghe-2021-pdf.pdf",
        }
        mf.make_html()
        mf.make_docx()
        mf.make_pdf()
        mff.FIXTURES = d
        mff.make_mht()
        mff.make_xlsx()
        made = {
            "txt": text,
            "html": mf.OUT["html"],
            "docx": mf.OUT["docx"],
            "pdf": mf.OUT["pdf"],
            "mht": d / "qinghe-2021-mht.mht",
            "xlsx": d / "qinghe-2021-sheet.xlsx",
        }
        for fmt, path in made.items():
            shutil.copy(path, out / fmt / f"{source.stem}.{fmt}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=300)
    args = parser.parse_args()
    for fmt in FORMATS:
        (args.out / fmt).mkdir(parents=True, exist_ok=True)
    sources = sorted(args.corpus.rglob("*.txt"))[: args.files]
    for source in sources:
        # GB18030 reports: the converters read UTF-8
        try:
            source.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        convert(source, args.out)


if __name__ == "__main__":
    main()
