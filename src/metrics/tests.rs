//! Tests of the metric extractor: labels, qualifiers and resolution.

use super::*;
use crate::tables::punctuation::SENTENCE_ENDS;

/// One line, numbered 7.
fn line(text: &'static str) -> crate::clean::Cleaned<'static> {
    crate::clean::numbered_from(7, &[text])
}

/// (key, value, approx, phrase)
type Read = (String, String, String, String);

/// Every prose mention in a line, and the warnings.
fn read(text: &'static str, library: &str) -> (Vec<Read>, Vec<String>) {
    let folded = crate::fold::fold(library);
    let context = Context {
        library: Some(crate::clean::Cell {
            text: library,
            folded: &folded,
        }),
        year: Some(2020),
        news_of_next_year: false,
        one_month: false,
        forms: None,
    };
    let mut warnings = Vec::new();
    let mentions = prose_mentions(
        line(text).lines(),
        SectionKind::Summary,
        &context,
        &mut warnings,
    );
    let mentions = mentions
        .into_iter()
        .map(|m| {
            (
                m.key.as_str().to_owned(),
                m.value.to_string(),
                m.approx.map_or("-", |a| a.as_str()).to_owned(),
                m.text,
            )
        })
        .collect();
    (mentions, warnings.iter().map(ToString::to_string).collect())
}

fn keys(text: &'static str, library: &str) -> Vec<(String, String)> {
    read(text, library)
        .0
        .into_iter()
        .map(|(key, value, _, _)| (key, value))
        .collect()
}

fn kv(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

const COUNTY: &str = "重庆市武隆区图书馆";
const CITY: &str = "诸城市图书馆";

#[test]
fn sentence_and_clause_starts_agree_with_their_mark_lists() {
    let by_chars = |text: &str, at: usize, ends: &[char]| {
        text[..at].rfind(ends).map_or(0, |i| i + char_len(text, i))
    };
    let text = "甲。乙；丙;丁！戊!己？庚?辛，壬,癸、子（丑）寅：卯“辰”巳…午";
    for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
        assert_eq!(
            sentence_start(text, at),
            by_chars(text, at, SENTENCE_ENDS),
            "{at}"
        );
        assert_eq!(
            clause_start(text, at),
            by_chars(text, at, CLAUSE_ENDS),
            "{at}"
        );
        // Marks, in two steps as figures are met, split anywhere.
        for (split, _) in text[..at].char_indices() {
            let mut marks = Marks::default();
            marks.advance(text, split);
            marks.advance(text, at);
            let expected = (
                by_chars(text, at, SENTENCE_ENDS),
                by_chars(text, at, CLAUSE_ENDS),
            );
            assert_eq!((marks.sentence, marks.clause), expected, "{split}..{at}");
        }
    }
}

proptest::proptest! {
    #[test]
    fn marks_are_found_as_a_character_search_finds_them(
        words in proptest::collection::vec(proptest::sample::select(&[
            "甲", "。", "；", ";", "！", "？", "!", "?", "，", ",", "、", "“", "（", "a", "1", " ", "ｱ", "\u{3000}",
        ][..]), 0..24),
    ) {
        let text = words.concat();
        let by_chars = |at: usize, ends: &[char]| {
            text[..at].rfind(ends).map_or(0, |i| i + char_len(&text, i))
        };
        for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
            proptest::prop_assert_eq!(sentence_start(&text, at), by_chars(at, SENTENCE_ENDS));
            proptest::prop_assert_eq!(clause_start(&text, at), by_chars(at, CLAUSE_ENDS));
        }
    }
}

