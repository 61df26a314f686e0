//! Web pages → the report's lines.
//!
//! The page is decoded in the charset its BOM or `<meta>` names (GBK pages
//! are common), else in the one [`decode`] detects, and tokenized with
//! html5gum, a WHATWG tokenizer: what a browser would read as text, with
//! entities decoded and `<script>` / `<style>` bodies kept apart. Our rules
//! on top of the tokens:
//! - the site's parts go: `<nav>`, `<header>`, `<footer>`, `<aside>`,
//!   forms, scripts, and elements whose `id` or `class` names a menu, a
//!   sidebar, a breadcrumb or a footer (words in [`crate::tables::chrome`]),
//!   and lines that are only links (a list of links, a menu);
//! - `<p>`, `<br>`, `<li>`, headings and other blocks become lines;
//! - a `<table>` row becomes one line of tab-separated cells, as the table
//!   reader expects (a cell's own paragraphs are joined with a space);
//! - the lines left are put through [`chrome`] as pasted text is.
//!
//! Memory stays proportional to the page: the open-element stack is
//! bounded and nothing but the text is kept.

use encoding_rs::Encoding;
use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::chrome;
use crate::decode;
use crate::error::Error;
use crate::tables::chrome::{SKIPPED_CLASS_WORDS, SKIPPED_ELEMENTS};

/// How deep the open-element stack may grow; deeper elements are read as
/// text of their parent (a page of a million unclosed `<div>`s stays flat).
const MAX_DEPTH: usize = 512;

/// How many bytes are searched for a `<meta charset>` (the HTML standard's
/// prescan reads 1024; pages with long `<head>`s put it later).
const META_SCAN: usize = 4096;

/// A page's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The report's lines, `\n`-separated.
    pub text: String,
    /// The charset the page was read in, as the record names it.
    pub encoding: &'static str,
    /// How many byte sequences did not decode.
    pub replaced: usize,
}

/// Reads a page; `forced` (`--encoding`) overrides what the page says.
pub fn read(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Page, Error> {
    let has_bom = bytes.starts_with(b"\xef\xbb\xbf")
        || bytes.starts_with(b"\xff\xfe")
        || bytes.starts_with(b"\xfe\xff");
    let encoding = forced.or_else(|| if has_bom { None } else { meta_charset(bytes) });
    let decoded = decode::decode(bytes, encoding)?;
    let text = chrome::drop_chrome(&page_text(&decoded.text));
    if text.trim().is_empty() {
        return Err(super::unreadable(
            "web page shows no text outside its menus, scripts and links",
        ));
    }
    Ok(Page {
        text,
        encoding: decoded.encoding_name(),
        replaced: decoded.replaced,
    })
}

/// The charset a `<meta charset=…>` or `<meta http-equiv … content="…;
/// charset=…">` near the top names. UTF-16 labels mean UTF-8 here, as the
/// HTML standard says: bytes read as ASCII to find the tag are not UTF-16.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(META_SCAN)].to_ascii_lowercase();
    let mut rest = head.as_slice();
    while let Some(at) = memchr::memmem::find(rest, b"<meta") {
        let tag = &rest[at..];
        let tag = &tag[..memchr::memchr(b'>', tag).unwrap_or(tag.len())];
        if let Some(pos) = memchr::memmem::find(tag, b"charset") {
            let value = tag[pos + 7..]
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .skip_while(|&&b| b == b'=')
                .skip_while(|&&b| b.is_ascii_whitespace() || b == b'"' || b == b'\'')
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':'))
                .copied()
                .collect::<Vec<u8>>();
            if let Some(encoding) = Encoding::for_label(&value) {
                let utf16 = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
                return Some(if utf16 { encoding_rs::UTF_8 } else { encoding });
            }
        }
        rest = &rest[at + 5..];
    }
    None
}

/// One open element.
struct Open {
    name: Vec<u8>,
    skip: bool,
}

/// The text a page shows, before the chrome lines are dropped.
pub fn page_text(html: &str) -> String {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut lines = Lines::default();
    let mut stack: Vec<Open> = Vec::new();
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let token: Token = match token {
            Ok(token) => token,
            Err(never) => match never {},
        };
        let skipping = stack.last().is_some_and(|open| open.skip);
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.0;
                let skip = skipping
                    || SKIPPED_ELEMENTS.iter().any(|s| s.as_bytes() == name)
                    || tag.attributes.iter().any(|(key, value)| {
                        skipped_attribute(key.as_slice(), value.value.as_slice())
                    });
                if !skip {
                    lines.start(&name);
                }
                let void = is_void(&name) || tag.self_closing;
                if !void && stack.len() < MAX_DEPTH {
                    lines.enter(&name, 1);
                    stack.push(Open { name, skip });
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.0;
                if let Some(at) = stack.iter().rposition(|open| open.name == name) {
                    for open in stack.drain(at..).rev() {
                        lines.enter(&open.name, -1);
                        if !open.skip {
                            lines.end(&open.name);
                        }
                    }
                }
            }
            Token::String(text) if !skipping => lines.text(&String::from_utf8_lossy(&text)),
            _ => {}
        }
    }
    lines.finish()
}

