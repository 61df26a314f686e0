//! Facts about the whole report that decide whose and which time its
//! figures are, read once per report: a report of one month (日照图书馆7月
//! 共接待读者…, 某馆(6月)数据统计) gives no figure of the year.

use crate::tables::dates::MONTH_MARK;
use crate::tables::library::HALL;
use crate::tables::metrics::{
    FORM_CODE_HEADER, FORM_ROW_CODES, MONTH_TITLE_NOT_WHOLE, MONTH_TITLE_STOPS,
    WHOLE_YEAR_TITLE_WORDS,
};
use crate::tables::punctuation::{CLAUSE_ENDS, HAN_DIGITS, MONTH_RANGE_MARKS};

/// Marks that open an item of a list of links.
const LIST_MARKS: &[char] = &['-', '•', '·', '*', '●', '▪', '◆', '>', '»'];

/// The most characters of a title line: a longer first line is body text.
const MAX_TITLE_CHARS: usize = 48;

/// Whether the report's first line, `folded` (simplified), is a title or
/// headline of one month (日照图书馆7月共接待读者38.5万人次, 某区图书馆
/// (6月)数据统计, 某馆九月活动预告): a library's title naming a month, with
/// no day (5月14日 is a news item's date), no range of months (1-11月) and
/// no word of the whole year (全年, 年度).
pub fn is_one_month_title(folded: &str) -> bool {
    let title = folded.trim();
    // A list item (- 某馆九月活动预告) is a site's menu of other pages.
    // Cheap tests first: most first lines name no month.
    if title.is_empty()
        || title.len() > MAX_TITLE_CHARS * 4
        || !title.contains(MONTH_MARK)
        || !title.contains(HALL)
        || title.starts_with(LIST_MARKS)
        || title.chars().count() > MAX_TITLE_CHARS
        || title.contains(CLAUSE_ENDS)
        || WHOLE_YEAR_TITLE_WORDS.iter().any(|w| title.contains(w))
    {
        return false;
    }
    title.match_indices(MONTH_MARK).any(|(at, _)| {
        let head = &title[..at];
        let after = &title[at + MONTH_MARK.len_utf8()..];
        let digits: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || HAN_DIGITS.contains(c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let month = digits.parse::<u32>().ok().or_else(|| {
            crate::numeral::parse_full(&digits)
                .ok()
                .and_then(|n| n.to_string().parse().ok())
        });
        let before = head[..head.len() - digits.len()].trim_end();
        month.is_some_and(|m| (1..=12).contains(&m))
            && !before.ends_with(MONTH_RANGE_MARKS)
            && !before.ends_with(MONTH_MARK)
            && !MONTH_TITLE_STOPS.iter().any(|w| after.starts_with(w))
            && !MONTH_TITLE_NOT_WHOLE.iter().any(|w| after.starts_with(w))
    })
}

/// Whether the report holds an official statistics form with a code
/// column (项目 代码 单位 指标), whose row codes may run into the values
/// when the form is flattened (一、从业人员117人: code 11, 7 people).
/// `folded` is the whole text folded.
pub(super) fn has_coded_form(folded: &str) -> bool {
    static HEADER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(FORM_CODE_HEADER.as_bytes()));
    HEADER.find(folded.as_bytes()).is_some()
}

/// The value of a form's row whose code runs into it (从业人员118: code
/// 11, value 8): the digits after the item's code, when `label` is an
/// item of `FORM_ROW_CODES` and `digits` (the figure as written) open
/// with its code and go on. None when the figure is not the code's.
pub(super) fn after_row_code<'a>(label: &str, digits: &'a str) -> Option<Option<&'a str>> {
    let (_, code) = FORM_ROW_CODES
        .iter()
        .find(|(item, _)| label.ends_with(item))?;
    Some(
        digits
            .strip_prefix(code)
            .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit())),
    )
}

/// Whether a report holds an official statistics form with a code column,
/// learnt from its text when first asked: most reports never ask.
#[derive(Debug, Default)]
pub struct FormProbe<'a> {
    folded: &'a str,
    found: std::cell::OnceCell<bool>,
}

impl<'a> FormProbe<'a> {
    /// A probe of the report's whole text, folded.
    pub fn new(folded: &'a str) -> FormProbe<'a> {
        FormProbe {
            folded,
            found: std::cell::OnceCell::new(),
        }
    }

    pub(super) fn has_coded_form(&self) -> bool {
        *self.found.get_or_init(|| has_coded_form(self.folded))
    }
}

#[cfg(test)]
mod tests {
    use super::is_one_month_title;

    #[test]
    fn a_title_of_one_month() {
        assert!(is_one_month_title("青溪县图书馆8月共接待读者2.1万人次"));
        assert!(is_one_month_title("2022年青溪县图书馆(3月)数据统计"));
        assert!(is_one_month_title("青溪区图书馆十月活动预告"));
        assert!(is_one_month_title("青溪县图书馆3月份工作简报"));
    }

    #[test]
    fn no_title_of_one_month() {
        // a day is a news item's date; a range, the year so far
        assert!(!is_one_month_title("5月14日青溪县图书馆举办读书分享会"));
        assert!(!is_one_month_title("青溪县图书馆1-11月接待读者统计"));
        assert!(!is_one_month_title("青溪县图书馆1月至11月工作情况"));
        // a site's menu of other pages
        assert!(!is_one_month_title("- 青溪区图书馆十月活动预告"));
        // the whole year; a chronicle's month heading; body text
        assert!(!is_one_month_title("青溪县图书馆2022年度工作总结（12月）"));
        assert!(!is_one_month_title("一月"));
        assert!(!is_one_month_title("3月，青溪县图书馆举办了讲座。"));
        assert!(!is_one_month_title("青溪县图书馆2022年工作总结"));
    }

    #[test]
    fn a_report_of_one_month_gives_no_figure_of_the_year() {
        let text = "青溪县图书馆8月共接待读者2.1万人次\n\n8月，青溪县图书馆共接待读者2.1万人次，新增持证读者820名，持证读者总数达到4.6万名。\n";
        let report = crate::extract_text(text).expect("a report");
        assert!(report.metrics.is_empty(), "{:?}", report.metrics);
        assert!(
            report
                .warnings
                .iter()
                .any(|w| w.to_string().contains("part of the year")),
            "{:?}",
            report.warnings
        );
    }

    fn metrics_of(text: &str) -> Vec<(String, String)> {
        let report = crate::extract_text(text).expect("a report");
        report
            .metrics
            .values()
            .map(|m| (m.key.as_str().to_owned(), m.value.to_string()))
            .collect()
    }

    #[test]
    fn a_flattened_forms_row_code_runs_into_its_value() {
        let form = "青溪县图书馆2020年基本情况年报\n项     目代码单位指标项     目代码单位指标\n一、从业人员119在财政补贴收入中:基建拨款54千元\n        其中:盲文图书18300十七、本年支出合计61千元2,140\n";
        let got = metrics_of(form);
        assert!(got.contains(&("staff_total".into(), "9".into())), "{got:?}");
        assert!(
            got.contains(&("expenditure_yuan".into(), "2140000".into())),
            "{got:?}"
        );
        // two digits of staff after the code 11
        let got = metrics_of(&form.replace("从业人员119", "从业人员1134"));
        assert!(
            got.contains(&("staff_total".into(), "34".into())),
            "{got:?}"
        );
        // no code column: the glued figure is not read at all
        let got = metrics_of(&form.replace("代码单位指标", "单位指标"));
        assert!(!got.iter().any(|(k, _)| k == "staff_total"), "{got:?}");
    }
}
