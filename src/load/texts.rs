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

/// The warnings for characters of chart texts (titles, labels, units, sources: `texts`) that the
/// font the chart images are drawn with lacks (see [`crate::raster::missing_chars`]): one per
/// text and language string, at the first such character as written in the file.
pub(crate) fn glyph_warnings(path: &str, file_text: &str, texts: &[Written<'_>]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for w in texts {
        let strings: Vec<&str> = match w.text {
            Text::Plain(s) => vec![s.as_str()],
            Text::PerLang(m) => m.values().map(String::as_str).collect(),
        };
        for s in strings {
            let missing = crate::raster::missing_chars(s);
            let Some(first) = missing.first() else { continue };
            let chars: Vec<String> = missing.iter().map(|c| format!("`{c}` (U+{:04X})", *c as u32)).collect();
            let (line, col) = position(file_text, w.line, &first.to_string());
            out.push(
                Diagnostic::warning(path, line, col, msg::chart_glyph_missing(&w.field, &chars.join(", ")))
                    .with_hint(msg::chart_glyph_missing_hint())
                    .with_source(file_text),
            );
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

    #[test]
    fn characters_the_chart_font_lacks_are_pointed_at() {
        let file = "title: {zh: 专利𠀀统计, en: Patents}\nseries:\n  - label: 发明😀\n";
        let title = Text::PerLang([("zh".into(), "专利𠀀统计".into()), ("en".into(), "Patents".into())].into());
        let label = Text::Plain("发明😀".into());
        let texts = [
            Written { field: msg::field_title(), text: &title, line: 1 },
            Written { field: msg::field_series_label("a"), text: &label, line: 3 },
        ];
        let w = glyph_warnings("data/x.yaml", file, &texts);
        assert_eq!(w.len(), 2);
        assert_eq!((w[0].line, w[0].col), (1, 15));
        assert!(w[0].message.get(msg::Locale::En).contains("`𠀀` (U+20000)"), "{}", w[0].message.get(msg::Locale::En));
        assert_eq!((w[1].line, w[1].col), (3, 14));
        let fine = Text::Plain("专利授权量（万件）".into());
        assert!(
            glyph_warnings(
                "d",
                "t: 专利授权量（万件）",
                &[Written { field: msg::field_title(), text: &fine, line: 1 }]
            )
            .is_empty()
        );
    }
}