#[test]
fn labels_before_the_number_past_fillers() {
    let (mentions, warnings) = read(
        "2020 年馆藏量 180383 册，其中新增藏量 12797 册，网站访问量 126841 人次。",
        COUNTY,
    );
    assert_eq!(
        mentions,
        [
            (
                "collection_total".into(),
                "180383".into(),
                "-".into(),
                "馆藏量 180383 册".into()
            ),
            (
                "collection_new".into(),
                "12797".into(),
                "-".into(),
                "其中新增藏量 12797 册".into()
            ),
            (
                "website_visits".into(),
                "126841".into(),
                "-".into(),
                "网站访问量 126841 人次".into()
            ),
        ]
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        keys(
            "区图书馆进馆人次：47000 人，阅览册次：83460 册，外借人次：49800，办证数：641 张。",
            COUNTY
        ),
        kv(&[
            ("visits", "47000"),
            ("reading_room_uses", "83460"),
            ("loan_visits", "49800"),
            ("new_registrations", "641")
        ])
    );
    assert_eq!(
        keys(
            "2020 年馆藏数字资源浏览量为 80000 次，较上年相比提高了18.16%。",
            COUNTY
        ),
        kv(&[("digital_views", "80000")])
    );
    assert_eq!(
        keys(
            "安居区图书馆在职职工（不含分馆）11 人，其中大学专科学历 5 人。",
            "安居区图书馆"
        ),
        kv(&[("staff_total", "11")])
    );
}

#[test]
fn one_subject_carries_through_a_list() {
    assert_eq!(
        keys(
            "2020 年，微信公众号粉丝 6397 人，全年发布信息 132 条，总浏览量 15579 人次；微博粉丝 15528 人，发布信息 71 条，总阅读量 164944 人次。",
            COUNTY
        ),
        kv(&[
            ("wechat_followers", "6397"),
            ("wechat_posts", "132"),
            ("wechat_views", "15579"),
            ("weibo_followers", "15528"),
            ("weibo_posts", "71"),
            ("weibo_views", "164944"),
        ])
    );
    assert_eq!(
        keys("全年发布信息 132 条。", COUNTY),
        kv(&[]),
        "no subject, no key"
    );
}

#[test]
fn labels_after_the_number_for_places() {
    assert_eq!(
        keys(
            "图书馆设有 16 个乡镇（街道）分馆、250 个村（社区）图书服务点。已建成 1 个图书馆总馆、27 个分(直属)馆。",
            COUNTY
        ),
        kv(&[
            ("branches", "16"),
            ("service_points", "250"),
            ("branches", "27")
        ])
    );
    assert_eq!(
        keys("围绕图书馆两处场馆和24小时自助图书馆等9个窗口。", COUNTY),
        kv(&[])
    );
    assert_eq!(
        keys("共有50万册电子图书。", COUNTY),
        kv(&[("ebooks", "500000")])
    );
    let (mentions, warnings) = read("新增50万册电子图书。", COUNTY);
    assert!(mentions.is_empty(), "only the new ones: {mentions:?}");
    assert!(warnings[0].contains("only the new ones"), "{warnings:?}");
    // A parenthesis is read for 40 characters at most: the label must
    // follow closely, and the scan stays bounded on a long line.
    let near = format!("建成 27 个（{}）分馆。", "含".repeat(30));
    let far = format!("建成 27 个（{}）分馆。", "含".repeat(60));
    assert_eq!(keys(near.leak(), COUNTY), kv(&[("branches", "27")]));
    assert_eq!(keys(far.leak(), COUNTY), kv(&[]));
}

#[test]
fn figures_that_are_not_the_years_total_are_left_out() {
    let (mentions, warnings) = read(
        "2020 年新增文献入藏量 60173 册，人均新增文献入藏量为 0.1396册。",
        COUNTY,
    );
    assert_eq!(mentions.len(), 1, "人均 is a ratio: {mentions:?}");
    assert!(warnings.is_empty());

    let (mentions, warnings) = read("共举办公益性讲座、培训130余场次，展览20多次。", CITY);
    assert_eq!(
        mentions,
        [(
            "exhibitions".into(),
            "20".into(),
            "more_than".into(),
            "展览20多次".into()
        )]
    );
    assert!(
        warnings[0].contains("one figure for a list"),
        "{warnings:?}"
    );

    let (mentions, warnings) = read("全省公共图书馆总藏书量 9000 万册。", COUNTY);
    assert!(mentions.is_empty());
    assert!(warnings[0].contains("whole province"), "{warnings:?}");

    let (mentions, _) = read("2020年全市新购图书5.6万册，总藏书量306.7万册。", COUNTY);
    assert!(
        mentions.is_empty(),
        "a district library does not own the city's figures"
    );
    assert_eq!(
        keys("2020年全市新购图书5.6万册，总藏书量306.7万册。", CITY),
        kv(&[("collection_new", "56000"), ("collection_total", "3067000")])
    );

    let (mentions, warnings) = read("2019 年馆藏量 170000 册。", COUNTY);
    assert!(mentions.is_empty());
    assert!(warnings[0].contains("another year"), "{warnings:?}");

    let (mentions, warnings) = read("流通图书54万人次册次。", CITY);
    assert!(mentions.is_empty());
    assert!(warnings[0].contains("unit 人次"), "{warnings:?}");

    let (mentions, _) = read("财政预算共计 168.52。", COUNTY);
    assert!(mentions.is_empty(), "money needs its unit");
}

