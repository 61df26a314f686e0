//! Issue 16: a line's time is linear in its length. Each shape of
//! `tests/corpus/adversarial/shapes.tsv` is read at 1 MiB on one line, and
//! its `view` page made, under a generous bound (30 s in a debug build, where a quadratic scan
//! took minutes to hours). The curve from 64 KiB to 1 MiB is measured in
//! `cargo bench --bench adversarial` and `tests/bench.sh --adversarial`.

use std::time::{Duration, Instant};

use crate::util::root;

/// A shape's name and its text at about `size` bytes.
pub fn shapes(size: usize) -> Vec<(String, String)> {
    const HEAD: &str = "2020 年示例区图书馆年度报告\n\n一、全年工作概况与主要业务数据统计说明\n\n\
                        本馆全年各项工作稳步推进，服务效能持续提升。\n";
    let table = std::fs::read_to_string(root().join("tests/corpus/adversarial/shapes.tsv"))
        .expect("shapes.tsv");
    table
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            // `\n` in a field stands for a line end
            let fields: Vec<String> = line.split('\t').map(|f| f.replace("\\n", "\n")).collect();
            let [name, before, unit, after] = &fields[..] else {
                panic!("four fields: {line:?}");
            };
            let room = size.saturating_sub(before.len() + after.len());
            let body = unit.repeat((room / unit.len()).max(1));
            (name.clone(), format!("{HEAD}{before}{body}{after}\n"))
        })
        .collect()
}

#[test]
fn every_shape_reads_a_one_mib_line_in_bounded_time() {
    // A linear read of 1 MiB took up to 10 s in a debug build at load 1.4
    // on 2 cores, and 14-18 s beside other builds; a quadratic scan takes
    // minutes. The bound tells the two apart, not a slow machine.
    const BOUND: Duration = Duration::from_secs(30);
    let shapes = shapes(1 << 20);
    assert!(shapes.len() >= 4, "the table holds the shapes");
    for (name, text) in shapes {
        // the record and its `view` page, which places every figure
        let started = Instant::now();
        let audited =
            libreport::audit::audit("long.txt", text.as_bytes(), &Default::default(), None);
        let took = started.elapsed();
        assert!(took < BOUND, "{name}: {took:?} for 1 MiB");
        assert!(audited.page.is_some(), "{name}: a page");
        let record = audited.record;
        let report = record
            .report()
            .unwrap_or_else(|| panic!("{name}: read as a report"));
        assert_eq!(report.year, Some(2020), "{name}");
        serde_json::to_string(&record).expect("a record serializes");
    }
}

#[test]
fn a_long_line_of_figures_gives_the_figure_it_repeats() {
    let shapes = shapes(1 << 16);
    let (_, text) = shapes
        .iter()
        .find(|(name, _)| name == "holdings")
        .expect("the holdings shape");
    let record = libreport::extract("long.txt", text.as_bytes(), &Default::default());
    let json = serde_json::to_value(&record).expect("JSON");
    assert_eq!(
        json["metrics"]["collection_total"]["value"], 56000,
        "{json}"
    );
}

/// The record of a file of the adversarial corpus.
fn corpus_record(name: &str) -> serde_json::Value {
    let bytes = std::fs::read(root().join("tests/corpus/adversarial").join(name)).expect("corpus");
    let record = libreport::extract(name, &bytes, &Default::default());
    serde_json::to_value(&record).expect("JSON")
}

#[test]
fn invisible_characters_inside_figures_are_dropped_before_reading() {
    for name in ["odd-zero-width.txt", "odd-nbsp.txt", "odd-soft-hyphen.txt"] {
        let record = corpus_record(name);
        assert_eq!(
            record["metrics"]["collection_total"]["value"], 180383,
            "{name}: {record}"
        );
    }
    let record = corpus_record("odd-zero-width.txt");
    assert_eq!(record["metrics"]["visits"]["value"], 12345, "{record}");
}

#[test]
fn a_figure_broken_by_a_space_is_warned_about_not_cut() {
    let record = corpus_record("odd-space.txt");
    assert!(
        record["metrics"].get("collection_total").is_none(),
        "{record}"
    );
    let warnings = record["warnings"].to_string();
    assert!(warnings.contains("馆藏总量180"), "{warnings}");
    assert!(
        warnings.contains("a figure broken by a space"),
        "{warnings}"
    );
}

#[test]
fn an_out_of_range_figure_is_warned_about() {
    let record = corpus_record("odd-out-of-range.txt");
    assert!(
        record["metrics"].get("collection_total").is_none(),
        "{record}"
    );
    assert_eq!(record["metrics"]["visits"]["value"], 1000, "{record}");
    let warnings = record["warnings"].to_string();
    assert!(
        warnings.contains("as collection_total: the number is out of range"),
        "{warnings}"
    );
}

#[test]
fn a_mib_of_different_figures_for_one_key_reads_in_bounded_time() {
    // not a repeated unit, so not in shapes.tsv: every figure differs
    let mut text = String::from("2020 年示例区图书馆年度报告\n\n一、全年工作概况\n\n");
    let mut i = 0;
    while text.len() < 1 << 20 {
        text.push_str(&format!("馆藏总量{i}册。"));
        i += 1;
    }
    let started = Instant::now();
    let record = libreport::extract("long.txt", text.as_bytes(), &Default::default());
    let took = started.elapsed();
    assert!(took < Duration::from_secs(10), "{took:?}");
    let json = serde_json::to_value(&record).expect("JSON");
    // many values for one key: none is chosen, and the warning lists them
    assert!(
        json["metrics"].get("collection_total").is_none(),
        "{}",
        json["metrics"]
    );
    assert!(json["warnings"].to_string().contains("collection_total"));
}
