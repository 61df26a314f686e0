//! What the figures of one line ask of it, found once per line: the
//! qualifier words and other years before a figure, and the mentions and
//! 其中 of the line so far. Each figure then asks by a binary search, so a
//! long line of figures is read in linear time, not once per figure.

use std::ops::Range;
use std::sync::LazyLock;

use super::{Context, Level, Verdict};
use crate::contract::metric_key::MetricKey;
use crate::contract::report::DoubtReason;
use crate::matcher::words::{WordIndex, WordSet};
use crate::tables::dates::{MONTH_MARK, MONTH_SUFFIX, YEAR_MARK, YEAR_TERM, YEAR_TERM_MARK};
use crate::tables::grammar::{NO_SUBJECT_FILLERS, OWNER_WORDS, POSSESSIVE};
use crate::tables::library::{LIBRARY_WORD as LIBRARY, SELF_NAMES};
use crate::tables::metrics::{
    CHILDREN_KEYS, COMPARISON_WORDS, EARLY_IN_MONTH, FOUNDED_AFTER, FOUNDED_BEFORE,
    LAST_YEAR_HEADS, LINE_SCOPES, NETWORK_KEYS, ONLINE_KEYS, PLACE_ENDS, QUALIFIER_TITLES,
    QUALIFIERS, Qualifier, ROOM_KEYS, SELF_OR_KIND_PREFIXES, SINCE_CLOSERS, SINCE_OPENERS,
    SINCE_THIS_YEAR, STOCK_KEYS, SUBJECT_OPENERS, THIS_YEAR_HEADS, TOTAL_WORDS, UNTIL_WORDS,
    WHOLE_YEAR_WORDS,
};
use crate::tables::metrics::{LAST_YEAR_WORD, ONLINE_WORD};
use crate::tables::punctuation::{
    CELL_BREAKS, CLAUSE_ENDS, CLAUSE_OPENERS, COMMAS_AND_STOPS, HAN_DIGITS, MONTH_RANGE_MARKS,
    NAME_CLOSERS, NAME_OPENERS, PAREN_CLOSES, PAREN_OPENS, SENTENCE_ENDS,
};
use crate::text;

/// The qualifier words and the other years' phrases of one line, each
/// found once: every figure then asks about its own sentence and clause by
/// a binary search, instead of scanning them again (many figures in a long
/// sentence would cost the square of its length).
pub(super) struct LineQualifiers {
    /// The qualifier words of the line.
    words: WordIndex,
    /// Year phrases (2019 年) with their years, in line order, those that
    /// are only a comparison's term left out, and how far each holds (the
    /// end of its clause for a year compared with); found when first asked.
    years: Option<Vec<(i32, Range<usize>, usize)>>,
    /// Where month ranges short of the whole year (1至11月) end, in line
    /// order; found when first asked.
    part_year_months: Option<Vec<usize>>,
    /// Where the phrases of a time since which figures run (自成立图书馆
    /// 以来) end, in line order; found when first asked.
    since_ends: Option<Vec<usize>>,
}

/// The qualifier words, for one-pass search.
static QUALIFIER_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(QUALIFIERS.iter().map(|(word, _)| word)));

impl Default for LineQualifiers {
    fn default() -> LineQualifiers {
        LineQualifiers {
            words: WordIndex::new(&QUALIFIER_WORDS),
            years: None,
            part_year_months: None,
            since_ends: None,
        }
    }
}

