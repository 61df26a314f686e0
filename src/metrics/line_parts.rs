//! The parts of reading one line's figures (`metrics::line_mentions`):
//! a figure's label, the larger body's figures a 其中 sets aside, and the
//! figures too large for a value.

use super::*;

/// Labels carried from one figure of a line to the next.
#[derive(Default)]
pub(super) struct Carried {
    /// The label of a figure a change starts from (由原来的1200平方米), and
    /// where that figure ends.
    pub(super) changed_from: Option<(Label, usize)>,
    /// The label of a figure left out as a target or a change (目标20万人次,
    /// 较上年增加6场), and where that figure ends: the outcome in the next
    /// clause (，实际完成23.6万人次; ，达到21场) is the year's figure.
    pub(super) left_out: Option<(Label, usize)>,
    /// The label of a count of titles (新增图书5256种), and where it ends:
    /// the volumes right after it (，5353册) are the figure of that label.
    pub(super) titles: Option<(Label, usize)>,
}

/// Where a figure stands in its line: its clause (after any figure
/// before it), its sentence, and where the figure before it ends.
#[derive(Clone, Copy)]
pub(super) struct FigureSpan {
    pub(super) clause: usize,
    pub(super) sentence: usize,
    pub(super) previous_end: usize,
}

/// A figure's label and how it was found.
pub(super) struct FigureLabel {
    pub(super) label: Label,
    /// Where the figure's phrase starts.
    pub(super) phrase_start: usize,
    /// The label came from an earlier figure (a change, an outcome, the
    /// volumes after titles).
    pub(super) carried_label: bool,
    /// The label is that of the figure a change started from.
    pub(super) changed_label: bool,
}

/// The label of figure `m`: one carried from the figure before it, else
/// the words before it, inside its span or after it. A figure without one
/// may be the start of a change, whose label is kept in `carried`.
pub(super) fn label_of_figure(
    words: &str,
    m: &QuantityMatch,
    span: FigureSpan,
    carried: &mut Carried,
    subjects: &mut WordIndex,
) -> Option<FigureLabel> {
    let FigureSpan {
        clause,
        sentence,
        previous_end,
    } = span;
    // Years may stand between (，至2022年末增加到).
    let outcome = carried
        .left_out
        .take()
        .filter(|(_, from_end)| (sentence..=m.number.start).contains(from_end))
        .filter(|(_, from_end)| is_outcome(&words[*from_end..m.number.start]));
    // 馆舍面积由原来的1200平方米增至4500平方米: the figure a change
    // leads to takes the label of the one it changed from.
    let changed = carried
        .changed_from
        .take()
        .filter(|(_, from_end)| *from_end == previous_end)
        .filter(|_| is_change_to(&words[previous_end..m.number.start]));
    // The words of the figure changed from (上年) are not this one's,
    // but an outcome's own clause is weighed (实际完成…).
    let changed_label = changed.is_some();
    let volumes = carried
        .titles
        .take()
        .filter(|(_, from_end)| *from_end == previous_end)
        .filter(|_| m.quantity.unit == Some(Unit::Volume))
        .filter(|(_, from_end)| {
            TITLES_VOLUMES_JOINS.contains(&words[*from_end..m.number.start].trim())
        });
    let changed = changed.or(outcome).or(volumes).map(|(label, _)| label);
    let phrase_start = changed.as_ref().map_or(clause, |label| label.span.start);
    let carried_label = changed.is_some();
    let before = match changed {
        Some(label) => Some(label),
        None => before_label(words, clause, sentence, m, subjects)
            .or_else(|| label_inside_span(words, clause, sentence, m, subjects)),
    };
    let label = match before {
        Some(label) if label.weak => after_label(words, m).or(Some(label)),
        Some(label) => Some(label),
        None => after_label(words, m),
    };
    let Some(label) = label else {
        // The figure a change starts from is the past; its label is
        // kept for the figure the change leads to.
        carried.changed_from = label_of_change_from(words, clause, sentence, m, subjects)
            .map(|label| (label, m.span.end));
        return None;
    };
    Some(FigureLabel {
        label,
        phrase_start,
        carried_label,
        changed_label,
    })
}

/// The figures of a line too large for any value (馆藏总量
/// 99999999999999999999999亿册): each labelled one is left out with a
/// warning, not in silence.
pub(super) fn out_of_range_figures(
    line: &Line<'_>,
    matches: &[QuantityMatch],
    overflows: &[std::ops::Range<usize>],
    subjects: &mut WordIndex,
    warnings: &mut Vec<Warning>,
) {
    let text = line.text();
    let words = line.folded();
    let mut marks = Marks::default();
    for span in overflows {
        marks.advance(text, span.start);
        let before = matches.partition_point(|m| m.span.end <= span.start);
        let previous_end = before.checked_sub(1).map_or(0, |p| matches[p].span.end);
        let clause = marks.clause.max(previous_end).min(span.start);
        let figure = QuantityMatch {
            quantity: Quantity {
                value: Decimal::ZERO,
                unit: None,
                approx: None,
            },
            kind: QuantityKind::Figure,
            span: span.clone(),
            number: span.clone(),
            high: None,
        };
        if let Some(label) = before_label(words, clause, marks.sentence, &figure, subjects) {
            warnings.push(Warning::DoubtfulFigure {
                key: label.key,
                text: text
                    .get(clause..span.end)
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
                line: line.no(),
                reason: DoubtReason::NumberOutOfRange,
            });
        }
    }
}

/// 全市共建成城市书房41家，其中市图书馆直接管理的9家: the sentence's
/// figures of `key` before the library's own part were a larger body's.
/// They are this line's last mentions of the key in `out`: each is taken
/// out with a warning.
pub(super) fn drop_the_larger_bodys(
    out: &mut Vec<Mention>,
    found: &mut Found,
    key: MetricKey,
    sentence: usize,
    line: u32,
    warnings: &mut Vec<Warning>,
) {
    // The sentence's figures of the key are this line's last ones
    // of the key in `out`.
    let mut to_drop = found.take_from(key, sentence);
    let mut at = out.len();
    while to_drop > 0 && at > 0 {
        at -= 1;
        if out[at].line != line {
            break;
        }
        if out[at].key == key {
            to_drop -= 1;
            let mention = out.remove(at);
            warnings.push(Warning::DoubtfulFigure {
                key: mention.key,
                text: mention.text,
                line: mention.line,
                reason: DoubtReason::LargerBody,
            });
        }
    }
}
