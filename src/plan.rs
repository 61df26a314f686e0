//! Plan section → [`PlanItem`]s: one per numbered point (一、 1. （一）…)
//! and one per inline enumeration (一是…二是…) inside a point.
//!
//! A point that is only a heading (（一）继续推进免费开放工作) takes the
//! unnumbered paragraph under it as its body. Lines before the first point
//! that only announce the list (以下几方面工作：) are not items; a plan
//! without any numbering gives one item per paragraph.

use crate::clean::Lines;
use crate::contract::report::PlanItem;
use crate::heading;
use crate::tables::enumeration::{INLINE_ENUMERATORS, LIST_ANNOUNCERS};
use crate::tables::punctuation::{CLAUSE_OPENING_MARKS, COLONS, ITEM_TRIM, JOINING_COLON};

/// The items of a plan section's lines, of a section whose first line holds its title in its
/// first `title_len` bytes (八、2024年工作打算。2024年，我馆将…一是…): the
/// line's marker is the title's, and the plan starts after it.
pub fn parse_plan_after(lines: Lines<'_>, title_len: usize) -> Vec<PlanItem> {
    let mut points: Vec<PlanItem> = Vec::new();
    // The numbering style of the first point: the top level. Points of
    // another style are parts of the top-level point above them.
    let mut top: Option<heading::MarkerStyle> = None;
    let mut last_was_heading = false;
    let mut last_number = 0;
    for (i, line) in lines.iter().enumerate() {
        let (text, marker) = match line.text().get(title_len..) {
            Some(rest) if i == 0 && title_len > 0 => (rest.trim(), None),
            _ => (line.text(), line.marker()),
        };
        if text.is_empty() {
            continue;
        }
        let sequence = heading::Sequence {
            last: last_number,
            style: top,
            may_restart: true,
        };
        let point = sequence.next(marker, text);
        // A numbered point is never the signature (二、建成两个分馆).
        if point.is_none() && line.is_signature() {
            continue;
        }
        if let Some((marker, rest)) = point {
            let style = *top.get_or_insert(marker.style);
            if marker.style == style {
                last_number = marker.number;
                last_was_heading = heading::is_heading_shaped(rest);
                points.push(PlanItem {
                    text: rest.to_owned(),
                    line: line.no(),
                });
                continue;
            }
        }
        match points.last_mut() {
            // The body of a heading-only point, or a part of a point.
            Some(point) if top.is_some() => {
                point
                    .text
                    .push(if last_was_heading { JOINING_COLON } else { ' ' });
                point.text.push_str(text);
                last_was_heading = false;
            }
            // A lead-in before the first point (以下几方面工作：, 重点抓好
            // 以下六个方面的工作。).
            _ if text.ends_with(COLONS) || (announces_a_list(text) && !has_enumeration(text)) => {}
            _ if top.is_some() => points.push(PlanItem {
                text: text.to_owned(),
                line: line.no(),
            }),
            // An unnumbered paragraph: its 一是…二是… are its items.
            _ => points.extend(split_enumeration(PlanItem {
                text: text.to_owned(),
                line: line.no(),
            })),
        }
    }
    points
}

/// Whether a paragraph holds its own 一是…二是… items.
fn has_enumeration(text: &str) -> bool {
    INLINE_ENUMERATORS
        .iter()
        .any(|(word, _)| text.contains(word))
}

/// A sentence that announces the list after it (以下六个方面, 如下).
fn announces_a_list(text: &str) -> bool {
    LIST_ANNOUNCERS.iter().any(|word| text.contains(word))
}

/// Splits `一是…，二是…` into the lead and one item per part; a point
/// without such an enumeration stays whole.
fn split_enumeration(point: PlanItem) -> Vec<PlanItem> {
    let starts = enumeration_starts(&point.text);
    if starts.len() < 2 {
        return vec![point];
    }
    let mut items = Vec::with_capacity(starts.len() + 1);
    let lead = trim_item(&point.text[..starts[0].0]);
    let announces = point.text[..starts[0].0].trim_end().ends_with(COLONS);
    if !lead.is_empty() && !announces {
        items.push(PlanItem {
            text: lead.to_owned(),
            line: point.line,
        });
    }
    for (n, &(start, word_len)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(point.text.len(), |next| next.0);
        let part = trim_item(&point.text[start + word_len..end]);
        if !part.is_empty() {
            items.push(PlanItem {
                text: part.to_owned(),
                line: point.line,
            });
        }
    }
    items
}

