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

/// Libraries whose names hold no administrative unit: the national ones,
/// and the provincial, city and territorial libraries named after a place
/// alone (大连图书馆, 湖南图书馆, 香港公共图书馆). Longest first where one
/// ends another.
#[rustfmt::skip]
pub static UNITLESS_LIBRARIES: &[&str] = &[
    "中国国家图书馆", "国家图书馆", "首都图书馆",
    "上海图书馆", "天津图书馆", "南京图书馆", "金陵图书馆", "浙江图书馆",
    "湖南图书馆", "广州图书馆", "深圳图书馆", "杭州图书馆",
    "大连图书馆", "宁波图书馆", "苏州图书馆", "无锡图书馆", "温州图书馆",
    "厦门图书馆", "青岛图书馆", "重庆图书馆", "成都图书馆", "武汉图书馆",
    "长沙图书馆", "西安图书馆", "郑州图书馆", "合肥图书馆", "济南图书馆",
    "沈阳图书馆", "长春图书馆", "哈尔滨图书馆", "东莞图书馆", "佛山图书馆",
    "香港中央图书馆", "香港公共图书馆", "澳门中央图书馆", "澳门公共图书馆",
];

/// Characters that end a library name read backwards from 图书馆: words that
/// join it to others or set it in a sentence (本馆与全县公共图书馆, 在县图书馆).
#[rustfmt::skip]
pub static NAME_STOPS: &[char] = &[
    '与', '和', '及', '的', '在', '对', '向', '为', '是', '由', '到', '至', '从', '同',
    '以', '把', '被', '将', '赴', '你', '您', '我', '他', '她', '据',
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

/// Letters a template writes for a place left blank (XX县图书馆, ××县):
/// the name is the template's, as the record gives it.
#[rustfmt::skip]
pub static PLACE_PLACEHOLDERS: &[char] = &['X', 'x', '×', 'Ｘ', 'ｘ'];

/// The word of 全省, 全市 before a place: the place's whole, not a name.
pub const WHOLE_OF: char = '全';

/// 图书馆 in traditional script, for a name not yet folded.
pub const LIBRARY_WORD_TRADITIONAL: &str = "圖書館";

/// The last character of 图书馆 and of every 馆 a title names.
pub const HALL: char = '馆';

/// The word of a children's library before 图书馆 (少年儿童图书馆).
pub const CHILDREN_WORD: &str = "少年儿童";

/// The mark of a province's library (湖南省图书馆).
pub const PROVINCE_MARK: char = '省';

/// The mark of a city's library (长沙市图书馆).
pub const CITY_MARK: char = '市';

/// The end of the capital's library's name (首都图书馆), which serves at a
/// province's level.
pub const CAPITAL_WORD: &str = "首都";

/// The national library's place word (国家图书馆).
pub const NATION_WORD: &str = "国家";

/// The library's words for itself, which make it the subject again.
pub static SELF_NAMES: &[&str] = &["本馆", "我馆"];
