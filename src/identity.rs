//! The report's identity: the library it is about and the year it covers,
//! decided once, from ranked evidence, with the evidence that decided.
//!
//! Evidence, strongest first:
//!
//! 1. `title`: a title line near the top, a short line with a year and a
//!    word that names a report (某馆2019年工作年报, 某馆大事记（2021）,
//!    康乐及文化事务署年报2004), or a line that is a library's name alone;
//! 2. `front`: the lines before the first section (a library's name, a
//!    year that is no dateline);
//! 3. `heading`: a section heading naming the year's work (二、2019年工作总结);
//! 4. `first_sentence`: the first sentence naming the library and a year
//!    together (2021年，永嘉县图书馆…);
//! 5. `dateline`: a news item's date with 去年 or 今年 (dated 2024-04-23,
//!    about 去年: 2023);
//! 6. `era`: the report's own Republic-of-China year (112年度 is 2023);
//! 7. `published`: a news item's publication stamp (发布时间：2016-10-19)
//!    when the text agrees: the year before for an item of January to
//!    April naming only that year, else its own year if it names no other
//!    (`identity/stamp.rs`);
//! 8. `calendar`: the one year the text names that the weekdays of its
//!    chronicle's entries fit (1月30日星期六 in 2016, not in 2015 or 2017).
//!
//! Not evidence: a site's greeting or menu (欢迎访问某市图书馆官网), a
//! compared year (较2019年), a founding or opening year (1995年建馆), a
//! dated event in a chronicle, a year of a date (2024年1月5日) in a
//! sentence, a name that runs past the name (推进建立以县图书馆为总馆) or
//! names every library of a place. The year the text names most is never
//! taken alone: without evidence the year is `None`, with a warning that
//! names the candidates. A missing year is honest; a wrong one is not.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::clean::{Cleaned, Line};
use crate::contract::report::SectionKind;
use crate::contract::report::{Evidence, Warning};
use crate::date;
use crate::matcher::words::WordSet;
use crate::segment::{Outline, Section};
use crate::tables::dates::{
    ERA_NAME_TRADITIONAL, ERA_NAMES, MINGUO_OFFSET, MONTH_MARK, NUMERIC_DATE_MARKS, YEAR_MARK,
};
use crate::tables::identity::{
    COMPARED_BEFORE, FOUNDING_AFTER, HOST_AFTER, HOST_BEFORE, LAST_YEAR_WORD, NAME_LEADS,
    PAREN_YEAR_LEADS, SAME_PERIOD, SELF_WORDS, SENTENCE_LEADS, SITE_FRAME_WORDS, SUBJECT_VERBS,
    THIS_YEAR_WORD, TITLE_LINE_WORDS, YEAR_RANGE_JOINS,
};
use crate::tables::punctuation::{
    CLAUSE_BREAKS, COLONS, PAREN_CLOSES, QUOTE_PAIRS, SENTENCE_ENDS, TITLE_MARKS,
};
use crate::title::{self, LibraryName};

/// What was decided about a report's identity, and why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Identity {
    /// The library's name, as written and folded.
    pub library: Option<LibraryName>,
    /// What decided the library.
    pub library_source: Option<Evidence>,
    /// The year the report covers.
    pub year: Option<i32>,
    /// What decided the year.
    pub year_source: Option<Evidence>,
    /// What could not be settled (no library, no year, a range of years).
    pub warnings: Vec<Warning>,
    /// The part of the year the title names (（6月）, 上半年, 1-6月), as
    /// written: the report's figures are not the year's.
    pub part_of_year: Option<String>,
    /// The first line is a title or headline of one month
    /// ([`is_one_month_title`]): its figures are the month's.
    pub one_month_title: bool,
}

/// How many lines from the top are read for title lines and first
/// sentences: the head of a page, past a site's menus.
const HEAD_LINES: usize = 40;

/// How many bytes of the text the candidate years of a `no_year` warning
/// are counted in: the years of its head, not of every line of a long
/// document.
const CANDIDATE_BYTES: usize = 16 * 1024;

/// How many bytes of the head's lines are read for a first sentence (the
/// line that passes it is read whole).
const HEAD_BYTES: usize = 3000;

/// How many bytes of the text a news item's dateline is looked for in.
const DATELINE_HEAD: usize = 1200;

/// How many characters before a year a comparing word may stand (较上年
/// 同期的2019年 is rare; 较2019年 is the rule).
const COMPARED_REACH: usize = 3;

