//! Metric labels composed from parts: an action (接待, 外借, 新增 …), any
//! modifiers (各类, 全年, 纸质 …) and a subject (读者, 图书, 借书证 …), in
//! either order, with the figure's unit deciding between neighbouring
//! keys (外借图书 … 册次 is a loan count, 外借 … 人次 a count of borrowers).
//!
//! A label read this way is a run of these words and nothing else ending
//! just before the figure (fillers such as 达 or 共计 may follow it), so
//! 接待各类读者, 全年累计接待到馆读者 and 馆藏纸质图书 need no row of their
//! own in `tables::metrics`. A wording of that table still wins when it is
//! at least as long. Words are in simplified characters.

use crate::contract::metric_key::MetricKey::{self, *};
use crate::contract::unit::Unit::{
    self, Item, Person, PersonMing, PersonVisit, Sheet, Volume, VolumeUse,
};

/// What a label's verb or state says is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// People coming in or served at the library: 接待, 到馆, 进馆.
    Visit,
    /// Serving people (服务读者 … 人次).
    Serve,
    /// Circulation, of people or items: 流通.
    Circulate,
    /// Lending: 外借, 借阅, 借出.
    Lend,
    /// Reading in the rooms: 阅览.
    Read,
    /// Adding to the stock: 新增, 采购, 购置, 入藏.
    Acquire,
    /// Holding at year end: 馆藏, 现有, 拥有.
    Hold,
    /// Issuing reader cards: 办理, 新办, 发放.
    IssueCard,
    /// Holding a valid card: 持证, 有效, 注册.
    Certified,
    /// Being on the staff: 在编, 在职, 在岗, 全馆.
    Employed,
}

/// What a label's noun names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Noun {
    /// People using the library: 读者, 群众.
    Reader,
    /// Reader cards: 读者证, 借书证.
    Card,
    /// Books and other documents: 图书, 文献, 书刊.
    Document,
    /// The stock as an amount: 藏量, 总量.
    Stock,
    /// People on the payroll: 职工, 员工, 人员.
    Staff,
}

/// One word of a composed label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// A verb or state.
    Action(Action),
    /// A noun.
    Noun(Noun),
    /// A word that may stand inside a label without changing its key.
    Modifier,
    /// A word naming the unit counted (外借人次, 借阅册次): a figure
    /// written with no unit (外借人次198.5万) counts in it.
    Counted(Unit),
}

use Action::*;
use Noun::*;

