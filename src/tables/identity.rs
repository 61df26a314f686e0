//! The words that make evidence of a report's identity (its library and
//! its year), read by `identity` and `title`. In simplified characters;
//! text is folded before matching.

/// Words of a title line that name a report or a paper about the year's
/// work (某馆2019年工作年报, 大连图书馆2014年阅读报告, 某馆大事记（2021）).
/// A short line with a year and one of these is the report's title.
#[rustfmt::skip]
pub static TITLE_LINE_WORDS: &[&str] = &[
    "年报", "年度报告", "年鉴", "报告", "总结", "计划", "思路", "打算", "要点",
    "大事记", "大事纪", "纪事", "决算", "预算", "馆志", "成绩单", "年度数据",
    "数说", "盘点", "回顾", "情况", "公示", "绩效", "概况",
];

/// Words of a line that greets a site's visitors or frames its pages
/// (欢迎您访问某市图书馆官网, 当前位置：首页): the library such a line
/// names is the site's, not a report's evidence.
#[rustfmt::skip]
pub static SITE_FRAME_WORDS: &[&str] = &[
    "欢迎访问", "欢迎您", "欢迎光临", "访问", "官网", "网站", "首页", "当前位置", "您现在的位置", "版权所有",
    "主办", "承办", "技术支持", "备案", "浏览次数", "点击量", "阅读次数",
    "加入收藏", "设为首页", "banner",
];

/// Words right before a year that compare with it (较2019年, 比上年): a
/// compared year is not the report's.
#[rustfmt::skip]
pub static COMPARED_BEFORE: &[&str] = &["较", "比", "同比", "相比", "相较", "对比", "与"];

/// Words right after a year (within a few characters) that date a
/// founding, an opening or a past event (1995年建馆, 2016年元月8日对外开放):
/// such a year dates its clause, not the report.
#[rustfmt::skip]
pub static FOUNDING_AFTER: &[&str] = &[
    "成立", "建馆", "建成", "开馆", "对外开放", "正式开放", "启用", "落成", "创建", "创办", "始建",
    "迁入", "搬迁", "评为", "评定", "被评", "荣获", "获评",
];

/// Words that refer to the library in a sentence, besides its name: a
/// first sentence naming one of them and a year dates the report
/// (2021年，我馆…).
/// A page that calls its library 县图书馆 names no library, but such a
/// sentence is still about it.
#[rustfmt::skip]
pub static SELF_WORDS: &[&str] = &[
    "我馆", "本馆", "该馆", "全馆", "县图书馆", "区图书馆", "市图书馆", "省图书馆", "县馆", "区馆",
];

/// Words that may stand before a year that opens a sentence (据悉，2013年
/// 全年…; 截至2014年年底…): the year still opens it. A year further in is
/// an event's or a comparison's, not the sentence's time.
#[rustfmt::skip]
pub static SENTENCE_LEADS: &[&str] = &[
    "据悉", "据了解", "据统计", "截至", "截止", "在", "于", "到", "至", "从", "自", "全年",
];

/// Words a name read back from 图书馆 may start with that set it in a
/// sentence instead (走进区图书馆, 推进建立以县图书馆为总馆): they are cut
/// from its front.
#[rustfmt::skip]
pub static NAME_LEADS: &[&str] = &[
    "走进", "来到", "前往", "推进", "建立", "探索", "依托", "联合", "携手", "参观",
    "作为", "欢迎", "访问", "您访问", "举办", "开展", "通过", "经过", "落户",
    "以下简称", "下简称", "简称", "下称", "去过", "来过", "单位名称", "填报单位", "编制单位",
    "报送单位", "馆名",
];

/// The most characters one place of a name may have between two units
/// (武隆 of 重庆市武隆区): a longer run is a sentence (不断提高本地区图书馆),
/// except before the units of autonomous areas and banners, which name
/// peoples (黔南布依族苗族自治州, 科尔沁右翼前旗).
pub const PLACE_CHARS: usize = 5;

/// Units whose place may be longer, and how long it may be.
#[rustfmt::skip]
pub static LONG_PLACE_UNITS: &[(&str, usize)] = &[
    ("自治区", 10), ("自治州", 10), ("自治县", 10), ("自治旗", 10), ("旗", 7),
];

/// Words that follow a library's name and make it another body's (某省
/// 公共图书馆联盟, 某市图书馆学会): the name is not the report's library.
#[rustfmt::skip]
pub static OTHER_BODY_AFTER: &[&str] = &["联盟", "学会", "协会", "研究会", "联合会"];

/// What a part marker ends with (第一部分 某市图书馆概况): a name read
/// back from 图书馆 never starts with such a marker.
#[rustfmt::skip]
pub static PART_MARK_ENDS: &[&str] = &["部分", "章", "节", "篇"];

/// Signs joining the two ends of a range of years in a title (馆志
/// （2009年——2018年）, 2016—2020年).
#[rustfmt::skip]
pub static YEAR_RANGE_JOINS: &[&str] = &["——", "—", "–", "-", "－", "~", "～", "至", "到"];

/// The words a news item uses for the year before its dateline and the
/// year of it (四川去年超3300万人次走进图书馆, dated 2024).
pub static LAST_YEAR_WORD: &str = "去年";

/// See [`LAST_YEAR_WORD`].
pub static THIS_YEAR_WORD: &str = "今年";

/// What follows 去年 when it compares (去年同期): no year of its own.
pub static SAME_PERIOD: &str = "同期";

/// Verbs between a library named as a sentence's subject and the year it
/// reports (某馆公布2025年借阅情形).
#[rustfmt::skip]
pub static SUBJECT_VERBS: &[&str] = &["公布", "发布"];

/// Words right before a library's name that make it the host of an event
/// the report's library took part in (由某省图书馆主办): no evidence.
#[rustfmt::skip]
pub static HOST_BEFORE: &[&str] = &["由", "参加"];

/// Words right after a library's name that make it the host or the giver
/// (某省图书馆主办的, 某省图书馆颁发的): no evidence.
#[rustfmt::skip]
pub static HOST_AFTER: &[&str] = &["主办", "承办", "颁发", "举办的", "组织的", "牵头"];

/// Words before a year a news item writes in parentheses (去(104)年, 今
/// （2024）年): the year it speaks of, named outright.
#[rustfmt::skip]
pub static PAREN_YEAR_LEADS: &[&str] = &["去(", "去（", "今(", "今（"];

/// Words of a title line that name a part of the year (某馆上半年数据统计):
/// the report's figures are not the year's.
#[rustfmt::skip]
pub static PART_OF_YEAR_WORDS: &[&str] = &[
    "上半年", "下半年", "第一季度", "第二季度", "第三季度", "第四季度", "一季度", "二季度",
    "三季度", "四季度", "前三季度",
];

/// Signs joining the ends of a run of months in a title (1-6月, 1—6月).
#[rustfmt::skip]
pub static MONTH_RUN_JOINS: &[&str] = &["-", "—", "–", "－", "~", "～", "至", "到"];

/// The last month a run of months in a title may end with and still be a
/// part of the year: a run to November or December is the year's.
pub const LAST_PART_MONTH: u32 = 10;

/// The last month of a year's first third: a news item published by then
/// (发布时间：2021-04-22) reports on the year before when that is the
/// only year it names; one published later, on its own year.
pub const EARLY_MONTHS_END: u32 = 4;
