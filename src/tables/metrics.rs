//! Metric vocabulary: the wordings that name each key, the units each key
//! accepts, the subjects that give a generic wording its meaning, and the
//! qualifiers that make a figure not this year's own.
//!
//! A label is matched as the longest label ending just before a number
//! (馆藏量 180383 册), or, for the keys in `AFTER_LABELS`, starting just
//! after it (27 个分馆). A label with a subject (粉丝 + 微博) needs that
//! subject earlier in the same sentence or in the label's own text. A label
//! whose key is `None` blocks shorter labels inside it (线上活动 is a part,
//! not the total that 活动 would name). Words are in simplified characters;
//! text is folded to simplified before matching (`fold::fold`).

use crate::contract::metric_key::MetricKey::{self, *};
use crate::contract::unit::Unit::{self, *};

/// What a generic wording is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The WeChat official account.
    Wechat,
    /// The Weibo account.
    Weibo,
    /// The library's website.
    Website,
    /// Digital resources.
    Digital,
    /// Another platform (抖音) or several together (新媒体矩阵), whose
    /// figures no key counts.
    OtherMedia,
}

/// Words that set the subject of the sentence.
#[rustfmt::skip]
pub static SUBJECTS: &[(&str, Subject)] = &[
    ("微信公众号", Subject::Wechat),
    ("公众号",     Subject::Wechat),
    ("微信",       Subject::Wechat),
    ("微博",       Subject::Weibo),
    ("抖音",       Subject::OtherMedia),
    ("视频号",     Subject::OtherMedia),
    ("快手",       Subject::OtherMedia),
    ("新媒体",     Subject::OtherMedia),
    ("门户网站",   Subject::Website),
    ("网站",       Subject::Website),
    ("数字资源",   Subject::Digital),
    ("电子资源",   Subject::Digital),
    ("数据库",     Subject::Digital),
];

/// Characters that join two subjects into one phrase (微信、微博; 微信和微博).
#[rustfmt::skip]
pub static SUBJECT_JOINERS: &[char] = &['、', '和', '及', '与', '/', ' '];

