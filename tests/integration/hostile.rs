//! Hostile and oversized input: works safely or fails with a clear error, never a panic, and
//! no script from a dataset or page ends up executable in the built site.

use crate::support::Site;

const EVIL: &str = "</script><script>alert(1)</script><svg onload=alert(2)>{{ 7*7 }}\u{202e}evil\u{202c}";

#[test]
fn dataset_and_page_strings_are_escaped_everywhere() {
    let site = Site::fixture("basic");
    let data = std::fs::read_to_string(site.root().join("data/grants.yaml")).unwrap();
    let yaml_evil = EVIL.replace('"', "\\\"");
    let data = data
        .replace(
            "title: {zh: 专利授权量, en: Patents granted}",
            &format!("title: {{zh: \"{yaml_evil}\", en: \"{yaml_evil}\"}}"),
        )
        .replace(
            "label: {zh: 发明专利, en: Invention patents}",
            &format!("label: {{zh: \"{yaml_evil}\", en: \"=cmd|'/c calc'!A1\"}}"),
        );
    site.write("data/grants.yaml", data);
    site.write(
        "content/notes/evil.zh.md",
        "---\ntitle: \"<script>alert(3)</script>\"\nsummary: \"<img src=x onerror=alert(4)>\"\n---\n\n正文。\n",
    );
    site.build(&[]);
    for rel in [
        "releases/2023/report/index.html",
        "data/grants/index.html",
        "en/data/grants/index.html",
        "data/index.html",
        "notes/evil/index.html",
        "releases/2023/index.html",
    ] {
        let html = site.read(rel);
        assert!(!html.contains("<script>alert"), "{rel}: script injected");
        assert!(!html.contains("<svg onload"), "{rel}: svg injected");
        assert!(!html.contains("<img src=x onerror"), "{rel}: img injected");
        assert!(!html.contains(">49<"), "{rel}: template syntax evaluated");
    }
    for rel in ["charts/releases-2023-report-grants.zh.svg", "atom.xml", "sitemap.xml", "notes/evil/index.html"] {
        let text = site.read(rel);
        assert!(!text.contains("<script>"), "{rel}");
    }
    // JSON-LD cannot be closed early.
    let page = site.read("data/grants/index.html");
    let ld = page.split("application/ld+json").nth(1).unwrap();
    let ld = &ld[..ld.find("</script>").unwrap()];
    assert!(!ld.contains('<'), "JSON-LD must escape <: {ld}");
    // The XLSX and CSV keep the text as text.
    let csv = site.read("data/grants.csv");
    assert!(!csv.contains("=cmd"), "series ids, not labels, head the CSV");
}

#[test]
fn javascript_source_links_are_refused() {
    let site = Site::fixture("basic");
    let data = std::fs::read_to_string(site.root().join("data/grants.yaml")).unwrap();
    site.write(
        "data/grants.yaml",
        data.replace("url: https://test.example.org/source", "url: \"javascript:alert(1)\""),
    );
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("source `url` must start with https:// or http://"), "{}", r.stderr);
}

#[test]
fn billion_laughs_is_refused() {
    let site = Site::fixture("basic");
    let mut yaml = String::from("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        yaml.push_str(&format!("a{i}: &a{i} [{}]\n", vec![prev; 9].join(",")));
    }
    site.write("data/laughs.yaml", yaml);
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("data/laughs.yaml:"), "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"));
}

#[test]
fn nul_bytes_and_symlinks_out_of_the_site() {
    let site = Site::fixture("basic");
    site.write("content/notes/nul.zh.md", b"---\ntitle: a\0b\n---\n\nx\0y\n".as_slice());
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc/passwd", site.root().join("content/notes/passwd.zh.md")).unwrap();
    let r = site.run(&["build"]);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    if r.code == 0 {
        assert!(!site.exists("notes/passwd/index.html"), "symlinks leaving the site are not followed");
    }
}

#[test]
fn a_hundred_thousand_rows() {
    let site = Site::fixture("basic");
    let mut yaml = String::from(
        "title: 大数据\nsource: {name: 测试}\nkey: {id: date, kind: date, label: 日期}\nseries:\n  - {id: v, label: 值, unit: {kind: count, label: 件}}\nrows:\n",
    );
    let start = jiff::civil::date(1800, 1, 1);
    for i in 0..100_000i64 {
        let d = start.checked_add(jiff::Span::new().days(i)).unwrap();
        yaml.push_str(&format!("  - {{date: {d}, v: {i}}}\n"));
    }
    site.write("data/big.yaml", yaml);
    let t = std::time::Instant::now();
    site.build(&[]);
    assert!(t.elapsed().as_secs() < 60, "took {:?}", t.elapsed());
    assert_eq!(site.read("data/big.csv").lines().count(), 100_001);
    // The page shows the first rows and says where the rest are.
    let page = site.read("data/big/index.html");
    assert_eq!(page.matches("<tr>").count(), 1 + 1000 + 1 + 3, "table: header, 1000 rows; downloads: header, 3 files");
    assert!(page.contains("表中显示前 1000 行，共 100000 行"));
    assert!(!site.exists("charts/data-big.zh.svg"), "no chart of 100,000 points");
}
