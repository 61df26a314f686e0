//! Integration tests: the numeral, quantity and date corpora, run through the
//! library, plus property tests of the numeral reader.
//!
//! Each corpus file has one case a line, tab-separated, `#` comments and
//! blank lines skipped. Every failure is collected as
//! `line N: input → got X, want Y`, and the test fails once at the end.

use std::fmt::Write as _;
use std::path::Path;

use libreport::contract::decimal::Decimal;
use libreport::date::{self, DateContext};
use libreport::numeral::{self, NumeralError};
use libreport::phrase::{self, Outcome};
use libreport::quantity::{self, QuantityError, QuantityKind};

/// One case of a corpus: its 1-based line number and its fields.
struct Case {
    line: usize,
    fields: Vec<String>,
}

/// Reads a corpus; `columns: None` takes each line whole (tabs included).
fn read_corpus(name: &str, columns: Option<usize>) -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut cases = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let fields: Vec<String> = match columns {
            Some(_) => raw.split('\t').map(str::to_string).collect(),
            None => vec![raw.to_string()],
        };
        if let Some(columns) = columns {
            assert_eq!(
                fields.len(),
                columns,
                "{name} line {}: {} columns, want {columns}: {raw:?}",
                i + 1,
                fields.len()
            );
        }
        cases.push(Case {
            line: i + 1,
            fields,
        });
    }
    cases
}

fn finish(name: &str, cases: usize, failures: &[String]) {
    assert!(cases > 0, "{name} has no cases");
    if !failures.is_empty() {
        let mut msg = format!("{name}: {} of {cases} cases failed\n", failures.len());
        for f in failures {
            let _ = writeln!(msg, "  {f}");
        }
        panic!("{msg}");
    }
}

fn dash(s: Option<impl ToString>) -> String {
    s.map_or_else(|| "-".to_string(), |v| v.to_string())
}

fn numeral_error_name(e: NumeralError) -> &'static str {
    match e {
        NumeralError::Empty => "!empty",
        NumeralError::NotANumeral => "!not_a_numeral",
        NumeralError::Vague => "!vague",
        NumeralError::Malformed => "!malformed",
        NumeralError::Overflow => "!overflow",
        NumeralError::TrailingText { .. } => "!trailing",
    }
}

fn quantity_error_name(e: QuantityError) -> &'static str {
    match e {
        QuantityError::Empty => "!empty",
        QuantityError::NotAQuantity => "!not_a_quantity",
        QuantityError::Vague => "!vague",
        QuantityError::Range => "!range",
        QuantityError::Numeral(e) => numeral_error_name(e),
        QuantityError::TrailingText { .. } => "!trailing",
    }
}

/// `input ⇥ value`; the value is a decimal or `!error` (`!vague`,
/// `!overflow`, `!malformed`, `!trailing`, `!not_a_numeral`).
#[test]
fn numerals() {
    let cases = read_corpus("numerals.tsv", Some(2));
    let mut failures = Vec::new();
    for Case { line, fields } in &cases {
        let (input, want) = (&fields[0], &fields[1]);
        let got = match numeral::parse_full(input) {
            Ok(v) => v.to_string(),
            Err(e) => numeral_error_name(e).to_string(),
        };
        let ok = if want.starts_with('!') {
            &got == want
        } else {
            want.parse::<Decimal>().is_ok_and(|w| w.to_string() == got)
        };
        if !ok {
            failures.push(format!("line {line}: {input} → got {got}, want {want}"));
        }
    }
    finish("numerals.tsv", cases.len(), &failures);
}

/// `input ⇥ value ⇥ unit ⇥ approx ⇥ kind`, `-` for none. A value row is
/// the first reading of `libreport quantity` (running text, labels before
/// the figure), and `parse_quantity` must agree where it reads the phrase
/// at all; a value `!error` expects `parse_quantity` to fail so, and
/// `!no_figure` expects `libreport quantity` to find no number.
#[test]
fn quantities() {
    quantity_corpus("quantities.tsv", 300);
}

/// The second figures pass (issue 27), read as [`quantities`] is: glosses,
/// 〇 and 0 as digits, 廿, bare 百, halves, ranges, stacked qualifiers,
/// slash units and flattened form cells.
#[test]
fn figures() {
    quantity_corpus("figures.tsv", 120);
}

