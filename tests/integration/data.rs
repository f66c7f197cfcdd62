//! Open data files: CSV, JSON, data package, dataset pages.

use crate::support::{Site, count, main_of};

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

#[test]
fn xlsx_opens_in_openpyxl_with_chinese_intact() {
    let site = Site::fixture("basic");
    site.build(&[]);
    // scripts/test.sh installs openpyxl into target/test-venv.
    let venv = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-venv/bin/python");
    let fallback = if venv.exists() { venv.display().to_string() } else { "python3".into() };
    let python = std::env::var("VITRINE_TEST_PYTHON").unwrap_or(fallback);
    let script = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
zh, en = wb.worksheets
print(wb.sheetnames)
print(zh["A1"].value, "|", en["A1"].value)
header = [c.value for c in zh[4]]
print(header)
print([c.value for c in zh[6]], type(zh["B6"].value).__name__)
"#;
    let out = std::process::Command::new(&python)
        .arg("-c")
        .arg(script)
        .arg(site.root().join("public/data/grants.xlsx"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python}: {e}; run `bash scripts/test.sh`, which installs openpyxl"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "openpyxl failed (run `bash scripts/test.sh` to install it):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("['中文', 'English']"), "{stdout}");
    assert!(stdout.contains("专利授权量 | Patents granted"), "{stdout}");
    assert!(
        stdout.contains("['年份', '专利授权总量（件）', '发明专利（件）', '其他专利（件）', '质押融资金额（元）']"),
        "{stdout}"
    );
    assert!(stdout.contains("[2020, 110000, 17574, 92426, 3255000000] int"), "{stdout}");
}

#[test]
fn the_archive_holds_every_data_file() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let bytes = site.bytes("data/vitrine-data.zip");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = (0..zip.len()).map(|i| zip.by_index(i).unwrap().name().unwrap().to_string()).collect();
    assert_eq!(
        names,
        [
            "channels.csv",
            "channels.json",
            "channels.xlsx",
            "datapackage.json",
            "grants.csv",
            "grants.json",
            "grants.xlsx"
        ]
    );
}

#[test]
fn archive_entries_are_dated_from_their_data() {
    let site = Site::fixture("basic");
    site.replace("data/channels.yaml", "updated: 2023-04-26", "updated: 2023-03-01");
    site.build(&[]);
    let bytes = site.bytes("data/vitrine-data.zip");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut dates = Vec::new();
    for i in 0..zip.len() {
        let e = zip.by_index(i).unwrap();
        let t = e.last_modified().unwrap();
        dates.push(format!("{} {}-{:02}-{:02}", e.name().unwrap(), t.year(), t.month(), t.day()));
    }
    assert_eq!(
        dates,
        [
            "channels.csv 2023-03-01",
            "channels.json 2023-03-01",
            "channels.xlsx 2023-03-01",
            // The package describes every dataset: the newest date.
            "datapackage.json 2023-04-26",
            "grants.csv 2023-04-26",
            "grants.json 2023-04-26",
            "grants.xlsx 2023-04-26"
        ]
    );
}

/// The dataset ids in the order a catalogue page lists them.
fn catalogue_order(html: &str) -> Vec<&str> {
    let main = main_of(html);
    let mut found: Vec<(usize, &str)> = ["channels", "grants", "zzz"]
        .into_iter()
        .filter_map(|id| {
            main.find(&format!("<h2><a href=/data/{id}/>"))
                .or_else(|| main.find(&format!("<h2><a href=/en/data/{id}/>")))
                .map(|i| (i, id))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, id)| id).collect()
}

#[test]
fn the_catalogue_sorts_by_title_in_each_language_and_links_xlsx() {
    let site = Site::fixture("basic");
    // Titles whose orders differ from the ids' and from the characters' code points:
    // pinyin 按 an < 各 ge < 专 zhuan (code points 专 < 各 < 按); English without case
    // apple < cases < patents (with case `Cases` < `Patents` < `apple`).
    let copy = std::fs::read_to_string(site.root().join("data/channels.yaml"))
        .unwrap()
        .replace("{zh: 各市案件, en: Cases by city}", "{zh: 按月案件, en: apple cases}");
    site.write("data/zzz.yaml", copy);
    site.build(&[]);
    let zh = site.read("data/index.html");
    let en = site.read("en/data/index.html");
    assert_eq!(catalogue_order(&zh), ["zzz", "channels", "grants"]);
    assert_eq!(catalogue_order(&en), ["zzz", "channels", "grants"]);
    for page in [&zh, &en] {
        for id in ["channels", "grants", "zzz"] {
            for ext in ["csv", "json", "xlsx"] {
                assert!(page.contains(&format!("href=/data/{id}.{ext}>")), "{id}.{ext}");
            }
        }
    }
}

#[test]
fn a_dataset_page_shows_its_table_once() {
    let site = Site::fixture("basic");
    site.build(&[]);
    for path in ["data/grants/index.html", "en/data/grants/index.html"] {
        let html = site.read(path);
        let main = main_of(&html);
        // The data table and the downloads table; the chart points to the first.
        assert_eq!(count(main, "<table"), 2, "{path}");
        assert_eq!(count(main, "<details class=chart-data>"), 0, "{path}");
        assert!(count(main, "<dl class=marks-legend>") <= 1, "{path}");
        assert!(main.contains("<p class=chart-table-link><a href=#table-title>"), "{path}");
        assert!(main.contains("<h2 id=table-title>"), "{path}");
    }
}

/// Every `<meta>` description tag of every HTML file of the output has a non-empty `content`.
fn assert_descriptions_not_empty(site: &Site) {
    for entry in walkdir::WalkDir::new(site.root().join("public")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        for tag in html.split("<meta ").skip(1).map(|t| &t[..t.find('>').unwrap()]) {
            if tag.contains("description") {
                let value = tag.split_once("content=").map(|(_, v)| v).unwrap_or("");
                assert!(
                    !(value.is_empty() || value.starts_with([' ', '>']) || value.starts_with("\"\"")),
                    "{}: empty description in <meta {tag}>",
                    entry.path().display()
                );
            }
        }
    }
}

#[test]
fn a_dataset_without_description_is_described_by_its_title_and_source() {
    let site = Site::fixture("basic");
    site.replace("data/grants.yaml", "description: {zh: 测试数据。, en: Test data.}\n", "");
    site.build(&[]);
    let zh = site.read("data/grants/index.html");
    assert!(zh.contains("<meta content=专利授权量，数据来源：测试局。 name=description>"), "{}", &zh[..1500]);
    assert!(zh.contains("<meta content=专利授权量，数据来源：测试局。 property=og:description>"));
    let en = site.read("en/data/grants/index.html");
    assert!(en.contains("<meta content=\"Patents granted: figures from Test Office.\" name=description>"));
    assert_descriptions_not_empty(&site);
}

#[test]
fn a_page_with_nothing_to_describe_it_has_no_description_tags() {
    let site = Site::fixture("basic");
    site.replace("site.yaml", "description: {zh: 用于测试的站点。, en: A site for tests.}\n", "");
    site.write("content/notes/bare.zh.md", "---\ntitle: 空白页\nsummary: \"\"\n---\n");
    site.build(&[]);
    let bare = site.read("notes/bare/index.html");
    assert!(!bare.contains("name=description") && !bare.contains("og:description"), "{}", &bare[..1200]);
    assert!(!site.read("404.html").contains("name=description"));
    assert_descriptions_not_empty(&site);
}
