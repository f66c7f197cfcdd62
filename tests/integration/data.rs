//! Open data files: CSV, JSON, data package, dataset pages.

use crate::support::Site;

#[test]
fn csv_has_bom_ids_and_empty_missing_values() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let csv = site.bytes("data/grants.csv");
    let expected = "\u{feff}year,total,invention,other,pledge\r\n\
2019,,,,\r\n\
2020,110000,17574,92426,3255000000\r\n\
2021,155000,22400,132600,5026000000\r\n\
2022,150000,27400,122600,6000000000\r\n";
    assert_eq!(String::from_utf8(csv).unwrap(), expected);
    let cats = site.read("data/channels.csv");
    assert_eq!(cats, "\u{feff}city,cases\r\nwuhan,412\r\nxiangyang,1001\r\nyichang,\r\n");
}

#[test]
fn json_carries_data_and_metadata_in_both_languages() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let v: serde_json::Value = serde_json::from_str(&site.read("data/grants.json")).unwrap();
    assert_eq!(v["title"]["zh"], "专利授权量");
    assert_eq!(v["title"]["en"], "Patents granted");
    assert_eq!(v["rows"][0]["year"], 2019);
    assert!(v["rows"][0]["total"].is_null());
    assert_eq!(v["rows"][2]["total"], 155000.0);
    assert_eq!(v["license"], "CC-BY-4.0");
    assert_eq!(v["corrections"][0]["date"], "2023-05-10");
    let pkg: serde_json::Value = serde_json::from_str(&site.read("data/datapackage.json")).unwrap();
    let names: Vec<&str> = pkg["resources"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["channels", "grants"]);
    assert_eq!(pkg["resources"][1]["schema"]["fields"][0]["type"], "year");
}

#[test]
fn dataset_pages_in_both_languages() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let zh = site.read("data/grants/index.html");
    assert!(zh.contains("application/ld+json"));
    assert!(zh.contains("\"@type\":\"Dataset\""));
    assert!(zh.contains("更正了2021年数据。"));
    assert!(zh.contains("grants.csv"));
    assert!(site.read("en/data/grants/index.html").contains("Corrected the 2021 figures."));
    assert!(site.read("data/index.html").contains("href=/data/channels/"));
}

#[test]
fn hostile_strings_are_escaped() {
    let site = Site::fixture("basic");
    let path = site.root().join("data/channels.yaml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("{zh: 武汉, en: Wuhan}", "{zh: \"<script>alert(1)</script>\", en: \"=HYPERLINK(\\\"x\\\")\"}");
    std::fs::write(&path, text).unwrap();
    site.build(&[]);
    let html = site.read("releases/2023/report/index.html");
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("&lt;script>alert(1)&lt;/script>") || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let svg = site.read("charts/releases-2023-report-channels.zh.svg");
    assert!(!svg.contains("<script>"));
}