/// `id`, `class`, `hidden`, `style="display:none"`, `aria-hidden`: the
/// attributes that hide an element or name it as the site's.
fn skipped_attribute(key: &[u8], value: &[u8]) -> bool {
    match key {
        b"id" | b"class" => value
            .split(|&b| b.is_ascii_whitespace() || b == b'-' || b == b'_')
            .any(|word| {
                SKIPPED_CLASS_WORDS
                    .iter()
                    .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
            }),
        b"hidden" => true,
        b"aria-hidden" => value.eq_ignore_ascii_case(b"true"),
        b"style" => {
            let style: Vec<u8> = value
                .iter()
                .filter(|b| !b.is_ascii_whitespace())
                .map(u8::to_ascii_lowercase)
                .collect();
            memchr::memmem::find(&style, b"display:none").is_some()
        }
        _ => false,
    }
}

fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"br"
            | b"hr"
            | b"img"
            | b"meta"
            | b"link"
            | b"input"
            | b"wbr"
            | b"area"
            | b"base"
            | b"col"
            | b"embed"
            | b"param"
            | b"source"
            | b"track"
    )
}

/// Elements that start and end a line.
fn is_block(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"div"
            | b"li"
            | b"ul"
            | b"ol"
            | b"dl"
            | b"dt"
            | b"dd"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"table"
            | b"caption"
            | b"section"
            | b"article"
            | b"main"
            | b"blockquote"
            | b"pre"
            | b"address"
            | b"figure"
            | b"figcaption"
            | b"center"
            | b"body"
            | b"hr"
            | b"br"
    )
}

/// The lines being written.
#[derive(Default)]
struct Lines {
    out: String,
    line: String,
    /// Open `<a>`, `<td>`/`<th>` and `<pre>` elements.
    links: usize,
    cells: usize,
    pre: usize,
    /// Cells started in the current row.
    row_cells: usize,
    /// Whether the line holds text inside a link, and text outside one
    /// that is more than separators.
    link_text: bool,
    plain_text: bool,
}

impl Lines {
    fn enter(&mut self, name: &[u8], step: isize) {
        let counter = match name {
            b"a" => &mut self.links,
            b"td" | b"th" => &mut self.cells,
            b"pre" | b"textarea" => &mut self.pre,
            _ => return,
        };
        *counter = counter.saturating_add_signed(step);
    }