/// How many characters after a year a founding word may stand, in the
/// same sentence (1995年11月19日成立 needs the reach of a date; 1980年，
/// 某县图书馆成立 a name's).
const FOUNDING_REACH: usize = 12;

/// The most bytes a character takes in UTF-8.
const MAX_CHAR_BYTES: usize = 4;

/// Decides the report's library and year from its cleaned lines and
/// outline; `text` is the decoded text.
///
/// `published` is the page's publication stamp as its reader saw it,
/// before a site's lines were blanked (`read::publication_stamp`).
pub fn decide(
    cleaned: &Cleaned<'_>,
    outline: &Outline<'_>,
    text: &str,
    published: Option<(i32, u32)>,
) -> Identity {
    let titles = title_lines(text, cleaned.folded_source());
    let mut identity = Identity::default();
    match library(&titles, outline) {
        Some((name, source)) => {
            identity.library = Some(name);
            identity.library_source = Some(source);
        }
        None => identity.warnings.push(Warning::NoLibrary),
    }
    let folded_name = identity.library.as_ref().map(|n| n.folded.as_str());
    match year(&titles, cleaned, outline, text, folded_name, published) {
        Ok((found, source)) => {
            if let Some(from) = found.from {
                identity.warnings.push(Warning::YearRange {
                    from,
                    to: found.year,
                });
            }
            identity.year = Some(found.year);
            identity.year_source = Some(source);
        }
        Err(candidates) => identity.warnings.push(Warning::NoYear { candidates }),
    }
    identity.part_of_year = titles
        .iter()
        .take_while(|l| !l.after_prose)
        .filter(|l| {
            l.folded.contains(crate::tables::library::LIBRARY_WORD)
                || date::scan_year_phrases(l.text).next().is_some()
        })
        .find_map(|l| period::part_of_year(l.text, l.folded));
    identity.one_month_title = cleaned
        .lines()
        .first()
        .is_some_and(|line| is_one_month_title(line.folded()));
    identity
}

/// Whether a line greets a site's visitors or frames its pages: a short
/// line with a site's words (a paragraph that mentions 网站 is prose).
fn is_site_frame(folded: &str) -> bool {
    /// How long a site's frame line may be, in bytes (60 characters).
    const FRAME_BYTES: usize = 180;
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(SITE_FRAME_WORDS));
    folded.len() <= FRAME_BYTES && WORDS.find_all(folded).next().is_some()
}

/// A physical line near the top that has the shape of a title (short, no
/// sentence, no section marker, no site frame), as written and folded.
/// Physical, since cleaning may join a long title with the dateline
/// under it.
struct TitleLine<'t> {
    text: &'t str,
    folded: &'t str,
    /// The line comes after the first paragraph: a name alone there heads
    /// a part of the text (香港中央图书馆 in a system's report), not the
    /// page.
    after_prose: bool,
}

/// How long a line that is no title must be to be the first paragraph
/// (a short one is a menu's or a dateline's), in bytes.
const PROSE_BYTES: usize = 150;

/// How many physical lines from the top are read for title lines.
const HEAD_PHYSICAL_LINES: usize = 40;

/// The title-shaped physical lines of the head; `folded` is `text`
/// folded (same offsets).
fn title_lines<'t>(text: &'t str, folded: &'t str) -> Vec<TitleLine<'t>> {
    let mut lines = Vec::new();
    let mut at = 0;
    let mut after_prose = false;
    // Lines found with memchr: a head's lines can be whole paragraphs.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes())
        .map(|newline| newline + 1)
        .chain((!text.ends_with('\n')).then_some(text.len()));
    for end in ends.take(HEAD_PHYSICAL_LINES) {
        let start = at;
        let Some(raw) = text.get(start..end) else {
            break;
        };
        at = end;
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let offset = start + (line.len() - line.trim_start().len());
        let Some(folded) = folded.get(offset..offset + trimmed.len()) else {
            continue;
        };
        if crate::heading::heading_width(trimmed).is_none() {
            after_prose |= trimmed.len() > PROSE_BYTES;
            continue;
        }
        if crate::heading::split_marker(trimmed).is_none() && !is_site_frame(folded) {
            lines.push(TitleLine {
                text: trimmed,
                folded,
                after_prose,
            });
        }
    }
    lines
}

/// Whether a line has the shape of a title: short, no sentence, no
/// section marker.
fn is_title_shaped(line: &Line<'_>) -> bool {
    line.is_heading_shaped() && line.marker().is_none()
}

