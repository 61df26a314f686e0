//! Punctuation and white space: every list of characters a rule asks about,
//! one row per character kind. Code asks `crate::text`, which reads these
//! lists; no other module writes out a character list of its own.
//!
//! Some lists overlap on purpose and differ on purpose: a line that ends in
//! `：` is not continued on the next line ([`LINE_ENDS`]), but `：` does not
//! end the sentence a figure is read in ([`SENTENCE_ENDS`]).

/// White space inside a line: tab, space, full-width space (U+3000) and
/// no-break space.
pub static WHITE_SPACE: &[char] = &['\t', ' ', '\u{3000}', '\u{a0}'];

/// Spaces between the parts of one phrase or one figure (5 万 册), and the
/// spaces of which two in a row separate table cells: [`WHITE_SPACE`]
/// without the tab, which always separates.
pub static SPACES: &[char] = &[' ', '\u{3000}', '\u{a0}'];

/// Spaces stepped over between a label and its figure (馆藏量 180383).
pub static LABEL_SPACES: &[char] = &[' ', '\u{3000}'];

/// The full-width space (U+3000), which may part a table's cells.
pub const FULL_WIDTH_SPACE: char = '\u{3000}';

/// Spaces wider than a digit group's (en and em quads and spaces, three-
/// to six-per-em, punctuation space): between the digits of a figure they
/// may part two figures, so a figure that stops at one is left out with a
/// warning, as at [`LABEL_SPACES`]. (The grouping spaces, thin, figure,
/// hair and no-break, are dropped between digits before reading.)
pub static WIDE_SPACES: &[char] = &[
    '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2008}',
];

/// Marks that group thousands in some hands (180'383, 180’383, 180，383)
/// and part a list in others (12，15): a figure that stops at one with a
/// group of three digits after it is left out with a warning, never read
/// as its first part.
pub static DIGIT_GROUP_MARKS: &[char] = &['\'', '’', '，'];

/// Marks that end a sentence: a figure's label and qualifiers are looked
/// for only after the last one.
pub static SENTENCE_ENDS: &[char] = &['。', '；', ';', '！', '？', '!', '?'];

/// Marks that end a clause: the sentence ends and a few more.
pub static CLAUSE_ENDS: &[char] = &['。', '；', ';', '！', '？', '!', '?', '，', ',', '、'];

/// The ideographic comma between the items of a list (图书、报刊) and after
/// a heading's number (一、).
pub const LIST_COMMA: char = '、';

/// The full stop that ends a Chinese sentence, as a string to search for.
pub const FULL_STOP: &str = "。";

/// The colons after a label or a line that announces what follows (馆藏：,
/// 主要工作:).
pub static COLONS: &[char] = &['：', ':'];

/// The full-width digits (０–９), read as digits wherever ASCII ones are.
pub const WIDE_DIGITS: std::ops::RangeInclusive<char> = '０'..='９';

/// The bars a text table draws between its cells.
pub static CELL_BARS: &[char] = &['|', '｜'];

/// The colon that joins a heading to its body when a plan's point is
/// written out on one line.
pub const JOINING_COLON: char = '：';

/// The marks around a book's or a document's title (《…》).
pub const TITLE_MARKS: (char, char) = ('《', '》');

/// The quotation marks a speaker's words stand in (“…”, 「…」).
pub static QUOTE_PAIRS: &[(char, char)] = &[('“', '”'), ('「', '」')];

/// Marks that end a clause, the colon and the list comma among them.
/// The semicolons that part a run of clauses (…；其中…).
pub static SEMICOLONS: &[char] = &['；', ';'];

/// Marks before a word that make it open a clause, the colon among them
/// (not the list comma).
pub static CLAUSE_OPENERS: &[char] = &['，', ',', '。', '；', ';', '：', ':'];

/// The commas and stops that end the clause a year opens.
pub static COMMAS_AND_STOPS: &[char] = &['，', '；', '。', ',', ';'];

/// The stops a cell's text may end with before its parts are looked at.
pub static CLOSING_STOPS: &[char] = &['。', '；'];

/// Marks that end a clause, the colon and the list comma among them.
pub static CLAUSE_BREAKS: &[char] = &['，', ',', '。', '；', ';', '、', '：', ':', '！', '？'];

/// The marks before a word that make it open a clause.
pub static CLAUSE_OPENING_MARKS: &[char] = &['，', ',', '。', '；', ';', '：', ':', '、', ' '];

/// The plus signs after a figure (10万+).
pub static PLUS_SIGNS: &[char] = &['+', '＋'];

/// Marks that make a short line a sentence rather than a heading: the
/// full-width sentence marks, the ASCII `;` and `:`, and a tab (a table
/// row). ASCII `!` and `?` are not among them: headings use them.
#[cfg(test)]
pub static HEADING_BREAKS: &[char] = &['。', '！', '？', '；', '：', ';', ':', '\t'];

/// Marks a short line has no comma-like mark of: a plan point without any
/// of them is a heading over the points after it.
pub static PLAN_POINT_MARKS: &[char] = &['，', '。', '；', ',', ';'];