/// Labels before a number: (wording, required subject, key or blocker).
#[rustfmt::skip]
pub static METRIC_LABELS: &[(&str, Option<Subject>, Option<MetricKey>)] = &[
    // holdings
    ("馆藏量",           None, Some(CollectionTotal)),
    ("图书总量",         None, Some(CollectionTotal)),
    ("文献藏量",         None, Some(CollectionTotal)),
    ("馆藏纸质图书",     None, Some(CollectionTotal)),
    ("总藏量",           None, Some(CollectionTotal)),
    ("文献总藏量",       None, Some(CollectionTotal)),
    ("总藏书量",         None, Some(CollectionTotal)),
    ("藏书总量",         None, Some(CollectionTotal)),
    ("藏书量",           None, Some(CollectionTotal)),
    ("馆藏总量",         None, Some(CollectionTotal)),
    ("现有藏书",         None, Some(CollectionTotal)),
    ("馆藏图书",         None, Some(CollectionTotal)),
    ("馆藏文献",         None, Some(CollectionTotal)),
    ("总馆藏",           None, Some(CollectionTotal)),
    ("藏书",             None, Some(CollectionTotal)),
    ("新增藏量",         None, Some(CollectionNew)),
    ("年增图书",         None, Some(CollectionNew)),
    ("入藏文献",         None, Some(CollectionNew)),
    ("入藏文献资源",     None, Some(CollectionNew)),
    ("新增藏书",         None, Some(CollectionNew)),
    ("新增文献藏量",     None, Some(CollectionNew)),
    ("新增文献入藏量",   None, Some(CollectionNew)),
    ("新增馆藏",         None, Some(CollectionNew)),
    ("新增图书",         None, Some(CollectionNew)),
    ("新增文献",         None, Some(CollectionNew)),
    ("新购图书",         None, Some(CollectionNew)),
    ("采购图书",         None, Some(CollectionNew)),
    ("年新增",           None, Some(CollectionNew)),
    ("入藏图书",         None, Some(CollectionNew)),
    ("电子图书",         None, Some(Ebooks)),
    ("电子图书总量",     None, Some(Ebooks)),
    ("电子书总量",       None, Some(Ebooks)),
    ("电子书",           None, Some(Ebooks)),
    ("电子书可借阅量",   None, Some(Ebooks)),
    ("数字资源",         None, Some(DigitalResourcesTb)),
    ("数字资源总量",     None, Some(DigitalResourcesTb)),
    ("数字资源总储存",   None, Some(DigitalResourcesTb)),
    ("电子书下载量",     None, Some(DigitalDownloads)),
    ("数字资源量",       None, Some(DigitalResourcesTb)),
    ("共有数字资源",     None, Some(DigitalResourcesTb)),
    ("新增数字资源",     None, Some(DigitalResourcesNewTb)),
    ("新增数字资源量",   None, Some(DigitalResourcesNewTb)),
    ("数字资源下载",     None, Some(DigitalDownloads)),
    ("全文下载量",       Some(Subject::Digital), Some(DigitalDownloads)),
    ("数据库下载量",     None, Some(DigitalDownloads)),
    // use
    ("到馆人次",         None, Some(Visits)),
    ("进馆人数",         None, Some(Visits)),
    ("服务读者",         None, Some(Visits)),
    ("全年服务",         None, Some(Visits)),
    ("进馆人次",         None, Some(Visits)),
    ("入馆人次",         None, Some(Visits)),
    ("接待读者",         None, Some(Visits)),
    ("接待到馆读者",     None, Some(Visits)),
    ("到馆读者",         None, Some(Visits)),
    ("流通人次",         None, Some(Visits)),
    ("流通总人次",       None, Some(Visits)),
    ("外借册次",         None, Some(Loans)),
    ("文献外借",         None, Some(Loans)),
    ("外借文献",         None, Some(Loans)),
    ("借阅文献",         None, Some(Loans)),
    ("借阅册次",         None, Some(Loans)),
    ("流通书刊",         None, Some(Loans)),
    ("流通图书",         None, Some(Loans)),
    ("外借图书",         None, Some(Loans)),
    ("图书外借",         None, Some(Loans)),
    ("书刊外借",         None, Some(Loans)),
    ("书刊借阅",         None, Some(Loans)),
    ("外借人次",         None, Some(LoanVisits)),
    ("借阅人次",         None, Some(LoanVisits)),
    ("借阅册数",         None, Some(Loans)),
    ("借阅总册数",       None, Some(Loans)),
    ("外借册数",         None, Some(Loans)),
    ("阅览册次",         None, Some(ReadingRoomUses)),
    ("持证读者",         None, Some(RegisteredReaders)),
    ("持证读者数",       None, Some(RegisteredReaders)),
    ("实际持证读者数",   None, Some(RegisteredReaders)),
    ("有效读者卡",       None, Some(RegisteredReaders)),
    // readers with a valid card (累计有效读者25.56万, 持卡读者3.6万人)
    ("有效读者",         None, Some(RegisteredReaders)),
    ("持卡读者",         None, Some(RegisteredReaders)),
    ("有效读者证",       None, Some(RegisteredReaders)),
    ("有效借阅证",       None, Some(RegisteredReaders)),
    // the statistics form's wording (有效借书证数)
    ("有效借书证",       None, Some(RegisteredReaders)),
    ("新办借书证",       None, Some(NewRegistrations)),
    ("注册读者",         None, Some(RegisteredReaders)),
    ("办证数",           None, Some(NewRegistrations)),
    ("新办证",           None, Some(NewRegistrations)),
    ("新办读者证",       None, Some(NewRegistrations)),
    ("办理新证",         None, Some(NewRegistrations)),
    ("办新证",           None, Some(NewRegistrations)),
    ("办理读者证",       None, Some(NewRegistrations)),
    ("新增持证读者",     None, Some(NewRegistrations)),
    ("新增读者",         None, Some(NewRegistrations)),
    ("办理借阅证",       None, Some(NewRegistrations)),
    ("办理图书借阅证",   None, Some(NewRegistrations)),
    ("办理借阅卡",       None, Some(NewRegistrations)),
    ("办理读者借阅卡",   None, Some(NewRegistrations)),
    ("新增加借阅证",     None, Some(NewRegistrations)),
    ("网站访问量",       None, Some(WebsiteVisits)),
    ("官网访问量",       None, Some(WebsiteVisits)),
    ("官网点击量",       None, Some(WebsiteVisits)),
    ("官网点击率",       None, Some(WebsiteVisits)),
    ("网站点击量",       None, Some(WebsiteVisits)),
    ("网站浏览量",       None, Some(WebsiteVisits)),
    ("浏览人次",         Some(Subject::Website), Some(WebsiteVisits)),
    ("访问量",           Some(Subject::Website), Some(WebsiteVisits)),
    ("点击量",           Some(Subject::Website), Some(WebsiteVisits)),
    ("数字资源浏览量",   None, Some(DigitalViews)),
    ("数字资源访问量",   None, Some(DigitalViews)),
    ("浏览量",           Some(Subject::Digital), Some(DigitalViews)),
    ("访问量",           Some(Subject::Digital), Some(DigitalViews)),
    ("点击量",           Some(Subject::Digital), Some(DigitalViews)),
    ("数字资源下载量",   None, Some(DigitalDownloads)),
    ("下载量",           Some(Subject::Digital), Some(DigitalDownloads)),
    ("下载",             Some(Subject::Digital), Some(DigitalDownloads)),
    // activities
    ("各类活动",         None, Some(Events)),
    ("各项活动",         None, Some(Events)),
    ("各种活动",         None, Some(Events)),
    ("各类读者活动",     None, Some(Events)),
    ("读者活动",         None, Some(Events)),
    // activities named for children are still the library's (CHILDREN_KEYS)
    ("少儿活动",         None, Some(Events)),
    ("各类公共文化活动", None, Some(Events)),
    ("阅读推广活动",     None, Some(Events)),
    ("阅读推广活动场次", None, Some(Events)),
    ("推广活动",         None, Some(Events)),
    ("各类推广活动",     None, Some(Events)),
    ("举办活动",         None, Some(Events)),
    ("活动场次",         None, Some(Events)),
    ("活动总数",         None, Some(Events)),
    ("各类公益性文化活动", None, Some(Events)),
    ("各类阅读活动",     None, Some(Events)),
    ("读书活动",         None, Some(Events)),
    ("阅读活动",         None, Some(Events)),
    ("各类展览",         None, Some(Exhibitions)),
    ("培训班",           None, Some(Trainings)),
    ("等活动",           None, Some(Events)),
    ("线上活动",         None, None),
    ("线下活动",         None, None),
    ("展览",             None, Some(Exhibitions)),
    ("展览场次",         None, Some(Exhibitions)),
    ("讲座",             None, Some(Lectures)),
    ("讲座场次",         None, Some(Lectures)),
    ("培训",             None, Some(Trainings)),
    ("培训场次",         None, Some(Trainings)),
    ("培训活动",         None, Some(Trainings)),
    ("媒体报道",         None, Some(MediaReports)),
    ("宣传报道",         None, Some(MediaReports)),
    ("新闻报道",         None, Some(MediaReports)),
    ("相关报道",         None, Some(MediaReports)),
    ("刊发稿件",         None, Some(MediaReports)),
    ("刊发报道",         None, Some(MediaReports)),
    ("发表报道",         None, Some(MediaReports)),
    // social media
    ("粉丝",             Some(Subject::Wechat), Some(WechatFollowers)),
    ("粉丝量",           Some(Subject::Wechat), Some(WechatFollowers)),
    ("关注人数",         Some(Subject::Wechat), Some(WechatFollowers)),
    ("关注用户",         Some(Subject::Wechat), Some(WechatFollowers)),
    ("微信关注",         None, Some(WechatFollowers)),
    ("订阅用户",         Some(Subject::Wechat), Some(WechatFollowers)),
    ("发布信息",         Some(Subject::Wechat), Some(WechatPosts)),
    ("推送信息",         Some(Subject::Wechat), Some(WechatPosts)),
    ("推送文章",         Some(Subject::Wechat), Some(WechatPosts)),
    ("发布文章",         Some(Subject::Wechat), Some(WechatPosts)),
    ("总浏览量",         Some(Subject::Wechat), Some(WechatViews)),
    ("浏览量",           Some(Subject::Wechat), Some(WechatViews)),
    ("总阅读量",         Some(Subject::Wechat), Some(WechatViews)),
    ("阅读量",           Some(Subject::Wechat), Some(WechatViews)),
    ("粉丝",             Some(Subject::Weibo), Some(WeiboFollowers)),
    ("粉丝量",           Some(Subject::Weibo), Some(WeiboFollowers)),
    ("发布信息",         Some(Subject::Weibo), Some(WeiboPosts)),
    ("发布微博",         Some(Subject::Weibo), Some(WeiboPosts)),
    ("发布博文",         Some(Subject::Weibo), Some(WeiboPosts)),
    ("总浏览量",         Some(Subject::Weibo), Some(WeiboViews)),
    ("浏览量",           Some(Subject::Weibo), Some(WeiboViews)),
    ("总阅读量",         Some(Subject::Weibo), Some(WeiboViews)),
    ("阅读量",           Some(Subject::Weibo), Some(WeiboViews)),
    // network and premises
    ("分馆",             None, Some(Branches)),
    ("直属馆",           None, Some(Branches)),
    ("服务点",           None, Some(ServicePoints)),
    ("服务网点",         None, Some(ServicePoints)),
    ("流通点",           None, Some(ServicePoints)),
    ("流动站",           None, Some(ServicePoints)),
    // Village bookshops are the county's, run by its culture bureau; the
    // library's own points are named 服务点 / 流通点.
    ("农家书屋",         None, None),
    ("农家书屋服务点",   None, None),
    ("农家书屋流通点",   None, None),
    ("自助图书馆",       None, Some(SelfServiceLibraries)),
    ("城市书房",         None, Some(SelfServiceLibraries)),
    ("工作人员",         None, Some(StaffTotal)),
    ("现有职工",         None, Some(StaffTotal)),
    ("职工人数",         None, Some(StaffTotal)),
    ("在职职工",         None, Some(StaffTotal)),
    ("在职人员",         None, Some(StaffTotal)),
    ("在编人员",         None, Some(StaffTotal)),
    ("在岗职工",         None, Some(StaffTotal)),
    ("馆员",             None, Some(StaffTotal)),
    ("编制员工",         None, Some(StaffTotal)),
    ("建筑面积",         None, Some(FloorAreaM2)),
    ("馆舍面积",         None, Some(FloorAreaM2)),
    ("馆舍建筑面积",     None, Some(FloorAreaM2)),
    ("楼地板面积",       None, Some(FloorAreaM2)),
    ("楼地板总面积",     None, Some(FloorAreaM2)),
    ("计算机终端",       None, Some(Computers)),
    // a statistics form counts all its computers, then those for readers
    ("计算机台数",       None, None),
    ("供读者使用的终端数", None, Some(Computers)),
    ("读者使用的终端数", None, Some(Computers)),
    ("公共电脑",         None, Some(Computers)),
    ("电脑",             None, Some(Computers)),
    ("计算机",           None, Some(Computers)),
    ("阅览座位",         None, Some(Seats)),
    ("阅览座席",         None, Some(Seats)),
    ("座位",             None, Some(Seats)),
    ("座席",             None, Some(Seats)),
    // money
    ("财政预算",         None, Some(BudgetYuan)),
    ("经费预算",         None, Some(BudgetYuan)),
    ("收支预算总数",     None, Some(BudgetYuan)),
    ("收支总预算",       None, Some(BudgetYuan)),
    ("预算经费",         None, Some(BudgetYuan)),
    ("财政拨款",         None, Some(BudgetYuan)),
    ("财政补助",         None, Some(BudgetYuan)),
    ("年度预算",         None, Some(BudgetYuan)),
    ("总经费",           None, Some(BudgetYuan)),
    ("经费支出",         None, Some(ExpenditureYuan)),
    ("总支出",           None, Some(ExpenditureYuan)),
    ("全年支出",         None, Some(ExpenditureYuan)),
    ("支出总额",         None, Some(ExpenditureYuan)),
    ("购书经费",         None, Some(AcquisitionSpendingYuan)),
    ("购书费",           None, Some(AcquisitionSpendingYuan)),
    ("文献购置费",       None, Some(AcquisitionSpendingYuan)),
    ("文献购置经费",     None, Some(AcquisitionSpendingYuan)),
    ("图书资料购置经费", None, Some(AcquisitionSpendingYuan)),
    ("图书资料购置费",   None, Some(AcquisitionSpendingYuan)),
    ("文献资源购置费",   None, Some(AcquisitionSpendingYuan)),
    ("购买文献资源",     None, Some(AcquisitionSpendingYuan)),
    // recognition and people
    ("奖项",             None, Some(Awards)),
    ("荣誉",             None, Some(Awards)),
    ("获奖",             None, Some(Awards)),
    ("志愿者",           None, Some(Volunteers)),
    ("注册志愿者",       None, Some(Volunteers)),
    ("志愿者队伍",       None, Some(Volunteers)),
    ("志工",             None, Some(Volunteers)),
    ("表彰",             None, Some(Awards)),
    ("从业人员",         None, Some(StaffTotal)),
    ("阅览席位",         None, Some(Seats)),
    ("阅览坐席",         None, Some(Seats)),
    ("席位",             None, Some(Seats)),
    ("本年支出合计",     None, Some(ExpenditureYuan)),
    ("支出合计",         None, Some(ExpenditureYuan)),
    ("支出总计",         None, Some(ExpenditureYuan)),
    ("图书购置费",       None, Some(AcquisitionSpendingYuan)),
    ("购书专项经费",     None, Some(AcquisitionSpendingYuan)),
    ("文献购置专项经费", None, Some(AcquisitionSpendingYuan)),
    ("财政资金",         None, Some(BudgetYuan)),
    ("财政拨款收入",     None, Some(BudgetYuan)),
    ("拨付经费",         None, Some(BudgetYuan)),
    ("拨付运行经费",     None, Some(BudgetYuan)),
    ("电脑终端",         None, Some(Computers)),
    ("公共电脑终端",     None, Some(Computers)),
    ("推送图文",         Some(Subject::Wechat), Some(WechatPosts)),
    ("推送图文信息",     Some(Subject::Wechat), Some(WechatPosts)),
    ("发布图文",         Some(Subject::Wechat), Some(WechatPosts)),
    ("发布图文信息",     Some(Subject::Wechat), Some(WechatPosts)),
    ("新增藏量购置费",   None, Some(AcquisitionSpendingYuan)),
    ("预算指标",         None, Some(BudgetYuan)),
    ("财政预算指标",     None, Some(BudgetYuan)),
    ("事业经费",         None, Some(BudgetYuan)),
    ("采购图书经费",     None, Some(AcquisitionSpendingYuan)),
    ("图书采购经费",     None, Some(AcquisitionSpendingYuan)),
    ("文献采购经费",     None, Some(AcquisitionSpendingYuan)),
    ("购书资金",         None, Some(AcquisitionSpendingYuan)),
    ("电子书可使用册数", None, Some(Ebooks)),
    ("数字资源访问",     None, Some(DigitalViews)),
    ("服务据点",         None, Some(ServicePoints)),
    ("馆舍总面积",       None, Some(FloorAreaM2)),
    ("图书馆面积",       None, Some(FloorAreaM2)),
    // Hong Kong and Macau wordings, folded (登記讀者, 借出圖書館資料)
    ("登记读者",         None, Some(RegisteredReaders)),
    ("新登记读者",       None, Some(NewRegistrations)),
    ("馆藏资料",         None, Some(CollectionTotal)),
    ("借出图书馆资料",   None, Some(Loans)),
    ("自助图书站",       None, Some(SelfServiceLibraries)),
    ("新增办证",         None, Some(NewRegistrations)),
    ("购入图书",         None, Some(CollectionNew)),
    ("藏量购置费",       None, Some(AcquisitionSpendingYuan)),
    ("关注人数",         Some(Subject::Weibo), Some(WeiboFollowers)),
    ("发文",             Some(Subject::Wechat), Some(WechatPosts)),
    ("推文",             Some(Subject::Wechat), Some(WechatPosts)),
    ("发文",             Some(Subject::Weibo), Some(WeiboPosts)),
    ("研究馆员",         None, None),
    ("副研究馆员",       None, None),
    ("助理馆员",         None, None),
];

