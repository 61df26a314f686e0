#!/usr/bin/env python3
"""Regenerate src/tables/divisions.rs, the administrative division table
that `region` reads, from the dataset modood/Administrative-divisions-of-China
(https://github.com/modood/Administrative-divisions-of-China, WTFPL; its data
are the National Bureau of Statistics' 统计用区划代码).

Usage:
    git clone https://github.com/modood/Administrative-divisions-of-China ADC
    python3 tests/data/make-divisions.py ADC > src/tables/divisions.rs
    cargo fmt   # no-op: the table is #[rustfmt::skip]

The script reads the clone's git history (`git show`), so it needs a clone,
not a download of dist/: the current names come from HEAD's dist/provinces.csv,
dist/cities.csv and dist/areas.csv, Taiwan's cities and counties from
dist/HK-MO-TW.json, and the former names of renamed counties (县改区,
县改市 …) from the same files in every earlier data commit.

Output: a Rust module of static tables, so that nothing is built at run
time (a lookup is a binary search): NAME_TEXT, every name one after
another; DIVISIONS, every division as (code, level, name start, name
length), level b'p' province, b'c' prefecture, b'a' county, sorted by code
and level; and DIVISION_NAMES, every name a library may use for one, as
(name start, name length, index in DIVISIONS, full), sorted by the name's
bytes. Names are byte ranges of NAME_TEXT, so the binary holds no pointer
(and no relocation) per name.
The names are the dataset's, plus forms derived here by rule: a province's
or prefecture's short name (湖南省 → 湖南, 杭州市 → 杭州, not full), an
autonomous prefecture's (恩施土家族苗族自治州 → 恩施 short, 恩施州 full) and
an autonomous county's (秀山土家族苗族自治县 → 秀山县), and former names of
renamed counties, each sourced from an earlier version of the dataset (see
`former_names`). Only facts are taken from the dataset, no code.
"""

import csv
import io
import json
import subprocess
import sys

# The data files' paths in the dataset.
PROVINCES = "dist/provinces.csv"
CITIES = "dist/cities.csv"
AREAS = "dist/areas.csv"
HK_MO_TW = "dist/HK-MO-TW.json"

# GB/T 2260 gives Taiwan, Hong Kong and Macau one code each; the dataset
# (统计用区划代码) lists their names only.
EXTRA_PROVINCES = [
    ("710000", "台湾省"),
    ("810000", "香港特别行政区"),
    ("820000", "澳门特别行政区"),
]

# The dataset's prefecture rows that are groupings, not places: a
# municipality's districts and counties, a province's directly
# administered county-level cities. Their counties have no prefecture.
NOT_PLACES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# Province-level suffixes cut for the short name a library uses
# (湖南省 → 湖南图书馆, 广西壮族自治区 → 广西), longest first.
PROVINCE_SUFFIXES = ["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"]

# Prefecture-level suffixes cut for a short name (杭州市 → 杭州图书馆,
# 大兴安岭地区 → 大兴安岭); an autonomous prefecture is cut at its
# peoples' name (ETHNIC_MARKS).
PREFECTURE_SUFFIXES = ["地区", "市", "盟"]

# Where an autonomous prefecture's or county's name turns to its peoples
# (恩施土家族苗族自治州 → 恩施, 海西蒙古族藏族自治州 → 海西).
ETHNIC_MARKS = [
    "土家族", "苗族", "侗族", "布依族", "朝鲜族", "傣族", "景颇族", "傈僳族", "藏族", "羌族",
    "彝族", "哈尼族", "壮族", "白族", "回族", "蒙古族", "蒙古自治州", "哈萨克自治州",
    "柯尔克孜自治州", "达斡尔族", "鄂温克族", "鄂伦春族", "满族", "畲族", "瑶族", "黎族",
    "水族", "仡佬族", "毛南族", "仫佬族", "纳西族", "拉祜族", "佤族", "布朗族", "独龙族",
    "怒族", "普米族", "德昂族", "阿昌族", "基诺族", "撒拉族", "土族", "保安族", "东乡族",
    "裕固族", "锡伯族", "塔吉克族", "哈萨克族", "门巴族", "珞巴族", "各族",
]

# Suffixes cut from a county's name to compare a former name with a
# current one (武隆县 and 武隆区 share 武隆), longest first.
STEM_SUFFIXES = ["自治县", "自治旗", "林区", "特区", "县", "区", "市", "旗"]


