//! Messages in the author's language (issue 18): the language is chosen by `--lang`, then
//! `VITRINE_LANG`, then the site's first language, then the locale; `path:line:col` and exit
//! codes are the same in both. The slips authors really make get messages that name the
//! cause, in both languages (snapshots). vitrine finds its site from a folder inside it.

use std::process::Command;

use crate::support::{Site, in_chinese};

const DATA: &str = "data/grants.yaml";
const REPORT: &str = "content/releases/2023/report.zh.md";

/// Applies `edit` to the basic fixture, runs `check`, and checks the English message
/// (`headline`, the first line) and its Chinese twin; both are snapshots.
pub(crate) fn slip(name: &str, edit: impl Fn(&Site), headline: &str, hint: &str) {
    let site = Site::fixture("basic");
    edit(&site);
    let r = site.run(&["check"]);
    assert_eq!(r.code, 1, "{name}:\n{}", r.stderr);
    assert_eq!(r.stderr.lines().next(), Some(headline), "{name}:\n{}", r.stderr);
    assert!(r.stderr.contains(&format!("  = hint: {hint}")), "{name}:\n{}", r.stderr);
    insta::assert_snapshot!(name, r.stderr);
    let zh = in_chinese(&site, &["check"], &[], &r);
    insta::assert_snapshot!(format!("{name}_zh"), zh.stderr);
}

#[test]
fn comma_inside_a_bilingual_title() {
    slip(
        "comma_inside_a_bilingual_title",
        |s| {
            s.replace(
                DATA,
                "title: {zh: 专利授权量, en: Patents granted}",
                "title: {zh: 专利授权量, en: Trademark registrations by city, 2024}",
            )
        },
        "data/grants.yaml:1:57: the text of `en` contains a comma: inside `{…}` a comma ends the text, and YAML reads `2024` as another key",
        "put a text that contains a comma in quotes: `en: \"Trademark registrations by city, 2024\"`",
    );
}

#[test]
fn comma_inside_a_correction_note() {
    slip(
        "comma_inside_a_correction_note",
        |s| s.replace(DATA, "en: Corrected the 2021 figures.}", "en: Corrected to 158,000 patents.}"),
        "data/grants.yaml:27:69: the text of `en` contains a comma: inside `{…}` a comma ends the text, and YAML reads `000 patents.` as another key",
        "put a text that contains a comma in quotes: `en: \"Corrected to 158,000 patents.\"`",
    );
}

#[test]
fn thousands_separator_in_a_row() {
    slip(
        "thousands_separator_in_a_row",
        |s| s.replace(DATA, "total: 155000, invention: 22400", "total: 1,550, invention: 22400"),
        "data/grants.yaml:24:27: the comma in `total: 1,550` splits the figure in two: YAML reads `550` as another column",
        "write figures without thousands separators: `total: 1550`",
    );
}

#[test]
fn quoted_number() {
    slip(
        "quoted_number",
        |s| s.replace(DATA, "total: 155000, invention: 22400", "total: \"155000\", invention: 22400"),
        "data/grants.yaml:24:25: `\"155000\"` is in quotes, so it is read as text, not as a number",
        "remove the quotes: write `155000`",
    );
}

#[test]
fn chart_block_without_closing_fence() {
    slip(
        "chart_block_without_closing_fence",
        |s| {
            s.replace(
                REPORT,
                "title: {zh: 授权总量, en: Total grants}\n```\n",
                "title: {zh: 授权总量, en: Total grants}\n",
            )
        },
        "content/releases/2023/report.zh.md:18:1: this chart block is not closed",
        "end the block with a line of three backticks ``` after its last setting; as it is, the rest of the page is read as part of the chart",
    );
}

#[test]
fn category_label_for_its_id() {
    slip(
        "category_label_for_its_id",
        |s| {
            let text = std::fs::read_to_string(s.root().join(REPORT)).unwrap();
            s.write(
                REPORT,
                format!("{text}\n案件{{{{ value(data=\"channels\", series=\"cases\", period=\"武汉\") }}}}。\n"),
            );
        },
        "content/releases/2023/report.zh.md:54:3: dataset `channels` has no category `武汉`",
        "`武汉` is the label of `wuhan`: write the id, `wuhan`, not the label (the ids under `categories`: wuhan, xiangyang, yichang)",
    );
}

