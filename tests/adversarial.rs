//! Issue 16: a line's time is linear in its length. Each shape of
//! `tests/corpus/adversarial/shapes.tsv` is read at 1 MiB on one line,
//! under a generous bound (10 s in a debug build, where a quadratic scan
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
            let fields: Vec<&str> = line.split('\t').collect();
            let [name, before, unit, after] = fields[..] else {
                panic!("four fields: {line:?}");
            };
            let room = size.saturating_sub(before.len() + after.len());
            let body = unit.repeat((room / unit.len()).max(1));
            (name.to_owned(), format!("{HEAD}{before}{body}{after}\n"))
        })
        .collect()
}

#[test]
fn every_shape_reads_a_one_mib_line_in_bounded_time() {
    const BOUND: Duration = Duration::from_secs(10);
    let shapes = shapes(1 << 20);
    assert!(shapes.len() >= 4, "the table holds the shapes");
    for (name, text) in shapes {
        let started = Instant::now();
        let record = libreport::extract("long.txt", text.as_bytes(), &Default::default());
        let took = started.elapsed();
        assert!(took < BOUND, "{name}: {took:?} for 1 MiB");
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