/// Runs a corpus of `input ⇥ value ⇥ unit ⇥ approx ⇥ kind` rows (see
/// [`quantities`]) that has at least `min` cases.
fn quantity_corpus(name: &str, min: usize) {
    let cases = read_corpus(name, Some(5));
    assert!(cases.len() >= min, "{name} has {} cases", cases.len());
    let mut failures = Vec::new();
    for Case { line, fields } in &cases {
        let input = &fields[0];
        let want = fields[1..].join(" | ");
        if fields[1].starts_with('!') {
            let got = if fields[1] == "!no_figure" {
                first_reading(input)
            } else {
                match quantity::parse_quantity(input) {
                    Ok(m) => render(m.quantity.value, m.quantity.unit, m.quantity.approx, m.kind),
                    Err(e) => quantity_error_name(e).to_string(),
                }
            };
            if got != fields[1] {
                failures.push(format!("line {line}: {input} → got {got}, want {want}"));
            }
            continue;
        }
        // a plain-number value must compare as a decimal (5.60 = 5.6)
        let normalized = fields[1]
            .parse::<Decimal>()
            .map(|w| format!("{} | {}", w, fields[2..].join(" | ")))
            .unwrap_or_else(|_| want.clone());
        let got = first_reading(input);
        if got != normalized {
            failures.push(format!("line {line}: {input} → got {got}, want {want}"));
        }
        // parse_quantity reads cleaned text, where a pinyin gloss is cut
        let cleaned = libreport::text::without_glosses(input);
        if let Ok(m) = quantity::parse_quantity(cleaned.as_deref().unwrap_or(input)) {
            let strict = render(m.quantity.value, m.quantity.unit, m.quantity.approx, m.kind);
            if strict != normalized {
                failures.push(format!(
                    "line {line}: {input} → parse_quantity {strict}, want {want}"
                ));
            }
        }
    }
    finish(name, cases.len(), &failures);
}

fn render(
    value: Decimal,
    unit: Option<libreport::contract::unit::Unit>,
    approx: Option<libreport::contract::report::Approx>,
    kind: QuantityKind,
) -> String {
    format!(
        "{} | {} | {} | {}",
        value,
        dash(unit.map(|u| u.symbol())),
        dash(approx.map(|a| a.as_str())),
        kind
    )
}

/// The first reading `libreport quantity` prints for `input`, rendered as
/// `value | unit | approx | kind`, or `!no_figure` / `!vague` / `!…`.
fn first_reading(input: &str) -> String {
    let readings = phrase::read_phrase(input);
    match readings.first().map(|r| &r.outcome) {
        Some(Outcome::Read(f)) => match f.value {
            Some(value) => render(value, f.unit, f.approx, f.kind),
            None => format!("range {:?}..{:?}", f.low, f.high),
        },
        Some(Outcome::Failed { error }) if error == phrase::NO_FIGURE => "!no_figure".into(),
        Some(Outcome::Failed { error }) if error.starts_with("vague") => "!vague".into(),
        Some(Outcome::Failed { error }) => format!("!{error}"),
        None => "!nothing".into(),
    }
}

/// `input ⇥ text ⇥ value ⇥ unit ⇥ approx ⇥ kind`, one row per number of a
/// phrase: consecutive rows with the same input list every reading
/// `libreport quantity` prints for it, in order. The value of a range is
/// `low..high`, of a date its `date` (`..date_end` for a span).
#[test]
fn sentences() {
    let cases = read_corpus("sentences.tsv", Some(6));
    let mut failures = Vec::new();
    let mut phrases = 0;
    let mut i = 0;
    while let Some(first) = cases.get(i) {
        let input = &first.fields[0];
        let group: Vec<&Case> = cases[i..]
            .iter()
            .take_while(|c| &c.fields[0] == input)
            .collect();
        i += group.len();
        phrases += 1;
        let want: Vec<String> = group.iter().map(|c| c.fields[1..].join(" | ")).collect();
        let got: Vec<String> = phrase::read_phrase(input)
            .iter()
            .map(|r| match &r.outcome {
                Outcome::Read(f) => {
                    let value = match (f.kind, f.value, &f.date) {
                        (QuantityKind::Range, _, _) => format!("{}..{}", dash(f.low), dash(f.high)),
                        (QuantityKind::Date, _, Some(date)) => match &f.date_end {
                            Some(end) => format!("{date}..{end}"),
                            None => date.clone(),
                        },
                        (_, value, _) => dash(value),
                    };
                    // the offsets must quote the text
                    let quoted: String =
                        input.chars().skip(f.start).take(f.end - f.start).collect();
                    let text = if quoted == f.text {
                        f.text.clone()
                    } else {
                        format!("{} (offsets quote {quoted})", f.text)
                    };
                    format!(
                        "{text} | {value} | {} | {} | {}",
                        dash(f.unit.map(|u| u.symbol())),
                        dash(f.approx.map(|a| a.as_str())),
                        f.kind
                    )
                }
                Outcome::Failed { error } => format!("- | !{error} | - | - | -"),
            })
            .collect();
        if got != want {
            failures.push(format!(
                "line {}: {input}\n      got  {got:?}\n      want {want:?}",
                first.line
            ));
        }
    }
    assert!(phrases >= 30, "sentences.tsv has {phrases} phrases");
    finish("sentences.tsv", cases.len(), &failures);
}

