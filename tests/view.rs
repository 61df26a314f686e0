//! Integration tests: the audit page in a real browser (Debian's chromium).
//!
//! Pages are rendered through the library API (hand-built reports, for the
//! cases the extractors do not produce yet) and by the real binary
//! (`libreport view`, checked against `libreport extract` of the same
//! file), then loaded by headless chromium with `--dump-dom`, so the checks
//! run on the DOM a browser actually built (after our script ran), not on
//! our string.
//!
//! The tests that need chromium (and, for the screenshot, CJK fonts) are
//! `#[ignore]`d, so a plain `cargo test` lists them as ignored instead of
//! passing them silently; `.ci/run` installs chromium and fonts-noto-cjk
//! and runs them with `--include-ignored`, where a missing browser fails.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use regex_lite::Regex;

use libreport::contract::decimal::Decimal;
use libreport::contract::metric_key::MetricKey;
use libreport::contract::report::{
    Approx, ChronicleEntry, LibraryReport, Mention, Origin, PartialDate, PlanItem, SectionInfo,
    SectionKind, Warning,
};
use libreport::view::{IndexEntry, SourceLine, render_index, render_report};

/// How long chromium may take before it is killed.
const CHROMIUM_TIMEOUT: Duration = Duration::from_secs(60);

/// The chromium binary on `PATH`, if any.
fn find_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// Fails the test, naming what to install, when chromium is missing.
fn require_chromium(test: &str) {
    assert!(
        find_chromium().is_some(),
        "{test} needs chromium: apt-get install -y chromium (.ci/run installs it)"
    );
}

/// `file://` URL of an existing file, with the few characters a URL cannot
/// hold as written percent-encoded.
fn file_url(path: &Path) -> String {
    let path = path
        .canonicalize()
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let mut url = String::from("file://");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => url.push_str("%25"),
            ' ' => url.push_str("%20"),
            '#' => url.push_str("%23"),
            '?' => url.push_str("%3F"),
            c => url.push(c),
        }
    }
    url
}

/// Runs headless chromium on `page` with `args` and returns its stdout.
///
/// Fresh profile, no network chatter, killed after [`CHROMIUM_TIMEOUT`].
///
/// # Panics
/// When chromium is missing, fails, or times out; the message has its stderr.
fn run_chromium(page: &Path, args: &[&str]) -> String {
    run_chromium_at(page, "", args)
}

/// [`run_chromium`] on the page's URL with `query` (`?q=…`) after it.
fn run_chromium_at(page: &Path, query: &str, args: &[&str]) -> String {
    let chromium = find_chromium().expect("chromium is not installed");
    let scratch = tempfile::tempdir().expect("temp dir");
    let profile = scratch.path().join("profile");
    let stdout_path = scratch.path().join("stdout");
    let stderr_path = scratch.path().join("stderr");
    // Files, not pipes: a DOM larger than the pipe buffer would block
    // chromium while we wait for it to exit.
    let mut child = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("{}{query}", file_url(page)))
        .stdin(Stdio::null())
        .stdout(File::create(&stdout_path).expect("stdout file"))
        .stderr(File::create(&stderr_path).expect("stderr file"))
        .spawn()
        .unwrap_or_else(|err| panic!("{}: {err}", chromium.display()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if started.elapsed() > CHROMIUM_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "chromium did not finish within {CHROMIUM_TIMEOUT:?} on {}; stderr:\n{}",
                page.display(),
                fs::read_to_string(&stderr_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(
        status.success(),
        "chromium failed ({status}) on {}; stderr:\n{}",
        page.display(),
        fs::read_to_string(&stderr_path).unwrap_or_default()
    );
    fs::read_to_string(&stdout_path).expect("chromium stdout is UTF-8")
}

/// The DOM headless chromium builds from the HTML file at `path`, after
/// scripts ran, serialized as HTML.
///
/// # Panics
/// When chromium is missing, fails, or takes longer than a minute.
pub fn dump_dom(path: &Path) -> String {
    run_chromium(path, &["--dump-dom"])
}

/// Saves a screenshot of the page, for looking at while developing.
fn screenshot(page: &Path, png: &Path, width: u32, height: u32) {
    run_chromium(
        page,
        &[
            &format!("--screenshot={}", png.display()),
            &format!("--window-size={width},{height}"),
            "--hide-scrollbars",
        ],
    );
}

static MARK_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<mark class="fig" id="(m\d+)""#).expect("static regex"));
static MARK_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r##"href="#(m\d+)""##).expect("static regex"));
static METRIC_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r##"href="#(metric-[a-z0-9_]+)""##).expect("static regex"));
static ANY_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\sid="([^"]+)""#).expect("static regex"));

