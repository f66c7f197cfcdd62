//! The one place YAML is parsed (used by `load/` and `markdown/` alike): serde-saphyr, with its errors turned into diagnostics that an
//! author who edits YAML in Word or Notepad can act on.
//!
//! [`parse`] works in three steps:
//!
//! 1. [`scan`] reads the text the way YAML does (quotes, comments, `[`/`{` brackets, `|`/`>`
//!    text blocks) and finds what is wrong whatever the parser would make of it: tabs and
//!    full-width spaces where YAML needs spaces, invisible characters, `：` and `，` typed for
//!    `:` and `,`, control characters, `---` lines. These are reported before parsing, at the
//!    exact character, because the parser's position for them is often a line off and some
//!    of them parse "successfully" into a misspelt key.
//! 2. The parser runs. When it fails, a likely cause the scan noted near the reported line
//!    (an unclosed `[` or `"`, a full-width bracket, …) is reported instead of the parser's
//!    complaint.
//! 3. Otherwise [`reword`] turns the parser's or serde's message into plain words with a hint,
//!    from one table. No wording of serde, the parser or Rust reaches the author.
//!
//! serde-saphyr rejects duplicate keys and reports positions as 1-based lines and columns in
//! characters of the YAML text; the scan counts the same way. Every function here is total:
//! any text gives `Ok` or a diagnostic, never a panic.

use serde::de::DeserializeOwned;

use crate::diag::Diagnostic;
use crate::msg::{self, Said};

mod reword;
mod scan;
#[cfg(test)]
mod tests;

use reword::to_diagnostic;
use scan::is_zero_width;
use scan::{Scope, scan};

/// Parses `yaml` (the whole file, the front matter of a Markdown file starting at line
/// `first_line`, or a chart block's body) into `T`. `file_text` is the full file, for the
/// source line under the message (empty for chart blocks: the block's own line is used).
pub(crate) fn parse<T: DeserializeOwned>(
    yaml: &str,
    path: &str,
    first_line: usize,
    file_text: &str,
) -> Result<T, Diagnostic> {
    let place = Place { yaml, path, first_line, file_text, kind: Kind::of(path, first_line) };
    let findings = scan(yaml, place.kind);
    if let Some(f) = findings.iter().find(|f| f.scope == Scope::Always) {
        return Err(place.diagnostic(f.line, f.col, &f.message, &f.hint));
    }
    if place.kind != Kind::Other && is_blank(yaml) {
        // Nothing to point at: the block's ```chart line, or the start of the file.
        let (message, hint) = place.kind.empty();
        let line = if place.kind == Kind::Chart { first_line.saturating_sub(1) } else { first_line };
        return Err(shown(Diagnostic::error(path, line.max(1), 1, message).with_hint(hint).with_source(file_text)));
    }
    // Datasets of 100,000 rows are legitimate; alias bombs ("billion laughs") are not: raise the
    // node and event limits, keep serde-saphyr's limits on aliases and nesting.
    let options = serde_saphyr::options!(
        with_snippet: false,
        budget: serde_saphyr::budget!(max_nodes: 20_000_000, max_events: 50_000_000),
    );
    serde_saphyr::from_str_with_options::<T>(yaml, options).map_err(|e| to_diagnostic(&e, &findings, &place))
}

/// A position in a YAML text (1-based line within that text, 1-based column).
pub(crate) fn location_of(loc: &serde_saphyr::Location) -> (usize, usize) {
    (loc.line() as usize, loc.column() as usize)
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

/// What is being parsed, for the messages that name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
enum Kind {
    Site,
    Dataset,
    FrontMatter,
    Chart,
    #[default]
    Other,
}

impl Kind {
    /// Front matter starts on line 2 of a Markdown file; other YAML in one is a chart block.
    fn of(path: &str, first_line: usize) -> Kind {
        match path {
            "site.yaml" => Kind::Site,
            p if p.starts_with("data/") => Kind::Dataset,
            p if p.ends_with(".md") && first_line == 2 => Kind::FrontMatter,
            p if p.ends_with(".md") => Kind::Chart,
            _ => Kind::Other,
        }
    }

    /// "`…` has no `---` lines" names it so.
    fn name(self) -> Said {
        match self {
            Kind::Site => msg::kind_site(),
            Kind::Dataset => msg::kind_dataset(),
            Kind::FrontMatter => msg::kind_front_matter(),
            Kind::Chart => msg::kind_chart(),
            Kind::Other => msg::kind_other(),
        }
    }

    /// The message and hint for an empty one.
    fn empty(self) -> (Said, Said) {
        match self {
            Kind::Site => (msg::file_empty(), msg::site_empty_hint()),
            Kind::Dataset => (msg::file_empty(), msg::dataset_empty_hint()),
            Kind::FrontMatter => (msg::front_matter_empty(), msg::front_matter_empty_hint()),
            Kind::Chart => (msg::chart_empty(), msg::chart_empty_hint()),
            Kind::Other => (msg::file_empty(), msg::other_empty_hint()),
        }
    }
}

/// Where the YAML comes from, to turn a position in it into a diagnostic.
struct Place<'a> {
    yaml: &'a str,
    path: &'a str,
    first_line: usize,
    file_text: &'a str,
    kind: Kind,
}

impl Place<'_> {
    /// An error at `line:col` of the YAML, with the source line (see [`shown`]).
    fn diagnostic(&self, line: usize, col: usize, message: &Said, hint: &Said) -> Diagnostic {
        let line = line.max(1);
        let mut d = Diagnostic::error(self.path, line + self.first_line.max(1) - 1, col.max(1), message.clone())
            .with_hint(hint.clone())
            .with_source(self.file_text);
        if d.source_line.is_none() {
            d.source_line = nth_line(self.yaml, line).map(str::to_string);
        }
        shown(d)
    }
}

/// `d` with control and zero-width characters of its source line shown as visible symbols.
fn shown(mut d: Diagnostic) -> Diagnostic {
    d.source_line = d.source_line.map(|s| s.chars().map(visible).collect());
    d
}

/// Whether `yaml` holds nothing but blank lines and comments.
fn is_blank(yaml: &str) -> bool {
    yaml.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
}

/// Line `n` (1-based) of `text`, without its line end.
fn nth_line(text: &str, n: usize) -> Option<&str> {
    text.split('\n').nth(n.checked_sub(1)?).map(|l| l.trim_end_matches('\r'))
}

/// A character as shown in a source line: control characters as their symbols (`␀`),
/// zero-width ones as `�`, so that nothing raw reaches the terminal and the caret lines up.
fn visible(c: char) -> char {
    match c {
        '\t' => c,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        c if c.is_control() || is_zero_width(c) => '\u{fffd}',
        c => c,
    }
}
