//! How good each figure is: observation statuses and breaks in series, shown in prose,
//! tables, charts and every data file; per-series sources; release continuity links.

use crate::support::{Site, count};

/// The basic fixture with every status on one value each, and a break at 2021 in `total`.
fn site_with_statuses() -> Site {
    let site = Site::fixture("basic");
    site.replace(
        "data/grants.yaml",
        "  - {year: 2020, total: 110000, invention: 17574, other: 92426, pledge: 3255000000}",
        "  - {year: 2020, total: {value: 110000, status: derived}, invention: {value: 17574, status: estimated}, other: {value: 92426, status: provisional}, pledge: 3255000000}",
    );
    site.replace(
        "data/grants.yaml",
        "  - {year: 2022, total: 150000, invention: 27400, other: 122600, pledge: 6000000000}",
        "  - {year: 2022, total: {value: 150000, status: lower_bound}, invention: {value: 27400, status: part_period}, other: 122600, pledge: 6000000000}",
    );
    site.replace(
        "data/grants.yaml",
        "corrections:",
        "breaks:\n  - {period: 2021, series: [total], note: {zh: 2021年起含外观设计。, en: From 2021 designs are included.}}\ncorrections:",
    );
    site
}

#[test]
fn prose_says_lower_bounds_and_estimates_and_change_across_a_break_is_not_a_rate() {
    let site = site_with_statuses();
    site.write(
        "content/releases/2023/quality.zh.md",
        "---\ntitle: 状态\n---\n\n授权{{ value(data=\"grants\", series=\"total\", period=2022) }}；\
发明{{ value(data=\"grants\", series=\"invention\", period=2020) }}；\
部分{{ value(data=\"grants\", series=\"invention\", period=2022) }}；\
跨口径{{ change(data=\"grants\", series=\"total\", period=2021) }}；\
不跨{{ change(data=\"grants\", series=\"total\", period=2022) }}；\
精确{{ value(data=\"grants\", series=\"total\", period=2021, exact=true) }}；\
一位{{ value(data=\"grants\", series=\"invention\", period=2021, precision=1) }}。\n",
    );
    site.write(
        "content/releases/2023/quality.en.md",
        "---\ntitle: Status\n---\n\nGranted {{ value(data=\"grants\", series=\"total\", period=2022) }}; \
across {{ change(data=\"grants\", series=\"total\", period=2021) }}; \
exact {{ value(data=\"grants\", series=\"pledge\", period=2021, precision=3) }}.\n",
    );
    site.build(&[]);
    let zh = site.read("releases/2023/quality/index.html");
    assert!(zh.contains(">超过15万件</data>"), "{zh}");
    assert!(zh.contains(">约1.76万件</data>"), "{zh}");
    assert!(zh.contains(">2.74万件（非全期数据）</data>"), "{zh}");
    assert!(zh.contains(">口径调整，不可比</span>"), "{zh}");
    assert!(zh.contains("title=2021年起含外观设计。") || zh.contains("title=\"2021年起含外观设计。\""), "{zh}");
    // 2022 against 2021 is on the same side of the break: a rate.
    assert!(
        zh.contains("不跨<span class=\"figure-change down\">同比下降")
            || zh.contains("不跨<span class=\"figure-change down\""),
        "{zh}"
    );
    assert!(zh.contains(">155000件</data>"), "{zh}");
    assert!(zh.contains(">2.2万件</data>"), "{zh}");
    let en = site.read("en/releases/2023/quality/index.html");
    assert!(en.contains(">more than 150,000 patents</data>"), "{en}");
    assert!(en.contains(">not comparable: definition changed</span>"), "{en}");
    assert!(en.contains(">5.026 billion yuan</data>"), "{en}");
}

#[test]
fn tables_mark_statuses_with_a_legend_and_charts_draw_them_hollow() {
    let site = site_with_statuses();
    site.build(&[]);
    let page = site.read("data/grants/index.html");
    for (mark, words) in [
        ("d", "推算值"),
        ("e", "估计值或约数"),
        ("p", "初步数，可能修订"),
        ("l", "下限"),
        ("i", "非全期数据"),
        ("b", "统计口径调整"),
    ] {
        assert!(page.contains(&format!(">{mark}</abbr>")), "mark {mark} missing");
        assert!(page.contains(words), "legend lacks {words}");
    }
    assert!(page.contains("2021年起含外观设计。"));
    let en = site.read("en/data/grants/index.html");
    assert!(en.contains("lower bound (the source says"));
    assert!(en.contains("From 2021 designs are included."));
    // The report's bar chart of `total`: hollow bars, a dashed break, both in the description.
    let report = site.read("releases/2023/report/index.html");
    assert!(report.contains("空心柱表示非确数：2020年专利授权总量为推算值；2022年专利授权总量为下限"), "{report}");
    assert!(report.contains("虚线处统计口径调整，2021年起的数据与此前不可比"));
    let svg = site.read("charts/releases-2023-report-grants.zh.svg");
    assert!(svg.contains("口径调整"), "the break is labelled in the chart");
    let plain = Site::fixture("basic");
    plain.build(&[]);
    let plain_svg = plain.read("charts/releases-2023-report-grants.zh.svg");
    // A hollow bar is two rectangles (the outline and its white inside).
    assert!(count(&svg, "<rect") > count(&plain_svg, "<rect"), "hollow bars add rectangles");
    assert!(!plain_svg.contains("口径调整"));
}