impl LineQualifiers {
    /// The verdict on a figure of `text` whose sentence starts at
    /// `sentence`, clause at `clause`, and whose phrase (label or number)
    /// starts at `end`: the words looked at lie wholly between those points
    /// and `end`.
    pub(super) fn verdict(
        &mut self,
        text: &str,
        sentence: usize,
        clause: usize,
        end: usize,
        key: MetricKey,
        context: &Context<'_>,
    ) -> Option<Verdict> {
        if context.one_month {
            return Some(Verdict::Doubt(DoubtReason::PartOfYear));
        }
        let sentence = sentence.min(end);
        let clause = clause.min(end).max(sentence);
        let from_of = |row: usize| {
            if LINE_SCOPES.contains(&QUALIFIERS[row].0) {
                0
            } else if QUALIFIERS[row].1.sentence_wide() {
                sentence
            } else {
                clause
            }
        };
        // Weighed in the table's order.
        for row in self.words.rows_within(text, end, from_of) {
            let (word, qualifier) = QUALIFIERS[row];
            let stretch = &text[from_of(row)..end];
            let verdict = match qualifier {
                Qualifier::PerCapita => Verdict::Skip,
                // The library's network spans the county or city it serves
                // (全县建成分馆14个); a street library's network is its
                // district's, not its own.
                // 从全省范围来看: every library of the place, networks too.
                Qualifier::OtherBody if LINE_SCOPES.contains(&word) => {
                    Verdict::Doubt(DoubtReason::OtherBody)
                }
                Qualifier::OtherBody | Qualifier::City | Qualifier::Province
                    if NETWORK_KEYS.contains(&key) && context.level() != Level::Branch =>
                {
                    continue;
                }
                // An honour from the nation, province or city, or a report in
                // its press, is still the library's (获得全国…优秀单位等荣誉
                // 3项, 在全国性媒体刊发报道236篇).
                Qualifier::Nation | Qualifier::City | Qualifier::Province
                    if matches!(key, MetricKey::Awards | MetricKey::MediaReports) =>
                {
                    continue;
                }
                // 去年 in a news article of the year after is the report's year.
                Qualifier::LastYear if word == LAST_YEAR_WORD && context.news_of_next_year => {
                    continue;
                }
                Qualifier::LastYear => Verdict::Doubt(DoubtReason::LastYear),
                Qualifier::ThisYear if context.news_of_next_year => {
                    Verdict::Doubt(DoubtReason::NextYear)
                }
                Qualifier::Period => Verdict::Doubt(DoubtReason::SeveralYears),
                Qualifier::OtherLibraries => Verdict::Doubt(DoubtReason::OtherLibraries),
                Qualifier::Target => Verdict::Doubt(DoubtReason::Target),
                Qualifier::Nation => Verdict::Doubt(DoubtReason::Nation),
                Qualifier::EveryYear => Verdict::Doubt(DoubtReason::EveryYear),
                // 全省… in the provincial library's own report is every
                // library of the province, unless the library is the
                // subject before it (本馆牵头组织全省基层馆员培训班12期).
                Qualifier::Province
                    if context.level() == Level::Province
                        && names_the_library_before(stretch, word, context) =>
                {
                    continue;
                }
                Qualifier::Province => Verdict::Doubt(DoubtReason::Province),
                Qualifier::City if context.level() == Level::Local => {
                    Verdict::Doubt(DoubtReason::City)
                }
                Qualifier::NewOnly | Qualifier::NewHere
                    if STOCK_KEYS.contains(&key)
                        && !overridden_later(stretch, word, TOTAL_WORDS) =>
                {
                    Verdict::Doubt(DoubtReason::NewOnly)
                }
                Qualifier::OtherBody => Verdict::Doubt(DoubtReason::OtherBody),
                // 上半年…，全年县财政共拨付…: the figure's clause names the
                // whole year.
                Qualifier::PartOfYear if overridden_later(stretch, word, WHOLE_YEAR_WORDS) => {
                    continue;
                }
                Qualifier::PartOfYear => Verdict::Doubt(DoubtReason::PartOfYear),
                Qualifier::Past => Verdict::Doubt(DoubtReason::LongPast),
                Qualifier::Children if context.is_childrens() || !CHILDREN_KEYS.contains(&key) => {
                    continue;
                }
                Qualifier::Children => Verdict::Doubt(DoubtReason::Children),
                Qualifier::Part if word == ONLINE_WORD && ONLINE_KEYS.contains(&key) => continue,
                Qualifier::Part => Verdict::Doubt(DoubtReason::Part),
                Qualifier::Cumulative => Verdict::Doubt(DoubtReason::SeveralYears),
                Qualifier::Room
                    if !ROOM_KEYS.contains(&key)
                        && !NETWORK_KEYS.contains(&key)
                        && names_the_room(text, sentence, clause, end, QUALIFIERS[row].0) =>
                {
                    Verdict::Doubt(DoubtReason::OneRoom)
                }
                _ => continue,
            };
            // Asked only of a figure about to be left out: most words never
            // come this far.
            // 历年有效借阅卡…，2015年…书刊外借…: one year named after a
            // word of other years dates the figures after it (another year
            // than the report's is weighed below).
            if matches!(
                qualifier,
                Qualifier::EveryYear
                    | Qualifier::Cumulative
                    | Qualifier::Period
                    | Qualifier::PartOfYear
            ) && names_a_year_later(stretch, word)
            {
                continue;
            }
            // 全省…，2019年四川省图书馆纸质文献总藏量…: the library named
            // after a word of another body is the subject again.
            if matches!(
                qualifier,
                Qualifier::OtherBody | Qualifier::Province | Qualifier::City | Qualifier::Nation
            ) && !LINE_SCOPES.contains(&word)
                && names_the_library_later(stretch, word, context)
            {
                continue;
            }
            // 国家一级公共图书馆 is a grade, not a body; “暑假电影展播” is
            // the name of an event, not a time (but “三公”经费 is quoted
            // as a term). Asked last: most words never come this far.
            let named = qualifier != Qualifier::Part && only_in_names(stretch, word);
            if named || only_in_titles(stretch, row) {
                continue;
            }
            return Some(verdict);
        }
        // 1至11月，网站访问量累计18.7万次: months short of the whole year.
        let months = self
            .part_year_months
            .get_or_insert_with(|| part_year_month_ranges(text));
        let first = months.partition_point(|&at| at < sentence);
        if months.get(first).is_some_and(|&at| at <= end) {
            return Some(Verdict::Doubt(DoubtReason::PartOfYear));
        }
        // 自成立图书馆以来，共办理借书证3万多个: a total over the years.
        let since = self
            .since_ends
            .get_or_insert_with(|| since_phrase_ends(text, context.year));
        let first = since.partition_point(|&at| at <= sentence);
        if since.get(first).is_some_and(|&at| at <= end) {
            return Some(Verdict::Doubt(DoubtReason::SeveralYears));
        }
        // 临河县图书馆新馆建筑面积1.1万平方米 in another library's report.
        if opens_with_another_library(&text[sentence..end], context) {
            return Some(Verdict::Doubt(DoubtReason::OtherLibrary));
        }
        let year = context.year?;
        // The last year named before the figure in its sentence says whose
        // year it is (2020年我馆到馆读者…，外借文献…), unless it is only
        // the term of a comparison (较2020年增长…).
        // A year compared with (比2018年的1210个) names its own clause only.
        let years = self.years.get_or_insert_with(|| {
            YEAR.find_iter(text.as_bytes())
                .filter_map(|at| {
                    year_phrase_at(text, at).or_else(|| relative_year_at(text, at, year, context))
                })
                .filter(|(_, range)| !is_comparison_term(text, range.clone()))
                .map(|(year, range)| {
                    let scope = compared_year_scope(text, &range)
                        .or_else(|| parenthesis_scope(text, &range))
                        .or_else(|| founding_scope(text, &range))
                        .unwrap_or(usize::MAX);
                    (year, range, scope)
                })
                .collect()
        });
        let by_end = years.partition_point(|(_, r, _)| r.end <= end);
        let last = years[..by_end]
            .iter()
            .rev()
            .take(MAX_SCOPED_YEARS)
            .find(|(_, _, scope)| end <= *scope);
        let other_year = last.is_some_and(|(y, r, _)| r.start >= sentence && *y != year);
        other_year.then_some(Verdict::Doubt(DoubtReason::OtherYear))
    }
}

