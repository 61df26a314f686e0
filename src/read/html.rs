//! Web pages → the report's lines.
//!
//! The page is decoded in the charset its BOM or `<meta>` names (GBK pages
//! are common), else in the one [`decode`] detects, and tokenized with
//! html5gum, a WHATWG tokenizer: what a browser would read as text, with
//! entities decoded and `<script>` / `<style>` bodies kept apart. Our rules
//! on top of the tokens:
//! - the site's parts go: `<nav>`, `<header>`, `<footer>`, `<aside>`,
//!   forms, scripts, and elements whose `id` or `class` names a menu, a
//!   sidebar, a breadcrumb or a footer (words in `crate::tables::chrome`;
//!   an `<article>`'s own header stays), and lines that are only links
//!   (`<a href>`: a list of links, a menu);
//! - `<p>`, `<br>`, `<li>`, headings and other blocks become lines;
//! - a data table's row becomes one line of tab-separated cells, as the
//!   table reader expects (a cell's own paragraphs joined with a space);
//!   a table that lays the page out gives the lines inside it;
//! - the lines left are put through [`chrome`] as pasted text is.
//!
//! Memory stays proportional to the page: the open-element stack is
//! bounded and nothing but the text is kept. The tags and attributes a
//! page may have, in all and in one tag, are bounded by the document's
//! budget (`crate::tables::budget`; see `BoundedReader` for why one
//! tag's attributes are).

use encoding_rs::Encoding;
use html5gum::{DefaultEmitter, Readable, Reader, StringReader, Token, Tokenizer};

use super::chrome;
use crate::decode;
use crate::error::{Error, Unreadable, spend};
use crate::tables::budget::{HTML_TAG_ATTRIBUTES, MARKUP_NODES};
use crate::tables::chrome::{
    ARTICLE_ELEMENTS, ARTICLE_OWN, MENU_SEPARATORS, SKIPPED_CLASS_WORDS, SKIPPED_ELEMENTS,
};

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
    /// The page's publication stamp, read before its chrome is dropped.
    pub published: Option<(i32, u32)>,
}