#[test]
fn a_chinese_site_speaks_chinese_without_a_flag() {
    let site = Site::fixture("basic");
    site.replace(DATA, "total: 155000, invention: 22400", "total: 15.5万, invention: 22400");
    // No `--lang`, no `VITRINE_LANG`, an English locale: the site's first language is zh.
    let plain = [("VITRINE_LANG", ""), ("LANG", "en_US.UTF-8"), ("LC_ALL", "")];
    let zh = site.run_with(&["check"], &plain);
    assert_eq!(zh.code, 1);
    assert!(zh.stderr.starts_with("data/grants.yaml:24:25: `15.5万` 不是数字\n"), "{}", zh.stderr);
    assert!(zh.stderr.contains("  = 提示：请按基本单位只写数字：`155000`"), "{}", zh.stderr);
    assert!(zh.stderr.ends_with("1 个错误，0 个警告；未写入任何文件\n"), "{}", zh.stderr);
    let mut en_args = vec!["check", "--lang", "en"];
    let en = site.run_with(&en_args, &plain);
    assert_eq!(en.code, 1);
    assert!(en.stderr.starts_with("data/grants.yaml:24:25: `15.5万` is not a number\n"), "{}", en.stderr);
    // `--lang` before the command, and `VITRINE_LANG` over the site's language.
    en_args = vec!["--lang", "en", "check"];
    assert!(site.run_with(&en_args, &plain).stderr.contains("is not a number"));
    let env = site.run_with(&["check"], &[("VITRINE_LANG", "en"), ("LANG", "zh_CN.UTF-8")]);
    assert!(env.stderr.contains("is not a number"), "{}", env.stderr);
    // An English-first site speaks English, whatever the locale.
    let en_first = Site::fixture("basic");
    en_first.replace(
        "site.yaml",
        "  - {code: zh, name: 中文, tag: zh-Hans}\n  - {code: en, name: English}",
        "  - {code: en, name: English}\n  - {code: zh, name: 中文, tag: zh-Hans}",
    );
    en_first.replace(DATA, "total: 155000, invention: 22400", "total: 15.5万, invention: 22400");
    let r = en_first.run_with(&["check"], &[("VITRINE_LANG", ""), ("LANG", "zh_CN.UTF-8")]);
    assert!(r.stderr.contains("is not a number"), "{}", r.stderr);
}

#[test]
fn strict_check_speaks_chinese() {
    let site = Site::fixture("basic");
    let r =
        site.run_with(&["check", "--strict"], &[("VITRINE_LANG", "zh"), ("VITRINE_NOW", "2023-05-01T00:00:00+08:00")]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("页面没有 `en` 译文"), "{}", r.stderr);
    assert!(r.stderr.contains("  = 提示：请添加 `content/notes/only-zh.en.md`"), "{}", r.stderr);
    assert!(
        !r.stderr.contains("warning:") && !r.stderr.contains("警告："),
        "strict makes warnings errors:\n{}",
        r.stderr
    );
}

/// `vitrine` run in `dir` with the locale `lang` and nothing else saying the language.
fn vitrine_in(dir: &std::path::Path, args: &[&str], lang: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("VITRINE_CACHE_DIR", "off")
        .env_remove("VITRINE_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).to_string();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

#[test]
fn usage_errors_outside_a_site_follow_the_locale() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = vitrine_in(dir.path(), &["biuld"], "zh_CN.UTF-8");
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with("错误：无法识别的命令 `biuld`\n  = 提示：是否应为 `build`？\n"), "{err}");
    assert!(err.contains("用法：vitrine"), "{err}");
    insta::assert_snapshot!("usage_unknown_command_zh", err);
    let (code, _, err) = vitrine_in(dir.path(), &["build", "--drafst"], "zh_CN.UTF-8");
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with("错误：无法识别的参数 `--drafst`\n  = 提示：是否应为 `--drafts`？"), "{err}");
    let (code, _, err) = vitrine_in(dir.path(), &["new"], "zh_CN.UTF-8");
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with("错误：此处缺少命令"), "{err}");
    let (code, _, err) = vitrine_in(dir.path(), &["new", "dataset", "Patent Grants"], "zh_CN.UTF-8");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`Patent Grants` 不能用作") && err.contains("请只用小写英文字母"), "{err}");
    // In English, clap's own words.
    let (code, _, err) = vitrine_in(dir.path(), &["biuld"], "en_US.UTF-8");
    assert_eq!(code, 2);
    assert!(err.starts_with("error: unrecognized subcommand 'biuld'"), "{err}");
    // Outside a site, the missing site.yaml in Chinese too.
    let (code, _, err) = vitrine_in(dir.path(), &["build"], "zh_CN.UTF-8");
    assert_eq!(code, 1);
    assert!(err.starts_with("site.yaml:1:1: 网站文件夹中没有 `site.yaml`"), "{err}");
}

#[test]
fn the_site_is_found_from_a_folder_inside_it() {
    let site = Site::fixture("basic");
    let inside = site.root().join("content/releases");
    let (code, out, err) = vitrine_in(&inside, &["build", "--lang", "en"], "en_US.UTF-8");
    assert_eq!(code, 0, "{err}");
    let root = site.root().canonicalize().unwrap();
    assert!(err.contains(&format!("using the site in `{}`", root.display())), "{err}");
    assert!(out.starts_with(&format!("site: Test site ({})\nbuilt ", root.display())), "{out}");
    assert!(site.exists("index.html"), "the site was built into its own public/");
    assert!(!inside.join("public").exists());
    // `check` too, and in the site's language when nothing else says.
    let (code, out, err) = vitrine_in(&inside, &["check"], "en_US.UTF-8");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("检查通过"), "{out}");
    assert!(err.contains(&format!("使用 `{}` 中的网站", root.display())), "{err}");
}
