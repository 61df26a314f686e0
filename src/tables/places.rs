//! The words around a place in a library's name, for `region`; the
//! divisions themselves are `divisions` (generated).

/// Words between a place and 图书馆 that are no part of the place
/// (武隆区少年儿童图书馆, 香港中央图书馆, 屏东县立总图书馆), cut from the
/// end; 市立, 县立, 省立 and 区立 keep their 市, 县, 省 and 区 (台北市立
/// 图书馆 → 台北市).
#[rustfmt::skip]
pub const NAME_DESCRIPTORS: &[&str] = &["少年儿童", "少儿", "儿童", "公共", "中心", "中央", "总"];

/// Words before a place that are no part of it (国立台湾图书馆).
#[rustfmt::skip]
pub const NAME_LEADS: &[&str] = &["国立", "省立", "市立", "县立"];

/// The word after a level in 市立, 县立 (set up by the city, the county).
pub const SET_UP_BY: char = '立';

/// The levels before [`SET_UP_BY`] that stay part of the place (台北市立 →
/// 台北市).
pub static SETTING_UP_LEVELS: &[char] = &['市', '县', '省', '区'];

/// Taiwan's code in GB/T 2260.
pub const TAIWAN_CODE: u32 = 710000;
