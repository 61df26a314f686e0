//! Section titles: a word in a heading → the kind of section it opens.
//!
//! Matched by the longest word a heading contains, so 工作计划与总结 (a
//! summary) wins over 工作计划 (a plan). Words are written in simplified
//! characters only: text is folded to simplified before matching
//! (`fold::fold`), so traditional reports match too. Add a synonym as one
//! row.

use crate::contract::report::SectionKind::{self, *};

/// Words of a heading that titles a plan and a summary together: its
/// subheading 工作计划 is then the plan (see `segment`).
#[rustfmt::skip]
pub static PLAN_AND_SUMMARY: &[&str] = &[
    "计划与总结", "总结与计划", "计划和总结", "总结和计划", "计划及总结", "总结及计划",
];

/// Words that name a section kind when they stand in a heading.
#[rustfmt::skip]
pub static SECTION_TITLES: &[(&str, SectionKind)] = &[
    ("工作计划与总结", Summary),
    ("工作总结与计划", Summary),
    ("工作总结",       Summary),
    ("年度总结",       Summary),
    ("工作报告",       Summary),
    ("工作回顾",       Summary),
    ("总结",           Summary),
    ("年度概况",       Summary),
    ("年度概览",       Summary),
    ("工作概览",       Summary),
    ("工作综述",       Summary),
    ("年度综述",       Summary),
    ("总体情况",       Summary),
    ("基本情况",       Summary),
    ("主要工作",       Summary),
    ("本馆概况",       Summary),
    ("工作概况",       Summary),
    ("工作汇报",       Summary),
    ("前言",           Summary),
    ("工作开展情况",   Summary),
    // the year's main work, where 工作重点 plans the next year's
    ("重点工作",       Summary),
    ("工作亮点",       Summary),
    ("数据统计",       Statistics),
    ("统计数据",       Statistics),
    ("数据分析",       Statistics),
    ("统计分析",       Statistics),
    ("业务统计",       Statistics),
    ("业务数据",       Statistics),
    ("主要指标",       Statistics),
    ("统计表",         Statistics),
    ("汇总表",         Statistics),
    ("统计报表",       Statistics),
    ("业务指标",       Statistics),
    ("基本数据",       Statistics),
    ("主要数据",       Statistics),
    ("服务数据",       Statistics),
    ("统计资料",       Statistics),
    ("服务统计",       Statistics),
    ("统计数字",       Statistics),
    ("数说",           Statistics),
    ("数读",           Statistics),
    ("数据一览",       Statistics),
    ("年度数据",       Statistics),
    ("业务统计表",     Statistics),
    ("基本情况年报",   Statistics),
    ("大事记",         Chronicle),
    ("大事纪",         Chronicle),
    ("大事纪要",       Chronicle),
    ("年度纪事",       Chronicle),
    ("工作记事",       Chronicle),
    ("纪事",           Chronicle),
    ("工作计划",       Plan),
    ("工作计画",       Plan),
    ("工作思路",       Plan),
    ("工作打算",       Plan),
    ("工作要点",       Plan),
    ("工作重点",       Plan),
    ("工作安排",       Plan),
    ("工作设想",       Plan),
    ("工作展望",       Plan),
    ("未来展望",       Plan),
    ("展望未来",       Plan),
    ("发展规划",       Plan),
    ("计划",           Plan),
    ("下步打算",       Plan),
    ("下一步打算",     Plan),
    ("下一步工作",     Plan),
    ("下步工作",       Plan),
    ("机构与人员",     Organization),
    ("机构和人员",     Organization),
    ("机构设置",       Organization),
    ("组织机构",       Organization),
    ("人员情况",       Organization),
    ("队伍建设",       Organization),
    ("人事",           Organization),
    ("人员构成",       Organization),
    ("组织与人力",     Organization),
    ("组织人力",       Organization),
    ("人力资源",       Organization),
    ("经费情况",       Funding),
    ("经费",           Funding),
    ("财务",           Funding),
    ("预决算",         Funding),
    ("决算情况",       Funding),
    ("经费收支",       Funding),
    ("部门决算",       Funding),
];

/// Marks that open an appendix's title (附：2020年主要业务数据).
#[rustfmt::skip]
pub static APPENDIX_MARKS: &[&str] = &["附：", "附:", "附件：", "附件:", "附录：", "附录:", "附表："];

/// Words that mark the title of the report itself, not a section.
#[rustfmt::skip]
pub static TITLE_WORDS: &[&str] = &[
    "年报", "年度报告", "年鉴",
];

/// The words that open an image placeholder an export leaves in the text:
/// `[image: a.png]`, `[图片：…]`.
#[rustfmt::skip]
pub static IMAGE_PLACEHOLDERS: &[&str] = &[
    "image", "img", "图片",
];

/// Lines that head a table of contents.
#[rustfmt::skip]
pub static TOC_HEADINGS: &[&str] = &[
    "目录", "目次",
];
