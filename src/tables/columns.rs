//! Statistics-table column headings → what the column holds.

/// What a table column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// 序号: a running number.
    Serial,
    /// 项目名称: the item.
    Item,
    /// 数量: the figure.
    Value,
    /// 总馆, 本馆: the library's own figure in a table that sets it beside
    /// its branches' and a larger body's; it wins over any other value
    /// column.
    Own,
    /// 合计, 总计: the row's total, the figure only where no column is the
    /// library's own ([`Column::Own`]).
    Total,
    /// 单位: the unit.
    Unit,
    /// 备注: a note.
    Note,
    /// A column that is read but not kept (增长率).
    Ignored,
}

/// Column headings as written, simplified and traditional.
#[rustfmt::skip]
pub static COLUMN_TITLES: &[(&str, Column)] = &[
    ("序号",     Column::Serial),
    ("编号",     Column::Serial),
    ("项目名称", Column::Item),
    ("项目",     Column::Item),
    ("指标",     Column::Item),
    ("指标名称", Column::Item),
    ("名称",     Column::Item),
    ("统计项目", Column::Item),
    ("内容",     Column::Item),
    ("数量",     Column::Value),
    ("数值",     Column::Value),
    ("数据",     Column::Value),
    ("完成数",   Column::Value),
    ("完成情况", Column::Value),
    // 总馆 | 分馆（8个） | 合计: the library's own column beside its
    // branches' and the network's total
    ("合计",     Column::Total),
    ("总计",     Column::Total),
    ("总馆",     Column::Own),
    ("本馆",     Column::Own),
    ("本馆数量", Column::Own),
    ("本馆数据", Column::Own),
    ("本馆数值", Column::Own),
    ("本馆实际", Column::Own),
    ("分馆",     Column::Ignored),
    // a larger body's figures, never the library's own
    ("全区",     Column::Ignored),
    ("全县",     Column::Ignored),
    ("全市",     Column::Ignored),
    ("全省",     Column::Ignored),
    ("全县合计", Column::Ignored),
    ("全区合计", Column::Ignored),
    ("全市合计", Column::Ignored),
    // an assessment form: the standard, the target and the score beside
    // the library's figure (二级馆标准 | 本馆数量 | 单位 | 自评分)
    ("实际完成", Column::Value),
    ("实际完成数", Column::Value),
    ("实际完成值", Column::Value),
    ("实际数",   Column::Value),
    ("实际值",   Column::Value),
    ("标准",     Column::Ignored),
    ("标准值",   Column::Ignored),
    ("评估标准", Column::Ignored),
    ("目标",     Column::Ignored),
    ("目标值",   Column::Ignored),
    ("计划数",   Column::Ignored),
    ("得分",     Column::Ignored),
    ("分值",     Column::Ignored),
    ("自评分",   Column::Ignored),
    ("评分",     Column::Ignored),
    // an official statistics form's row code (指标名称 | 代码 | 计量单位)
    ("代码",     Column::Serial),
    ("行次",     Column::Serial),
    // a final-accounts table in two pairs (收入 | 决算数 | 支出 | 决算数)
    ("收入",     Column::Item),
    ("支出",     Column::Item),
    ("总数",     Column::Value),
    ("决算数",   Column::Value),
    ("本年决算数", Column::Value),
    // a spending table: the row's total, then its parts
    ("支出合计", Column::Value),
    ("基本支出", Column::Ignored),
    ("项目支出", Column::Ignored),
    ("金额",     Column::Value),
    ("本年数",   Column::Value),
    ("本年实际", Column::Value),
    ("完成值",   Column::Value),
    ("指标值",   Column::Value),
    // the year's column and last year's, by name (本年 | 上年 | 增减)
    ("本年",     Column::Value),
    ("本年度",   Column::Value),
    ("今年",     Column::Value),
    ("上年",     Column::Ignored),
    ("上年度",   Column::Ignored),
    ("去年",     Column::Ignored),
    ("上年同期", Column::Ignored),
    ("增减（%）", Column::Ignored),
    ("增减(%)",  Column::Ignored),
    ("增长（%）", Column::Ignored),
    ("增长(%)",  Column::Ignored),
    ("单位",     Column::Unit),
    ("计量单位", Column::Unit),
    ("备注",     Column::Note),
    ("说明",     Column::Note),
    ("增长率",   Column::Ignored),
    ("同比",     Column::Ignored),
    ("增减",     Column::Ignored),
];

/// Words that open a table's caption (表4  读者活动, 附表1), longest first.
#[rustfmt::skip]
pub static CAPTION_WORDS: &[&str] = &["附表", "表"];

/// The title of a statistics form's row-code column (项目 | 代码 | 单位):
/// a table with one is statistics wherever it stands.
#[rustfmt::skip]
pub static FORM_CODES: &[&str] = &["代码"];

/// The word of a caption that gives the table's unit (单位：万元).
pub const UNIT_CAPTION: &str = "单位";

/// What a year column's heading may end with (2021年度, 2021年).
pub static YEAR_HEADING_ENDS: &[&str] = &["年度", "年"];

/// A short `名称：值 单位` line read as a row: the name, the figure and up
/// to four characters of unit.
pub const KEY_VALUE_PATTERN: &str = r"^([^：:，,。；;]{2,30})[：:][\t \u{3000}\u{a0}]*([0-9][0-9,.]*)[\t \u{3000}\u{a0}]*([^\t \u{3000}\u{a0}0-9，,。；;]{0,4})[。；;]?$";
