//! How a phrase of running text reads, for `libreport quantity`: one
//! [`Reading`] per numeric phrase in it, with where it stands.
//!
//! Stage: a phrase as a user typed it (labels, nouns, several figures,
//! traditional or simplified script) in; readings out. Words are matched in
//! simplified characters ([`script::fold`] keeps every offset), and the
//! figure is quoted as written. A phrase that is nothing but one quantity
//! reads as [`quantity::parse_quantity`] reads it (一千零五 too); any other
//! is scanned as the extractor scans a line ([`quantity::scan_in`]), each
//! match a reading. A traditional-script phrase counts years in the 民国 era
//! (105年 is 2016).

use std::borrow::Cow;
use std::ops::Range;

use serde::Serialize;

use crate::date::{self, DateContext};
use crate::decimal::Decimal;
use crate::quantity::{self, Era, QuantityError, QuantityKind, QuantityMatch};
use crate::report::{Approx, PartialDate};
use crate::script;
use crate::unit::Unit;

/// One line of `libreport quantity`'s output: a figure found in `input`,
/// or why none was.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reading {
    /// The phrase as given.
    pub input: String,
    /// The figure or the error.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// A figure, or why a phrase has none.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Outcome {
    /// A numeric phrase read.
    Read(Figure),
    /// No numeric phrase in the input.
    Failed {
        /// Why, in one lowercase line: `no figure`, or a vague amount, or a
        /// numeral that cannot be read.
        error: String,
    },
}

/// A numeric phrase read from running text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// Character offset of the phrase in the input (approximation and
    /// change words included).
    pub start: usize,
    /// Character offset just past the phrase.
    pub end: usize,
    /// The phrase as written.
    pub text: String,
    /// Value in the base unit (signed for a change); `null` for a range.
    pub value: Option<Decimal>,
    /// Base unit, `null` for a bare number.
    pub unit: Option<Unit>,
    /// Approximation, `null` when exact.
    pub approx: Option<Approx>,
    /// What the phrase is.
    pub kind: QuantityKind,
    /// A range's lower bound, in the base unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<Decimal>,
    /// A range's upper bound, in the base unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<Decimal>,
    /// A date's calendar value: `2021-03-12`, `2021-03`; `--04-01` when no
    /// year is written in the phrase, `---16` when no month is either.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The last day of a date span (4月1日至5月31日), written as `date` is.
    /// (`end` is taken by the character offset.)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_end: Option<String>,
}

/// The error of a phrase with no numeric phrase at all.
pub const NO_FIGURE: &str = "no figure";

/// Every numeric phrase of `input`, in order; one [`Outcome::Failed`]
/// reading when there is none.
pub fn read_phrase(input: &str) -> Vec<Reading> {
    // A pinyin gloss (冊(cè)) is read through, as the extractor reads it
    // (`clean`); the offsets and text of a reading are the input's.
    let glosses = Glosses(crate::text::gloss_spans(input));
    let unglossed = match crate::text::without_glosses(input) {
        Some(cut) => Cow::Owned(cut),
        None => Cow::Borrowed(input),
    };
    let folded = script::fold(&unglossed);
    let era = match folded {
        Cow::Owned(_) => Era::Minguo,
        Cow::Borrowed(_) => Era::Common,
    };
    let text = folded.as_ref();
    let whole = quantity::parse_quantity_in(text, era);
    let matches = match &whole {
        Ok(m) if covers_the_phrase(text, &m.span) => vec![m.clone()],
        _ => quantity::scan_in(text, era),
    };
    let reading = |outcome| Reading {
        input: input.to_owned(),
        outcome,
    };
    if matches.is_empty() {
        let outcome = match whole {
            Ok(m) => Outcome::Read(figure(input, &glosses, text, &m, &mut Calendar::default())),
            Err(e) => Outcome::Failed {
                error: error_text(e),
            },
        };
        return vec![reading(outcome)];
    }
    let mut calendar = Calendar::default();
    matches
        .iter()
        .map(|m| {
            reading(Outcome::Read(figure(
                input,
                &glosses,
                text,
                m,
                &mut calendar,
            )))
        })
        .collect()
}

/// True when `span` is the whole phrase, bar surrounding whitespace and
/// the trailing punctuation `parse_quantity` allows.
fn covers_the_phrase(text: &str, span: &Range<usize>) -> bool {
    let lead = text.len() - text.trim_start().len();
    let rest = text.get(span.end..).unwrap_or_default();
    span.start == lead
        && rest
            .trim()
            .trim_start_matches(crate::tables::phrases::TRAILING_PUNCTUATION)
            .trim()
            .is_empty()
}