/// Keys whose wording may follow the number (27 个分馆, 50万册电子图书).
#[rustfmt::skip]
pub static AFTER_LABELS: &[MetricKey] = &[
    Branches, ServicePoints, SelfServiceLibraries, Ebooks, Volunteers, Computers, Seats,
];

/// Words of a name that may stand between a count and its label after it
/// (3座24小时自助图书馆), though they hold digits.
#[rustfmt::skip]
pub static AFTER_LABEL_NAMES: &[&str] = &["24小时"];

/// Words after a label that follows its figure which make the label a
/// mere modifier of what is counted (两所分馆的设备, 两所分馆空间改造).
#[rustfmt::skip]
pub static AFTER_LABEL_HEADS: &[&str] = &[
    "的", "空间", "改造", "建设", "设备", "装修", "升级", "提升", "改扩建", "维修",
];

/// Words that may stand between a label and its number (为, 达, 共计 …).
#[rustfmt::skip]
pub static FILLERS: &[&str] = &[
    "：", ":", "为", "达", "达到", "共", "共计", "累计",
    "总计", "合计", "计", "有", "已达", "突破", "使用", "共有", "是",
    "总数", "数", "量", "全年", "年", "总量", "突破",
    // the currency, before a sum (经费为人民币120万元, 新臺幣1,860萬元)
    "人民币", "新台币",
    // a figure called small (购书经费仅为28万元)
    "仅", "仅为", "只有", "总额", "合共",
    // a target, left out as one (接待读者目标20万人次), whose outcome follows
    "目标", "目标任务",
];

