//! The page and the index, on hand-built records.

use std::collections::BTreeMap;

use super::page::locate;
use super::*;
use crate::contract::report::ChronicleEntry;
use crate::contract::report::{PlanItem, SectionInfo, Warning};

use crate::contract::report::test_support::{d, mention};

const LINE_34: &str = "2020 年馆藏量 180383 册，其中新增藏量 12797 册，网站访问量 126841 人次。";
const LINE_47: &str = "1\t文献馆藏量\t180383\t册\t";

/// Four mentions on two lines (two keys twice), one metric per key, a
/// chronicle with a range, a plan, a warning, and a hostile line.
fn sample() -> (LibraryReport, Vec<SourceLine<'static>>) {
    let mut collection_new = mention(
        MetricKey::CollectionNew,
        "12797",
        "新增藏量 12797 册",
        34,
        Origin::Prose,
    );
    collection_new.approx = Some(Approx::MoreThan);
    let mentions = vec![
        mention(
            MetricKey::CollectionTotal,
            "180383",
            "馆藏量 180383 册",
            34,
            Origin::Prose,
        ),
        collection_new,
        mention(
            MetricKey::WebsiteVisits,
            "126841",
            "网站访问量 126841 人次",
            34,
            Origin::Prose,
        ),
        mention(
            MetricKey::CollectionTotal,
            "180383",
            "180383",
            47,
            Origin::Table,
        ),
    ];
    let mut metrics = BTreeMap::new();
    metrics.insert(MetricKey::CollectionTotal, mentions[3].clone());
    metrics.insert(MetricKey::CollectionNew, mentions[1].clone());
    metrics.insert(MetricKey::WebsiteVisits, mentions[2].clone());
    let report = LibraryReport {
        file: "fixtures/wulong-2020.txt".into(),
        encoding: "UTF-8".into(),
        format: crate::read::Format::Text,
        library: Some("重庆市武隆区图书馆".into()),
        library_simplified: Some("重庆市武隆区图书馆".into()),
        year: Some(2020),
        year_source: Some(crate::contract::report::Evidence::Title),
        library_source: Some(crate::contract::report::Evidence::Front),
        province: Some("重庆市".into()),
        prefecture: None,
        county: Some("武隆区".into()),
        division_code: Some("500156".into()),
        sections: vec![SectionInfo {
            kind: SectionKind::Summary,
            title: "武隆区图书馆 2020 年度工作总结".into(),
            start_line: 14,
            end_line: 42,
        }],
        metrics,
        mentions,
        statistics: Vec::new(),
        chronicle: vec![ChronicleEntry {
            date: Some(PartialDate {
                year: 2020,
                month: 1,
                day: Some(14),
            }),
            end: Some(PartialDate {
                year: 2020,
                month: 1,
                day: Some(15),
            }),
            text: "武隆区图书馆参加了“梦想驿站”活动。".into(),
            line: 69,
        }],
        plan: vec![PlanItem {
            text: "积极做好第七次公共图书馆评估定级工作".into(),
            line: 193,
        }],
        warnings: vec![Warning::UnclassifiedSection {
            title: "附<b>录".into(),
            line: 90,
        }],
    };
    let lines = vec![
        SourceLine {
            no: 14,
            text: "武隆区图书馆 2020 年度工作总结",
        },
        SourceLine {
            no: 20,
            text: "<script>alert(1)</script> & “引号”",
        },
        SourceLine {
            no: 34,
            text: LINE_34,
        },
        SourceLine {
            no: 47,
            text: LINE_47,
        },
        SourceLine {
            no: 69,
            text: "14 日至 15 日，武隆区图书馆参加了“梦想驿站”活动。",
        },
    ];
    (report, lines)
}

fn ids(html: &str, prefix: &str) -> Vec<String> {
    html.match_indices(prefix)
        .map(|(at, _)| {
            let rest = &html[at + prefix.len()..];
            rest[..rest.find('"').expect("closing quote")].to_string()
        })
        .collect()
}