def git(repo, *args):
    return subprocess.run(
        ["git", "-C", repo, *args], check=True, capture_output=True, text=True
    ).stdout


def read_csv(repo, commit, path):
    try:
        text = git(repo, "show", f"{commit}:{path}")
    except subprocess.CalledProcessError:
        return None
    return list(csv.DictReader(io.StringIO(text)))


def stem(name):
    for suffix in STEM_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def former_names(repo, current):
    """Former county names, from the dataset's earlier versions: a county
    whose code is gone from the current data, in the same province as a
    county whose code is new since that version and whose name has the
    same stem (重庆市 武隆县 500232 → 武隆区 500156). A former name shared
    by two current counties, or that is some current county's name, is
    not listed."""
    commits = git(repo, "log", "--format=%H", "--", AREAS).split()
    current_codes = {row["code"] for row in current}
    aliases = {}
    for commit in commits[1:]:
        rows = read_csv(repo, commit, AREAS)
        if not rows:
            continue
        old_codes = {row["code"] for row in rows}
        gone = [row for row in rows if row["code"] not in current_codes]
        new = [row for row in current if row["code"] not in old_codes]
        for old in gone:
            matches = [
                row
                for row in new
                if row["provinceCode"] == old["provinceCode"]
                and stem(row["name"]) == stem(old["name"])
                and row["name"] != old["name"]
            ]
            if len(matches) == 1:
                aliases.setdefault(old["name"], set()).add(matches[0]["code"])
    names = {row["name"] for row in current}
    result = {}
    for name, codes in aliases.items():
        if len(codes) == 1 and name not in names:
            result.setdefault(codes.pop(), set()).add(name)
    return result


def short(name, suffixes):
    """The name less the first of `suffixes` it ends in, when two
    characters or more are left."""
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


def peoples_cut(name):
    """An autonomous division's name before its peoples (恩施土家族苗族
    自治州 → 恩施), when two characters or more."""
    cuts = [name.find(mark) for mark in ETHNIC_MARKS if name.find(mark) >= 2]
    return name[: min(cuts)] if cuts else None


def names_of(level, name, former):
    """Every (name, full) a library may use for a division."""
    names = [(name, True)]
    if level == "p":
        stem = short(name, PROVINCE_SUFFIXES)
        if stem:
            names.append((stem, False))
    elif level == "c":
        if name.endswith("自治州"):
            stem = peoples_cut(name)
            if stem:
                names += [(stem, False), (stem + "州", True)]
        else:
            stem = short(name, PREFECTURE_SUFFIXES)
            if stem:
                names.append((stem, False))
    else:
        for suffix, word in (("自治县", "县"), ("自治旗", "旗")):
            if name.endswith(suffix):
                stem = peoples_cut(name)
                if stem:
                    names.append((stem + word, True))
        names += [(f, True) for f in former]
    return names


