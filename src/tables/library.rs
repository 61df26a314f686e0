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

/// How the name of a body that signs a report ends (某某县图书馆, 某镇综合
/// 文化站, 某市文化和旅游局, 某馆办公室): such a name alone on a short line
/// is a signature.
#[rustfmt::skip]
pub static SIGNATURE_ENDS: &[&str] = &["馆", "文化站", "服务中心", "办公室", "旅游局", "文化局", "事务局"];

/// Libraries whose names hold no place.
#[rustfmt::skip]
pub static NATIONAL_LIBRARIES: &[&str] = &["中国国家图书馆", "国家图书馆", "首都图书馆"];

/// Characters that end a library name read backwards from 图书馆: words that
/// join it to others or set it in a sentence (本馆与全县公共图书馆, 在县图书馆).
#[rustfmt::skip]
pub static NAME_STOPS: &[char] = &[
    '与', '和', '及', '的', '在', '对', '向', '为', '是', '由', '到', '至', '从', '同',
];

/// Time words that may stand right before a library's name without being
/// part of it (去年澜州市图书馆接待读者…, 年内县图书馆新增图书…): a name read
/// back from 图书馆 loses them from its front. In simplified characters.
#[rustfmt::skip]
pub static TIME_WORDS: &[&str] = &[
    "上半年", "下半年", "前三季度", "一季度", "二季度", "三季度", "四季度",
    "去年", "今年", "明年", "前年", "年内", "年初", "年中", "年底", "年末",
    "全年", "本年", "当年", "同年", "近年", "近年来", "此前", "目前", "现在", "如今",
];

/// `name` without the time words at its front (去年澜州市 → 澜州市), as
/// many as stand there (今年上半年澜州市), the longest word first (近年来
/// before 近年). Works on folded text.
pub fn strip_time_words(name: &str) -> &str {
    let mut rest = name;
    while let Some(word) = TIME_WORDS
        .iter()
        .filter(|w| rest.starts_with(**w))
        .max_by_key(|w| w.len())
    {
        rest = &rest[word.len()..];
    }
    rest
}
