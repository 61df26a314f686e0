//! The data dictionary's words: what each metric key means in Chinese and
//! the sections its figures usually stand in, and the Chinese header of
//! every column the CSV, TSV and workbook writers print (`--headers zh`).
//!
//! The English meaning, the Chinese name and the unit are the contract's
//! (`contract::metric_key`); the wordings a report uses are the matcher's
//! (`tables::metrics::METRIC_LABELS`). Headers are stable: a pipeline may
//! key on them as it keys on the English ones.

use crate::contract::metric_key::MetricKey::{self, *};
use crate::contract::report::SectionKind::{self, *};

/// (key, meaning in Chinese, the sections its figures usually stand in).
#[rustfmt::skip]
pub static METRIC_NOTES: &[(MetricKey, &str, &[SectionKind])] = &[
    (CollectionTotal,         "年末馆藏纸质文献总量",                       &[Statistics, Summary]),
    (CollectionNew,           "本年新入藏的文献",                           &[Statistics, Summary]),
    (Ebooks,                  "可用电子图书",                               &[Statistics, Summary]),
    (DigitalResourcesTb,      "数字资源总量，以 TB 计",                     &[Statistics, Summary]),
    (DigitalResourcesNewTb,   "本年新增数字资源，以 TB 计",                 &[Statistics, Summary]),
    (Visits,                  "到馆或接待读者人次",                         &[Statistics, Summary]),
    (Loans,                   "外借文献册次",                               &[Statistics, Summary]),
    (LoanVisits,              "外借人次：按人计的借书次数",                 &[Statistics, Summary]),
    (ReadingRoomUses,         "阅览室内阅览的册次",                         &[Statistics, Summary]),
    (RegisteredReaders,       "年末有效持证读者数",                         &[Statistics, Summary]),
    (NewRegistrations,        "本年新办读者证数",                           &[Statistics, Summary]),
    (WebsiteVisits,           "图书馆网站访问量",                           &[Statistics, Summary]),
    (DigitalViews,            "数字资源浏览量",                             &[Statistics, Summary]),
    (DigitalDownloads,        "数字资源下载量",                             &[Statistics, Summary]),
    (Events,                  "报告给出总数时的各类读者活动场次",           &[Summary, Statistics]),
    (Exhibitions,             "展览场次",                                   &[Summary, Statistics]),
    (Lectures,                "讲座场次",                                   &[Summary, Statistics]),
    (Trainings,               "培训场次",                                   &[Summary, Statistics]),
    (MediaReports,            "媒体对本馆的报道条数",                       &[Summary]),
    (WechatFollowers,         "微信公众号粉丝数",                           &[Summary, Statistics]),
    (WechatPosts,             "微信公众号发布条数",                         &[Summary, Statistics]),
    (WechatViews,             "微信总浏览量",                               &[Summary, Statistics]),
    (WeiboFollowers,          "微博粉丝数",                                 &[Summary, Statistics]),
    (WeiboPosts,              "微博发布条数",                               &[Summary, Statistics]),
    (WeiboViews,              "微博总阅读量",                               &[Summary, Statistics]),
    (Branches,                "总分馆体系中的分馆数",                       &[Summary, Statistics]),
    (ServicePoints,           "服务点、流通点、农家书屋等",                 &[Summary, Statistics]),
    (SelfServiceLibraries,    "24小时自助图书馆（城市书房）数",             &[Summary, Statistics]),
    (StaffTotal,              "在编职工人数",                               &[Organization, Statistics]),
    (FloorAreaM2,             "馆舍建筑面积",                               &[Summary, Statistics]),
    (Computers,               "供读者使用的计算机终端",                     &[Statistics, Summary]),
    (Seats,                   "阅览座位数",                                 &[Statistics, Summary]),
    (BudgetYuan,              "本年经费预算或到位经费",                     &[Funding, Statistics]),
    (ExpenditureYuan,         "本年经费总支出",                             &[Funding, Statistics]),
    (AcquisitionSpendingYuan, "文献购置费",                                 &[Funding, Statistics]),
    (Awards,                  "获得的奖项和荣誉",                           &[Summary, Chronicle]),
    (Volunteers,              "志愿者人数",                                 &[Summary, Statistics]),
];

/// Chinese headers of the columns that are not metric keys, for
/// `--headers zh` (a metric column is `名称（单位）`, from the key).
#[rustfmt::skip]
pub static COLUMN_HEADERS_ZH: &[(&str, &str)] = &[
    ("file",               "文件"),
    ("encoding",           "编码"),
    ("format",             "格式"),
    ("library",            "图书馆"),
    ("library_simplified", "图书馆（简体）"),
    ("year",               "年度"),
    ("year_source",        "年度依据"),
    ("library_source",     "馆名依据"),
    ("province",           "省"),
    ("prefecture",         "地市"),
    ("county",             "区县"),
    ("division_code",      "区划代码"),
    ("sections",           "章节"),
    ("approx",             "约数"),
    ("warnings",           "提示数"),
    ("error",              "错误"),
    ("error_zh",           "错误（中文）"),
    ("key",                "指标键"),
    ("name_zh",            "指标"),
    ("value",              "数值"),
    ("unit",               "单位"),
    ("origin",             "来源"),
    ("section",            "章节"),
    ("line",               "行号"),
    ("text",               "原文"),
    ("kept",               "采用"),
    ("date",               "日期"),
    ("end",                "结束日期"),
    ("n",                  "序号"),
    ("item",               "项目"),
    ("note",               "备注"),
    ("kind",               "类型"),
    ("message",            "提示（英文）"),
    ("message_zh",         "提示"),
];