LEVEL_ORDER = {"p": 0, "c": 1, "a": 2}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-divisions.py PATH-TO-Administrative-divisions-of-China-CLONE")
    repo = sys.argv[1]
    head = git(repo, "log", "-1", "--format=%H %cs", "--", AREAS).split()
    data_commit, data_date = head
    subject = git(repo, "log", "-1", "--format=%s", data_commit).strip()
    provinces = read_csv(repo, data_commit, PROVINCES)
    cities = read_csv(repo, data_commit, CITIES)
    areas = read_csv(repo, data_commit, AREAS)
    hk_mo_tw = json.loads(git(repo, "show", f"{data_commit}:{HK_MO_TW}"))
    renamed = former_names(repo, areas)

    divisions = []  # (code, level, name, former)
    for row in provinces:
        divisions.append((int(row["code"]) * 10000, "p", row["name"], ()))
    for code, name in EXTRA_PROVINCES:
        divisions.append((int(code), "p", name, ()))
    for row in cities:
        if row["name"] not in NOT_PLACES:
            divisions.append((int(row["code"]) * 100, "c", row["name"], ()))
    for name in hk_mo_tw.get("台湾省", {}):
        divisions.append((710000, "c", name, ()))
    for row in areas:
        former = tuple(sorted(renamed.get(row["code"], ())))
        divisions.append((int(row["code"]), "a", row["name"], former))
    divisions.sort(key=lambda d: (d[0], LEVEL_ORDER[d[1]], d[2]))
    names = set()
    for index, (code, level, name, former) in enumerate(divisions):
        for form, full in names_of(level, name, former):
            names.add((form.encode(), index, full))

    # Every name is a byte range of one text: no pointer per name, so no
    # relocation per name in the binary. A division's own name comes first;
    # a short name is a start of it (湖南 of 湖南省); other forms follow.
    text = bytearray()
    at = {}
    spans = []
    for code, level, name, _ in divisions:
        encoded = name.encode()
        spans.append((len(text), len(encoded)))
        at.setdefault(encoded, len(text))
        text += encoded
    name_rows = []
    for form, index, full in sorted(names):
        start, length = spans[index]
        own = divisions[index][2].encode()
        if own.startswith(form):
            offset = start
        elif form in at:
            offset = at[form]
        else:
            offset = len(text)
            at[form] = offset
            text += form
        assert len(form) < 256
        name_rows.append((offset, len(form), index, full))
    text = text.decode()

    out = sys.stdout
    out.write(
        "//! The administrative divisions of China, generated by\n"
        "//! `tests/data/make-divisions.py`; do not edit. Regenerate it from a\n"
        "//! newer release of the dataset with that script.\n"
        "//!\n"
        "//! Dataset: modood/Administrative-divisions-of-China (WTFPL; the National\n"
        "//! Bureau of Statistics' 统计用区划代码), data commit\n"
        f"//! {data_commit} ({data_date}):\n"
        f"//! {subject}.\n"
        "//! 710000, 810000 and 820000 are GB/T 2260's; Taiwan's cities and\n"
        "//! counties (dist/HK-MO-TW.json) carry 710000.\n"
        "//!\n"
        "//! Static tables, so that nothing is built at run time (a lookup is a\n"
        "//! binary search), and every name a byte range of [`NAME_TEXT`], so\n"
        "//! that the binary holds no pointer (and no relocation) per name.\n\n"
        "/// Every name below, one after another.\n"
        "#[rustfmt::skip]\n"
        "pub static NAME_TEXT: &str = concat!(\n"
    )
    line = ""
    for ch in text:
        line += ch
        if len(line) >= 40:
            out.write(f'    "{line}",\n')
            line = ""
    if line:
        out.write(f'    "{line}",\n')
    out.write(
        ");\n\n"
        "/// Every division: (code, level, name start, name length in bytes),\n"
        "/// level `b'p'` province, `b'c'` prefecture, `b'a'` county; sorted by\n"
        "/// code, then level.\n"
        "#[rustfmt::skip]\n"
        "pub static DIVISIONS: &[(u32, u8, u32, u8)] = &[\n"
    )
    for (code, level, name, _), (start, length) in zip(divisions, spans):
        out.write(f"    ({code}, b'{level}', {start}, {length}), // {name}\n")
    out.write(
        "];\n\n"
        "/// Every name a library may use for a division: (name start, name\n"
        "/// length in bytes, index in [`DIVISIONS`], whether it is a full name);\n"
        "/// a short name (湖南 of 湖南省) must be followed by another division\n"
        "/// or the end of the place. Sorted by the name's bytes; former names\n"
        "/// of renamed counties come from the dataset's earlier data commits.\n"
        "#[rustfmt::skip]\n"
        "pub static DIVISION_NAMES: &[(u32, u8, u16, bool)] = &[\n"
    )
    for (offset, length, index, full), (form, _, _) in zip(name_rows, sorted(names)):
        full_word = "true" if full else "false"
        out.write(f"    ({offset}, {length}, {index}, {full_word}), // {form.decode()}\n")
    out.write(
        "];\n\n"
        "/// Where the names of each first character start in\n"
        "/// [`DIVISION_NAMES`]: (character, index), sorted; a name's first\n"
        "/// window is found by its character, without comparing strings.\n"
        "#[rustfmt::skip]\n"
        "pub static FIRST_CHARS: &[(char, u16)] = &[\n"
    )
    firsts = []
    for i, (form, _, _) in enumerate(sorted(names)):
        first = form.decode()[0]
        if not firsts or firsts[-1][0] != first:
            firsts.append((first, i))
    for first, i in firsts:
        out.write(f"    ('{first}', {i}),\n")
    out.write("];\n")

if __name__ == "__main__":
    main()
