//! The bundled example site builds, twice identically, with the pages and charts it promises.

use crate::support::{Site, count, main_of};

#[test]
fn example_site_builds_with_charts_in_both_languages() {
    let site = Site::example();
    site.build(&[]);
    let zh = site.read("releases/2022/white-paper/index.html");
    let en = site.read("en/releases/2022/white-paper/index.html");
    assert!(count(main_of(&zh), "<figure") >= 5);
    assert!(count(main_of(&en), "<figure") >= 5);
    assert!(zh.contains("15.5万件"));
    assert!(en.contains("155,000 patents"));
    for f in [
        "data/datapackage.json",
        "atom.xml",
        "en/atom.xml",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        "data/patent-grants.csv",
    ] {
        assert!(site.exists(f), "{f}");
    }
}

#[test]
fn check_passes_on_the_example() {
    let site = Site::example();
    // --strict, as a release's CI would run it: not even a warning on the example.
    let r = site.run(&["check", "--strict"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("0 warning(s)"), "{}", r.stdout);
}
