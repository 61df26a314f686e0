//! Unit vocabulary: written unit → base unit and power of ten.
//!
//! `quantity` matches these after a number, longest first, through one
//! [`Lexicon`] ([`UNIT_WORDS`]). A figure's value is given
//! in the base unit: 168.52 万元 is 1685200 元 and 3.89 GB is 0.00389 TB.
//! 万 and 亿 directly after a number are read by the numeral itself; the
//! 万元-style rows serve table headers (经费（万元）) and `parse_unit`.
//!
//! [`UNIT_STOPS`] are words that begin with a unit character but are not a
//! unit: 一部分 is not "1 部", 一次性 is not "1 次". Because the lexicon
//! prefers the longest match, a stop word shadows the unit it begins with.

use std::sync::LazyLock;

use crate::matcher::lexicon::Lexicon;
use crate::unit::Unit;

/// Written unit, base unit, power of ten to multiply by.
#[rustfmt::skip]
pub static UNITS: &[(&str, Unit, i32)] = &[
    // counts of things
    ("册",       Unit::Volume,          0),
    ("万册",     Unit::Volume,          4),
    // 千 before a unit, as statistics forms write it (1266.5 千人次)
    ("千册",     Unit::Volume,          3),
    ("千册次",   Unit::VolumeUse,       3),
    ("千人次",   Unit::PersonVisit,     3),
    ("千人",     Unit::Person,          3),
    ("千个",     Unit::Item,            3),
    ("千张",     Unit::Sheet,           3),
    ("千次",     Unit::Time,            3),
    // 册（件）: volumes and other items, counted as volumes
    ("册（件）", Unit::Volume,          0),
    ("册(件)",   Unit::Volume,          0),
    ("册、件",   Unit::Volume,          0),
    ("册/件",    Unit::Volume,          0),
    ("万册（件）", Unit::Volume,        4),
    ("万册(件)", Unit::Volume,          4),
    ("万册、件", Unit::Volume,          4),
    ("万册/件",  Unit::Volume,          4),
    ("册次",     Unit::VolumeUse,       0),
    // a slash between two units: 人/次 and 册/次 are 人次 and 册次; 件/套
    // keeps its first unit (a rate such as 册/人 is `RATE_DENOMINATORS`)
    ("册／件",   Unit::Volume,          0),
    ("册/次",    Unit::VolumeUse,       0),
    ("册／次",   Unit::VolumeUse,       0),
    ("万册/次",  Unit::VolumeUse,       4),
    ("万册／次", Unit::VolumeUse,       4),
    ("人/次",    Unit::PersonVisit,     0),
    ("人／次",   Unit::PersonVisit,     0),
    ("万人/次",  Unit::PersonVisit,     4),
    ("万人／次", Unit::PersonVisit,     4),
    ("件/套",    Unit::Piece,           0),
    ("件／套",   Unit::Piece,           0),
    ("册/套",    Unit::Volume,          0),
    ("册／套",   Unit::Volume,          0),
    ("台/套",    Unit::Machine,         0),
    ("台／套",   Unit::Machine,         0),
    ("册(次)",   Unit::VolumeUse,       0),
    // uses of library materials, as Hong Kong and Macau count loans
    ("项次",     Unit::VolumeUse,       0),
    ("万项次",   Unit::VolumeUse,       4),
    ("册（次）", Unit::VolumeUse,       0),
    ("万册(次)", Unit::VolumeUse,       4),
    ("万册（次）", Unit::VolumeUse,     4),
    ("万册次",   Unit::VolumeUse,       4),
    ("人次",     Unit::PersonVisit,     0),
    ("万人次",   Unit::PersonVisit,     4),
    ("人",       Unit::Person,          0),
    ("万人",     Unit::Person,          4),
    ("名",       Unit::PersonMing,      0),
    ("个",       Unit::Item,            0),
    ("万个",     Unit::Item,            4),
    ("张",       Unit::Sheet,           0),
    ("万张",     Unit::Sheet,           4),
    ("场",       Unit::Session,         0),
    ("场次",     Unit::SessionCount,    0),
    ("次",       Unit::Time,            0),
    ("万次",     Unit::Time,            4),
    // uses of articles (下载量418万篇次), counted as times
    ("篇次",     Unit::Time,            0),
    ("万篇次",   Unit::Time,            4),
    ("条",       Unit::Entry,           0),
    ("项",       Unit::Project,         0),
    ("台",       Unit::Machine,         0),
    ("所",       Unit::Institution,     0),
    ("处",       Unit::Place,           0),
    ("种",       Unit::Kind,            0),
    ("万种",     Unit::Kind,            4),
    ("期",       Unit::Issue,           0),
    ("块",       Unit::Board,           0),
    ("家",       Unit::Household,       0),
    ("座",       Unit::Building,        0),
    ("间",       Unit::Room,            0),
    ("篇",       Unit::Article,         0),
    ("部",       Unit::Work,            0),
    ("件",       Unit::Piece,           0),
    ("万件",     Unit::Piece,           4),
    ("套",       Unit::Set,             0),
    ("班",       Unit::Class,           0),
    ("幅",       Unit::Picture,         0),
    ("份",       Unit::Copy,            0),
    ("万份",     Unit::Copy,            4),
    ("位",       Unit::PersonWei,       0),
    ("本",       Unit::Book,            0),
    ("万本",     Unit::Book,            4),
    ("只",       Unit::Head,            0),
    ("架",       Unit::Rack,            0),
    ("株",       Unit::Plant,           0),
    ("批",       Unit::Batch,           0),
    ("批次",     Unit::BatchCount,      0),
    ("字",       Unit::Character,       0),
    ("万字",     Unit::Character,       4),
    ("席",       Unit::Seat,            0),
    ("卷",       Unit::Scroll,          0),
    ("万卷",     Unit::Scroll,          4),
    ("函",       Unit::Case,            0),
    ("辆",       Unit::Vehicle,         0),
    ("栋",       Unit::Block,           0),
    ("门",       Unit::Course,          0),
    ("课时",     Unit::ClassHour,       0),
    ("集",       Unit::Episode,         0),
    ("户",       Unit::Family,          0),
    ("万户",     Unit::Family,          4),
    ("倍",       Unit::Times,           0),
    // length, in metres
    ("米",       Unit::Metre,           0),
    ("公里",     Unit::Metre,           3),
    ("千米",     Unit::Metre,           3),
    // land area, in mu (畝 folds to 亩)
    ("亩",       Unit::Mu,              0),
    ("万亩",     Unit::Mu,              4),
    // weight or money, in liang
    ("两",       Unit::Tael,            0),
    // time
    ("小时",     Unit::Hour,            0),
    ("个小时",   Unit::Hour,            0),
    ("分钟",     Unit::Minute,          0),
    ("天",       Unit::Day,             0),
    ("周",       Unit::Week,            0),
    ("个月",     Unit::Month,           0),
    ("年",       Unit::YearSpan,        0),
    ("岁",       Unit::Age,             0),
    ("周岁",     Unit::Age,             0),
    // money, in yuan
    ("元",       Unit::Yuan,            0),
    ("千元",     Unit::Yuan,            3),
    ("万元",     Unit::Yuan,            4),
    ("亿元",     Unit::Yuan,            8),
    // floor area, in square metres
    ("平方米",   Unit::SquareMetre,     0),
    ("平米",     Unit::SquareMetre,     0),
    ("㎡",       Unit::SquareMetre,     0),
    ("m²",       Unit::SquareMetre,     0),
    ("m2",       Unit::SquareMetre,     0),
    ("万平方米", Unit::SquareMetre,     4),
    // Taiwan's name of the square metre
    ("平方公尺", Unit::SquareMetre,     0),
    ("万平方公尺", Unit::SquareMetre,   4),
    // data volume, in terabytes
    ("TB",       Unit::Terabyte,        0),
    ("tb",       Unit::Terabyte,        0),
    ("ZB",       Unit::Terabyte,        9),
    ("EB",       Unit::Terabyte,        6),
    ("PB",       Unit::Terabyte,        3),
    ("pb",       Unit::Terabyte,        3),
    ("GB",       Unit::Terabyte,       -3),
    ("gb",       Unit::Terabyte,       -3),
    ("MB",       Unit::Terabyte,       -6),
    // full-width forms (数字资源３０ＴＢ)
    ("ＴＢ",     Unit::Terabyte,        0),
    ("ＰＢ",     Unit::Terabyte,        3),
    ("ＧＢ",     Unit::Terabyte,       -3),
    // rates
    ("%",        Unit::Percent,         0),
    ("％",       Unit::Percent,         0),
    ("成",       Unit::Percent,         1),   // 三成 = 30%: tenths
    ("个百分点", Unit::PercentagePoint, 0),
    ("百分点",   Unit::PercentagePoint, 0),
];

