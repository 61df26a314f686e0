//! The metric vocabulary of `spec/metrics.tsv`: one row per key, in the
//! spec's order, with the base unit every value of that key is given in.

use serde::{Serialize, Serializer};

use crate::unit::Unit;

macro_rules! metric_keys {
    ($($variant:ident => $key:literal, $unit:ident, $meaning:literal;)*) => {
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
    CollectionTotal        => "collection_total",          Volume,        "total holdings at year end (all physical documents)";
    CollectionNew          => "collection_new",            Volume,        "documents added during the year";
    Ebooks                 => "ebooks",                    Volume,        "e-books available";
    DigitalResourcesTb     => "digital_resources_tb",      Terabyte,      "digital resources held, in terabytes";
    DigitalResourcesNewTb  => "digital_resources_new_tb",  Terabyte,      "digital resources added during the year, in terabytes";
    Visits                 => "visits",                    PersonVisit,   "reader visits (people through the door or served)";
    Loans                  => "loans",                     VolumeUse,     "items lent (checkouts)";
    LoanVisits             => "loan_visits",               PersonVisit,   "lending transactions counted by person";
    ReadingRoomUses        => "reading_room_uses",         VolumeUse,     "items read in the reading rooms";
    RegisteredReaders      => "registered_readers",        Person,        "valid reader cards / registered readers at year end";
    NewRegistrations       => "new_registrations",         Sheet,         "new reader cards issued during the year";
    WebsiteVisits          => "website_visits",            PersonVisit,   "visits to the library website";
    DigitalViews           => "digital_views",             Time,          "views of digital resources";
    DigitalDownloads       => "digital_downloads",         Time,          "downloads of digital resources";
    Events                 => "events",                    SessionCount,  "reader activities of all kinds when the report gives one total";
    Exhibitions            => "exhibitions",               SessionCount,  "exhibitions";
    Lectures               => "lectures",                  SessionCount,  "lectures";
    Trainings              => "trainings",                 SessionCount,  "training sessions";
    MediaReports           => "media_reports",             Entry,         "reports about the library in the press";
    WechatFollowers        => "wechat_followers",          Person,        "WeChat official-account followers";
    WechatPosts            => "wechat_posts",              Entry,         "WeChat posts published";
    WechatViews            => "wechat_views",              PersonVisit,   "WeChat total views";
    WeiboFollowers         => "weibo_followers",           Person,        "Weibo followers";
    WeiboPosts             => "weibo_posts",               Entry,         "Weibo posts published";
    WeiboViews             => "weibo_views",               PersonVisit,   "Weibo total views";
    Branches               => "branches",                  Item,          "branch libraries in the central/branch system";
    ServicePoints          => "service_points",            Item,          "service points, circulation points, village reading rooms";
    SelfServiceLibraries   => "self_service_libraries",    Item,          "24-hour self-service libraries";
    StaffTotal             => "staff_total",               Person,        "staff on the payroll";
    FloorAreaM2            => "floor_area_m2",             SquareMetre,   "building floor area";
    Computers              => "computers",                 Machine,       "computer terminals for the public";
    Seats                  => "seats",                     Item,          "reading seats";
    BudgetYuan             => "budget_yuan",               Yuan,          "the year's budget or funding received";
    ExpenditureYuan        => "expenditure_yuan",          Yuan,          "the year's total spending";
    AcquisitionSpendingYuan => "acquisition_spending_yuan", Yuan,         "spending on buying documents";
    Awards                 => "awards",                    Project,       "awards and honours received";
    Volunteers             => "volunteers",                Person,        "volunteers";
}

impl Serialize for MetricKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