/// Whether the `word` nearest the figure stands inside a grade or title
/// that holds it (公共图书馆 in 国家一级公共图书馆), within the window
/// before the figure.
fn only_in_titles(stretch: &str, row: usize) -> bool {
    // The titles holding each qualifier word, worked out once: most hold
    // none, and are passed at once.
    static TITLES_OF: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
        QUALIFIERS
            .iter()
            .map(|(word, _)| {
                QUALIFIER_TITLES
                    .iter()
                    .copied()
                    .filter(|title| title.contains(word))
                    .collect()
            })
            .collect()
    });
    let Some(titles) = TITLES_OF.get(row).filter(|titles| !titles.is_empty()) else {
        return false;
    };
    let word = QUALIFIERS[row].0;
    let window = text::tail(stretch, QUALIFIER_WINDOW);
    let Some(at) = window.rfind(word) else {
        return false;
    };
    titles.iter().any(|title| {
        title.match_indices(word).any(|(offset, _)| {
            at.checked_sub(offset)
                .and_then(|start| window.get(start..))
                .is_some_and(|from| from.starts_with(title))
        })
    })
}

/// The ends of the month ranges of `text` that fall short of the whole
/// year (1至11月, 1-6月, 3月至10月), in order.
fn part_year_month_ranges(text: &str) -> Vec<usize> {
    static MONTH: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| {
        memchr::memmem::Finder::new(MONTH_MARK.encode_utf8(&mut [0; 4]).as_bytes()).into_owned()
    });
    MONTH
        .find_iter(text.as_bytes())
        .filter(|&at| {
            let head = &text[..at];
            let Some((last, head)) = month_number_before(head) else {
                return false;
            };
            // 截至6月底: a count taken mid-year. A report drafted late in the
            // year counts to October or November (截至11月底) for the year;
            // 截至10月上旬 holds only the months before October.
            let after = &text[at + MONTH_MARK.len_utf8()..];
            let full = if EARLY_IN_MONTH.iter().any(|w| after.starts_with(w)) {
                last - 1
            } else {
                last
            };
            if full <= LAST_EARLY_MONTH && is_until(head) {
                return true;
            }
            // 6月份 alone is one month; 截止11月份 is the year so far.
            if text[at + MONTH_MARK.len_utf8()..].starts_with(MONTH_SUFFIX) {
                return !(last > LAST_EARLY_MONTH && is_until(head));
            }
            // 根据统计，7月，共接待读者…: a month alone opening its clause
            // is the time of the clause's figures.
            let after = &text[at + MONTH_MARK.len_utf8()..];
            let opens_clause = head
                .trim_end()
                .chars()
                .next_back()
                .is_none_or(|c| CLAUSE_OPENERS.contains(&c));
            if opens_clause && after.starts_with(CLAUSE_OPENERS) {
                return true;
            }
            let Some(head) = head.trim_end().strip_suffix(MONTH_RANGE_MARKS) else {
                return false;
            };
            let head = head.trim_end();
            month_number_before(head.strip_suffix(MONTH_MARK).unwrap_or(head).trim_end())
                .is_some_and(|(first, _)| first < last && (first > 1 || last < 12))
        })
        .map(|at| at + MONTH_MARK.len_utf8())
        .collect()
}

