//! The one place YAML is parsed: serde-saphyr, with its errors turned into diagnostics.
//!
//! serde-saphyr rejects duplicate keys (serde_yaml silently kept the last one) and reports
//! positions in characters. Messages are reworded for authors and given hints; a full-width
//! colon `：` typed for `:` is recognised wherever it breaks the file.

use serde::de::DeserializeOwned;

use crate::diag::Diagnostic;

/// Parses `yaml` (the whole file, or the front matter of a Markdown file starting at line
/// `first_line`) into `T`. `file_text` is the full file, for the source line under the message.
pub(crate) fn parse<T: DeserializeOwned>(
    yaml: &str,
    path: &str,
    first_line: usize,
    file_text: &str,
) -> Result<T, Diagnostic> {
    // Datasets of 100,000 rows are legitimate; alias bombs ("billion laughs") are not: raise the
    // node and event limits, keep serde-saphyr's limits on aliases and nesting.
    let options = serde_saphyr::options!(
        with_snippet: false,
        budget: serde_saphyr::budget!(max_nodes: 20_000_000, max_events: 50_000_000),
    );
    serde_saphyr::from_str_with_options::<T>(yaml, options)
        .map_err(|e| to_diagnostic(&e, yaml, path, first_line).with_source(file_text))
}

/// A position in a YAML text (1-based line within that text, 1-based column).
pub(crate) fn location_of(loc: &serde_saphyr::Location) -> (usize, usize) {
    (loc.line() as usize, loc.column() as usize)
}

fn to_diagnostic(e: &serde_saphyr::Error, yaml: &str, path: &str, first_line: usize) -> Diagnostic {
    let (line, col) = e.location().map_or((1, 1), |l| location_of(&l));
    let render = serde_saphyr::render_options!(snippets: serde_saphyr::SnippetMode::Off);
    let raw = e.without_snippet().render_with_options(render);
    let msg = strip_location(&raw);

    // A full-width colon anywhere before the error is the likeliest cause of a syntax error.
    if let Some((l, c)) = full_width_colon(yaml) {
        return Diagnostic::error(path, l + first_line - 1, c, "full-width colon `：` used as a YAML colon")
            .with_hint("type a half-width colon `:` followed by a space, e.g. `title: 标题`");
    }
    if yaml.lines().take(line).any(|l| l.starts_with('\t') || l.trim_start_matches(' ').starts_with('\t')) {
        let l = yaml.lines().position(|l| l.trim_start_matches(' ').starts_with('\t')).unwrap_or(0) + 1;
        return Diagnostic::error(path, l + first_line - 1, 1, "tab character used for indentation")
            .with_hint("YAML indents with spaces only: replace the tab with spaces");
    }
    if msg.starts_with("budget breached") {
        return Diagnostic::error(path, line + first_line - 1, col, "the YAML is too large or expands too much")
            .with_hint(
                "vitrine refuses deeply nested YAML and heavy use of `&anchor`/`*alias`; write the values out plainly",
            );
    }
    let (message, hint) = reword(msg);
    let d = Diagnostic::error(path, line + first_line - 1, col, message);
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

/// Removes the trailing " at line N, column M" that serde-saphyr appends.
fn strip_location(msg: &str) -> &str {
    msg.rfind(" at line ").map_or(msg, |i| &msg[..i]).trim()
}

/// The first `key：` line, as (line, column): such a line never parses as intended.
fn full_width_colon(yaml: &str) -> Option<(usize, usize)> {
    yaml.lines().enumerate().find_map(|(i, line)| {
        let trimmed = line.trim_start_matches([' ', '-']);
        let pos = trimmed.find('：')?;
        let key = &trimmed[..pos];
        let looks_like_key = !key.is_empty()
            && !key.contains(':')
            && !key.starts_with(['"', '\'', '#', '{', '['])
            && key.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '));
        looks_like_key.then(|| {
            let byte = line.len() - trimmed.len() + pos;
            (i + 1, line[..byte].chars().count() + 1)
        })
    })
}

/// Rewords serde's messages for authors: keys in backticks, the nearest known key as a hint.
fn reword(msg: &str) -> (String, Option<String>) {
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        if let Some((key, expected)) = rest.split_once("`, expected one of ") {
            let known: Vec<&str> = expected.split(", ").map(|k| k.trim_matches('`')).collect();
            let hint = match nearest(key, &known) {
                Some(k) => format!("did you mean `{k}`? Known keys: {}", known.join(", ")),
                None => format!("known keys: {}", known.join(", ")),
            };
            return (format!("unknown key `{key}`"), Some(hint));
        }
        if let Some((key, expected)) = rest.split_once("`, expected `") {
            let k = expected.trim_end_matches('`');
            return (format!("unknown key `{key}`"), Some(format!("the only key allowed here is `{k}`")));
        }
        if let Some((key, _)) = rest.split_once("`, there are no fields") {
            return (format!("unknown key `{key}`"), Some("no keys are allowed here".into()));
        }
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let key = rest.trim_end_matches('`');
        return (format!("missing required key `{key}`"), Some(format!("add a line `{key}: …`")));
    }
    if let Some(rest) = msg.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(", set DuplicateKeyPolicy").next().unwrap_or(rest);
        return (
            format!("duplicate key `{key}`"),
            Some("each key may appear only once here; keep one and delete the other".into()),
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `")
        && let Some((v, expected)) = rest.split_once("`, expected one of ")
    {
        return (format!("unknown value `{v}`"), Some(format!("use one of: {}", expected.replace('`', ""))));
    }
    if msg.starts_with("invalid ") && (msg.contains("i64") || msg.contains("u64") || msg.contains("f64")) {
        return ("expected a number".into(), Some("write digits only, e.g. `155000`".into()));
    }
    if msg.starts_with("invalid type") || msg.starts_with("expected") {
        return (msg.to_string(), None);
    }
    (msg.to_string(), None)
}

/// The known key closest to `key` by edit distance, if close enough to be a typo.
pub(crate) fn nearest<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(key, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
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
}