/// Whether a text refers to the library without its name (我馆, 本馆,
/// 县图书馆).
fn names_itself(folded: &str) -> bool {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(SELF_WORDS));
    WORDS.find_all(folded).next().is_some()
}

/// Whether a title-shaped line names a report (年报, 工作总结, 大事记 …).
fn names_a_report(folded: &str) -> bool {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(TITLE_LINE_WORDS));
    WORDS.find_all(folded).next().is_some()
}

/// The library: the first name of the strongest kind of evidence, then
/// the longest name in the head that ends with it (重庆市武隆区图书馆 for
/// 武隆区图书馆 in the title), since the record gives the full name.
fn library(titles: &[TitleLine<'_>], outline: &Outline<'_>) -> Option<(LibraryName, Evidence)> {
    // Each name with the title line it was read from.
    let title_names = || {
        titles
            .iter()
            .enumerate()
            .filter_map(|(i, l)| Some((i, title_line_name(l.text, l.folded, l.after_prose)?)))
    };
    let read = |lines: &mut dyn Iterator<Item = (&str, &str)>| -> Vec<LibraryName> {
        lines
            .filter(|(_, folded)| !is_site_frame(folded))
            .filter_map(|(text, folded)| title::library_in(text, folded, false))
            .filter(|n| !n.guessed_place)
            .collect()
    };
    let front = || read(&mut outline.front.iter().map(|l| (l.text(), l.folded())));
    // A heading that is a library's name alone titles a part about that
    // library (香港中央图书馆 in a system's report); one naming the year's
    // work or a report is the report's.
    let names_work = |s: &&Section<'_>| {
        names_a_report(s.folded_title) || own_year(&s.title, s.folded_title).is_some()
    };
    let headings = |work: bool| {
        read(
            &mut outline
                .sections
                .iter()
                .filter(|s| !is_site_frame(s.folded_title) && names_work(s) == work)
                .map(|s| (s.title.as_str(), s.folded_title)),
        )
    };
    // The first lines of the body, less a library named as another's
    // event's host (由某省图书馆主办的大赛; 荣获某省图书馆颁发的奖).
    let body = || -> Vec<LibraryName> {
        outline
            .sections
            .iter()
            .flat_map(|s| s.lines.iter())
            .take(BODY_LINES)
            .filter(|l| !is_site_frame(l.folded()))
            .filter_map(|l| {
                let line = crate::text::head(l.text(), BODY_LINE_BYTES);
                let folded = l.folded().get(..line.len())?;
                let name = title::library_in(line, folded, false)?;
                (!hosts_anothers_event(folded, &name.folded)).then_some(name)
            })
            .filter(|n| !in_book_title(&outline.sections, &n.text))
            .collect()
    };
    // Strongest first, each read only when the ones before name none; a
    // place guessed from a title line's start (丰都图书馆) gives way to a
    // name with its unit anywhere (丰都县图书馆), so it comes last.
    let mut read_from = None;
    let chosen = title_names()
        .find(|(_, n)| !n.guessed_place)
        .map(|(i, n)| {
            read_from = Some(i);
            (n, Evidence::Title)
        })
        .or_else(|| first_longest(front().iter()).map(|n| (n.clone(), Evidence::Front)))
        .or_else(|| first_longest(headings(true).iter()).map(|n| (n.clone(), Evidence::Heading)))
        .or_else(|| first_longest(body().iter()).map(|n| (n.clone(), Evidence::FirstSentence)))
        .or_else(|| first_longest(headings(false).iter()).map(|n| (n.clone(), Evidence::Heading)))
        .or_else(|| {
            title_names().next().map(|(i, n)| {
                read_from = Some(i);
                (n, Evidence::Title)
            })
        });
    let (chosen, source) = chosen?;
    // The full name where the head writes it (重庆市武隆区图书馆 for the
    // title's 武隆区图书馆): only lines that hold the name are read again.
    let holds =
        |folded: &str| folded.len() > chosen.folded.len() && folded.contains(&chosen.folded);
    // The line the chosen name was read from gives it again: not read.
    let fuller = titles
        .iter()
        .enumerate()
        .filter(|&(i, l)| read_from != Some(i) && holds(l.folded))
        .filter_map(|(_, l)| title_line_name(l.text, l.folded, l.after_prose))
        .chain(
            outline
                .front
                .iter()
                .filter(|l| holds(l.folded()) && !is_site_frame(l.folded()))
                .filter_map(|l| title::library_in(l.text(), l.folded(), false)),
        )
        .filter(|n| n.folded.len() > chosen.folded.len() && n.folded.ends_with(&chosen.folded))
        .max_by_key(|n| n.folded.len());
    if chosen.guessed_place
        && fuller.is_none()
        && let Some(with_unit) = with_its_unit(&chosen, outline)
    {
        return Some((with_unit, source));
    }
    Some((fuller.unwrap_or(chosen), source))
}

