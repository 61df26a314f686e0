//! Why a figure was left out: the reason of a
//! [`Warning::DoubtfulFigure`](super::Warning::DoubtfulFigure), a variant
//! with its English and its Chinese, so a new reason cannot reach the page
//! without its Chinese.

use std::fmt;

/// Why a figure may not be the library's own figure of the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DoubtReason {
    /// 上年, 去年.
    LastYear,
    /// 今年 in a news article written the year after.
    NextYear,
    /// 建馆以来, 评估期内.
    SeveralYears,
    /// 各区馆, 区县馆.
    OtherLibraries,
    /// 计划, 力争.
    Target,
    /// 全国.
    Nation,
    /// 每年.
    EveryYear,
    /// 全省, in a library below the province.
    Province,
    /// 全市, in a library below the city.
    City,
    /// 新增 before a stock count.
    NewOnly,
    /// 全县, 公共图书馆, 各分馆.
    OtherBody,
    /// 上半年, 1至11月.
    PartOfYear,
    /// 成立时, 建馆之初.
    LongPast,
    /// 少儿, 小读者, in a library that is not a children's library.
    Children,
    /// 三公经费, 政府采购.
    Part,
    /// 电子阅览室, 少儿部.
    OneRoom,
    /// A sentence that opens with another library's name.
    OtherLibrary,
    /// A year other than the report's names the figure.
    OtherYear,
    /// A prose number past what any library counts.
    NumberOutOfRange,
    /// A table figure past what any library counts.
    FigureOutOfRange,
    /// One figure after a list of items (图书、报刊共5万册).
    ListOfItems,
    /// A flattened statistics form's row code may run into the value
    /// (一、从业人员117: code 11, 7 people?).
    RowCodeRunsIn,
    /// 180 383: a space inside the digits.
    BrokenBySpace,
    /// A mark between the digits.
    BrokenByMark,
    /// The larger body's figure, with the library's part after 其中.
    LargerBody,
    /// 含分馆: the figure takes in more than the library's own.
    Includes {
        /// The word of what else it includes (分馆).
        word: String,
    },
    /// The figure's unit is not the key's kind of unit.
    UnitMisfit {
        /// The unit as written: its symbol, `no unit` in prose and
        /// `(none)` in a table.
        unit: String,
    },
    /// A unit the tables do not hold (`5吨`).
    UnknownUnit {
        /// The figure and its unit, as written.
        written: String,
    },
}

impl DoubtReason {
    /// The reason in English and in Chinese, for the reasons that carry no
    /// text of the report.
    fn fixed(&self) -> Option<(&'static str, &'static str)> {
        use DoubtReason::*;
        Some(match self {
            LastYear => ("a figure about last year", "这是上一年的数字"),
            NextYear => (
                "a figure of the year after the report's",
                "这是报告年度下一年的数字",
            ),
            SeveralYears => ("a total over several years", "这是多年累计的数字"),
            OtherLibraries => ("a figure of other libraries", "这是其他图书馆的数字"),
            Target => ("a target, not an outcome", "这是目标，不是完成数"),
            Nation => ("a national figure", "这是全国的数字"),
            EveryYear => (
                "a figure for every year, not this year's",
                "这是每年的数字，不是本年度的",
            ),
            Province => ("a figure for the whole province", "这是全省的数字"),
            City => ("a figure for the whole city", "这是全市的数字"),
            NewOnly => (
                "counts only the new ones, not the total",
                "只计新增，不是总数",
            ),
            OtherBody => (
                "a figure of a network or another body",
                "这是联盟或其他单位的数字",
            ),
            PartOfYear => (
                "a figure for part of the year",
                "这只是一年中部分时间的数字",
            ),
            LongPast => ("a figure of a time long past", "这是多年以前的数字"),
            Children => (
                "a figure of the children's service only",
                "这只是少儿服务的数字",
            ),
            Part => (
                "one part of the whole, not all of it",
                "这只是其中一部分，不是全部",
            ),
            OneRoom => (
                "a figure of one room or department",
                "这只是某个阅览室或部门的数字",
            ),
            OtherLibrary => ("a figure of another library", "这是另一家图书馆的数字"),
            OtherYear => ("a figure of another year", "这是其他年份的数字"),
            NumberOutOfRange => ("the number is out of range", "数字超出了合理范围"),
            FigureOutOfRange => ("the figure is out of range", "数字超出了合理范围"),
            ListOfItems => (
                "one figure for a list of items",
                "一个数字对应好几项内容，不能算作其中一项的数",
            ),
            RowCodeRunsIn => (
                "a form's row code may run into the value",
                "统计表的行代码可能与数值连在一起，分不清哪部分是数值",
            ),
            BrokenBySpace => ("a figure broken by a space", "数字中间有空格，可能不完整"),
            BrokenByMark => (
                "a figure broken by a mark between its digits",
                "数字中间夹有撇号或逗号，可能不完整",
            ),
            LargerBody => (
                "a larger body's figure: the library's own part follows (其中)",
                "这是更大范围的数字，本馆自己的数字在“其中”之后",
            ),
            Includes { .. } | UnitMisfit { .. } | UnknownUnit { .. } => return None,
        })
    }

