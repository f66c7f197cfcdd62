//! Content diagnostics: what went wrong in which file, where, and what to do about it.
//!
//! A [`Diagnostic`] is formed where the position is known (the YAML parser's location, a
//! Markdown offset mapped through a [`LineIndex`]). Stages collect them and carry on where
//! they can; `main.rs` prints them all and picks the exit code. This module never prints.

use std::fmt;

use crate::msg::{self, Locale, Said};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The site cannot be built as written.
    Error,
    /// The site builds, but something deserves a look (`check --strict` makes it an error).
    Warning,
}

/// One problem in one file, at one position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub path: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters; 0 when unknown.
    pub col: usize,
    /// What is wrong, in plain words; paths and keys in backticks (both languages, from
    /// the catalogue in `msg`).
    pub message: Said,
    /// What to do about it, when that is known.
    pub hint: Option<Said>,
    /// The offending source line, shown under the message with a caret.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// An error at `path:line:col`.
    pub fn error(path: impl Into<String>, line: usize, col: usize, message: impl Into<Said>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line,
            col,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    /// A warning at `path:line:col`.
    pub fn warning(path: impl Into<String>, line: usize, col: usize, message: impl Into<Said>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(path, line, col, message) }
    }

    /// Adds a hint line.
    pub fn with_hint(mut self, hint: impl Into<Said>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Attaches the source line that `line` refers to, taken from the file's full text.
    pub fn with_source(mut self, text: &str) -> Self {
        if self.line > 0 {
            self.source_line = text.lines().nth(self.line - 1).map(|l| l.trim_end_matches('\r').to_string());
        }
        self
    }

    /// Shifts the position by a number of lines (for YAML parsed out of a larger file).
    pub fn offset_lines(mut self, lines: usize) -> Self {
        if self.line > 0 {
            self.line += lines;
        }
        self
    }

    /// The first line of the printed form: `path:line:col: message`, in the language set
    /// with `msg::set_locale`.
    pub fn headline(&self) -> String {
        self.headline_in(msg::locale())
    }

    /// The first line of the printed form in `locale`. `path:line:col: ` is the same in every
    /// language, so that editors and CI annotations can jump to it; a problem with the whole
    /// file points at its start.
    pub fn headline_in(&self, locale: Locale) -> String {
        let level = match self.severity {
            Severity::Error => String::new(),
            Severity::Warning => msg::warning_label().get(locale).to_string(),
        };
        let (l, c) = (self.line.max(1), self.col.max(1));
        format!("{}:{l}:{c}: {level}{}", self.path, self.message.get(locale))
    }

    /// The full printed form in `locale`: headline, the source line with a caret under the
    /// column, hint.
    pub fn display_in(&self, locale: Locale) -> impl fmt::Display + '_ {
        Shown(self, locale)
    }

    /// The caret line under the source line: spaces to the column, `^` under the token there
    /// (in terminal columns, wide characters counted twice); `None` without a column.
    pub fn caret(&self) -> Option<String> {
        let src = self.source_line.as_ref()?;
        if self.col == 0 {
            return None;
        }
        let before: String = src.chars().take(self.col - 1).collect();
        let width = display_width(&before.replace('\t', "    "));
        let carets = self.marked().map_or(1, |t| display_width(&t).clamp(1, 40));
        Some(format!("{}{}", " ".repeat(width), "^".repeat(carets)))
    }

    /// The text the caret marks: the token at the column of the source line (up to a space,
    /// a colon or a comma), or its first character.
    pub fn marked(&self) -> Option<String> {
        let src = self.source_line.as_ref()?;
        let rest: String = src.chars().skip(self.col.checked_sub(1)?).collect();
        let token = rest.split([' ', ':', '：', ',', '，']).next().unwrap_or("");
        Some(if token.is_empty() { rest.chars().next().map(String::from).unwrap_or_default() } else { token.into() })
    }
}

struct Shown<'a>(&'a Diagnostic, Locale);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Shown(d, locale) = *self;
        writeln!(f, "{}", d.headline_in(locale))?;
        if let Some(src) = &d.source_line {
            let num = d.line.to_string();
            let pad = " ".repeat(num.len());
            writeln!(f, "{pad} |")?;
            writeln!(f, "{num} | {}", src.replace('\t', "    "))?;
            if let Some(caret) = d.caret() {
                writeln!(f, "{pad} | {caret}")?;
            }
        }
        if let Some(hint) = &d.hint {
            writeln!(f, "  = {}{}", msg::hint_label().get(locale), hint.get(locale))?;
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostic {
    /// The full printed form, in the language set with `msg::set_locale`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.display_in(msg::locale()))
    }
}

/// Terminal columns taken by `s`: East Asian wide and full-width characters take two.
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    let cp = c as u32;
    let wide = matches!(cp,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD);
    if c.is_control() {
        0
    } else if wide {
        2
    } else {
        1
    }
}

/// Maps byte offsets in a file's text to 1-based line and character column.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// Line and column (both 1-based, column in characters) of byte `offset`.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self.text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

