//! Messages for YAML mistakes that authors make in Word or Notepad (src/load/yaml.rs): each
//! points at the offending character as `path:line:col: message` in plain words, with a hint,
//! exit code 1, and the previously built `public/` untouched. The full messages are snapshots.

use crate::support::Site;

const PAGE: &str = "content/notes/bad.zh.md";
const DATA: &str = "data/grants.yaml";
const REPORT: &str = "content/releases/2023/report.zh.md";

/// Builds a copy of the basic fixture, applies `edit`, builds again and checks the failure:
/// exit code 1, `headline` as the first line of stderr, `hint` as its hint, no panic, no raw
/// control character echoed, and `public/` as the first build left it.
fn fails(name: &str, edit: impl Fn(&Site), headline: &str, hint: &str) {
    let site = Site::fixture("basic");
    site.build(&[]);
    let before = site.bytes("index.html");
    edit(&site);
    let r = site.run(&["build"]);
    assert_eq!(r.code, 1, "{name}: expected exit code 1, got {}\n{}", r.code, r.stderr);
    assert_eq!(r.stderr.lines().next(), Some(headline), "{name}:\n{}", r.stderr);
    let hint_line = r.stderr.lines().find(|l| l.starts_with("  = hint: "));
    assert_eq!(hint_line, Some(format!("  = hint: {hint}").as_str()), "{name}:\n{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{name} panicked:\n{}", r.stderr);
    assert!(!r.stderr.chars().any(|c| c.is_control() && c != '\n'), "{name}: raw control character:\n{}", r.stderr);
    assert_eq!(site.bytes("index.html"), before, "{name}: public/ was touched");
    insta::assert_snapshot!(name, r.stderr);
    let zh = crate::support::in_chinese(&site, &["build"], &[], &r);
    assert_eq!(site.bytes("index.html"), before, "{name}: public/ was touched");
    insta::assert_snapshot!(format!("{name}_zh"), zh.stderr);
}

/// Writes a page whose front matter is `yaml`.
fn page(site: &Site, yaml: &str) {
    site.write(PAGE, format!("---\n{yaml}---\n\n正文。\n"));
}

// Checks before parsing: the exact character, even where the parser's position is off.

#[test]
fn tab_used_for_indentation() {
    fails(
        "tab_used_for_indentation",
        |s| page(s, "title: 标题\n\tweight: 10\n"),
        "content/notes/bad.zh.md:3:1: a tab is used for indentation",
        "YAML indents with spaces only: replace the tab with spaces",
    );
}

#[test]
fn tab_after_spaces_in_a_dataset() {
    fails(
        "tab_after_spaces_in_a_dataset",
        |s| s.replace(DATA, "  name: {zh: 测试局", "  \tname: {zh: 测试局"),
        "data/grants.yaml:4:3: a tab is used for indentation",
        "YAML indents with spaces only: replace the tab with spaces",
    );
}

#[test]
fn full_width_space_used_for_indentation() {
    fails(
        "full_width_space_used_for_indentation",
        |s| s.replace(DATA, "    label: {zh: 发明专利", "  \u{3000}label: {zh: 发明专利"),
        "data/grants.yaml:13:3: a full-width space `　` is used for indentation",
        "YAML indents with ordinary (half-width) spaces only: replace it with two spaces",
    );
}

#[test]
fn full_width_space_after_a_colon() {
    fails(
        "full_width_space_after_a_colon",
        |s| page(s, "title: 标题\nweight:\u{3000}10\n"),
        "content/notes/bad.zh.md:3:8: a full-width space `　` after `weight:`",
        "type an ordinary (half-width) space after it; YAML does not count a full-width one",
    );
}

#[test]
fn zero_width_space_before_a_key() {
    fails(
        "zero_width_space_before_a_key",
        |s| page(s, "\u{200b}title: 标题\n"),
        "content/notes/bad.zh.md:2:1: an invisible zero-width space (U+200B) before `title`",
        "it usually comes with copied text: delete `title` together with the invisible character before it, \
         and type `title` again",
    );
}

#[test]
fn zero_width_space_in_a_language_map() {
    // Accepted before, as a language `\u{200b}en` that no page asks for.
    fails(
        "zero_width_space_in_a_language_map",
        |s| s.replace("site.yaml", "en: Test site}", "\u{200b}en: Test site}"),
        "site.yaml:1:19: an invisible zero-width space (U+200B) before `en`",
        "it usually comes with copied text: delete `en` together with the invisible character before it, \
         and type `en` again",
    );
}

