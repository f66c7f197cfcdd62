//! Key figures (issue 19): `key_figures` in a release's front matter, checked against the
//! data (messages in both languages, snapshots), shown as tiles on the release page and the
//! home page in both languages, kept back with an embargoed release; the one-page summary,
//! printed by Chromium on exactly one A4 page.

use crate::support::{Site, in_chinese, main_of};

const LANDING_ZH: &str = "content/releases/2023/_index.zh.md";
const LANDING_EN: &str = "content/releases/2023/_index.en.md";

/// The basic fixture with key figures on its 2023 release, in both languages.
fn with_figures(zh: &str, en: &str) -> Site {
    let site = Site::fixture("basic");
    add_figures(&site, zh, en);
    site
}

/// Adds `key_figures` to the landing pages of the basic fixture's 2023 release.
fn add_figures(site: &Site, zh: &str, en: &str) {
    site.replace(LANDING_ZH, "summary: 2023年的发布。\n", &format!("summary: 2023年的发布。\nkey_figures:\n{zh}"));
    site.replace(
        LANDING_EN,
        "summary: The 2023 release.\n",
        &format!("summary: The 2023 release.\nkey_figures:\n{en}"),
    );
}

const FIGURES: &str = "  - {data: grants, series: total, period: 2022}\n  - {data: grants, series: pledge, period: 2021, label: {zh: 质押融资, en: Pledge loans}}\n  - {data: grants, series: invention, period: 2020}\n";

#[test]
fn tiles_show_value_label_and_change_in_both_languages() {
    let site = with_figures(FIGURES, FIGURES);
    site.build(&[]);
    for page in ["releases/2023/index.html", "index.html"] {
        let zh = site.read(page);
        let zh = main_of(&zh);
        assert!(zh.contains("class=key-figures") || zh.contains("class=\"key-figures\""), "{page}: {zh}");
        // 2022 against 2021: 150000 / 155000 - 1 = -3.2%.
        for words in ["专利授权总量", "15万", "比上年下降3.2%", "质押融资", "50.26亿", "比上年增长54.4%", "2022年"]
        {
            assert!(zh.contains(words), "{page}: `{words}` missing:\n{zh}");
        }
        // The arrow is hidden from screen readers; the words say it.
        assert!(zh.contains("aria-hidden=true class=arrow>▼") || zh.contains("aria-hidden=\"true\">▼"), "{zh}");
        // 2020 is the first row: no change to give.
        let invention = &zh[zh.find("发明专利").unwrap()..];
        let tile = &invention[..invention.find("</li>").unwrap()];
        assert!(tile.contains("1.76万") && !tile.contains("tile-change"), "{tile}");
    }
    for page in ["en/releases/2023/index.html", "en/index.html"] {
        let en = site.read(page);
        let en = main_of(&en);
        for words in [
            "Patents granted",
            "150,000",
            "patents",
            "down 3.2% on 2021",
            "Pledge loans",
            "5.03 billion",
            "up 54.4% on 2020",
        ] {
            assert!(en.contains(words), "{page}: `{words}` missing:\n{en}");
        }
    }
    // The summary page, linked from the release page.
    assert!(site.read("releases/2023/index.html").contains("/releases/2023/summary/"));
    let summary = site.read("en/releases/2023/summary/index.html");
    assert!(summary.contains("down 3.2% on 2021") && summary.contains("https://test.example.org/en/releases/2023/"));
}

#[test]
fn no_change_across_a_break_in_the_series() {
    let site = with_figures(FIGURES, FIGURES);
    site.replace(
        "data/grants.yaml",
        "corrections:",
        "breaks:\n  - {period: 2022, series: [total], note: {zh: 口径调整。, en: Scope changed.}}\ncorrections:",
    );
    site.build(&[]);
    let zh = site.read("releases/2023/index.html");
    assert!(zh.contains("15万") && !zh.contains("比上年下降3.2%"), "{zh}");
    assert!(zh.contains("比上年增长54.4%"), "the other series keeps its change");
}