/// How many lines are searched for a guessed place's name with its unit.
const UNIT_SEARCH_LINES: usize = 200;

/// The name a guessed place (南阳图书馆, read from a title's start) has
/// with its unit where the text writes it so (河南省南阳市图书馆隶属于…).
fn with_its_unit(guessed: &LibraryName, outline: &Outline<'_>) -> Option<LibraryName> {
    let place = guessed
        .folded
        .strip_suffix(crate::tables::library::LIBRARY_WORD)?;
    outline
        .front
        .iter()
        .chain(outline.sections.iter().flat_map(|s| s.lines.iter()))
        .take(UNIT_SEARCH_LINES)
        .filter(|l| l.folded().contains(place))
        .filter_map(|l| title::library_in(l.text(), l.folded(), false))
        .find(|n| {
            !n.guessed_place && n.folded.contains(place) && n.folded.len() > guessed.folded.len()
        })
}

/// Whether `name` stands inside a document's title (《某县公共图书馆总分馆
/// 制建设实施方案》) where the body first names it: a title names a
/// paper, not the report's library.
fn in_book_title(sections: &[crate::segment::Section<'_>], name: &str) -> bool {
    sections
        .iter()
        .flat_map(|s| s.lines.iter())
        .take(5)
        .find_map(|l| l.text().find(name).map(|at| &l.text()[..at]))
        .is_some_and(|before| {
            before
                .rfind(TITLE_MARKS.0)
                .is_some_and(|open| before.rfind(TITLE_MARKS.1).is_none_or(|close| close < open))
        })
}

/// How many lines of the body are read for a library's name.
const BODY_LINES: usize = 10;

/// How much of a body line is read for a library's name, in bytes: the
/// first name of a line is its subject's, and a long paragraph's later
/// names run on from prose.
const BODY_LINE_BYTES: usize = 600;

/// Whether `name` stands in `line` as the host of another's event (由某省
/// 图书馆主办的; 某省图书馆颁发的): the library the report is about only
/// took part.
fn hosts_anothers_event(line: &str, name: &str) -> bool {
    let Some(at) = line.find(name) else {
        return false;
    };
    let before = &line[..at];
    let after = &line[at + name.len()..];
    HOST_BEFORE.iter().any(|w| before.ends_with(w))
        || HOST_AFTER.iter().any(|w| after.starts_with(w))
}

/// The first of the longest names (max_by_key would give the last).
fn first_longest<'n>(names: impl Iterator<Item = &'n LibraryName>) -> Option<&'n LibraryName> {
    names.fold(None, |best: Option<&LibraryName>, n| match best {
        Some(b) if b.text.chars().count() >= n.text.chars().count() => Some(b),
        _ => Some(n),
    })
}

/// The name a title-shaped line gives: in a title that names a report, or
/// alone on its line, perhaps after a label (单位名称：某市图书馆), perhaps
/// spaced out letter by letter (某 某 县 图 书 馆).
fn title_line_name(text: &str, folded: &str, after_prose: bool) -> Option<LibraryName> {
    let trimmed = text.trim();
    let spaced = trimmed.chars().filter(|c| *c == ' ').count() * 2 + 1 >= trimmed.chars().count()
        && trimmed.contains(' ');
    if spaced && !after_prose {
        let compact: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
        let folded = crate::fold::fold(&compact);
        let name = title::library_in(&compact, &folded, true)?;
        return (name.text == compact).then_some(name);
    }
    let name = title::library_in(text, folded, true)?;
    let label = trimmed
        .strip_suffix(name.text.as_str())
        .map(|before| before.trim_end_matches(|c| c == ' ' || COLONS.contains(&c)));
    let alone = !after_prose && label.is_some_and(|l| l.is_empty() || NAME_LEADS.contains(&l));
    (alone || names_a_report(folded)).then_some(name)
}

/// A year read from evidence: the year, and the first year of a range
/// the evidence gives (馆志（2009年——2018年）: 2018, from 2009).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FoundYear {
    year: i32,
    from: Option<i32>,
}

impl FoundYear {
    fn single(year: i32) -> Self {
        FoundYear { year, from: None }
    }
}

