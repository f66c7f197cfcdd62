//! Bad input: each case gets `path:line:col: message` (with a hint where one helps), exit
//! code 1, no panic, and the previous `public/` untouched. The full messages are snapshots.

use crate::support::Site;

/// Applies `edit` to a copy of the basic fixture, builds, and checks the failure.
fn fails(name: &str, edit: impl Fn(&Site), headline: &str, hint: Option<&str>) {
    let site = Site::fixture("basic");
    site.write("public/index.html", "previous site");
    edit(&site);
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "{name}: expected exit code 1, got {}\n{}", r.code, r.stderr);
    assert!(r.stderr.contains(headline), "{name}: expected `{headline}` in:\n{}", r.stderr);
    if let Some(h) = hint {
        assert!(r.stderr.contains(&format!("hint: {h}")), "{name}: expected hint `{h}` in:\n{}", r.stderr);
    }
    assert!(!r.stderr.contains("panicked"), "{name} panicked:\n{}", r.stderr);
    assert_eq!(site.read("index.html"), "previous site", "{name}: public/ was touched");
    insta::assert_snapshot!(name, r.stderr);
    let zh = crate::support::in_chinese(&site, &["build"], &[], &r);
    assert_eq!(site.read("index.html"), "previous site", "{name}: public/ was touched");
    insta::assert_snapshot!(format!("{name}_zh"), zh.stderr);
}

const PAGE: &str = "content/notes/bad.zh.md";
const DATA: &str = "data/grants.yaml";

#[test]
fn malformed_site_yaml() {
    fails(
        "malformed_site_yaml",
        |s| {
            s.write("site.yaml", "title: [unclosed\nbase_url: https://x.org\n");
        },
        "site.yaml:1:",
        None,
    );
}

#[test]
fn site_yaml_unknown_key() {
    fails(
        "site_yaml_unknown_key",
        |s| s.replace("site.yaml", "theme: default", "thme: default"),
        "site.yaml:10:1: unknown key `thme`",
        Some("did you mean `theme`?"),
    );
}

#[test]
fn full_width_colon() {
    fails(
        "full_width_colon",
        |s| {
            s.write(PAGE, "---\ntitle： 标题\n---\n正文\n");
        },
        "content/notes/bad.zh.md:2:6: full-width colon `：` used as a YAML colon",
        Some("type a half-width colon `:`"),
    );
}

#[test]
fn unknown_front_matter_key() {
    fails(
        "unknown_front_matter_key",
        |s| {
            s.write(PAGE, "---\ntitle: 标题\npublsh_at: 2099-04-26T10:00:00+08:00\n---\n");
        },
        "content/notes/bad.zh.md:3:1: unknown key `publsh_at`",
        Some("did you mean `publish_at`?"),
    );
}

#[test]
fn missing_title() {
    fails(
        "missing_title",
        |s| {
            s.write(PAGE, "---\ndate: 2022-04-26\n---\n");
        },
        "content/notes/bad.zh.md:2:1: missing required key `title`",
        Some("add a line `title: …`"),
    );
}

#[test]
fn bad_date() {
    fails(
        "bad_date",
        |s| {
            s.write(PAGE, "---\ntitle: 标题\ndate: 2022-02-30\n---\n");
        },
        "content/notes/bad.zh.md:3:7: `2022-02-30` is not a valid date",
        Some("write a date as `2022-04-26`"),
    );
}

#[test]
fn bad_publish_at() {
    fails(
        "bad_publish_at",
        |s| {
            s.write(PAGE, "---\ntitle: 标题\npublish_at: 4月26日上午10点\n---\n");
        },
        "content/notes/bad.zh.md:3:13: `4月26日上午10点` is not a valid `publish_at` time",
        Some("write a date as `2022-04-26`, or a moment as `2022-04-26T10:00:00+08:00`"),
    );
}

#[test]
fn duplicate_front_matter_key() {
    fails(
        "duplicate_front_matter_key",
        |s| {
            s.write(PAGE, "---\ntitle: 一\ntitle: 二\n---\n");
        },
        "content/notes/bad.zh.md:3:1: duplicate key `title`",
        None,
    );
}

#[test]
fn language_not_in_site_yaml() {
    fails(
        "language_not_in_site_yaml",
        |s| {
            s.write("content/notes/bad.fr.md", "---\ntitle: Titre\n---\n");
        },
        "content/notes/bad.fr.md:1:1: language code `fr` is not in site.yaml",
        Some("the site's languages are `zh`, `en`"),
    );
}

#[test]
fn two_files_one_url() {
    fails(
        "two_files_one_url",
        |s| {
            s.write("content/notes/public.md", "---\ntitle: 重复\n---\n");
        },
        "both make the page `/notes/public/`",
        Some("every page needs its own URL"),
    );
}