/// The ends of the phrases of `text` that name a time since which its
/// figures run (自成立图书馆以来, 从2016年建成第一家书房以来), in order;
/// not those of a time in the report's year (自今年以来, 自2020年3月开馆
/// 以来 in a 2020 report).
fn since_phrase_ends(text: &str, year: Option<i32>) -> Vec<usize> {
    static CLOSERS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
        SINCE_CLOSERS
            .iter()
            .map(|closer| memchr::memmem::Finder::new(closer.as_bytes()))
            .collect()
    });
    let mut ends = Vec::new();
    // Most lines name no such time: one fast search turns them away.
    if CLOSERS
        .iter()
        .all(|finder| finder.find(text.as_bytes()).is_none())
    {
        return ends;
    }
    let year = year.map(|year| format!("{year}{YEAR_MARK}"));
    for (closer, finder) in SINCE_CLOSERS.iter().zip(CLOSERS.iter()) {
        for at in finder.find_iter(text.as_bytes()) {
            let head = text::tail(&text[..at], SINCE_REACH);
            // The nearest opener in the same sentence.
            let Some((open, opener)) = SINCE_OPENERS
                .iter()
                .filter_map(|w| head.rfind(w).map(|i| (i, w)))
                .max_by_key(|(i, _)| *i)
            else {
                continue;
            };
            let time = &head[open + opener.len()..];
            let this_year = SINCE_THIS_YEAR.iter().any(|w| time.contains(w))
                || year.as_deref().is_some_and(|y| time.contains(y));
            if time.is_empty() || this_year || time.contains(SENTENCE_ENDS) {
                continue;
            }
            ends.push(at + closer.len());
        }
    }
    ends.sort_unstable();
    ends
}