/// `year ⇥ month-or-- ⇥ input ⇥ date ⇥ end`: `date::parse_prefix` with that
/// context; `-` for no date / no end. `scan` must find the same phrase.
#[test]
fn dates() {
    let cases = read_corpus("dates.tsv", Some(5));
    assert!(cases.len() >= 100, "dates.tsv has {} cases", cases.len());
    let mut failures = Vec::new();
    for Case { line, fields } in &cases {
        let (year, month, input, want_start, want_end) =
            (&fields[0], &fields[1], &fields[2], &fields[3], &fields[4]);
        let Ok(year) = year.parse::<i32>() else {
            failures.push(format!("line {line}: bad year column {year:?}"));
            continue;
        };
        let month = month.parse::<u8>().ok();
        let ctx = DateContext { year, month };
        let want = format!("{want_start} {want_end}");
        let parsed = date::parse_prefix(input, &ctx);
        let got = match parsed {
            Some((span, _)) => format!("{} {}", span.start, dash(span.end)),
            None => "- -".to_string(),
        };
        if got != want {
            failures.push(format!("line {line}: {input} → got {got}, want {want}"));
            continue;
        }
        if let Some((span, len)) = parsed {
            let lead = input.len() - input.trim_start().len();
            let found = date::scan(input, &ctx);
            match found.first() {
                Some((s, r)) if *s == span && r.start == lead && r.end == len => {}
                other => failures.push(format!(
                    "line {line}: {input} → scan found {other:?}, want {span:?} at {lead}..{len}"
                )),
            }
        }
    }
    finish("dates.tsv", cases.len(), &failures);
}

/// One input a line that must yield no figure: `scan` finds no Figure or
/// Change in it, and `parse_quantity` fails or reads a non-figure.
#[test]
fn negatives() {
    let cases = read_corpus("negative.tsv", None);
    let mut failures = Vec::new();
    for Case { line, fields } in &cases {
        let input = &fields[0];
        let figures: Vec<String> = quantity::scan(input)
            .into_iter()
            .filter(|m| matches!(m.kind, QuantityKind::Figure | QuantityKind::Change))
            .map(|m| format!("{} ({})", &input[m.span.clone()], m.quantity.value))
            .collect();
        if !figures.is_empty() {
            failures.push(format!(
                "line {line}: {input} → scan found {figures:?}, want none"
            ));
        }
        if let Ok(m) = quantity::parse_quantity(input)
            && matches!(m.kind, QuantityKind::Figure | QuantityKind::Change)
        {
            failures.push(format!(
                "line {line}: {input} → parse_quantity read {} {:?}, want no figure",
                m.quantity.value, m.kind
            ));
        }
    }
    finish("negative.tsv", cases.len(), &failures);
}