/// Words between a label and the figure a change starts from (馆舍面积由
/// 原来的1200平方米增至4500平方米), longest first.
#[rustfmt::skip]
pub static CHANGE_FROM: &[&str] = &[
    "由原来的", "从原来的", "由原有的", "从原有的", "由上年的", "从上年的", "由去年的",
    "从去年的", "由原来", "从原来", "由原", "从原", "由", "从",
];

/// Words between two figures that make the second what the first became
/// (增至, 提高到): the figure of the year.
#[rustfmt::skip]
pub static CHANGE_TO: &[&str] = &[
    "增至", "增加到", "增加至", "增长到", "增长至", "提高到", "提高至", "提升到", "提升至",
    "上升到", "上升至", "升至", "扩大到", "扩大至", "减少到", "减少至", "下降到", "下降至",
    "降至", "降低到", "降低至", "增到", "达到", "变为",
];

/// Words that open the clause after a target or a change and make its
/// figure what came of it (目标20万人次，实际完成23.6万人次).
#[rustfmt::skip]
pub static OUTCOME_WORDS: &[&str] = &[
    "实际完成", "实际", "完成", "实际达到", "达", "全年达到", "全年完成", "共计达到",
];

/// Words that may open an outcome's clause before its word, naming the
/// time it is of (，至2022年末增加到; ，今年增至): a year may follow them.
#[rustfmt::skip]
pub static OUTCOME_TIMES: &[&str] = &["截至", "截止", "至", "到", "今年", "本年", "全年", "年底", "年末"];

/// Words before a year that make it a founding's (成立于1958年): the year
/// holds only its own clause.
#[rustfmt::skip]
pub static FOUNDED_BEFORE: &[&str] = &["成立于", "始建于", "创建于", "创办于", "建于", "建馆于", "始于"];

/// Words after a year that make it a founding's (1958年建馆).
#[rustfmt::skip]
pub static FOUNDED_AFTER: &[&str] = &[
    "成立", "建馆", "始建", "创建", "创办", "建成", "落成", "竣工", "开馆", "启用",
];

/// Words before a month that make it the day a count was taken (截至6月底).
#[rustfmt::skip]
pub static UNTIL_WORDS: &[&str] = &["截至", "截止", "截止到", "截至到", "迄至"];

/// The header of an official statistics form's code column, its spaces
/// dropped (项目代码单位指标): in such a form a row's code may run into its
/// value.
pub static FORM_CODE_HEADER: &str = "代码单位指标";

/// Row codes of the national form 公共图书馆基本情况年报 (文基 03 表) that
/// stay the same across its versions, by item: the code a flattened row
/// glues to its value (一、从业人员117人 is 7 people).
#[rustfmt::skip]
pub static FORM_ROW_CODES: &[(&str, &str)] = &[
    ("从业人员", "11"),
];

/// Words after a month in a title that make it a date or a range, not the
/// month the report is of (5月14日, 3月起, 6月至8月).
#[rustfmt::skip]
pub static MONTH_TITLE_STOPS: &[&str] = &[
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "日", "号", "起", "至", "到", "-", "—", "~", "～",
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "底", "末",
];

/// Words after a month in a title that make it no month of the report
/// (12月份工作总结 is still a month; 6月份以来 the year so far).
#[rustfmt::skip]
pub static MONTH_TITLE_NOT_WHOLE: &[&str] = &["以来", "份以来", "份至"];