/// The year, from the strongest evidence; else the years the text names,
/// most named first, as candidates for the warning.
fn year(
    titles: &[TitleLine<'_>],
    cleaned: &Cleaned<'_>,
    outline: &Outline<'_>,
    text: &str,
    library: Option<&str>,
    published: Option<(i32, u32)>,
) -> Result<(FoundYear, Evidence), Vec<i32>> {
    let folded_source = cleaned.folded_source();
    let title = titles
        .iter()
        .filter(|l| names_a_report(l.folded))
        .find_map(|l| title_year(l.text, l.folded));
    if let Some(found) = title {
        return Ok((found, Evidence::Title));
    }
    let front = outline
        .front
        .iter()
        .filter(|l| is_title_shaped(l) && names_the_library(l.folded(), library))
        .find_map(|l| own_year(l.text(), l.folded()));
    if let Some(year) = front {
        return Ok((FoundYear::single(year), Evidence::Front));
    }
    let heading = outline
        .sections
        .iter()
        .filter(|s| s.kind != SectionKind::Plan && !is_site_frame(s.folded_title))
        .find_map(|s| own_year(&s.title, s.folded_title));
    if let Some(year) = heading {
        return Ok((FoundYear::single(year), Evidence::Heading));
    }
    let mut read = 0;
    let mut named = Vec::new();
    let first_sentence = cleaned
        .lines()
        .iter()
        .take(HEAD_LINES)
        .take_while(|l| {
            read += l.text().len();
            read <= HEAD_BYTES + l.text().len()
        })
        .filter(|l| !is_site_frame(l.folded()))
        .find_map(|l| {
            library_sentence_years(&l, library, &mut named);
            agreed_year(&named)
        });
    if let Some(year) = first_sentence {
        return Ok((FoundYear::single(year), Evidence::FirstSentence));
    }
    // A dateline's year must agree with the year the first sentence names,
    // if it names one before the dateline's 去年 or 今年: a page reposted
    // years later (dated 2016, about 2011 and 去年) is not of the year
    // before its date, but a past event told further down (在2017年评估中
    // 荣获…) does not date the news.
    if let Some((year, word_line)) = dateline_year(folded_source)
        && named
            .first()
            .is_none_or(|n| n.year == year || n.line > word_line)
    {
        return Ok((FoundYear::single(year), Evidence::Dateline));
    }
    if let Some(year) = era_year(outline, text) {
        return Ok((FoundYear::single(year), Evidence::Era));
    }
    let head = crate::text::head(text, CANDIDATE_BYTES);
    let candidates = named_years(head);
    if let Some(year) =
        published.and_then(|stamp| stamp::year_by_stamp(stamp, head, &candidates, &named))
    {
        return Ok((FoundYear::single(year), Evidence::Published));
    }
    let weekdays = outline
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Chronicle)
        .find_map(|s| calendar::year_by_weekdays(s.lines, &candidates));
    match weekdays {
        Some(year) => Ok((FoundYear::single(year), Evidence::Calendar)),
        None => Err(candidates),
    }
}

/// Whether a line names the library (by its name, 图书馆 or 本馆), or
/// is little more than a year (2020年度): a front line's year is the
/// report's only then, not a site's banner (2019年文化部banner).
fn names_the_library(folded: &str, library: Option<&str>) -> bool {
    const LITTLE_MORE: usize = 12;
    library.is_some_and(|name| folded.contains(name))
        || folded.contains(crate::tables::library::LIBRARY_WORD)
        || names_itself(folded)
        || folded.trim().len() <= LITTLE_MORE
}

/// The year a title line names: its first year that is not compared
/// with, or the last of a range (2009年——2018年, 2016-2020年). Bare
/// years count here (年报2004, 大事记（2021）).
fn title_year(line: &str, folded: &str) -> Option<FoundYear> {
    if ERA_NAMES.iter().any(|(name, _)| folded.contains(name)) {
        return title::first_year(line, folded).map(FoundYear::single);
    }
    let years = date::scan_years(line);
    let (at, &(year, ref range)) = years.iter().enumerate().find(|(_, (_, range))| {
        !is_compared(line, range.start) && !opens_with_date_tail(&line[range.end..])
    })?;
    let to = years.get(at + 1).filter(|(to, next)| {
        *to > year
            && line
                .get(range.end..next.start)
                .map(|between| between.trim_start_matches(YEAR_MARK).trim())
                .is_some_and(|join| YEAR_RANGE_JOINS.contains(&join))
    });
    Some(match to {
        Some(&(to, _)) => FoundYear {
            year: to,
            from: Some(year),
        },
        None => FoundYear::single(year),
    })
}