#[test]
fn byte_order_mark_inside_a_file() {
    fails(
        "byte_order_mark_inside_a_file",
        |s| s.replace(DATA, "\nupdated: ", "\n\u{feff}updated: "),
        "data/grants.yaml:6:1: an invisible byte order mark (U+FEFF) before `updated`",
        "it usually comes with copied text: delete `updated` together with the invisible character before it, \
         and type `updated` again",
    );
}

#[test]
fn no_break_space_after_a_colon() {
    fails(
        "no_break_space_after_a_colon",
        |s| s.replace(DATA, "updated: 2023", "updated:\u{a0}2023"),
        "data/grants.yaml:6:9: a no-break space (U+00A0), which looks like a space but is not one, before `2023-04-26`",
        "delete it and type an ordinary space, or nothing",
    );
}

#[test]
fn full_width_colon_in_a_row() {
    // Accepted by the parser before, as a column `total：155000` without a value.
    fails(
        "full_width_colon_in_a_row",
        |s| s.replace(DATA, "total: 155000", "total：155000"),
        "data/grants.yaml:24:23: full-width colon `：` used as a YAML colon",
        "type a half-width colon `:` followed by a space, e.g. `total: 155000`",
    );
}

#[test]
fn full_width_colon_in_a_language_map() {
    fails(
        "full_width_colon_in_a_language_map",
        |s| s.replace("site.yaml", "{zh: 测试站点", "{zh：测试站点"),
        "site.yaml:1:11: full-width colon `：` used as a YAML colon",
        "type a half-width colon `:` followed by a space, e.g. `zh: 测试站点`",
    );
}

#[test]
fn full_width_brackets_around_a_list() {
    fails(
        "full_width_brackets_around_a_list",
        |s| s.replace(REPORT, "series: [total, invention]\nfrom", "series: 【total, invention】\nfrom"),
        "content/releases/2023/report.zh.md:28:9: a full-width bracket `【` where YAML needs `[`",
        "type half-width brackets and commas, e.g. `series: [total, invention]`",
    );
}

#[test]
fn full_width_comma_in_a_list() {
    // Accepted by the parser before, as one series `total，invention`.
    fails(
        "full_width_comma_in_a_list",
        |s| s.replace(REPORT, "series: [total, invention]\nfrom", "series: [total，invention]\nfrom"),
        "content/releases/2023/report.zh.md:28:15: a full-width comma `，` where YAML needs `,`",
        "type a half-width comma and a space between the items, e.g. `series: [total, invention]`",
    );
}

#[test]
fn full_width_curly_brackets() {
    fails(
        "full_width_curly_brackets",
        |s| {
            s.replace(DATA, "key: {id: year, kind: year, label: {zh: 年份, en: Year}}", "key: ｛id: year, kind: year｝")
        },
        "data/grants.yaml:7:6: a full-width bracket `｛` where YAML needs `{`",
        "type half-width brackets and commas, e.g. `key: {id: year, kind: year}`",
    );
}

#[test]
fn nul_character() {
    fails(
        "nul_character",
        |s| page(s, "title: 标\0题\n"),
        "content/notes/bad.zh.md:2:9: a NUL character (an invisible byte) is in the text",
        "delete it; it comes from a file that is not plain text, or a damaged copy",
    );
}

#[test]
fn control_character() {
    fails(
        "control_character",
        |s| page(s, "title: 标题\nweight: 1\u{1}0\n"),
        "content/notes/bad.zh.md:3:10: an invisible control character (U+0001) is in the text",
        "delete it; it usually comes with text copied from another program",
    );
}

#[test]
fn document_separator_in_a_dataset() {
    // Before, only the part above the line was read, and `key` was reported missing.
    fails(
        "document_separator_in_a_dataset",
        |s| s.replace(DATA, "\nkey: ", "\n---\nkey: "),
        "data/grants.yaml:7:1: a `---` line splits the file in two",
        "a dataset has no `---` lines: delete this one",
    );
}

#[test]
fn missing_space_after_a_colon_in_a_row() {
    // Accepted by the parser before, as a column `total:110000` without a value.
    fails(
        "missing_space_after_a_colon_in_a_row",
        |s| s.replace(DATA, "total: 110000", "total:110000"),
        "data/grants.yaml:22:23: a space is missing after `total:`",
        "YAML needs a space after the colon: `total: 110000`",
    );
}

// After the parser fails: a likely cause noted by the scan, or the parser's message reworded.

#[test]
fn empty_title() {
    fails(
        "empty_title",
        |s| page(s, "title:\ndate: 2022-04-26\n"),
        "content/notes/bad.zh.md:2:6: `title` is empty",
        "write the text after the colon, e.g. `title: …`",
    );
}

