//! Micro-benchmarks of the numeral/quantity/date engine.
//!
//! `cargo bench --bench quantity`. The phrase list is every case of
//! `tests/corpus/quantities.tsv` plus generated phrases in the reports'
//! styles; the scan benchmarks run over every line of the fixtures.

use std::hint::black_box;
use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::{BytesCount, ItemsCount};
use libreport::date::{self, DateContext};
use libreport::quantity;

fn main() {
    divan::main();
}

const CORPUS: &str = include_str!("../corpus/quantities.tsv");
const FIXTURES: [&str; 4] = [
    include_str!("../../fixtures/anju-2020.txt"),
    include_str!("../../fixtures/wulong-2020.txt"),
    include_str!("../../fixtures/yuancheng-2020.txt"),
    include_str!("../../fixtures/zhucheng-2020.txt"),
];

/// About 10 000 phrases: the corpus inputs and generated ones.
static PHRASES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut phrases: Vec<String> = CORPUS
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(str::to_string)
        .collect();
    let units = ["册", "人次", "万元", "场次", "TB", "%", "个", "平方米"];
    let approx = ["", "约", "近"];
    let after = ["", "余", "多"];
    let mut n: u64 = 7;
    while phrases.len() < 10_000 {
        n = n
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let value = (n >> 33) % 1_000_000;
        let unit = units[(n % 8) as usize];
        let a = approx[((n >> 8) % 3) as usize];
        let b = after[((n >> 12) % 3) as usize];
        let phrase = match (n >> 16) % 4 {
            0 => format!("{a}{value}{b}{unit}"),
            1 => format!("{a}{}.{} 万{unit}", value / 100, value % 100),
            2 => format!("较上年增长了 {}.{}%", value % 100, value % 7),
            _ => format!("{value} {unit}"),
        };
        phrases.push(phrase);
    }
    phrases
});

static LINES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    FIXTURES
        .iter()
        .flat_map(|t| t.lines())
        .filter(|l| !l.trim().is_empty())
        .collect()
});

#[divan::bench]
fn parse_quantity(bencher: Bencher) {
    let phrases = &*PHRASES;
    bencher.counter(ItemsCount::new(phrases.len())).bench(|| {
        for p in phrases {
            let _ = black_box(quantity::parse_quantity(black_box(p)));
        }
    });
}

#[divan::bench]
fn scan_fixture_lines(bencher: Bencher) {
    let lines = &*LINES;
    let bytes: usize = lines.iter().map(|l| l.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for line in lines {
            black_box(quantity::scan(black_box(line)));
        }
    });
}

#[divan::bench]
fn scan_dates_in_fixture_lines(bencher: Bencher) {
    let lines = &*LINES;
    let bytes: usize = lines.iter().map(|l| l.len()).sum();
    let ctx = DateContext {
        year: 2020,
        month: Some(1),
    };
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for line in lines {
            black_box(date::scan(black_box(line), &ctx));
        }
    });
}