#[test]
fn escapes_markup_and_quotes() {
    assert_eq!(
        escape(r#"<script>alert("x")</script> & 'y'"#),
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
    );
    assert_eq!(escape("馆藏量 180383 册"), "馆藏量 180383 册");
    assert_eq!(escape(""), "");
    assert_eq!(escape("&amp;"), "&amp;amp;");
    assert_eq!(escape("尾<"), "尾&lt;");
}

#[test]
fn one_mark_per_mention_and_metric_links_resolve() {
    let (report, lines) = sample();
    let html = render_report(&report, &lines);
    assert_eq!(
        html.matches("<mark class=\"fig\"").count(),
        report.mentions.len()
    );
    let marks = ids(&html, "<mark class=\"fig\" id=\"");
    assert_eq!(marks, ["m0", "m1", "m2", "m3"]);
    let links = ids(&html, "href=\"#m");
    assert!(links.len() >= report.metrics.len(), "{links:?}");
    for link in links {
        assert!(
            html.contains(&format!("id=\"m{link}\"")),
            "dangling #m{link}"
        );
    }
    for key in report.metrics.keys() {
        assert!(html.contains(&format!("<tr id=\"metric-{}\"", key.as_str())));
        assert!(html.contains(&format!("href=\"#metric-{}\"", key.as_str())));
    }
    // The collection_total row links to the table mention it was resolved from.
    assert!(html.contains("<a href=\"#m3\">“180383”</a>"));
    assert!(html.contains("data-resolved"));
    assert!(html.contains("data-origin=\"table\""));
}

#[test]
fn loads_nothing_from_outside() {
    let (report, lines) = sample();
    for html in [
        render_report(&report, &lines),
        render_index(&[IndexEntry::Report {
            report: &report,
            href: "wulong-2020.html".into(),
        }]),
    ] {
        assert!(!html.contains("http://"));
        assert!(!html.contains("https://"));
        assert!(!html.contains(" src="));
        assert!(!html.contains("@import"));
        assert!(!html.contains("url("));
        assert_eq!(html.matches("<script").count(), 1);
        // The CSP allows that one script by the hash of its text, and no
        // inline script besides.
        let body = html
            .split_once("<script>")
            .and_then(|(_, rest)| rest.split_once("</script>"))
            .map(|(body, _)| body)
            .expect("script");
        use sha2::Digest;
        let hash = format!(
            "'sha256-{}'",
            base64(&sha2::Sha256::digest(body.as_bytes()))
        );
        let csp = html
            .split_once("Content-Security-Policy\" content=\"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(csp, _)| csp)
            .expect("csp");
        assert!(csp.contains(&format!("script-src {hash};")), "{csp}");
        assert!(!csp.contains("script-src 'unsafe-inline'"), "{csp}");
    }
}

#[test]
fn base64_is_the_standard_alphabet_with_padding() {
    for (raw, encoded) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64(raw.as_bytes()), encoded);
    }
}

#[test]
fn report_text_is_escaped() {
    let (report, lines) = sample();
    let html = render_report(&report, &lines);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号”"));
    assert!(!html.contains("<script>alert(1)"));
    assert_eq!(html.matches("<script").count(), 1);
    // The warning text appears, escaped: the Chinese message linked to
    // its line, the English under it.
    assert!(html.contains(
        "<li class=\"w\" data-kind=\"unclassified_section\">第 90 行：章节“附&lt;b&gt;录”不属于已知的任何类别"
    ));
    assert!(html.contains("line 90: section &quot;附&lt;b&gt;录&quot; is of no known kind"));
    assert!(html.contains("id=\"warnings\" class=\"box warn\""));
}

#[test]
fn shows_chronicle_by_month_and_plan() {
    let (report, lines) = sample();
    let html = render_report(&report, &lines);
    assert!(html.contains("2020年1月"));
    assert!(html.contains("<span class=\"en\">2020-01</span>"));
    assert!(html.contains("datetime=\"2020-01-14/2020-01-15\">1月14日—15日</time>"));
    assert!(html.contains("积极做好第七次公共图书馆评估定级工作"));
    assert!(html.contains("href=\"#L193\"") || html.contains("第 193 行"));
    assert!(html.contains("<div class=\"ln\" id=\"L34\"><a class=\"no\" href=\"#L34\">34</a>"));
    assert!(html.contains("工作总结<span class=\"en\">summary</span>"));
}