#[test]
fn empty_bilingual_title() {
    fails(
        "empty_bilingual_title",
        |s| s.replace(DATA, "title: {zh: 专利授权量, en: Patents granted}", "title:"),
        "data/grants.yaml:1:1: `title` is empty",
        "write the text after the colon, e.g. `title: 专利授权量`, or one per language: \
         `title: {zh: 专利授权量, en: Patents granted}`",
    );
}

#[test]
fn second_colon_in_a_value() {
    fails(
        "second_colon_in_a_value",
        |s| page(s, "title: 报告: 2021\n"),
        "content/notes/bad.zh.md:2:10: the value of `title` contains `: `",
        "YAML reads `: ` as the start of a key: put the value in quotes, `title: \"报告: 2021\"`",
    );
}

#[test]
fn list_where_a_text_belongs() {
    fails(
        "list_where_a_text_belongs",
        |s| s.replace(DATA, "title: {zh: 专利授权量, en: Patents granted}", "title: [专利, 授权]"),
        "data/grants.yaml:1:1: expected a text or one text per language (`{zh: …, en: …}`) for `title`, \
         found a list",
        "write the text after the colon, e.g. `title: 专利授权量`, or one per language: \
         `title: {zh: 专利授权量, en: Patents granted}`",
    );
}

#[test]
fn text_where_a_list_belongs() {
    fails(
        "text_where_a_list_belongs",
        |s| s.replace(REPORT, "series: [total]\ntitle", "series: total\ntitle"),
        "content/releases/2023/report.zh.md:21:9: expected a list such as `[a, b]` for `series`, found `total`",
        "write the items between square brackets, separated by commas: `series: [a, b]`",
    );
}

#[test]
fn text_where_keys_belong() {
    fails(
        "text_where_keys_belong",
        |s| s.replace(DATA, "source:\n  name: {zh: 测试局, en: Test Office}\n", "source: 测试局\n"),
        "data/grants.yaml:3:9: expected keys and values (`key: value`) for `source`, found `测试局`",
        "write them on the indented lines below `source:`, one `key: value` per line, or between curly brackets `{…}`",
    );
}

#[test]
fn list_where_a_single_value_belongs() {
    fails(
        "list_where_a_single_value_belongs",
        |s| page(s, "title: 标题\nweight: [1, 2]\n"),
        "content/notes/bad.zh.md:3:9: expected a single value for `weight`, found a list",
        "write one value after the colon, e.g. `weight: …`; a list `[…]` or keys `{…}` do not belong here",
    );
}

#[test]
fn number_out_of_range() {
    fails(
        "number_out_of_range",
        |s| {
            s.replace(
                DATA,
                "label: {zh: 件, en: patents}}\n  - id: invention",
                "label: {zh: 件, en: patents}}\n    precision: 300\n  - id: invention",
            )
        },
        "data/grants.yaml:12:16: expected a whole number from 0 to 255 for `precision`, found `300`",
        "write digits only, without quotes, units or separators, e.g. `precision: 2`",
    );
}

#[test]
fn chinese_numeral_for_a_number() {
    fails(
        "chinese_numeral_for_a_number",
        |s| page(s, "title: 标题\nweight: 十\n"),
        "content/notes/bad.zh.md:3:9: expected a whole number for `weight`, found `十`",
        "write digits only, without quotes, units or separators, e.g. `weight: 10`",
    );
}

#[test]
fn infinite_figure() {
    fails(
        "infinite_figure",
        |s| s.replace(DATA, "total: 155000", "total: .inf"),
        "data/grants.yaml:24:25: `.inf` is not a number a table can show",
        "write the figure, or `null` if it is missing",
    );
}

#[test]
fn lone_dash_for_a_missing_figure() {
    fails(
        "lone_dash_for_a_missing_figure",
        |s| s.replace(DATA, "total: 155000", "total: -"),
        "data/grants.yaml:24:25: a lone `-` where a value belongs",
        "write `null` for a missing value, e.g. `total: null`, or write the figure",
    );
}

#[test]
fn yes_for_a_boolean() {
    fails(
        "yes_for_a_boolean",
        |s| page(s, "title: 标题\ndraft: 是\n"),
        "content/notes/bad.zh.md:3:8: `是` is not `true` or `false`",
        "write `true` or `false`, e.g. `draft: true`",
    );
}

#[test]
fn empty_dataset() {
    fails(
        "empty_dataset",
        |s| {
            s.write(DATA, "");
        },
        "data/grants.yaml:1:1: the file is empty",
        "a dataset needs `title`, `source`, `key`, `series` and `rows`; `vitrine new dataset <id>` writes one to \
         start from",
    );
}

#[test]
fn empty_front_matter() {
    fails(
        "empty_front_matter",
        |s| page(s, ""),
        "content/notes/bad.zh.md:2:1: the front matter is empty",
        "write at least a line `title: …` between the two `---` lines",
    );
}

