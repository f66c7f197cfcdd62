//! Embargoes hold for data, frozen releases keep their figures, corrections are shown.

use std::io::Read;

use crate::support::Site;

/// The moment these tests build at: a week before the 2025 release.
pub(crate) const BEFORE: &str = "2025-04-19T09:00:00+08:00";
/// Just after the release.
pub(crate) const AFTER: &str = "2025-04-26T10:00:01+08:00";

/// The example with a 2025 release under embargo (10:00, 26 April 2025) that adds a 2024 row
/// to `patent-grants` and brings a new dataset, `ip-insurance`.
pub(crate) fn example_with_embargoed_release() -> Site {
    let site = Site::example();
    site.replace(
        "data/patent-grants.yaml",
        "  - {year: 2021, total: 155000, invention: 22400, other: {value: 132600, status: derived}}\n",
        "  - {year: 2021, total: 155000, invention: 22400, other: {value: 132600, status: derived}}\n  - {year: 2024, total: 287913, invention: 61357, other: 226556}\n",
    );
    site.write(
        "data/ip-insurance.yaml",
        "title: {zh: 知识产权保险, en: IP insurance}\n\
         description: {zh: 知识产权保险保额。, en: Sums insured by IP insurance.}\n\
         source: {name: {zh: 湖北省知识产权局, en: Hubei IPA}}\n\
         updated: 2025-04-26\n\
         key: {id: year, kind: year, label: {zh: 年份, en: Year}}\n\
         series:\n  - id: insured\n    label: {zh: 保额, en: Sum insured}\n    unit: {kind: currency, currency: CNY, label: {zh: 元, en: yuan}}\n\
         rows:\n  - {year: 2023, insured: 3172645901}\n  - {year: 2024, insured: 4719386527}\n",
    );
    for (lang, title) in [("zh", "2025年“4·26”发布"), ("en", "The 2025 World IP Day release")] {
        site.write(
            &format!("content/releases/2025/_index.{lang}.md"),
            format!("---\ntitle: \"{title}\"\ndate: 2025-04-26\npublish_at: 2025-04-26T10:00:00+08:00\n---\n\nSECRET-LANDING\n"),
        );
        site.write(
            &format!("content/releases/2025/white-paper.{lang}.md"),
            format!(
                "---\ntitle: white paper {lang}\ndate: 2025-04-26\n---\n\n\
                 {{{{ value(data=\"patent-grants\", series=\"total\", period=2024) }}}} \
                 {{{{ change(data=\"patent-grants\", series=\"invention\", period=2024) }}}} \
                 {{{{ value(data=\"ip-insurance\", series=\"insured\", period=2024) }}}}\n\n\
                 ```chart\ndata: ip-insurance\nkind: bar\n```\n\n\
                 ```chart\ndata: patent-grants\nkind: line\nseries: [total, invention]\n```\n"
            ),
        );
    }
    site
}

/// The `basic` fixture's grants with a 2023 row (193,847 grants), a figure for a release still
/// under embargo to hold back.
pub(crate) fn with_2023_grants(site: &Site) {
    site.replace(
        "data/grants.yaml",
        "  - {year: 2022, total: 150000, invention: 27400, other: 122600, pledge: 6000000000}\n",
        "  - {year: 2022, total: 150000, invention: 27400, other: 122600, pledge: 6000000000}\n  - {year: 2023, total: 193847, invention: 31313, other: 162534, pledge: 7123456789}\n",
    );
}

/// Every file of a folder as text, with zip archives (the all-data zip, XLSX) and gzip files
/// (the search index) opened, so that a figure cannot hide inside them.
pub(crate) fn all_text(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).into_iter().filter_map(Result::ok).filter(|e| e.file_type().is_file()) {
        let name = entry.path().strip_prefix(dir).unwrap().display().to_string();
        expand(&name, std::fs::read(entry.path()).unwrap(), &mut out);
    }
    out
}

fn expand(name: &str, bytes: Vec<u8>, out: &mut Vec<(String, String)>) {
    if bytes.starts_with(b"PK\x03\x04") {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let entry = f.name().map(|n| n.to_string()).unwrap_or_default();
            let mut inner = Vec::new();
            f.read_to_end(&mut inner).unwrap();
            expand(&format!("{name}!{entry}"), inner, out);
        }
    } else if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut inner = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut inner).unwrap();
        expand(&format!("{name}!gz"), inner, out);
    } else {
        out.push((name.to_string(), String::from_utf8_lossy(&bytes).to_string()));
    }
}

/// The embargoed figures in every format a page or file may give them.
fn embargoed_forms() -> Vec<&'static str> {
    vec![
        // patent-grants 2024: plain, thousands separators, 万.
        "287913",
        "287,913",
        "28.79万",
        "28.8万",
        "61357",
        "61,357",
        "6.14万",
        "226556",
        "226,556",
        // The change of invention patents 2021 -> 2024 that the page prints.
        "173.9%",
        // ip-insurance: plain, separators, 亿/billion, and the 2023 figure that only it has.
        "4719386527",
        "4,719,386,527",
        "47.19亿",
        "4.72 billion",
        "3172645901",
        "3,172,645,901",
        "31.73亿",
        "3.17 billion",
        // The dataset and the landing page themselves.
        "ip-insurance",
        "知识产权保险",
        "IP insurance",
        "SECRET-LANDING",
    ]
}

