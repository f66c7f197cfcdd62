//! `vitrine init`: a new site that builds and passes `check --strict` at once; nothing is
//! overwritten.

use std::process::Command;

use crate::support::Site;

/// Whether the site has the source file `rel`.
fn has(site: &Site, rel: &str) -> bool {
    site.root().join(rel).is_file()
}

/// A source file of the site.
fn source(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).unwrap()
}

/// Runs `vitrine init <dir> <args>`.
fn init(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .arg("init")
        .arg(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("VITRINE_NOW")
        .output()
        .unwrap()
}

/// Inits into a new folder, then builds and checks strictly; returns the site.
fn fresh(args: &[&str]) -> Site {
    let dir = tempfile::tempdir().unwrap();
    let out = init(&dir.path().join("site"), args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let site = Site::copy_of(&dir.path().join("site"));
    let check = site.run(&["check", "--strict"]);
    assert_eq!(check.code, 0, "{}\n{}", check.stdout, check.stderr);
    site.build(&[]);
    site
}

#[test]
fn a_new_site_builds_and_passes_strict_check() {
    let site = fresh(&[]);
    for f in ["site.yaml", "glossary.yaml", ".gitignore", "netlify.toml", "README.md", "data/pct-applications.yaml"] {
        assert!(has(&site, f), "{f}");
    }
    for page in ["content/_index", "content/about", "content/releases/_index", "content/releases/2022/white-paper"] {
        assert!(has(&site, &format!("{page}.zh.md")) && has(&site, &format!("{page}.en.md")), "{page}");
    }
    // Comments in the author's language; the filing numbers as placeholders to replace.
    let config = source(&site, "site.yaml");
    assert!(config.contains("# 网站设置") && config.contains("# filing: {icp:"), "{config}");
    // The white paper's figure and chart come from the dataset.
    let zh = site.read("releases/2022/white-paper/index.html");
    assert!(zh.contains("1691件") && zh.contains("同比增长12.4%"), "{zh}");
    assert!(zh.contains("<svg"), "the chart is drawn");
    let en = site.read("en/releases/2022/white-paper/index.html");
    assert!(en.contains("1,691"), "{en}");
    assert!(source(&site, "netlify.toml").contains("command = \"vitrine build\""));
}

#[test]
fn english_first_with_a_title() {
    let site = fresh(&["--languages", "en,zh", "--title", "IP: statistics"]);
    let config = source(&site, "site.yaml");
    assert!(config.starts_with("# Site settings"), "{config}");
    assert!(config.contains("\"IP: statistics\""), "{config}");
    assert!(site.read("index.html").contains("IP: statistics"));
    assert!(site.exists("zh/releases/2022/white-paper/index.html"));
}

#[test]
fn from_the_bundled_example() {
    let site = fresh(&["--from-example"]);
    assert!(has(&site, "data/frozen/SHA256SUMS"));
    assert!(site.exists("releases/2022/white-paper/index.html"));
}

#[test]
fn a_folder_with_a_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "keep me").unwrap();
    let out = init(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("不是空文件夹"));
    assert_eq!(std::fs::read_to_string(dir.path().join("notes.txt")).unwrap(), "keep me");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "nothing written");
}