/// Every figure phrase the scanner finds in the fixtures reads the same
/// through `parse_quantity`, and spans never overlap.
#[test]
fn scan_agrees_with_parse_quantity_on_the_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut failures = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures dir") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("fixture");
        let decoded = libreport::decode::decode(&bytes, None).expect("fixture decodes");
        // Matching runs on simplified characters, as the extractors do.
        let text = libreport::fold::fold(&decoded.text).into_owned();
        for (no, line) in text.lines().enumerate() {
            let mut last_end = 0;
            for m in quantity::scan(line) {
                if m.span.start < last_end
                    || m.number.start < m.span.start
                    || m.number.end > m.span.end
                {
                    failures.push(format!("{}:{}: bad spans {m:?}", path.display(), no + 1));
                }
                last_end = m.span.end;
                if m.kind != QuantityKind::Figure {
                    continue;
                }
                seen += 1;
                let phrase = &line[m.span.clone()];
                match quantity::parse_quantity(phrase) {
                    // An approximation word may stand before the figure's
                    // span (约占三成), where the phrase alone cannot show it.
                    Ok(p)
                        if p.kind == m.kind
                            && p.quantity.value == m.quantity.value
                            && p.quantity.unit == m.quantity.unit
                            && (p.quantity.approx == m.quantity.approx
                                || p.quantity.approx.is_none()) => {}
                    other => failures.push(format!(
                        "{}:{}: {phrase} → scan {:?}, parse_quantity {other:?}",
                        path.display(),
                        no + 1,
                        m.quantity
                    )),
                }
            }
        }
    }
    assert!(seen > 100, "only {seen} figures in the fixtures");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const SMALL: [&str; 4] = ["", "十", "百", "千"];

    /// 0 ≤ n < 10⁴ in standard form; `leading` allows 十四 for 14.
    fn section(n: u64, leading: bool) -> String {
        if leading && (10..20).contains(&n) {
            return format!(
                "十{}",
                if n == 10 {
                    ""
                } else {
                    DIGITS[(n % 10) as usize]
                }
            );
        }
        let mut out = String::new();
        let mut zero = false;
        for place in (0..4).rev() {
            let d = (n / 10u64.pow(place)) % 10;
            if d == 0 {
                zero = !out.is_empty();
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            out.push_str(DIGITS[d as usize]);
            out.push_str(SMALL[place as usize]);
        }
        out
    }

    /// Standard Chinese numerals, 零 where needed: 一千零五, 三亿零五十万.
    fn chinese(n: u64) -> String {
        if n == 0 {
            return "零".into();
        }
        let yi = n / 100_000_000;
        let wan = (n / 10_000) % 10_000;
        let low = n % 10_000;
        let mut out = String::new();
        if yi > 0 {
            out = chinese(yi);
            out.push('亿');
        }
        let mut gap = false;
        if wan > 0 {
            if !out.is_empty() && wan < 1000 {
                out.push('零');
            }
            out.push_str(&section(wan, out.is_empty()));
            out.push('万');
        } else if !out.is_empty() {
            gap = true;
        }
        if low > 0 {
            if !out.is_empty() && (low < 1000 || gap) {
                out.push('零');
            }
            out.push_str(&section(low, out.is_empty()));
        }
        out
    }

    /// n as a decimal of 万 or 亿: 123.45万.
    fn with_multiplier(n: u64, yi: bool) -> String {
        let (scale, mult) = if yi { (8, "亿") } else { (4, "万") };
        let value = Decimal::new(i64::try_from(n).unwrap_or(i64::MAX), scale).expect("scale");
        format!("{value}{mult}")
    }

    #[test]
    fn formatter_writes_the_textbook_forms() {
        for (n, s) in [
            (0, "零"),
            (10, "十"),
            (14, "十四"),
            (110, "一百一十"),
            (1005, "一千零五"),
            (10005, "一万零五"),
            (100500, "十万零五百"),
            (300_500_000, "三亿零五十万"),
            (1_000_000_005, "十亿零五"),
            (
                1_234_567_890_123,
                "一万二千三百四十五亿六千七百八十九万零一百二十三",
            ),
        ] {
            assert_eq!(chinese(n), s);
        }
    }

    /// Every number below 20 000 (all 零 patterns up to 一万…), exhaustively.
    #[test]
    fn every_number_below_20000_round_trips() {
        for n in 0..20_000u64 {
            let s = chinese(n);
            let got = numeral::parse_full(&s);
            assert_eq!(got, Ok(Decimal::from_int(n as i64)), "{s}");
        }
    }

    /// Numbers with many zero digits, where 零 placement matters most.
    fn sparse() -> impl Strategy<Value = u64> {
        proptest::collection::vec(prop_oneof![3 => Just(0u64), 1 => 1u64..10], 13)
            .prop_map(|digits| digits.iter().fold(0, |acc, d| acc * 10 + d))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]

        #[test]
        fn chinese_numerals_round_trip(n in prop_oneof![0u64..10_000_000_000_000, sparse()]) {
            let s = chinese(n);
            prop_assert_eq!(numeral::parse_full(&s), Ok(Decimal::from_int(n as i64)), "{}", s);
            // the same number as a quantity with a unit
            let m = quantity::parse_quantity(&format!("{s}册")).map(|m| m.quantity.value);
            prop_assert_eq!(m, Ok(Decimal::from_int(n as i64)), "{}册", s);
        }

        #[test]
        fn wan_and_yi_decimals_round_trip(n in 0u64..10_000_000_000_000, yi in any::<bool>()) {
            let s = with_multiplier(n, yi);
            prop_assert_eq!(numeral::parse_full(&s), Ok(Decimal::from_int(n as i64)), "{}", s);
            let spaced = s.replace('万', " 万").replace('亿', " 亿");
            let m = quantity::parse_quantity(&format!("{spaced}元")).map(|m| m.quantity.value);
            prop_assert_eq!(m, Ok(Decimal::from_int(n as i64)), "{}元", spaced);
        }

        #[test]
        fn arabic_with_thousands_separators_round_trips(n in 0u64..10_000_000_000_000) {
            let digits = n.to_string();
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            prop_assert_eq!(numeral::parse_full(&grouped), Ok(Decimal::from_int(n as i64)), "{}", grouped);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn scanning_never_panics(s in "\\PC{0,40}") {
            let _ = quantity::scan(&s);
            let _ = quantity::scan_in(&s, quantity::Era::Minguo);
            let _ = quantity::parse_quantity(&s);
            let _ = phrase::read_phrase(&s);
            let _ = numeral::parse_prefix(&s);
            let ctx = DateContext { year: 2020, month: Some(2) };
            let _ = date::scan(&s, &ctx);
            let _ = date::scan_years(&s);
        }

        #[test]
        fn scanning_never_panics_on_numeral_soup(s in "[0-9０-９一二两三十百千万亿零〇.,，．%年月日号至\\-—余多约近第 ]{0,30}") {
            let mut last = 0;
            for m in quantity::scan(&s) {
                prop_assert!(m.span.start >= last && m.span.end <= s.len());
                last = m.span.end;
            }
            let _ = quantity::parse_quantity(&s);
            let ctx = DateContext { year: 2020, month: Some(2) };
            let _ = date::scan(&s, &ctx);
        }

        // Running text with the words of issue 13: every reading quotes the
        // input at its character offsets, readings do not overlap, and a
        // range's bounds are ordered.
        #[test]
        fn readings_quote_their_text(s in "[0-9一二两兩三五十百千万萬元月日年民國国约占過过破超不足到至–\\-:：W+T%人册冊场次個个 ，。]{0,30}") {
            let mut last = 0;
            for r in phrase::read_phrase(&s) {
                let Outcome::Read(f) = r.outcome else { continue };
                prop_assert!(f.start >= last && f.start <= f.end, "{:?}", f);
                last = f.end;
                let quoted: String = s.chars().skip(f.start).take(f.end - f.start).collect();
                prop_assert_eq!(&quoted, &f.text);
                if let (Some(low), Some(high)) = (f.low, f.high) {
                    prop_assert!(low <= high, "{:?}", f);
                }
            }
        }
    }
}

