//! Figures → [`Mention`]s of metric keys, and [`resolve`] to one value per
//! key.
//!
//! In prose, the label that names a figure is the longest wording of
//! `tables::metrics` that ends just before the number (fillers such as 为,
//! 共计 or a parenthesis may stand between), or for counts of places the
//! wording just after it (27 个分馆). A generic wording (粉丝, 发布信息)
//! takes its meaning from the sentence's subject (微信, 微博).
//!
//! A figure is left out when it is not this year's own total: a ratio
//! (人均), last year's or another year's, a target, another body's (全省 in
//! a county report), a part of the figure before it (其中…), or one
//! figure shared by a list (讲座、培训 130 余场次). Doubtful cases are
//! warned about; plain ratios and parts are not.

use std::ops::Range;
use std::sync::LazyLock;

use crate::matcher::words::{WordIndex, WordSet};

use crate::clean::{Cell, Line, Lines};
use crate::contract::decimal::Decimal;
use crate::contract::metric_key::MetricKey;
use crate::contract::report::{DoubtReason, Mention, Origin, SectionKind, StatRow, Warning};
use crate::contract::unit::Unit;
use crate::label;
use crate::quantity::{self, Quantity, QuantityKind, QuantityMatch};
use crate::tables::grammar::{LABEL_JOINERS, OWNER_WORDS, POSSESSIVE};
use crate::tables::library::{
    CAPITAL_WORD, CHILDREN_WORD, CITY_MARK, LIBRARY_WORD, LIBRARY_WORD_TRADITIONAL, NATION_WORD,
    PROVINCE_MARK,
};
use crate::tables::metrics::{
    AFTER_LABEL_HEADS, AFTER_LABEL_NAMES, AFTER_LABELS, BRANCH_LIBRARY_ENDS, CHANGE_FROM,
    CHANGE_TO, CHILDRENS_LIBRARIES, COUNTED_IN, EXCLUDE_WORDS, EXTRA_UNITS, FILLERS, INCLUDE_WORDS,
    INCLUDES_OTHERS, ITEM_LABELS, LEVEL_WORDS, LIST_CLOSERS, METRIC_LABELS, NETWORK_KEYS,
    OUTCOME_TIMES, OUTCOME_WORDS, SHARE_WORDS, SUBJECT_JOINERS, SUBJECTS, Subject,
    TITLES_VOLUMES_JOINS, UNIT_REDIRECTS, YEAR_ROUND_WORDS,
};
use crate::tables::numerals::{MULTIPLIERS, SECTION_POWER};
use crate::tables::punctuation::{
    CELL_BREAKS, CLAUSE_COMMAS, CLAUSE_ENDS, CLOSING_STOPS, DIGIT_GROUP_MARKS, LABEL_SPACES,
    LIST_COMMA, PAREN_CLOSES, PAREN_OPENS, SENTENCE_ENDS, TOPIC_ENDS, WIDE_DIGITS, WIDE_SPACES,
};
use crate::text::{self, clause_start, last_marks};

mod clauses;
mod figure;
mod line_parts;
mod lookup;
mod resolution;
mod scope;
mod table_mentions;
use clauses::{
    breakdown_start, enclosing_clause, follows_directly, includes_others, is_outcome,
    names_the_library, part_of_previous, topic_start,
};
use figure::{Figure, LineState, Outcome};
use line_parts::{
    Carried, FigureLabel, FigureSpan, drop_the_larger_bodys, label_of_figure, out_of_range_figures,
};
use lookup::{Found, LineQualifiers, has_no_subject};
pub use resolution::resolve;
pub use scope::FormProbe;
pub use table_mentions::table_mentions;

/// What the extractor knows of the report while reading figures.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context<'a> {
    /// The library's name as written and folded, for telling its own
    /// figures from a larger body's.
    pub library: Option<Cell<'a>>,
    /// The report year, for telling this year's figures from others.
    pub year: Option<i32>,
    /// Whether the text is a news article written the year after the
    /// report's (2024-01-16 本报讯…): its 去年 is the report's year.
    pub news_of_next_year: bool,
    /// Whether the report is of one month (its title: 某馆7月共接待读者…):
    /// none of its figures is the year's.
    pub one_month: bool,
    /// The report's text, to learn once and only when a form's row asks
    /// whether it holds an official form with a code column, whose codes
    /// may run into its values (一、从业人员117人).
    pub forms: Option<&'a FormProbe<'a>>,
}

