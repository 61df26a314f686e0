//! A web site's chrome in text: the welcome banner, menus, breadcrumbs,
//! article facts (发布时间 / 来源 / 点击) and footers (版权所有, 备案号) that
//! come along when a page is saved or pasted. Both the HTML reader and
//! plain-text input drop these lines, by the words in
//! `crate::tables::chrome`.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::tables::chrome::{
    CHROME_LINE_CHARS, CONTACT_LABELS, CRUMB_MARKS, CRUMB_STARTS, FACT_LABELS, FACT_OPENERS,
    FOOTER_LABELS, HOLD_ANCHORS, LINE_HOLDS, LINE_STARTS, MENU_ITEM_CHARS, MENU_MARKS, MENU_WORDS,
    PROSE_MARKS,
};
use crate::tables::script::{SIMPLIFIED, TRADITIONAL};

/// The first two characters (`'\0'` for a one-character word) of every
/// word a chrome line starts with, sorted.
static STARTS: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    let mut starts: Vec<(char, char)> = LINE_STARTS
        .iter()
        .chain(FACT_LABELS)
        .chain(FOOTER_LABELS)
        .chain(MENU_WORDS)
        .chain(CRUMB_STARTS)
        .filter_map(|word| {
            let mut chars = word.chars();
            Some((chars.next()?, chars.next().unwrap_or('\0')))
        })
        .collect();
    starts.sort_unstable();
    starts.dedup();
    starts
});

/// The characters a chrome line may start with, in either script, and
/// the marks a fact label may stand behind, sorted: the first, cheapest
/// question asked of every line.
static FIRST_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut chars: Vec<char> = STARTS.iter().map(|&(first, _)| first).collect();
    chars.extend(FACT_OPENERS);
    let traditional = TRADITIONAL
        .chars()
        .zip(SIMPLIFIED.chars())
        .filter(|(_, simplified)| chars.contains(simplified))
        .map(|(traditional, _)| traditional)
        .collect::<Vec<char>>();
    chars.extend(traditional);
    chars.sort_unstable();
    chars.dedup();
    chars
});

/// Finders of [`HOLD_ANCHORS`].
static ANCHORS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
    HOLD_ANCHORS
        .iter()
        .map(|anchor| memchr::memmem::Finder::new(anchor.as_bytes()))
        .collect()
});

/// Where the anchors of chrome that may stand anywhere in a line occur in
/// `text`, sorted: one vectorised search of the whole text per anchor
/// costs far less than a search per line.
fn anchor_positions(text: &str) -> Vec<usize> {
    let mut at: Vec<usize> = ANCHORS
        .iter()
        .flat_map(|finder| finder.find_iter(text.as_bytes()))
        .collect();
    at.sort_unstable();
    at
}

/// Whether a line starts with the first two characters of a chrome word
/// (after 【 or the like). Asked of every line of every text file, so it
/// costs next to nothing: only these lines and those holding an anchor
/// are folded and matched in full.
fn starts_like_chrome(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    if FIRST_CHARS.binary_search(&first).is_err() {
        return false;
    }
    head_is_a_start(line) || line.strip_prefix(FACT_OPENERS).is_some_and(head_is_a_start)
}

/// Whether `line`'s first two characters are those of a chrome word.
fn head_is_a_start(line: &str) -> bool {
    let head_len = line.char_indices().nth(2).map_or(line.len(), |(i, _)| i);
    let head = super::fold_raw(&line[..head_len]);
    let mut chars = head.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let second = chars.next().unwrap_or('\0');
    STARTS.binary_search(&(first, second)).is_ok() || STARTS.binary_search(&(first, '\0')).is_ok()
}

/// Whether a line is the site's rather than the report's.
pub fn is_chrome(line: &str) -> bool {
    let anchored = ANCHORS
        .iter()
        .any(|finder| finder.find(line.as_bytes()).is_some());
    is_chrome_with(line, anchored)
}

