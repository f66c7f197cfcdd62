//! The one place YAML is parsed: serde-saphyr, with its errors turned into diagnostics that an
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
    fn name(self) -> &'static str {
        match self {
            Kind::Site => "site.yaml",
            Kind::Dataset => "a dataset",
            Kind::FrontMatter => "front matter",
            Kind::Chart => "a chart block",
            Kind::Other => "this file",
        }
    }

    /// The message and hint for an empty one.
    fn empty(self) -> (&'static str, &'static str) {
        match self {
            Kind::Site => (
                "the file is empty",
                "site.yaml needs at least `title`, `base_url` and `languages`, one `key: value` per line",
            ),
            Kind::Dataset => (
                "the file is empty",
                "a dataset needs `title`, `source`, `key`, `series` and `rows`; \
                 `vitrine new dataset <id>` writes one to start from",
            ),
            Kind::FrontMatter => {
                ("the front matter is empty", "write at least a line `title: …` between the two `---` lines")
            }
            Kind::Chart => (
                "the chart block is empty",
                "write at least `data: <dataset id>` and `kind: bar` in the block, one per line",
            ),
            Kind::Other => ("the file is empty", "write its keys and values, one `key: value` per line"),
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
    fn diagnostic(&self, line: usize, col: usize, message: &str, hint: &str) -> Diagnostic {
        let line = line.max(1);
        let mut d = Diagnostic::error(self.path, line + self.first_line.max(1) - 1, col.max(1), message)
            .with_hint(hint)
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

// ---------------------------------------------------------------------------------------------
// Step 1: the scan.

/// Something wrong in the text as written, at a 1-based line and column of the YAML.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Finding {
    line: usize,
    col: usize,
    scope: Scope,
    message: String,
    hint: String,
}

/// When a [`Finding`] is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    /// Wrong whatever the parser makes of the text: reported before parsing.
    Always,
    /// The likely cause of a parse error reported on this line or a neighbouring one (the
    /// parser often stops at the end of the previous value, or at the next key).
    Line,
    /// The likely cause of a parse error reported on this line or any later one.
    Onwards,
}

impl Finding {
    fn explains(&self, error_line: usize) -> bool {
        match self.scope {
            Scope::Always => true,
            Scope::Line => self.line.abs_diff(error_line) <= 1,
            Scope::Onwards => self.line <= error_line + 1,
        }
    }
}

/// Invisible characters, and space look-alikes YAML does not count as spaces, by name.
const INVISIBLE: &[(char, &str)] = &[
    ('\u{200b}', "an invisible zero-width space (U+200B)"),
    ('\u{200c}', "an invisible zero-width non-joiner (U+200C)"),
    ('\u{200d}', "an invisible zero-width joiner (U+200D)"),
    ('\u{2060}', "an invisible word joiner (U+2060)"),
    ('\u{feff}', "an invisible byte order mark (U+FEFF)"),
    ('\u{a0}', "a no-break space (U+00A0), which looks like a space but is not one,"),
    ('\u{202f}', "a narrow no-break space (U+202F), which looks like a space but is not one,"),
];

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

const FULL_WIDTH_SPACE: char = '\u{3000}';

/// Full-width brackets typed for YAML's, with the half-width bracket and an example.
const FULL_WIDTH_BRACKETS: &[(char, char, &str)] = &[
    ('【', '[', "series: [total, invention]"),
    ('［', '[', "series: [total, invention]"),
    ('｛', '{', "title: {zh: 专利授权量, en: Patents granted}"),
];

/// Reads `yaml` line by line the way YAML does and returns what it finds, in text order.
fn scan(yaml: &str, kind: Kind) -> Vec<Finding> {
    let mut s = Scanner { kind, ..Scanner::default() };
    for (i, line) in yaml.split('\n').enumerate() {
        let chars: Vec<char> = line.trim_end_matches('\r').chars().collect();
        s.line(i + 1, &chars);
    }
    s.finish()
}

/// An opening bracket or quote mark, where it is, and the indentation of its line.
#[derive(Clone, Copy, Debug)]
struct Open {
    mark: char,
    line: usize,
    col: usize,
    indent: usize,
}

/// What may come next on a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
enum Next {
    /// A key, a `- ` item or a value on its own: at the start of a line, after `- `, and after
    /// `{` or `,` in `{…}`.
    #[default]
    Key,
    /// A value: after `key: `, and after `[` or `,` in `[…]`.
    Value,
    /// The rest of a key or value.
    Other,
}

/// The scan's state, carried from line to line, and what it found.
#[derive(Default)]
struct Scanner {
    kind: Kind,
    found: Vec<Finding>,
    /// Open `[` and `{`, outermost first.
    flow: Vec<Open>,
    /// An open quoted text.
    quote: Option<Open>,
    /// Inside a `|` or `>` text block, whose lines are indented more than this.
    block: Option<usize>,
    /// Column (0-based) of the key or `-` whose value a `|` or `>` would start.
    owner: usize,
    next: Next,
    /// Whether a line with content has been seen (a `---` line after one splits the file).
    content: bool,
    /// Lines with a bracket or quote mark left open, closed (line, column of the mark, text).
    fixes: Vec<(usize, usize, String)>,
}

impl Scanner {
    fn push(&mut self, line: usize, col0: usize, scope: Scope, message: String, hint: impl Into<String>) {
        self.found.push(Finding { line, col: col0 + 1, scope, message, hint: hint.into() });
    }

    fn line(&mut self, n: usize, chars: &[char]) {
        self.controls(n, chars);
        let spaces = chars.iter().take_while(|&&c| c == ' ').count();
        let blank = chars.iter().all(|c| c.is_whitespace());
        if let Some(limit) = self.block {
            if blank || spaces > limit {
                return;
            }
            self.block = None;
        }
        if let Some(q) = self.quote
            && spaces <= q.indent
            && starts_entry(&chars[spaces..])
        {
            self.unclosed(q);
            self.quote = None;
        }
        let mut i = 0;
        if self.quote.is_none() {
            i = chars.iter().position(|c| !matches!(*c, ' ' | '\t' | FULL_WIDTH_SPACE)).unwrap_or(chars.len());
            let rest = &chars[i..];
            if rest.is_empty() || rest[0] == '#' {
                return;
            }
            if self.flow.is_empty() {
                self.next = Next::Key;
            } else if self.flow[0].line < n && i <= self.flow[0].indent && starts_entry(rest) {
                self.unclosed(self.flow[0]);
                self.flow.clear();
                self.next = Next::Key;
            }
            if i == 0 && self.quote.is_none() && self.document_marker(n, rest) {
                return;
            }
            self.indentation(n, &chars[..i], rest);
            self.content = true;
        }
        let end = self.walk(n, chars, i);
        self.remember_fixes(n, chars, end);
    }

    /// Control characters, anywhere (in quotes and text blocks too: YAML forbids them).
    fn controls(&mut self, n: usize, chars: &[char]) {
        if let Some(j) = chars.iter().position(|&c| c.is_control() && c != '\t') {
            let (message, hint) = match chars[j] {
                '\0' => (
                    "a NUL character (an invisible byte) is in the text".to_string(),
                    "delete it; it comes from a file that is not plain text, or a damaged copy",
                ),
                c => (
                    format!("an invisible control character (U+{:04X}) is in the text", c as u32),
                    "delete it; it usually comes with text copied from another program",
                ),
            };
            self.push(n, j, Scope::Always, message, hint);
        }
    }

    /// A `---` or `...` line after content. Returns whether the line is one.
    fn document_marker(&mut self, n: usize, rest: &[char]) -> bool {
        let marker = |m: &str| {
            rest.len() >= 3 && rest[..3].iter().copied().eq(m.chars()) && rest.get(3).is_none_or(|c| c.is_whitespace())
        };
        if marker("---") {
            if self.content {
                let hint = format!("{} has no `---` lines: delete this one", self.kind.name());
                self.push(n, 0, Scope::Always, "a `---` line splits the file in two".into(), hint);
            }
            return true;
        }
        if marker("...") {
            if self.content {
                self.push(n, 0, Scope::Onwards, "a `...` line ends the text early".into(), "delete this line");
            }
            return true;
        }
        false
    }

    /// Tabs and full-width spaces in the leading whitespace of a line whose content is `rest`.
    fn indentation(&mut self, n: usize, lead: &[char], rest: &[char]) {
        if let Some(j) = lead.iter().position(|&c| c == '\t') {
            // A tab opening a line always breaks YAML; after spaces the parser sometimes takes it.
            let scope = if j == 0 && self.flow.is_empty() { Scope::Always } else { Scope::Line };
            let hint = "YAML indents with spaces only: replace the tab with spaces";
            self.push(n, j, scope, "a tab is used for indentation".into(), hint);
        }
        if let Some(j) = lead.iter().position(|&c| c == FULL_WIDTH_SPACE)
            && starts_entry(rest)
        {
            self.push(
                n,
                j,
                Scope::Always,
                "a full-width space `　` is used for indentation".into(),
                "YAML indents with ordinary (half-width) spaces only: replace it with two spaces",
            );
        }
    }

    /// Walks the characters of a line from `i` (after the indentation).
    fn walk(&mut self, n: usize, chars: &[char], mut i: usize) -> usize {
        while i < chars.len() {
            let c = chars[i];
            if let Some(q) = self.quote {
                if c == '\\' && q.mark == '"' {
                    i += 2;
                    continue;
                }
                if c == q.mark {
                    if q.mark == '\'' && chars.get(i + 1) == Some(&'\'') {
                        i += 2;
                        continue;
                    }
                    self.quote = None;
                    self.next = Next::Other;
                }
                i += 1;
                continue;
            }
            let at_token = self.next != Next::Other;
            match c {
                ' ' => {}
                '#' if i == 0 || chars[i - 1].is_whitespace() => return i,
                '"' | '\'' if at_token => {
                    self.quote = Some(Open { mark: c, line: n, col: i + 1, indent: indent_of(chars) });
                }
                '[' | '{' if at_token || !self.flow.is_empty() => {
                    self.flow.push(Open { mark: c, line: n, col: i + 1, indent: indent_of(chars) });
                    self.next = if c == '{' { Next::Key } else { Next::Value };
                    i += 1;
                    continue;
                }
                ']' | '}' if !self.flow.is_empty() => {
                    self.flow.pop();
                    self.next = Next::Other;
                }
                ',' if !self.flow.is_empty() => {
                    self.next = if self.in_map() { Next::Key } else { Next::Value };
                    i += 1;
                    continue;
                }
                '|' | '>' if self.flow.is_empty() && at_token && is_block_header(&chars[i + 1..]) => {
                    self.block = Some(self.owner);
                    return chars.len();
                }
                '-' if self.flow.is_empty() && at_token && chars.get(i + 1).is_none_or(|c| c.is_whitespace()) => {
                    self.owner = i;
                    self.after_indicator(n, chars, i, "-");
                    self.next = Next::Key;
                    i += 1;
                    continue;
                }
                ':' if self.is_colon(chars, i) => {
                    let key: String = key_before(chars, i).unwrap_or_default();
                    self.after_indicator(n, chars, i, &format!("{key}:"));
                    self.next = Next::Value;
                    i += 1;
                    continue;
                }
                '，' if !self.flow.is_empty() => self.full_width_comma(n, chars, i),
                FULL_WIDTH_SPACE if self.next == Next::Key && starts_entry(&chars[i + 1..]) => {
                    let message = format!("a full-width space `　` {}", whereabouts(chars, i));
                    self.push(n, i, Scope::Always, message, "use an ordinary (half-width) space instead");
                }
                // Where a key or value begins; inside a value such a character is only text
                // (a no-break space pasted from Word in a title is fine).
                c if at_token && INVISIBLE.iter().any(|(x, _)| *x == c) => self.invisible(n, chars, i),
                _ if at_token => {
                    if self.next == Next::Key {
                        if self.flow.is_empty() {
                            self.owner = i;
                        }
                        self.key_token(n, chars, i);
                    }
                    if let Some((_, half, example)) = FULL_WIDTH_BRACKETS.iter().find(|(x, _, _)| *x == c) {
                        let message = format!("a full-width bracket `{c}` where YAML needs `{half}`");
                        let example = corrected(chars, i).unwrap_or_else(|| example.to_string());
                        let hint = format!("type half-width brackets and commas, e.g. `{example}`");
                        self.push(n, i, Scope::Line, message, hint);
                    }
                    self.next = Next::Other;
                }
                _ => {}
            }
            i += 1;
        }
        chars.len()
    }

    /// An invisible character or a space look-alike, outside quotes and comments.
    fn invisible(&mut self, n: usize, chars: &[char], i: usize) {
        let c = chars[i];
        let name = INVISIBLE.iter().find(|(x, _)| *x == c).map_or("an invisible character", |(_, name)| name);
        let hint = match neighbour(chars, i) {
            _ if !is_zero_width(c) => "delete it and type an ordinary space, or nothing".into(),
            Some((side, word)) => format!(
                "it usually comes with copied text: delete `{word}` together with the invisible character {side} \
                 it, and type `{word}` again"
            ),
            None => "it usually comes with copied text: delete it".into(),
        };
        self.push(n, i, Scope::Always, format!("{name} {}", whereabouts(chars, i)), hint);
    }

    /// Whether the innermost open bracket is a `{`.
    fn in_map(&self) -> bool {
        self.flow.last().is_some_and(|o| o.mark == '{')
    }

    /// Whether the `:` at `i` separates a key from its value.
    fn is_colon(&self, chars: &[char], i: usize) -> bool {
        match chars.get(i + 1) {
            None => true,
            Some(c) if c.is_whitespace() => true,
            Some(',' | ']' | '}') => !self.flow.is_empty(),
            _ => false,
        }
    }

    /// What follows the `:` of a key or a `-` item: a tab is allowed, a full-width space is not.
    fn after_indicator(&mut self, n: usize, chars: &[char], i: usize, what: &str) {
        if chars.get(i + 1) == Some(&FULL_WIDTH_SPACE) {
            let message = format!("a full-width space `　` after `{what}`");
            let hint = "type an ordinary (half-width) space after it; YAML does not count a full-width one";
            self.push(n, i + 1, Scope::Always, message, hint);
        }
    }

    /// A key starting at `i`: `key：` (full-width colon) and `key:value` (no space).
    fn key_token(&mut self, n: usize, chars: &[char], i: usize) {
        let end = i + chars[i..].iter().take_while(|&&c| is_key_char(c)).count();
        if end == i {
            return;
        }
        let key: String = chars[i..end].iter().collect();
        let sep = end + chars[end..].iter().take_while(|&&c| c == ' ').count();
        if chars.get(sep) == Some(&'：') {
            let scope = if self.in_map() { Scope::Always } else { Scope::Onwards };
            let value: String = chars[sep + 1..].iter().take_while(|c| !matches!(c, ',' | '}' | '#')).collect();
            let value: String = value.trim().chars().take(20).collect();
            let value = if value.is_empty() { "…".into() } else { value };
            let hint = format!("type a half-width colon `:` followed by a space, e.g. `{key}: {value}`");
            self.push(n, sep, scope, "full-width colon `：` used as a YAML colon".into(), hint);
        }
        let glued = chars.get(end) == Some(&':')
            && chars.get(end + 1).is_some_and(|c| !c.is_whitespace() && !matches!(c, '/' | ',' | ']' | '}' | ':'));
        if glued && key.is_ascii() && (self.flow.is_empty() || self.in_map()) {
            let scope = if self.in_map() { Scope::Always } else { Scope::Line };
            let value: String = chars[end + 1..].iter().take_while(|c| !matches!(c, ',' | '}' | ' ')).collect();
            let message = format!("a space is missing after `{key}:`");
            let hint = format!("YAML needs a space after the colon: `{key}: {value}`");
            self.push(n, end, scope, message, hint);
        }
    }

    /// A `，` inside brackets, where it was surely meant as `,`: between ids in a list, or
    /// before a key in `{…}`.
    fn full_width_comma(&mut self, n: usize, chars: &[char], i: usize) {
        let after = chars[i + 1..].iter().skip_while(|&&c| c == ' ');
        let before_key = {
            let word: Vec<char> = after.clone().take_while(|&&c| is_key_char(c)).copied().collect();
            let next = after.clone().nth(word.len());
            self.in_map() && !word.is_empty() && matches!(next, Some(':' | '：'))
        };
        let id = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'));
        let between_ids =
            !self.in_map() && id(chars[..i].iter().rev().find(|&&c| c != ' ')) && id(after.clone().next());
        if before_key || between_ids {
            let example = if before_key { "{year: 2021, total: 155000}" } else { "[total, invention]" };
            let here = self.flow.last().filter(|o| o.line == n).and_then(|o| corrected(chars, o.col - 1));
            let example = here.unwrap_or_else(|| example.to_string());
            self.push(
                n,
                i,
                Scope::Always,
                "a full-width comma `，` where YAML needs `,`".into(),
                format!("type a half-width comma and a space between the items, e.g. `{example}`"),
            );
        }
    }

    /// For an opening bracket or quote mark still open at the end of its line (`end`: where a
    /// comment starts), that line closed, for the hint if it turns out never to be closed.
    fn remember_fixes(&mut self, n: usize, chars: &[char], end: usize) {
        let line = || chars[indent_of(chars).min(end)..end].iter().collect::<String>().trim_end().to_string();
        if let Some(q) = self.quote.filter(|q| q.line == n) {
            self.fixes.push((q.line, q.col, format!("{}{}", line(), q.mark)));
        }
        if self.flow.first().is_some_and(|o| o.line == n) {
            let closers: String = self.flow.iter().rev().map(|o| if o.mark == '[' { ']' } else { '}' }).collect();
            self.fixes.push((n, self.flow[0].col, format!("{}{closers}", line())));
        }
    }

    fn unclosed(&mut self, o: Open) {
        let (message, what, example) = match o.mark {
            '[' => ("this `[` is not closed", "end the list with `]`", "series: [total, invention]"),
            '{' => ("this `{` is not closed", "end it with `}`", "title: {zh: 专利授权量, en: Patents granted}"),
            '"' => ("this `\"` is not closed", "end the text with `\"` too", "title: \"2021年报告\""),
            _ => ("this `'` is not closed", "end the text with `'` too", "title: '2021年报告'"),
        };
        let fixed =
            self.fixes.iter().rev().find(|(l, c, fix)| (*l, *c) == (o.line, o.col) && fix.chars().count() <= 60);
        let hint = format!("{what}, e.g. `{}`", fixed.map_or(example, |(_, _, fix)| fix.as_str()));
        self.push(o.line, o.col - 1, Scope::Onwards, message.into(), hint);
    }

    fn finish(mut self) -> Vec<Finding> {
        if let Some(q) = self.quote.take() {
            self.unclosed(q);
        }
        if let Some(&o) = self.flow.first() {
            self.unclosed(o);
        }
        self.found.sort_by_key(|f| (f.line, f.col));
        self.found
    }
}

/// Whether a line's content (after its indentation) starts a `key:` or a `- ` item.
fn starts_entry(rest: &[char]) -> bool {
    if rest.first() == Some(&'-') && rest.get(1).is_none_or(|c| c.is_whitespace()) {
        return true;
    }
    let k = rest.iter().take_while(|&&c| is_key_char(c)).count();
    k > 0 && matches!(rest.get(k), Some(':' | '：')) && rest.get(k + 1).is_none_or(|c| c.is_whitespace())
}

/// A `|` or `>` text block header's rest: indicators, then nothing or a comment.
fn is_block_header(rest: &[char]) -> bool {
    let rest: Vec<&char> = rest.iter().skip_while(|c| matches!(c, '-' | '+' | '1'..='9')).collect();
    match rest.iter().position(|c| !c.is_whitespace()) {
        None => true,
        Some(j) => j > 0 && *rest[j] == '#',
    }
}

fn is_key_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-')
}