/// A unit followed by a slash and one of these (2 册/人, 15 元/人, 3 次/年,
/// 120 人次/天) is a rate, not a figure of the report.
pub static RATE_SLASHES: &[char] = &['/', '／'];

/// What a rate is counted per, after [`RATE_SLASHES`]: any unit of
/// [`UNITS`], and these words.
#[rustfmt::skip]
pub static RATE_DENOMINATORS: &[&str] = &[
    "年", "月", "日", "天", "周", "馆", "室", "校", "村", "户", "人", "生", "卡", "证",
];

/// A half after a number's 个 (三个半月) or after a unit (两年半).
pub const HALF: &str = "半";
/// 个 and a half: 三个半月.
pub const HALF_GE: &str = "个半";

/// Units after 个半 (三个半月 = 3.5 个月), which 个 alone does not begin.
#[rustfmt::skip]
pub static HALF_AFTER_GE: &[(&str, Unit)] = &[
    ("月",   Unit::Month),
    ("小时", Unit::Hour),
    ("钟头", Unit::Hour),
    ("星期", Unit::Week),
];

/// A half of these with no number (半年, 半个月): 0.5 of the unit.
#[rustfmt::skip]
pub static HALF_WORDS: &[(&str, Unit)] = &[
    ("半年",     Unit::YearSpan),
    ("半个月",   Unit::Month),
    ("半月",     Unit::Month),
    ("半天",     Unit::Day),
    ("半小时",   Unit::Hour),
    ("半个小时", Unit::Hour),
];

