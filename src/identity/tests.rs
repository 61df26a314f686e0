use super::*;
use crate::clean::clean;
use crate::segment::segment;

/// The library, the year and what decided each, for a text.
fn identity(text: &str) -> Identity {
    let cleaned = clean(text);
    let outline = segment(&cleaned);
    decide(&cleaned, &outline, text, None)
}

fn name_and_year(text: &str) -> (Option<String>, Option<i32>) {
    let found = identity(text);
    (found.library.map(|n| n.text), found.year)
}

#[test]
fn reads_the_four_seed_reports() {
    let cases = [
        (
            include_str!("../../fixtures/wulong-2020.txt"),
            "重庆市武隆区图书馆",
        ),
        (include_str!("../../fixtures/anju-2020.txt"), "安居区图书馆"),
        (
            include_str!("../../fixtures/yuancheng-2020.txt"),
            "河源市源城区图书馆",
        ),
        (
            include_str!("../../fixtures/zhucheng-2020.txt"),
            "诸城市图书馆",
        ),
    ];
    for (text, name) in cases {
        assert_eq!(name_and_year(text), (Some(name.to_owned()), Some(2020)));
    }
}

#[test]
fn han_digit_and_era_years() {
    let found = identity("二〇二一年某某县图书馆年报\n\n正文。");
    assert_eq!(
        found.library.map(|n| n.text).as_deref(),
        Some("某某县图书馆")
    );
    assert_eq!(
        (found.year, found.year_source),
        (Some(2021), Some(Evidence::Title))
    );
    let (name, year) = name_and_year("某某縣立圖書館\n民國110年年報\n\n正文。");
    assert_eq!(name.as_deref(), Some("某某縣立圖書館"));
    assert_eq!(year, Some(2021));
    let found = identity("某某市立圖書館\n112年度服務成果報告\n\n正文。\n中華民國113年2月");
    assert_eq!(
        (found.year, found.year_source),
        (Some(2023), Some(Evidence::Era))
    );
}

#[test]
fn the_year_named_most_is_no_evidence_alone() {
    let found = identity("年报\n\n2019 年开展活动。2019 年馆藏增加。2020 年计划。");
    assert_eq!(found.year, None);
    assert!(
        found.warnings.contains(&Warning::NoYear {
            candidates: vec![2019, 2020]
        }),
        "{:?}",
        found.warnings
    );
}

#[test]
fn a_title_line_below_a_sites_menu_decides() {
    let text = "您好，欢迎您访问青禾市图书馆官网！\n信息公开\n计划年报\n    青禾县图书馆2017年工作年报\n来源： 发布人：青禾县图书馆\n\n2017年，青禾县图书馆紧紧围绕中心工作，较2016年有所提升。";
    let found = identity(text);
    assert_eq!(
        found.library.map(|n| n.text).as_deref(),
        Some("青禾县图书馆")
    );
    assert_eq!(found.library_source, Some(Evidence::Title));
    assert_eq!(
        (found.year, found.year_source),
        (Some(2017), Some(Evidence::Title))
    );
}

#[test]
fn a_bare_year_or_a_bracketed_one_in_a_title() {
    assert_eq!(
        identity("某某事务署年报2004\n\n本署负责营运公共图书馆。").year,
        Some(2004)
    );
    assert_eq!(
        identity("青禾县图书馆大事记（2021）\n\n3月5日，开馆。").year,
        Some(2021)
    );
}

#[test]
fn a_range_of_years_takes_the_last_and_warns() {
    let found = identity("青禾市少年儿童图书馆馆志(2009年——2018年)\n一、综述\n本馆成立于1984年。");
    assert_eq!(found.year, Some(2018));
    assert!(found.warnings.contains(&Warning::YearRange {
        from: 2009,
        to: 2018
    }));
}

#[test]
fn the_first_sentence_naming_the_library_and_a_year() {
    let found = identity(
        "发布日期：2020-12-01 16:01 访问次数：396\n2020年，面对疫情，青禾县图书馆在县文旅局的领导下稳步前行。\n一、做好防控\n较2019年，到馆人次下降。",
    );
    assert_eq!(
        (found.year, found.year_source),
        (Some(2020), Some(Evidence::FirstSentence))
    );
    let found = identity(
        "2022年的进度条已加载完毕，一年来，青禾市图书馆交出了一份答卷！\n（一）做好服务 全年进馆人数达2万人次。",
    );
    assert_eq!(found.year, Some(2022));
}

#[test]
fn compared_founding_and_dated_years_are_no_evidence() {
    // 较2019年 compares; 1995年建馆 founds; 2024年1月5日 dates the page.
    let found = identity(
        "较2019年，青禾县图书馆到馆人次增加。\n青禾县图书馆1995年建馆。\n2024年1月5日，记者从青禾县图书馆获悉。",
    );
    assert_eq!(found.year, None);
}