fn error_text(e: QuantityError) -> String {
    match e {
        QuantityError::Empty | QuantityError::NotAQuantity | QuantityError::TrailingText { .. } => {
            NO_FIGURE.to_owned()
        }
        e => e.to_string(),
    }
}

/// The year and month the phrase has named so far: 2021年…4月1日 is in 2021,
/// 3月12日和14日 in March.
#[derive(Clone, Copy, Debug, Default)]
struct Calendar {
    year: Option<i32>,
    month: Option<u8>,
}

/// The glosses cut from a phrase (byte ranges of the input), to carry an
/// offset of the cut text back to the input.
struct Glosses(Vec<Range<usize>>);

impl Glosses {
    /// `span` of the cut text as a span of the input: a gloss right after
    /// the span's last character is the span's (冊(cè)).
    fn to_input(&self, span: &Range<usize>) -> Range<usize> {
        let mut start = span.start;
        let mut end = span.end;
        let mut removed = 0;
        for gloss in &self.0 {
            let at = gloss.start - removed;
            let len = gloss.end - gloss.start;
            if at <= span.start {
                start += len;
            }
            if at <= span.end {
                end += len;
            }
            removed += len;
        }
        start..end
    }
}

fn figure(
    input: &str,
    glosses: &Glosses,
    text: &str,
    m: &QuantityMatch,
    calendar: &mut Calendar,
) -> Figure {
    let chars = |at: usize| input.get(..at).map_or(0, |t| t.chars().count());
    let span = glosses.to_input(&m.span);
    let mut figure = Figure {
        start: chars(span.start),
        end: chars(span.end),
        text: input.get(span).unwrap_or_default().to_owned(),
        value: Some(m.quantity.value),
        unit: m.quantity.unit,
        approx: m.quantity.approx,
        kind: m.kind,
        low: None,
        high: None,
        date: None,
        date_end: None,
    };
    match m.kind {
        QuantityKind::Range => {
            figure.value = None;
            figure.low = Some(m.quantity.value);
            figure.high = m.high;
        }
        QuantityKind::Year => {
            calendar.year = m
                .quantity
                .value
                .to_i64()
                .and_then(|y| i32::try_from(y).ok());
            calendar.month = None;
        }
        QuantityKind::Date => {
            if let Some((start, end)) = text
                .get(m.span.start..)
                .and_then(|rest| calendar.read(rest))
            {
                figure.date = Some(start);
                figure.date_end = end;
            }
        }
        _ => {}
    }
    figure
}

impl Calendar {
    /// The date at the start of `s`, as written (`--MM-DD` when the year is
    /// unknown), and its end for a span; remembers its year and month.
    fn read(&mut self, s: &str) -> Option<(String, Option<String>)> {
        // A leap year stands in for an unknown one, so that 2月29日 reads.
        let ctx = DateContext {
            year: self.year.unwrap_or(2000),
            month: Some(self.month.unwrap_or(1)),
        };
        let (span, _, shape) = date::read_date(s, &ctx)?;
        let year = shape.year || self.year.is_some();
        let month = shape.month || self.month.is_some();
        if year {
            self.year = Some(span.end.unwrap_or(span.start).year);
        }
        if month {
            self.month = Some(span.end.unwrap_or(span.start).month);
        }
        let show = |d: PartialDate| written(d, year, month);
        Some((show(span.start), span.end.map(show)))
    }
}