/// The most bytes between 自 and 以来 (自成立图书馆以来; 自2016年仙居建成
/// 第一家自助图书馆安洲书苑以来).
const SINCE_REACH: usize = 96;

/// The last month whose end (截至6月底) marks a count of part of the year.
const LAST_EARLY_MONTH: u32 = 9;

/// Whether `head` (the text before a month's number) ends with 截至 or
/// 截止, a year between (截至2022年).
fn is_until(head: &str) -> bool {
    let head = head.trim_end();
    let head = head
        .strip_suffix(YEAR_MARK)
        .map_or(head, |h| h.trim_end_matches(|c: char| c.is_ascii_digit()));
    UNTIL_WORDS.iter().any(|word| head.ends_with(word))
}

/// The month number (1–12, in digits or Chinese) that `head` ends with,
/// and what stands before it.
fn month_number_before(head: &str) -> Option<(u32, &str)> {
    let start = head
        .char_indices()
        .rev()
        .take(3)
        .take_while(|(_, c)| c.is_ascii_digit() || HAN_DIGITS.contains(c))
        .last()
        .map(|(i, _)| i)?;
    let number = &head[start..];
    let value = number.parse().ok().or_else(|| {
        crate::numeral::parse_full(number)
            .ok()
            .and_then(|n| n.to_string().parse().ok())
    })?;
    (1..=12).contains(&value).then_some((value, &head[..start]))
}

/// Whether a sentence opens with the name of a library other than the
/// report's (临河县图书馆… in 临澜市图书馆's report): its subject.
fn opens_with_another_library(sentence: &str, context: &Context<'_>) -> bool {
    let head = sentence.trim_start();
    // Only the sentence's opening is read, so a long sentence of figures
    // costs each of them a few bytes, not the sentence.
    static FINDER: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(LIBRARY.as_bytes()));
    let opening = text::head(head, MAX_SUBJECT_NAME * 3 + LIBRARY.len());
    let Some(at) = FINDER.find(opening.as_bytes()) else {
        return false;
    };
    // 年内县图书馆新增图书: the time word dates the sentence; 县 alone is
    // this county's library, not a name.
    let name = crate::tables::library::strip_time_words(&head[..at]);
    let chars = name.chars().count();
    // A proper name: a place and its level (临河县, 滨江区).
    if chars < 2
        || !name.chars().all(crate::fold::is_han)
        || !PLACE_ENDS.iter().any(|end| name.ends_with(end))
        || SELF_OR_KIND_PREFIXES.iter().any(|p| name.ends_with(p))
    {
        return false;
    }
    let Some(library) = context.library else {
        return false;
    };
    // 梧川市鹿鸣区图书馆 in 鹿鸣区图书馆's report: the same library, named
    // in full.
    let named = format!("{name}{LIBRARY}");
    !library.folded.contains(&named) && !named.ends_with(library.folded)
}

/// The most characters of a library's name before 图书馆 at a sentence's
/// start.
const MAX_SUBJECT_NAME: usize = 10;

/// Whether the `word` nearest the figure stands inside quotation marks
/// or title marks (“暑假电影展播”, 《全国…》): the name of something.
fn only_in_names(stretch: &str, word: &str) -> bool {
    let window = text::tail(stretch, QUALIFIER_WINDOW);
    let Some(at) = window.rfind(word) else {
        return false;
    };
    // Back from the word: an opening mark before any closing one.
    for c in window[..at].chars().rev().take(NAME_REACH) {
        if NAME_OPENERS.contains(&c) {
            return true;
        }
        if NAME_CLOSERS.contains(&c) || CELL_BREAKS.contains(&c) {
            return false;
        }
    }
    false
}

/// The longest a name is read back for its opening mark, in characters.
const NAME_REACH: usize = 40;

/// Whether a room word speaks of a figure: in the figure's own clause, or
/// as the subject its sentence opens with (电子阅览室配备计算机96台，全年
/// 接待读者2.3万人次).
fn names_the_room(text: &str, sentence: usize, clause: usize, end: usize, room: &str) -> bool {
    let opening = subject_of(&text[sentence..end]);
    text[clause..end].contains(room)
        || text::head(opening, ROOM_SUBJECT_LEAD + room.len()).contains(room)
}