/// Checks a dumped report page: `mentions` marks, and every in-page link
/// (`#mN`, `#metric-key`) lands on an element that exists.
fn check_report_dom(dom: &str, mentions: usize) {
    let marks: Vec<&str> = MARK_ID
        .captures_iter(dom)
        .map(|c| c.get(1).map_or("", |m| m.as_str()))
        .collect();
    assert_eq!(
        marks.len(),
        mentions,
        "one <mark class=\"fig\"> per mention"
    );
    let ids: std::collections::HashSet<&str> = ANY_ID
        .captures_iter(dom)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .collect();
    let mark_links: Vec<&str> = MARK_LINK
        .captures_iter(dom)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .collect();
    assert!(
        !mark_links.is_empty(),
        "the metric table links to its figures"
    );
    for target in mark_links.iter().chain(
        METRIC_LINK
            .captures_iter(dom)
            .filter_map(|c| c.get(1).map(|m| m.as_str()))
            .collect::<Vec<_>>()
            .iter(),
    ) {
        assert!(ids.contains(target), "link to #{target} has no target");
    }
}

fn d(s: &str) -> Decimal {
    s.parse().expect("test literal")
}

fn mention(key: MetricKey, value: &str, text: &str, line: u32, origin: Origin) -> Mention {
    Mention {
        key,
        value: d(value),
        unit: key.base_unit(),
        approx: None,
        text: text.into(),
        line,
        section: match origin {
            Origin::Table => SectionKind::Statistics,
            Origin::Prose => SectionKind::Summary,
        },
        origin,
    }
}

fn day(month: u8, day: u8) -> PartialDate {
    PartialDate {
        year: 2020,
        month,
        day: Some(day),
    }
}

/// A small report over real lines of fixtures/wulong-2020.txt, with a
/// hostile line and a figure that cannot be found.
fn sample() -> (LibraryReport, Vec<SourceLine<'static>>) {
    let mentions = vec![
        mention(
            MetricKey::CollectionTotal,
            "180383",
            "馆藏量 180383 册",
            34,
            Origin::Prose,
        ),
        mention(
            MetricKey::CollectionNew,
            "12797",
            "新增藏量 12797 册",
            34,
            Origin::Prose,
        ),
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
        mention(MetricKey::Events, "56", "不在此行 56 场", 47, Origin::Prose),
    ];
    let mut metrics = BTreeMap::new();
    for i in [3, 1, 2, 4] {
        metrics.insert(mentions[i].key, mentions[i].clone());
    }
    let report = LibraryReport {
        file: "fixtures/wulong-2020.txt".into(),
        encoding: "UTF-8".into(),
        format: libreport::read::Format::Text,
        library: Some("重庆市武隆区图书馆".into()),
        library_simplified: Some("重庆市武隆区图书馆".into()),
        year: Some(2020),
        year_source: None,
        library_source: None,
        province: Some("重庆市".into()),
        prefecture: None,
        county: Some("武隆区".into()),
        division_code: Some("500156".into()),
        sections: Vec::new(),
        metrics,
        mentions,
        statistics: Vec::new(),
        chronicle: vec![ChronicleEntry {
            date: Some(day(1, 14)),
            end: Some(day(1, 15)),
            text: "武隆区图书馆参加了“梦想驿站”活动。".into(),
            line: 69,
        }],
        plan: vec![PlanItem {
            text: "积极做好第七次公共图书馆评估定级工作，争创国家级一级馆。".into(),
            line: 193,
        }],
        warnings: vec![Warning::NoYear {
            candidates: vec![2020],
        }],
    };
    let lines = vec![
        SourceLine {
            no: 20,
            text: "<script>alert(1)</script><img src=x onerror=alert(2)>",
        },
        SourceLine {
            no: 34,
            text: "2020 年馆藏量 180383 册，其中新增藏量 12797 册，网站访问量 126841 人次。",
        },
        SourceLine {
            no: 47,
            text: "1\t文献馆藏量\t180383\t册\t",
        },
    ];
    (report, lines)
}

