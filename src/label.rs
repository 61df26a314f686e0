//! Metric labels composed from parts (`tables::grammar`): 接待各类读者,
//! 馆藏纸质图书, 文献外借, with the figure's unit deciding the key.

use std::sync::LazyLock;

use crate::contract::metric_key::MetricKey;
use crate::contract::unit::Unit;
use crate::matcher::words::WordSet;
use crate::tables::grammar::{
    Action, LABEL_PARTS, LABEL_RULES, LabelRule, NOT_OWNERS, Noun, OWNER_WORDS, Part, TIME_ENDS,
};

/// A label read from parts: its key and where it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Composed {
    /// The key the parts and the unit name.
    pub key: MetricKey,
    /// Byte offset where the label's first part starts.
    pub start: usize,
    /// Whether a noun is among the parts (接待读者), not a verb alone (接待).
    pub has_noun: bool,
}

/// The most parts a label is read from, and the most bytes it spans: a
/// label is a short noun phrase, and the bound keeps each figure's look
/// back short however long the line.
const MAX_PARTS: usize = 6;
const MAX_SPAN: usize = 96;

/// The last characters of the parts, sorted.
static PART_ENDS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut ends: Vec<char> = LABEL_PARTS
        .iter()
        .filter_map(|(word, _)| word.chars().next_back())
        .collect();
    ends.sort_unstable();
    ends.dedup();
    ends
});

static PARTS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(LABEL_PARTS.iter().map(|(word, _)| word)));

/// How a figure is written, for choosing among the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// In a unit (册次, 人次): the rules that take the unit.
    In(Unit),
    /// With no unit but a 万 or 亿 (持证读者增至2.4万, 馆藏达到52万): a
    /// count whose unit the label's words fix, taken only when every rule
    /// the words fit names one key (外借 alone may be volumes or people).
    /// A label with no noun (馆藏) names the figure only when the figure
    /// ends its clause: 共有2685.9万读者 counts the readers after it.
    BareMyriad {
        /// Whether a clause mark or the line's end follows the figure.
        ends_clause: bool,
    },
}

/// The label made only of parts that ends at `end` of `text`, starting no
/// earlier than `floor`, for a figure written in `unit`. A label needs an
/// action and a unit that one rule takes; it has no key otherwise.
pub fn composed_label(
    text: &str,
    floor: usize,
    end: usize,
    unit: Option<Unit>,
) -> Option<Composed> {
    composed_label_written(text, floor, end, Written::In(unit?))
}

/// [`composed_label`] for a figure written as `written`.
pub fn composed_label_written(
    text: &str,
    floor: usize,
    end: usize,
    written: Written,
) -> Option<Composed> {
    // Most figures follow no part at all: one look at the last character
    // turns them away before any search.
    let last = text.get(..end)?.chars().next_back()?;
    if PART_ENDS.binary_search(&last).is_err() {
        return None;
    }
    let mut floor = floor.max(end.saturating_sub(MAX_SPAN));
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let window = text.get(floor..end)?;
    let found: Vec<(usize, usize, usize)> = PARTS
        .find_all(window)
        .map(|m| (floor + m.start(), floor + m.end(), m.row()))
        .collect();
    let mut actions: Vec<Action> = Vec::new();
    let mut nouns: Vec<Noun> = Vec::new();
    // The unit the label's words name, the one nearest the figure.
    let mut counted: Option<Unit> = None;
    let mut at = end;
    for _ in 0..MAX_PARTS {
        // The longest part ending here.
        let Some(&(start, _, row)) = found
            .iter()
            .filter(|(_, e, _)| *e == at)
            .max_by_key(|(s, e, _)| e - s)
        else {
            break;
        };
        match LABEL_PARTS[row].1 {
            Part::Action(action) => actions.push(action),
            Part::Noun(noun) => nouns.push(noun),
            Part::Modifier => {}
            Part::Counted(unit) => {
                counted.get_or_insert(unit);
            }
        }
        at = start;
    }
    if actions.is_empty() || !stands_alone(&text[..at]) {
        return None;
    }
    let fits = |rule: &&LabelRule| {
        rule.actions.iter().any(|a| actions.contains(a))
            && nouns.iter().all(|n| rule.nouns.contains(n))
            && (!rule.needs_noun || !nouns.is_empty())
    };
    let written = match (written, counted) {
        (Written::BareMyriad { .. }, Some(unit)) => Written::In(unit),
        (written, _) => written,
    };
    let key = match written {
        Written::In(unit) => {
            LABEL_RULES
                .iter()
                .filter(fits)
                .find(|rule| rule.units.contains(&unit))?
                .key
        }
        Written::BareMyriad { ends_clause } => {
            if nouns.is_empty() && !ends_clause {
                return None;
            }
            let mut keys = LABEL_RULES.iter().filter(fits).map(|rule| rule.key);
            let key = keys.next()?;
            if keys.any(|other| other != key) {
                return None;
            }
            key
        }
    };
    Some(Composed {
        key,
        start: at,
        has_noun: !nouns.is_empty(),
    })
}

