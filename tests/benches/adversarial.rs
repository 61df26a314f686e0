//! The adversarial line shapes of issue 16 (`tests/corpus/adversarial/
//! shapes.tsv`) at 64 KiB, 256 KiB and 1 MiB on one line: the time must grow
//! about linearly (16× from 64 KiB to 1 MiB; the issue allows 20×). Run
//! with `cargo bench --bench adversarial`; `tests/bench.sh --adversarial`
//! counts instructions instead, which do not drift.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const HEAD: &str = "2020 年示例区图书馆年度报告\n\n一、全年工作概况与主要业务数据统计说明\n\n\
                    本馆全年各项工作稳步推进，服务效能持续提升。\n";

/// The shape's text at about `size` bytes.
fn shape(name: &str, size: usize) -> String {
    let table = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/adversarial/shapes.tsv"
    ))
    .unwrap_or_default();
    table
        .lines()
        .filter(|line| !line.starts_with('#'))
        // `\n` in a field stands for a line end
        .map(|line| {
            line.split('\t')
                .map(|f| f.replace("\\n", "\n"))
                .collect::<Vec<_>>()
        })
        .find(|fields| fields.len() == 4 && fields[0] == name)
        .map(|fields| {
            let (before, unit, after) = (&fields[1], &fields[2], &fields[3]);
            let room = size.saturating_sub(before.len() + after.len());
            let body = unit.repeat((room / unit.len().max(1)).max(1));
            format!("{HEAD}{before}{body}{after}\n")
        })
        .unwrap_or_default()
}

const SIZES: &[usize] = &[64 << 10, 256 << 10, 1 << 20];

fn run(bencher: Bencher, name: &str, size: usize) {
    let text = shape(name, size);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| libreport::extract("long.txt", black_box(text.as_bytes()), &Default::default()));
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn ones(bencher: Bencher, size: usize) {
    run(bencher, "ones", size);
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn holdings(bencher: Bencher, size: usize) {
    run(bencher, "holdings", size);
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn dots(bencher: Bencher, size: usize) {
    run(bencher, "dots", size);
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn points(bencher: Bencher, size: usize) {
    run(bencher, "points", size);
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn subject(bencher: Bencher, size: usize) {
    run(bencher, "subject", size);
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn key_values(bencher: Bencher, size: usize) {
    run(bencher, "key-values", size);
}