fn indent_of(chars: &[char]) -> usize {
    chars.iter().take_while(|&&c| c == ' ').count()
}

/// The key right before the `:` at `colon`.
fn key_before(chars: &[char], colon: usize) -> Option<String> {
    let start = chars[..colon].iter().rposition(|&c| !is_key_char(c)).map_or(0, |p| p + 1);
    let key: String = chars[start..colon].iter().collect();
    (!key.is_empty()).then_some(key)
}

/// The word next to the character at `i`: "before `title`", or "after `title:`".
fn neighbour(chars: &[char], i: usize) -> Option<(&'static str, String)> {
    let word = |it: &mut dyn Iterator<Item = char>| -> Vec<char> {
        it.take_while(|&c| !c.is_whitespace() && c != '`' && !INVISIBLE.iter().any(|(x, _)| *x == c)).take(20).collect()
    };
    let after: String = word(&mut chars[i + 1..].iter().copied()).into_iter().collect();
    let after = after.trim_end_matches([':', '：', ',']);
    if !after.is_empty() {
        return Some(("before", after.to_string()));
    }
    let before: String = word(&mut chars[..i].iter().rev().copied()).into_iter().rev().collect();
    (!before.is_empty()).then_some(("after", before))
}

/// "before `title`", "after `title:`" or "here".
fn whereabouts(chars: &[char], i: usize) -> String {
    neighbour(chars, i).map_or_else(|| "here".into(), |(side, word)| format!("{side} `{word}`"))
}