/// The first year of a line that dates its own work: not compared with,
/// not a founding, not the year of a date (发布时间：2020年12月1日).
fn own_year(line: &str, folded: &str) -> Option<i32> {
    if ERA_NAMES.iter().any(|(name, _)| folded.contains(name)) {
        return title::first_year(line, folded);
    }
    date::scan_year_phrases(line)
        .find(|(_, range)| is_own_year(line, range.clone()))
        .map(|(year, _)| year)
}

/// Whether the year phrase at `range` of `line` dates the year's work:
/// not compared with (较2019年), not followed by a founding word
/// (1995年建馆) or by a month (a date: 2024年1月5日, but not 年底).
fn is_own_year(line: &str, range: std::ops::Range<usize>) -> bool {
    if is_compared(line, range.start) {
        return false;
    }
    let after = line.get(range.end..).unwrap_or("");
    let follows_month = opens_with_date(after);
    let reach = crate::text::head(after, FOUNDING_REACH * MAX_CHAR_BYTES);
    let clause = reach
        .find(|c: char| SENTENCE_ENDS.contains(&c))
        .map_or(reach, |at| &reach[..at]);
    let founding = FOUNDING_AFTER.iter().any(|w| clause.contains(w));
    !follows_month && !founding
}

/// Whether a comparing word (较, 比 …) stands right before `at`.
fn is_compared(line: &str, at: usize) -> bool {
    let before = &line[..at];
    let reach: usize = before
        .chars()
        .rev()
        .take(COMPARED_REACH)
        .map(char::len_utf8)
        .sum();
    let near = &before[before.len() - reach..];
    COMPARED_BEFORE.iter().any(|w| near.contains(w))
}

/// A year a sentence naming the library names, in the order of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct NamedYear {
    year: i32,
    /// Whether it opens its sentence or a clause of it and is its own
    /// (not a founding, not a date's).
    own: bool,
    /// The physical line it stands on.
    line: u32,
}

/// The year the first sentences naming the library give: the first year
/// of theirs that opens a sentence or a clause and is its own, when every
/// year they named before it is the same year (该馆发布2021年度阅读报告显
/// 示，2021年，…). A year named before that differs (1980年…成立。1985年，
/// …) leaves the year unsettled: a history, not a report of one year.
fn agreed_year(named: &[NamedYear]) -> Option<i32> {
    let at = named.iter().position(|n| n.own)?;
    let year = named[at].year;
    named[..at].iter().all(|n| n.year == year).then_some(year)
}

/// Adds to `named` the years of the sentences in a line that name the
/// library (by name or as 我馆, 本馆, 县图书馆), years of comparison left
/// out. A line that opens with a date is a chronicle's entry, and a
/// heading is no sentence: neither is read.
fn library_sentence_years(line: &Line<'_>, library: Option<&str>, named: &mut Vec<NamedYear>) {
    let (text, folded) = (line.text(), line.folded());
    if line.is_heading_shaped() || opens_with_date(text) {
        return;
    }
    let mut start = 0;
    for end in text
        .match_indices(SENTENCE_ENDS)
        .map(|(i, s)| i + s.len())
        .chain(std::iter::once(text.len()))
    {
        let Some(sentence_folded) = folded.get(start..end) else {
            return;
        };
        let sentence = &text[start..end];
        start = end;
        let names = names_itself(sentence_folded)
            || library.is_some_and(|name| sentence_folded.contains(name));
        if !names {
            continue;
        }
        // 據臺南市立圖書館統計，105年總借閱冊數…: Republic-of-China years
        // without their era, on a traditional-script page (each of them:
        // 根據107年…統計資料顯示，107年全市…); 去(104)年 on any.
        let era = if sentence == sentence_folded {
            Vec::new()
        } else {
            era_year_phrases(sentence)
        };
        let mut years: Vec<(i32, std::ops::Range<usize>)> = era
            .into_iter()
            .chain(year_in_parentheses(sentence))
            .chain(date::scan_year_phrases(sentence))
            .filter(|(_, range)| !is_compared(sentence, range.start))
            .collect();
        years.sort_by_key(|(_, range)| range.start);
        years.dedup_by_key(|(_, range)| range.start);
        for (year, range) in years {
            let own = opens_sentence(sentence_folded, range.start, library)
                && is_own_year(sentence, range);
            named.push(NamedYear {
                year,
                own,
                line: line.no(),
            });
        }
    }
}