#[test]
fn parts_after_qizhong_are_not_the_total() {
    assert_eq!(
        keys(
            "获得各级奖项共计 12 项，其中全国大赛组委会 1 项、中图学会获奖 1 项。",
            COUNTY
        ),
        kv(&[("awards", "12")])
    );
    assert_eq!(
        keys(
            "经费支出共计 186.52 万元，其中购买文献资源使用 44.1 万元。",
            COUNTY
        ),
        kv(&[
            ("expenditure_yuan", "1865200"),
            ("acquisition_spending_yuan", "441000")
        ])
    );
}

#[test]
fn a_provincial_librarys_province_figures_are_the_provinces() {
    const PROVINCIAL: &str = "澜江省图书馆";
    let (mentions, warnings) = read("在全省读者活动方面，全年开展读者活动6120场次。", PROVINCIAL);
    assert!(mentions.is_empty(), "{mentions:?}");
    assert!(warnings[0].contains("whole province"), "{warnings:?}");
    // the library as the subject before 全省: its own training
    assert_eq!(
        keys("本馆组织全省基层馆员培训班9期。", PROVINCIAL),
        kv(&[("trainings", "9")])
    );
    // the library named after 全省 is the subject again
    assert_eq!(
        keys(
            "全省阅读报告来看，2020年澜江省图书馆纸质文献总藏量达4210563册。",
            PROVINCIAL
        ),
        kv(&[("collection_total", "4210563")])
    );
}

#[test]
fn a_sentence_with_no_subject_speaks_of_the_body_before_it() {
    let text = "2020年全县公共图书馆共9家，纸质藏书75万册。接待读者61万人次，文献外借32万册次。本馆接待读者18万人次。";
    assert_eq!(keys(text, COUNTY), kv(&[("visits", "180000")]));
}

#[test]
fn parts_after_qizhong_in_the_next_sentence() {
    assert_eq!(
        keys(
            "本馆共举办活动310场，参与3.2万人次。其中，讲座28场，2100人次参加；阅读推广活动190场。",
            COUNTY
        ),
        kv(&[("events", "310"), ("lectures", "28")])
    );
}

fn mention(key: MetricKey, value: i64, line: u32, section: SectionKind, origin: Origin) -> Mention {
    Mention {
        key,
        value: Decimal::from_int(value),
        unit: key.base_unit(),
        approx: None,
        text: String::new(),
        line,
        section,
        origin,
    }
}

#[test]
fn resolution_prefers_tables_then_the_summary_then_nothing() {
    use MetricKey::*;
    use SectionKind::*;
    let mentions = [
        mention(Events, 103, 20, Summary, Origin::Prose),
        mention(Events, 56, 52, Statistics, Origin::Table),
        mention(Awards, 11, 20, Summary, Origin::Prose),
        mention(Awards, 12, 30, Summary, Origin::Prose),
        mention(StaffTotal, 11, 241, Organization, Origin::Prose),
        mention(StaffTotal, 12, 20, Summary, Origin::Prose),
        mention(Visits, 5, 9, Summary, Origin::Prose),
        mention(Visits, 5, 19, Summary, Origin::Prose),
    ];
    let mut warnings = Vec::new();
    let metrics = resolve(&mentions, &mut warnings);
    let got: Vec<(&str, String, u32)> = metrics
        .values()
        .map(|m| (m.key.as_str(), m.value.to_string(), m.line))
        .collect();
    assert_eq!(
        got,
        [
            ("visits", "5".to_owned(), 9),
            ("events", "56".to_owned(), 52),
            ("staff_total", "12".to_owned(), 20),
        ]
    );
    let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "events: kept 56 (line 52), other figure 103 (line 20)",
            "staff_total: kept 12 (line 20), other figure 11 (line 241)",
            "awards: left out, the report gives 11 (line 20), 12 (line 30)",
        ]
    );
}