/// The line up to the bracket closing the one at `start`, with full-width brackets made
/// half-width, and `，` and `：` between ASCII words too: `series: [total, invention]`.
/// `None` when that does not fit in a hint.
fn corrected(chars: &[char], start: usize) -> Option<String> {
    let ascii = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let mut out: String = chars[indent_of(chars)..start].iter().collect();
    let mut depth = 0i32;
    for (j, &c) in chars.iter().enumerate().skip(start) {
        let c = match c {
            '【' | '［' => '[',
            '】' | '］' => ']',
            '｛' => '{',
            '｝' => '}',
            c => c,
        };
        let between_words =
            ascii(chars[..j].iter().rev().find(|&&c| c != ' ')) && ascii(chars[j + 1..].iter().find(|&&c| c != ' '));
        match c {
            '，' | '：' if between_words => {
                out.push(if c == '，' { ',' } else { ':' });
                if chars.get(j + 1) != Some(&' ') {
                    out.push(' ');
                }
            }
            _ => out.push(c),
        }
        depth += match c {
            '[' | '{' => 1,
            ']' | '}' => -1,
            _ => 0,
        };
        if depth == 0 {
            return (out.chars().count() <= 60).then_some(out);
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Steps 2 and 3: after the parser fails.

/// The diagnostic for a parse error `e`: a likely cause the scan found, or the reworded message.
fn to_diagnostic(e: &serde_saphyr::Error, findings: &[Finding], place: &Place<'_>) -> Diagnostic {
    let (mut line, mut col) = e.location().map_or((1, 1), |l| location_of(&l));
    let render = serde_saphyr::render_options!(snippets: serde_saphyr::SnippetMode::Off);
    let raw = e.without_snippet().render_with_options(render);
    let msg = strip_location(&raw);

    // Messages about the content of a well-formed file are not explained by a syntax slip.
    let content = ["unknown field", "missing field", "duplicate mapping key", "unknown variant"];
    let content = content.iter().any(|p| msg.starts_with(p));
    if !content && let Some(f) = findings.iter().find(|f| f.explains(line)) {
        return place.diagnostic(f.line, f.col, &f.message, &f.hint);
    }
    // The parser's position for a tab is often the end of the previous value: point at the tab.
    if ["found a tab", "tabs disallowed", "tab cannot", "start with a tab"].iter().any(|p| msg.contains(p)) {
        let lines = [line, line + 1];
        if let Some((l, c)) =
            lines.iter().find_map(|&l| Some((l, nth_line(place.yaml, l)?.chars().position(|c| c == '\t')? + 1)))
        {
            (line, col) = (l, c);
        }
    }
    let at = At::new(place, line, col);
    let (message, hint) = reword(msg, &at);
    place.diagnostic(line, col, &message, &hint)
}

/// Removes the trailing " at line N, column M" that serde-saphyr appends.
fn strip_location(msg: &str) -> &str {
    msg.rfind(" at line ").map_or(msg, |i| &msg[..i]).trim()
}

/// What the text shows where an error points.
struct At {
    /// The YAML line of the error, as characters, and the 0-based column in it.
    chars: Vec<char>,
    col0: usize,
    /// The key whose value the error is about, when the line shows it.
    key: Option<String>,
    /// The value written at the error's column.
    found: String,
    kind: Kind,
    /// Whether the YAML holds nothing but blank lines and comments.
    blank: bool,
}

impl At {
    fn new(place: &Place<'_>, line: usize, col: usize) -> At {
        let chars: Vec<char> = nth_line(place.yaml, line).unwrap_or("").chars().collect();
        let col0 = col.saturating_sub(1).min(chars.len());
        let key = key_at(&chars, col0);
        let found: String = chars[col0..]
            .iter()
            .take_while(|c| !matches!(c, ',' | '}' | ']' | '#'))
            .collect::<String>()
            .trim()
            .chars()
            .take(30)
            .collect();
        let blank = is_blank(place.yaml);
        At { chars, col0, key, found, kind: place.kind, blank }
    }

    /// The key in backticks, or a stand-in.
    fn key_or(&self, other: &str) -> String {
        self.key.as_ref().map_or_else(|| other.to_string(), |k| format!("`{k}`"))
    }

    /// The key for an example: `title`, or `key`.
    fn key_word(&self) -> &str {
        self.key.as_deref().unwrap_or("key")
    }

    /// The value at the error in plain words: "a list", "nothing", "`abc`".
    fn found_words(&self) -> String {
        match self.found.chars().next() {
            None => "nothing".into(),
            Some('[') => "a list".into(),
            Some('{') => "keys and values".into(),
            _ => format!("`{}`", self.found),
        }
    }

    /// The line's content after its indentation and any `- `.
    fn entry(&self) -> &[char] {
        let mut i = indent_of(&self.chars);
        while self.chars.get(i) == Some(&'-') && self.chars.get(i + 1) == Some(&' ') {
            i += 2;
            while self.chars.get(i) == Some(&' ') {
                i += 1;
            }
        }
        &self.chars[i.min(self.chars.len())..]
    }
}

/// The key whose value sits at `col0`: the key starting there, or the last `key:` before it.
fn key_at(chars: &[char], col0: usize) -> Option<String> {
    let word = chars[col0..].iter().take_while(|&&c| is_key_char(c)).count();
    if word > 0 && chars.get(col0 + word) == Some(&':') {
        return Some(chars[col0..col0 + word].iter().collect());
    }
    let upto = (col0 + 1).min(chars.len());
    (0..upto)
        .rev()
        .filter(|&j| chars[j] == ':' && chars.get(j + 1).is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '}')))
        .find_map(|j| key_before(chars, j))
}

/// How [`REWORDS`] words a message: fixed words, or words made by a function from the rest of
/// the message (after the matched start) and the line it points at; `None` passes to the next
/// entry.
enum Say {
    Fixed(&'static str, &'static str),
    By(fn(rest: &str, at: &At) -> Option<(String, String)>),
}
use Say::{By, Fixed};

/// What serde-saphyr and its parser say, by the start of the message, and what the author is
/// told instead (message, hint). Tried in order; the last entry matches anything.
const REWORDS: &[(&str, Say)] = &[
    ("unknown field `", By(unknown_key)),
    (
        "missing field `",
        By(|rest, _| {
            let key = rest.trim_end_matches('`');
            Some((format!("missing required key `{key}`"), format!("add a line `{key}: …`")))
        }),
    ),
    (
        "duplicate mapping key",
        By(|rest, _| {
            let key = rest.trim_start_matches(": ").split(", set DuplicateKeyPolicy").next().unwrap_or("");
            let hint = "each key may appear only once here; keep one and delete the other";
            Some((format!("duplicate key `{key}`"), hint.into()))
        }),
    ),
    (
        "unknown variant `",
        By(|rest, _| {
            let (v, expected) = rest.split_once("`, expected one of ")?;
            Some((format!("unknown value `{v}`"), format!("use one of: {}", expected.replace('`', ""))))
        }),
    ),
    ("cannot deserialize null into string", By(|_, at| Some(empty(at, "string")))),
    ("invalid type: unit value, expected ", By(|rest, at| Some(empty(at, rest)))),
    ("invalid type: ", By(mismatch_of)),
    ("invalid value: ", By(mismatch_of)),
    (
        "expected ",
        By(|rest, at| {
            let known = ["string scalar", "scalar", "sequence start", "mapping start"].contains(&rest);
            known.then(|| mismatch(at, rest, &at.found_words()))
        }),
    ),
    (
        "invalid boolean",
        By(|_, at| {
            let hint = format!("write `true` or `false`, e.g. `{}: true`", at.key_word());
            Some((format!("{} is not `true` or `false`", at.found_words()), hint))
        }),
    ),
    (
        "invalid ",
        By(|rest, at| {
            let ty = rest.split_whitespace().next()?;
            NUMBERS.iter().any(|(t, _, _)| *t == ty).then(|| mismatch(at, ty, &at.found_words()))
        }),
    ),
    (
        "non-finite float `",
        By(|rest, _| {
            let value = rest.split('`').next().unwrap_or(rest);
            let hint = "write the figure, or `null` if it is missing";
            Some((format!("`{value}` is not a number a table can show"), hint.into()))
        }),
    ),
    (
        "plain scalar cannot start with '-'",
        By(|_, at| {
            let hint = format!("write `null` for a missing value, e.g. `{}: null`, or write the figure", at.key_word());
            Some(("a lone `-` where a value belongs".into(), hint))
        }),
    ),
    ("unexpected end of input", By(end_of_input)),
    ("unexpected eof", By(end_of_input)),
    ("unexpected EOF", By(end_of_input)),
    ("multiple YAML documents", By(split_in_two)),
    ("multiple documents", By(split_in_two)),
    ("invalid content after document end marker", Fixed("a `...` line ends the text early", "delete the `...` line")),
    ("mapping values are not allowed", By(colon_in_value)),
    ("simple key expected", By(not_key_value)),
    ("simple key is no longer valid", By(not_key_value)),
    ("while parsing a block mapping, did not find expected key", By(not_lined_up)),
    (
        "while parsing a block collection",
        Fixed(
            "this line is not lined up with the list items above it",
            "start every `- ` item of a list at the same column",
        ),
    ),
    ("invalid indentation in multiline quoted scalar", QUOTE_NOT_CLOSED),
    ("invalid indentation", Fixed("this line is not lined up with the lines around it", LINE_UP)),
    ("illegal placement of ':'", COLON_MISPLACED),
    ("mapping keys are not allowed", COLON_MISPLACED),
    ("':' ", COLON_MISPLACED),
    (
        "while parsing a flow mapping",
        Fixed(
            "a `,` or the closing `}` is missing here",
            "separate the entries with a comma and a space, and end them with `}`: `{year: 2021, total: 155000}`",
        ),
    ),
    (
        "while parsing a flow sequence",
        Fixed(
            "a `,` or the closing `]` is missing here",
            "separate the items with a comma and a space, and end them with `]`: `[total, invention]`",
        ),
    ),
    ("unclosed bracket", Fixed("a `[` or `{` is not closed", "end each `[` with `]` and each `{` with `}`")),
    ("misplaced bracket", Fixed("a closing bracket with no opening one", "delete it, or add the opening `[` or `{`")),
    ("mismatched bracket", Fixed("a bracket is closed by the wrong kind", "close `[` with `]` and `{` with `}`")),
    (
        "\"-\" is only valid inside a block",
        Fixed("a `- ` item inside brackets", "a `[` or `{` on a line above is not closed: close it on its own line"),
    ),
    (
        "block sequence entries are not allowed",
        Fixed(
            "a `- ` item where a value belongs",
            "start the list on the line after `key:`, each `- ` item on its own indented line",
        ),
    ),
    (
        "'-' must be followed",
        Fixed("a space is missing after `-`", "write a space after the `-` of a list item: `- item`"),
    ),
    ("unclosed quote", QUOTE_NOT_CLOSED),
    ("while scanning a quoted scalar", QUOTE_NOT_CLOSED),
    (
        "invalid trailing content after",
        Fixed("text after the closing quote", "put all the text inside the quotes, e.g. `title: \"2021年报告\"`"),
    ),
    (
        "while parsing a quoted scalar",
        Fixed(
            "a `\\` in double quotes starts a special character",
            "write `\\\\` for a backslash, or put the text in single quotes `'…'`",
        ),
    ),
    ("while scanning a plain scalar, found a tab", By(tab)),
    ("tabs disallowed", By(tab)),
    ("tab cannot be used", By(tab)),
    ("a block scalar content cannot start with a tab", By(tab)),
    ("a BOM must not appear", Fixed("an invisible byte order mark (U+FEFF) is in the text", "delete it")),
    (
        "unexpected character: `",
        By(|rest, at| {
            let c = rest.trim_end_matches('\'');
            let c = if c.starts_with('\\') { "this character" } else { c };
            Some((format!("`{c}` cannot start a value"), quote_it(at)))
        }),
    ),
    (
        "comments must be separated",
        Fixed("`#` starts a comment only after a space", "put a space before `#`, or put the text in quotes"),
    ),
    (
        "comment intercepting",
        Fixed(
            "a `#` comment inside a text that goes on over several lines",
            "put the text in quotes, or move the comment",
        ),
    ),
    ("folded block scalars must indent", BLOCK_TEXT),
    ("while scanning a block scalar", BLOCK_TEXT),
    ("wrongly indented line in block scalar", BLOCK_TEXT),
    ("budget breached", TOO_LARGE),
    ("recursion limit exceeded", TOO_LARGE),
    ("alias", By(anchor)),
    ("while parsing node, found unknown anchor", By(anchor)),
    ("while scanning an anchor", By(anchor)),
    ("unsupported tag", By(tag)),
    ("while scanning a tag", By(tag)),
    ("while parsing a tag", By(tag)),
    ("the handle wasn't declared", By(tag)),
    ("while scanning a directive", By(tag)),
    ("while scanning a YAML directive", By(tag)),
    ("while scanning TAG", By(tag)),
    ("YAML directives", By(tag)),
    (
        "",
        Fixed(
            "this line cannot be read as YAML",
            "check it for a missing `:`, space, quote mark or bracket; compare it with a line that works",
        ),
    ),
];

const LINE_UP: &str =
    "start it at the same column as the keys it belongs with; YAML counts every space at the start of a line";
const QUOTE_NOT_CLOSED: Say =
    Fixed("a quoted text is not closed", "end the text with the same quote mark it starts with");
const COLON_MISPLACED: Say = Fixed(
    "a `:` where YAML does not expect one",
    "a key is followed by `: ` and its value; put a text that contains `:` in quotes",
);
const BLOCK_TEXT: Say = Fixed(
    "the lines of a `|` or `>` text are not indented enough",
    "indent every line of the text more than the key it belongs to",
);
const TOO_LARGE: Say = Fixed(
    "the YAML is too large or expands too much",
    "vitrine refuses deeply nested YAML and heavy use of `&anchor`/`*alias`; write the values out plainly",
);

/// Rewords serde's and the parser's `msg` for authors, by the first matching entry of
/// [`REWORDS`]: keys in backticks, plain words, always a hint.
fn reword(msg: &str, at: &At) -> (String, String) {
    REWORDS
        .iter()
        .find_map(|(start, say)| {
            let rest = msg.strip_prefix(start)?;
            match say {
                Fixed(message, hint) => Some((message.to_string(), hint.to_string())),
                By(rule) => rule(rest, at),
            }
        })
        .unwrap_or_else(|| ("this line cannot be read as YAML".into(), String::new()))
}

fn unknown_key(rest: &str, _: &At) -> Option<(String, String)> {
    if let Some((key, expected)) = rest.split_once("`, expected one of ") {
        let known: Vec<&str> = expected.split(", ").map(|k| k.trim_matches('`')).collect();
        let hint = match nearest(key, &known) {
            Some(k) => format!("did you mean `{k}`? Known keys: {}", known.join(", ")),
            None => format!("known keys: {}", known.join(", ")),
        };
        return Some((format!("unknown key `{key}`"), hint));
    }
    if let Some((key, expected)) = rest.split_once("`, expected `") {
        let k = expected.trim_end_matches('`');
        return Some((format!("unknown key `{key}`"), format!("the only key allowed here is `{k}`")));
    }
    let (key, _) = rest.split_once("`, there are no fields")?;
    Some((format!("unknown key `{key}`"), "no keys are allowed here".into()))
}

/// What serde calls a kind of value: the author's name for it, and how to write one
/// (`{key}` is replaced by the key). Matched by `contains`, in order.
const KINDS: &[(&str, &str, &str)] = &[
    (
        "a string, or a map from language code",
        "a text or one text per language (`{zh: …, en: …}`)",
        "write the text after the colon, e.g. `{key}: 专利授权量`, or one per language: `{key}: {zh: 专利授权量, en: Patents granted}`",
    ),
    (
        "a mapping such as {year",
        "a row such as `{year: 2021, total: 155000}`",
        "write each row between curly brackets, e.g. `- {year: 2021, total: 155000}`",
    ),
    (
        "string scalar",
        "a single value",
        "write one value after the colon, e.g. `{key}: …`; a list `[…]` or keys `{…}` do not belong here",
    ),
    ("string", "a text", "write the text after the colon, e.g. `{key}: …`"),
    (
        "sequence",
        "a list such as `[a, b]`",
        "write the items between square brackets, separated by commas: `{key}: [a, b]`",
    ),
    (
        "map",
        "keys and values (`key: value`)",
        "write them on the indented lines below `{key}:`, one `key: value` per line, or between curly brackets `{…}`",
    ),
    (
        "struct",
        "keys and values (`key: value`)",
        "write them on the indented lines below `{key}:`, one `key: value` per line, or between curly brackets `{…}`",
    ),
    ("bool", "`true` or `false`", "write `true` or `false`, e.g. `{key}: true`"),
];

/// Number types: the author's name for the values they hold, and an example.
const NUMBERS: &[(&str, &str, &str)] = &[
    ("u8", "a whole number from 0 to 255", "2"),
    ("u16", "a whole number from 0 to 65535", "10"),
    ("u32", "a whole number, 0 or more", "10"),
    ("u64", "a whole number, 0 or more", "10"),
    ("usize", "a whole number, 0 or more", "10"),
    ("i8", "a whole number from -128 to 127", "10"),
    ("i16", "a whole number from -32768 to 32767", "10"),
    ("i32", "a whole number", "10"),
    ("i64", "a whole number", "10"),
    ("isize", "a whole number", "10"),
    ("f32", "a number", "155000"),
    ("f64", "a number", "155000"),
];

/// `invalid type: sequence, expected a string`: what was found, and what was expected.
fn mismatch_of(rest: &str, at: &At) -> Option<(String, String)> {
    let (found, expected) = rest.split_once(", expected ")?;
    Some(mismatch(at, expected, &found_of(found, at)))
}

/// "expected a list such as `[a, b]` for `series`, found `total`", with how to write one.
fn mismatch(at: &At, expected: &str, found: &str) -> (String, String) {
    let key = at.key_word();
    let (what, hint) = if let Some((_, what, example)) = NUMBERS.iter().find(|(t, _, _)| *t == expected) {
        (what.to_string(), format!("write digits only, without quotes, units or separators, e.g. `{key}: {example}`"))
    } else if let Some((_, what, hint)) = KINDS.iter().find(|(pat, _, _)| expected.contains(pat)) {
        (what.to_string(), hint.replace("{key}", key))
    } else {
        ("another kind of value".into(), "compare the value with the same key in a file that works".into())
    };
    (format!("expected {what} for {}, found {found}", at.key_or("this value")), hint)
}

/// serde's "found" part in plain words: `sequence` -> "a list", `string "x"` -> "the text `x`".
fn found_of(found: &str, at: &At) -> String {
    let quoted = |s: &str| s.trim_matches(['"', '`']).to_string();
    let described =
        [("string ", "the text "), ("integer ", "the number "), ("floating point ", "the number "), ("boolean ", "")]
            .iter()
            .find_map(|(serde, ours)| Some(format!("{ours}`{}`", quoted(found.strip_prefix(serde)?))));
    match found {
        "unit value" => "nothing".into(),
        "sequence" => "a list".into(),
        "map" => "keys and values".into(),
        _ => described.unwrap_or_else(|| at.found_words()),
    }
}

/// A value left empty (`title:`), or a line starting with `:`.
fn empty(at: &At, expected: &str) -> (String, String) {
    if at.chars.get(at.col0) == Some(&':') && key_before(&at.chars, at.col0).is_none() {
        return (
            "a key is missing before `:`".into(),
            "write the key before the colon, e.g. `updated: 2023-04-26`".into(),
        );
    }
    let Some(key) = &at.key else {
        return ("a value is missing here".into(), "write the value, or `null` if there is none".into());
    };
    let (_, hint) = mismatch(at, expected, "");
    (format!("`{key}` is empty"), hint)
}

fn end_of_input(_: &str, at: &At) -> Option<(String, String)> {
    if at.blank {
        let (message, hint) = at.kind.empty();
        return Some((message.into(), hint.into()));
    }
    Some((
        "the text ends in the middle of a value".into(),
        "check the last lines for a missing `]`, `}` or closing quote mark".into(),
    ))
}

fn split_in_two(_: &str, at: &At) -> Option<(String, String)> {
    let hint = format!("{} has no `---` lines: delete this one", at.kind.name());
    Some(("a `---` line splits the file in two".into(), hint))
}

/// "mapping values are not allowed": a second `: ` in a value, or a key indented too far.
fn colon_in_value(_: &str, at: &At) -> Option<(String, String)> {
    let entry = at.entry();
    let start = at.chars.len() - entry.len();
    let first_key = entry.iter().take_while(|&&c| is_key_char(c)).count();
    if first_key > 0 && start + first_key == at.col0 {
        let key: String = entry[..first_key].iter().collect();
        return Some((format!("`{key}:` is indented more than the keys above it"), LINE_UP.into()));
    }
    let line: String = at.chars.iter().collect();
    let key: String = entry[..first_key].iter().collect();
    let key = if key.is_empty() { "this key".to_string() } else { format!("`{key}`") };
    let hint = match line.trim().split_once(": ") {
        Some((key, value)) if !value.starts_with(['{', '[', '"', '\'']) && !value.contains('"') => {
            let value = value.split(" #").next().unwrap_or(value).trim();
            let key = key.trim_start_matches(['-', ' ']);
            format!("YAML reads `: ` as the start of a key: put the value in quotes, `{key}: \"{value}\"`")
        }
        _ => "YAML reads `: ` as the start of a key: put the value in quotes, e.g. `title: \"报告: 2021\"`".into(),
    };
    Some((format!("the value of {key} contains `: `"), hint))
}

/// "simple key expected ':'": a line with no `key:`.
fn not_key_value(_: &str, at: &At) -> Option<(String, String)> {
    let entry = at.entry();
    let word: String = entry.iter().take_while(|&&c| is_key_char(c)).collect();
    let rest: String = entry.iter().skip(word.chars().count()).collect();
    if !word.is_empty() && word.is_ascii() && (rest.is_empty() || rest.starts_with(' ')) {
        let value = rest.trim();
        let example = if value.is_empty() { format!("{word}: …") } else { format!("{word}: {value}") };
        return Some((
            format!("a `:` is missing after `{word}`"),
            format!("write a colon and a space after the key: `{example}`"),
        ));
    }
    Some((
        "this line is not `key: value`".into(),
        "write the key, a colon and a space, then the value; text that continues the line above must be indented more"
            .into(),
    ))
}

/// "did not find expected key": a line out of line with its neighbours.
fn not_lined_up(rest: &str, at: &At) -> Option<(String, String)> {
    let entry = at.entry();
    let word: String = entry.iter().take_while(|&&c| is_key_char(c)).collect();
    if !word.is_empty() && entry.get(word.chars().count()) == Some(&':') {
        return Some((format!("`{word}:` is not lined up with the keys above it"), LINE_UP.into()));
    }
    not_key_value(rest, at)
}

fn tab(_: &str, at: &At) -> Option<(String, String)> {
    let before: String = at.chars[..at.col0].iter().collect();
    let message = if before.trim().is_empty() {
        "a tab is used for indentation".to_string()
    } else {
        format!("a tab after `{}`", before.trim())
    };
    Some((message, "YAML indents with spaces only: replace the tab with spaces".into()))
}

fn anchor(_: &str, at: &At) -> Option<(String, String)> {
    Some(("`&` and `*` at the start of a value have a special meaning in YAML".into(), quote_it(at)))
}

fn tag(_: &str, at: &At) -> Option<(String, String)> {
    Some(("`!` or `%` at the start of a value has a special meaning in YAML".into(), quote_it(at)))
}

/// "put the value in quotes, e.g. `weight: \"@x\"`".
fn quote_it(at: &At) -> String {
    let value = if at.found.is_empty() || at.found.contains('"') { "…" } else { &at.found };
    format!("put the value in quotes, e.g. `{}: \"{value}\"`", at.key_word())
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
            let always: Vec<Finding> =
                scan(yaml, Kind::Dataset).into_iter().filter(|f| f.scope == Scope::Always).collect();
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
            "\t", "\u{3000}", "\u{200b}", "\u{a0}", "\u{feff}", "：", "，", "【", "｛", "[", "{", "]", "}", "\"", "'",
            ":", ": ", "-", "- ", "#", "|", "\0", "\u{1}", "\n---\n", "\n...\n", "\n", "  ", "&", "*", "!", "%", "@",
            "`", ".inf", "~", "\\",
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
                        "chart" => crate::markdown::figure::parse_spec(&t, &no_datasets, "a.md", 1, "")
                            .err()
                            .into_iter()
                            .collect(),
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
}
