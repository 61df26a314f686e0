//! Where a figure's phrase and its words stand in a sentence beyond its
//! own clause: the outcome a target or a change leads to (目标…，实际完成…),
//! a breakdown in a parenthesis before its total, the clause a parenthesis
//! belongs to, what a figure says it includes, and the topic semicolons
//! join.

use super::*;
use crate::tables::dates::{YEAR_END_MARKS, YEAR_MARK};
use crate::tables::grammar::AMONG_THEM;
use crate::tables::punctuation::SEMICOLONS;

/// The most bytes between a figure left out and its outcome.
const MAX_OUTCOME_LEAD: usize = 48;

/// Whether the words between a figure left out and the next say the next
/// is what came of it, in a clause of its own (，实际完成; ，达到).
pub(super) fn is_outcome(between: &str) -> bool {
    if between.len() > MAX_OUTCOME_LEAD {
        return false;
    }
    let Some(rest) = between.trim().strip_prefix(CLAUSE_COMMAS) else {
        return false;
    };
    // ，至2022年末增加到; ，今年增至: the time the outcome is of, first.
    let mut rest = rest.trim();
    if let Some(lead) = OUTCOME_TIMES.iter().find(|lead| rest.starts_with(*lead)) {
        rest = &rest[lead.len()..];
        let year_end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if year_end > 0 {
            rest = rest[year_end..].strip_prefix(YEAR_MARK).unwrap_or(rest);
            rest = rest.trim_start_matches(YEAR_END_MARKS);
        }
    }
    OUTCOME_WORDS.contains(&rest) || CHANGE_TO.contains(&rest)
}

/// The word of `INCLUDES_OTHERS` in a parenthesis right after a figure
/// (5.6万册次（含分馆）) that makes it more than the library's own.
pub(super) fn includes_others(text: &str, end: usize, key: MetricKey) -> Option<&'static str> {
    let after = text.get(end..)?.trim_start();
    let inside = after.strip_prefix(PAREN_OPENS)?;
    let inside = text::head(inside, MAX_BREAKDOWN);
    let inside = &inside[..inside.find(PAREN_CLOSES)?];
    if EXCLUDE_WORDS.iter().any(|word| inside.contains(word)) {
        return None;
    }
    let included = INCLUDE_WORDS
        .iter()
        .find_map(|word| inside.find(word).map(|at| &inside[at + word.len()..]))?;
    INCLUDES_OTHERS
        .iter()
        .find(|(word, keys)| (keys.is_empty() || keys.contains(&key)) && included.contains(word))
        .map(|(word, _)| *word)
}

/// The start of the clause a parenthesis open at `clause` belongs to, when
/// the clause stands inside one (…2.36万册（其中纸质图书…，电子图书…).
pub(super) fn enclosing_clause(text: &str, sentence: usize, clause: usize) -> Option<usize> {
    let before = text::tail(text.get(sentence..clause)?, MAX_BREAKDOWN);
    let last = before.rfind(|c| PAREN_OPENS.contains(&c) || PAREN_CLOSES.contains(&c))?;
    let open = before[last..].starts_with(PAREN_OPENS);
    open.then(|| clause_start(text, clause - before.len() + last).max(sentence))
}

/// How far back a parenthesis of figures is looked for.
const MAX_BREAKDOWN: usize = 240;

/// Where the clause of a figure starts when the figures before it stand in
/// a parenthesis that closes just before it (荣誉（国家级1项、省级3项）共
/// 9项): the clause of the parenthesis, where the label stands.
pub(super) fn breakdown_start(
    text: &str,
    sentence: usize,
    previous_end: usize,
    at: usize,
) -> Option<usize> {
    let between = text.get(previous_end..at)?;
    let close = between.find(PAREN_CLOSES)?;
    if between[..close].contains(PAREN_OPENS)
        || between[close..].contains(CLAUSE_ENDS)
        || previous_end <= sentence
    {
        return None;
    }
    let inside = text::tail(&text[sentence..previous_end], MAX_BREAKDOWN);
    let open = previous_end - inside.len() + inside.rfind(PAREN_OPENS)?;
    Some(clause_start(text, open).max(sentence))
}

/// How far back a topic's subject is looked for past a semicolon.
const MAX_TOPIC: usize = 300;

/// Where the topic of a sentence starts: sentences joined by semicolons
/// speak of one subject (微信公众号粉丝3.46万人；全年发布图文信息728条).
pub(super) fn topic_start(text: &str, sentence: usize) -> usize {
    let Some(before) = text.get(..sentence) else {
        return sentence;
    };
    if !before.ends_with(SEMICOLONS) {
        return sentence;
    }
    let window = text::tail(before, MAX_TOPIC);
    let floor = sentence - window.len();
    window.rfind(TOPIC_ENDS).map_or(floor, |at| {
        floor + at + window[at..].chars().next().map_or(1, char::len_utf8)
    })
}

/// Whether the sentence starting at `next` comes right after the one
/// starting at `previous`, with no sentence between.
pub(super) fn follows_directly(text: &str, previous: usize, next: usize) -> bool {
    text.get(previous..next).is_some_and(|between| {
        !between
            .trim_end()
            .trim_end_matches(SENTENCE_ENDS)
            .contains(SENTENCE_ENDS)
    })
}

/// After 其中 a figure of the same key is a part of the one before.
pub(super) fn part_of_previous(
    text: &str,
    sentence: usize,
    at: usize,
    key: MetricKey,
    found: &mut Found,
) -> Option<usize> {
    let (_, spans) = found.spans.iter().find(|(k, _)| *k == key)?;
    let qizhongs = found.qizhong.get_or_insert_with(|| {
        memchr::memmem::find_iter(text.as_bytes(), AMONG_THEM.as_bytes()).collect()
    });
    // The last 其中 before `at`, in its sentence or in the run of
    // sentences parted by ； that it opens (其中，讲座26场；展览12场).
    let before = qizhongs.partition_point(|&q| q + AMONG_THEM.len() <= at);
    let &qizhong = before.checked_sub(1).and_then(|last| qizhongs.get(last))?;
    let sentence = if qizhong < sentence {
        if text[qizhong..at].contains(FULL_STOPS) {
            return None;
        }
        full_sentence_start(text, qizhong)
    } else {
        sentence
    };
    // …共举办活动1024场。其中，讲座26场: a sentence opening with 其中 is
    // the parts of the sentence before it.
    let sentence = if text[sentence..qizhong].trim().is_empty() {
        full_sentence_start(text, text[..sentence].trim_end().len().saturating_sub(1))
    } else {
        sentence
    };
    // The sentence's first figure of the key, if it ends before 其中.
    let first = spans.partition_point(|span| span.start < sentence);
    spans
        .get(first)
        .is_some_and(|span| span.end <= qizhong)
        .then_some(qizhong)
}

/// Marks that end a sentence and any run of clauses parted by ；.
const FULL_STOPS: &[char] = TOPIC_ENDS;

/// Where the sentence that holds byte `at` starts, reading only full stops
/// (not ；) as its ends; `at` may fall inside a character.
fn full_sentence_start(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let head = &text[..at];
    head.rfind(FULL_STOPS).map_or(0, |i| i + char_len(head, i))
}

/// Whether the words after 其中 name the library itself (其中市图书馆…,
/// 其中本馆…).
pub(super) fn names_the_library(words: &str) -> bool {
    OWNER_WORDS.iter().any(|word| words.contains(word))
}