/// A sentence from where its subject starts: past the words that open it
/// before any subject (据统计，2017年…; 2015年，图书馆成人馆藏…), the
/// library that owns the subject among them.
fn subject_of(sentence: &str) -> &str {
    past_openers(sentence, true)
}

/// Whether the words before a figure's label in its sentence are only
/// words that open a sentence (据统计, 2020年, 全年): the sentence has no
/// subject of its own (…共206家。接待读者2432.3万人次…).
pub(super) fn has_no_subject(before_label: &str) -> bool {
    past_openers(before_label, false)
        .trim_start_matches(NO_SUBJECT_FILLERS)
        .trim()
        .is_empty()
}

/// `sentence` past the words that open it, and past the library owning
/// its subject when `owners`.
fn past_openers(sentence: &str, owners: bool) -> &str {
    let mut rest = sentence.trim_start();
    for _ in 0..MAX_OPENING_WORDS {
        let before = rest.len();
        let owner_words: &[&str] = if owners { OWNER_WORDS } else { &[] };
        if let Some(word) = SUBJECT_OPENERS
            .iter()
            .chain(owner_words)
            .find(|w| rest.starts_with(*w))
        {
            rest = &rest[word.len()..];
        }
        // A year (2017年, 2017年度) or a mark between openers.
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 4 && rest[digits..].starts_with(YEAR_MARK) {
            rest = &rest[digits + YEAR_MARK.len_utf8()..];
            rest = rest.strip_prefix(YEAR_TERM_MARK).unwrap_or(rest);
        }
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || CLAUSE_ENDS.contains(&c));
        if rest.len() == before {
            break;
        }
    }
    rest
}

/// The most opening words stepped over before a sentence's subject.
const MAX_OPENING_WORDS: usize = 4;

/// The most bytes of a sentence a qualifier's mask or override reads
/// before the figure: enough for a sentence, and a bound on a line of
/// figures that never ends its sentence.
const QUALIFIER_WINDOW: usize = 600;

/// The most bytes before a room word that still make it its sentence's
/// subject (电子 in 电子阅览室, 少儿 in 少儿阅览室).
const ROOM_SUBJECT_LEAD: usize = 12;

/// Whether words after the last `word` of `stretch` (the qualifier's
/// stretch up to the figure) set it aside: the latest word wins, so 新建…，
/// 截至年底…达到 is a total and 上半年…，全年… the whole year's.
fn overridden_later(stretch: &str, word: &str, overriding: &[&str]) -> bool {
    // Read within a window before the figure: a word farther back is
    // overridden by any overriding word in the window.
    let window = text::tail(stretch, QUALIFIER_WINDOW);
    let after = window
        .rfind(word)
        .map_or(window, |at| &window[at + word.len()..]);
    overriding.iter().any(|w| after.contains(w))
}

/// Whether a year phrase (2015年) stands after the last `word` of
/// `stretch`, within the window before the figure.
fn names_a_year_later(stretch: &str, word: &str) -> bool {
    let window = text::tail(stretch, QUALIFIER_WINDOW);
    let after = window
        .rfind(word)
        .map_or(window, |at| &window[at + word.len()..]);
    after.contains(YEAR_MARK) && crate::date::scan_year_phrases(after).next().is_some()
}

/// Whether the library itself (its full name, 本馆, 我馆) is named after
/// the last `word` of `stretch`, within the window before the figure.
fn names_the_library_later(stretch: &str, word: &str, context: &Context<'_>) -> bool {
    let window = text::tail(stretch, QUALIFIER_WINDOW);
    let Some(at) = window.rfind(word) else {
        return false;
    };
    let after = &window[at + word.len()..];
    SELF_NAMES.iter().any(|name| after.contains(name))
        || context
            .library
            .is_some_and(|name| !name.folded.is_empty() && after.contains(name.folded))
}

/// Whether the library itself is named before the last `word` of
/// `stretch`, within the window before the figure: its subject.
fn names_the_library_before(stretch: &str, word: &str, context: &Context<'_>) -> bool {
    let window = text::tail(stretch, QUALIFIER_WINDOW);
    let Some(at) = window.rfind(word) else {
        return false;
    };
    let before = &window[..at];
    SELF_NAMES.iter().any(|name| before.contains(name))
        || context
            .library
            .is_some_and(|name| !name.folded.is_empty() && before.contains(name.folded))
}