    fn start(&mut self, name: &[u8]) {
        match name {
            b"tr" if self.cells == 0 => {
                self.break_line();
                self.row_cells = 0;
            }
            b"td" | b"th" if self.cells == 0 => {
                self.trim_end();
                if self.row_cells > 0 {
                    self.line.push('\t');
                }
                self.row_cells += 1;
            }
            _ if is_block(name) || name == b"tr" || name == b"td" || name == b"th" => {
                self.block_edge()
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"tr" if self.cells == 0 => {
                self.break_line();
                self.row_cells = 0;
            }
            b"td" | b"th" if self.cells == 0 => self.trim_end(),
            _ if is_block(name) || name == b"tr" || name == b"td" || name == b"th" => {
                self.block_edge()
            }
            _ => {}
        }
    }

    /// A block starts or ends: a new line, or a space inside a cell.
    fn block_edge(&mut self) {
        if self.cells > 0 {
            if !self.line.is_empty() && !self.line.ends_with([' ', '\t']) {
                self.line.push(' ');
            }
        } else {
            self.break_line();
        }
    }

    fn text(&mut self, text: &str) {
        if self.pre > 0 && self.cells == 0 {
            let mut parts = text.split('\n');
            if let Some(first) = parts.next() {
                self.push_words(first);
            }
            for part in parts {
                self.break_line();
                self.push_words(part);
            }
        } else {
            self.push_words(text);
        }
    }

    /// Appends text with its white space collapsed to single spaces.
    fn push_words(&mut self, text: &str) {
        let words = text.split(|c: char| c.is_ascii_whitespace() || c == '\u{a0}');
        let space_before = text.starts_with(|c: char| c.is_ascii_whitespace() || c == '\u{a0}');
        let mut first = true;
        for word in words {
            if word.is_empty() {
                continue;
            }
            if (!first || space_before)
                && !self.line.is_empty()
                && !self.line.ends_with([' ', '\t'])
            {
                self.line.push(' ');
            }
            first = false;
            self.line.push_str(word);
            if self.links > 0 {
                self.link_text = true;
            } else if word.chars().any(|c| !is_separator(c)) {
                self.plain_text = true;
            }
        }
        let space_after = text.ends_with(|c: char| c.is_ascii_whitespace() || c == '\u{a0}');
        if space_after && !first && !self.line.ends_with([' ', '\t']) {
            self.line.push(' ');
        }
    }

    fn trim_end(&mut self) {
        let len = self.line.trim_end_matches(' ').len();
        self.line.truncate(len);
    }

    /// Ends the line: kept unless empty or only links and separators.
    fn break_line(&mut self) {
        let line = self.line.trim_matches(' ');
        let only_links = self.link_text && !self.plain_text;
        if !line.trim().is_empty() && !only_links {
            self.out.push_str(line);
            self.out.push('\n');
        }
        self.line.clear();
        self.link_text = false;
        self.plain_text = false;
    }

    fn finish(mut self) -> String {
        self.break_line();
        self.out
    }
}

/// What sits between the links of a menu or a breadcrumb.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '|' | '｜'
            | '>'
            | '＞'
            | '›'
            | '»'
            | '/'
            | '·'
            | '•'
            | '-'
            | '—'
            | '、'
            | '丨'
            | '['
            | ']'
            | '【'
            | '】'
    ) || c.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines_and_table_rows_tab_separated_cells() {
        let html = "<html><head><title>t</title><style>p{}</style></head><body>\
            <h1>青禾县图书馆 2021 年年报</h1><p>一、服务效能</p><p>全年 12&nbsp;万人次<br>第二行</p>\
            <ul><li>甲</li><li>乙</li></ul>\
            <table><tr><th>序号</th><th>项目名称</th><th>数量</th></tr>\
            <tr><td>1</td><td><p>文献</p><p>馆藏量</p></td><td> 180383 </td></tr>\
            <tr><td>2</td><td></td><td>5</td></tr></table>\
            <script>var x = '<p>no</p>';</script></body></html>";
        assert_eq!(
            page_text(html),
            "青禾县图书馆 2021 年年报\n一、服务效能\n全年 12 万人次\n第二行\n甲\n乙\n\
             序号\t项目名称\t数量\n1\t文献 馆藏量\t180383\n2\t\t5\n"
        );
    }

    #[test]
    fn the_site_around_the_report_goes() {
        let html = "<body><div id=\"top-nav\"><a href=/>首页</a></div>\
            <nav><a>本馆概况</a></nav><div class=\"menu-bar\">数据统计</div>\
            <p><a href=1>馆务公开</a> &gt; <a href=2>年报</a></p>\
            <ul><li><a href=x>友情链接一</a></li></ul>\
            <p>正文 <a href=y>附件</a> 在此</p>\
            <div style=\"display: none\">隐藏</div><footer>版权</footer></body>";
        assert_eq!(page_text(html), "正文 附件 在此\n");
    }

    #[test]
    fn the_charset_comes_from_meta_or_bom() {
        let (gbk, _, _) = encoding_rs::GBK.encode(
            "<html><head><meta charset=\"gbk\"></head><body><p>青禾县图书馆年报</p></body></html>",
        );
        let page = read(&gbk, None).expect("a page");
        assert_eq!(page.text, "青禾县图书馆年报");
        assert_eq!(page.encoding, "GB18030");
        let (gbk, _, _) = encoding_rs::GBK.encode(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\"><p>图书馆</p>",
        );
        assert_eq!(read(&gbk, None).expect("a page").text, "图书馆");
        let mut utf8 = b"\xef\xbb\xbf<meta charset=gbk>".to_vec();
        utf8.extend_from_slice("<p>图书馆</p>".as_bytes());
        let page = read(&utf8, None).expect("a page");
        assert_eq!((page.text.as_str(), page.encoding), ("图书馆", "UTF-8"));
    }

    #[test]
    fn deep_and_empty_pages_end_well() {
        let deep = "<div>".repeat(100_000) + "图书馆年报";
        assert_eq!(page_text(&deep), "图书馆年报\n");
        let err =
            read(b"<html><script>x</script><nav>menu</nav></html>", None).expect_err("no text");
        assert!(err.to_string().contains("no text"), "{err}");
    }
}