#[test]
fn empty_chart_block() {
    fails(
        "empty_chart_block",
        |s| {
            s.write(PAGE, "---\ntitle: 标题\n---\n\n正文。\n\n```chart\n```\n");
        },
        "content/notes/bad.zh.md:7:1: the chart block is empty",
        "write at least `data: <dataset id>` and `kind: bar` in the block, one per line",
    );
}

#[test]
fn missing_colon_after_a_key() {
    fails(
        "missing_colon_after_a_key",
        |s| s.replace(DATA, "updated: 2023-04-26", "updated 2023-04-26"),
        "data/grants.yaml:6:1: a `:` is missing after `updated`",
        "write a colon and a space after the key: `updated: 2023-04-26`",
    );
}

#[test]
fn missing_space_after_a_colon() {
    fails(
        "missing_space_after_a_colon",
        |s| s.replace(DATA, "updated: 2023-04-26", "updated:2023-04-26"),
        "data/grants.yaml:6:8: a space is missing after `updated:`",
        "YAML needs a space after the colon: `updated: 2023-04-26`",
    );
}

#[test]
fn unclosed_curly_bracket_on_an_earlier_line() {
    fails(
        "unclosed_curly_bracket_on_an_earlier_line",
        |s| s.replace(DATA, "label: {zh: 年份, en: Year}}", "label: {zh: 年份, en: Year}"),
        "data/grants.yaml:7:6: this `{` is not closed",
        "end it with `}`, e.g. `key: {id: year, kind: year, label: {zh: 年份, en: Year}}`",
    );
}

#[test]
fn unclosed_quote() {
    fails(
        "unclosed_quote",
        |s| s.replace(DATA, "title: {zh: 专利授权量, en: Patents granted}", "title: \"专利授权量"),
        "data/grants.yaml:1:8: this `\"` is not closed",
        "end the text with `\"` too, e.g. `title: \"专利授权量\"`",
    );
}

#[test]
fn key_not_lined_up() {
    fails(
        "key_not_lined_up",
        |s| s.replace(DATA, "  url: https", " url: https"),
        "data/grants.yaml:5:2: `url:` is not lined up with the keys above it",
        "start it at the same column as the keys it belongs with; YAML counts every space at the start of a line",
    );
}

#[test]
fn key_indented_too_far() {
    fails(
        "key_indented_too_far",
        |s| s.replace(DATA, "    label: {zh: 发明专利", "      label: {zh: 发明专利"),
        "data/grants.yaml:13:12: `label:` is indented more than the keys above it",
        "start it at the same column as the keys it belongs with; YAML counts every space at the start of a line",
    );
}

#[test]
fn reserved_character_at_the_start_of_a_value() {
    fails(
        "reserved_character_at_the_start_of_a_value",
        |s| page(s, "title: @标题\n"),
        "content/notes/bad.zh.md:2:8: `@` cannot start a value",
        "put the value in quotes, e.g. `title: \"@标题\"`",
    );
}

/// Full-width punctuation in values, invisible characters in quotes, comments and inside
/// plain values (a no-break space pasted from Word), tabs and full-width spaces inside `|`
/// text: all fine, nothing is reported.
#[test]
fn look_alikes_where_they_are_text_are_fine() {
    let site = Site::fixture("basic");
    site.write(
        PAGE,
        "---\ntitle: 【重要】报告：2021年\nsummary: \"含\u{200b}零宽空格\u{a0}和不换行空格\"  # 注释\u{200b}\nweight: 1\n---\n\n正文。\n",
    );
    site.replace(DATA,
        "description: {zh: 测试数据。, en: Test data.}",
        "description:\n  zh: |\n    第一段，含\t制表符。\n    \u{3000}\u{3000}第二段：全角空格缩进。\n  en: 'It''s fine: really'",
    );
    site.replace("site.yaml", "{zh: 测试局, en: Test Office}", "{zh: 测试局，武汉, en: Test\u{a0}Office}");
    site.replace(
        "site.yaml",
        "description: {zh: 用于测试的站点。, en: A site for tests.}",
        "description: {zh: 用于测试的站点。, en: A site for 26\u{a0}April.}",
    );
    let r = site.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(site.read("notes/bad/index.html").contains("【重要】报告：2021年"));
}

#[test]
fn full_width_digits_for_a_figure() {
    fails(
        "full_width_digits_for_a_figure",
        |s| s.replace(DATA, "total: 155000", "total: １５５０００"),
        "data/grants.yaml:24:25: `１５５０００` is not a number",
        "write the plain number in base units: `155000`",
    );
}
