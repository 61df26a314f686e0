//! Facts about the whole report that decide whose its figures are, read
//! once per report: an official form's row codes. (Which time they are —
//! a title of one month or of part of the year — is the report's identity:
//! `identity::period`.)

use crate::tables::metrics::{FORM_CODE_HEADER, FORM_ROW_CODES};

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