/// Byte offsets and lengths of `一是`, `二是`, … in sequence, each at the
/// start of the text or after punctuation.
fn enumeration_starts(text: &str) -> Vec<(usize, usize)> {
    let mut starts = Vec::new();
    let mut expected = 1;
    let mut from = 0;
    while let Some((offset, word)) = INLINE_ENUMERATORS
        .iter()
        .filter(|(_, n)| *n == expected)
        .filter_map(|(word, _)| {
            text[from..]
                .match_indices(word)
                .map(|(i, _)| from + i)
                .find(|&i| at_clause_start(text, i))
                .map(|i| (i, *word))
        })
        .min_by_key(|(i, _)| *i)
    {
        starts.push((offset, word.len()));
        from = offset + word.len();
        expected += 1;
    }
    starts
}

fn at_clause_start(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| CLAUSE_OPENING_MARKS.contains(&c))
}

fn trim_item(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || ITEM_TRIM.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_plan(lines: Lines<'_>) -> Vec<PlanItem> {
        parse_plan_after(lines, 0)
    }

    use crate::clean::numbered_lines as lines;

    fn texts(items: &[PlanItem]) -> Vec<(&str, u32)> {
        items.iter().map(|i| (i.text.as_str(), i.line)).collect()
    }

    #[test]
    fn inline_enumeration_stays_inside_its_numbered_point() {
        let input = lines(&[
            "一、深入推广全民阅读，围绕建党 100 周年开展活动，一是参加诵读大赛，二是参加红岩少年阅读活动，三是举办党史展览。同时做好培训工作。",
            "二、积极做好第七次公共图书馆评估定级工作，争创国家级一级馆。",
        ]);
        assert_eq!(
            texts(&parse_plan(input.lines())),
            [
                (
                    "深入推广全民阅读，围绕建党 100 周年开展活动，一是参加诵读大赛，二是参加红岩少年阅读活动，三是举办党史展览。同时做好培训工作。",
                    1
                ),
                (
                    "积极做好第七次公共图书馆评估定级工作，争创国家级一级馆。",
                    2
                ),
            ]
        );
    }

    #[test]
    fn a_sentence_announcing_the_list_is_no_item() {
        let input = lines(&[
            "2022年，本馆将重点抓好以下两个方面的工作。",
            "一、办好读书节",
            "二、建成两个分馆",
        ]);
        assert_eq!(
            texts(&parse_plan(input.lines())),
            [("办好读书节", 2), ("建成两个分馆", 3)]
        );
    }

    #[test]
    fn heading_points_take_their_paragraph() {
        let input = lines(&[
            "2021 年重点做好以下工作：",
            "（一）继续推进免费开放工作",
            "进一步优化服务质量。",
            "（二）做好采购工作。",
            "1.2021 年寒暑假读书活动。",
        ]);
        assert_eq!(
            texts(&parse_plan(input.lines())),
            [
                ("继续推进免费开放工作：进一步优化服务质量。", 2),
                ("做好采购工作。 1.2021 年寒暑假读书活动。", 4),
            ],
            "a point of another numbering is part of the top-level point"
        );
    }

    #[test]
    fn an_unnumbered_paragraph_counts_its_yi_shi_items_and_no_signature() {
        let input = lines(&[
            "还将做好以下基础工作：一是加强队伍建设；二是完善管理制度；三是深化合作。",
            "某某县图书馆",
            "2021年1月8日",
        ]);
        assert_eq!(
            texts(&parse_plan(input.lines())),
            [("加强队伍建设", 1), ("完善管理制度", 1), ("深化合作。", 1)]
        );
        // A township library signed by the culture station that runs it.
        let input = lines(&["一是加强阵地服务；二是办好读书月。", "某某镇综合文化站"]);
        assert_eq!(
            texts(&parse_plan(input.lines())),
            [("加强阵地服务", 1), ("办好读书月。", 1)]
        );
    }

    #[test]
    fn unnumbered_plan_gives_one_item_per_paragraph() {
        let input = lines(&["加强阵地服务。", "推进总分馆建设。"]);
        assert_eq!(
            texts(&parse_plan(input.lines())),
            [("加强阵地服务。", 1), ("推进总分馆建设。", 2)]
        );
    }

    #[test]
    fn a_lone_yi_shi_is_not_an_enumeration() {
        let input = lines(&["一、一是要坚持读者第一。"]);
        assert_eq!(
            texts(&parse_plan(input.lines())),
            [("一是要坚持读者第一。", 1)]
        );
    }
}
