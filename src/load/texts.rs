//! Bilingual texts checked where they are loaded: each site language a text lacks (the
//! default language is shown instead), and each code it names that is not a language of the
//! site (a typo such as `EN`, whose text is never shown). The loader has the file's text and
//! the parser's positions in hand, so the warnings point at the text as written.

use crate::diag::Diagnostic;
use crate::model::{SiteConfig, Text};
use crate::msg::{self, List, Said};

/// A bilingual text of a file, with the line the parser found it at.
pub(crate) struct Written<'a> {
    /// How the message names it: "`title`", "the label of series `invention`".
    pub field: Said,
    /// The text.
    pub text: &'a Text,
    /// The 1-based line where its value begins.
    pub line: usize,
}

/// The warnings of the texts of one file (`path`, its text `file_text`).
pub(crate) fn warnings(path: &str, file_text: &str, texts: &[Written<'_>], config: &SiteConfig) -> Vec<Diagnostic> {
    let codes = List(config.languages.iter().map(|l| format!("`{l}`")).collect());
    let default = config.default_lang();
    let mut out = Vec::new();
    for w in texts {
        let missing: Vec<_> = config.languages.iter().filter(|l| !w.text.has(l.code())).collect();
        let unknown: Vec<&str> = w.text.langs().filter(|code| config.language(code).is_none()).collect();
        if missing.is_empty() && unknown.is_empty() {
            continue;
        }
        let (line, col) = position(file_text, w.line, default.pick(w.text));
        let at = |message: Said, hint: Said| {
            Diagnostic::warning(path, line, col, message).with_hint(hint).with_source(file_text)
        };
        for l in missing {
            let (code, default) = (l.code(), default.code());
            out.push(at(msg::text_lacks_language(&w.field, code), msg::text_lacks_language_hint(code, default)));
        }
        for code in unknown {
            out.push(at(msg::text_unknown_language(&w.field, code), msg::text_unknown_language_hint(&codes)));
        }
    }
    out
}

/// Where `shown` (the text's default-language string) is written, from line `from` on: the
/// line and column of its first character; `(from, 1)` when it is not found there.
fn position(file_text: &str, from: usize, shown: &str) -> (usize, usize) {
    if shown.is_empty() {
        return (from.max(1), 1);
    }
    file_text
        .lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find_map(|(i, l)| l.find(shown).map(|b| (i + 1, l[..b].chars().count() + 1)))
        .unwrap_or((from.max(1), 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_is_found_from_the_parsers_line_on() {
        let text = "title: 专利\nseries:\n  - label: {zh: 专利}\n";
        assert_eq!(position(text, 3, "专利"), (3, 17));
        assert_eq!(position(text, 1, "专利"), (1, 8));
        assert_eq!(position(text, 2, "商标"), (2, 1));
    }
}