/// Words of a title that make it the whole year's, whatever month it names.
#[rustfmt::skip]
pub static WHOLE_YEAR_TITLE_WORDS: &[&str] = &["全年", "年度", "年报", "年终", "工作总结", "大事记"];

/// Words that open a sentence before its subject (据统计，流动图书车…),
/// stepped over when a room word is looked for as the subject.
#[rustfmt::skip]
pub static SUBJECT_OPENERS: &[&str] = &[
    "据统计", "据了解", "据悉", "同时", "此外", "另外", "另", "全年", "年内", "今年", "本年",
];

/// Words after a month that put the day a count was taken early in it
/// (截至10月上旬): the count holds the months before it only.
#[rustfmt::skip]
pub static EARLY_IN_MONTH: &[&str] = &["上旬", "中旬", "初"];

/// The words around a time since which a figure runs (自成立图书馆以来,
/// 从2016年建成第一家书房以来): a total over the years, unless the time is
/// in the report's year (自今年以来, 自年初以来).
#[rustfmt::skip]
pub static SINCE_OPENERS: &[&str] = &["自", "从"];
/// The word that closes a since phrase (see `SINCE_OPENERS`).
#[rustfmt::skip]
pub static SINCE_CLOSERS: &[&str] = &["以来"];

/// Times of the report's year, whose since phrase is no total over years.
#[rustfmt::skip]
pub static SINCE_THIS_YEAR: &[&str] = &["今年", "本年", "年初", "年内", "本年度"];

/// Words that open a share's whole after a label (购书经费占支出的16.4%).
#[rustfmt::skip]
pub static SHARE_WORDS: &[&str] = &["占"];

/// Words that make a chronicle's line a count of the whole year
/// (12月下旬，完成年度统计：全年接待读者…), not of one event.
#[rustfmt::skip]
pub static YEAR_ROUND_WORDS: &[&str] = &[
    "全年", "累计", "年底", "年末", "截至", "截止", "年度统计",
];

/// Table items that name a key, or none, only as a whole item after any
/// serial: 二、藏量 on the official statistics form (in prose the same word
/// is too often part of a narrower count, 古籍藏量); 支出总计 in a
/// final-accounts table, which adds the year-end carry-over (年末结转和结余)
/// to the year's spending, 本年支出合计.
#[rustfmt::skip]
pub static ITEM_LABELS: &[(&str, Option<MetricKey>)] = &[
    ("藏量",     Some(CollectionTotal)),
    ("支出总计", None),
];

/// Words of a label that name what its figure counts, and the unit that
/// then fits whatever the key's own unit: 借閱冊數 85萬冊 counts volumes
/// lent, where 流通图书2万余册 is a stock of books, not loans.
#[rustfmt::skip]
pub static COUNTED_IN: &[(&str, Unit)] = &[
    ("册数", Unit::Volume),
    // 冊 for loans, as Taiwan, Hong Kong and many county pages write it
    // (外借文獻614.74萬冊); not 借阅, which a reader's own count uses too
    // (小朋友全年借阅量为710册)
    ("外借", Unit::Volume),
    ("借出", Unit::Volume),
];

/// Units each key accepts besides its base unit. A count keeps its value
/// (场 and 场次 count the same events); money and data must be in the base
/// unit already (the quantity stage converts 万元 and GB).
#[rustfmt::skip]
pub static EXTRA_UNITS: &[(MetricKey, &[Unit])] = &[
    // library materials counted as items (館藏資料1,980,000項)
    (CollectionTotal,      &[Project, VolumeUse]),
    // 册次 for holdings is a clerk's slip the label settles (馆藏图书为643658册次)
    (CollectionNew,        &[VolumeUse]),
    // Not 种: titles are not volumes (新增馆藏4657种,9043册).
    (Ebooks,               &[Kind]),
    (Visits,               &[Person]),
    (ReadingRoomUses,      &[Volume]),
    (RegisteredReaders,    &[Item, Sheet, PersonMing, PersonVisit]),
    (NewRegistrations,     &[Item, Person, PersonMing]),
    (WebsiteVisits,        &[Time]),
    (DigitalViews,         &[PersonVisit]),
    (DigitalDownloads,     &[PersonVisit, VolumeUse]),
    (Events,               &[Session, Time, Issue]),
    (Exhibitions,          &[Session, Time, Issue, Item]),
    (Lectures,             &[Session, Time, Issue]),
    (Trainings,            &[Session, Time, Issue, Class, Item]),
    (MediaReports,         &[Time, Article]),
    (WechatFollowers,      &[PersonMing]),
    (WechatPosts,          &[Article, Time]),
    (WechatViews,          &[Time]),
    (WeiboFollowers,       &[PersonMing]),
    (WeiboPosts,           &[Article, Time]),
    (WeiboViews,           &[Time]),
    (Branches,             &[Institution, Household, Place, Room]),
    (ServicePoints,        &[Place, Household]),
    (SelfServiceLibraries, &[Place, Building, Room, Household, Machine]),
    (StaffTotal,           &[PersonMing, PersonWei]),
    (Computers,            &[Set]),
    (Seats,                &[Room, Seat, Item]),
    (Awards,               &[Item, Time]),
    (Volunteers,           &[PersonMing, PersonWei]),
];

/// Why a figure is not this year's own total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// 人均, 日均: a ratio, silently not a total.
    PerCapita,
    /// 上年, 去年: last year's figure.
    LastYear,
    /// 计划, 力争: a target, not an outcome.
    Target,
    /// 全国: a body larger than any library.
    Nation,
    /// 全省: the province (the library's own only for a provincial library).
    Province,
    /// 全市: the city (the library's own only for a city library).
    City,
    /// 新建, 新增加: only the new ones, not the total (for stock counts);
    /// it qualifies the whole sentence (新增加…、50万册电子图书).
    NewOnly,
    /// 新增: only the new ones, in its own clause (新增5个流动服务点).
    NewHere,
    /// 每年: what happens every year, not this year's figure.
    EveryYear,
    /// 全县, 公共图书馆, 各分馆: a network or another body, whatever the
    /// library's level.
    OtherBody,
    /// 少儿, 小读者: the children's service only, unless the library is a
    /// children's library.
    Children,
    /// 成立时, 建馆之初: a time long past.
    Past,
    /// 三公经费, 政府采购, 线上: one part of the whole (of the spending, of
    /// the activities), not all of it.
    Part,
    /// 上半年, 截至 11 月份: part of the year only.
    PartOfYear,
    /// 建馆以来: a total over many years.
    Cumulative,
    /// 电子阅览室, 少儿部: one room or department of the library (its
    /// visits or loans are a part; its computers and seats are the
    /// library's).
    Room,
    /// 今年: the report's own year, except in a news article written the
    /// year after, where it is the year after.
    ThisYear,
    /// 评估期内: a total over a period of several years.
    Period,
    /// 各区馆, 区县馆: other libraries, whose networks are theirs too.
    OtherLibraries,
}