#[test]
#[ignore = "needs chromium; .ci/run installs it and runs this"]
fn report_page_in_chromium() {
    require_chromium("report_page_in_chromium");
    let (report, lines) = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("report.html");
    fs::write(&page, render_report(&report, &lines)).expect("write page");

    let dom = dump_dom(&page);
    // The mention not found on its line is listed, not highlighted.
    check_report_dom(&dom, report.mentions.len() - 1);
    assert!(dom.contains(r#"<li id="m4" class="nl">"#));
    // Our script ran (it marks the root), and it is the only script.
    assert!(
        dom.contains(r#"<html lang="zh-CN" class="js">"#),
        "script did not run"
    );
    assert_eq!(dom.matches("<script").count(), 1);
    assert!(!dom.contains("<img"));
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x"));
    assert!(
        dom.contains(
            "no report year in the title, headings or first sentences; the text names 2020"
        )
    );
}

#[test]
#[ignore = "needs chromium; .ci/run installs it and runs this"]
fn index_page_in_chromium() {
    require_chromium("index_page_in_chromium");
    let (report, _) = sample();
    let unnamed = LibraryReport {
        file: "<b>unnamed</b>.txt".into(),
        ..LibraryReport::default()
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("index.html");
    let html = render_index(&[
        IndexEntry::Report {
            report: &report,
            href: "wulong-2020.html".into(),
        },
        IndexEntry::Report {
            report: &unnamed,
            href: "unnamed.html".into(),
        },
    ]);
    fs::write(&page, html).expect("write page");

    let dom = dump_dom(&page);
    assert!(dom.contains(r#"<a href="wulong-2020.html">重庆市武隆区图书馆</a>"#));
    assert!(
        dom.contains(r#"<a href="unnamed.html">（未识别馆名）&lt;b&gt;unnamed&lt;/b&gt;.txt</a>"#)
    );
    assert!(!dom.contains("<b>"));
    assert!(dom.contains(">180,383</a></td>"));
    // The sorting script ran: it makes each sortable heading focusable.
    assert!(
        dom.contains(r#"<th class="sort" data-key="library" tabindex="0">"#),
        "{dom}"
    );
    assert!(dom.contains(r#"<input type="search" id="filter""#));
}

// ---------------------------------------------------------------------------
// A realistic preview: fixtures/wulong-2020.txt with hand-placed figures.
// Run with `cargo test --test tests view::preview -- --ignored --nocapture`;
// it writes HTML and screenshots to $LIBREPORT_VIEW_OUT (default: a temp dir).

static CHRONICLE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(\d+) 月 )?(\d+)(?: 日)?\s*(?:至|-)\s*(?:(\d+) 月 )?(\d+) 日|^(\d+) 日")
        .expect("static regex")
});

const MONTHS: [&str; 12] = [
    "一月",
    "二月",
    "三月",
    "四月",
    "五月",
    "六月",
    "七月",
    "八月",
    "九月",
    "十月",
    "十一月",
    "十二月",
];

/// Builds a report for wulong-2020 as the extractor is meant to.
fn wulong(text: &str) -> (LibraryReport, Vec<SourceLine<'_>>) {
    let lines: Vec<SourceLine<'_>> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, text)| SourceLine {
            no: u32::try_from(i + 1).expect("short fixture"),
            text,
        })
        .collect();
    use MetricKey::*;
    use Origin::{Prose, Table};
    #[rustfmt::skip]
    let figures: &[(MetricKey, &str, &str, u32, Origin)] = &[
        (RegisteredReaders, "12334", "有效读者卡 12334 个", 20, Prose),
        (Visits, "241122", "流通人次 241122 人次", 20, Prose),
        (Loans, "234991", "流通书刊 234991 册次", 20, Prose),
        (Events, "103", "活动 103 场", 20, Prose),
        (Awards, "11", "奖项 11 项", 20, Prose),
        (Branches, "27", "27 个分(直属)馆", 22, Prose),
        (MediaReports, "21", "报道 21 条", 26, Prose),
        (WechatFollowers, "6397", "微信公众号粉丝 6397 人", 28, Prose),
        (WechatPosts, "132", "发布信息 132 条", 28, Prose),
        (WechatViews, "15579", "总浏览量 15579 人次", 28, Prose),
        (WeiboFollowers, "15528", "微博粉丝 15528 人", 28, Prose),
        (WeiboPosts, "71", "发布信息 71 条", 28, Prose),
        (WeiboViews, "164944", "总阅读量 164944 人次", 28, Prose),
        (Awards, "12", "奖项共计 12 项", 30, Prose),
        (CollectionTotal, "180383", "馆藏量 180383 册", 34, Prose),
        (CollectionNew, "12797", "新增藏量 12797 册", 34, Prose),
        (WebsiteVisits, "126841", "网站访问量 126841 人次", 34, Prose),
        (CollectionTotal, "180383", "180383", 47, Table),
        (CollectionNew, "12797", "12797", 48, Table),
        (Loans, "234991", "234991", 49, Table),
        (Visits, "241122", "241122", 50, Table),
        (RegisteredReaders, "12334", "12334", 51, Table),
        (Events, "56", "56", 52, Table),
        (Exhibitions, "14", "14", 53, Table),
        (Lectures, "21", "21", 54, Table),
        (Trainings, "12", "12", 55, Table),
        (MediaReports, "21", "21", 56, Table),
        (WebsiteVisits, "126841", "126841", 57, Table),
        (WechatPosts, "132", "132", 58, Table),
        (WechatFollowers, "6397", "6397", 59, Table),
        (WechatViews, "15579", "15579", 60, Table),
        (WeiboPosts, "71", "71", 61, Table),
        (WeiboFollowers, "15528", "15528", 62, Table),
        (WeiboViews, "164944", "164944", 63, Table),
        (CollectionNew, "5000", "5000 余册新书", 89, Prose),
        (Volunteers, "15", "15 名志愿者", 117, Prose),
    ];
    let mut mentions: Vec<Mention> = figures
        .iter()
        .map(|&(key, value, text, line, origin)| {
            let mut m = mention(key, value, text, line, origin);
            if line > 64 {
                m.section = SectionKind::Chronicle;
            }
            m
        })
        .collect();
    mentions[34].approx = Some(Approx::MoreThan);
    // Table beats prose; otherwise the last prose figure is kept.
    let mut metrics = BTreeMap::new();
    for m in &mentions {
        let keep = match metrics.get(&m.key) {
            None => true,
            Some(kept) => {
                let kept: &Mention = kept;
                kept.origin == Prose && (m.origin == Table || m.section == SectionKind::Summary)
            }
        };
        if keep {
            metrics.insert(m.key, m.clone());
        }
    }
    let sections = [
        (SectionKind::Summary, 14, 43),
        (SectionKind::Statistics, 44, 63),
        (SectionKind::Chronicle, 65, 187),
        (SectionKind::Plan, 189, 205),
    ]
    .iter()
    .map(|&(kind, start, end)| SectionInfo {
        kind,
        title: lines
            .iter()
            .find(|l| l.no == start)
            .map_or("", |l| l.text)
            .into(),
        start_line: start,
        end_line: end,
    })
    .collect();

    let mut chronicle = Vec::new();
    let mut month = 0u8;
    for line in lines.iter().filter(|l| (66..=187).contains(&l.no)) {
        if let Some(i) = MONTHS.iter().position(|m| *m == line.text) {
            month = u8::try_from(i + 1).expect("twelve months");
            continue;
        }
        let num =
            |c: &regex_lite::Captures<'_>, i| c.get(i).and_then(|m| m.as_str().parse::<u8>().ok());
        let (date, end, rest) = match CHRONICLE_DATE.captures(line.text) {
            Some(c) if c.get(5).is_some() => (
                Some(day(month, num(&c, 5).unwrap_or(1))),
                None,
                &line.text[c.get(0).map_or(0, |m| m.end())..],
            ),
            Some(c) => (
                Some(day(num(&c, 1).unwrap_or(month), num(&c, 2).unwrap_or(1))),
                Some(day(
                    num(&c, 3).unwrap_or(num(&c, 1).unwrap_or(month)),
                    num(&c, 4).unwrap_or(1),
                )),
                &line.text[c.get(0).map_or(0, |m| m.end())..],
            ),
            None => (
                Some(PartialDate {
                    year: 2020,
                    month,
                    day: None,
                }),
                None,
                line.text,
            ),
        };
        chronicle.push(ChronicleEntry {
            date,
            end,
            text: rest
                .trim_start_matches(['，', ' ', '下', '午', '起'])
                .into(),
            line: line.no,
        });
    }
    let plan = lines
        .iter()
        .filter(|l| l.no > 189)
        .map(|l| PlanItem {
            text: l
                .text
                .split_once('、')
                .map_or(l.text, |(_, rest)| rest)
                .into(),
            line: l.no,
        })
        .collect();
    let warnings = vec![
        Warning::ConflictingValues {
            key: Events,
            kept: (d("56"), 52),
            other: (d("103"), 20),
        },
        Warning::ConflictingValues {
            key: Awards,
            kept: (d("12"), 30),
            other: (d("11"), 20),
        },
        Warning::DoubtfulFigure {
            key: Events,
            text: "2018 年的免费开放绩效评价".into(),
            line: 141,
            reason: libreport::contract::report::DoubtReason::OtherYear,
        },
    ];
    let report = LibraryReport {
        file: "fixtures/wulong-2020.txt".into(),
        encoding: "UTF-8".into(),
        format: libreport::read::Format::Text,
        library: Some("重庆市武隆区图书馆".into()),
        library_simplified: Some("重庆市武隆区图书馆".into()),
        year: Some(2020),
        year_source: None,
        library_source: None,
        province: Some("重庆市".into()),
        prefecture: None,
        county: Some("武隆区".into()),
        division_code: Some("500156".into()),
        sections,
        metrics,
        mentions,
        statistics: Vec::new(),
        chronicle,
        plan,
        warnings,
    };
    (report, lines)
}

#[test]
fn wulong_preview_is_consistent() {
    let text = fs::read_to_string("fixtures/wulong-2020.txt").expect("fixture");
    let (report, lines) = wulong(&text);
    let html = render_report(&report, &lines);
    assert_eq!(
        html.matches("<mark class=\"fig\"").count(),
        report.mentions.len(),
        "every hand-placed figure is found on its line"
    );
}

#[test]
#[ignore = "writes a preview and screenshots to look at; not a check"]
fn preview() {
    let text = fs::read_to_string("fixtures/wulong-2020.txt").expect("fixture");
    let (report, lines) = wulong(&text);
    let out = std::env::var_os("LIBREPORT_VIEW_OUT").map_or_else(
        || std::env::temp_dir().join("libreport-view"),
        PathBuf::from,
    );
    fs::create_dir_all(&out).expect("output dir");
    let page = out.join("wulong-2020.html");
    fs::write(&page, render_report(&report, &lines)).expect("write page");
    let (small, small_lines) = sample();
    let index = out.join("index.html");
    fs::write(
        &index,
        render_index(&[
            IndexEntry::Report {
                report: &report,
                href: "wulong-2020.html".into(),
            },
            IndexEntry::Report {
                report: &small,
                href: "sample.html".into(),
            },
        ]),
    )
    .expect("write index");
    fs::write(out.join("sample.html"), render_report(&small, &small_lines)).expect("write");
    println!("preview: {}", page.display());
    require_chromium("preview");
    check_report_dom(&dump_dom(&page), report.mentions.len());
    screenshot(&page, &out.join("wulong-2020.png"), 1280, 2000);
    screenshot(&page, &out.join("wulong-2020-390.png"), 390, 2000);
    screenshot(&index, &out.join("index.png"), 1280, 900);
    screenshot(&index, &out.join("index-390.png"), 390, 1400);
    println!("screenshots: {}", out.display());
}

/// A report page whose Chinese is `words` (seven characters) throughout:
/// the library's name, a heading and a line of text.
fn page_in_words(words: &str) -> String {
    let report = LibraryReport {
        file: "glyphs.txt".into(),
        library: Some(format!("{words}图书馆")),
        library_simplified: Some(format!("{words}图书馆")),
        year: Some(2020),
        year_source: None,
        library_source: None,
        province: Some("重庆市".into()),
        prefecture: None,
        county: Some("武隆区".into()),
        division_code: Some("500156".into()),
        ..LibraryReport::default()
    };
    let line = words.repeat(6);
    let lines = [SourceLine { no: 1, text: &line }];
    render_report(&report, &lines)
}

#[test]
#[ignore = "needs chromium and CJK fonts (fonts-noto-cjk); .ci/run installs them and runs this"]
fn cjk_glyphs_render_at_desktop_and_phone_widths() {
    require_chromium("cjk_glyphs_render_at_desktop_and_phone_widths");
    // Two pages that differ only in which Chinese characters they show.
    // Drawn with real glyphs, their screenshots differ; drawn as boxes
    // (tofu, no CJK font), every character is the same box and the two
    // screenshots are the same pixels.
    let dir = tempfile::tempdir().expect("temp dir");
    let pages = [("a", "读者借阅服务"), ("b", "馆藏文献资源")];
    for (name, words) in pages {
        fs::write(
            dir.path().join(format!("{name}.html")),
            page_in_words(words),
        )
        .expect("write");
    }
    for width in [1280, 390] {
        let shots: Vec<Vec<u8>> = pages
            .iter()
            .map(|(name, _)| {
                let png = dir.path().join(format!("{name}-{width}.png"));
                screenshot(&dir.path().join(format!("{name}.html")), &png, width, 700);
                let bytes = fs::read(&png).expect("screenshot written");
                assert!(bytes.starts_with(b"\x89PNG"), "a PNG");
                bytes
            })
            .collect();
        assert!(
            shots[0] != shots[1],
            "at {width} px the two pages look the same: Chinese renders as boxes \
             (install fonts-noto-cjk)"
        );
    }
}

// ---------------------------------------------------------------------------
// The real binary: `libreport view`.

static METRIC_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<tr id="metric-([a-z0-9_]+)">(.*?)</tr>"#).expect("static regex")
});
static INDEX_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<tr><th scope="row"><a href="([^"]+)">"#).expect("static regex")
});