/// The administrative level of a library, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Province,
    City,
    Local,
    /// A street, community or township library: a branch of a larger
    /// system, whose network is not its own.
    Branch,
}

impl Context<'_> {
    /// Whether the library is a children's library (少年儿童图书馆), whose
    /// readers are all children.
    fn is_childrens(&self) -> bool {
        self.library.is_some_and(|name| {
            CHILDRENS_LIBRARIES
                .iter()
                .any(|word| name.folded.contains(word))
        })
    }

    fn level(&self) -> Level {
        let Some(name) = self.library.map(|name| name.text) else {
            return Level::Local;
        };
        let head = name
            .strip_suffix(LIBRARY_WORD)
            .or_else(|| name.strip_suffix(LIBRARY_WORD_TRADITIONAL))
            .unwrap_or(name);
        let head = head.strip_suffix(CHILDREN_WORD).unwrap_or(head);
        match head.chars().next_back() {
            Some(PROVINCE_MARK) => Level::Province,
            Some(CITY_MARK) => Level::City,
            _ if head.ends_with(CAPITAL_WORD) || head == NATION_WORD => Level::Province,
            _ if BRANCH_LIBRARY_ENDS.iter().any(|end| head.ends_with(end)) => Level::Branch,
            _ => Level::Local,
        }
    }
}

/// A label found for a figure.
struct Label {
    key: MetricKey,
    /// Byte range of the label in the line.
    span: Range<usize>,
    /// True when the label stands after the number.
    after: bool,
    /// True for a label of a verb alone (共有, 接待): a noun right after
    /// the figure (共有50万册电子图书) names it better.
    weak: bool,
}

/// Every metric figure in the prose lines of one section.
pub fn prose_mentions(
    lines: Lines<'_>,
    section: SectionKind,
    context: &Context<'_>,
    warnings: &mut Vec<Warning>,
) -> Vec<Mention> {
    let mut mentions = Vec::new();
    for line in lines.iter() {
        if line.is_row() {
            continue;
        }
        line_mentions(&line, section, context, warnings, &mut mentions);
    }
    mentions
}

/// The mentions of one prose line's figures, read left to right: each
/// figure's place (`LineState::figure_span`), a change's label kept for
/// the level it reaches, the figure's label (`label_of_figure`), whether it
/// is a part of the figure before it (`is_part_of_larger`), then every rule
/// that may leave it out (`LineState::weigh`); a figure left out in doubt
/// is warned about with its phrase.
fn line_mentions(
    line: &Line<'_>,
    section: SectionKind,
    context: &Context<'_>,
    warnings: &mut Vec<Warning>,
    out: &mut Vec<Mention>,
) {
    let text = line.text();
    // Words are matched in simplified characters; offsets hold in `text`,
    // from which the phrase is quoted as written.
    let words = line.folded();
    // No test for a label on the line first: the number scan costs about
    // what a search for the labels does, and a figure's label is looked for
    // in its own clause anyway.
    let (matches, overflows) = quantity::scan_with_overflows(words);
    let mut state = LineState::new();
    for (i, m) in matches.iter().enumerate() {
        if is_list_number(words, m) {
            continue;
        }
        let previous_end = i.checked_sub(1).map_or(0, |p| matches[p].span.end);
        let span = state.figure_span(text, words, m, previous_end);
        if m.kind == QuantityKind::Change {
            state.carry_change_label(words, m, span);
            continue;
        }
        if m.kind != QuantityKind::Figure {
            continue;
        }
        let Some(label) = label_of_figure(words, m, span, &mut state.carry, &mut state.subjects)
        else {
            continue;
        };
        let phrase = if label.label.after {
            &text[m.span.start..label.label.span.end]
        } else {
            &text[label.phrase_start..m.span.end]
        };
        let phrase = phrase.trim();
        let key = label.label.key;
        let figure = Figure { m, span, label };
        if state.is_part_of_larger(words, &figure, line.no(), out, warnings) {
            continue;
        }
        match state.weigh(words, figure, &matches[..i], context) {
            Outcome::Skip => {}
            Outcome::Doubt(reason) => warnings.push(Warning::DoubtfulFigure {
                key,
                text: phrase.to_owned(),
                line: line.no(),
                reason,
            }),
            Outcome::Mention(key, value) => {
                state.found.push(key, m.span.clone());
                out.push(Mention {
                    key,
                    value,
                    unit: key.base_unit(),
                    approx: m.quantity.approx,
                    text: phrase.to_owned(),
                    line: line.no(),
                    section,
                    origin: Origin::Prose,
                });
            }
        }
    }
    // 馆藏总量99999999999999999999999亿册: no value, but not in silence.
    out_of_range_figures(line, &matches, &overflows, &mut state.subjects, warnings);
}

