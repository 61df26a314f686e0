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