/// [`is_chrome`], told whether the line holds an anchor.
fn is_chrome_with(line: &str, anchored: bool) -> bool {
    let blank = |c: char| c.is_whitespace() || c == '\u{feff}';
    // Most lines are turned away by their first character, before any
    // other work (this runs on every line of every text file).
    let line = line.trim_start_matches(blank);
    if !anchored && !starts_like_chrome(line) {
        return false;
    }
    let line = line.trim_end_matches(blank);
    // Chinese characters take three bytes: a longer line is prose.
    if line.is_empty() || line.len() > CHROME_LINE_CHARS * 3 {
        return false;
    }
    if line.chars().count() > CHROME_LINE_CHARS {
        return false;
    }
    let line = super::fold_raw(line);
    let line = line.as_ref();
    // A sentence is the report's, whatever word it opens with.
    let prose = line.contains(PROSE_MARKS);
    (!prose
        && (LINE_STARTS.iter().any(|start| line.starts_with(start))
            || is_labelled(line, FOOTER_LABELS)))
        || LINE_HOLDS.iter().any(|word| line.contains(word))
        || is_fact_line(line)
        || is_menu(line)
        || is_breadcrumb(line)
}

/// A contact line of a page footer (联系电话：0000-0000000), short and no
/// sentence.
fn is_contact(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > CHROME_LINE_CHARS || line.contains(PROSE_MARKS) {
        return false;
    }
    is_labelled(&super::fold_raw(line), CONTACT_LABELS)
}

/// Where the run of chrome, contact and blank lines that ends `text`
/// starts (`text.len()` when the last line is the report's): read back
/// from the end, so only the footer is looked at. Lines end in `\n` here
/// (a text of lone `\r` ends has no footer read this way).
fn footer_start(text: &str) -> usize {
    let mut start = text.len();
    let mut rest = text.strip_suffix('\n').unwrap_or(text);
    loop {
        let at = rest.rfind('\n').map_or(0, |i| i + 1);
        let line = rest[at..].trim_end_matches('\r');
        let footer = line.trim().is_empty() || is_chrome(line) || is_contact(line);
        if !footer {
            return start;
        }
        start = at;
        if at == 0 {
            return 0;
        }
        rest = &rest[..at - 1];
    }
}

/// 发布时间：2021-03-01　来源：本馆　点击：35
fn is_fact_line(line: &str) -> bool {
    is_labelled(line.trim_start_matches(FACT_OPENERS), FACT_LABELS)
}

/// Whether `line` starts with one of `labels` and a colon (white space
/// between allowed).
fn is_labelled(line: &str, labels: &[&str]) -> bool {
    labels.iter().any(|label| {
        line.strip_prefix(label)
            .map(|rest| rest.trim_start())
            .is_some_and(|rest| rest.starts_with(crate::tables::punctuation::COLONS))
    })
}

/// 首页 | 本馆概况 | 数据统计 | 登录 | 加入收藏, or 返回顶部 alone.
fn is_menu(line: &str) -> bool {
    let items: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || MENU_MARKS.contains(&c))
        .filter(|item| !item.is_empty())
        .collect();
    match items.as_slice() {
        [] => false,
        [one] => MENU_WORDS.contains(one),
        _ => {
            items.len() >= 3
                && items
                    .iter()
                    .all(|item| item.chars().count() <= MENU_ITEM_CHARS)
                && items
                    .iter()
                    .filter(|item| MENU_WORDS.contains(item))
                    .count()
                    >= 2
        }
    }
}

/// 首页 > 馆务公开 > 年报
fn is_breadcrumb(line: &str) -> bool {
    let Some(rest) = CRUMB_STARTS
        .iter()
        .find_map(|start| line.strip_prefix(start))
    else {
        return false;
    };
    rest.trim_start().starts_with(CRUMB_MARKS)
}

/// The text with every chrome line emptied, its line break kept, so the
/// lines after it keep their numbers; borrowed when there was none.
pub fn blank_chrome(text: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut start = 0;
    let mut anchors = Anchored::new(text);
    let footer = footer_start(text);
    for (i, end) in line_ends(text) {
        let line = &text[start..i];
        if is_chrome_with(line, anchors.within(start, i)) || (start >= footer && is_contact(line)) {
            let out = out.get_or_insert_with(|| {
                let mut s = String::with_capacity(text.len());
                s.push_str(&text[..start]);
                s
            });
            out.push_str(&text[i..end]);
        } else if let Some(out) = out.as_mut() {
            out.push_str(&text[start..end]);
        }
        start = end;
    }
    match out {
        Some(out) => Cow::Owned(out),
        None => Cow::Borrowed(text),
    }
}

/// The text without its chrome lines (for text the readers made, whose
/// line numbers are their own).
pub fn drop_chrome(text: &str) -> String {
    let mut start = 0;
    let mut kept = Vec::new();
    let mut anchors = Anchored::new(text);
    for (i, end) in line_ends(text) {
        let line = &text[start..i];
        if !is_chrome_with(line, anchors.within(start, i)) {
            kept.push(line);
        }
        start = end;
    }
    kept.join("\n")
}

