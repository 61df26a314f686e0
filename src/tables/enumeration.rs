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