/// `check` on the basic fixture with `figures` in the Chinese landing page: the English
/// message (`headline` first, with `hint`) and its Chinese twin are snapshots.
fn slip(name: &str, figures: &str, headline: &str, hint: &str) {
    let en = "  - {data: grants, series: total, period: 2022}\n";
    super::messages::slip(name, |site| add_figures(site, figures, en), headline, hint);
}

#[test]
fn key_figure_with_an_unknown_dataset() {
    slip(
        "key_figure_unknown_dataset",
        "  - {data: grant, series: total, period: 2022}\n",
        "content/releases/2023/_index.zh.md:6:12: unknown dataset `grant`",
        "did you mean `grants`? The datasets are: channels, grants",
    );
}

#[test]
fn key_figure_with_an_unknown_series() {
    slip(
        "key_figure_unknown_series",
        "  - {data: grants, series: totl, period: 2022}\n",
        "content/releases/2023/_index.zh.md:6:28: dataset `grants` has no series `totl`",
        "did you mean `total`? The series are: total, invention, other, pledge",
    );
}

#[test]
fn key_figure_with_an_unknown_period() {
    slip(
        "key_figure_unknown_period",
        "  - {data: grants, series: total, period: 2022}\n  - {data: grants, series: total, period: 2031}\n",
        "content/releases/2023/_index.zh.md:7:43: dataset `grants` has no year `2031`",
        "it has: 2019, 2020, 2021, 2022",
    );
}

#[test]
fn key_figures_outside_a_release_landing_page() {
    let site = Site::fixture("basic");
    site.replace(
        "content/releases/2023/report.zh.md",
        "weight: 10\n",
        "weight: 10\nkey_figures:\n  - {data: grants, series: total, period: 2022}\n",
    );
    let r = site.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    insta::assert_snapshot!("key_figures_outside_a_release", r.stderr);
    let zh = in_chinese(&site, &["check"], &[], &r);
    insta::assert_snapshot!("key_figures_outside_a_release_zh", zh.stderr);
}

