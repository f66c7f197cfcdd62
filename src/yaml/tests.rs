//! Unit tests of the scan and the rewording.
use super::scan::*;
use super::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Fm {
    title: String,
    publish_at: Option<String>,
}

fn err(yaml: &str) -> Diagnostic {
    parse::<Fm>(yaml, "x.md", 2, yaml).unwrap_err()
}

#[test]
fn full_width_colon_has_a_hint() {
    let d = err("title： 标题\n");
    assert_eq!((d.line, d.col), (2, 6));
    assert!(d.message.contains("full-width colon"));
    assert!(d.hint.unwrap().contains("`:`"));
}

#[test]
fn typo_suggests_the_nearest_key() {
    let d = err("title: a\npublsh_at: 2020\n");
    assert_eq!(d.message, "unknown key `publsh_at`");
    assert_eq!(d.line, 3);
    assert!(d.hint.unwrap().starts_with("did you mean `publish_at`?"));
}

#[test]
fn duplicate_keys_are_errors() {
    let d = err("title: a\ntitle: b\n");
    assert_eq!(d.message, "duplicate key `title`");
}

#[test]
fn missing_title() {
    assert_eq!(err("publish_at: x\n").message, "missing required key `title`");
}

/// YAML that uses look-alike characters as text, where they belong: nothing to report.
#[test]
fn look_alikes_as_text_are_not_findings() {
    for yaml in [
        "title: 【重要】报告：2021年\n",
        "title: {zh: 武汉，襄阳, en: \"a\u{a0}b\"}\n",
        "title: \"含\u{200b}零宽\"  # 注释\u{200b}\u{a0}\n",
        "title: 'it''s: \u{3000}fine'\n",
        "title: it's fine\nurl: https://x.org/a#b\n",
        "text: |\n  第一段，含\t制表符\n  \u{3000}\u{3000}第二段：缩进\n\n  - 不是列表\nnext: x\n",
        "- text: >-\n    a\n    b\n  other: [a, b]\n",
        "series: [total,\n  invention]\nrows:\n  - {year: 2021,\n     total: 1}\n",
        "---\n# comment\ntitle: a\n...\n",
        "summary: \"一行\n  二行\"\n",
        "key: value\t# tab before a comment\nk2:\tv\nk3: x\n  \ty\nk4:\n \tname: z\n",
        "time: 10:00\nlist: [a:b]\n",
        "{\"year\": 2021, \"total\":155000}\n",
    ] {
        let always: Vec<Finding> = scan(yaml, Kind::Dataset).into_iter().filter(|f| f.scope == Scope::Always).collect();
        assert!(always.is_empty(), "{yaml:?}: {always:?}");
        assert!(serde_saphyr::from_str::<serde_json::Value>(yaml).is_ok(), "{yaml:?} is valid YAML");
    }
}

#[test]
fn findings_point_at_the_character() {
    let first = |yaml: &str| scan(yaml, Kind::Dataset).into_iter().next().map(|f| (f.line, f.col, f.scope));
    assert_eq!(first("a: 1\n\tb: 2\n"), Some((2, 1, Scope::Always)));
    assert_eq!(first("a: 1\n  \tb: 2\n"), Some((2, 3, Scope::Line)));
    assert_eq!(first("a: {x: 1, 　y: 2}\n"), Some((1, 11, Scope::Always)));
    assert_eq!(first("a: 1\nb: [c,\n\td]\n"), Some((3, 1, Scope::Line)));
    assert_eq!(first("a: 1\nb: [c, d\nc: 2\n"), Some((2, 4, Scope::Onwards)));
    assert_eq!(first("a: 'x\nb: 2\n"), Some((1, 4, Scope::Onwards)));
    assert_eq!(first("a: {zh: 中文，en: English}\n"), Some((1, 11, Scope::Always)));
}

#[test]
fn rewordings() {
    let said = |yaml: &str| {
        let d = err(yaml);
        (d.message, d.hint.unwrap_or_default())
    };
    assert_eq!(said("title: \"a\\qb\"\n").0, "a `\\` in double quotes starts a special character");
    assert_eq!(said("title: *a\n").0, "`&` and `*` at the start of a value have a special meaning in YAML");
    assert_eq!(said("title: a\n...\npublish_at: b\n").0, "a `...` line ends the text early");
    assert_eq!(said("title: a\n---\npublish_at: b\n").1, "front matter has no `---` lines: delete this one");
    assert_eq!(said("title:\n").0, "`title` is empty");
    assert_eq!(said(": x\n").0, "a key is missing before `:`");
}

