//! Fuzzing that stays (issue 16): 1,000 mutated reports a run, from the
//! fixtures and the adversarial corpus, through the whole pipeline. No
//! panic, a record that is whole JSON, and a bounded time for each (the
//! bound is generous: it catches a hang or a quadratic blow-up, not a
//! slowdown, which the benchmarks measure).

use std::time::{Duration, Instant};

use proptest::prelude::*;

use crate::util::root;

/// The seed files: the fixtures and the adversarial corpus.
fn seeds() -> Vec<Vec<u8>> {
    let mut paths = crate::util::fixtures();
    let corpus = root().join("tests/corpus/adversarial");
    let mut extra: Vec<_> = std::fs::read_dir(&corpus)
        .expect("adversarial corpus")
        .map(|entry| entry.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    extra.sort();
    paths.extend(extra);
    paths
        .iter()
        .map(|p| std::fs::read(p).expect("seed"))
        .collect()
}

/// Pieces a mutation may insert: what the extractors react to, and what
/// breaks text (invisible characters, bad bytes, line ends).
const PIECES: &[&[u8]] = &[
    "其中".as_bytes(),
    "馆藏总量".as_bytes(),
    "万册".as_bytes(),
    "年".as_bytes(),
    "（".as_bytes(),
    "）".as_bytes(),
    "“".as_bytes(),
    "、".as_bytes(),
    "，".as_bytes(),
    "。".as_bytes(),
    "1.".as_bytes(),
    "2020".as_bytes(),
    "99999999999999999999".as_bytes(),
    "\u{200b}".as_bytes(),
    "\u{a0}".as_bytes(),
    "\u{ad}".as_bytes(),
    b"\n",
    b"\r\n",
    b"\t|\t",
    b"\xff\xfe",
    b"\x00",
    b"\xe5\x9b",
    b"\x1b[31m",
];

#[derive(Clone, Debug)]
enum Mutation {
    /// Replace one byte.
    Flip(usize, u8),
    /// Insert a piece.
    Insert(usize, usize),
    /// Delete a range.
    Delete(usize, usize),
    /// Repeat a range a few times.
    Repeat(usize, usize, usize),
    /// Cut the file.
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        (any::<usize>(), 0..PIECES.len()).prop_map(|(at, p)| Mutation::Insert(at, p)),
        (any::<usize>(), 1usize..200).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), 1usize..64, 2usize..50).prop_map(|(at, n, k)| Mutation::Repeat(at, n, k)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len().max(1);
    match *mutation {
        Mutation::Flip(at, b) => {
            if let Some(byte) = bytes.get_mut(at % len) {
                *byte = b;
            }
        }
        Mutation::Insert(at, piece) => {
            let at = (at % len).min(bytes.len());
            bytes.splice(at..at, PIECES[piece].iter().copied());
        }
        Mutation::Delete(at, n) => {
            let at = (at % len).min(bytes.len());
            let end = at.saturating_add(n).min(bytes.len());
            bytes.drain(at..end);
        }
        Mutation::Repeat(at, n, times) => {
            let at = (at % len).min(bytes.len());
            let end = at.saturating_add(n).min(bytes.len());
            let piece = bytes[at..end].repeat(times);
            bytes.splice(end..end, piece);
        }
        Mutation::Truncate(at) => bytes.truncate(at % len),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        // LIBREPORT_MUTATIONS=3000 for a longer run
        cases: std::env::var("LIBREPORT_MUTATIONS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(1000),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_reports_never_panic_and_always_give_whole_json(
        seed in any::<prop::sample::Index>(),
        mutations in proptest::collection::vec(mutation(), 1..8),
    ) {
        static SEEDS: std::sync::LazyLock<Vec<Vec<u8>>> = std::sync::LazyLock::new(seeds);
        let mut bytes = seed.get(&SEEDS).clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let started = Instant::now();
        let record = libreport::extract("mutated.txt", &bytes, &Default::default());
        let took = started.elapsed();
        let json = serde_json::to_string(&record).expect("a record serializes");
        let value: serde_json::Value = serde_json::from_str(&json).expect("whole JSON");
        prop_assert_eq!(value["file"].as_str(), Some("mutated.txt"));
        prop_assert!(took < Duration::from_secs(5), "{:?} for {} bytes", took, bytes.len());
    }
}
