//! Inline enumerations (一是…二是…) and their ordinal.

/// Words that open the n-th part of an inline enumeration.
#[rustfmt::skip]
pub static INLINE_ENUMERATORS: &[(&str, u32)] = &[
    ("一是", 1), ("二是", 2), ("三是", 3), ("四是", 4), ("五是", 5),
    ("六是", 6), ("七是", 7), ("八是", 8), ("九是", 9), ("十是", 10),
    ("其一", 1), ("其二", 2), ("其三", 3), ("其四", 4), ("其五", 5),
    ("第一，", 1), ("第二，", 2), ("第三，", 3), ("第四，", 4), ("第五，", 5),
];

/// Marks that open an entry of a list or a chronicle without numbering it
/// (▲6日, ● 3月5日).
#[rustfmt::skip]
pub static BULLETS: &[char] = &[
    '▲', '△', '●', '○', '■', '□', '◆', '◇', '★', '☆', '•', '·', '◎', '➢', '►', '▶', '√',
];

/// Words of a sentence that announces the list after it (重点抓好以下六个
/// 方面的工作。, 具体安排如下): no item itself.
#[rustfmt::skip]
pub static LIST_ANNOUNCERS: &[&str] = &["以下", "如下", "下列"];

/// The word before an ordinal (第三章, 第3页).
pub const ORDINAL_PREFIX: char = '第';

/// What follows 第N in a chapter heading (第三章, 第二部分, 第一篇).
pub static CHAPTER_WORDS: &[&str] = &["章", "部分", "篇"];

/// Marks after a Chinese number that make it a heading's marker (一、 二．).
pub static HAN_MARKER_ENDS: &[char] = &['、', '．', '.'];

/// Marks after an Arabic number that make it a marker whatever follows
/// (1、 2） 3)).
pub static ARABIC_MARKER_ENDS: &[char] = &['、', '）', ')'];

/// Points after an Arabic number that make it a marker only when no digit
/// follows (1. but not 1.5万).
pub static ARABIC_MARKER_POINTS: &[char] = &['.', '．'];

/// The digits a Word list numbered in Chinese counts with (零 … 九).
pub static LIST_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Ten, in a Word list numbered in Chinese (十二, 二十).
pub const LIST_TEN: char = '十';

/// The heavenly stems a Word list numbered `ideographTraditional` counts
/// with (甲, 乙, 丙…).
pub const HEAVENLY_STEMS: &str = "甲乙丙丁戊己庚辛壬癸";