/// The words labels are composed of.
#[rustfmt::skip]
pub static LABEL_PARTS: &[(&str, Part)] = &[
    // actions
    ("接待",     Part::Action(Visit)),
    ("到馆",     Part::Action(Visit)),
    ("进馆",     Part::Action(Visit)),
    ("入馆",     Part::Action(Visit)),
    ("来馆",     Part::Action(Visit)),
    ("服务",     Part::Action(Serve)),
    ("流通",     Part::Action(Circulate)),
    ("总流通",   Part::Action(Circulate)),
    ("外借",     Part::Action(Lend)),
    ("借阅",     Part::Action(Lend)),
    ("借出",     Part::Action(Lend)),
    ("出借",     Part::Action(Lend)),
    ("借书",     Part::Action(Lend)),
    ("阅览",     Part::Action(Read)),
    ("新增",     Part::Action(Acquire)),
    ("新购",     Part::Action(Acquire)),
    ("新购进",   Part::Action(Acquire)),
    ("购进",     Part::Action(Acquire)),
    ("采购",     Part::Action(Acquire)),
    ("购置",     Part::Action(Acquire)),
    ("购买",     Part::Action(Acquire)),
    ("采购入藏", Part::Action(Acquire)),
    ("入藏",     Part::Action(Acquire)),
    ("新入藏",   Part::Action(Acquire)),
    ("补充",     Part::Action(Acquire)),
    ("馆藏",     Part::Action(Hold)),
    ("累计入藏", Part::Action(Hold)),
    ("藏有",     Part::Action(Hold)),
    ("现有",     Part::Action(Hold)),
    ("拥有",     Part::Action(Hold)),
    ("共有",     Part::Action(Hold)),
    ("新办",     Part::Action(IssueCard)),
    ("办证",     Part::Action(IssueCard)),
    ("办理",     Part::Action(IssueCard)),
    ("发放",     Part::Action(IssueCard)),
    ("新发放",   Part::Action(IssueCard)),
    ("持证",     Part::Action(Certified)),
    ("持卡",     Part::Action(Certified)),
    ("有效",     Part::Action(Certified)),
    ("注册",     Part::Action(Certified)),
    ("在编",     Part::Action(Employed)),
    ("在职",     Part::Action(Employed)),
    ("在岗",     Part::Action(Employed)),
    ("全馆",     Part::Action(Employed)),
    ("正式",     Part::Action(Employed)),
    // nouns
    ("读者",     Part::Noun(Reader)),
    ("群众",     Part::Noun(Reader)),
    ("市民",     Part::Noun(Reader)),
    // children and their parents: a children's library's readers (see
    // `Qualifier::Children`)
    ("少年儿童", Part::Noun(Reader)),
    ("少儿读者", Part::Noun(Reader)),
    ("小读者",   Part::Noun(Reader)),
    ("儿童",     Part::Noun(Reader)),
    ("家长",     Part::Noun(Reader)),
    ("读者证",   Part::Noun(Card)),
    ("借书证",   Part::Noun(Card)),
    ("借阅证",   Part::Noun(Card)),
    ("读者卡",   Part::Noun(Card)),
    ("借书卡",   Part::Noun(Card)),
    ("借阅卡",   Part::Noun(Card)),
    ("证",       Part::Noun(Card)),
    ("图书",     Part::Noun(Document)),
    ("书刊",     Part::Noun(Document)),
    ("文献",     Part::Noun(Document)),
    ("藏书",     Part::Noun(Document)),
    ("书籍",     Part::Noun(Document)),
    ("图书资料", Part::Noun(Document)),
    ("书刊资料", Part::Noun(Document)),
    ("文献资料", Part::Noun(Document)),
    ("资料",     Part::Noun(Document)),
    ("新书",     Part::Noun(Document)),
    ("报刊",     Part::Noun(Document)),
    ("书报刊",   Part::Noun(Document)),
    ("藏量",     Part::Noun(Stock)),
    ("总藏量",   Part::Noun(Stock)),
    ("藏书量",   Part::Noun(Stock)),
    ("职工",     Part::Noun(Staff)),
    ("员工",     Part::Noun(Staff)),
    ("职员",     Part::Noun(Staff)),
    ("人员",     Part::Noun(Staff)),
    ("干部职工", Part::Noun(Staff)),
    ("工作人员", Part::Noun(Staff)),
    // modifiers
    ("少儿",     Part::Modifier),
    ("及",       Part::Modifier),
    ("各类",     Part::Modifier),
    ("各种",     Part::Modifier),
    ("各项",     Part::Modifier),
    ("全年",     Part::Modifier),
    ("全年共",   Part::Modifier),
    ("年度",     Part::Modifier),
    ("当年",     Part::Modifier),
    ("本年",     Part::Modifier),
    ("本年度",   Part::Modifier),
    ("年内",     Part::Modifier),
    ("累计",     Part::Modifier),
    ("共",       Part::Modifier),
    ("共计",     Part::Modifier),
    ("总",       Part::Modifier),
    ("实际",     Part::Modifier),
    ("线上线下", Part::Modifier),
    ("纸质",     Part::Modifier),
    ("中外文",   Part::Modifier),
    ("普通",     Part::Modifier),
    ("人数",     Part::Counted(Person)),
    ("访问量",   Part::Modifier),
    ("阅览室",   Part::Modifier),
    ("总数",     Part::Modifier),
    ("数量",     Part::Modifier),
    ("总量",     Part::Modifier),
    ("册数",     Part::Counted(Volume)),
    ("人次",     Part::Counted(PersonVisit)),
    ("册次",     Part::Counted(VolumeUse)),
    ("次数",     Part::Modifier),
    ("数",       Part::Modifier),
    ("量",       Part::Modifier),
];

/// Words naming the library itself, which may stand just before a label
/// (我馆接待读者). A label right after any other word is that word's
/// figure (自修室接待, 流动站流通图书), not the library's.
#[rustfmt::skip]
pub static OWNER_WORDS: &[&str] = &[
    "我馆", "本馆", "该馆", "全馆", "总分馆", "图书馆", "总馆",
];