/// Strings that name serde's, the parser's or Rust's ideas, which authors should not meet.
const JARGON: &[&str] = &[
    "scalar",
    "mapping",
    "sequence",
    "serde",
    "Option<",
    "deserializ",
    "while parsing",
    "while scanning",
    "unit value",
    "struct ",
    "invalid type",
    "u8",
    "u16",
    "i64",
    "f64",
    "YAML documents",
    "Policy",
    "token",
    "indicator",
    "EOF",
    "eof",
    "BOM",
    "flow",
    "alias",
    "anchor",
    "`\\u{",
];

fn check_plain(what: &str, text: &str, first_line: usize, d: &Diagnostic) {
    // Outside backticks: the author's own text is quoted in them.
    let words = format!("{} {}", d.message, d.hint.as_deref().unwrap_or(""));
    let words: String = words.split('`').step_by(2).collect();
    for j in JARGON {
        assert!(!words.contains(j), "{what}: `{j}` in {d}\nfor {text:?}");
    }
    let raw = d.source_line.as_deref().unwrap_or("").chars().any(|c| c.is_control() && c != '\t');
    assert!(!raw, "{what}: raw control character in {d}");
    let last = text.lines().count() + first_line;
    assert!(d.line >= first_line.saturating_sub(1).max(1) && d.line <= last, "{what}: line out of range: {d}");
}

/// Every insertion of a troublesome character into real files gives a plain message, or
/// none, and never a panic.
#[test]
fn broken_files_get_plain_messages() {
    let dataset = include_str!("../../tests/fixtures/basic/data/grants.yaml");
    let page = "---\ntitle: 报告\ndate: 2023-04-26\nweight: 10\ndraft: false\n---\n正文\n";
    let config = crate::fuzzing::config();
    let tz = jiff::tz::TimeZone::UTC;
    let inserts = [
        "\t", "\u{3000}", "\u{200b}", "\u{a0}", "\u{feff}", "：", "，", "【", "｛", "[", "{", "]", "}", "\"", "'", ":",
        ": ", "-", "- ", "#", "|", "\0", "\u{1}", "\n---\n", "\n...\n", "\n", "  ", "&", "*", "!", "%", "@", "`",
        ".inf", "~", "\\",
    ];
    let chart = "data: grants\nkind: bar\nseries: [total]\nfrom: 2021\ntitle: {zh: 授权, en: Grants}\n";
    let no_datasets = std::collections::BTreeMap::new();
    for (name, text) in [("dataset", dataset), ("page", page), ("chart", chart)] {
        for (i, _) in text.char_indices().step_by(if name == "dataset" { 9 } else { 1 }) {
            for ins in inserts {
                let t = format!("{}{ins}{}", &text[..i], &text[i..]);
                let diags = match name {
                    "dataset" => match crate::load::data::from_text("grants".into(), DATA_PATH, &t, &config) {
                        Err(crate::diag::Failure::Content(d)) => d,
                        _ => Vec::new(),
                    },
                    "chart" => {
                        crate::markdown::figure::parse_spec(&t, &no_datasets, "a.md", 1, "").err().into_iter().collect()
                    }
                    // Only the YAML: a page whose `---` lines are broken is not parsed.
                    _ => crate::load::frontmatter::split(&t, "a.md")
                        .ok()
                        .and_then(|s| crate::load::frontmatter::parse(&s, &t, "a.md", &tz).err())
                        .into_iter()
                        .collect(),
                };
                diags.iter().for_each(|d| check_plain(name, &t, 1, d));
            }
        }
    }
}

const DATA_PATH: &str = "data/grants.yaml";

proptest::proptest! {
    /// Any text, as any kind of YAML, gives a value or a plain diagnostic: never a panic.
    #[test]
    fn parse_is_total(text in "[a-z_：:，,【】｛｝{}\\[\\] \t\n\"'#|>\\-0-9中文\u{3000}\u{200b}\u{a0}\u{0}.&*!@`~\\\\]{0,80}") {
        for (path, first_line) in [("data/x.yaml", 1), ("a.md", 2), ("a.md", 7), ("site.yaml", 1), ("x.yaml", 1)] {
            match parse::<serde_json::Value>(&text, path, first_line, &text) {
                Ok(_) => {}
                Err(d) => check_plain(path, &text, first_line, &d),
            }
            let _ = parse::<Fm>(&text, path, first_line, "");
        }
    }
}