/// The record `libreport extract --format jsonl` prints for `file`.
fn extracted(file: &str) -> serde_json::Value {
    let output = crate::util::run(&["extract", "--format", "jsonl", file]);
    assert_eq!(
        crate::util::code(&output),
        0,
        "{}",
        crate::util::stderr(&output)
    );
    crate::util::json_lines(&crate::util::stdout(&output)).remove(0)
}

/// Checks a page as the binary wrote it against the record of the same
/// file: one highlight per mention, and every metric row links to one.
fn check_page_against_record(dom: &str, record: &serde_json::Value) {
    let mentions = record["mentions"].as_array().expect("mentions").len();
    let metrics = record["metrics"].as_object().expect("metrics").len();
    let marks: std::collections::HashSet<&str> = MARK_ID
        .captures_iter(dom)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .collect();
    assert_eq!(
        marks.len(),
        mentions,
        "{}: one highlighted figure per mention of the record",
        record["file"]
    );
    assert!(
        !dom.contains(r#"class="nl""#),
        "every figure is located in its line"
    );
    let rows: Vec<_> = METRIC_ROW.captures_iter(dom).collect();
    assert_eq!(rows.len(), metrics, "one metric row per metric");
    for row in rows {
        let key = row.get(1).map_or("", |m| m.as_str());
        let body = row.get(2).map_or("", |m| m.as_str());
        let target = MARK_LINK
            .captures(body)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str());
        assert!(
            target.is_some_and(|t| marks.contains(t)),
            "metric row {key} links to a highlighted figure"
        );
    }
    let ids: std::collections::HashSet<&str> = ANY_ID
        .captures_iter(dom)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .collect();
    for link in MARK_LINK
        .captures_iter(dom)
        .chain(METRIC_LINK.captures_iter(dom))
    {
        let target = link.get(1).map_or("", |m| m.as_str());
        assert!(ids.contains(target), "link to #{target} has no target");
    }
}