impl Qualifier {
    /// True for words about another body, every year, only new ones or
    /// one room (as the sentence's subject), which qualify a whole sentence
    /// (2020年全市新购图书5.6万册，总藏书量306.7万册: both are the city's).
    pub fn sentence_wide(self) -> bool {
        matches!(
            self,
            Qualifier::Nation
                | Qualifier::Province
                | Qualifier::City
                | Qualifier::EveryYear
                | Qualifier::NewOnly
                | Qualifier::OtherBody
                | Qualifier::PartOfYear
                | Qualifier::Cumulative
                | Qualifier::Room
                | Qualifier::Period
                | Qualifier::OtherLibraries
        )
    }
}

/// Qualifier words, searched before the label in its clause (or sentence).
#[rustfmt::skip]
pub static QUALIFIERS: &[(&str, Qualifier)] = &[
    ("人均", Qualifier::PerCapita),
    ("日均", Qualifier::PerCapita),
    ("月均", Qualifier::PerCapita),
    ("平均", Qualifier::PerCapita),
    ("每天", Qualifier::PerCapita),
    ("每日", Qualifier::PerCapita),
    ("上年", Qualifier::LastYear),
    ("上一年", Qualifier::LastYear),
    ("去年", Qualifier::LastYear),
    ("计划", Qualifier::Target),
    ("力争", Qualifier::Target),
    ("预计", Qualifier::Target),
    ("目标", Qualifier::Target),
    ("全国", Qualifier::Nation),
    // a paragraph about every library of a place (从全省范围来看，…): the
    // whole line is theirs (LINE_SCOPES)
    ("从全省范围来看", Qualifier::OtherBody),
    ("从全市范围来看", Qualifier::OtherBody),
    ("从全国范围来看", Qualifier::Nation),
    // registrations since the first card, not the cards valid now
    ("累计注册", Qualifier::Cumulative),
    ("累计办证", Qualifier::Cumulative),
    ("全省", Qualifier::Province),
    ("全市", Qualifier::City),
    ("新建", Qualifier::NewOnly),
    ("新设", Qualifier::NewOnly),
    ("增添", Qualifier::NewOnly),
    ("增设", Qualifier::NewOnly),
    ("新开", Qualifier::NewOnly),
    ("新增加", Qualifier::NewOnly),
    ("新增", Qualifier::NewHere),
    ("新购", Qualifier::NewHere),
    ("每年", Qualifier::EveryYear),
    ("历年", Qualifier::EveryYear),
    ("馆均", Qualifier::PerCapita),
    ("拟", Qualifier::Target),
    ("争取", Qualifier::Target),
    ("下一步", Qualifier::Target),
    ("确保", Qualifier::Target),
    // a floor set for the year (全年举办活动不少于100场): a target
    ("不少于", Qualifier::Target),
    ("不低于", Qualifier::Target),
    ("全县", Qualifier::OtherBody),
    ("全区", Qualifier::OtherBody),
    ("全旗", Qualifier::OtherBody),
    ("公共图书馆", Qualifier::OtherBody),
    ("各分馆", Qualifier::OtherBody),
    ("分馆合计", Qualifier::OtherBody),
    ("各区", Qualifier::OtherBody),
    ("各县", Qualifier::OtherBody),
    ("各乡镇", Qualifier::OtherBody),
    ("文化站", Qualifier::OtherBody),
    ("图书馆联盟", Qualifier::OtherBody),
    ("联盟", Qualifier::OtherBody),
    ("总分馆体系", Qualifier::OtherBody),
    ("文化馆", Qualifier::OtherBody),
    // other cultural bodies of a bureau's report (县博物馆全年接待观众…)
    ("博物馆", Qualifier::OtherBody),
    ("美术馆", Qualifier::OtherBody),
    ("档案馆", Qualifier::OtherBody),
    ("纪念馆", Qualifier::OtherBody),
    ("科技馆", Qualifier::OtherBody),
    // another body's platform the library links to (省图书馆共享平台)
    ("共享平台", Qualifier::OtherBody),
    ("志愿服务平台", Qualifier::OtherBody),
    // a society, a culture centre's mass culture, two units together, the
    // system's other members, school libraries
    ("协会", Qualifier::OtherBody),
    ("学会", Qualifier::OtherBody),
    ("群众文化", Qualifier::OtherBody),
    ("两馆", Qualifier::OtherBody),
    ("体系内", Qualifier::OtherBody),
    ("各馆", Qualifier::OtherBody),
    ("中小学", Qualifier::OtherBody),
    ("上半年", Qualifier::PartOfYear),
    // a festival, a holiday or one day (读书节期间, 春节假期7天, 活动当天)
    ("期间", Qualifier::PartOfYear),
    ("假期", Qualifier::PartOfYear),
    ("黄金周", Qualifier::PartOfYear),
    ("当天", Qualifier::PartOfYear),
    ("当日", Qualifier::PartOfYear),
    ("首月", Qualifier::PartOfYear),
    ("首周", Qualifier::PartOfYear),
    ("首日", Qualifier::PartOfYear),
    ("今年", Qualifier::ThisYear),
    // an evaluation's term of several years (评估期内累计…)
    ("评估期", Qualifier::Period),
    ("五年累计", Qualifier::Period),
    ("三年累计", Qualifier::Period),
    ("十年累计", Qualifier::Period),
    ("五年间", Qualifier::Period),
    ("三年间", Qualifier::Period),
    ("近五年", Qualifier::Period),
    ("近三年", Qualifier::Period),
    // the libraries of the districts or counties (各区馆下辖分馆87个)
    ("各区馆", Qualifier::OtherLibraries),
    ("各县馆", Qualifier::OtherLibraries),
    ("区县馆", Qualifier::OtherLibraries),
    ("县区馆", Qualifier::OtherLibraries),
    ("各区县图书馆", Qualifier::OtherLibraries),
    ("县级馆", Qualifier::OtherLibraries),
    ("区级馆", Qualifier::OtherLibraries),
    ("十三五", Qualifier::Period),
    ("十四五", Qualifier::Period),
    ("闭馆期间", Qualifier::PartOfYear),
    ("闭馆的", Qualifier::PartOfYear),
    ("暑假", Qualifier::PartOfYear),
    ("寒假", Qualifier::PartOfYear),
    ("单日", Qualifier::PerCapita),
    ("下半年", Qualifier::PartOfYear),
    ("季度", Qualifier::PartOfYear),
    ("建馆以来", Qualifier::Cumulative),
    ("开馆以来", Qualifier::Cumulative),
    ("成立以来", Qualifier::Cumulative),
    ("建成以来", Qualifier::Cumulative),
    ("开放以来", Qualifier::Cumulative),
    ("运行以来", Qualifier::Cumulative),
    ("启用以来", Qualifier::Cumulative),
    ("多年来", Qualifier::Cumulative),
    ("历年来", Qualifier::Cumulative),
    ("两年来", Qualifier::Cumulative),
    ("三年来", Qualifier::Cumulative),
    ("五年来", Qualifier::Cumulative),
    ("十年来", Qualifier::Cumulative),
    // the time since the library opened, to the day of writing (开馆至今,
    // 城图开馆后共举办…, 启用迄今)
    ("开馆至今", Qualifier::Cumulative),
    ("建馆至今", Qualifier::Cumulative),
    ("成立至今", Qualifier::Cumulative),
    ("开放至今", Qualifier::Cumulative),
    ("启用至今", Qualifier::Cumulative),
    ("开馆迄今", Qualifier::Cumulative),
    ("启用迄今", Qualifier::Cumulative),
    ("开放迄今", Qualifier::Cumulative),
    ("开馆后", Qualifier::Cumulative),
    ("阅览室", Qualifier::Room),
    ("少儿部", Qualifier::Room),
    // a department's own counts (市图书馆外借部共接待到馆读者…)
    ("外借部", Qualifier::Room),
    ("借阅部", Qualifier::Room),
    ("阅览部", Qualifier::Room),
    ("采编部", Qualifier::Room),
    ("其中总馆", Qualifier::Room),
    // a branch as the clause's subject (分馆全年流通图书2.4万册次)
    ("分馆", Qualifier::Room),
    // the children's service of a general library (少儿读者, 少儿图书)
    ("少儿", Qualifier::Children),
    ("少年儿童", Qualifier::Children),
    ("小读者", Qualifier::Children),
    ("儿童", Qualifier::Children),
    // a time long past (民國41年成立時藏書3000冊)
    ("成立时", Qualifier::Past),
    ("建馆时", Qualifier::Past),
    ("开馆时", Qualifier::Past),
    ("建馆之初", Qualifier::Past),
    ("建馆初期", Qualifier::Past),
    ("成立之初", Qualifier::Past),
    ("原馆", Qualifier::Past),
    ("原来", Qualifier::Past),
    ("原有", Qualifier::Past),
    // one part of the spending (部门决算: 三公经费, 政府采购, 基本支出)
    ("三公", Qualifier::Part),
    ("政府采购", Qualifier::Part),
    ("基本支出", Qualifier::Part),
    ("项目支出", Qualifier::Part),
    ("人员支出", Qualifier::Part),
    ("公用支出", Qualifier::Part),
    // one channel of the activities (线上培训活动12场次; 线上线下 is both)
    ("线上", Qualifier::Part),
    ("线下", Qualifier::Part),
    // the library's mobile library and the adults' service, one part of
    // its visits and loans (流动图书车服务读者6000人次, 成人馆藏书籍…流通量…)
    ("流动图书车", Qualifier::Room),
    ("流动书车", Qualifier::Room),
    ("成人", Qualifier::Room),
    // the library's self-service outlets, counted apart from it
    ("城市书房", Qualifier::Room),
    ("自助图书馆", Qualifier::Room),
];

