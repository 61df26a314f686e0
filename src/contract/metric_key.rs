//! The metric vocabulary of `spec/metrics.tsv`: one row per key, in the
//! spec's order, with the base unit every value of that key is given in and
//! its name as a Chinese report writes it (for the audit page and the
//! README's vocabulary table; the key itself is the contract).

use serde::{Serialize, Serializer};

use crate::contract::unit::Unit;

macro_rules! metric_keys {
    ($($variant:ident => $key:literal, $unit:ident, $label_zh:literal, $meaning:literal;)*) => {
        /// A metric key of the output contract (`metrics.tsv`).
        ///
        /// Keys order as the spec lists them, so maps keyed by `MetricKey`
        /// print in the spec's order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum MetricKey {
            $(#[doc = $meaning] $variant,)*
        }

        impl MetricKey {
            /// Every key, in the spec's order.
            pub const ALL: &'static [MetricKey] = &[$(MetricKey::$variant,)*];

            /// The key as printed (`"collection_total"`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(MetricKey::$variant => $key,)*
                }
            }

            /// The unit every value of this key is given in.
            pub fn base_unit(self) -> Unit {
                match self {
                    $(MetricKey::$variant => Unit::$unit,)*
                }
            }

            /// The metric's name as a Chinese report writes it (`"馆藏总量"`).
            pub fn label_zh(self) -> &'static str {
                match self {
                    $(MetricKey::$variant => $label_zh,)*
                }
            }

            /// What the key measures, in the spec's words.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(MetricKey::$variant => $meaning,)*
                }
            }

            /// The key spelled `s`, if any.
            pub fn from_name(s: &str) -> Option<MetricKey> {
                match s {
                    $($key => Some(MetricKey::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

#[rustfmt::skip]
metric_keys! {
    CollectionTotal        => "collection_total",          Volume,        "馆藏总量",           "total holdings at year end (all physical documents)";
    CollectionNew          => "collection_new",            Volume,        "新增藏量",           "documents added during the year";
    Ebooks                 => "ebooks",                    Volume,        "电子图书",           "e-books available";
    DigitalResourcesTb     => "digital_resources_tb",      Terabyte,      "数字资源总量",       "digital resources held, in terabytes";
    DigitalResourcesNewTb  => "digital_resources_new_tb",  Terabyte,      "新增数字资源",       "digital resources added during the year, in terabytes";
    Visits                 => "visits",                    PersonVisit,   "到馆/流通人次",      "reader visits (people through the door or served)";
    Loans                  => "loans",                     VolumeUse,     "外借册次",           "items lent (checkouts)";
    LoanVisits             => "loan_visits",               PersonVisit,   "外借人次",           "lending transactions counted by person";
    ReadingRoomUses        => "reading_room_uses",         VolumeUse,     "阅览册次",           "items read in the reading rooms";
    RegisteredReaders      => "registered_readers",        Person,        "持证读者",           "valid reader cards / registered readers at year end";
    NewRegistrations       => "new_registrations",         Sheet,         "新办读者证",         "new reader cards issued during the year";
    WebsiteVisits          => "website_visits",            PersonVisit,   "网站访问量",         "visits to the library website";
    DigitalViews           => "digital_views",             Time,          "数字资源浏览量",     "views of digital resources";
    DigitalDownloads       => "digital_downloads",         Time,          "数字资源下载量",     "downloads of digital resources";
    Events                 => "events",                    SessionCount,  "读者活动场次",       "reader activities of all kinds when the report gives one total";
    Exhibitions            => "exhibitions",               SessionCount,  "展览",               "exhibitions";
    Lectures               => "lectures",                  SessionCount,  "讲座",               "lectures";
    Trainings              => "trainings",                 SessionCount,  "培训",               "training sessions";
    MediaReports           => "media_reports",             Entry,         "媒体报道",           "reports about the library in the press";
    WechatFollowers        => "wechat_followers",          Person,        "微信粉丝",           "WeChat official-account followers";
    WechatPosts            => "wechat_posts",              Entry,         "微信发布",           "WeChat posts published";
    WechatViews            => "wechat_views",              PersonVisit,   "微信浏览量",         "WeChat total views";
    WeiboFollowers         => "weibo_followers",           Person,        "微博粉丝",           "Weibo followers";
    WeiboPosts             => "weibo_posts",               Entry,         "微博发布",           "Weibo posts published";
    WeiboViews             => "weibo_views",               PersonVisit,   "微博阅读量",         "Weibo total views";
    Branches               => "branches",                  Item,          "分馆",               "branch libraries in the central/branch system";
    ServicePoints          => "service_points",            Item,          "服务点",             "service points, circulation points, village reading rooms";
    SelfServiceLibraries   => "self_service_libraries",    Item,          "24小时自助图书馆",   "24-hour self-service libraries";
    StaffTotal             => "staff_total",               Person,        "在编职工",           "staff on the payroll";
    FloorAreaM2            => "floor_area_m2",             SquareMetre,   "建筑面积",           "building floor area";
    Computers              => "computers",                 Machine,       "公共电脑",           "computer terminals for the public";
    Seats                  => "seats",                     Item,          "阅览座位",           "reading seats";
    BudgetYuan             => "budget_yuan",               Yuan,          "年度经费",           "the year's budget or funding received";
    ExpenditureYuan        => "expenditure_yuan",          Yuan,          "年度支出",           "the year's total spending";
    AcquisitionSpendingYuan => "acquisition_spending_yuan", Yuan,         "购书经费",           "spending on buying documents";
    Awards                 => "awards",                    Project,       "获奖",               "awards and honours received";
    Volunteers             => "volunteers",                Person,        "志愿者",             "volunteers";
}

impl Serialize for MetricKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl schemars::JsonSchema for MetricKey {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MetricKey".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let keys: Vec<&str> = MetricKey::ALL.iter().map(|k| k.as_str()).collect();
        schemars::json_schema!({
            "description": "A metric key of the vocabulary (spec/metrics.tsv).",
            "type": "string",
            "enum": keys,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::MetricKey;

    #[test]
    fn every_key_has_its_own_chinese_name() {
        let mut labels: Vec<&str> = MetricKey::ALL.iter().map(|k| k.label_zh()).collect();
        assert!(labels.iter().all(|l| !l.trim().is_empty()));
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(
            labels.len(),
            MetricKey::ALL.len(),
            "a Chinese name is used twice"
        );
    }
}
