//! A small bilingual fixture site: URLs, languages, drafts and embargoes, Markdown, templates.

use crate::support::{Site, count, html_lang, main_of};

#[test]
fn default_language_at_the_root_others_under_their_code() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let zh = site.read("releases/2023/report/index.html");
    let en = site.read("en/releases/2023/report/index.html");
    assert_eq!(html_lang(&zh), "zh-Hans", "{}", &zh[..200]);
    assert_eq!(html_lang(&en), "en");
    // Reciprocal hreflang alternates with x-default, and a canonical URL.
    for page in [&zh, &en] {
        assert!(page.contains("href=https://test.example.org/releases/2023/report/ hreflang=zh-Hans rel=alternate"));
        assert!(page.contains("href=https://test.example.org/en/releases/2023/report/ hreflang=en rel=alternate"));
        assert!(page.contains("href=https://test.example.org/releases/2023/report/ hreflang=x-default rel=alternate"));
    }
    assert!(zh.contains("href=https://test.example.org/releases/2023/report/ rel=canonical"));
    // The language switch goes to the same page in the other language.
    assert!(zh.contains("<a href=/en/releases/2023/report/ hreflang=en lang=en>English</a>"));
    assert!(en.contains("<a href=/releases/2023/report/ hreflang=zh-Hans lang=zh-Hans>中文</a>"));
    assert!(site.exists("index.html") && site.exists("en/index.html"));
    assert!(site.exists("404.html") && site.exists("en/404.html"));
}

#[test]
fn untranslated_page_switches_to_the_section() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let page = site.read("notes/only-zh/index.html");
    assert!(page.contains("<a href=/en/notes/ hreflang=en lang=en>English</a>"));
    // No hreflang for a translation that does not exist.
    assert!(!page.contains("hreflang=en rel=alternate"));
}

#[test]
fn drafts_and_embargoes_only_when_asked() {
    let site = Site::fixture("basic");
    site.build(&[]);
    assert!(!site.exists("notes/draft/index.html"));
    assert!(!site.exists("notes/embargoed/index.html"));
    assert!(site.exists("notes/public/index.html"), "publish_at in the past is published");
    assert!(!site.read("sitemap.xml").contains("embargoed"));
    assert!(!site.read("atom.xml").contains("embargoed"));
    site.build(&["--drafts"]);
    assert!(site.exists("notes/draft/index.html"));
    assert!(!site.exists("notes/embargoed/index.html"));
    site.build(&["--future"]);
    assert!(site.exists("notes/embargoed/index.html"));
    assert!(!site.exists("notes/draft/index.html"));
}

#[test]
fn embargo_on_a_release_hides_its_pages() {
    let site = Site::fixture("basic");
    site.write(
        "content/releases/2023/_index.zh.md",
        "---\ntitle: 2023年发布\npublish_at: 2099-04-26T10:00:00+08:00\n---\n",
    );
    site.build(&[]);
    assert!(!site.exists("releases/2023/index.html"));
    assert!(!site.exists("releases/2023/report/index.html"), "pages inherit the release's embargo");
    assert!(site.exists("en/releases/2023/report/index.html"), "the English release has no embargo");
}

#[test]
fn chinese_markdown_as_written() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let html = site.read("releases/2023/report/index.html");
    let main = main_of(&html);
    assert!(main.contains("这是<strong>“重要”</strong>内容"), "emphasis next to full-width punctuation");
    // Hard-wrapped Chinese lines are joined without a space.
    assert!(main.contains("。发明专利"), "{main}");
    // Shortcodes in code stay literal.
    assert!(main.contains("<code>{{ value(data=\"nope\") }}</code>"));
    // Heading ids that work for Chinese.
    assert!(main.contains("<h2 id=概况>"));
}

#[test]
fn figures_in_prose_are_formatted_per_language() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let zh = site.read("releases/2023/report/index.html");
    let en = site.read("en/releases/2023/report/index.html");
    assert!(zh.contains(">15万件</data>"), "{}", main_of(&zh));
    assert!(zh.contains("同比下降3.2%"));
    assert!(zh.contains(">2.74万件</data>"));
    assert!(zh.contains("同比增长22.3%"));
    assert!(zh.contains(">60亿元</data>"));
    assert!(en.contains(">150,000 patents</data>"));
    assert!(en.contains("down 3.2% year on year"));
    assert!(en.contains(">6 billion yuan</data>"));
}

#[test]
fn every_chart_kind_is_an_accessible_svg() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let html = site.read("releases/2023/report/index.html");
    let main = main_of(&html);
    assert_eq!(count(main, "<figure"), 5);
    assert_eq!(count(main, "role=img"), 5);
    for kind in ["bar", "grouped-bar", "stacked-bar", "line", "horizontal-bar"] {
        assert!(main.contains(&format!("class=\"chart chart-{kind}\"")), "{kind}");
    }
    // Each figure has its table of the same numbers and the source.
    assert_eq!(count(main, "<details class=chart-data>"), 5);
    assert!(main.contains("<td>155,000</td>"));
    // Standalone SVG files per language.
    let svg = site.read("charts/releases-2023-report-grants.zh.svg");
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("viewBox=\""));
    assert!(svg.contains("<title id=\""));
    assert!(svg.contains("<desc id=\""));
    assert!(site.exists("charts/releases-2023-report-grants.en.svg"));
    assert!(site.exists("charts/releases-2023-report-grants-2.zh.svg"));
}