#[test]
fn a_chronicles_dated_entries_are_no_evidence() {
    let text = "-\n1\n1月25日起，新年心愿墙书写活动开始。\n-\n2\n1月31日，2018年全市中小学生作品巡展在我馆开展。\n-\n3\n2月2日，服务成果展开幕。";
    assert_eq!(identity(text).year, None);
}

#[test]
fn a_news_items_dateline_with_last_year() {
    let text = "国内统一刊号：CN00-0000\n\n2024年04月23日\n\n青禾去年超3300万人次走进图书馆\n\n青禾省图书馆22日启动全民阅读系列活动。";
    let found = identity(text);
    assert_eq!(
        (found.year, found.year_source),
        (Some(2023), Some(Evidence::Dateline))
    );
}

#[test]
fn names_that_run_past_the_name_or_name_no_library() {
    let (name, _) =
        name_and_year("近年来，县委持续推进建设。2017年，探索建立以县图书馆为总馆的服务体系。");
    assert_eq!(name, None, "县图书馆 names no library");
    let (name, _) =
        name_and_year("2019年工作总结\n\n本馆加入青禾省公共图书馆联盟，与青禾县图书馆合作。");
    assert_eq!(name.as_deref(), Some("青禾县图书馆"));
    let (name, _) = name_and_year("第一部分青禾市图书馆概况\n一、主要职能\n正文。");
    assert_eq!(name.as_deref(), Some("青禾市图书馆"));
}

#[test]
fn a_proper_name_or_a_place_alone_in_a_title_line() {
    let text = "青禾市沙湾区沫若图书馆\n\n沙湾区沫若图书馆2023年年报\n\n作者：管理员 发布时间：2024-01-09\n一、简况";
    let found = identity(text);
    assert_eq!(
        found.library.map(|n| n.text).as_deref(),
        Some("青禾市沙湾区沫若图书馆")
    );
    assert_eq!(found.year, Some(2023));
    let (name, year) = name_and_year("大连图书馆2014年阅读报告\n\n一、馆藏数量\n正文。");
    assert_eq!((name.as_deref(), year), (Some("大连图书馆"), Some(2014)));
    let (name, _) = name_and_year("香港公共圖書館年報2004\n\n正文。");
    assert_eq!(name.as_deref(), Some("香港公共圖書館"));
}

#[test]
fn a_time_word_before_the_name_is_not_part_of_it() {
    let (name, _) = name_and_year("去年青禾市图书馆接待读者超80万人次\n\n正文。");
    assert_eq!(name.as_deref(), Some("青禾市图书馆"));
    let (name, _) = name_and_year("今年上半年青禾县少儿图书馆新增藏书\n\n正文。");
    assert_eq!(name.as_deref(), Some("青禾县少儿图书馆"));
    let (name, _) = name_and_year("年内县图书馆新增图书\n\n正文。");
    assert_eq!(name, None);
}

#[test]
fn a_news_headline_naming_a_report() {
    let text = "2023年度青禾市少儿阅读报告发布 这些图书最受欢迎\n2024-04-23 07:15 来源：青禾晨报\n青禾市少年儿童图书馆为孩子们提供良好的借阅环境。";
    let titles = title_lines(text, text);
    assert_eq!(titles.len(), 1, "one title line");
    assert_eq!(identity(text).year, Some(2023));
}

#[test]
fn a_dateline_written_with_dashes() {
    let text = " date 2026-01-25 青禾县吉安乡公所去年度编列167万元经费，为乡立图书馆推动馆藏汰旧换新。\n乡长指出，阅读是重要养分。";
    let found = identity(text);
    assert_eq!(
        (found.year, found.year_source),
        (Some(2025), Some(Evidence::Dateline))
    );
}

#[test]
fn an_era_year_without_its_era_on_a_traditional_page() {
    let text = "首圖\n臺南人愛到圖書館借書，據青禾市立圖書館統計，105年總借閱冊數達782萬冊，平均每人借閱4本。";
    let found = identity(text);
    assert_eq!(
        (found.year, found.year_source),
        (Some(2016), Some(Evidence::FirstSentence))
    );
    // Not on a page in simplified script, where 105年 is a duration.
    assert_eq!(
        identity("青禾县图书馆建馆105年，馆藏图书丰富，读者众多，服务广受好评。").year,
        None
    );
}

#[test]
fn a_guessed_place_takes_its_unit_from_the_text() {
    let text = "2022年度青禾图书馆预算公开\n一、部门基本情况\n河南省青禾市图书馆隶属于青禾市文化广电和旅游局，为公益一类事业单位。";
    let (name, year) = name_and_year(text);
    assert_eq!(
        (name.as_deref(), year),
        (Some("河南省青禾市图书馆"), Some(2022))
    );
}