    /// Whether the reason says the figure is another body's (a network, a
    /// place, another library): a sentence after it with no subject of its
    /// own is that body's too.
    pub fn is_another_bodys(&self) -> bool {
        use DoubtReason::*;
        matches!(
            self,
            OtherBody | OtherLibraries | Nation | Province | City | OtherLibrary
        )
    }

    /// The reason for a Chinese reader.
    pub fn zh(&self) -> impl fmt::Display + '_ {
        Zh(self)
    }
}

/// The English reason, as the warning's `message` prints it.
impl fmt::Display for DoubtReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((en, _)) = self.fixed() {
            return f.write_str(en);
        }
        match self {
            DoubtReason::Includes { word } => {
                write!(f, "it includes {word}, not the library's own only")
            }
            DoubtReason::UnitMisfit { unit } => write!(f, "unit {unit} does not fit the key"),
            DoubtReason::UnknownUnit { written } => {
                write!(f, "unit {written:?} is not one libreport knows")
            }
            _ => Ok(()),
        }
    }
}

/// [`DoubtReason::zh`].
struct Zh<'r>(&'r DoubtReason);

impl fmt::Display for Zh<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((_, zh)) = self.0.fixed() {
            return f.write_str(zh);
        }
        match self.0 {
            DoubtReason::Includes { word } => write!(f, "数字包含{word}，不只是本馆自己的"),
            DoubtReason::UnitMisfit { unit } if unit == "(none)" => {
                f.write_str("没有单位，与这项指标的单位对不上")
            }
            DoubtReason::UnitMisfit { unit } => write!(f, "单位“{unit}”与这项指标的单位对不上"),
            DoubtReason::UnknownUnit { written } => write!(f, "单位 {written:?} 无法识别"),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DoubtReason;

    #[test]
    fn each_reason_speaks_both_languages() {
        let reasons = [
            DoubtReason::LastYear,
            DoubtReason::LargerBody,
            DoubtReason::Includes {
                word: "分馆".into(),
            },
            DoubtReason::UnitMisfit {
                unit: "人次".into(),
            },
            DoubtReason::UnitMisfit {
                unit: "(none)".into(),
            },
            DoubtReason::UnknownUnit {
                written: "5吨".into(),
            },
        ];
        let texts: Vec<(String, String)> = reasons
            .iter()
            .map(|r| (r.to_string(), r.zh().to_string()))
            .collect();
        assert_eq!(
            texts[0],
            ("a figure about last year".into(), "这是上一年的数字".into())
        );
        assert_eq!(texts[2].1, "数字包含分馆，不只是本馆自己的");
        assert_eq!(texts[3].0, "unit 人次 does not fit the key");
        assert_eq!(texts[3].1, "单位“人次”与这项指标的单位对不上");
        assert_eq!(texts[4].1, "没有单位，与这项指标的单位对不上");
        assert_eq!(texts[5].0, "unit \"5吨\" is not one libreport knows");
        assert_eq!(texts[5].1, "单位 \"5吨\" 无法识别");
        assert!(
            texts
                .iter()
                .all(|(en, zh)| !en.is_empty() && !zh.is_empty())
        );
    }
}