#[test]
fn data_files_and_the_data_package_carry_statuses_and_breaks() {
    let site = site_with_statuses();
    site.build(&[]);
    let csv = site.read("data/grants.csv");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}year,total,total_status,invention,invention_status,other,other_status,pledge,break_note"
    );
    assert_eq!(lines.next().unwrap(), "2019,,,,,,,,");
    assert_eq!(lines.next().unwrap(), "2020,110000,derived,17574,estimated,92426,provisional,3255000000,");
    assert!(lines.next().unwrap().ends_with("[total] 2021年起含外观设计。 / From 2021 designs are included."));
    assert_eq!(lines.next().unwrap(), "2022,150000,lower_bound,27400,part_period,122600,,6000000000,");

    let json: serde_json::Value = serde_json::from_str(&site.read("data/grants.json")).unwrap();
    assert_eq!(json["rows"][1]["status"]["total"], "derived");
    assert_eq!(json["rows"][3]["status"]["invention"], "part_period");
    assert!(json["rows"][2].get("status").is_none());
    assert_eq!(json["rows"][1]["total"], 110000);
    assert_eq!(json["breaks"][0]["period"], 2021);
    assert_eq!(json["breaks"][0]["note"]["en"], "From 2021 designs are included.");

    let pkg: serde_json::Value = serde_json::from_str(&site.read("data/datapackage.json")).unwrap();
    let grants = pkg["resources"].as_array().unwrap().iter().find(|r| r["name"] == "grants").unwrap();
    let fields: Vec<&str> =
        grants["schema"]["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    let header: Vec<&str> = csv.lines().next().unwrap().trim_start_matches('\u{feff}').split(',').collect();
    assert_eq!(fields, header, "the schema describes the CSV's columns in order");
    let status = &grants["schema"]["fields"][2];
    assert_eq!(status["type"], "string");
    let allowed: Vec<&str> =
        status["constraints"]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for v in ["derived", "estimated", "provisional", "lower_bound", "part_period"] {
        assert!(allowed.contains(&v));
    }

    // The workbook: a status column per flagged series (checked through the XML inside).
    let xlsx = site.bytes("data/grants.xlsx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut strings = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/sharedStrings.xml").unwrap(), &mut strings).unwrap();
    assert!(strings.contains("专利授权总量（数据状态）"));
    assert!(strings.contains("Patents granted (status)"));
    assert!(strings.contains("下限"));
    assert!(strings.contains("口径调整（2021起）"));
}

#[test]
fn bad_statuses_and_breaks_are_reported_at_their_line() {
    let site = Site::fixture("basic");
    site.replace("data/grants.yaml", "total: 155000,", "total: {value: 155000, status: lower-bound},");
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("data/grants.yaml:24:"), "{}", r.stderr);
    assert!(r.stderr.contains("`lower-bound` is not an observation status"));
    assert!(r.stderr.contains("did you mean `lower_bound`?"));

    let site = Site::fixture("basic");
    site.replace(
        "data/grants.yaml",
        "corrections:",
        "breaks:\n  - {period: 2021, series: [totl], note: x}\ncorrections:",
    );
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "an unknown series is a malformed dataset");
    assert!(r.stderr.contains("the break names `totl`, which is not a series"), "{}", r.stderr);
    assert!(r.stderr.contains("did you mean `total`?"));

    // A break outside the data is a warning: the build goes on, `check --strict` fails.
    let site = Site::fixture("basic");
    site.replace("data/grants.yaml", "corrections:", "breaks:\n  - {period: 2031, note: x}\ncorrections:");
    let r = site.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = site.run(&["check", "--strict"]);
    assert_ne!(r.code, 0);
    let all = format!("{}{}", r.stdout, r.stderr);
    assert!(all.contains("data/grants.yaml:27:1: the break at 2031 falls outside the data of `grants`"), "{all}");
}

#[test]
fn releases_link_the_year_before_and_after() {
    let site = Site::fixture("basic");
    for lang in ["zh", "en"] {
        site.write(
            &format!("content/releases/2022/_index.{lang}.md"),
            "---\ntitle: R2022\ndate: 2022-04-26\n---\n\nx\n",
        );
        site.write(
            &format!("content/releases/2022/report.{lang}.md"),
            "---\ntitle: Old report\ndate: 2022-04-26\n---\n\nx\n",
        );
    }
    site.build(&[]);
    let new = site.read("releases/2023/index.html");
    assert!(new.contains("href=/releases/2022/ rel=prev>上一次发布：R2022</a>"), "{new}");
    let old = site.read("en/releases/2022/index.html");
    assert!(old.contains("rel=next>Next release: "), "{old}");
    let report = site.read("releases/2023/report/index.html");
    assert!(report.contains("<a href=/releases/2022/report/>上一年度：Old report</a>"), "{report}");
    let grants = site.read("data/grants/index.html");
    assert!(grants.contains("引用本数据集的年度发布"));
}