/// A news item's year written in parentheses after 去 or 今 (去(104)年,
/// 今（2024）年): the year before or of its date, named outright, in the
/// Republic's era with two or three digits.
fn year_in_parentheses(sentence: &str) -> Option<(i32, std::ops::Range<usize>)> {
    PAREN_YEAR_LEADS.iter().find_map(|lead| {
        let at = sentence.find(lead)?;
        let rest = &sentence[at + lead.len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let close = rest[digits..]
            .strip_prefix(PAREN_CLOSES)
            .filter(|after| after.starts_with(YEAR_MARK))?;
        let end = sentence.len() - close.len() + YEAR_MARK.len_utf8();
        let written: i32 = rest[..digits].parse().ok()?;
        let year = match digits {
            2 | 3 if ERA_YEARS.contains(&written) => written + MINGUO_OFFSET,
            4 if (1949..=2100).contains(&written) => written,
            _ => return None,
        };
        Some((year, at..end))
    })
}

/// The Republic-of-China years written without their era in a sentence
/// (105年 is 2016): two or three digits and 年, no digit before, a year
/// of the era this century's reports use.
fn era_year_phrases(sentence: &str) -> Vec<(i32, std::ops::Range<usize>)> {
    sentence
        .match_indices(YEAR_MARK)
        .filter_map(|(at, mark)| {
            let before = &sentence[..at];
            let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
            let start = at - digits;
            let preceded = before[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit());
            let era: i32 = before[start..].parse().ok()?;
            ((2..=3).contains(&digits) && !preceded && ERA_YEARS.contains(&era))
                .then(|| (era + MINGUO_OFFSET, start..at + mark.len()))
        })
        .collect()
}

/// The Republic-of-China years a report of this century names (89 is 2000).
const ERA_YEARS: std::ops::RangeInclusive<i32> = 89..=139;

/// Whether the year at `at` opens its sentence or a clause of it,
/// perhaps after a lead word (据悉，2013年全年…; 记者获悉，2023年该馆…),
/// outside a quotation: a year further into a clause is an event's (在
/// 2023年某大赛中获奖) or a comparison's, and one in a quotation a
/// speaker's, not the sentence's time.
fn opens_sentence(sentence: &str, at: usize, library: Option<&str>) -> bool {
    let before = &sentence[..at];
    let quoted = QUOTE_PAIRS.iter().any(|&(open, close)| {
        before
            .rfind(open)
            .is_some_and(|o| before.rfind(close).is_none_or(|c| c < o))
    });
    if quoted {
        return false;
    }
    let clause_start = before
        .rfind(|c: char| CLAUSE_BREAKS.contains(&c))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(0, char::len_utf8)
        });
    let mut lead = before[clause_start..].trim_start();
    while let Some(word) = SENTENCE_LEADS.iter().find(|w| lead.starts_with(**w)) {
        lead = lead[word.len()..].trim_start();
    }
    // 某市图书馆2025年借阅情形, 某市图书馆公布2025年…: the library as the
    // subject right before its year.
    let subject = lead
        .strip_suffix(|c: char| c.is_whitespace())
        .unwrap_or(lead);
    let subject = SUBJECT_VERBS
        .iter()
        .find_map(|verb| subject.strip_suffix(verb))
        .unwrap_or(subject);
    lead.is_empty()
        || library
            .is_some_and(|name| subject.ends_with(name) && subject.len() <= name.len() + LEAD_BYTES)
}

/// How much may stand before a library named as a sentence's subject
/// (a dateline's leftovers: date 2026-02-16 某馆2025年…), in bytes.
const LEAD_BYTES: usize = 24;

/// Whether the text after a year reads as the rest of a date (-03-25,
/// /1/7, 04月23日): the year is a date's, not a title's.
fn opens_with_date_tail(after: &str) -> bool {
    let after = after.trim_start_matches(YEAR_MARK).trim_start();
    let mut chars = after.chars();
    match chars.next() {
        Some(c) if NUMERIC_DATE_MARKS.contains(&c) => {
            chars.next().is_some_and(|c| c.is_ascii_digit())
        }
        _ => opens_with_date(after),
    }
}

/// Whether a line opens with a date (1月25日起…, 3月5日副县长…): an entry
/// of a chronicle.
fn opens_with_date(text: &str) -> bool {
    let text = text.trim_start();
    let digits: usize = text
        .chars()
        .take_while(|&c| c.is_ascii_digit() || crate::tables::numerals::starts_numeral(c))
        .map(char::len_utf8)
        .sum();
    digits > 0 && text[digits..].starts_with(MONTH_MARK)
}