#[test]
fn parts_inside_a_parenthesis_share_the_clause_before_it() {
    let (got, warnings) = read(
        "新增图书2.36万册（其中纸质图书1.12万册，电子图书1.24万册）。",
        COUNTY,
    );
    let keys: Vec<&str> = got.iter().map(|(key, ..)| key.as_str()).collect();
    assert_eq!(keys, ["collection_new"], "new e-books are no e-book total");
    assert!(
        warnings.iter().any(|w| w.contains("电子图书1.24万册")),
        "{warnings:?}"
    );
    // Without 新增 the parts are the holdings' own.
    assert_eq!(
        keys_of("馆藏总量50万册（其中纸质图书40万册，电子图书10万册）。"),
        kv(&[("collection_total", "500000"), ("ebooks", "100000")])
    );
}

#[test]
fn a_news_article_of_the_year_after_calls_the_report_year_last_year() {
    let read_news = |text: &'static str, news: bool| {
        let context = Context {
            library: Some(crate::clean::Cell::folded(CITY)),
            year: Some(2020),
            news_of_next_year: news,
            one_month: false,
            forms: None,
        };
        let mut warnings = Vec::new();
        prose_mentions(
            line(text).lines(),
            SectionKind::Summary,
            &context,
            &mut warnings,
        )
        .into_iter()
        .map(|m| (m.key.as_str().to_owned(), m.value.to_string()))
        .collect::<Vec<_>>()
    };
    let text = "去年该馆接待读者121.3万人次，今年计划接待130万人次。";
    assert_eq!(read_news(text, true), kv(&[("visits", "1213000")]));
    assert_eq!(read_news(text, false), kv(&[]));
    // 今年 in such an article is the year after the report's.
    assert_eq!(read_news("今年该馆已接待读者8.2万人次。", true), kv(&[]));
    assert_eq!(
        read_news("今年该馆接待读者8.2万人次。", false),
        kv(&[("visits", "82000")])
    );
}

fn keys_of(text: &'static str) -> Vec<(String, String)> {
    keys(text, COUNTY)
}

