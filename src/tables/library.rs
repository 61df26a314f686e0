//! Library names: the words that make a line's "…图书馆" a library's name
//! (an administrative unit before it), read by `title`. In simplified
//! characters; text is folded before matching.

/// Administrative units a library's place name ends with.
#[rustfmt::skip]
pub static ADMIN_UNITS: &[&str] = &[
    "特别行政区", "自治区", "自治州", "自治县", "自治旗",
    "省", "市", "区", "县", "旗", "州", "盟", "镇", "乡", "街道",
];

/// Words between the place and 图书馆: 少年儿童图书馆, 市立图书馆.
#[rustfmt::skip]
pub static LIBRARY_KINDS: &[&str] = &[
    "少年儿童", "少儿", "立", "公共", "第一", "第二",
];

/// The word that ends a library's name.
pub static LIBRARY_WORD: &str = "图书馆";

/// Libraries whose names hold no place.
#[rustfmt::skip]
pub static NATIONAL_LIBRARIES: &[&str] = &["中国国家图书馆", "国家图书馆", "首都图书馆"];

/// Characters that end a library name read backwards from 图书馆: words that
/// join it to others or set it in a sentence (本馆与全县公共图书馆, 在县图书馆).
#[rustfmt::skip]
pub static NAME_STOPS: &[char] = &[
    '与', '和', '及', '的', '在', '对', '向', '为', '是', '由', '到', '至', '从', '同',
];