#[test]
fn view_command_writes_a_page_that_highlights_every_mention() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("wulong.html");
    let output = crate::util::run(&[
        "view",
        "fixtures/wulong-2020.txt",
        "-o",
        page.to_str().expect("UTF-8"),
    ]);
    assert_eq!(
        crate::util::code(&output),
        0,
        "{}",
        crate::util::stderr(&output)
    );
    assert!(output.stdout.is_empty(), "the page went to the file");
    let leftovers = fs::read_dir(dir.path()).expect("dir").count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
    let html = fs::read_to_string(&page).expect("page written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("class=\"back\""), "a lone page has no index");
    let record = extracted("fixtures/wulong-2020.txt");
    // Without a browser, check the HTML as written.
    check_page_against_record(&html, &record);
}

#[test]
#[ignore = "needs chromium; .ci/run installs it and runs this"]
fn view_command_page_in_chromium() {
    require_chromium("view_command_page_in_chromium");
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("wulong.html");
    let output = crate::util::run(&[
        "view",
        "fixtures/wulong-2020.txt",
        "-o",
        page.to_str().expect("UTF-8"),
    ]);
    assert_eq!(crate::util::code(&output), 0);
    let record = extracted("fixtures/wulong-2020.txt");
    let dom = dump_dom(&page);
    assert!(
        dom.contains(r#"<html lang="zh-CN" class="js">"#),
        "script ran"
    );
    assert!(dom.contains("<h1>重庆市武隆区图书馆</h1>"));
    assert!(
        dom.contains(r#"id="L34""#),
        "the report's lines keep their numbers"
    );
    check_page_against_record(&dom, &record);
}

#[test]
fn view_command_without_output_prints_one_page() {
    let output = crate::util::run(&["view", "fixtures/anju-2020.txt"]);
    assert_eq!(
        crate::util::code(&output),
        0,
        "{}",
        crate::util::stderr(&output)
    );
    let html = crate::util::stdout(&output);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("安居区图书馆"));
    // Several inputs need a directory.
    let output = crate::util::run(&["view", "fixtures"]);
    assert_eq!(crate::util::code(&output), 2);
    assert!(crate::util::stderr(&output).contains("-o DIR"));
}

#[test]
fn view_command_writes_pages_and_an_index_for_a_batch() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let missing = dir.path().join("missing.txt");
    let output = crate::util::run(&[
        "view",
        "fixtures/",
        missing.to_str().expect("UTF-8"),
        "-o",
        site.to_str().expect("UTF-8"),
    ]);
    assert_eq!(crate::util::code(&output), 1, "one input failed");
    let err = crate::util::stderr(&output);
    assert!(
        err.contains(&format!("libreport: {}: no such file", missing.display())),
        "{err}"
    );
    let fixtures = crate::util::fixtures();
    let mut written: Vec<String> = fs::read_dir(&site)
        .expect("site written")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    let mut want: Vec<String> = fixtures
        .iter()
        .map(|f| {
            let stem = f.file_stem().expect("stem").to_string_lossy();
            format!("{stem}.html")
        })
        .chain(["index.html".to_owned()])
        .collect();
    want.sort();
    assert_eq!(
        written, want,
        "one page per report and the index, nothing else"
    );

    // Every page, as written, highlights its record's mentions and links back.
    for fixture in &fixtures {
        let name = fixture.file_name().expect("name").to_string_lossy();
        let stem = fixture.file_stem().expect("stem").to_string_lossy();
        let html = fs::read_to_string(site.join(format!("{stem}.html"))).expect("page");
        check_page_against_record(&html, &extracted(&format!("fixtures/{name}")));
        assert!(html.contains(r#"<a class="back" href="index.html">"#));
    }

    let index = site.join("index.html");
    let html = fs::read_to_string(&index).expect("index");
    let check_index = |dom: &str| {
        let links: Vec<&str> = INDEX_ROW
            .captures_iter(dom)
            .filter_map(|c| c.get(1).map(|m| m.as_str()))
            .collect();
        assert_eq!(links.len(), fixtures.len(), "one row per report: {links:?}");
        for link in &links {
            assert!(site.join(link).is_file(), "{link} is written");
        }
        assert!(
            dom.contains(r#"<tr class="failed">"#),
            "the failed input is listed"
        );
        assert!(dom.contains("missing.txt</span>"));
        assert!(dom.contains("no such file or directory</td>"));
        for name in [
            "重庆市武隆区图书馆",
            "诸城市图书馆",
            "安居区图书馆",
            "河源市源城区图书馆",
        ] {
            assert!(dom.contains(&format!(">{name}</a>")), "{name} is listed");
        }
    };
    check_index(&html);
}

#[test]
#[ignore = "needs chromium; .ci/run installs it and runs this"]
fn view_command_index_in_chromium() {
    require_chromium("view_command_index_in_chromium");
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let missing = dir.path().join("missing.txt");
    let output = crate::util::run(&[
        "view",
        "fixtures/",
        missing.to_str().expect("UTF-8"),
        "-o",
        site.to_str().expect("UTF-8"),
    ]);
    assert_eq!(crate::util::code(&output), 1, "one input failed");
    let dom = dump_dom(&site.join("index.html"));
    let links = INDEX_ROW.captures_iter(&dom).count();
    assert_eq!(links, crate::util::fixtures().len(), "one row per report");
    assert!(dom.contains(">失败 1<"), "the header counts the failure");
    assert!(dom.contains("no such file or directory</td>"));
}

/// The fixtures' index, in a frame 1280 pixels wide (a laptop's
/// window): neither the page nor a table's box scrolls sideways. A page
/// beside it measures the frame once it has loaded (file pages may read
/// each other with --allow-file-access-from-files) and writes the widths
/// into its own DOM.
#[test]
#[ignore = "needs chromium; .ci/run installs it and runs this"]
fn index_fits_a_1280_pixel_window_in_chromium() {
    require_chromium("index_fits_a_1280_pixel_window_in_chromium");
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let output = crate::util::run(&["view", "fixtures/", "-o", site.to_str().expect("UTF-8")]);
    assert_eq!(
        crate::util::code(&output),
        0,
        "{}",
        crate::util::stderr(&output)
    );
    let frame = site.join("measure.html");
    fs::write(
        &frame,
        "<!doctype html><html><body style=\"margin:0\">\
         <iframe id=\"f\" src=\"index.html\" style=\"width:1280px;height:900px;border:0\"></iframe>\
         <pre id=\"out\"></pre><script>\
         window.onload=function(){var d=document.getElementById('f').contentDocument;\
         var e=d.documentElement,r=['page '+e.scrollWidth+' '+e.clientWidth];\
         d.querySelectorAll('.wide').forEach(function(w,i){r.push('box'+i+' '+w.scrollWidth+' '+w.clientWidth);});\
         document.getElementById('out').textContent=r.join(';');};\
         </script></body></html>",
    )
    .expect("write the measuring page");
    let dom = run_chromium(&frame, &["--allow-file-access-from-files", "--dump-dom"]);
    let widths = dom
        .split("<pre id=\"out\">")
        .nth(1)
        .and_then(|rest| rest.split("</pre>").next())
        .unwrap_or_default();
    let measured: Vec<(&str, u32, u32)> = widths
        .split(';')
        .filter_map(|item| {
            let mut words = item.split(' ');
            let name = words.next()?;
            let scroll = words.next()?.parse().ok()?;
            let client = words.next()?.parse().ok()?;
            Some((name, scroll, client))
        })
        .collect();
    assert!(
        measured.len() >= 3,
        "the page, the key figures and all metrics are measured: {widths:?}"
    );
    for (name, scroll, client) in measured {
        assert!(
            client > 0 && scroll <= client,
            "{name} scrolls sideways at 1280 px: {scroll} px wide in {client} px ({widths})"
        );
    }
}

#[test]
fn view_page_names_are_unique_in_a_batch() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = fs::read("fixtures/anju-2020.txt").expect("fixture");
    for sub in ["a", "b"] {
        fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        fs::write(dir.path().join(sub).join("report.txt"), &text).expect("write");
    }
    fs::write(dir.path().join("a").join("index.txt"), &text).expect("write");
    let output = crate::util::run_in(dir.path(), &["view", "a", "b", "-o", "out"]);
    assert_eq!(
        crate::util::code(&output),
        0,
        "{}",
        crate::util::stderr(&output)
    );
    let mut names: Vec<String> = fs::read_dir(dir.path().join("out"))
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["index-2.html", "index.html", "report-2.html", "report.html"]
    );
    let index = fs::read_to_string(dir.path().join("out/index.html")).expect("index");
    assert_eq!(INDEX_ROW.captures_iter(&index).count(), 3);
}

#[test]
fn view_into_an_existing_site_keeps_every_page_in_the_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let site_arg = format!("{}/", site.display());
    let run_view = |file: &str| {
        let output = crate::util::run(&["view", file, "-o", &site_arg]);
        assert_eq!(
            crate::util::code(&output),
            0,
            "{}",
            crate::util::stderr(&output)
        );
    };
    run_view("fixtures/wulong-2020.txt");
    run_view("fixtures/anju-2020.txt");
    // a stray page libreport did not write is named, not listed
    fs::write(site.join("notes.html"), "<html><p>notes</p></html>").expect("write");
    let output = crate::util::run(&["view", "fixtures/zhucheng-2020.txt", "-o", &site_arg]);
    assert!(
        crate::util::stderr(&output).contains("notes.html: not a libreport page"),
        "{}",
        crate::util::stderr(&output)
    );
    let index = fs::read_to_string(site.join("index.html")).expect("index");
    let links: Vec<&str> = INDEX_ROW
        .captures_iter(&index)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .collect();
    assert_eq!(
        links,
        ["zhucheng-2020.html", "anju-2020.html", "wulong-2020.html"],
        "this run's page first, then the earlier ones by name"
    );
    assert!(index.contains(">报告 3<"), "three reports counted");
    // the earlier pages' figures are there, linked to their highlights
    let wulong = extracted("fixtures/wulong-2020.txt");
    let visits = wulong["metrics"]["visits"]["value"]
        .as_u64()
        .expect("wulong has visits");
    assert!(index.contains("href=\"wulong-2020.html#m"), "figure links");
    let grouped = visits
        .to_string()
        .as_bytes()
        .rchunks(3)
        .rev()
        .map(|c| std::str::from_utf8(c).expect("digits"))
        .collect::<Vec<_>>()
        .join(",");
    assert!(index.contains(&format!(">{grouped}</a>")), "{grouped}");
}

