//! Input that would silently lose or replace something: two sources for one output file,
//! folders whose URLs the build makes itself, an output folder that is not a site, a
//! Markdown file that would be published as it is. Each is an error naming the file, exit 1,
//! and the previous `public/` untouched.

use crate::support::Site;

/// Applies `edit` to a copy of the basic fixture, builds, and checks the failure.
fn refused(edit: impl Fn(&Site), headline: &str, hint: &str) {
    let site = Site::fixture("basic");
    site.write("public/index.html", "previous site");
    edit(&site);
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "expected exit code 1 for `{headline}`, got {}\n{}", r.code, r.stderr);
    assert!(r.stderr.contains(headline), "expected `{headline}` in:\n{}", r.stderr);
    assert!(r.stderr.contains(&format!("hint: {hint}")), "expected hint `{hint}` in:\n{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert_eq!(site.read("index.html"), "previous site", "public/ was touched");
    let check = site.run(&["check"]);
    assert_eq!(check.code, 1, "check agrees with build:\n{}", check.stderr);
}

fn copy(site: &Site, from: &str, to: &str) {
    let text = std::fs::read(site.root().join(from)).unwrap();
    site.write(to, text);
}

#[test]
fn a_dataset_named_like_the_data_package() {
    refused(
        |s| copy(s, "data/channels.yaml", "data/datapackage.yaml"),
        "data/datapackage.yaml:1:1: `datapackage` is a name the site uses for its own files",
        "`/data/datapackage.json` describes every dataset together",
    );
}

#[test]
fn one_dataset_in_two_files() {
    refused(
        |s| copy(s, "data/channels.yaml", "data/channels.yml"),
        "`data/channels.yaml` and `data/channels.yml` are both the dataset `channels`",
        "keep one of the two files",
    );
}

#[test]
fn pages_where_the_site_makes_its_own() {
    refused(
        |s| copy(s, "content/notes/public.zh.md", "content/data/grants.zh.md"),
        "content/data/grants.zh.md:1:1: a page at `/data/` would take the place of the site's own `/data/`",
        "`/data/` is made by vitrine",
    );
    refused(
        |s| copy(s, "content/notes/public.zh.md", "content/search.zh.md"),
        "a page at `/search/` would take the place",
        "`/search/` is made by vitrine",
    );
}

#[test]
fn a_folder_named_after_a_language() {
    refused(
        |s| copy(s, "content/notes/public.zh.md", "content/en/x.zh.md"),
        "content/en/x.zh.md:1:1: `en` is a language code and `/en/` is that language's site",
        "put translations beside the page they translate, as `about.en.md`",
    );
}

#[test]
fn a_static_file_over_a_page_or_a_data_file() {
    refused(
        |s| {
            s.write("static/notes/public/index.html", "hi");
        },
        "static/notes/public/index.html:1:1: `static/notes/public/index.html` would replace `/notes/public/index.html`",
        "rename or move the file",
    );
    refused(
        |s| {
            s.write("static/data/grants.csv", "hi");
        },
        "`static/data/grants.csv` would replace `/data/grants.csv`",
        "rename or move the file",
    );
}

#[test]
fn a_static_file_may_replace_the_themes() {
    let site = Site::fixture("basic");
    site.write("static/favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    site.build(&[]);
    assert_eq!(site.read("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
}

#[test]
fn markdown_by_another_extension_is_not_published_raw() {
    for name in ["content/notes/y.MD", "content/notes/x.markdown"] {
        refused(
            |s| copy(s, "content/notes/public.zh.md", name),
            &format!("{name}:1:1: a Markdown page must end in `.md`"),
            "rename the file, e.g. `report.zh.md`",
        );
    }
}

#[test]
fn a_chart_of_a_dataset_without_rows() {
    refused(
        |s| {
            let path = s.root().join("data/channels.yaml");
            let text = std::fs::read_to_string(&path).unwrap();
            let head = &text[..text.find("rows:").unwrap()];
            std::fs::write(path, format!("{head}rows: []\n")).unwrap();
        },
        "dataset `channels` has no rows to chart",
        "add rows to `data/channels.yaml`",
    );
}

#[test]
fn an_unclosed_shortcode_is_reported_where_it_opens() {
    refused(
        |s| {
            s.write("content/notes/bad.zh.md", "---\ntitle: 坏\n---\n\n这是 {{ 一个花括号\n\n很长的一段。\n\n{{ value(data=\"grants\", series=\"total\", period=2021) }}\n");
        },
        "content/notes/bad.zh.md:5:4: `{{` is not closed by `}}`",
        "a figure is written",
    );
}

#[test]
fn a_language_tag_that_is_not_one() {
    refused(
        |s| s.replace("site.yaml", "{code: en, name: English}", "{code: en, name: English, tag: english_US}"),
        "`english_US` is not a language tag",
        "write a BCP 47 tag such as `zh-Hans`",
    );
}

#[test]
fn an_output_folder_that_is_a_file_or_holds_other_things() {
    let site = Site::fixture("basic");
    site.write("report.txt", "important notes");
    let r = site.run(&["build", "--out", site.root().join("report.txt").to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("it is a file, not a folder"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(site.root().join("report.txt")).unwrap(), "important notes");
    site.write("mydocs/keep.txt", "keep me");
    let r = site.run(&["build", "--out", site.root().join("mydocs").to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("holds files but no built site"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(site.root().join("mydocs/keep.txt")).unwrap(), "keep me");
    // An empty folder, or one holding a built site, is replaced.
    std::fs::create_dir(site.root().join("empty")).unwrap();
    let r = site.run(&["build", "--out", site.root().join("empty").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = site.run(&["build", "--out", site.root().join("empty").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}