/// Whether a label may start after `before`: at the start of its clause
/// (after a mark, a space or a number), after a time phrase, or after a
/// word that names the library itself.
fn stands_alone(before: &str) -> bool {
    let Some(last) = before.chars().next_back() else {
        return true;
    };
    !crate::fold::is_han(last)
        || TIME_ENDS.contains(&last)
        || (OWNER_WORDS.iter().any(|word| before.ends_with(word))
            && !NOT_OWNERS.iter().any(|word| before.ends_with(word)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::unit::Unit::*;

    fn key(label: &str, unit: Unit) -> Option<&'static str> {
        composed_label(label, 0, label.len(), Some(unit)).map(|c| c.key.as_str())
    }

    #[test]
    fn parts_and_unit_decide_the_key() {
        assert_eq!(key("全年接待各类读者", PersonVisit), Some("visits"));
        assert_eq!(key("馆藏纸质图书", Volume), Some("collection_total"));
        assert_eq!(key("当年新增图书", Volume), Some("collection_new"));
        assert_eq!(key("文献外借", VolumeUse), Some("loans"));
        assert_eq!(key("借阅读者", PersonVisit), Some("loan_visits"));
        assert_eq!(
            key("文献外借", PersonVisit),
            None,
            "documents are not people"
        );
        assert_eq!(key("全馆在编职工", Person), Some("staff_total"));
        assert_eq!(key("新办借阅证", Sheet), Some("new_registrations"));
        assert_eq!(key("办理借书证", Sheet), Some("new_registrations"));
        assert_eq!(key("新增读者证数", Sheet), Some("new_registrations"));
        assert_eq!(key("累计有效持证读者", Person), Some("registered_readers"));
    }

    fn bare(label: &str, ends_clause: bool) -> Option<&'static str> {
        let written = Written::BareMyriad { ends_clause };
        composed_label_written(label, 0, label.len(), written).map(|c| c.key.as_str())
    }

    #[test]
    fn a_bare_myriad_takes_the_one_key_the_words_fix() {
        assert_eq!(bare("年末持卡读者", true), Some("registered_readers"));
        assert_eq!(bare("全年接待各类读者", false), Some("visits"));
        assert_eq!(bare("馆藏", true), Some("collection_total"));
        assert_eq!(bare("外借", true), None, "volumes or borrowers");
        assert_eq!(bare("共有", false), None, "a noun after the figure");
        // A word of the label names the unit: 外借人次 counts borrowers.
        assert_eq!(bare("外借人次", true), Some("loan_visits"));
        assert_eq!(bare("书刊外借人次", true), None, "documents are not people");
        assert_eq!(bare("文献借阅册次", true), Some("loans"));
        assert_eq!(bare("中文图书", true), None, "no action");
    }

    #[test]
    fn a_label_needs_an_action_a_fitting_noun_and_a_unit() {
        assert_eq!(key("中文图书", Volume), None, "no action");
        assert_eq!(key("全馆接待读者", Person), Some("visits"));
        assert_eq!(key("在编职工", PersonVisit), None, "unit of no rule");
        assert_eq!(composed_label("接待读者", 0, 12, None), None);
        // After another noun, the figure is that noun's.
        let text = "自修室接待读者";
        let composed = composed_label(text, 0, text.len(), Some(PersonVisit));
        assert_eq!(composed, None, "after another noun: its figure");
        for text in [
            "我馆接待读者",
            "某县图书馆接待读者",
            "2020年接待读者",
            "，接待读者",
            "接待读者",
        ] {
            let composed = composed_label(text, 0, text.len(), Some(PersonVisit));
            assert_eq!(composed.map(|c| c.key.as_str()), Some("visits"), "{text}");
        }
        let text = "自助图书馆外借图书";
        assert_eq!(composed_label(text, 0, text.len(), Some(VolumeUse)), None);
        let text = "自修室接待";
        assert_eq!(composed_label(text, 0, text.len(), Some(PersonVisit)), None);
    }
}