/// Where the sentence and the clause around a point of a line start, found
/// as the figures of the line are read left to right: each step looks back
/// only over the part of the line it has not seen.
#[derive(Debug, Default)]
struct Marks {
    /// How far the line is scanned.
    scanned: usize,
    /// Just after the last `CLAUSE_ENDS` mark before `scanned`, or 0.
    clause: usize,
    /// Just after the last sentence-ending mark before `scanned`, or 0.
    sentence: usize,
}

impl Marks {
    /// Scans on to `to` (a character boundary past `scanned`), backwards
    /// from `to`: the last marks are usually a few characters away.
    fn advance(&mut self, text: &str, to: usize) {
        let to = to.min(text.len());
        if to <= self.scanned {
            return;
        }
        let (clause, sentence) = last_marks(text, self.scanned, to);
        if let Some(after) = clause {
            self.clause = after;
        }
        if let Some(after) = sentence {
            self.sentence = after;
        }
        self.scanned = to;
    }
}

#[cfg(test)]
fn sentence_start(text: &str, at: usize) -> usize {
    after_last_end(text, at, false)
}

/// The offset just after the last of `SENTENCE_ENDS` (or, for a clause,
/// `CLAUSE_ENDS`) before `at`, or 0.
fn char_len(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(1, char::len_utf8)
}

#[cfg(test)]
fn after_last_end(text: &str, at: usize, clause: bool) -> usize {
    let (clause_end, sentence_end) = last_marks(text, 0, at);
    if clause { clause_end } else { sentence_end }.unwrap_or(0)
}

/// The longest label ending just before the figure; fillers (为, 共计, a
/// parenthesis) between the label and the number are stepped over one at
/// a time, trying the labels at each step, since a filler may also end a
/// label (量 in 馆藏量).
fn before_label(
    text: &str,
    clause: usize,
    sentence: usize,
    m: &QuantityMatch,
    subjects: &mut WordIndex,
) -> Option<Label> {
    // Every label in the clause before the number, found in one pass;
    // each filler step then looks for one ending where the step ends.
    let found: Vec<(usize, usize)> = LABELS
        .find_all(&text[clause..m.span.start])
        .map(|found| (clause + found.end(), found.row()))
        .collect();
    let mut end = m.span.start;
    // Fillers between a label and its number are few (为, 共计, 达到, a
    // parenthesis); a bound keeps a line of 为为为… linear.
    for _ in 0..=MAX_FILLERS {
        let before = text[clause..end].trim_end();
        end = clause + before.len();
        let listed = label_ending_at(text, sentence, end, &found, subjects);
        let composed = written(text, m)
            .and_then(|written| label::composed_label_written(text, clause, end, written));
        match (listed, composed) {
            // A label composed of parts wins when it is longer than the
            // listed wording (新增馆藏图书 over 馆藏图书).
            (listed, Some(composed))
                if listed
                    .as_ref()
                    .is_none_or(|l| l.as_ref().is_none_or(|l| composed.start < l.span.start)) =>
            {
                return Some(Label {
                    key: composed.key,
                    span: composed.start..end,
                    after: false,
                    weak: !composed.has_noun,
                });
            }
            (Some(label), _) => return label,
            (None, _) => {}
        }
        let stripped = strip_trailing_filler(before);
        if stripped.len() == before.len() {
            return None;
        }
        end = clause + stripped.len();
    }
    None
}

/// How figure `m` is written, for a label composed of parts: in its unit,
/// or with no unit but a closing 万 or 亿 (持证读者增至2.4万), which says
/// it is a count as plainly as a unit would; a bare plain number (接待读者
/// 12) may be anything.
fn written(text: &str, m: &QuantityMatch) -> Option<label::Written> {
    if let Some(unit) = m.quantity.unit {
        return Some(label::Written::In(unit));
    }
    let last = text.get(m.number.clone())?.trim_end().chars().next_back()?;
    let ends_clause = text
        .get(m.span.end..)?
        .trim_start()
        .chars()
        .next()
        .is_none_or(|next| CLAUSE_ENDS.contains(&next));
    MULTIPLIERS
        .iter()
        .any(|&(c, power)| c == last && power >= SECTION_POWER)
        .then_some(label::Written::BareMyriad { ends_clause })
}