/// Before 半年 (上半年, 下半年, 每半年) it names a part of the year, no
/// figure; after it (半年度, 半年报) a report or a term.
pub static HALF_BLOCKED_BEFORE: &[char] = &['上', '下', '前', '后', '每', '大', '多', '过', '一'];
/// See [`HALF_BLOCKED_BEFORE`].
pub static HALF_BLOCKED_AFTER: &[char] = &['度', '报', '刊', '制', '期', '结', '考', '总', '价'];

/// Units a half may follow (两年半, 三天半).
pub static HALF_AFTER_UNITS: &[Unit] = &[
    Unit::YearSpan,
    Unit::Month,
    Unit::Day,
    Unit::Hour,
    Unit::Week,
];

/// Units a bare 百/千/万/亿 may count with no approximation word, at the
/// end of a clause (藏书百本, 到馆千人次): where a name or an idiom
/// (百名优秀读者, 万家灯火, 纸载千年) goes on with more words, or counts
/// in units no report counts so.
pub static BARE_ROUND_UNITS: &[Unit] = &[
    Unit::Book,
    Unit::Volume,
    Unit::VolumeUse,
    Unit::Person,
    Unit::PersonVisit,
    Unit::Session,
    Unit::SessionCount,
    Unit::Piece,
    Unit::Kind,
    Unit::Copy,
    Unit::Time,
    Unit::Yuan,
    Unit::SquareMetre,
];

/// Words that begin like a unit but are not one (一部分, 一次性, 两处理…).
#[rustfmt::skip]
pub static UNIT_STOPS: &[&str] = &[
    "部分", "部门", "次性", "个性", "个体", "名称", "名单", "名额", "场地", "场所",
    "场馆", "场景", "条件", "条例", "项目", "所有", "所以", "处理", "种类", "期间",
    "期刊", "家长", "家庭", "座谈", "间隔", "天然", "台阶", "张贴", "年级", "年代",
    "年龄", "件事", "套餐", "班级", "人员", "人才", "人民", "人口", "元旦", "年来",
    // measure words that begin other words (1 本馆, 100 周年, 3 位于)
    "幅度", "份额", "位于", "位列", "位居", "位置", "本馆", "本年", "本次", "本市",
    "本区", "本县", "本地", "本级", "本届", "本着", "本土", "本人", "本身", "本期",
    "本月", "本周", "本科", "本单位", "本省", "本院", "只有", "只是", "只要", "只能",
    "周年", "周末", "周边", "周刊", "周围", "周期", "架构", "两岸", "门口", "门户",
    "门类", "门槛", "集中", "集体", "集团",
    "集成", "集合", "户外", "户籍", "卷入", "函数", "批准", "批示", "批复",
    "字样", "字号", "字段", "字体", "字母", "成为", "成立", "成功", "成果", "成员",
    "成本", "成绩", "成就", "成长", "成都", "成效", "成人", "成年", "成熟", "成型",
    "成交", "成品", "成套", "成书", "成片", "成批", "成语", "成不变", "成千",
];

