//! A web site's chrome in text: the welcome banner, menus, breadcrumbs,
//! article facts (发布时间 / 来源 / 点击) and footers (版权所有, 备案号) that
//! come along when a page is saved or pasted. Both the HTML reader and
//! plain-text input drop these lines, by the words in
//! [`crate::tables::chrome`].

use std::borrow::Cow;

use crate::script;
use crate::tables::chrome::{
    CHROME_LINE_CHARS, CRUMB_MARKS, CRUMB_STARTS, FACT_LABELS, LINE_HOLDS, LINE_STARTS,
    MENU_ITEM_CHARS, MENU_MARKS, MENU_WORDS,
};

/// Whether a line is the site's rather than the report's.
pub fn is_chrome(line: &str) -> bool {
    let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if line.is_empty() || line.len() > CHROME_LINE_CHARS * 4 {
        return false;
    }
    if line.chars().count() > CHROME_LINE_CHARS {
        return false;
    }
    let line = script::fold(line);
    let line = line.as_ref();
    LINE_STARTS.iter().any(|start| line.starts_with(start))
        || LINE_HOLDS.iter().any(|word| line.contains(word))
        || is_fact_line(line)
        || is_menu(line)
        || is_breadcrumb(line)
}

/// 发布时间：2021-03-01　来源：本馆　点击：35
fn is_fact_line(line: &str) -> bool {
    let line = line.trim_start_matches(['【', '[', '(', '（']);
    FACT_LABELS.iter().any(|label| {
        line.strip_prefix(label)
            .map(|rest| rest.trim_start())
            .is_some_and(|rest| rest.starts_with(['：', ':']))
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
    for (i, end) in line_ends(text) {
        let line = &text[start..i];
        if is_chrome(line) {
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
    for (i, end) in line_ends(text) {
        let line = &text[start..i];
        if !is_chrome(line) {
            kept.push(line);
        }
        start = end;
    }
    kept.join("\n")
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
        ] {
            assert!(is_chrome(line), "{line}");
        }
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
