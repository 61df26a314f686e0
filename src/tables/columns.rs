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
    ("序號",     Column::Serial),
    ("编号",     Column::Serial),
    ("編號",     Column::Serial),
    ("项目名称", Column::Item),
    ("項目名稱", Column::Item),
    ("项目",     Column::Item),
    ("項目",     Column::Item),
    ("指标",     Column::Item),
    ("指標",     Column::Item),
    ("指标名称", Column::Item),
    ("指標名稱", Column::Item),
    ("名称",     Column::Item),
    ("名稱",     Column::Item),
    ("统计项目", Column::Item),
    ("統計項目", Column::Item),
    ("内容",     Column::Item),
    ("內容",     Column::Item),
    ("数量",     Column::Value),
    ("數量",     Column::Value),
    ("数值",     Column::Value),
    ("數值",     Column::Value),
    ("数据",     Column::Value),
    ("數據",     Column::Value),
    ("完成数",   Column::Value),
    ("完成數",   Column::Value),
    ("完成情况", Column::Value),
    ("完成情況", Column::Value),
    ("合计",     Column::Value),
    ("合計",     Column::Value),
    ("总数",     Column::Value),
    ("總數",     Column::Value),
    ("单位",     Column::Unit),
    ("單位",     Column::Unit),
    ("计量单位", Column::Unit),
    ("計量單位", Column::Unit),
    ("备注",     Column::Note),
    ("備註",     Column::Note),
    ("说明",     Column::Note),
    ("說明",     Column::Note),
    ("增长率",   Column::Ignored),
    ("增長率",   Column::Ignored),
    ("同比",     Column::Ignored),
    ("增减",     Column::Ignored),
    ("增減",     Column::Ignored),
];