#[test]
fn chrome_corpus() {
    let cases = read_corpus("chrome.tsv", None);
    let mut failures = Vec::new();
    for case in &cases {
        let raw = &case.fields[0];
        let Some((line, want)) = raw.rsplit_once('\t') else {
            failures.push(format!("line {}: no tab in {raw:?}", case.line));
            continue;
        };
        let want = match want {
            "chrome" => true,
            "report" => false,
            other => {
                failures.push(format!(
                    "line {}: want chrome or report, not {other:?}",
                    case.line
                ));
                continue;
            }
        };
        let got = libreport::read::chrome::is_chrome(line);
        if got != want {
            failures.push(format!(
                "line {}: {line:?} → {}, want {}",
                case.line,
                if got { "chrome" } else { "report" },
                if want { "chrome" } else { "report" }
            ));
        }
    }
    finish("chrome.tsv", cases.len(), &failures);
}

#[test]
fn section_titles() {
    let cases = read_corpus("sections.tsv", Some(2));
    let mut failures = Vec::new();
    for case in &cases {
        let (title, want) = (&case.fields[0], &case.fields[1]);
        let folded = libreport::fold::fold(title);
        let got = dash(libreport::heading::title_kind_folded(&folded).map(|kind| kind.as_str()));
        if got != *want {
            failures.push(format!("line {}: {title} → {got}, want {want}", case.line));
        }
    }
    finish("sections.tsv", cases.len(), &failures);
}

/// regions.tsv: each library name is located in its division, or gets no
/// code and an `unsettled_division` warning.
#[test]
fn regions() {
    let cases = read_corpus("regions.tsv", Some(3));
    let mut failures = Vec::new();
    for case in &cases {
        let (name, want, text) = (&case.fields[0], &case.fields[1], &case.fields[2]);
        let text = if text == "-" { "" } else { text.as_str() };
        let folded = libreport::fold::fold(name);
        let (region, warning) = libreport::region::locate(&folded, name, text, None);
        let got = [
            &region.province,
            &region.prefecture,
            &region.county,
            &region.division_code,
        ]
        .map(|p| p.as_deref().unwrap_or("-"))
        .join("/");
        let warned = warning.is_some();
        if got != *want || warned != region.division_code.is_none() {
            failures.push(format!(
                "line {}: {name} → got {got} (warning: {warned}), want {want}",
                case.line
            ));
        }
    }
    assert!(cases.len() >= 60, "regions.tsv has {} cases", cases.len());
    finish("regions.tsv", cases.len(), &failures);
}
