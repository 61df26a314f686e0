#!/usr/bin/env python3
"""Writes the adversarial corpus of issue 16 beside this script.

    tests/corpus/adversarial/generate.py [--kib N]

- long-NAME.txt: a short report head, then each shape of shapes.tsv,
  N KiB long (default 8): one long line, or many lines, that once took
  time growing with the square of their length or number.
- odd-*.txt: figures broken by invisible characters, an out-of-range
  figure, control characters in headings, bytes that are not UTF-8.

The text is made up here; nothing comes from a real report. The files are
committed; rerun the script after changing shapes.tsv or the cases below.
tests/adversarial.rs reads the same shapes at 1 MiB, and the property test
mutates these files along with the fixtures.
"""
import argparse
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HEAD = ("2020 年示例区图书馆年度报告\n\n一、全年工作概况与主要业务数据统计说明\n\n"
        "本馆全年各项工作稳步推进，服务效能持续提升。\n")


def shapes():
    with open(os.path.join(HERE, "shapes.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            name, before, unit, after = (f.replace("\\n", "\n") for f in line.split("\t"))
            yield name, before, unit, after


def long_line(before, unit, after, size):
    """before + unit repeated + after, about `size` bytes, whole units."""
    room = max(size - len(before.encode()) - len(after.encode()), 0)
    return before + unit * max(room // len(unit.encode()), 1) + after


ODD = {
    # a figure split by an invisible character or a space: read whole, or
    # warned about, never cut short
    "odd-zero-width": "馆藏总量180\u200b383册。到馆人次12\u200c345人次。",
    "odd-nbsp": "馆藏总量180\u00a0383册。",
    "odd-soft-hyphen": "馆藏总量180\u00ad383册。",
    "odd-space": "馆藏总量180 383册。",
    "odd-out-of-range": "馆藏总量99999999999999999999999亿册。到馆人次1000人次。",
    # control characters a terminal would act on
    "odd-escapes": "二、\x1b[31m读者服务\x1b[0m\x07\n\n全年到馆人次5万人次。",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kib", type=int, default=8)
    parser.add_argument("--out", default=HERE, help="where to write (default: here)")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name, before, unit, after in shapes():
        text = HEAD + long_line(before, unit, after, args.kib * 1024) + "\n"
        with open(os.path.join(args.out, f"long-{name}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
    for name, body in ODD.items():
        with open(os.path.join(args.out, f"{name}.txt"), "w", encoding="utf-8") as f:
            f.write(HEAD + body + "\n")
    # bytes that are not UTF-8, a NUL and a lone surrogate's encoding
    with open(os.path.join(args.out, "odd-bytes.txt"), "wb") as f:
        f.write(HEAD.encode() + b"\xff\xfe\x00\xed\xa0\x80\xe5\x9b" + "馆藏1册\n".encode())


if __name__ == "__main__":
    main()