/// Commas that open a clause of the same sentence (目标20万人次，实际完成…).
pub static CLAUSE_COMMAS: &[char] = &['，', ','];

/// Marks that end a topic: sentences joined by semicolons share one.
pub static TOPIC_ENDS: &[char] = &['。', '！', '？', '!', '?'];

/// Marks that end a numbered title its section's text follows on its line
/// (八、2024年工作打算。2024年，…; 五、经费使用：全年…).
pub static INLINE_TITLE_ENDS: &[char] = &['。', '：', ':'];

/// Marks a table cell holds none of (a cell is no sentence).
pub static CELL_BREAKS: &[char] = &['。', '；', '，'];

/// Characters that end a unit written after a figure in a cell (万元）).
pub static UNIT_ENDS: &[char] = &['）', ')', '，', ',', '。', '；'];

/// Characters that end a line no next line continues (rejoining).
pub static LINE_ENDS: &[char] = &['。', '！', '？', '!', '?', '；', ';', '：', ':', '…'];

/// Characters after which a broken line must go on (rejoining).
pub static LINE_CONTINUES: &[char] = &['，', ',', '、', '（', '(', '“', '《', '—', '+', '·'];

/// Punctuation and white space trimmed from the ends of a plan item.
pub static ITEM_TRIM: &[char] = &['，', ',', '；', ';', '、', '：', ':'];

/// Punctuation stepped over before the text of a chronicle entry.
pub static ENTRY_LEADS: &[char] = &['，', ',', '、', '：', ':'];

/// Dot leaders between a contents title and its page number
/// (工作总结.....⇥1); two or more in a row.
pub static LEADERS: &[char] = &['.', '．', '·', '…', '。'];

/// The characters a page-number line (- 3 -, 第 3 页 共 12 页, iv, Page 3
/// of 12) is made of: a line of others is no page number.
pub static PAGE_NUMBER_CHARS: &str = "0123456789-–—/第页共,，IVXLivxlPageof \t\u{3000}\u{a0}";

/// Dashes around a page number ("- 3 -", "— 12 —").
pub static DASHES: &[char] = &['-', '—', '–', '－'];

/// Range separators between two figures (3-13 岁, 10～20 人). A range is
/// not one figure, so it yields no value.
pub static FIGURE_RANGE_SEPARATORS: &[&str] = &["-", "－", "~", "～", "—", "–", "至", "到"];

/// Separators between the two ends of a date range.
#[rustfmt::skip]
pub static DATE_RANGE_SEPARATORS: &[&str] = &[
    "——", "—", "–", "-", "－", "～", "~", "〜", "至", "到",
];

/// Marks between the months of a range (1至11月), in a figure's clause.
pub static MONTH_RANGE_MARKS: &[char] = &['至', '到', '-', '—', '–', '~', '～', '－'];

/// Opening parentheses, full-width and ASCII.
pub static PAREN_OPENS: &[char] = &['（', '('];

/// Closing parentheses, full-width and ASCII.
pub static PAREN_CLOSES: &[char] = &['）', ')'];

/// Marks that open a name around a figure's label (“…”, 《…》).
pub static NAME_OPENERS: &[char] = &['“', '《', '「', '『', '"'];

/// Marks that close a name.
pub static NAME_CLOSERS: &[char] = &['”', '》', '」', '』'];

/// Separators between the two days of a chronicle entry's day range
/// (14-15 日, 14 至 15 日).
pub static DAY_RANGE_SEPARATORS: &[char] = &['-', '—', '–', '~', '～', '至', '到'];

/// The Han digits one to ten, in order: month headings (三月) and the
/// numbers of headings (十二、).
pub static HAN_DIGITS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// The formal Han digits one to ten (壹、贰、 headings), in order.
pub static FORMAL_DIGITS: &[char] = &['壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖', '拾'];

/// Other forms of a small number in a heading: 两 and the traditional
/// forms of the formal digits.
pub static DIGIT_VARIANTS: &[(char, u32)] = &[('两', 2), ('貳', 2), ('參', 3), ('陸', 6)];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_hold_no_character_twice() {
        let lists: [&[char]; 20] = [
            MONTH_RANGE_MARKS,
            NAME_OPENERS,
            NAME_CLOSERS,
            WHITE_SPACE,
            SPACES,
            LABEL_SPACES,
            SENTENCE_ENDS,
            CLAUSE_ENDS,
            HEADING_BREAKS,
            PLAN_POINT_MARKS,
            CELL_BREAKS,
            UNIT_ENDS,
            LINE_ENDS,
            LINE_CONTINUES,
            ITEM_TRIM,
            ENTRY_LEADS,
            LEADERS,
            DASHES,
            DAY_RANGE_SEPARATORS,
            HAN_DIGITS,
        ];
        for list in lists {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len(), "{list:?}");
        }
    }

    #[test]
    fn clause_ends_extend_sentence_ends() {
        assert!(SENTENCE_ENDS.iter().all(|c| CLAUSE_ENDS.contains(c)));
        assert!(SPACES.iter().all(|c| WHITE_SPACE.contains(c)));
        assert!(LABEL_SPACES.iter().all(|c| SPACES.contains(c)));
    }
}