#[test]
fn mentions_on_one_line_take_their_own_occurrence() {
    let line = [SourceLine {
        no: 1,
        text: "借阅 12 册，还书 12 册，12",
    }];
    let ms = [
        mention(MetricKey::Loans, "12", "12 册", 1, Origin::Prose),
        mention(MetricKey::Loans, "12", "12 册", 1, Origin::Prose),
        mention(MetricKey::Events, "12", "12", 1, Origin::Prose),
        mention(MetricKey::Events, "12", "12", 1, Origin::Prose),
    ];
    let spans = locate(&ms, &line);
    let starts: Vec<_> = spans.iter().map(|s| s.map(|s| s.start)).collect();
    let text = line[0].text;
    let last = text.rfind("12").expect("literal");
    // The fourth has nowhere left: "12" inside "12 册" is taken twice over.
    assert_eq!(
        starts,
        [
            Some(text.find("12 册").expect("literal")),
            Some(text.rfind("12 册").expect("literal")),
            Some(last),
            None
        ]
    );
}

#[test]
fn missing_phrases_are_listed_not_dropped() {
    let (mut report, lines) = sample();
    report.mentions.push(mention(
        MetricKey::Events,
        "103",
        "活动 103 场",
        34,
        Origin::Prose,
    ));
    report.mentions.push(mention(
        MetricKey::Loans,
        "234991",
        "外借 234991 册次",
        999,
        Origin::Prose,
    ));
    report
        .mentions
        .push(mention(MetricKey::Visits, "1", "", 34, Origin::Prose));
    let html = render_report(&report, &lines);
    assert_eq!(html.matches("<mark class=\"fig\"").count(), 4);
    assert!(html.contains("figures not located in the text"));
    for i in 4..7 {
        assert!(html.contains(&format!("<li id=\"m{i}\" class=\"nl\">")));
    }
    assert!(html.contains("数字 7<span class=\"en\">figures</span>"));
    assert!(html.contains("<span class=\"lnref\">第 999 行</span>"));
}

#[test]
fn ranges_read_as_chinese_dates() {
    let date = |month, day| PartialDate {
        year: 2020,
        month,
        day,
    };
    assert_eq!(date_range_zh(date(1, Some(16)), None), "1月16日");
    assert_eq!(
        date_range_zh(date(1, Some(14)), Some(date(1, Some(15)))),
        "1月14日—15日"
    );
    assert_eq!(
        date_range_zh(date(7, Some(20)), Some(date(8, Some(14)))),
        "7月20日—8月14日"
    );
    assert_eq!(date_range_zh(date(5, None), Some(date(6, None))), "5月—6月");
    let next = PartialDate {
        year: 2021,
        month: 1,
        day: Some(2),
    };
    assert_eq!(
        date_range_zh(date(12, Some(30)), Some(next)),
        "12月30日—2021年1月2日"
    );
}

#[test]
fn numbers_group_and_money_reads_in_wan() {
    assert_eq!(group_digits(d("180383")), "180,383");
    assert_eq!(group_digits(d("-1234567.891")), "-1,234,567.891");
    assert_eq!(group_digits(d("999")), "999");
    assert_eq!(group_digits(d("0.1396")), "0.1396");
    assert_eq!(
        wan_yuan(d("1685200"), Unit::Yuan).as_deref(),
        Some("168.52 万元")
    );
    assert_eq!(wan_yuan(d("9999"), Unit::Yuan), None);
    assert_eq!(wan_yuan(d("1685200"), Unit::Volume), None);
    assert_eq!(value_with_unit(d("98.5"), Unit::Percent), "98.5%");
}

#[test]
fn no_figures_claims_no_figure_located() {
    let empty = LibraryReport {
        file: "a.txt".into(),
        library: Some("安居区图书馆".into()),
        ..LibraryReport::default()
    };
    let html = render_report(&empty, &[]);
    assert!(html.contains("✓ 没有提示 <span class=\"en\">no warnings</span>"));
    assert!(!html.contains("every figure is located"));
    assert!(!html.contains("class=\"back\""));
    let html = render_report_in_site(&empty, &[], Some("index.html"));
    assert!(html.contains("<a class=\"back\" href=\"index.html\">← 汇总"));
}