/// The label of a figure a change starts from: 馆舍面积 in 馆舍面积由原来
/// 的1200平方米 (增至…), read as if the number stood where 由 stands.
fn label_of_change_from(
    text: &str,
    clause: usize,
    sentence: usize,
    m: &QuantityMatch,
    subjects: &mut WordIndex,
) -> Option<Label> {
    let before = text.get(clause..m.span.start)?.trim_end();
    let from = CHANGE_FROM.iter().find(|word| before.ends_with(*word))?;
    let mut at_from = m.clone();
    at_from.span.start = clause + before.len() - from.len();
    before_label(text, clause, sentence, &at_from, subjects).filter(|label| !label.after)
}

/// Whether the words between two figures say the first changed into the
/// second (增至, 提高到).
fn is_change_to(between: &str) -> bool {
    let between = between.trim();
    CHANGE_TO.contains(&between)
}

/// A label that ends inside the figure's phrase, before its number: the
/// phrase of 年新增1.8万册 starts at 新增, which the label 年新增 holds.
fn label_inside_span(
    text: &str,
    clause: usize,
    sentence: usize,
    m: &QuantityMatch,
    subjects: &mut WordIndex,
) -> Option<Label> {
    if m.span.start >= m.number.start {
        return None;
    }
    let mut at_number = m.clone();
    at_number.span.start = m.number.start;
    before_label(text, clause, sentence, &at_number, subjects)
        .filter(|label| !label.after && label.span.end > m.span.start)
}

/// The most fillers stepped over between a label and its number.
const MAX_FILLERS: usize = 6;

/// Every wording of `METRIC_LABELS`, for one-pass search.
static LABELS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(METRIC_LABELS.iter().map(|(word, _, _)| word)));

/// The rows of `METRIC_LABELS` that may follow their figure: no subject,
/// and a key of `AFTER_LABELS`.
static AFTER_ROWS: LazyLock<Vec<usize>> = LazyLock::new(|| {
    (0..METRIC_LABELS.len())
        .filter(|&row| {
            let (_, subject, key) = METRIC_LABELS[row];
            subject.is_none() && key.is_some_and(|key| AFTER_LABELS.contains(&key))
        })
        .collect()
});

/// The wordings of `AFTER_ROWS`, for one-pass search.
static AFTER_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(AFTER_ROWS.iter().map(|&row| &METRIC_LABELS[row].0)));

/// The length in characters of the longest wording of `AFTER_ROWS`.
static AFTER_LONGEST: LazyLock<usize> = LazyLock::new(|| {
    AFTER_ROWS
        .iter()
        .map(|&row| METRIC_LABELS[row].0.chars().count())
        .max()
        .unwrap_or(0)
});

/// Of `candidates` (where a label ends, which row), the longest label ending
/// at `end` whose subject the sentence has: `Some(None)` for a blocker.
fn label_ending_at(
    text: &str,
    sentence: usize,
    end: usize,
    candidates: &[(usize, usize)],
    subjects: &mut WordIndex,
) -> Option<Option<Label>> {
    let mut here = candidates
        .iter()
        .filter(|(e, _)| *e == end)
        .map(|&(_, row)| &METRIC_LABELS[row])
        .peekable();
    here.peek()?;
    // The sentence's subjects are looked for only when a label needs one.
    let needs_subject = candidates
        .iter()
        .any(|&(e, row)| e == end && METRIC_LABELS[row].1.is_some());
    let subjects = if needs_subject {
        // the subjects of the sentence before the label, from the line's
        // index: many figures of a long sentence do not each scan it
        let lasts: Vec<(usize, Range<usize>)> = subjects
            .last_within(text, end, topic_start(text, sentence))
            .collect();
        nearest_subject(text, &lasts)
    } else {
        Vec::new()
    };
    let (label, key) = here
        .filter(|(_, subject, _)| subject.is_none_or(|s| subjects.contains(&s)))
        .max_by_key(|(label, subject, _)| (label.len(), subject.is_some()))
        .map(|(label, _, key)| (label, key))?;
    Some(key.map(|key| Label {
        key,
        span: end - label.len()..end,
        after: false,
        weak: false,
    }))
}