/// Finds 年.
static YEAR: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| {
    memchr::memmem::Finder::new(YEAR_MARK.encode_utf8(&mut [0; 4]).as_bytes()).into_owned()
});

/// How many years a figure looks back over for one whose scope holds it.
const MAX_SCOPED_YEARS: usize = 8;

/// The farthest a compared year's clause is looked for, in bytes.
const MAX_SCOPE: usize = 240;

/// Where the clause of a compared year ends (比2018年的1210个增加353个，…):
/// the year is the figures' of that clause, not of the rest of the
/// sentence. None for a year that is not compared with.
fn compared_year_scope(text: &str, span: &Range<usize>) -> Option<usize> {
    let before = text[..span.start].trim_end();
    if !COMPARISON_WORDS.iter().any(|w| before.ends_with(w)) {
        return None;
    }
    let after = text::head(text.get(span.end..)?, MAX_SCOPE);
    let clause_end = after.find(COMMAS_AND_STOPS).unwrap_or(after.len());
    Some(span.end + clause_end)
}

/// 今年 or 本年 whose 年 stands at `at`: the report's year (the year after,
/// in a news article of the year after), and 去年 in such an article.
fn relative_year_at(
    text: &str,
    at: usize,
    year: i32,
    context: &Context<'_>,
) -> Option<(i32, Range<usize>)> {
    let head = text.get(..at)?;
    let end = at + YEAR_MARK.len_utf8();
    if let Some(word) = THIS_YEAR_HEADS.iter().find(|w| head.ends_with(*w)) {
        let year = if context.news_of_next_year {
            year.checked_add(1)?
        } else {
            year
        };
        return Some((year, at - word.len()..end));
    }
    let last = LAST_YEAR_HEADS.iter().find(|w| head.ends_with(*w))?;
    context
        .news_of_next_year
        .then(|| (year, at - last.len()..end))
}

/// Where the parenthesis that holds a year closes (讲座38场（2022年仅21
/// 场），展览15场): the year is the figures' inside it only. None for a
/// year outside a parenthesis.
fn parenthesis_scope(text: &str, span: &Range<usize>) -> Option<usize> {
    let before = text::tail(text.get(..span.start)?, MAX_SCOPE);
    let open = before.rfind(PAREN_OPENS)?;
    if before[open..].contains(PAREN_CLOSES) {
        return None;
    }
    let after = text::head(text.get(span.end..)?, MAX_SCOPE);
    after.find(PAREN_CLOSES).map(|close| span.end + close)
}

/// Where the clause of a founding year ends (成立于1958年，现馆舍…): the
/// year dates the founding, not the figures after it. None for a year
/// that is no founding's.
fn founding_scope(text: &str, span: &Range<usize>) -> Option<usize> {
    let before = text[..span.start].trim_end();
    let after = text.get(span.end..)?;
    let founding = FOUNDED_BEFORE.iter().any(|w| before.ends_with(w))
        || FOUNDED_AFTER.iter().any(|w| after.starts_with(w));
    if !founding {
        return None;
    }
    let after = text::head(after, MAX_SCOPE);
    let clause_end = after.find(CLAUSE_ENDS).unwrap_or(after.len());
    Some(span.end + clause_end)
}

/// `较2020年增长`: a year named only as what is compared with; `较2020年的
/// 110万人次` names the figure after it, so it is no mere term.
fn is_comparison_term(text: &str, span: Range<usize>) -> bool {
    let before = text[..span.start].trim_end();
    let after = &text[span.end..];
    COMPARISON_WORDS.iter().any(|w| before.ends_with(w)) && !after.starts_with(POSSESSIVE)
}

