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

/// About 50 MB of ordinary Markdown: paragraphs of Chinese and English sentences, a heading
/// every 500 paragraphs, numbered so that nothing can go missing unnoticed.
fn fifty_megabytes_of_markdown() -> (String, usize) {
    const ZH: [&str; 7] = [
        "全省专利授权数量继续增长，质量稳步提升。",
        "知识产权保护工作取得新进展，",
        "商标注册申请量同比增长",
        "专利质押融资金额达到新高。",
        "各市州积极推进知识产权强市建设，",
        "执法部门查处侵权假冒案件",
        "企业创新能力不断增强。",
    ];
    const EN: [&str; 6] = [
        "The office examined patent applications filed during the year",
        "and published its findings in this report,",
        "with *emphasis* on **quality** and a [link](https://example.org/).",
        "Trademark registrations rose again;",
        "enforcement officers handled more cases than before.",
        "Small firms pledged patents to raise loans.",
    ];
    let mut text = String::from("---\ntitle: 大文件\n---\n\n");
    let mut seed: u64 = 7;
    let mut pick = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    let mut i = 0;
    while text.len() < 50_000_000 {
        if i % 500 == 0 {
            text.push_str(&format!("## 第{i}段 Section {i}\n\n"));
        }
        for _ in 0..8 {
            if i % 2 == 0 {
                text.push_str(ZH[pick(ZH.len())]);
            } else {
                text.push_str(EN[pick(EN.len())]);
                text.push(' ');
            }
        }
        text.push_str(&format!("（第{i}段）\n\n"));
        i += 1;
    }
    (text, i)
}

/// A 50 MB page builds, or fails with a clear message, in reasonable time (about 10 s in a
/// debug build, 0.9 GB peak memory; before search indexed long pages by their first MiB, the
/// search stage alone took over 7 minutes in release).
#[test]
fn a_fifty_megabyte_page() {
    let site = Site::fixture("basic");
    let (text, paragraphs) = fifty_megabytes_of_markdown();
    site.write("content/notes/huge.zh.md", &text);
    drop(text);
    let limit = std::time::Duration::from_secs(if cfg!(debug_assertions) { 120 } else { 60 });
    let log = |name: &str| std::fs::File::create(site.root().join(name)).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .env("VITRINE_LANG", "en")
        .args(["build", "--verbose", "--root"])
        .env("VITRINE_CACHE_DIR", "off")
        .arg(site.root())
        .env("NO_COLOR", "1")
        .stdout(log("build.out"))
        .stderr(log("build.err"))
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the build of a 50 MB page did not finish within {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    let took = start.elapsed();
    let out = std::fs::read_to_string(site.root().join("build.out")).unwrap();
    let err = std::fs::read_to_string(site.root().join("build.err")).unwrap();
    eprintln!("50 MB page: {status} after {took:?}\n{out}{err}");
    assert!(!err.contains("panicked"), "{err}");
    if status.success() {
        let html = site.read("notes/huge/index.html");
        assert!(html.trim_end().ends_with("</html>"));
        assert!(html.contains(&format!("（第{}段）", paragraphs - 1)), "the last paragraph is there");
    } else {
        assert_eq!(status.code(), Some(1), "{err}");
        assert!(err.contains("content/notes/huge.zh.md"), "the error names the file: {err}");
    }
}