#[test]
fn index_lists_each_report_with_its_link() {
    let (report, _) = sample();
    let other = LibraryReport {
        file: "x.txt".into(),
        ..LibraryReport::default()
    };
    let html = render_index(&[
        IndexEntry::Report {
            report: &report,
            href: "wulong-2020.html".into(),
        },
        IndexEntry::Report {
            report: &other,
            href: "x\".html".into(),
        },
        IndexEntry::Failed {
            file: "<bad>.txt",
            error: "not a library report: the text never names a library (图书馆)",
        },
    ]);
    assert!(html.contains("<a href=\"wulong-2020.html\">重庆市武隆区图书馆</a>"));
    assert!(html.contains("<span class=\"file\">&lt;bad&gt;.txt</span>"));
    assert!(html.contains("never names a library (图书馆)</td>"));
    assert!(html.contains(">报告 2<"), "two reports");
    assert!(html.contains(">失败 1<"), "one failure, counted apart");
    assert!(html.contains("<a href=\"x&quot;.html\">（未识别馆名）x.txt</a>"));
    // Each figure links to its highlight on the report's page.
    let kept = |key| report.kept_mention(key).expect("kept");
    assert!(html.contains(&format!(
        "<a href=\"wulong-2020.html#m{}\">180,383</a></td>",
        kept(MetricKey::CollectionTotal)
    )));
    assert!(html.contains(&format!(
        "<a href=\"wulong-2020.html#m{}\">12,797余</a></td>",
        kept(MetricKey::CollectionNew)
    )));
    // The warnings count comes right after the year, linked to the list.
    assert!(html.contains("<a href=\"wulong-2020.html#warnings\">1</a></td>"));
    // A page carries its row: the index can be drawn again from the page.
    let page = render_report(&report, &[]);
    let row = IndexRow::from_page(&page, "wulong-2020.html".into()).expect("a row");
    assert_eq!(
        row,
        IndexRow::from_report(&report, "wulong-2020.html".into())
    );
    assert_eq!(IndexRow::from_page("<html></html>", "x.html".into()), None);
    assert!(html.contains("collection_total"));
    assert!(html.contains("budget_yuan"));
    // website_visits is not a main column but is in the all-metrics table.
    assert!(html.contains("website_visits"));
}

#[test]
fn warnings_show_chinese_linked_to_their_line() {
    let (mut report, lines) = sample();
    report.warnings.push(Warning::UnreadableDate {
        text: "某月某日".into(),
        line: 34,
    });
    let html = render_report(&report, &lines);
    assert!(html.contains(
        "<li class=\"w\" data-kind=\"unreadable_date\"><a href=\"#L34\">第 34 行：无法读出“某月某日”中的日期</a>"
    ));
    // Line 90 is not on the page: the message stands without a link.
    assert!(!html.contains("href=\"#L90\""));
}

#[test]
fn tables_become_labelled_cards_on_a_phone() {
    // Below 600 px the stylesheet stacks `table.cards` rows as cards and
    // names each cell by its `data-label`.
    let media = STYLE
        .split("@media (max-width:600px){")
        .nth(1)
        .expect("a phone-width media query");
    assert!(media.contains(
        "table.cards,table.cards tbody,table.cards tr,table.cards th,table.cards td{display:block"
    ));
    assert!(media.contains("content:attr(data-label)"));
    for family in [
        "PingFang SC",
        "Microsoft YaHei",
        "Noto Sans CJK SC",
        "Source Han Sans",
    ] {
        assert!(
            STYLE.contains(&format!("\"{family}")),
            "font stack names {family}"
        );
    }
    let (report, lines) = sample();
    let page = render_report(&report, &lines);
    assert!(page.contains("<table class=\"metrics cards\">"));
    let index = render_index(&[IndexEntry::Report {
        report: &report,
        href: "a.html".into(),
    }]);
    assert!(index.contains("<table class=\"index cards\" id=\"key-figures\">"));
    // every figure cell of the index is labelled for its card
    let cells: Vec<&str> = index
        .split("<td class=\"num")
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or(""))
        .collect();
    assert!(cells.len() > 2);
    for cell in cells {
        assert!(cell.contains("data-label=\""), "{cell}");
    }
}

#[test]
fn the_page_shows_what_decided_the_year_and_the_library() {
    let (report, lines) = sample();
    let html = render_report(&report, &lines);
    assert!(html.contains("年度依据：标题"), "year source shown");
    assert!(html.contains("馆名依据：题头"), "library source shown");
    let mut unsourced = report.clone();
    unsourced.year_source = None;
    let html = render_report(&unsourced, &lines);
    assert!(!html.contains("年度依据"));
}

#[test]
fn the_page_shows_the_library_s_division() {
    let (report, lines) = sample();
    let html = render_report(&report, &lines);
    assert!(
        html.contains(">重庆市 武隆区 · 区划代码 500156</span>"),
        "region shown"
    );
    let mut unplaced = report.clone();
    unplaced.province = None;
    unplaced.county = None;
    unplaced.division_code = None;
    let html = render_report(&unplaced, &lines);
    assert!(!html.contains("区划代码"));
}
