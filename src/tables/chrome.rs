//! A web site's chrome: the words of the lines a site puts around a report
//! (welcome banners, menus, breadcrumbs, article facts, footers), which
//! `read::chrome` drops from web pages and from pasted text alike, and the
//! element names and class words `read::html` skips. In simplified
//! characters; lines are folded before matching.

/// A line that starts with one of these is the site's, not the report's.
#[rustfmt::skip]
pub static LINE_STARTS: &[&str] = &[
    "欢迎访问", "欢迎光临", "欢迎来到", "欢迎您访问",
    "当前位置", "您的位置", "你的位置", "您现在的位置", "你现在的位置", "所在位置", "现在位置",
    "版权所有", "Copyright", "copyright", "COPYRIGHT", "©",
    "上一篇", "下一篇", "上一条", "下一条",
    "网站地图", "扫一扫", "手机扫一扫", "微信扫一扫",
    "【打印", "【关闭", "【字体", "【字号", "打印本页", "关闭窗口", "分享到",
];

/// A footer's labels (主办：某某办公室　承办：某某中心): a line that starts
/// with one of these and a colon is the site's. Without the colon (主办
/// 单位为市文化局，…) it is the report's prose.
#[rustfmt::skip]
pub static FOOTER_LABELS: &[&str] = &[
    "主办", "承办", "协办", "主办单位", "承办单位", "协办单位", "技术支持", "网站标识码",
    "网站维护", "网站管理",
];

/// A page footer's contact labels (联系电话：…　地址：…): a line that
/// starts with one and a colon is the site's only in the run of chrome and
/// contact lines that ends the text. Elsewhere it may be the report's own.
#[rustfmt::skip]
pub static CONTACT_LABELS: &[&str] = &[
    "联系电话", "联系地址", "联系方式", "电话", "地址", "邮编", "邮政编码", "传真", "邮箱",
    "电子邮箱", "E-mail", "Email",
];

/// Marks of running prose: a line that holds one is a sentence, never a
/// banner, menu or footer line started by [`LINE_STARTS`] or
/// [`FOOTER_LABELS`] (扫一扫二维码即可借阅，全年…).
pub static PROSE_MARKS: &[char] = &['。', '，', '；'];

/// A line that holds one of these anywhere is a footer.
#[rustfmt::skip]
pub static LINE_HOLDS: &[&str] = &[
    "版权所有", "备案号", "ICP备", "ICP证", "公网安备",
];

/// What a line holding one of [`LINE_HOLDS`] holds in either script:
/// found by one search of the whole text, these pick the lines that are
/// folded and matched in full (the words themselves are matched folded).
/// Three characters where two are common words of prose (所有, 安备).
#[rustfmt::skip]
pub static HOLD_ANCHORS: &[&str] = &["权所有", "權所有", "备案", "備案", "ICP", "网安备", "網安備"];

/// Article facts: a line that starts with one of these labels and a colon
/// (发布时间：2021-03-01 来源：本馆 点击：12) is the page's, not the report's.
#[rustfmt::skip]
pub static FACT_LABELS: &[&str] = &[
    "发布时间", "发布日期", "发表时间", "更新时间",
    "来源", "信息来源", "文章来源", "作者", "编辑", "责任编辑", "审核",
    "点击", "点击数", "点击量", "点击次数", "浏览次数", "浏览量", "阅读次数",
    "访问量", "字号",
];

/// Menu entries: a line of short items between separators, at least two
/// of which are these, is a menu; one of these alone on a line is a menu
/// link too.
#[rustfmt::skip]
pub static MENU_WORDS: &[&str] = &[
    "首页", "网站首页", "主页", "返回首页", "本馆概况", "本馆简介", "馆务公开", "政务公开",
    "新闻动态", "通知公告", "读者服务", "数字资源", "联系我们", "关于我们", "登录", "注册",
    "加入收藏", "设为首页", "网站地图", "无障碍", "无障碍浏览", "English", "繁体", "简体",
    "返回顶部", "打印", "关闭", "收藏", "搜索", "站内搜索",
];

