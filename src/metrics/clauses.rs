//! Where a figure's phrase and its words stand in a sentence beyond its
//! own clause: the outcome a target or a change leads to (目标…，实际完成…),
//! a breakdown in a parenthesis before its total, the clause a parenthesis
//! belongs to, what a figure says it includes, and the topic semicolons
//! join.

use super::*;

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
            rest = rest[year_end..].strip_prefix('年').unwrap_or(rest);
            rest = rest.trim_start_matches(['末', '底']);
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
    if !before.ends_with(['；', ';']) {
        return sentence;
    }
    let window = text::tail(before, MAX_TOPIC);
    let floor = sentence - window.len();
    window.rfind(TOPIC_ENDS).map_or(floor, |at| {
        floor + at + window[at..].chars().next().map_or(1, char::len_utf8)
    })
}