/// Words of a clause that make its figure a running total, so that a
/// 新建 of an earlier clause does not make it a count of new ones
/// (新建城市书房3处，全市累计达到9处).
#[rustfmt::skip]
pub static TOTAL_WORDS: &[&str] = &[
    "累计", "总数", "共有", "现有", "已有", "总计", "达到", "截至", "截止", "年底", "年末",
];

/// Words of a clause that make its figure the whole year's, so that a
/// 上半年 of an earlier clause does not make it a part of the year.
#[rustfmt::skip]
pub static WHOLE_YEAR_WORDS: &[&str] = &["全年", "本年度", "年度"];

/// Grades and honours that hold a qualifier word without being what it
/// names (国家一级公共图书馆 is no national body, no other library).
#[rustfmt::skip]
pub static QUALIFIER_TITLES: &[&str] = &[
    "一级公共图书馆", "二级公共图书馆", "三级公共图书馆", "一级图书馆", "二级图书馆",
    "三级图书馆", "线上线下", "线上与线下", "线上和线下",
    "少年儿童图书馆", "少儿图书馆", "儿童图书馆",
    // what a figure includes is no part of it (各类活动（含线上）320场)
    "含线上", "含线下", "包括线上", "包含线上",
    // branches named beside the central library, or left out, are no
    // subject of their own (总馆及分馆面积合计; 在职职工（不含分馆）)
    "总馆及分馆", "总馆和分馆", "总馆与分馆", "总馆、分馆", "不含分馆", "不包括分馆",
];

/// A label's key that a figure's unit turns into another (本年新增12.3TB
/// is new digital resources, not new volumes): (key, unit, key it becomes).
#[rustfmt::skip]
pub static UNIT_REDIRECTS: &[(MetricKey, Unit, MetricKey)] = &[
    (CollectionNew,   Terabyte, DigitalResourcesNewTb),
    (CollectionTotal, Terabyte, DigitalResourcesTb),
];

/// Words that make a list before a label one of levels, whose figure is
/// their total (获得国家级、省级荣誉7项), not an item's.
#[rustfmt::skip]
pub static LEVEL_WORDS: &[&str] = &[
    "国家级", "省部级", "省级", "地市级", "市级", "县级", "区级", "部级", "国际级",
    // kinds of place of one network (街道、社区分馆14个)
    "街道", "乡镇", "社区", "镇", "村",
];