#[test]
fn gbk_file() {
    fails(
        "gbk_file",
        // "标题" and "正文" saved as GBK by a Chinese Windows editor.
        |s| {
            s.write(PAGE, b"---\ntitle: \xb1\xea\xcc\xe2\n---\n\xd5\xfd\xce\xc4\n".as_slice());
        },
        "content/notes/bad.zh.md:2:8: the file is not valid UTF-8 text",
        Some("save the file as UTF-8"),
    );
}

#[test]
fn no_front_matter() {
    fails(
        "no_front_matter",
        |s| {
            s.write(PAGE, "title: 标题\n\n正文\n");
        },
        "content/notes/bad.zh.md:1:1: the page has no front matter",
        Some("Did you forget the `---` line above `title:`?"),
    );
}

#[test]
fn several_errors_are_all_reported() {
    let site = Site::fixture("basic");
    site.write("content/notes/a.zh.md", "---\ntitel: a\n---\n");
    site.write("content/notes/b.zh.md", "---\ntitle: b\ndate: soon\n---\n");
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("content/notes/a.zh.md:2:1: unknown key `titel`"), "{}", r.stderr);
    assert!(r.stderr.contains("content/notes/b.zh.md:3:7: `soon` is not a valid date"), "{}", r.stderr);
    assert!(r.stderr.contains("2 errors"), "{}", r.stderr);
}

#[test]
fn dataset_not_yaml() {
    fails(
        "dataset_not_yaml",
        |s| {
            s.write(DATA, "title: {zh: 专利\nrows: [\n");
        },
        "data/grants.yaml:",
        None,
    );
}

#[test]
fn dataset_chinese_number() {
    fails(
        "dataset_chinese_number",
        |s| s.replace(DATA, "total: 155000", "total: 15.5万"),
        "data/grants.yaml:24:25: `15.5万` is not a number",
        Some("write the plain number in base units: `155000`"),
    );
}

#[test]
fn dataset_number_with_separator() {
    fails(
        "dataset_number_with_separator",
        |s| s.replace(DATA, "total: 155000", "total: \"155,000\""),
        "`155,000` is not a number",
        Some("write the plain number in base units: `155000`"),
    );
}

#[test]
fn dataset_undeclared_column() {
    fails(
        "dataset_undeclared_column",
        |s| s.replace(DATA, "{year: 2022, total: 150000", "{year: 2022, totl: 150000"),
        "data/grants.yaml:25:18: column `totl` is not a declared series",
        Some("did you mean `total`?"),
    );
}

#[test]
fn dataset_series_without_column() {
    fails(
        "dataset_series_without_column",
        |s| s.replace(DATA, ", pledge: 6000000000}", "}"),
        "the row `2022` has no value for series `pledge`",
        Some("write `pledge: null` for a missing value"),
    );
}

#[test]
fn dataset_duplicate_key_value() {
    fails(
        "dataset_duplicate_key_value",
        |s| s.replace(DATA, "{year: 2019,", "{year: 2021,"),
        "`2021` appears in two rows",
        None,
    );
}

#[test]
fn dataset_unknown_unit_kind() {
    fails(
        "dataset_unknown_unit_kind",
        |s| {
            s.replace(
                DATA,
                "unit: {kind: count, label: {zh: 件, en: patents}}",
                "unit: {kind: pieces, label: {zh: 件, en: patents}}",
            )
        },
        "data/grants.yaml:11:18: unknown unit kind `pieces`",
        Some("use one of: count, currency, percent, rate"),
    );
}

#[test]
fn dataset_unsafe_id() {
    fails(
        "dataset_unsafe_id",
        |s| {
            s.write("data/My Data.yaml", "title: x\n");
        },
        "data/My Data.yaml:1:1: `My Data` is not a usable dataset id",
        Some("the file name is the dataset id"),
    );
}

#[test]
fn chart_unknown_dataset() {
    fails(
        "chart_unknown_dataset",
        |s| s.replace("content/releases/2023/report.zh.md", "data: grants\nkind: bar", "data: grant\nkind: bar"),
        "content/releases/2023/report.zh.md:19:7: unknown dataset `grant`",
        Some("did you mean `grants`?"),
    );
}

#[test]
fn chart_unknown_series() {
    fails(
        "chart_unknown_series",
        |s| s.replace("content/releases/2023/report.zh.md", "series: [total]\ntitle", "series: [totals]\ntitle"),
        "content/releases/2023/report.zh.md:21:9: dataset `grants` has no series `totals`",
        Some("its series are: total, invention, other, pledge"),
    );
}

#[test]
fn chart_unknown_kind() {
    fails(
        "chart_unknown_kind",
        |s| s.replace("content/releases/2023/report.zh.md", "kind: bar\n", "kind: pie\n"),
        "content/releases/2023/report.zh.md:20:7: unknown chart kind `pie`",
        Some("use one of: bar, grouped-bar, stacked-bar, line, horizontal-bar"),
    );
}