/// `2021-03-12`, `2021-03`; `--03-12` without a year, `---12` without a
/// month either (ISO 8601's forms for a date with its year left out).
fn written(d: PartialDate, year: bool, month: bool) -> String {
    match (year, month, d.day) {
        (true, _, _) => d.to_string(),
        (false, true, Some(day)) => format!("--{:02}-{day:02}", d.month),
        (false, true, None) => format!("--{:02}", d.month),
        (false, false, Some(day)) => format!("---{day:02}"),
        (false, false, None) => format!("--{:02}", d.month),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(s: &str) -> Vec<String> {
        read_phrase(s)
            .iter()
            .map(|r| serde_json::to_string(r).expect("json"))
            .collect()
    }

    #[test]
    fn a_phrase_that_is_one_figure_reads_as_before() {
        assert_eq!(
            json("168.52 万元"),
            [
                r#"{"input":"168.52 万元","start":0,"end":9,"text":"168.52 万元","value":1685200,"unit":"元","approx":null,"kind":"figure"}"#
            ]
        );
        assert_eq!(
            json("下降了 22.35%"),
            [
                r#"{"input":"下降了 22.35%","start":0,"end":10,"text":"下降了 22.35%","value":-22.35,"unit":"%","approx":null,"kind":"change"}"#
            ]
        );
        assert_eq!(
            json("一千零五"),
            [
                r#"{"input":"一千零五","start":0,"end":4,"text":"一千零五","value":1005,"unit":null,"approx":null,"kind":"figure"}"#
            ]
        );
    }

    #[test]
    fn running_text_gives_every_figure_with_its_offsets() {
        let got = json("全年接待读者39.60万余人次，举办活动130场");
        assert_eq!(
            got,
            [
                r#"{"input":"全年接待读者39.60万余人次，举办活动130场","start":6,"end":15,"text":"39.60万余人次","value":396000,"unit":"人次","approx":"more_than","kind":"figure"}"#,
                r#"{"input":"全年接待读者39.60万余人次，举办活动130场","start":20,"end":24,"text":"130场","value":130,"unit":"场","approx":null,"kind":"figure"}"#,
            ]
        );
    }

    #[test]
    fn no_figure_and_vague_amounts_are_errors() {
        assert_eq!(
            json("图书馆"),
            [r#"{"input":"图书馆","error":"no figure"}"#]
        );
        assert_eq!(
            json("两三个"),
            [r#"{"input":"两三个","error":"vague amount, no figure"}"#]
        );
        assert_eq!(
            json("吸引上千人参加"),
            [r#"{"input":"吸引上千人参加","error":"vague amount, no figure"}"#]
        );
    }

    #[test]
    fn ranges_carry_low_and_high() {
        for (input, low, high, unit) in [
            ("3–5场", "3", "5", "场"),
            ("三至五次", "3", "5", "次"),
            ("每次两到三个", "2", "3", "个"),
            ("40至50场次", "40", "50", "场次"),
            ("3-5万人", "30000", "50000", "人"),
        ] {
            let r = read_phrase(input);
            let Outcome::Read(f) = &r[0].outcome else {
                panic!("{input}: {r:?}");
            };
            assert_eq!(f.kind, QuantityKind::Range, "{input}");
            assert_eq!(f.value, None, "{input}");
            assert_eq!(
                f.low.map(|v| v.to_string()).as_deref(),
                Some(low),
                "{input}"
            );
            assert_eq!(
                f.high.map(|v| v.to_string()).as_deref(),
                Some(high),
                "{input}"
            );
            assert_eq!(f.unit.map(Unit::symbol), Some(unit), "{input}");
        }
    }

    #[test]
    fn dates_carry_their_calendar_value() {
        let dates = |s: &str| -> Vec<(Option<String>, Option<String>)> {
            read_phrase(s)
                .into_iter()
                .filter_map(|r| match r.outcome {
                    Outcome::Read(f) if f.kind == QuantityKind::Date => Some((f.date, f.date_end)),
                    _ => None,
                })
                .collect()
        };
        let d = |s: &str| Some(s.to_owned());
        assert_eq!(dates("于2021年3月12日开馆"), [(d("2021-03-12"), None)]);
        assert_eq!(dates("2021.03.12"), [(d("2021-03-12"), None)]);
        assert_eq!(dates("2021年3月"), [(d("2021-03"), None)]);
        assert_eq!(dates("4月1日至5月31日举办"), [(d("--04-01"), d("--05-31"))]);
        assert_eq!(
            dates("2020年活动于4月1日至5月31日举办"),
            [(d("2020-04-01"), d("2020-05-31"))]
        );
        assert_eq!(dates("元月15日"), [(d("--01-15"), None)]);
        assert_eq!(
            dates("3月12日和14日"),
            [(d("--03-12"), None), (d("--03-14"), None)]
        );
    }

    #[test]
    fn traditional_phrases_count_minguo_years() {
        let r = read_phrase("105年度圖書館年報");
        let Outcome::Read(f) = &r[0].outcome else {
            panic!("{r:?}");
        };
        assert_eq!(
            (f.kind, f.value),
            (QuantityKind::Year, Some(Decimal::from_int(2016)))
        );
        assert_eq!(f.text, "105年度");
        // simplified script: a span of years, unless 民国 is written
        let r = read_phrase("成立105年");
        let Outcome::Read(f) = &r[0].outcome else {
            panic!("{r:?}");
        };
        assert_eq!(f.kind, QuantityKind::Figure);
        let r = read_phrase("民国105年");
        let Outcome::Read(f) = &r[0].outcome else {
            panic!("{r:?}");
        };
        assert_eq!((f.kind, f.start), (QuantityKind::Year, 0));
        assert_eq!(f.value, Some(Decimal::from_int(2016)));
    }
}
