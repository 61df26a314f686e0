//! Units of measure as the reports count things: 册, 人次, 场次, 元, TB …
//!
//! A [`Unit`] is always a *base* unit: 万 and 亿 are numeral multipliers, and
//! written forms such as 万元, GB or ㎡ are mapped to a base unit and a power
//! of ten by the unit table (`tables::units`).

use std::fmt;

use serde::{Serialize, Serializer};

macro_rules! units {
    ($($(#[$doc:meta])* $variant:ident => $symbol:literal,)*) => {
        /// A base unit, printed as the Chinese (or SI) symbol reports use.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Unit {
            $($(#[$doc])* $variant,)*
        }

        impl Unit {
            /// Every unit, in declaration order.
            pub const ALL: &'static [Unit] = &[$(Unit::$variant,)*];

            /// The symbol printed in the output (`"册"`, `"TB"`, `"%"`).
            pub fn symbol(self) -> &'static str {
                match self {
                    $(Unit::$variant => $symbol,)*
                }
            }

            /// The unit whose symbol is exactly `s`.
            pub fn from_symbol(s: &str) -> Option<Unit> {
                match s {
                    $($symbol => Some(Unit::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

units! {
    /// Volumes: books and other physical items (册).
    Volume => "册",
    /// Item uses: loans or reading-room uses (册次).
    VolumeUse => "册次",
    /// Person-visits (人次).
    PersonVisit => "人次",
    /// People (人).
    Person => "人",
    /// People, counted with the measure word 名.
    PersonMing => "名",
    /// Generic count (个).
    Item => "个",
    /// Cards, sheets (张).
    Sheet => "张",
    /// Events (场).
    Session => "场",
    /// Events counted as occurrences (场次).
    SessionCount => "场次",
    /// Times (次).
    Time => "次",
    /// Posts, news items (条).
    Entry => "条",
    /// Awards, projects, tasks (项).
    Project => "项",
    /// Machines (台).
    Machine => "台",
    /// Institutions such as schools (所).
    Institution => "所",
    /// Places, sites (处).
    Place => "处",
    /// Kinds, titles (种).
    Kind => "种",
    /// Issues, sessions of a course (期).
    Issue => "期",
    /// Boards, panels (块).
    Board => "块",
    /// Organisations, households (家).
    Household => "家",
    /// Buildings (座).
    Building => "座",
    /// Rooms (间).
    Room => "间",
    /// Articles (篇).
    Article => "篇",
    /// Works, films (部).
    Work => "部",
    /// Pieces (件).
    Piece => "件",
    /// Sets (套).
    Set => "套",
    /// Classes, courses (班).
    Class => "班",
    /// Pictures, paintings, panels of an exhibition (幅).
    Picture => "幅",
    /// Copies, portions: questionnaires, newspapers, materials (份).
    Copy => "份",
    /// People, counted politely with the measure word 位 (专家 5 位).
    PersonWei => "位",
    /// Books and bound items, counted with the measure word 本.
    Book => "本",
    /// Animals and small objects (只).
    Head => "只",
    /// Racks and shelves, also aircraft (架).
    Rack => "架",
    /// Plants, trees (株).
    Plant => "株",
    /// Land area in mu (亩, about 666.7 square metres; kept as written).
    Mu => "亩",
    /// Weight or money in liang (两): 二萬兩.
    Tael => "两",
    /// Weeks as a duration (周).
    Week => "周",
    /// Characters of text (字): 编写 20 万字.
    Character => "字",
    /// Batches (批): 两批赠书.
    Batch => "批",
    /// Batches counted as occurrences (批次): 研学团队 56 批次.
    BatchCount => "批次",
    /// Seats (席): 阅览座席 800 席.
    Seat => "席",
    /// Scrolls, fascicles of old books (卷).
    Scroll => "卷",
    /// Cases of thread-bound books (函).
    Case => "函",
    /// Vehicles such as mobile library buses (辆).
    Vehicle => "辆",
    /// Buildings, counted with 栋.
    Block => "栋",
    /// Courses, subjects (门).
    Course => "门",
    /// Class hours (课时).
    ClassHour => "课时",
    /// Episodes of a series (集).
    Episode => "集",
    /// Households (户).
    Family => "户",
    /// Length in metres (米; 公里 → ×10³).
    Metre => "米",
    /// Multiples (倍): 增长 2 倍.
    Times => "倍",
    /// Hours (小时).
    Hour => "小时",
    /// Minutes (分钟).
    Minute => "分钟",
    /// Days (天).
    Day => "天",
    /// Months as a duration (个月): 闭馆 2 个月.
    Month => "个月",
    /// Years as a duration or age of an institution (年): 成立 99 年.
    /// A calendar year (2020 年) is not a quantity in years; see
    /// `quantity::QuantityKind::Year`.
    YearSpan => "年",
    /// Age in years (岁): 60 岁以上.
    Age => "岁",
    /// Money in yuan (元).
    Yuan => "元",
    /// Floor area in square metres (平方米).
    SquareMetre => "平方米",
    /// Data volume in terabytes.
    Terabyte => "TB",
    /// Percent.
    Percent => "%",
    /// Percentage points (个百分点), used for changes of a rate.
    PercentagePoint => "个百分点",
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.symbol())
    }
}

impl schemars::JsonSchema for Unit {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Unit".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let symbols: Vec<&str> = Unit::ALL.iter().map(|u| u.symbol()).collect();
        schemars::json_schema!({
            "description": "A base unit, as the Chinese (or SI) symbol reports use.",
            "type": "string",
            "enum": symbols,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_unique_and_round_trip() {
        for &unit in Unit::ALL {
            assert_eq!(Unit::from_symbol(unit.symbol()), Some(unit));
        }
        let mut symbols: Vec<_> = Unit::ALL.iter().map(|u| u.symbol()).collect();
        symbols.sort_unstable();
        symbols.dedup();
        assert_eq!(symbols.len(), Unit::ALL.len());
    }
}