/// The year phrase (2019 年, 二〇一九年度) whose 年 stands at `at`, read
/// as `date::scan_year_phrases` reads it from the start of its clause: over
/// the run of numeral characters and spaces before 年 (at most 64), from
/// the character before it when that one blocks a year (a letter: `a2019
/// 二〇一九年` holds a year, `a2019年` none), else from the run's start.
fn year_phrase_at(text: &str, at: usize) -> Option<(i32, Range<usize>)> {
    use crate::tables::numerals::class_of;
    const RUN: usize = 64;
    let head = text.get(..at)?;
    let mut start = at;
    for (read, (i, c)) in head.char_indices().rev().enumerate() {
        if class_of(c).is_none() && !matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}') {
            // A letter is read too, so that it blocks what it blocks in a
            // scan of the whole clause; any other mark starts afresh.
            if c.is_ascii_alphabetic() || c == '_' {
                start = i;
            }
            break;
        }
        if read >= RUN {
            return None;
        }
        start = i;
    }
    if start == at {
        return None;
    }
    let mut end = (at + YEAR_TERM.len()).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let run = text.get(start..end)?;
    crate::date::scan_year_phrases(run)
        .find(|(_, r)| start + r.start < at && at < start + r.end)
        .map(|(year, r)| (year, start + r.start..start + r.end))
}

/// The mentions of a line so far, by key, and where 其中 stands on it:
/// each figure asks about its own sentence by a binary search, so a long
/// line of figures is read in linear time.
#[derive(Default)]
pub(super) struct Found {
    /// Each key found, with its figures' spans in line order.
    pub(super) spans: Vec<(MetricKey, Vec<Range<usize>>)>,
    /// Where 其中 starts on the line, ascending; found when first asked.
    pub(super) qizhong: Option<Vec<usize>>,
}

impl Found {
    /// Forgets the figures of `key` that start at or after `from`, and
    /// says how many there were.
    pub(super) fn take_from(&mut self, key: MetricKey, from: usize) -> usize {
        let Some((_, spans)) = self.spans.iter_mut().find(|(k, _)| *k == key) else {
            return 0;
        };
        let keep = spans.partition_point(|s| s.start < from);
        let taken = spans.len() - keep;
        spans.truncate(keep);
        taken
    }

    pub(super) fn push(&mut self, key: MetricKey, span: Range<usize>) {
        match self.spans.iter_mut().find(|(k, _)| *k == key) {
            Some((_, spans)) => spans.push(span),
            None => self.spans.push((key, vec![span])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::clause_start;

    #[test]
    fn a_letter_blocks_only_the_numeral_it_touches() {
        // a2019 is no year, but the 二〇一九年 after the space is
        assert_eq!(
            year_phrase_at("a2019 二〇一九年", "a2019 二〇一九".len()).map(|(y, _)| y),
            Some(2019)
        );
        assert_eq!(year_phrase_at("a2019年", "a2019".len()), None);
        assert_eq!(
            year_phrase_at("，2019 年", "，2019 ".len()).map(|(y, _)| y),
            Some(2019)
        );
    }

    proptest::proptest! {
        /// The year a line's index weighs is the last a scan of the sentence
        /// finds before the figure, a comparison's term aside and a compared
        /// year past its clause.
        #[test]
        fn the_last_year_of_the_sentence_decides(
            tokens in proptest::collection::vec(
                proptest::sample::select(vec![
                    "2019", "2020", "年", " ", "，", "、", "馆", "a", "1", "二〇一九", "。", ".", "-", "_", "万", "〇", "\u{3000}", "5", "较", "的",
                ]),
                0..14,
            ),
            cut in 0usize..100,
        ) {
            let text: String = tokens.concat();
            let bounds: Vec<usize> =
                (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let end = bounds[cut % bounds.len()];
            let clause = clause_start(&text, end);
            let context = Context { library: None, year: Some(2020), ..Context::default() };
            // A year compared with (较二〇一九年的…) is its clause's only.
            let want = crate::date::scan_year_phrases(&text[..end])
                .filter(|(_, r)| !is_comparison_term(&text, r.clone()))
                .filter(|(_, r)| compared_year_scope(&text, r).is_none_or(|scope| end <= scope))
                .last()
                .is_some_and(|(y, _)| y != 2020);
            let got = matches!(
                LineQualifiers::default().verdict(&text, 0, clause, end, MetricKey::Visits, &context),
                Some(Verdict::Doubt(DoubtReason::OtherYear))
            );
            proptest::prop_assert_eq!(got, want, "{:?} {}..{}", text, clause, end);
        }
    }
}