/// The one collector every stage reports into: a stage's diagnostics are recorded as they
/// come, and sorted once (by severity, file, line, column, message; duplicates dropped) when
/// they are handed on.
#[derive(Debug, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Records one diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Records several.
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(ds);
    }

    /// A stage's result: its value, or `None` with its content diagnostics recorded, so that
    /// the next stages still run and one run reports every problem. A failure of the
    /// environment (I/O) is passed on at once.
    pub fn take<T>(&mut self, r: Result<T>) -> Result<Option<T>> {
        match r {
            Ok(v) => Ok(Some(v)),
            Err(Failure::Content(d)) => {
                self.0.extend(d);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Whether any error (not warning) was recorded.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The diagnostics, sorted by file and position so the output is the same whatever order
    /// the work ran in; exact duplicates (a template that fails the same way on every page)
    /// once.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
        self.0.dedup_by(|a, b| a.path == b.path && a.line == b.line && a.col == b.col && a.message == b.message);
        self.0
    }

    /// `value` when no error was recorded, else every diagnostic, sorted.
    pub fn finish<T>(self, value: T) -> Result<T> {
        if self.has_errors() { Err(Failure::Content(self.sorted())) } else { Ok(value) }
    }
}

/// Warnings as they are found, counted as [`Diagnostics::sorted`] would count them (exact
/// duplicates once) and kept in its order: all of them, or only the first `limit` (a build
/// shows five), so that a site with hundreds of thousands of warnings is not held in memory
/// to count them.
#[derive(Debug, Default)]
pub struct Tally {
    limit: Option<usize>,
    /// Every warning (without a limit), or the first `limit`, sorted.
    kept: Vec<Diagnostic>,
    /// A hash of each distinct warning seen (with a limit).
    seen: std::collections::HashSet<u128>,
}

impl Tally {
    /// A tally that keeps the first `limit` warnings (`None`: all of them).
    pub fn new(limit: Option<usize>) -> Tally {
        Tally { limit, ..Tally::default() }
    }

    /// Counts one warning and keeps it if it is among the first.
    pub fn add(&mut self, d: Diagnostic) {
        let Some(limit) = self.limit else {
            self.kept.push(d);
            return;
        };
        let hash = |salt: u8| {
            use std::hash::{Hash, Hasher};
            let mut h = std::hash::DefaultHasher::new();
            (salt, sort_key(&d)).hash(&mut h);
            h.finish()
        };
        // An exact duplicate is counted once, and the first one seen kept (as a stable sort
        // and `dedup` keep it).
        if !self.seen.insert(u128::from(hash(0)) << 64 | u128::from(hash(1))) {
            return;
        }
        let at = self.kept.partition_point(|k| sort_key(k) <= sort_key(&d));
        if at < limit {
            self.kept.insert(at, d);
            self.kept.truncate(limit);
        }
    }

    /// How many distinct warnings were added, and the ones kept, in order.
    pub fn finish(self) -> (usize, Vec<Diagnostic>) {
        match self.limit {
            None => {
                let all = Diagnostics(self.kept).sorted();
                (all.len(), all)
            }
            Some(_) => (self.seen.len(), self.kept),
        }
    }
}

/// The order of [`Diagnostics::sorted`].
fn sort_key(d: &Diagnostic) -> (Severity, &str, usize, usize, &Said) {
    (d.severity, &d.path, d.line, d.col, &d.message)
}

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The content has errors (exit code 1); each is a diagnostic.
    #[error("the site has {} error(s)", .0.len())]
    Content(Vec<Diagnostic>),
    /// The environment failed: I/O, a port in use (exit code 1), with context.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl From<Diagnostic> for Failure {
    fn from(d: Diagnostic) -> Self {
        Failure::Content(vec![d])
    }
}

/// Shorthand for results that fail with content diagnostics or an environment error.
pub type Result<T, E = Failure> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {

    #[test]
    fn a_tally_counts_and_keeps_what_sorting_all_would() {
        let w = |path: &str, line: usize, msg: &str, hint: &str| {
            Diagnostic::warning(path, line, 1, Said::same(msg)).with_hint(Said::same(hint))
        };
        let all = vec![
            w("b.md", 3, "x", "first"),
            w("a.md", 9, "y", ""),
            w("b.md", 3, "x", "second"),
            w("a.md", 2, "z", ""),
            w("c.md", 1, "x", ""),
            w("a.md", 2, "a", ""),
        ];
        let sorted = Diagnostics(all.clone()).sorted();
        for limit in [None, Some(0), Some(2), Some(5), Some(9)] {
            let mut tally = Tally::new(limit);
            all.iter().cloned().for_each(|d| tally.add(d));
            let (total, kept) = tally.finish();
            assert_eq!(total, sorted.len(), "{limit:?}");
            let want: Vec<_> = sorted.iter().take(limit.unwrap_or(usize::MAX)).collect();
            assert_eq!(kept.iter().collect::<Vec<_>>(), want, "{limit:?}");
        }
        // The duplicate kept is the first one seen.
        let mut tally = Tally::new(Some(9));
        all.into_iter().for_each(|d| tally.add(d));
        assert!(tally.finish().1.iter().any(|d| d.hint.as_ref().is_some_and(|h| h.en() == "first")));
    }

    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "一二三\nab: 四五\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position("一二".len()), (1, 3));
        let second = text.find("四").unwrap();
        assert_eq!(idx.position(second), (2, 5));
    }

    #[test]
    fn caret_sits_under_chinese_text() {
        let d = Diagnostic::error("a.yaml", 1, 3, Said::same("bad")).with_source("标题：值\n");
        let out = d.to_string();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], "1 | 标题：值");
        assert_eq!(lines[3], "  |     ^^");
    }
}
