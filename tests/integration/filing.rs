//! The filing footer: `filing: {icp, police}` in site.yaml, shown on every page; the ICP
//! number linked to the MIIT's filing site, the public security number as plain text.

use crate::support::Site;

/// Every HTML page of a built site, with its path.
fn pages(site: &Site) -> Vec<(String, String)> {
    let public = site.root().join("public");
    walkdir::WalkDir::new(&public)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().and_then(|x| x.to_str()) == Some("html"))
        // The embed pages hold one chart for other sites' frames: no site footer.
        .filter(|e| !e.path().strip_prefix(&public).unwrap().to_string_lossy().replace('\\', "/").contains("embed/"))
        .map(|e| {
            let rel = e.path().strip_prefix(&public).unwrap().display().to_string();
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// The footer of a page.
fn footer(html: &str) -> &str {
    let start = html.find("<footer").expect("a footer");
    &html[start..start + html[start..].find("</footer>").unwrap()]
}

#[test]
fn every_page_shows_both_filing_numbers() {
    let site = Site::fixture("basic");
    site.replace(
        "site.yaml",
        "theme: default",
        "theme: default\nfiling:\n  icp: 鄂ICP备12345678号-1\n  police: {zh: 鄂公网安备42010602000001号, en: \"Hubei <police> & 42010602000001\"}",
    );
    site.build(&[]);
    let all = pages(&site);
    assert!(all.len() > 5, "{} pages", all.len());
    for (rel, html) in &all {
        let f = footer(html);
        assert!(f.contains("<a href=https://beian.miit.gov.cn/ rel=external>"), "{rel}: ICP link missing: {f}");
        assert!(f.contains("ICP"), "{rel}: {f}");
        assert!(f.contains("12345678号") && f.contains("-1</a>"), "{rel}: the number is the link text: {f}");
        // The police number is text, not a link, and escaped.
        assert!(!f.contains("beian.mps.gov.cn"), "{rel}: {f}");
        assert!(!f.contains("<police>"), "{rel}: not escaped: {f}");
        let police = if rel.starts_with("en/") { "Hubei &lt;police> &" } else { "鄂公网安备42010602000001号" };
        assert!(f.contains(police), "{rel}: police number `{police}` missing: {f}");
    }
}

#[test]
fn each_number_is_optional() {
    let site = Site::fixture("basic");
    site.replace("site.yaml", "theme: default", "theme: default\nfiling: {police: 鄂公网安备42010602000001号}");
    site.build(&[]);
    let home = site.read("index.html");
    assert!(footer(&home).contains("鄂公网安备42010602000001号"));
    assert!(!home.contains("beian.miit.gov.cn"));

    let site = Site::fixture("basic");
    site.replace("site.yaml", "theme: default", "theme: default\nfiling: {icp: 鄂ICP备12345678号}");
    site.build(&[]);
    let home = site.read("en/index.html");
    assert!(footer(&home).contains("beian.miit.gov.cn"));
    assert!(!home.contains("公网安备"));

    // Without `filing:`, no filing paragraph at all.
    let site = Site::fixture("basic");
    site.build(&[]);
    assert!(!site.read("index.html").contains("class=filing"));
}

#[test]
fn the_example_shows_placeholders_labelled_as_examples() {
    let site = Site::example();
    site.build(&[]);
    let zh = footer(&site.read("index.html")).to_string();
    let en = footer(&site.read("en/index.html")).to_string();
    assert!(zh.contains("beian.miit.gov.cn") && zh.contains("（示例）"), "{zh}");
    assert!(en.contains("beian.miit.gov.cn") && en.contains("(example)"), "{en}");
}