/// Whether nameless bytes are a web page: `<!doctype html` or `<html`
/// first, after a BOM and white space.
pub fn sniff(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = head[start..].to_ascii_lowercase();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// Reads a page; `forced` (`--encoding`) overrides what the page says.
pub fn read(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Page, Error> {
    let has_bom = bytes.starts_with(b"\xef\xbb\xbf")
        || bytes.starts_with(b"\xff\xfe")
        || bytes.starts_with(b"\xfe\xff");
    let encoding = forced.or_else(|| if has_bom { None } else { meta_charset(bytes) });
    let decoded = decode::decode(bytes, encoding)?;
    let page_text = page_text(&decoded.text)?;
    let published = super::publication_stamp(&page_text);
    let text = chrome::drop_chrome(&page_text);
    if text.trim().is_empty() {
        return Err(super::unreadable(Unreadable::WebPageNoText));
    }
    Ok(Page {
        text,
        encoding: decoded.encoding_name(),
        replaced: decoded.replaced,
        published,
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
    /// An `<a href>`: a link, where `<a name>` (Word's bookmarks around
    /// headings) is not.
    link: bool,
    /// Inside an `<article>` or `<main>`.
    article: bool,
}

/// The text a page shows, before the chrome lines are dropped; a page
/// over its budget (too many tags and attributes, or too many quoted
/// attributes in one tag) is an error.
pub fn page_text(html: &str) -> Result<String, Error> {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut lines = Lines::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut nodes = 0u64;
    let reader = BoundedReader {
        inner: html.to_reader(),
        quoted: 0,
    };
    for token in Tokenizer::new_with_emitter(reader, emitter) {
        let token: Token = match token {
            Ok(token) => token,
            Err(TooManyAttributes) => return Err(Error::TooComplex(HTML_TAG_ATTRIBUTES)),
        };
        if let Token::StartTag(tag) = &token {
            spend(&mut nodes, 1 + tag.attributes.len() as u64, MARKUP_NODES)?;
        }
        let skipping = stack.last().is_some_and(|open| open.skip);
        let in_article = stack.last().is_some_and(|open| open.article);
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.0;
                let own = |word: &[u8]| {
                    in_article
                        && ARTICLE_OWN
                            .iter()
                            .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
                };
                let skip = skipping
                    || SKIPPED_ELEMENTS
                        .iter()
                        .any(|s| s.as_bytes() == name && !own(&name))
                    || tag.attributes.iter().any(|(key, value)| {
                        skipped_attribute(key.as_slice(), value.value.as_slice(), own)
                    });
                let article = in_article || ARTICLE_ELEMENTS.iter().any(|a| a.as_bytes() == name);
                if !skip {
                    lines.start(&name);
                }
                let void = is_void(&name) || tag.self_closing;
                let link =
                    name == b"a" && tag.attributes.keys().any(|key| key.as_slice() == b"href");
                if !void && stack.len() < MAX_DEPTH {
                    lines.enter(&name, link, 1);
                    stack.push(Open {
                        name,
                        skip,
                        link,
                        article,
                    });
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.0;
                if let Some(at) = stack.iter().rposition(|open| open.name == name) {
                    for open in stack.drain(at..).rev() {
                        lines.enter(&open.name, open.link, -1);
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
    Ok(lines.finish())
}

/// html5gum follows a run of double-quoted attributes in one tag by
/// direct calls from state to state (`name="…" name="…"`), one set of
/// stack frames per attribute, so some thousands of them overflow the
/// stack and abort the whole process, which no `catch_unwind` can stop.
/// The tokenizer cannot be told to stop from outside, but it reads its
/// input through this reader: each read of a double-quoted value's
/// closing quote is counted, the count starts again when the tokenizer
/// reads text (a tag has ended), and past [`HTML_TAG_ATTRIBUTES`] the
/// read fails, which unwinds the calls by `?` and ends the page with a
/// named error. Replacing the tokenizer would lose its WHATWG fidelity
/// (entities, raw-text states) for one shape of hostile page; a thread
/// with a larger stack only moves the limit.
struct BoundedReader<'a> {
    inner: StringReader<'a>,
    /// Double-quoted attribute values read since the last text.
    quoted: u64,
}

/// The error of [`BoundedReader`].
#[derive(Debug)]
struct TooManyAttributes;

impl std::fmt::Display for TooManyAttributes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("too many attributes in one tag")
    }
}

impl std::error::Error for TooManyAttributes {}

impl Reader for BoundedReader<'_> {
    type Error = TooManyAttributes;

    fn read_byte(&mut self) -> Result<Option<u8>, TooManyAttributes> {
        let Ok(byte) = self.inner.read_byte();
        Ok(byte)
    }

    fn try_read_string(
        &mut self,
        s: &[u8],
        case_sensitive: bool,
    ) -> Result<bool, TooManyAttributes> {
        let Ok(found) = self.inner.try_read_string(s, case_sensitive);
        Ok(found)
    }

    fn read_until<'b>(
        &'b mut self,
        needle: &[u8],
        char_buf: &'b mut [u8; 4],
    ) -> Result<Option<&'b [u8]>, TooManyAttributes> {
        // The states tell themselves apart by what they stop at: a
        // double-quoted value stops at `"` and never at `<`; text (data,
        // raw text, script) stops at `<` and never at `=` or `"`.
        let stops = |b: u8| needle.contains(&b);
        let quoted_value = needle.first() == Some(&b'"') && !stops(b'<');
        let text = stops(b'<') && !stops(b'=') && !stops(b'"');
        if text {
            self.quoted = 0;
        }
        let Ok(read) = self.inner.read_until(needle, char_buf);
        if quoted_value && read == Some(b"\"") {
            self.quoted += 1;
            if self.quoted > HTML_TAG_ATTRIBUTES.max {
                return Err(TooManyAttributes);
            }
        }
        Ok(read)
    }
}

/// `id`, `class`, `hidden`, `style="display:none"`, `aria-hidden`: the
/// attributes that hide an element or name it as the site's (unless
/// `article_own` says the word is the article's here).
fn skipped_attribute(key: &[u8], value: &[u8], article_own: impl Fn(&[u8]) -> bool) -> bool {
    match key {
        b"id" | b"class" => value
            .split(|&b| b.is_ascii_whitespace() || b == b'-' || b == b'_')
            .any(|word| {
                !article_own(word)
                    && SKIPPED_CLASS_WORDS
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

/// How deep tables may nest; deeper ones are read as plain blocks.
const MAX_TABLES: usize = 16;

/// A row whose text is longer than this, in bytes, lays a page out rather
/// than holding data.
const LAYOUT_ROW_BYTES: usize = 600;

/// A cell with more lines than this lays a page out.
const LAYOUT_CELL_LINES: usize = 3;

/// One table cell: its lines, and whether a table inside it gave some.
#[derive(Default)]
struct Cell {
    lines: Vec<String>,
    nested: bool,
}

/// A table being read: its finished rows, the row and the cell open.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
    cell: Option<Cell>,
}

impl Table {
    fn close_cell(&mut self) {
        if let Some(cell) = self.cell.take() {
            self.row.push(cell);
        }
    }

    fn close_row(&mut self) {
        self.close_cell();
        if !self.row.is_empty() {
            self.rows.push(std::mem::take(&mut self.row));
        }
    }

    /// The table's lines. A data row becomes one line of tab-separated
    /// cells (a cell's own lines joined with a space); a row that lays
    /// the page out (one cell, a table inside, long or many-lined cells:
    /// old sites put whole articles in tables) gives its cells' lines as
    /// they are, so the report inside keeps its lines and its own tables.
    fn into_lines(mut self) -> Vec<String> {
        self.close_row();
        let mut lines = Vec::new();
        for row in self.rows {
            let bytes: usize = row.iter().flat_map(|c| &c.lines).map(String::len).sum();
            let layout = row.len() == 1
                || bytes > LAYOUT_ROW_BYTES
                || row
                    .iter()
                    .any(|c| c.nested || c.lines.len() > LAYOUT_CELL_LINES);
            if layout {
                lines.extend(row.into_iter().flat_map(|c| c.lines));
            } else if row.iter().any(|c| !c.lines.is_empty()) {
                let cells: Vec<String> = row.iter().map(|c| c.lines.join(" ")).collect();
                lines.push(cells.join("\t"));
            }
        }
        lines
    }
}

/// The lines being written.
#[derive(Default)]
struct Lines {
    out: Vec<String>,
    /// Open tables, innermost last.
    tables: Vec<Table>,
    /// Tables opened past [`MAX_TABLES`], read as plain blocks.
    too_deep: usize,
    line: String,
    /// Open `<a>` and `<pre>` elements.
    links: usize,
    pre: usize,
    /// Whether the line holds text inside a link, and text outside one
    /// that is more than separators.
    link_text: bool,
    plain_text: bool,
}

impl Lines {
    fn enter(&mut self, name: &[u8], link: bool, step: isize) {
        let counter = match name {
            b"a" if link => &mut self.links,
            b"pre" | b"textarea" => &mut self.pre,
            _ => return,
        };
        *counter = counter.saturating_add_signed(step);
    }

    fn start(&mut self, name: &[u8]) {
        match name {
            b"table" => {
                self.break_line();
                if self.tables.len() < MAX_TABLES {
                    self.tables.push(Table::default());
                } else {
                    self.too_deep += 1;
                }
            }
            b"tr" => {
                self.break_line();
                if let Some(table) = self.current_table() {
                    table.close_row();
                }
            }
            b"td" | b"th" => {
                self.break_line();
                if let Some(table) = self.current_table() {
                    table.close_cell();
                    table.cell = Some(Cell::default());
                }
            }
            _ if is_block(name) => self.break_line(),
            _ => {}
        }
    }

    /// The innermost table being read, unless tables nest deeper than
    /// are kept.
    fn current_table(&mut self) -> Option<&mut Table> {
        if self.too_deep == 0 {
            self.tables.last_mut()
        } else {
            None
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"table" => {
                self.break_line();
                if self.too_deep > 0 {
                    self.too_deep -= 1;
                } else if let Some(table) = self.tables.pop() {
                    let lines = table.into_lines();
                    self.emit(lines, true);
                }
            }
            b"tr" => {
                self.break_line();
                if let Some(table) = self.current_table() {
                    table.close_row();
                }
            }
            b"td" | b"th" => {
                self.break_line();
                if let Some(table) = self.current_table() {
                    table.close_cell();
                }
            }
            _ if is_block(name) => self.break_line(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.pre > 0 {
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
            if (!first || space_before) && !self.line.is_empty() && !self.line.ends_with(' ') {
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
        if space_after && !first && !self.line.ends_with(' ') {
            self.line.push(' ');
        }
    }

    /// Ends the line: kept unless empty or only links and separators.
    fn break_line(&mut self) {
        let only_links = self.link_text && !self.plain_text;
        let line = self.line.trim_matches(' ');
        if !line.trim().is_empty() && !only_links {
            let line = line.to_owned();
            self.emit(vec![line], false);
        }
        self.line.clear();
        self.link_text = false;
        self.plain_text = false;
    }

    /// Hands finished lines to the open cell, or to the page; `table`
    /// when they are a closed table's, which makes the cell a layout one.
    fn emit(&mut self, lines: Vec<String>, table: bool) {
        match self.tables.last_mut() {
            Some(open) => {
                let cell = open.cell.get_or_insert_with(Cell::default);
                cell.nested |= table && !lines.is_empty();
                cell.lines.extend(lines);
            }
            None => self.out.extend(lines),
        }
    }

    fn finish(mut self) -> String {
        self.break_line();
        while let Some(table) = self.tables.pop() {
            let lines = table.into_lines();
            self.emit(lines, true);
        }
        let mut out = self.out.join("\n");
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }
}

/// What sits between the links of a menu or a breadcrumb.
fn is_separator(c: char) -> bool {
    MENU_SEPARATORS.contains(&c) || c.is_whitespace()
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
            page_text(html).expect("page"),
            "青禾县图书馆 2021 年年报\n一、服务效能\n全年 12 万人次\n第二行\n甲\n乙\n\
             序号\t项目名称\t数量\n1\t文献 馆藏量\t180383\n2\t\t5\n"
        );
    }

    #[test]
    fn layout_tables_keep_the_lines_and_tables_inside_them() {
        // An old site: the page laid out in a table, the menu in one cell,
        // the article in another, its statistics table inside it.
        let html = "<table><tr><td class=\"left\"><p>栏目</p></td><td>\
            <h1>青禾县图书馆 2021 年年报</h1><p>一、服务效能</p><p>全年到馆 18 万人次。</p>\
            <p>二、资源建设</p><p>新增图书 1 万册。</p>\
            <table><tr><td>序号</td><td>项目</td><td>数量</td></tr>\
            <tr><td>1</td><td>到馆读者</td><td>186420</td></tr></table>\
            <p>三、体系建设</p></td></tr></table>";
        assert_eq!(
            page_text(html).expect("page"),
            "栏目\n青禾县图书馆 2021 年年报\n一、服务效能\n全年到馆 18 万人次。\n\
             二、资源建设\n新增图书 1 万册。\n序号\t项目\t数量\n1\t到馆读者\t186420\n三、体系建设\n"
        );
        // A one-cell row is a block, not a row of one column.
        assert_eq!(
            page_text("<table><tr><td><p>甲</p><p>乙</p></td></tr></table>").expect("page"),
            "甲\n乙\n"
        );
    }

    #[test]
    fn an_articles_own_header_stays() {
        let html = "<header><h1>青禾县图书馆网</h1></header><main><article>\
            <header class=\"article-header\"><h1>青禾县图书馆 2021 年年报</h1></header>\
            <nav>上一篇</nav><p>正文</p></article></main><footer>版权</footer>";
        assert_eq!(
            page_text(html).expect("page"),
            "青禾县图书馆 2021 年年报\n正文\n"
        );
    }

    #[test]
    fn the_site_around_the_report_goes() {
        let html = "<body><div id=\"top-nav\"><a href=/>首页</a></div>\
            <nav><a>本馆概况</a></nav><div class=\"menu-bar\">数据统计</div>\
            <p><a href=1>馆务公开</a> &gt; <a href=2>年报</a></p>\
            <ul><li><a href=x>友情链接一</a></li></ul>\
            <h2><a name=\"_Toc1\">一、服务效能</a></h2>\
            <p>正文 <a href=y>附件</a> 在此</p>\
            <div style=\"display: none\">隐藏</div><footer>版权</footer></body>";
        assert_eq!(
            page_text(html).expect("page"),
            "一、服务效能\n正文 附件 在此\n"
        );
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
        assert_eq!(page_text(&deep).expect("page"), "图书馆年报\n");
        let tables = "<table><tr><td>".repeat(10_000) + "图书馆年报";
        assert_eq!(page_text(&tables).expect("page"), "图书馆年报\n");
        let err =
            read(b"<html><script>x</script><nav>menu</nav></html>", None).expect_err("no text");
        assert!(err.to_string().contains("no text"), "{err}");
    }
}