/// The longest label contained in a table item, with the item's subject.
fn label_in_item(item: &str) -> Option<Option<MetricKey>> {
    let subjects = subjects_in(item);
    LABELS
        .find_all(item)
        .map(|found| &METRIC_LABELS[found.row()])
        .filter(|(_, subject, _)| subject.is_none_or(|s| subjects.contains(&s)))
        .max_by_key(|(label, subject, _)| (label.len(), subject.is_some()))
        .map(|(_, _, key)| *key)
}

fn strip_trailing_filler(s: &str) -> &str {
    if s.ends_with(PAREN_CLOSES)
        && let Some(open) = s.rfind(PAREN_OPENS)
    {
        return &s[..open];
    }
    // 购书经费占支出的16.4%: the share names what it is a share of.
    if let Some(head) = s.strip_suffix(POSSESSIVE)
        && let Some(at) = SHARE_WORDS
            .iter()
            .find_map(|w| text::tail(head, MAX_SHARE).rfind(w))
    {
        return &s[..head.len() - text::tail(head, MAX_SHARE).len() + at];
    }
    FILLERS
        .iter()
        .filter(|f| s.ends_with(*f))
        .max_by_key(|f| f.len())
        .map_or(s, |f| &s[..s.len() - f.len()])
}

/// The most bytes of a share's whole (占支出的) stepped over.
const MAX_SHARE: usize = 24;

/// Every wording of `SUBJECTS`, for one-pass search.
static SUBJECT_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(SUBJECTS.iter().map(|(word, _)| word)));

/// The subject of a table item: see [`nearest_subject`].
fn subjects_in(text: &str) -> Vec<Subject> {
    let mut lasts: Vec<(usize, Range<usize>)> = Vec::new();
    for m in SUBJECT_WORDS.find_all(text) {
        match lasts.iter_mut().find(|(row, _)| *row == m.row()) {
            Some((_, span)) => *span = m.start()..m.end(),
            None => lasts.push((m.row(), m.start()..m.end())),
        }
    }
    nearest_subject(text, &lasts)
}

/// The subject a generic label takes, of the subject words before it
/// (each row's last place): the one named last. Two subjects named
/// together (微信微博关注用户数, 微博、微信发布信息) leave it unsettled: no
/// subject.
fn nearest_subject(text: &str, lasts: &[(usize, Range<usize>)]) -> Vec<Subject> {
    let Some((row, last)) = lasts.iter().max_by_key(|(_, span)| (span.end, span.len())) else {
        return Vec::new();
    };
    let subject = SUBJECTS[*row].1;
    let joined = lasts.iter().any(|(other, span)| {
        SUBJECTS[*other].1 != subject
            && span.end <= last.start
            && text[span.end..last.start]
                .chars()
                .all(|c| SUBJECT_JOINERS.contains(&c))
    });
    if joined { Vec::new() } else { vec![subject] }
}

