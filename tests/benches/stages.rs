//! Per-stage benchmarks on the bundled fixtures: a change that slows one
//! stage shows here. Run with `cargo bench --bench stages`.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const FIXTURES: &[(&str, &str)] = &[
    ("anju", include_str!("../../fixtures/anju-2020.txt")),
    ("wulong", include_str!("../../fixtures/wulong-2020.txt")),
    (
        "yuancheng",
        include_str!("../../fixtures/yuancheng-2020.txt"),
    ),
    ("zhucheng", include_str!("../../fixtures/zhucheng-2020.txt")),
];

const NAMES: &[&str] = &["anju", "wulong", "yuancheng", "zhucheng"];

fn fixture(name: &str) -> &'static str {
    FIXTURES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
        .unwrap_or_default()
}

#[divan::bench(args = NAMES)]
fn decode(bencher: Bencher, name: &str) {
    let bytes = fixture(name).as_bytes();
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| libreport::decode::decode(black_box(bytes), None));
}

#[divan::bench(args = NAMES)]
fn clean(bencher: Bencher, name: &str) {
    let text = fixture(name);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| libreport::clean::clean(black_box(text)));
}

#[divan::bench(args = NAMES)]
fn segment(bencher: Bencher, name: &str) {
    let text = fixture(name);
    let cleaned = libreport::clean::clean(text);
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        libreport::segment::segment(black_box(&cleaned))
            .sections
            .len()
    });
}

#[divan::bench(args = NAMES)]
fn extract(bencher: Bencher, name: &str) {
    let text = fixture(name);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| libreport::extract_text(black_box(text)));
}

#[divan::bench(args = NAMES)]
fn end_to_end(bencher: Bencher, name: &str) {
    let bytes = fixture(name).as_bytes();
    let options = libreport::Options::default();
    bencher.counter(BytesCount::new(bytes.len())).bench(|| {
        let record = libreport::extract(name, black_box(bytes), &options);
        serde_json::to_vec(&record).map(|json| json.len())
    });
}

/// The JSON writer (`write::json`, strings escaped a word at a time by
/// `write/json_escape.rs`) against serde_json's pretty printer on the same
/// records: the escape pays if `json_writer` is the faster.
#[divan::bench(args = NAMES)]
fn json_writer(bencher: Bencher, name: &str) {
    use libreport::write::RecordWriter;
    let record = libreport::extract(name, fixture(name).as_bytes(), &Default::default());
    let mut out = Vec::new();
    bencher.bench_local(|| {
        out.clear();
        let mut writer = libreport::write::json::JsonArray::new(&mut out);
        writer.record(black_box(&record)).map(|()| out.len())
    });
}

/// serde_json's pretty printer on the records `json_writer` writes.
#[divan::bench(args = NAMES)]
fn json_serde_json(bencher: Bencher, name: &str) {
    let record = libreport::extract(name, fixture(name).as_bytes(), &Default::default());
    let mut out = Vec::new();
    bencher.bench_local(|| {
        out.clear();
        serde_json::to_writer_pretty(&mut out, black_box(&record)).map(|()| out.len())
    });
}
