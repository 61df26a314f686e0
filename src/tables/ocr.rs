//! What OCR's text is read with: the marks a figure is written in and the
//! characters a scanned table's rules come out as.

/// What a figure left out is replaced with: no digits, so nothing reads
/// a figure there, and a reader of `libreport text` sees where one was.
pub const LEFT_OUT: &str = "〔?〕";

/// The Chinese digits a figure may be written in.
pub static HAN_DIGITS: &[char] = &[
    '〇', '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十',
];

/// Multipliers right after a figure, which belong to it (万, 亿).
pub static MULTIPLIERS: &[char] = &['万', '萬', '亿', '億', '千', '百'];

/// Marks between two digits that keep a figure whole (1,234 / 12.5).
pub static FIGURE_JOINS: &[char] = &[',', '.', '，', '．', ' ', '\u{3000}'];

/// Characters a table's rules are read as.
pub static RULE_CHARS: &[char] = &['|', '｜', '[', ']', '「', '」', '【', '】', '!', 'l', 'I'];

/// Of [`RULE_CHARS`], the ones only a rule gives (a word of `l` and `I`
/// alone is a word).
pub static RULE_MARKS: &[char] = &['|', '｜', '[', ']', '「', '」', '【', '】'];