/// A news item's year: its dateline's, or the year before when its head
/// speaks of 去年 (dated 2024-04-23: 四川去年超3300万人次走进图书馆), and
/// the physical line of that word. The headline right above the dateline
/// is read first (去年市图书馆接待读者15万人次 / 2018-01-29 09:31).
fn dateline_year(folded_source: &str) -> Option<(i32, u32)> {
    let head = crate::text::head(folded_source, DATELINE_HEAD);
    let (dated, start, at) = date::scan_years(head)
        .into_iter()
        .find_map(|(year, range)| {
            let dated = opens_with_date_tail(head.get(range.end..)?)
                || closes_day_and_month(head.get(..range.start)?);
            dated.then_some((year, range.start, range.end))
        })?;
    let line_of = |offset: usize| {
        let lines = head.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        u32::try_from(lines + 1).unwrap_or(u32::MAX)
    };
    let headline_start = headline_before(head, start);
    if let Some((offset, dated)) = time_word(&head[headline_start..start], dated) {
        return Some((dated, line_of(headline_start + offset)));
    }
    time_word(&head[at..], dated).map(|(offset, year)| (year, line_of(at + offset)))
}

/// Whether the text before a year ends with a day and a month in figures
/// and their separator (27/04/2019, 02.06.2016): a date written day first,
/// as pages of Macau and of some aggregators date their items (month first
/// names the same year).
fn closes_day_and_month(before: &str) -> bool {
    use crate::tables::dates::YMD_SEPARATORS;
    let Some(sep) = before
        .chars()
        .next_back()
        .filter(|c| YMD_SEPARATORS.contains(c))
    else {
        return false;
    };
    // One or two digits, then `sep`, twice over; no digit before them.
    let mut rest = &before[..before.len() - sep.len_utf8()];
    for n in 0..2 {
        let digits = rest.bytes().rev().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&digits) {
            return false;
        }
        rest = &rest[..rest.len() - digits];
        if n == 0 {
            match rest.strip_suffix(sep) {
                Some(shorter) => rest = shorter,
                None => return false,
            }
        }
    }
    !rest.ends_with(|c: char| c.is_ascii_digit() || YMD_SEPARATORS.contains(&c))
}

/// Where the headline right above a dateline at `start` begins: the last
/// line before the dateline's own line that is not blank.
fn headline_before(head: &str, start: usize) -> usize {
    let before = &head[..start];
    let own_line = before.rfind('\n').map_or(0, |i| i + 1);
    let above = before[..own_line].trim_end();
    above.rfind('\n').map_or(0, |i| i + 1)
}

/// The year a news text dated `dated` speaks of, from its first 去年 or
/// 今年 of its own, and where that word stands. 比去年增长 and 去年同期
/// compare: no year of their own.
fn time_word(text: &str, dated: i32) -> Option<(usize, i32)> {
    let last_year = text
        .match_indices(LAST_YEAR_WORD)
        .find(|&(i, w)| !is_compared(text, i) && !text[i + w.len()..].starts_with(SAME_PERIOD));
    let this_year = text.find(THIS_YEAR_WORD);
    match (last_year, this_year) {
        (Some((last, _)), this) if this.is_none_or(|this| last < this) => {
            Some((last, dated.checked_sub(1)?))
        }
        (_, Some(this)) => Some((this, dated)),
        _ => None,
    }
}

/// A report dated in the Republic's era names its own year without the
/// era too (112年度服務成果報告 … 中華民國113年2月).
fn era_year(outline: &Outline<'_>, text: &str) -> Option<i32> {
    if !ERA_NAMES.iter().any(|(name, _)| text.contains(name))
        && !text.contains(ERA_NAME_TRADITIONAL)
    {
        return None;
    }
    outline
        .front
        .iter()
        .filter_map(|l| title::era_year_alone(l.text()))
        .next()
}

/// The years a text names (years of comparison left out), most named
/// first, at most three: the candidates a warning names.
fn named_years(text: &str) -> Vec<i32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for (year, range) in date::scan_year_phrases(text) {
        if !is_compared(text, range.start) {
            *counts.entry(year).or_default() += 1;
        }
    }
    let mut years: Vec<(i32, usize)> = counts.into_iter().collect();
    years.sort_by_key(|&(year, count)| (std::cmp::Reverse(count), year));
    years.into_iter().take(3).map(|(year, _)| year).collect()
}

mod calendar;
mod period;
mod stamp;

pub use period::is_one_month_title;

#[cfg(test)]
mod tests;