/// Units read only where the text speaks of data: `T` after a number is a
/// terabyte in 数字资源总量 120T, but no unit elsewhere.
#[rustfmt::skip]
pub static DATA_UNITS: &[(&str, Unit, i32)] = &[
    ("T",        Unit::Terabyte,        0),
    ("Ｔ",       Unit::Terabyte,        0),
];

/// Words, before the number on its line, that make a [`DATA_UNITS`] row a
/// unit.
#[rustfmt::skip]
pub static DATA_CUES: &[&str] = &[
    "数据", "数字", "资源", "存储", "储存", "容量", "硬盘", "磁盘", "空间", "服务器",
    "云盘", "网盘",
];

/// One row of the unit automaton.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitEntry {
    /// A unit: base unit and power of ten.
    Unit(Unit, i32),
    /// A unit only after one of [`DATA_CUES`] on the line (`T`).
    Data(Unit, i32),
    /// A word that is not a unit.
    Stop,
}

/// [`UNITS`] and [`UNIT_STOPS`] in one lexicon, longest first, so that 人次
/// beats 人 and 部分 beats 部.
pub static UNIT_WORDS: LazyLock<Lexicon<UnitEntry>> = LazyLock::new(|| {
    Lexicon::new(
        UNITS
            .iter()
            .map(|&(s, unit, pow)| (s, UnitEntry::Unit(unit, pow)))
            .chain(
                DATA_UNITS
                    .iter()
                    .map(|&(s, unit, pow)| (s, UnitEntry::Data(unit, pow))),
            )
            .chain(UNIT_STOPS.iter().map(|&s| (s, UnitEntry::Stop))),
    )
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::lexicon::duplicates;

    #[test]
    fn no_surface_is_listed_twice() {
        let all = UNITS
            .iter()
            .chain(DATA_UNITS)
            .map(|u| u.0)
            .chain(UNIT_STOPS.iter().copied());
        assert_eq!(duplicates(all), Vec::<&str>::new());
    }

    #[test]
    fn every_base_unit_is_written_as_its_own_symbol() {
        for &(surface, unit, pow) in UNITS {
            if surface == unit.symbol() {
                assert_eq!(pow, 0, "{surface} is the base unit yet scaled");
            }
        }
        for &unit in Unit::ALL {
            assert!(
                UNITS.iter().any(|u| u.1 == unit && u.2 == 0),
                "{unit} has no unscaled surface form"
            );
        }
    }

    #[test]
    fn the_longest_form_wins() {
        let m = &*UNIT_WORDS;
        assert_eq!(
            m.longest_prefix("人次。"),
            Some((UnitEntry::Unit(Unit::PersonVisit, 0), "人次".len()))
        );
        assert_eq!(
            m.longest_prefix("个百分点"),
            Some((UnitEntry::Unit(Unit::PercentagePoint, 0), "个百分点".len()))
        );
        assert_eq!(m.longest_prefix("部分"), Some((UnitEntry::Stop, 6)));
        assert_eq!(m.longest_prefix("xx册"), None);
        assert_eq!(m.exact("万元"), Some(UnitEntry::Unit(Unit::Yuan, 4)));
        assert_eq!(m.longest_prefix("周年"), Some((UnitEntry::Stop, 6)));
        assert_eq!(
            m.longest_prefix("T，"),
            Some((UnitEntry::Data(Unit::Terabyte, 0), 1))
        );
        assert_eq!(
            m.longest_prefix("ZB"),
            Some((UnitEntry::Unit(Unit::Terabyte, 9), 2))
        );
    }
}