#[test]
fn builds_are_byte_identical() {
    let a = Site::fixture("basic");
    let b = Site::fixture("basic");
    a.build(&[]);
    b.build(&[]);
    let files = |s: &Site| {
        let root = s.root().join("public");
        let mut out = Vec::new();
        for e in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let e = e.unwrap();
            if e.file_type().is_file() {
                out.push((e.path().strip_prefix(&root).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap()));
            }
        }
        out
    };
    let (fa, fb) = (files(&a), files(&b));
    assert!(fa.len() > 30);
    assert_eq!(fa.len(), fb.len());
    for ((pa, ba), (pb, bb)) in fa.iter().zip(&fb) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{} differs between two builds", pa.display());
    }
}

#[test]
fn bom_and_crlf_just_work() {
    let site = Site::fixture("basic");
    site.write("content/notes/word.zh.md", b"\xef\xbb\xbf---\r\ntitle: \xe4\xbb\x8e Word \xe4\xbf\x9d\xe5\xad\x98\r\n---\r\n\r\n\xe6\xad\xa3\xe6\x96\x87\xe3\x80\x82\r\n".as_slice());
    site.build(&[]);
    let html = site.read("notes/word/index.html");
    assert!(html.contains("<h1>从 Word 保存</h1>"));
    assert!(html.contains("<p>正文。</p>"));
}

#[test]
fn a_site_templates_folder_overrides_the_theme() {
    let site = Site::fixture("basic");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<p class=custom>{{ page.title }}</p>{% endblock main %}",
    );
    site.build(&[]);
    assert!(site.read("releases/2023/report/index.html").contains("<p class=custom>报告</p>"));
    // The section template still comes from the built-in theme.
    assert!(site.read("notes/index.html").contains("<h1>笔记</h1>"));
}

#[test]
fn release_archive_and_landing() {
    let site = Site::fixture("basic");
    site.write("content/releases/2021/_index.zh.md", "---\ntitle: 2021年发布\ndate: 2021-04-26\n---\n");
    site.build(&[]);
    let archive = site.read("releases/index.html");
    let (a, b) = (archive.find("2023年发布").unwrap(), archive.find("2021年发布").unwrap());
    assert!(a < b, "newest first");
    let landing = site.read("releases/2023/index.html");
    assert!(landing.contains("href=/releases/2023/report/"));
    assert!(landing.contains("href=/data/grants/"), "lists the datasets its pages use");
    let home = site.read("index.html");
    assert!(home.contains("2023年发布"), "home features the newest release");
}

#[test]
fn feeds_sitemap_robots() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let atom = site.read("atom.xml");
    assert!(atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-Hans\">"));
    assert!(atom.contains("https://test.example.org/releases/2023/report/"));
    assert!(site.read("en/atom.xml").contains("https://test.example.org/en/releases/2023/report/"));
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://test.example.org/en/releases/2023/report/\"/>"
    ));
    assert!(site.read("robots.txt").contains("Sitemap: https://test.example.org/sitemap.xml"));
}

#[test]
fn base_url_override() {
    let site = Site::fixture("basic");
    site.build(&["--base-url", "https://other.example.net/"]);
    assert!(site.read("index.html").contains("https://other.example.net/"));
}

#[test]
fn out_folder_option() {
    let site = Site::fixture("basic");
    let out = site.root().join("elsewhere");
    site.build(&["--out", out.to_str().unwrap()]);
    assert!(out.join("index.html").exists());
    assert!(!site.exists("index.html"));
}

#[test]
fn a_site_without_index_files_still_has_home_and_section_pages() {
    let site = Site::fixture("basic");
    for f in
        ["content/_index.zh.md", "content/_index.en.md", "content/notes/_index.zh.md", "content/notes/_index.en.md"]
    {
        std::fs::remove_file(site.root().join(f)).unwrap();
    }
    site.build(&[]);
    assert!(site.read("index.html").contains("<title>测试站点</title>"));
    assert!(site.exists("en/index.html"));
    let notes = site.read("notes/index.html");
    assert!(notes.contains("href=/notes/public/"), "the section lists its pages");
    assert!(!site.exists("en/notes/index.html"), "no English pages in notes, so no English section");
}

#[test]
fn a_site_with_only_site_yaml_builds_home_pages() {
    let site = Site::fixture("basic");
    std::fs::remove_dir_all(site.root().join("content")).unwrap();
    std::fs::remove_dir_all(site.root().join("data")).unwrap();
    site.build(&[]);
    assert_eq!(html_lang(&site.read("index.html")), "zh-Hans");
    assert_eq!(html_lang(&site.read("en/index.html")), "en");
    assert!(site.exists("sitemap.xml") && site.exists("atom.xml"));
}
