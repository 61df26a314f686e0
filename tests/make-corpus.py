#!/usr/bin/env python3
"""Build a benchmark corpus of report-like files from the bundled reports.

Each output file is one seed report (by default the repository's own
fixtures/*.txt, written for the tests) with its library's place name and
its figures changed, and, at random, its lines hard-wrapped as a PDF export
would leave them, CRLF line endings, or GB18030 encoding. The figures are
not meant to be true; the corpus measures speed and memory, not accuracy.

    tests/make-corpus.py OUT_DIR [--mb 50] [--seed 7] [--seeds DIR]

Adapted from the project's first generator, which took its seeds from a
folder outside the repository; this one needs nothing but a clone.
"""
import argparse
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
PLACES = ["青山", "白河", "临江", "东坡", "南岭", "北湖", "西林", "长宁", "安平", "永和",
          "清水", "金华", "石门", "桃源", "龙泉", "凤凰", "云溪", "江北", "新城", "丰乐"]
KINDS = ["区", "县", "市"]
# the place before 图书馆 (武隆区图书馆, 诸城市图书馆): two or three
# characters and a 区, 县 or 市
NAME = re.compile(r"[\u4e00-\u9fff]{2,3}[区县市](?=图书馆)")
NUMBER = re.compile(r"\d+")


def seeds(folder):
    """The seed texts: every .txt of `folder` that is UTF-8."""
    texts = []
    for path in sorted(folder.glob("*.txt")):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue  # a Big5 or GB18030 seed; the corpus makes its own
    return texts


def mutate(text, rng):
    place = rng.choice(PLACES) + rng.choice(KINDS)
    text = NAME.sub(place, text)
    # same number of digits, other digits: the layout stays, the figures change
    text = NUMBER.sub(lambda m: str(rng.randint(10 ** (len(m.group()) - 1), 10 ** len(m.group()) - 1))
                      if len(m.group()) > 1 and not m.group().startswith("20") else m.group(), text)
    if rng.random() < 0.3:
        width = rng.randint(28, 40)
        text = "\n".join(line[i:i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width))
    if rng.random() < 0.3:
        text = text.replace("\n", "\r\n")
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--mb", type=float, default=50.0, help="total size to write, in MiB")
    ap.add_argument("--seed", type=int, default=7, help="random seed (same seed, same corpus)")
    ap.add_argument("--seeds", type=pathlib.Path, default=ROOT / "fixtures",
                    help="folder of UTF-8 .txt reports to vary (default: fixtures/)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    texts = seeds(args.seeds)
    if not texts:
        ap.error(f"no UTF-8 .txt reports in {args.seeds}")
    args.out.mkdir(parents=True, exist_ok=True)
    budget, written, n = int(args.mb * 1024 * 1024), 0, 0
    while written < budget:
        text = mutate(rng.choice(texts), rng)
        encoding = "gb18030" if rng.random() < 0.2 else "utf-8"
        data = text.encode(encoding, errors="replace")
        (args.out / f"report-{n:06d}.txt").write_bytes(data)
        written += len(data)
        n += 1
    print(f"{n} files, {written / 1024 / 1024:.1f} MiB in {args.out}")


if __name__ == "__main__":
    main()