/// What a figure may say it includes, in a parenthesis right after it
/// (外借5.6万册次（含分馆）), that makes it more than the library's own:
/// (included word, keys it widens; empty for all).
#[rustfmt::skip]
pub static INCLUDES_OTHERS: &[(&str, &[MetricKey])] = &[
    // Not 分馆: a library's own branches are its own (外借22万册次（含分馆）
    // is the library's, as the real reports' readers count it).
    ("服务点",   &[]),
    ("流通点",   &[]),
    ("农家书屋", &[]),
    ("城市书房", &[]),
    ("文化站",   &[]),
    ("临聘",     &[StaffTotal]),
    ("聘用",     &[StaffTotal]),
    ("编外",     &[StaffTotal]),
    ("劳务派遣", &[StaffTotal]),
    ("志愿者",   &[StaffTotal]),
    ("退休",     &[StaffTotal]),
];

/// Words that open what a figure includes (含, 包括).
#[rustfmt::skip]
pub static INCLUDE_WORDS: &[&str] = &["含", "包括", "包含"];

/// Words that say what a figure leaves out (不含分馆): no others in it.
#[rustfmt::skip]
pub static EXCLUDE_WORDS: &[&str] = &["不含", "不包括", "不包含", "未含"];

/// Words that name the report's own year (今年, 本年度) as a year phrase
/// does: the head before 年.
#[rustfmt::skip]
pub static THIS_YEAR_HEADS: &[&str] = &["今", "本"];

/// The head before 年 of 去年, which a news article written the year after
/// says of the report's year.
#[rustfmt::skip]
pub static LAST_YEAR_HEADS: &[&str] = &["去"];

/// Words that mark a news article (本报讯, 记者): one written the year
/// after calls the report's year 去年.
#[rustfmt::skip]
pub static NEWS_MARKERS: &[&str] = &["本报讯", "记者", "通讯员", "日报", "晚报", "新闻网", "讯（"];

/// Keys that count a stock at year end, for which 新建 means a part.
#[rustfmt::skip]
pub static STOCK_KEYS: &[MetricKey] = &[
    CollectionTotal, Ebooks, Branches, ServicePoints, SelfServiceLibraries, StaffTotal,
    FloorAreaM2, Computers, Seats, RegisteredReaders, Volunteers,
];

/// Keys that count the library's service network, which spans the county
/// or city it serves: 全县建成分馆 14 个 counts the library's own branches,
/// so words about the whole county or city do not make them another
/// body's.
#[rustfmt::skip]
pub static NETWORK_KEYS: &[MetricKey] = &[Branches, ServicePoints, SelfServiceLibraries];

/// Keys a general library counts for children apart (少儿读者, 少儿图书):
/// its readers, their use of it and its stock. Activities named for
/// children (少儿绘本阅读等活动) are still the library's.
#[rustfmt::skip]
pub static CHILDREN_KEYS: &[MetricKey] = &[
    Visits, Loans, LoanVisits, ReadingRoomUses, RegisteredReaders, NewRegistrations,
    CollectionTotal, CollectionNew,
];

/// How the name of a library that is a branch of a larger system ends,
/// before 图书馆 (东湖区湖滨街道图书馆, 某社区图书馆).
#[rustfmt::skip]
pub static BRANCH_LIBRARY_ENDS: &[&str] = &["街道", "社区", "乡", "镇", "分馆"];

/// How a place's name ends (临河县, 滨江区, 湖滨街道): a name before
/// 图书馆 that ends so names a library.
#[rustfmt::skip]
pub static PLACE_ENDS: &[&str] = &["省", "市", "县", "区", "旗", "州", "盟", "镇", "乡", "街道"];

/// What may stand before 图书馆 without naming another library: the kind
/// of library (数字图书馆, 自助图书馆) or this one (我市图书馆).
#[rustfmt::skip]
pub static SELF_OR_KIND_PREFIXES: &[&str] = &[
    "数字", "自助", "智慧", "流动", "汽车", "公共", "小时", "我市", "本市", "我县", "本县",
    "我区", "本区", "少儿", "少年儿童",
];

/// Words in a library's name that make it a children's library.
#[rustfmt::skip]
pub static CHILDRENS_LIBRARIES: &[&str] = &["少年儿童图书馆", "少儿图书馆", "儿童图书馆"];

/// Keys that count what is online anyway, for which 线上 marks no part.
#[rustfmt::skip]
pub static ONLINE_KEYS: &[MetricKey] = &[
    WebsiteVisits, DigitalViews, DigitalDownloads, DigitalResourcesTb, DigitalResourcesNewTb,
    Ebooks, WechatFollowers, WechatPosts, WechatViews, WeiboFollowers, WeiboPosts, WeiboViews,
];

/// Keys a room of the library counts for the whole library: its reading
/// rooms' uses, and the computers and seats that stand in its rooms.
#[rustfmt::skip]
pub static ROOM_KEYS: &[MetricKey] = &[ReadingRoomUses, Computers, Seats];

/// Words that close a list, making the figure after it the list's total
/// (展览、讲座等活动 38 场次).
#[rustfmt::skip]
pub static LIST_CLOSERS: &[&str] = &["等", "等各类", "等各项"];

/// Words before a year that make it the term of a comparison (较2020年增长).
#[rustfmt::skip]
pub static COMPARISON_WORDS: &[&str] = &["较", "比", "与", "同比", "相比", "对比", "比较"];

/// How an item opens that names the whole its row is a part of (其中：
/// 盲文图书; 在支出合计中：工资福利支出): (start, end) of the words before
/// the colon. The row counts the part after it.
#[rustfmt::skip]
pub static PART_LEADS: &[(&str, &str)] = &[("其中", ""), ("在", "中")];

/// Qualifier words that hold for their whole line (a paragraph), not only
/// their sentence: 从全省范围来看，…。纸质文献总藏量达6140.6万册… is all the
/// province's libraries.
#[rustfmt::skip]
pub static LINE_SCOPES: &[&str] = &[
    "从全省范围来看", "从全市范围来看", "从全国范围来看",
];

/// What may stand between a count of titles and the volumes they make
/// (新增图书5256种，5353册; 4657种、9043册): the volumes take its label.
#[rustfmt::skip]
pub static TITLES_VOLUMES_JOINS: &[&str] = &["，", ",", "、", "", "共"];

/// 去年: last year, unless a news article of the year after says it.
pub const LAST_YEAR_WORD: &str = "去年";

/// 线上: online, a part of the activities unless the key counts online use.
pub const ONLINE_WORD: &str = "线上";