/// A label of a count of places right after the figure: 27 个分(直属)馆.
fn after_label(text: &str, m: &QuantityMatch) -> Option<Label> {
    // The label must follow closely, with nothing that starts another
    // phrase in between (两处场馆和24小时自助图书馆 is not two libraries).
    const NEAR: usize = 4;
    // A parenthesis between the number and the label is read for at most
    // this many characters: with the window below, the scan is bounded
    // whatever the length of the line (a figure per position of a long
    // line would otherwise read the rest of the line each time).
    const PAREN_CHARS: usize = 40;
    // Only a label starting within NEAR characters can count, so the
    // phrase is read no further than NEAR plus the longest wording.
    let window = NEAR + *AFTER_LONGEST;
    let rest = &text[m.span.end..];
    // The noun phrase without parentheses, with a map back to `text`.
    let mut plain = String::new();
    let mut offsets = Vec::new();
    let mut depth = 0usize;
    for (read, (i, c)) in rest.char_indices().enumerate() {
        if CLAUSE_ENDS.contains(&c) || offsets.len() >= window || read >= window + PAREN_CHARS {
            break;
        }
        match c {
            c if PAREN_OPENS.contains(&c) => depth += 1,
            c if PAREN_CLOSES.contains(&c) => depth = depth.saturating_sub(1),
            _ if depth == 0 => {
                offsets.push(m.span.end + i);
                plain.push(c);
            }
            _ => {}
        }
    }
    // Each wording counts at its first place, and ties go to the later row,
    // as in a walk down the table.
    let mut first: Vec<(usize, usize)> = Vec::new();
    for found in AFTER_WORDS.find_all(&plain) {
        let row = AFTER_ROWS[found.row()];
        if !first.iter().any(|&(r, _)| r == row) {
            first.push((row, found.start()));
        }
    }
    first.sort_unstable();
    let (label, key, at) = first
        .into_iter()
        .filter_map(|(row, at)| {
            let (label, _, key) = &METRIC_LABELS[row];
            let gap = &plain[..at];
            let clean_gap = !gap
                .contains(|c: char| c.is_ascii_digit() || LABEL_JOINERS.contains(&c))
                || AFTER_LABEL_NAMES.contains(&gap);
            (gap.chars().count() <= NEAR && clean_gap).then_some((label, (*key)?, at))
        })
        .max_by_key(|(label, _, _)| label.len())?;
    let last_char_start = at + label.len() - label.chars().next_back()?.len_utf8();
    let char_index = plain[..last_char_start].chars().count();
    let last = *offsets.get(char_index)?;
    let label_end = last + char_len(text, last);
    // 两所分馆的自助借还设备, 两所分馆空间改造: what follows the label is
    // what is counted.
    let after = text[label_end..].trim_start();
    if AFTER_LABEL_HEADS.iter().any(|word| after.starts_with(word)) {
        return None;
    }
    Some(Label {
        key,
        span: m.span.end..label_end,
        after: true,
        weak: false,
    })
}

