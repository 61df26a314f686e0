use super::*;
use crate::clean::clean;
use crate::segment::segment;

/// The library, the year and what decided each, for a text.
fn identity(text: &str) -> Identity {
    let cleaned = clean(text);
    let outline = segment(&cleaned);
    decide(&cleaned, &outline, text)
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
