//! Encoding names people type that the Encoding Standard's labels (which
//! `encoding_rs` knows: gbk, gb2312, gb18030, big5, big5-hkscs, utf-16,
//! utf-16le …) leave out: the Windows code-page names. One row per name:
//! the name, and the standard label it stands for.

/// (name as typed, lowercase; the Encoding Standard label it means).
pub const ENCODING_ALIASES: &[(&str, &str)] = &[
    ("cp936", "gbk"),
    ("ms936", "gbk"),
    ("windows-936", "gbk"),
    ("cp54936", "gb18030"),
    ("windows-54936", "gb18030"),
    ("cp950", "big5"),
    ("ms950", "big5"),
    ("windows-950", "big5"),
    ("cp1200", "utf-16le"),
    ("cp1201", "utf-16be"),
    ("cp65001", "utf-8"),
    ("utf8", "utf-8"),
    ("utf16", "utf-16"),
    ("utf16le", "utf-16le"),
    ("utf16be", "utf-16be"),
];