/// Breadcrumbs start with one of these and go on after `>`-like marks
/// (首页 > 馆务公开 > 年报).
#[rustfmt::skip]
pub static CRUMB_STARTS: &[&str] = &["首页", "网站首页", "主页", "Home", "home"];

/// What separates a breadcrumb's steps.
pub static CRUMB_MARKS: &[char] = &['>', '＞', '›', '»', '→', '/'];

/// What separates a menu's items (besides white space).
pub static MENU_MARKS: &[char] = &['|', '｜', '·', '•', '丨', '/'];

/// The longest a menu item is, in characters.
pub const MENU_ITEM_CHARS: usize = 8;

/// The longest a chrome line is, in characters: longer lines are prose.
pub const CHROME_LINE_CHARS: usize = 120;

/// HTML elements whose content is never the report.
#[rustfmt::skip]
pub static SKIPPED_ELEMENTS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "form", "select", "button", "iframe", "object", "svg", "canvas", "menu",
];

/// Elements and `id`/`class` words that are the site's at the top of a
/// page but the article's own inside `<article>` or `<main>` (an
/// article's `<header>` holds its title).
#[rustfmt::skip]
pub static ARTICLE_OWN: &[&str] = &["header"];

/// The elements whose inside is the article: within them, [`ARTICLE_OWN`]
/// parts are kept.
#[rustfmt::skip]
pub static ARTICLE_ELEMENTS: &[&str] = &["article", "main"];

/// Words in an element's `id` or `class` that mark the site around a
/// report: a whole word of the attribute (split at `-`, `_`, space) that
/// equals one of these.
#[rustfmt::skip]
pub static SKIPPED_CLASS_WORDS: &[&str] = &[
    "nav", "navbar", "menu", "header", "footer", "foot", "sidebar", "side", "breadcrumb",
    "crumb", "crumbs", "position", "location", "copyright", "share", "comment", "comments",
    "banner", "topbar", "toolbar", "login", "search", "related", "links", "friendlink",
    "pager", "pagination", "print",
];

/// Page-number lines of a PDF's header or footer, as shapes: digits are
/// written `#` and white space is left out (第 3 页 → 第#页).
#[rustfmt::skip]
pub static PAGE_NUMBER_SHAPES: &[&str] = &[
    "#", "-#-", "–#–", "—#—", "第#页", "第#页共#页", "共#页第#页", "第#页/共#页", "#/#",
    "Page#", "Page#of#", "page#", "·#·",
];

/// The forms of a line that is only a page number (`WS` stands for white
/// space): - 3 -, 第 3 页 共 12 页, 3/12, 3, - iv -, Page 3 of 12.
pub static PAGE_NUMBER_FORMS: &[&str] = &[
    r"[-–—]WS*[0-9]{1,3}WS*[-–—]",
    r"第WS*[0-9]{1,3}WS*页(?:WS*[,，]?WS*共WS*[0-9]{1,3}WS*页)?",
    r"[0-9]{1,3}WS*/WS*[0-9]{1,3}",
    r"[0-9]{1,3}",
    r"[-–—]?WS*[IVXLivxl]{1,5}WS*[-–—]?",
    r"Page [0-9]{1,3}(?: of [0-9]{1,3})?",
];

/// The word after a page number (第 3 页).
pub const PAGE_WORD: &str = "页";

/// The marks a fact label may stand behind (【点击：12】). Not （ or (:
/// numbered points start with them, and would all be matched in full.
pub static FACT_OPENERS: &[char] = &['【', '['];

/// What sits between the links of a menu or a breadcrumb (white space
/// too).
pub static MENU_SEPARATORS: &[char] = &[
    '|', '｜', '>', '＞', '›', '»', '/', '·', '•', '-', '—', '、', '丨', '[', ']', '【', '】',
];