#[test]
#[ignore = "needs chromium; .ci/run installs it and runs this"]
fn index_filters_and_sorts_from_its_address() {
    require_chromium("index_filters_and_sorts_from_its_address");
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let output = crate::util::run(&["view", "fixtures/", "-o", site.to_str().expect("UTF-8")]);
    assert_eq!(
        crate::util::code(&output),
        0,
        "{}",
        crate::util::stderr(&output)
    );
    let index = site.join("index.html");
    // `?q=` fills the filter box: only the 青禾 reports stay shown
    let dom = run_chromium_at(&index, "?q=%E9%9D%92%E7%A6%BE", &["--dump-dom"]);
    let rows: Vec<&str> = dom
        .split("<tbody>")
        .nth(1)
        .expect("the key figures' body")
        .split("</tbody>")
        .next()
        .expect("its end")
        .split("<tr")
        .skip(1)
        .collect();
    assert_eq!(rows.len(), crate::util::fixtures().len());
    let shown: Vec<&&str> = rows.iter().filter(|r| !r.starts_with(" hidden")).collect();
    // the text and its web page, Word, PDF, saved page and workbook copies
    assert_eq!(shown.len(), 6, "the six 青禾 reports");
    assert!(shown.iter().all(|r| r.contains("青禾县图书馆")));
    // `?sort=-visits` sorts by visits, the largest first, unknown last
    let dom = run_chromium_at(&index, "?sort=-visits", &["--dump-dom"]);
    assert!(dom.contains(r#"data-key="visits" title="#), "{dom}");
    assert!(dom.contains(r#"aria-sort="descending""#));
    let body = dom.split("<tbody>").nth(1).expect("body");
    let visits: Vec<f64> = body
        .split("</tbody>")
        .next()
        .expect("end")
        .split("<tr")
        .skip(1)
        .map(|row| {
            // the visits cell is the 6th: library th, year, warnings, then
            // collection_total, collection_new, visits
            let cell = row.split("<td").nth(5).unwrap_or("");
            cell.split("data-v=\"")
                .nth(1)
                .and_then(|v| v.split('"').next())
                .and_then(|v| v.parse().ok())
                .unwrap_or(-1.0)
        })
        .collect();
    let known: Vec<f64> = visits.iter().copied().filter(|v| *v >= 0.0).collect();
    assert!(known.len() > 10, "{visits:?}");
    assert!(
        known.windows(2).all(|w| w[0] >= w[1]),
        "descending: {visits:?}"
    );
    let first_unknown = visits.iter().position(|v| *v < 0.0).unwrap_or(visits.len());
    assert!(
        visits[first_unknown..].iter().all(|v| *v < 0.0),
        "unknown last: {visits:?}"
    );
}