/// The anchor positions of a text, asked about line by line in order.
struct Anchored {
    at: Vec<usize>,
    next: usize,
}

impl Anchored {
    fn new(text: &str) -> Anchored {
        Anchored {
            at: anchor_positions(text),
            next: 0,
        }
    }

    /// Whether an anchor starts in `start..end`; lines are asked in order.
    fn within(&mut self, start: usize, end: usize) -> bool {
        while self.at.get(self.next).is_some_and(|&at| at < start) {
            self.next += 1;
        }
        self.at.get(self.next).is_some_and(|&at| at < end)
    }
}

/// For each line, where its text ends and where the next line starts,
/// for `\n`, `\r\n` and a lone `\r` alike (as `clean` splits them).
fn line_ends(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let (i, end) = match memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
            Some(off) => {
                let i = pos + off;
                let skip = if bytes[i..].starts_with(b"\r\n") {
                    2
                } else {
                    1
                };
                (i, i + skip)
            }
            None => (bytes.len(), bytes.len()),
        };
        pos = end;
        Some((i, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_lines_are_chrome() {
        for line in [
            "欢迎访问青禾县图书馆网站！",
            "首页 | 本馆概况 | 数据统计 | 登录 | 加入收藏",
            "首页　本馆概况　读者服务　联系我们",
            "当前位置：首页 > 馆务公开 > 年报",
            "首页 > 馆务公开 > 年报",
            "发布时间：2021-03-01　来源：本馆　点击：35",
            "来源: 青禾县图书馆",
            "【字体：大 中 小】",
            "版权所有：青禾县图书馆　地址：青禾县文化路 8 号",
            "备案号：京ICP备00000000号-1",
            "Copyright © 2021 青禾县图书馆",
            "返回顶部",
            "上一篇：2019 年年报",
            "  版權所有 青禾縣圖書館",
            "歡迎訪問青禾縣圖書館",
            "當前位置：首頁 > 館務公開",
            "地址：青禾县文化路 8 号　京公网安备 00000000000000 号",
        ] {
            assert!(is_chrome(line), "{line}");
        }
    }

    #[test]
    fn contact_lines_are_chrome_only_in_the_footer() {
        let text = "青禾县图书馆2021年年报\n地址：青禾县文化路8号\n全年接待读者12万人次。\n\n版权所有：青禾县图书馆\n联系电话：0000-1234567\r\n地址：青禾县文化路8号\n";
        let blanked = blank_chrome(text);
        let lines: Vec<&str> = blanked.split('\n').collect();
        assert_eq!(
            lines[1], "地址：青禾县文化路8号",
            "the report's own, above its text"
        );
        assert_eq!(lines[2], "全年接待读者12万人次。");
        assert!(lines[4..].iter().all(|l| l.trim().is_empty()), "{lines:?}");
        // a last line of prose keeps the contact lines above it
        let text = "联系电话：0000-1234567\n全年接待读者12万人次。";
        assert_eq!(blank_chrome(text), text);
    }

    #[test]
    fn report_lines_are_not_chrome() {
        for line in [
            "青禾县图书馆 2021 年年报",
            "一、服务效能",
            "序号\t项目名称\t数量\t单位\t备注",
            "项目 | 2021年 | 2020年 | 增长率",
            "全年到馆读者 12.6 万人次，网站访问量 3.2 万次。",
            "来源于读者的意见 35 条，均已答复。",
            "首页改版上线，读者好评如潮。",
            "点击量较上年增长 12%，",
            "",
        ] {
            assert!(!is_chrome(line), "{line}");
        }
        assert!(is_chrome("首页"), "a menu link alone on its line");
    }

    #[test]
    fn blanking_keeps_the_line_numbers() {
        let text = "欢迎访问本馆网站\r\n青禾县图书馆 2021 年年报\n首页 | 本馆概况 | 登录\n正文\r版权所有 青禾县图书馆";
        assert_eq!(blank_chrome(text), "\r\n青禾县图书馆 2021 年年报\n\n正文\r");
        assert!(matches!(blank_chrome("正文\n一、概况\n"), Cow::Borrowed(_)));
        assert_eq!(drop_chrome(text), "青禾县图书馆 2021 年年报\n正文");
    }
}