#[test]
fn chart_range_outside_the_data() {
    fails(
        "chart_range_outside_the_data",
        |s| s.replace("content/releases/2023/report.zh.md", "from: 2021", "from: 2015"),
        "content/releases/2023/report.zh.md:29:7: `2015` is outside the data of `grants`",
        Some("the year runs from `2019` to `2022`"),
    );
}

#[test]
fn value_for_a_missing_period() {
    fails(
        "value_for_a_missing_period",
        |s| {
            s.write(PAGE, "---\ntitle: 标题\n---\n\n第一段。\n\n授权{{ value(data=\"grants\", series=\"total\", period=2030) }}。\n");
        },
        "content/notes/bad.zh.md:7:3: dataset `grants` has no year `2030`",
        Some("it has: 2019, 2020, 2021, 2022"),
    );
}

#[test]
fn unknown_shortcode() {
    fails(
        "unknown_shortcode",
        |s| {
            s.write(PAGE, "---\ntitle: 标题\n---\n{{ total(data=\"grants\") }}\n");
        },
        "content/notes/bad.zh.md:4:1: unknown function `total`",
        None,
    );
}

#[test]
fn usage_errors_exit_2() {
    let site = Site::fixture("basic");
    let r = site.run(&["build", "--no-such-flag"]);
    assert_eq!(r.code, 2);
    let r = site.run(&["publish"]);
    assert_eq!(r.code, 2);
}

#[test]
fn no_site_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .env("VITRINE_LANG", "en")
        .arg("build")
        .env("VITRINE_CACHE_DIR", "off")
        .arg("--root")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("site.yaml:1:1: no `site.yaml` in the site folder"));
}

#[test]
fn three_errors_in_three_stages_are_reported_in_one_run() {
    let site = Site::fixture("basic");
    site.build(&[]);
    let before = site.read("index.html");
    // A page file named `.MD` (scanning), a YAML error in a dataset (loading), and a chart
    // block with an unknown series (rendering the Markdown).
    site.write("content/notes/shouting.zh.MD", "---\ntitle: 大写\n---\n\n正文。\n");
    site.replace("data/channels.yaml", "title:", "title: [unclosed\ntitle2:");
    site.write(
        "content/notes/chart.zh.md",
        "---\ntitle: 图表\n---\n\n```chart\ndata: grants\nkind: bar\nseries: [totl]\n```\n",
    );
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("content/notes/shouting.zh.MD"), "the file name: {}", r.stderr);
    assert!(r.stderr.contains("data/channels.yaml:"), "the dataset: {}", r.stderr);
    assert!(r.stderr.contains("content/notes/chart.zh.md:") && r.stderr.contains("totl"), "the chart: {}", r.stderr);
    assert_eq!(site.read("index.html"), before, "nothing written");
}

#[test]
fn nul_in_a_page_body() {
    fails(
        "nul_in_a_page_body",
        |s| {
            s.write(PAGE, "---\ntitle: 坏页\n---\n\n第一行。\n第二\0行。\n");
        },
        "content/notes/bad.zh.md:6:3: a NUL character (an invisible byte) is in the text",
        Some(
            "the file is damaged or is not a text file: delete the character, or open the file in a text editor and save it again as UTF-8 text",
        ),
    );
}

#[test]
fn page_that_is_not_text() {
    // UTF-16 without a byte-order mark is valid UTF-8 full of NULs: `---` reads `-\0-\0-\0`.
    fails(
        "page_that_is_not_text",
        |s| {
            let utf16: Vec<u8> = "---\ntitle: x\n---\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
            s.write(PAGE, utf16);
        },
        "content/notes/bad.zh.md:1:2: a NUL character (an invisible byte) is in the text",
        Some(
            "the file is damaged or is not a text file: delete the character, or open the file in a text editor and save it again as UTF-8 text",
        ),
    );
}

#[test]
fn nul_in_a_dataset() {
    fails(
        "nul_in_a_dataset",
        |s| s.replace(DATA, "source:", "source:\0"),
        "data/grants.yaml:3:8: a NUL character (an invisible byte) is in the text",
        Some("delete it; it comes from a file that is not plain text, or a damaged copy"),
    );
}

#[test]
fn site_yaml_unknown_filing_key() {
    fails(
        "site_yaml_unknown_filing_key",
        |s| {
            s.replace(
                "site.yaml",
                "theme: default",
                "theme: default\nfiling:\n  icp: 鄂ICP备12345678号\n  polic: 鄂公网安备42010602000001号",
            );
        },
        "site.yaml:13:3: unknown key `polic`",
        Some("did you mean `police`?"),
    );
}