/// The (key, value) pairs a table in a statistics section gives, in a
/// 2023 report, and the warnings.
fn table_keys(texts: &[&'static str]) -> (Vec<(String, String)>, Vec<String>) {
    let context = Context {
        library: Some(crate::clean::Cell::folded("某某市图书馆")),
        year: Some(2023),
        news_of_next_year: false,
        one_month: false,
        forms: None,
    };
    let cleaned = crate::clean::numbered_lines(texts);
    let mut warnings = Vec::new();
    let rows = crate::stat_table::parse_tables(cleaned.lines(), Some(2023), true, &mut warnings);
    let mentions = table_mentions(
        &rows,
        cleaned.lines(),
        SectionKind::Statistics,
        &context,
        &mut warnings,
    );
    let read = mentions
        .into_iter()
        .map(|m| (m.key.as_str().to_owned(), m.value.to_string()))
        .collect();
    (read, warnings.iter().map(ToString::to_string).collect())
}

#[test]
fn the_main_librarys_column_is_its_own_not_the_networks_total() {
    let (got, _) = table_keys(&[
        "| 指标 | 总馆 | 分馆（5个） | 合计 |",
        "| 进馆人次 | 120,400 | 60,200 | 180,600 |",
        "| 馆藏量（册） | 210,000 | 45,000 | 255,000 |",
    ]);
    assert_eq!(
        got,
        kv(&[("visits", "120400"), ("collection_total", "210000")])
    );
    // A total alone is still the figure.
    let (got, _) = table_keys(&["项目\t合计", "外借册次\t88,000"]);
    assert_eq!(got, kv(&[("loans", "88000")]));
}

#[test]
fn a_multiplier_in_the_items_bracket_scales_the_row() {
    let (got, _) = table_keys(&[
        "项目          2022年      2023年",
        "总藏量(万册、件)      31.20      33.05",
        "有效借书证数(万个)     2.10       2.45",
        "  #藏量购置费(万元)    96.0      104.5",
    ]);
    assert_eq!(
        got,
        kv(&[
            ("collection_total", "330500"),
            ("registered_readers", "24500"),
            ("acquisition_spending_yuan", "1045000"),
        ])
    );
    // A multiplier before a unit libreport does not know: left out, with
    // a warning, never read unscaled.
    let (got, warnings) = table_keys(&["项目\t2023年", "总藏量(万册、盒)\t33.05"]);
    assert_eq!(got, kv(&[]));
    assert!(
        warnings.iter().any(|w| w.contains("万册、盒")),
        "{warnings:?}"
    );
}

#[test]
fn minguo_year_columns_are_year_columns() {
    let (got, _) = table_keys(&[
        "項目          112年        111年",
        "入館人次      503,120      402,877",
        "借閱冊數（冊次）  611,004   580,312",
    ]);
    assert_eq!(got, kv(&[("visits", "503120"), ("loans", "611004")]));
}

#[test]
fn an_assessment_form_gives_the_librarys_column_not_the_standard_or_score() {
    let (got, _) = table_keys(&[
        "序号\t指标\t一级馆标准\t本馆数量\t单位\t自评分",
        "1\t阅览座席\t≥800\t960\t个\t10",
        "2\t年财政拨款\t≥500\t612.4\t万元\t30",
        "3\t总藏量\t≥60\t72.5\t万册（件）\t20",
        "合计\t—\t—\t—\t—\t60",
    ]);
    assert_eq!(
        got,
        kv(&[
            ("seats", "960"),
            ("budget_yuan", "6124000"),
            ("collection_total", "725000"),
        ])
    );
}

#[test]
fn a_statistics_form_row_reads_past_its_code() {
    let (got, _) = table_keys(&[
        "项目\t代码\t单位\t2023年\t2022年",
        "二、藏量\t16\t册、件\t301,440\t288,100",
        "六、有效借书证数\t35\t个\t17,260\t16,020",
        "  其中：新增藏量购置费\t75\t千元\t830\t790",
    ]);
    assert_eq!(
        got,
        kv(&[
            ("collection_total", "301440"),
            ("registered_readers", "17260"),
            ("acquisition_spending_yuan", "830000"),
        ])
    );
}

#[test]
fn a_figure_with_its_unit_attached_in_a_value_column() {
    let (got, _) = table_keys(&[
        "指标名称          数值",
        "馆藏文献总量      18.62万册",
        "到馆读者          9.04万人次",
        "新办读者证        1830张",
    ]);
    assert_eq!(
        got,
        kv(&[
            ("collection_total", "186200"),
            ("visits", "90400"),
            ("new_registrations", "1830"),
        ])
    );
}

#[test]
fn both_pairs_of_a_two_pair_table_are_read() {
    let (got, _) = table_keys(&[
        "单位：元",
        "收入\t决算数\t支出\t决算数",
        "一、财政拨款收入\t2,406,000.00\t一、文化旅游体育与传媒支出\t2,118,300.00",
        "本年收入合计\t2,466,100.00\t本年支出合计\t2,390,500.00",
    ]);
    assert!(
        got.contains(&("expenditure_yuan".to_owned(), "2390500".to_owned())),
        "{got:?}"
    );
}

#[test]
fn wechat_posts_in_a_table() {
    let (got, _) = table_keys(&[
        "指标\t单位\t上年\t本年\t同比",
        "微信推文\t条\t902\t1,015\t12.5%",
    ]);
    assert_eq!(got, kv(&[("wechat_posts", "1015")]));
}

#[test]
fn a_sentence_naming_the_library_in_full_is_its_own() {
    // 鹿鸣区图书馆's report names itself with its city in front.
    let got = keys(
        "梧川市鹿鸣区图书馆为区属公益一类事业单位，新馆建筑面积8,600平方米，设阅览座位760个。",
        "鹿鸣区图书馆",
    );
    assert_eq!(got, kv(&[("floor_area_m2", "8600"), ("seats", "760")]));
    // Another district's library is another's.
    let got = keys("梧川市临河区图书馆建筑面积6,200平方米。", "鹿鸣区图书馆");
    assert_eq!(got, kv(&[]));
}
