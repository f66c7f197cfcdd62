use super::*;

/// `{name}` placeholders of a format string, sorted.
fn placeholders(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string()))
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The words of a text outside `{placeholders}` and `code`: what a translation translates.
fn words(s: &str) -> String {
    let mut out = String::new();
    let (mut code, mut depth) = (false, 0);
    for c in s.chars() {
        match c {
            '`' => code = !code,
            '{' => depth += 1,
            '}' => depth -= 1,
            c if !code && depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn every_message_has_both_languages() {
    let mut ids = std::collections::BTreeSet::new();
    for e in entries() {
        assert!(ids.insert(e.id), "`{}` is declared twice", e.id);
        assert!(e.en.len() > 2, "`{}` has no English text", e.id);
        // A Chinese text, or one with nothing to translate (a key in backticks).
        let neutral = !words(e.zh).trim_matches('"').chars().any(|c| c.is_ascii_alphabetic());
        assert!(has_chinese(e.zh) || neutral, "`{}` has no Chinese text: {}", e.id, e.zh);
        assert_ne!(e.en, e.zh, "`{}` is not translated", e.id);
        if e.en.starts_with('"') && e.zh.starts_with('"') {
            assert_eq!(placeholders(e.en), placeholders(e.zh), "`{}`: the two texts name different values", e.id);
        }
    }
}

#[test]
fn the_language_is_chosen_in_order() {
    use Locale::*;
    assert_eq!(Locale::resolve(Some("en"), Some("zh"), Some(true), Some("zh_CN.UTF-8")), En);
    assert_eq!(Locale::resolve(None, Some("zh"), Some(false), None), Zh);
    assert_eq!(Locale::resolve(None, None, Some(true), Some("en_US.UTF-8")), Zh);
    assert_eq!(Locale::resolve(None, None, Some(false), Some("zh_CN.UTF-8")), En);
    assert_eq!(Locale::resolve(None, None, None, Some("zh_CN.UTF-8")), Zh);
    assert_eq!(Locale::resolve(None, Some("fr"), None, Some("C")), En);
    assert_eq!(Locale::resolve(None, None, None, None), En);
}

#[test]
fn lists_read_in_each_language() {
    let l = List::of(["wuhan", "yichang"]);
    assert_eq!(l.pick(Locale::En), "wuhan, yichang");
    assert_eq!(l.pick(Locale::Zh), "wuhan、yichang");
}

/// Prints the catalogue as a Markdown table (for the list of messages in a closing note).
#[test]
#[ignore]
fn list() {
    println!("| id | English | 中文 |\n|---|---|---|");
    for e in entries() {
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        println!("| `{}` | {} | {} |", e.id, cell(e.en), cell(e.zh));
    }
}
