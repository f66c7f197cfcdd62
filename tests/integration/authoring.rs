//! `vitrine check` and `vitrine new`.

use crate::support::Site;

#[test]
fn check_reports_warnings_and_the_embargo_schedule() {
    let site = Site::fixture("basic");
    site.write(
        "content/notes/links.zh.md",
        "---\ntitle: 链接\n---\n\n[坏链接](/no/such/page/) [坏锚点](/notes/public/#nowhere) ![](/img.png)\n",
    );
    site.write("content/notes/links.en.md", "---\ntitle: Links\n---\n\nNothing.\n");
    let r = site.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("embargoed until 2099-04-26 10:00 +08:00: /notes/embargoed/ (content/notes/embargoed.zh.md)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("content/notes/only-zh.zh.md:1:1: warning: the page has no `en` translation"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("content/notes/links.zh.md:5:7: warning: the link `/no/such/page/` leads nowhere"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("warning: the anchor `#nowhere` does not exist on `/notes/public/`"), "{}", r.stderr);
    assert!(r.stderr.contains("warning: the image `/img.png` has no alt text"), "{}", r.stderr);
    assert!(!site.root().join("public").exists(), "check writes nothing");
    let strict = site.run(&["check", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
}

#[test]
fn check_reports_texts_missing_a_language_where_they_are_written() {
    let site = Site::fixture("basic");
    site.replace("site.yaml", "title: {zh: 测试站点, en: Test site}", "title: {zh: 测试站点}");
    site.replace("data/grants.yaml", "en: Invention patents", "EN: Invention patents");
    let r = site.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for expected in [
        "site.yaml:1:13: warning: `title` has no `en` text",
        "data/grants.yaml:13:17: warning: the label of series `invention` has no `en` text",
        "data/grants.yaml:13:17: warning: the label of series `invention` has a text for `EN`, which is not a language of the site",
        "hint: the site's languages are `zh`, `en`; language codes are written in lowercase",
    ] {
        assert!(r.stderr.contains(expected), "expected `{expected}` in:\n{}", r.stderr);
    }
}

#[test]
fn new_release_builds_at_once_and_never_overwrites() {
    let site = Site::fixture("basic");
    let r = site.run(&["new", "release", "2026"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("content/releases/2026/_index.zh.md"));
    assert!(site.root().join("content/releases/2026/_index.en.md").exists());
    site.build(&["--drafts", "--future"]);
    assert!(site.exists("releases/2026/index.html"));
    let again = site.run(&["new", "release", "2026"]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("already exists"));
    let r = site.run(&["new", "page", "releases/2026/white-paper"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = site.run(&["new", "dataset", "new-figures"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    site.build(&["--drafts", "--future"]);
    assert!(site.exists("releases/2026/white-paper/index.html"));
    assert!(site.exists("data/new-figures.csv"));
    // Arguments that cannot work are usage errors (exit 2), and nothing is created.
    for args in [
        ["new", "dataset", "Bad Id"],
        ["new", "page", "../escape"],
        ["new", "page", "notes/my page"],
        ["new", "release", "20222"],
    ] {
        let bad = site.run(&args);
        assert_eq!(bad.code, 2, "{args:?}: {}", bad.stderr);
    }
    assert!(!site.root().join("content/notes/my page.zh.md").exists());
}

#[test]
fn a_figure_that_meets_a_missing_value_says_so_and_warns() {
    let site = Site::fixture("basic");
    site.write(
        "content/notes/gaps.zh.md",
        "---\ntitle: 缺失\n---\n\n授权{{ value(data=\"grants\", series=\"total\", period=2019) }}，\n{{ change(data=\"grants\", series=\"total\", period=2020) }}。\n",
    );
    site.write(
        "content/notes/gaps.en.md",
        "---\ntitle: Gaps\n---\n\nGranted {{ value(data=\"grants\", series=\"total\", period=2019) }}, {{ change(data=\"grants\", series=\"total\", period=2020) }}.\n",
    );
    let r = site.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("content/notes/gaps.zh.md:5:3:") && r.stderr.contains("no figure"), "{}", r.stderr);
    let zh = site.read("notes/gaps/index.html");
    assert!(zh.contains("2019年数据缺失") && zh.contains("2019年数据缺失，无法计算增减"), "{zh}");
    let en = site.read("en/notes/gaps/index.html");
    assert!(en.contains("no data for 2019") && en.contains("so no change can be given"), "{en}");
    let strict = site.run(&["check", "--strict"]);
    assert_eq!(strict.code, 1);
    assert!(strict.stderr.contains("content/notes/gaps.en.md:5:"), "{}", strict.stderr);
}
