//! What a page shows to the tools that read it: sharing tags, alternates, the sitemap's
//! dates, data files' number types, and a site published under a path of its host.

use crate::support::{Site, count, main_of};

#[test]
fn every_page_has_sharing_tags_with_an_image_and_a_real_locale() {
    let site = Site::fixture("basic");
    site.build(&[]);
    for (page, locale, other) in [
        ("index.html", "zh_CN", "en_US"),
        ("en/index.html", "en_US", "zh_CN"),
        ("notes/public/index.html", "zh_CN", "en_US"),
        ("data/grants/index.html", "zh_CN", "en_US"),
        ("en/data/index.html", "en_US", "zh_CN"),
        ("404.html", "zh_CN", "en_US"),
    ] {
        let html = site.read(page);
        // The home pages show the newest release's share image; the others the theme's.
        let image = match page {
            "index.html" => "releases/2023/share.zh.png",
            "en/index.html" => "releases/2023/share.en.png",
            _ => "og-image.png",
        };
        assert!(html.contains(&format!("content=https://test.example.org/{image} property=og:image>")), "{page}");
        assert!(html.contains(&format!("content={locale} property=og:locale>")), "{page}");
        assert!(html.contains(&format!("content={other} property=og:locale:alternate>")), "{page}");
        assert!(html.contains("content=summary_large_image name=twitter:card"), "{page}");
    }
    assert!(site.bytes("og-image.png").starts_with(b"\x89PNG"));
    assert!(site.read("404.html").contains("content=noindex name=robots"));
}

#[test]
fn a_page_only_in_english_names_itself_the_default() {
    let site = Site::fixture("basic");
    site.write("content/notes/en-only.en.md", "---\ntitle: Only in English\n---\n\nText.\n");
    site.build(&[]);
    let html = site.read("en/notes/en-only/index.html");
    assert!(
        html.contains("href=https://test.example.org/en/notes/en-only/ hreflang=x-default"),
        "{}",
        &html[..html.find("</head>").unwrap()]
    );
}

#[test]
fn dataset_pages_in_the_sitemap_carry_their_update_date() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let sitemap = site.read("sitemap.xml");
    let entry = sitemap.split("<url>").find(|u| u.contains("/data/grants/</loc>")).unwrap();
    assert!(entry.contains("<lastmod>"), "{entry}");
    let catalogue = sitemap.split("<url>").find(|u| u.contains("/data/</loc>")).unwrap();
    assert!(catalogue.contains("<lastmod>"), "{catalogue}");
}

#[test]
fn whole_numbers_are_integers_in_json_and_the_data_package() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let json: serde_json::Value = serde_json::from_str(&site.read("data/grants.json")).unwrap();
    let first = &json["rows"][0];
    let total = first.as_object().unwrap().iter().find(|(k, _)| *k != "year").unwrap().1;
    assert!(total.is_i64() || total.is_null(), "{first}");
    assert!(!site.read("data/grants.json").contains(".0,"), "no `155000.0`");
    let package: serde_json::Value = serde_json::from_str(&site.read("data/datapackage.json")).unwrap();
    let grants = package["resources"].as_array().unwrap().iter().find(|r| r["name"] == "grants").unwrap();
    let types: Vec<&str> =
        grants["schema"]["fields"].as_array().unwrap().iter().map(|f| f["type"].as_str().unwrap()).collect();
    assert!(types[1..].iter().all(|t| *t == "integer"), "{types:?}");
}

#[test]
fn spreadsheets_are_offered_and_described_as_spreadsheets() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let page = site.read("releases/2023/report/index.html");
    assert!(
        page.contains("href=/data/grants.xlsx><span class=visually-hidden>专利授权量：</span>XLSX</a>"),
        "every figure links its spreadsheet"
    );
    let dataset = site.read("data/grants/index.html");
    let ld = &dataset[dataset.find("application/ld+json").unwrap()..];
    let ld = &ld[ld.find('>').unwrap() + 1..ld.find("</script>").unwrap()];
    let ld: serde_json::Value = serde_json::from_str(ld).unwrap();
    let formats: Vec<&str> =
        ld["distribution"].as_array().unwrap().iter().map(|d| d["encodingFormat"].as_str().unwrap()).collect();
    assert_eq!(
        formats,
        ["text/csv", "application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
    );
}

#[test]
fn figure_tables_are_wrapped_once() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let html = site.read("releases/2023/report/index.html");
    let main = main_of(&html);
    let wraps = count(main, " class=table-wrap ");
    assert!(wraps >= 5, "{wraps}");
    // Each wrapper holds its table directly, never another wrapper.
    let direct = main
        .split(" class=table-wrap ")
        .skip(1)
        .filter(|rest| rest.split_once('>').is_some_and(|(_, t)| t.starts_with("<table")))
        .count();
    assert_eq!(direct, wraps);
}

#[test]
fn a_site_under_a_path_links_within_that_path() {
    let site = Site::fixture("basic");
    site.build(&["--base-url", "https://host.example.org/ip/"]);
    let home = site.read("index.html");
    assert!(home.contains("href=\"/ip/en/\""), "language switch");
    assert!(home.contains("href=\"/ip/style."), "stylesheet");
    assert!(home.contains("<link href=https://host.example.org/ip/ rel=canonical>"), "canonical");
    let report = site.read("releases/2023/report/index.html");
    assert!(report.contains("href=\"/ip/data/grants.csv\""), "figure downloads");
    assert!(!report.contains("href=/data/"), "no link left at the root of the host");
    assert!(site.read("search/index.html").contains("data-bundle=\"/ip/pagefind/\""));
    assert!(site.read("sitemap.xml").contains("<loc>https://host.example.org/ip/data/grants/</loc>"));
    // `check` reads the moved links as the site's own.
    let r = site.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // At the root of its host, nothing moves.
    site.build(&[]);
    assert!(site.read("index.html").contains("href=/en/"));
}

#[test]
fn the_main_navigation_shows_the_first_eight_top_level_entries() {
    let site = Site::fixture("basic");
    for i in 0..12 {
        site.write(
            &format!("content/s{i:02}/_index.zh.md"),
            format!("---\ntitle: 专题{i:02}\nweight: {}\n---\n", 100 + i),
        );
    }
    site.build(&[]);
    let home = site.read("index.html");
    let nav = &home[home.find("class=main-nav").unwrap()..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    // Home, eight entries, the data catalogue.
    assert_eq!(count(nav, "<li>"), 10, "{nav}");
    assert!(!nav.contains("专题11"), "{nav}");
    assert!(home.contains("专题11"), "the home page still lists every section");
}