#[test]
fn the_first_sentences_agree_on_a_year_that_opens_a_clause() {
    // The first year is a paper's (2021年度报告); a later one opens a clause.
    let found = identity(
        "记者从青禾市图书馆获悉，该馆日前发布2021年度阅读报告显示，2021年，该馆接待读者3万人次。",
    );
    assert_eq!(
        (found.year, found.year_source),
        (Some(2021), Some(Evidence::FirstSentence))
    );
    // A history: a founding year, then another year opening a sentence.
    let found = identity("1980年，青禾县图书馆成立。1985年，青禾县图书馆新建馆舍一座。");
    assert_eq!(found.year, None);
}

#[test]
fn a_year_written_in_parentheses_after_last_or_this() {
    let found =
        identity("青禾市立图书馆指出，去(104)年全市总借阅册数达76万册，仍较前(103)年成长。");
    assert_eq!(
        (found.year, found.year_source),
        (Some(2015), Some(Evidence::FirstSentence))
    );
    let found = identity("青禾市立图书馆表示，今（2024）年到馆人次已达50万。");
    assert_eq!(found.year, Some(2024));
}

#[test]
fn a_past_event_told_after_the_news_does_not_undo_its_dateline() {
    let text = "购进一批新书\n发布日期：2019-12-30 来源：青禾日报\n青禾市图书馆今年购书经费30万元。\n据了解，青禾市图书馆在2017年全国评估定级中首次成为一级馆。";
    let found = identity(text);
    assert_eq!(
        (found.year, found.year_source),
        (Some(2019), Some(Evidence::Dateline))
    );
}

#[test]
fn the_headline_above_a_dateline_with_last_year() {
    let text = "丰富活动载体\n去年市图书馆接待读者15万人次\n2018-01-29 09:31 青禾日报\n本报讯 市图书馆积极开展读者活动。";
    let found = identity(text);
    assert_eq!(
        (found.year, found.year_source),
        (Some(2017), Some(Evidence::Dateline))
    );
}

#[test]
fn a_templates_place_left_blank() {
    let (name, _) = name_and_year("工作总结\n\n全年来，XX县图书馆在县委的领导下稳步前行。");
    assert_eq!(name.as_deref(), Some("XX县图书馆"));
}

#[test]
fn a_title_naming_part_of_the_year() {
    let part = |t: &str| identity(t).part_of_year;
    assert_eq!(
        part("2019年青禾区图书馆(6月)数据统计\n一、办证"),
        Some("6月".into())
    );
    assert_eq!(
        part("青禾县图书馆2023年上半年工作总结\n正文"),
        Some("上半年".into())
    );
    assert_eq!(
        part("青禾县图书馆2023年1-6月工作情况\n正文"),
        Some("1-6月".into())
    );
    // A run to November or December is the year's; a plain title no part.
    assert_eq!(part("青禾县图书馆2023年1-11月工作总结\n正文"), None);
    assert_eq!(part("青禾县图书馆2023年工作总结\n正文"), None);
}

#[test]
fn a_chronicles_weekdays_pick_the_year_the_text_names() {
    // 2016: 23 January a Saturday, 18 February a Thursday.
    let text = "一月\n1月8日召开班子会，商讨2016年设备采购等问题。\n1月23日星期六上午青禾市图书馆举办少儿手抄报比赛。\n二月\n2月18日星期四下午举办图书跳蚤市场。\n三月\n3月16日完成古籍搬迁。\n3月25日完成书架拆卸。\n四月\n4月6日召开职工代表大会。";
    let found = identity(text);
    assert_eq!(
        (found.year, found.year_source),
        (Some(2016), Some(Evidence::Calendar))
    );
    // A weekday no named year fits gives no year.
    let wrong_day = text.replace("星期四", "星期五");
    assert_eq!(identity(&wrong_day).year, None);
}

#[test]
fn every_era_year_of_a_sentence_is_read() {
    // The first 107年 stands after 根據, not at a clause's start; the second opens one.
    let text = "青禾市政府新聞\n【青禾市訊】市民愛到圖書館借書。\n根據107年青禾市圖書館使用統計資料顯示，107年全市館藏冊數約71萬冊，總借閱冊數105萬冊。";
    let found = identity(text);
    assert_eq!(
        (found.year, found.year_source),
        (Some(2018), Some(Evidence::FirstSentence))
    );
}

#[test]
fn a_dateline_written_day_first() {
    for dateline in ["27/04/2019", "27.04.2019", "4/27/2019"] {
        let text = format!(
            "圖書館周今揭幕\n{dateline}\n青禾市圖書館表示，去年的進館人次約為28萬，今年將舉辦40項活動。"
        );
        let found = identity(&text);
        assert_eq!(
            (found.year, found.year_source),
            (Some(2018), Some(Evidence::Dateline)),
            "{dateline}"
        );
    }
    // a longer run of figures is no date
    assert!(!closes_day_and_month("編號 1.27.04."));
    assert!(!closes_day_and_month("共 127/04/"));
    assert!(closes_day_and_month("發佈 2/6/"));
}
