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
    ("合计",     Column::Value),
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