/// Words that make a library before a label another body (the figures
/// of 自助图书馆借还图书 are a machine's, not the library's).
#[rustfmt::skip]
pub static NOT_OWNERS: &[&str] = &[
    "自助图书馆", "小时图书馆", "分馆", "图书分馆", "乡镇图书馆", "村图书馆", "社区图书馆",
];

/// Characters that may end the text just before a label: the end of a
/// time phrase (2020年, 年底, 12月) rather than of a noun.
#[rustfmt::skip]
pub static TIME_ENDS: &[char] = &[
    '年', '月', '日', '底', '末', '内', '度',
];

/// How a composed label maps to a key. The first rule that fits wins, so
/// a narrower rule stands above a wider one.
pub struct LabelRule {
    /// At least one of these actions must be in the label.
    pub actions: &'static [Action],
    /// The nouns the label may have; a label with a noun of another family
    /// does not fit.
    pub nouns: &'static [Noun],
    /// Whether the label must have one of `nouns` (新办读者证), or may have
    /// none (新办 1260 张).
    pub needs_noun: bool,
    /// The units a figure of the key is written in.
    pub units: &'static [Unit],
    /// The key.
    pub key: MetricKey,
}

/// Whether a rule needs a noun.
const NEEDED: bool = true;
/// Whether a rule takes a label without a noun.
const OPTIONAL: bool = false;

const fn rule(
    actions: &'static [Action],
    nouns: &'static [Noun],
    needs_noun: bool,
    units: &'static [Unit],
    key: MetricKey,
) -> LabelRule {
    LabelRule {
        actions,
        nouns,
        needs_noun,
        units,
        key,
    }
}

/// The rules, narrowest first.
#[rustfmt::skip]
pub static LABEL_RULES: &[LabelRule] = &[
    rule(&[Acquire, IssueCard],  &[Card],             NEEDED,   &[Sheet, Item],               NewRegistrations),
    rule(&[IssueCard],           &[Card],             OPTIONAL, &[Sheet, Item],               NewRegistrations),
    rule(&[Acquire],         &[Reader],           NEEDED,   &[Person, PersonMing],              NewRegistrations),
    rule(&[Certified],       &[Reader, Card],     NEEDED,   &[Person, PersonMing, Sheet, Item], RegisteredReaders),
    rule(&[Acquire],         &[Document, Stock],  OPTIONAL, &[Volume],                          CollectionNew),
    rule(&[Hold],            &[Document, Stock],  OPTIONAL, &[Volume],                          CollectionTotal),
    rule(&[Hold, Employed],  &[Staff],            NEEDED,   &[Person, PersonMing],              StaffTotal),
    rule(&[Employed],        &[Staff],            OPTIONAL, &[Person, PersonMing],              StaffTotal),
    rule(&[Visit],           &[Reader],           OPTIONAL, &[PersonVisit, Person],             Visits),
    rule(&[Serve],           &[Reader],           NEEDED,   &[PersonVisit],                     Visits),
    rule(&[Circulate],       &[Reader],           OPTIONAL, &[PersonVisit],                     Visits),
    rule(&[Circulate],       &[Document],         OPTIONAL, &[VolumeUse],                       Loans),
    rule(&[Lend],            &[Document],         OPTIONAL, &[VolumeUse, Volume],               Loans),
    rule(&[Lend],            &[Reader],           OPTIONAL, &[PersonVisit],                     LoanVisits),
    rule(&[Read],            &[Document],         OPTIONAL, &[VolumeUse],                       ReadingRoomUses),
];

/// The possessive 的 after a noun (全省的…).
pub const POSSESSIVE: char = '的';

/// Words that open a sentence without a subject of its own (共, 另, 并, 还).
pub static NO_SUBJECT_FILLERS: &[char] = &['共', '另', '并', '还'];

/// The words that join two labels into one list (图书和报刊).
pub static LABEL_JOINERS: &[char] = &['和', '及', '与', '或'];

/// 其中: the part of the figure before it.
pub const AMONG_THEM: &str = "其中";