#[test]
fn an_embargoed_release_shows_no_key_figure() {
    let site = Site::fixture("basic");
    super::embargo::with_2023_grants(&site);
    // The 2024 release names its figure only in `key_figures`: that is enough to hold it back.
    site.write(
        "content/releases/2024/_index.zh.md",
        "---\ntitle: 2024年发布\ndate: 2024-04-26\npublish_at: 2024-04-26T10:00:00+08:00\nkey_figures:\n  - {data: grants, series: total, period: 2023}\n---\n\n正文。\n",
    );
    let r = site.run_at("2024-04-25T12:00:00+08:00", &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut leaked = Vec::new();
    for (path, text) in super::embargo::all_text(&site.root().join("public")) {
        for form in ["193847", "193,847", "19.38万", "2023,193847"] {
            if text.contains(form) {
                leaked.push(format!("{path} holds {form}"));
            }
        }
    }
    assert!(leaked.is_empty(), "{leaked:?}");
    assert!(!site.exists("releases/2024/index.html") && !site.exists("releases/2024/summary/index.html"));
    let r = site.run_at("2024-04-26T10:00:00+08:00", &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let landing = site.read("releases/2024/index.html");
    assert!(landing.contains("19.38万") && landing.contains("比上年增长29.2%"), "{landing}");
    // The home page features the newest release's figures.
    assert!(site.read("index.html").contains("19.38万"));
}

/// `pdfinfo`'s `Pages:` and `Page size:` lines of a PDF.
fn pdf_pages_and_size(pdf: &std::path::Path) -> (String, (f64, f64)) {
    let out = std::process::Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo not found: run `bash scripts/setup-test-tools.sh` (poppler-utils)");
    let info = String::from_utf8_lossy(&out.stdout).to_string();
    let field = |name: &str| {
        info.lines().find_map(|l| l.strip_prefix(name)).map(str::trim).unwrap_or_else(|| panic!("{name} in {info}"))
    };
    let size: Vec<f64> = field("Page size:").split_whitespace().filter_map(|w| w.parse().ok()).take(2).collect();
    (field("Pages:").to_string(), (size[0], size[1]))
}

#[test]
fn the_summary_prints_on_one_a4_page_in_each_language() {
    let site = Site::example();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    site.build(&["--base-url", &format!("http://127.0.0.1:{port}")]);
    let _files = crate::browser::Files::serve(listener, site.root().join("public"));
    let dir = tempfile::tempdir().unwrap();
    for path in [
        "/releases/2022/summary/",
        "/en/releases/2022/summary/",
        "/releases/2021/summary/",
        "/en/releases/2021/summary/",
    ] {
        let pdf = dir.path().join("summary.pdf");
        let _ = std::fs::remove_file(&pdf);
        let profile = tempfile::tempdir().unwrap();
        let status = std::process::Command::new("chromium")
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
            .args(["--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-pdf-header-footer"])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("http://127.0.0.1:{port}{path}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .expect("chromium not found: run `bash scripts/setup-test-tools.sh`");
        assert!(status.success() && pdf.exists(), "{path}: chromium printed nothing");
        let (pages, (w, h)) = pdf_pages_and_size(&pdf);
        assert_eq!(pages, "1", "{path} prints on {pages} pages");
        assert!((w - 595.0).abs() <= 1.0 && (h - 842.0).abs() <= 1.0, "{path} prints on {w} x {h} pts, not A4");
    }
}

/// Width and height of a PNG, from its IHDR chunk (after checking the signature).
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

#[test]
fn share_images_are_1200_by_630_the_same_each_build_and_the_og_image() {
    let site = Site::example();
    site.build(&[]);
    let images = [
        "releases/2022/share.zh.png",
        "releases/2022/share.en.png",
        "releases/2021/share.zh.png",
        "releases/2021/share.en.png",
    ];
    let first: Vec<Vec<u8>> = images.iter().map(|p| site.bytes(p)).collect();
    for (path, bytes) in images.iter().zip(&first) {
        assert_eq!(png_size(bytes), (1200, 630), "{path}");
    }
    // The tiles' figures differ between languages, so do the images.
    assert_ne!(first[0], first[1]);
    site.build(&[]);
    for (path, bytes) in images.iter().zip(&first) {
        assert!(site.bytes(path) == *bytes, "{path} changed from one build to the next");
    }
    let og = |page: &str| {
        let html = site.read(page);
        let at = html.find("property=og:image>").or_else(|| html.find("property=\"og:image\"")).expect(page);
        let start = html[..at].rfind("content=").unwrap() + "content=".len();
        html[start..at].trim().trim_matches('"').to_string()
    };
    let base = "https://ip.hubei.example.org";
    assert_eq!(og("index.html"), format!("{base}/releases/2022/share.zh.png"));
    assert_eq!(og("en/index.html"), format!("{base}/releases/2022/share.en.png"));
    assert_eq!(og("releases/2021/index.html"), format!("{base}/releases/2021/share.zh.png"));
    assert_eq!(og("en/releases/2022/white-paper/index.html"), format!("{base}/releases/2022/share.en.png"));
    assert_eq!(og("en/releases/2022/summary/index.html"), format!("{base}/releases/2022/share.en.png"));
    // Other pages keep the theme's image.
    assert_eq!(og("data/index.html"), format!("{base}/og-image.png"));
    let home = site.read("en/index.html");
    assert!(home.contains("og:image:width") && home.contains("Patents granted 155,000 patents (2021)"), "alt text");
}

#[test]
fn a_label_is_text_in_pages_and_images() {
    let label = "  - {data: grants, series: total, period: 2022, label: \"<img src=x onerror=alert(1)> & 'q'\"}\n";
    let site = with_figures(label, label);
    site.build(&[]);
    for page in ["releases/2023/index.html", "en/index.html", "releases/2023/summary/index.html"] {
        let html = site.read(page);
        assert!(!html.contains("<img src=x"), "{page}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)"), "{page}: the label is shown as text");
    }
    assert!(site.bytes("releases/2023/share.zh.png").starts_with(b"\x89PNG"));
}