/// `2增添图书分馆`, `3 电子图书 …`: a bare number opening a line before
/// words numbers a list item or a table row; it counts nothing.
fn is_list_number(text: &str, m: &QuantityMatch) -> bool {
    m.quantity.unit.is_none()
        && text[..m.span.start].trim().is_empty()
        && text[m.span.end..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(crate::fold::is_han)
}

enum Verdict {
    /// Not a total of the year: leave out quietly.
    Skip,
    /// Perhaps not the library's own figure of the year: leave out and say why.
    Doubt(DoubtReason),
}

/// Whether a qualifier makes the figure not this year's own total. Words
/// about another body (全省) count anywhere in the sentence before the
/// figure; the others only in its own clause.
fn qualifier(
    clause: &str,
    sentence: &str,
    key: MetricKey,
    context: &Context<'_>,
) -> Option<Verdict> {
    // `clause` is the end of `sentence`.
    let clause_start = sentence.len() - clause.len().min(sentence.len());
    LineQualifiers::default().verdict(sentence, 0, clause_start, sentence.len(), key, context)
}

/// Why the figure ending at `at` may be a part of one that runs on past a
/// mark that parts two figures: spaces and then a digit (180 383), or a
/// group mark and exactly three digits (180'383, 180，383).
fn figure_runs_on(text: &str, at: usize) -> Option<DoubtReason> {
    let is_digit = |c: char| c.is_ascii_digit() || WIDE_DIGITS.contains(&c);
    let rest = text.get(at..).unwrap_or_default();
    let after = rest.trim_start_matches(|c| LABEL_SPACES.contains(&c) || WIDE_SPACES.contains(&c));
    if after.len() < rest.len() {
        return after
            .starts_with(is_digit)
            .then_some(DoubtReason::BrokenBySpace);
    }
    let group = rest.strip_prefix(DIGIT_GROUP_MARKS)?;
    (group.chars().take_while(|&c| is_digit(c)).count() == 3).then_some(DoubtReason::BrokenByMark)
}

/// 讲座、培训 130 余场次: the figure belongs to the whole list, not to the
/// label just before it. A list closed by 等 (展览、讲座等活动) is a total.
fn shares_a_list(text: &str, clause: usize, label: &Label, earlier: &[QuantityMatch]) -> bool {
    if !text[..clause].ends_with(LIST_COMMA) {
        return false;
    }
    // 镇（乡）、村（社区）设立服务点百余个: the list is of places, and the
    // label stands further on, after a verb; an item of a list of labels
    // starts its clause.
    let before_label = text.get(clause..label.span.start).unwrap_or_default();
    if before_label.trim().chars().count() > MAX_ITEM_LEAD {
        return false;
    }
    let closes_list = LIST_CLOSERS.iter().any(|closer| {
        text.get(clause..label.span.end)
            .is_some_and(|stretch| stretch.contains(closer))
    });
    if closes_list {
        return false;
    }
    let item_start = clause_start(text, clause - LIST_COMMA.len_utf8());
    // 获得国家级、省级荣誉7项: a list of levels, whose total the figure is.
    let previous_item = text
        .get(item_start..clause - LIST_COMMA.len_utf8())
        .unwrap_or_default();
    if LEVEL_WORDS
        .iter()
        .any(|level| previous_item.ends_with(level))
    {
        return false;
    }
    // 亲子教育讲座、科普讲座共36场: items of one kind, and the figure is
    // their total.
    // 二、全年新增图书6240册，其中…: a numbered paragraph of clauses; a
    // row of a flattened form (一、从业人员117人) is one clause.
    let numbered_paragraph = is_item_marker(previous_item) && {
        // The rest of the paragraph, read no further than a sentence.
        let rest = crate::text::head(&text[clause..], MAX_PARAGRAPH_PROBE);
        rest.trim_end_matches(CLOSING_STOPS).contains(CELL_BREAKS)
    };
    if previous_item.ends_with(&text[label.span.clone()]) || numbered_paragraph {
        return false;
    }
    // Matches come in line order: only the item's own are looked at.
    let from = earlier.partition_point(|m| m.span.start < item_start);
    !earlier[from..]
        .iter()
        .take_while(|m| m.span.start < clause)
        .any(|m| m.kind == QuantityKind::Figure && m.span.end <= clause)
}

/// The most characters before a label that still leave it an item of the
/// list its clause continues (讲座、各类培训).
const MAX_ITEM_LEAD: usize = 2;

/// How far a numbered paragraph is read for a second clause.
const MAX_PARAGRAPH_PROBE: usize = 600;

/// Whether the label starting at `label_start` opens a numbered row of a
/// form (一、从业人员, 十七、本年支出合计): only a serial and 、 stand
/// before it in its clause's item.
fn after_serial(text: &str, clause: usize, label_start: usize) -> bool {
    let Some(before) = text.get(..clause) else {
        return false;
    };
    let Some(head) = before.strip_suffix(LIST_COMMA) else {
        return false;
    };
    let item = &head[clause_start(text, head.len())..];
    // 盲文图书18200十七、本年支出合计: the serial runs on from the value
    // of the row before it.
    let serial_start = item
        .char_indices()
        .rev()
        .take_while(|(_, c)| crate::text::han_digit(*c).is_some())
        .last()
        .map_or(item.len(), |(i, _)| i);
    text.get(clause..label_start)
        .is_some_and(|between| between.trim().is_empty())
        && (is_item_marker(item) || serial_start < item.len())
}

/// 二、 or 2、 opening a numbered paragraph: the number of an item, not an
/// item of a list.
fn is_item_marker(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.chars().count() <= 3
        && text
            .chars()
            .all(|c| crate::tables::numerals::class_of(c).is_some())
}

/// The figure's value in the key's base unit, when its unit fits the key.
fn in_base_unit(key: MetricKey, quantity: &Quantity, label: &str) -> Option<Decimal> {
    let base = key.base_unit();
    match quantity.unit {
        Some(unit) if unit == base => Some(quantity.value),
        Some(unit) => (EXTRA_UNITS
            .iter()
            .any(|(k, units)| *k == key && units.contains(&unit))
            || COUNTED_IN
                .iter()
                .any(|(word, counted)| *counted == unit && label.contains(word)))
        .then_some(quantity.value),
        // A bare number after an explicit label: counts only, never money,
        // area or data, whose unit must be written.
        None => (!matches!(base, Unit::Yuan | Unit::SquareMetre | Unit::Terabyte))
            .then_some(quantity.value),
    }
}

/// Whether a line speaks of the whole year (全年, 累计, 年底): in a
/// chronicle, only such lines give the year's figures, where the others
/// count one event's. `folded` is the line folded (`Line::folded`).
pub fn counts_the_year(folded: &str) -> bool {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(YEAR_ROUND_WORDS));
    WORDS.find_all(folded).next().is_some()
}

#[cfg(test)]
mod tests;