#[test]
fn an_embargoed_release_leaks_no_figure_anywhere() {
    let site = example_with_embargoed_release();
    let r = site.run_at(BEFORE, &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let files = all_text(&site.root().join("public"));
    assert!(files.iter().any(|(n, _)| n.contains("pagefind") && n.ends_with("!gz")), "the search index was searched");
    assert!(files.iter().any(|(n, _)| n.contains("vitrine-data.zip!")), "the zip was searched");
    assert!(files.iter().any(|(n, _)| n.contains(".xlsx!")), "the spreadsheets were searched");
    for form in embargoed_forms() {
        let found: Vec<&String> = files.iter().filter(|(_, t)| t.contains(form)).map(|(n, _)| n).collect();
        assert!(found.is_empty(), "`{form}` is public before the release, in {found:?}");
    }
    // The published figures are all still there.
    let csv = site.read("data/patent-grants.csv");
    assert!(csv.contains("2021,155000,,22400,,132600,derived"), "{csv}");
    assert!(!site.exists("releases/2025/index.html"));
    assert!(r.stdout.contains("2025-04-26 10:00"), "the build says when the embargo lifts: {}", r.stdout);

    // At the moment, and with --future, it is all there.
    for (at, args) in [(AFTER, vec!["build"]), (BEFORE, vec!["build", "--future"])] {
        let r = site.run_at(at, &args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let files = all_text(&site.root().join("public"));
        for form in ["287913", "287,913", "4719386527", "ip-insurance", "SECRET-LANDING"] {
            assert!(files.iter().any(|(_, t)| t.contains(form)), "`{form}` missing with {args:?} at {at}");
        }
        assert!(site.read("data/patent-grants.csv").contains("2024,287913,,61357,,226556,"));
        assert!(site.exists("data/ip-insurance/index.html") && site.exists("en/data/ip-insurance/index.html"));
    }
}

#[test]
fn check_lists_what_becomes_public_when() {
    let site = example_with_embargoed_release();
    let r = site.run_at(BEFORE, &["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.stdout;
    assert!(out.contains("2025-04-26 10:00 +08:00"), "{out}");
    assert!(out.contains("data/ip-insurance.yaml"), "{out}");
    assert!(out.contains("data/patent-grants.yaml") && out.contains("2024"), "{out}");
}

#[test]
fn a_corrected_figure_gets_a_new_version_and_a_note_on_the_old_release() {
    let site = Site::example();
    let v1 = std::fs::read(site.root().join("data/frozen/2022/patent-grants.v1.yaml")).unwrap();
    site.build(&[]);
    let old_csv = site.bytes("data/patent-grants/2022/v1.csv");
    site.replace("data/patent-grants.yaml", "{year: 2021, total: 155000,", "{year: 2021, total: 158000,");

    // Without a corrections entry: check warns, freeze refuses.
    let r = site.run(&["check"]);
    assert!(
        r.stderr.contains("data/patent-grants.yaml:") && r.stderr.contains("no `corrections` entry"),
        "{}",
        r.stderr
    );
    let r = site.run(&["freeze", "2022"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stderr.contains("data/patent-grants.yaml:") && r.stderr.contains("corrections"), "{}", r.stderr);

    site.replace(
        "data/patent-grants.yaml",
        "corrections:\n",
        "corrections:\n  - {date: 2027-05-10, text: {zh: 2021年专利授权总量更正为15.8万件。, en: The 2021 total is corrected to 158000.}}\n",
    );
    let r = site.run(&["freeze", "2022"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("data/frozen/2022/patent-grants.v3.yaml"), "{}", r.stdout);
    assert_eq!(std::fs::read(site.root().join("data/frozen/2022/patent-grants.v1.yaml")).unwrap(), v1);
    site.build(&[]);

    let zh = crate::support::main_of(&site.read("releases/2022/white-paper/index.html")).to_string();
    assert!(zh.contains("15.8万件"), "the corrected figure");
    assert!(zh.contains("更正（2027年5月10日）</a>：原发布为15.5万件"), "the note in Chinese");
    assert!(zh.contains("原发布为同比增长40.9%"), "the change as first published");
    let en = crate::support::main_of(&site.read("en/releases/2022/white-paper/index.html")).to_string();
    assert!(en.contains("Correction, 10 May 2027</a>: originally published as 155,000"), "the note in English");
    assert_eq!(site.bytes("data/patent-grants/2022/v1.csv"), old_csv, "a published version never changes");
    assert!(String::from_utf8(site.bytes("data/patent-grants/2022/v3.csv")).unwrap().contains("2021,158000"));
    let page = site.read("data/patent-grants/index.html");
    assert!(page.contains("/data/patent-grants/2022/v1.csv") && page.contains("/data/patent-grants/2022/v3.csv"));
    assert!(page.contains("2021年专利授权总量更正为15.8万件。"), "the reason is listed");
    // The 2021 release froze no 2021 figure: it is untouched.
    assert!(!site.read("releases/2021/index.html").contains("更正（2027"));
    // The feeds and sitemap date the corrected pages.
    assert!(site.read("sitemap.xml").contains("2027-05-10"));
    assert!(site.read("atom.xml").contains("2027-05-10"));
    // The data package stays valid JSON naming the latest files.
    let pkg: serde_json::Value = serde_json::from_str(&site.read("data/datapackage.json")).unwrap();
    assert!(pkg["resources"].as_array().unwrap().iter().any(|r| r["path"] == "patent-grants.csv"));
}

#[test]
fn a_frozen_version_edited_by_hand_is_an_error() {
    let site = Site::example();
    site.build(&[]);
    let before = site.read("index.html");
    site.replace("data/frozen/2022/patent-grants.v1.yaml", "155000", "156000");
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("data/frozen/2022/patent-grants.v1.yaml:1:1:")
            && r.stderr.contains("changed after it was frozen"),
        "{}",
        r.stderr
    );
    assert_eq!(site.read("index.html"), before, "public/ untouched");
}

#[test]
fn a_correction_dated_before_its_release_is_an_error() {
    let site = Site::example();
    site.replace(
        "data/patent-grants.yaml",
        "corrections:\n",
        "corrections:\n  - {date: 2020-01-01, text: {zh: 错误日期。, en: Wrong date.}}\n",
    );
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("data/patent-grants.yaml:") && r.stderr.contains("before the 2021 release"),
        "{}",
        r.stderr
    );
}

#[test]
fn without_frozen_figures_an_embargo_holds_by_period_and_says_so() {
    let site = Site::fixture("basic");
    with_2023_grants(&site);
    site.write(
        "content/releases/2024/_index.zh.md",
        "---\ntitle: 2024年发布\ndate: 2024-04-26\npublish_at: 2024-04-26T10:00:00+08:00\n---\n\n{{ value(data=\"grants\", series=\"total\", period=2023) }}\n",
    );
    let r = site.run_at("2024-04-25T12:00:00+08:00", &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("data/grants.yaml:") && r.stderr.contains("vitrine freeze 2023"), "{}", r.stderr);
    let files = all_text(&site.root().join("public"));
    for form in ["193847", "193,847", "19.38万", "7123456789", "71.23亿"] {
        assert!(!files.iter().any(|(_, t)| t.contains(form)), "`{form}` leaked");
    }
    assert!(site.read("data/grants.csv").contains("2022,150000"), "the published rows stay");
    let r = site.run_at("2024-04-26T10:00:00+08:00", &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(site.read("data/grants.csv").contains("2023,193847"));
}

#[test]
fn scaffolds_use_one_embargo_and_the_release_date() {
    let site = Site::fixture("basic");
    // No language asked for: the site's first language (Chinese) decides.
    let r = site
        .run_with(&["new", "release", "2026"], &[("VITRINE_NOW", "2026-03-01T09:00:00+08:00"), ("VITRINE_LANG", "")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let index = std::fs::read_to_string(site.root().join("content/releases/2026/_index.zh.md")).unwrap();
    assert!(index.contains("publish_at: 2026-04-26T10:00:00+08:00") && !index.contains("draft"), "{index}");
    assert!(index.contains("定时发布"), "the comment is in the author's language: {index}");
    let r = site.run_at("2026-03-01T09:00:00+08:00", &["new", "page", "releases/2026/white-paper"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = std::fs::read_to_string(site.root().join("content/releases/2026/white-paper.zh.md")).unwrap();
    assert!(page.contains("date: 2026-04-26") && !page.contains("draft"), "{page}");
    // Before the moment nothing shows; at it, the release is public without another edit.
    site.run_at("2026-04-26T09:59:59+08:00", &["build"]);
    assert!(!site.exists("releases/2026/index.html"));
    let r = site.run_at("2026-04-26T10:00:00+08:00", &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(site.exists("releases/2026/white-paper/index.html"));
    // check points at the text the scaffold left.
    let r = site.run_at("2026-04-26T10:00:00+08:00", &["check"]);
    assert!(
        r.stderr.contains("content/releases/2026/white-paper.zh.md:") && r.stderr.contains("在这里写正文"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_draft_whose_publish_at_has_passed_is_an_error() {
    let site = Site::fixture("basic");
    site.write(
        "content/notes/late.zh.md",
        "---\ntitle: 迟到\ndraft: true\npublish_at: 2020-01-01T10:00:00+08:00\n---\n\n正文。\n",
    );
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("content/notes/late.zh.md:3:1:") && r.stderr.contains("has passed"), "{}", r.stderr);
}
