//! Step 1 of [`super::parse`]: the text read the way YAML reads it, and what is wrong in it
//! whatever the parser would make of it.

use super::*;
use crate::msg::{self, Said};

// ---------------------------------------------------------------------------------------------
// Step 1: the scan.

/// Something wrong in the text as written, at a 1-based line and column of the YAML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Finding {
    pub(super) line: usize,
    pub(super) col: usize,
    pub(super) scope: Scope,
    pub(super) message: Said,
    pub(super) hint: Said,
}

/// When a [`Finding`] is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Scope {
    /// Wrong whatever the parser makes of the text: reported before parsing.
    Always,
    /// The likely cause of a parse error reported on this line or a neighbouring one (the
    /// parser often stops at the end of the previous value, or at the next key).
    Line,
    /// The likely cause of a parse error reported on this line or any later one.
    Onwards,
}

impl Finding {
    pub(super) fn explains(&self, error_line: usize) -> bool {
        match self.scope {
            Scope::Always => true,
            Scope::Line => self.line.abs_diff(error_line) <= 1,
            Scope::Onwards => self.line <= error_line + 1,
        }
    }
}

/// Invisible characters, and space look-alikes YAML does not count as spaces, by name.
/// A message of the catalogue with no value in it.
type Words = fn() -> Said;

pub(super) const INVISIBLE: &[(char, Words)] = &[
    ('\u{200b}', msg::zero_width_space),
    ('\u{200c}', msg::zero_width_non_joiner),
    ('\u{200d}', msg::zero_width_joiner),
    ('\u{2060}', msg::word_joiner),
    ('\u{feff}', msg::byte_order_mark),
    ('\u{a0}', msg::no_break_space),
    ('\u{202f}', msg::narrow_no_break_space),
];

pub(super) fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

pub(super) const FULL_WIDTH_SPACE: char = '\u{3000}';

/// Full-width brackets typed for YAML's, with the half-width bracket and an example.
pub(super) const FULL_WIDTH_BRACKETS: &[(char, char, &str)] = &[
    ('【', '[', "series: [total, invention]"),
    ('［', '[', "series: [total, invention]"),
    ('｛', '{', "title: {zh: 专利授权量, en: Patents granted}"),
];

/// Reads `yaml` line by line the way YAML does and returns what it finds, in text order.
pub(super) fn scan(yaml: &str, kind: Kind) -> Vec<Finding> {
    let mut s = Scanner { kind, ..Scanner::default() };
    for (i, line) in yaml.split('\n').enumerate() {
        let chars: Vec<char> = line.trim_end_matches('\r').chars().collect();
        s.line(i + 1, &chars);
    }
    s.finish()
}

/// An opening bracket or quote mark, where it is, and the indentation of its line.
#[derive(Clone, Copy, Debug)]
pub(super) struct Open {
    pub(super) mark: char,
    pub(super) line: usize,
    pub(super) col: usize,
    pub(super) indent: usize,
}

/// What may come next on a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(super) enum Next {
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
pub(super) struct Scanner {
    pub(super) kind: Kind,
    pub(super) found: Vec<Finding>,
    /// Open `[` and `{`, outermost first.
    pub(super) flow: Vec<Open>,
    /// An open quoted text.
    pub(super) quote: Option<Open>,
    /// Inside a `|` or `>` text block, whose lines are indented more than this.
    pub(super) block: Option<usize>,
    /// Column (0-based) of the key or `-` whose value a `|` or `>` would start.
    pub(super) owner: usize,
    pub(super) next: Next,
    /// Whether a line with content has been seen (a `---` line after one splits the file).
    pub(super) content: bool,
    /// Lines with a bracket or quote mark left open, closed (line, column of the mark, text).
    pub(super) fixes: Vec<(usize, usize, String)>,
}

impl Scanner {
    fn push(&mut self, line: usize, col0: usize, scope: Scope, message: Said, hint: Said) {
        self.found.push(Finding { line, col: col0 + 1, scope, message, hint });
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
                '\0' => (msg::nul_in_text(), msg::nul_in_text_hint()),
                c => (msg::control_in_text(&format!("{:04X}", c as u32)), msg::control_in_text_hint()),
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
                self.push(n, 0, Scope::Always, msg::splits_in_two(), msg::splits_in_two_hint(&self.kind.name()));
            }
            return true;
        }
        if marker("...") {
            if self.content {
                self.push(n, 0, Scope::Onwards, msg::ends_early(), msg::delete_this_line());
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
            self.push(n, j, scope, msg::tab_indent(), msg::tab_hint());
        }
        if let Some(j) = lead.iter().position(|&c| c == FULL_WIDTH_SPACE)
            && starts_entry(rest)
        {
            self.push(n, j, Scope::Always, msg::full_width_indent(), msg::full_width_indent_hint());
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
                    let message = msg::full_width_space_at(&whereabouts(chars, i));
                    self.push(n, i, Scope::Always, message, msg::full_width_space_hint());
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
                        let message = msg::full_width_bracket(c, *half);
                        let example = corrected(chars, i).unwrap_or_else(|| example.to_string());
                        let hint = msg::full_width_bracket_hint(&example);
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
        let name = INVISIBLE.iter().find(|(x, _)| *x == c).map_or_else(msg::invisible_char, |(_, name)| name());
        let hint = match neighbour(chars, i) {
            _ if !is_zero_width(c) => msg::invisible_space_hint(),
            Some((side, word)) => msg::invisible_near_hint(&word, &side.said()),
            None => msg::invisible_hint(),
        };
        self.push(n, i, Scope::Always, msg::invisible_at(&name, &whereabouts(chars, i)), hint);
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
            let message = msg::full_width_space_after(what);
            self.push(n, i + 1, Scope::Always, message, msg::full_width_space_after_hint());
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
            let hint = msg::full_width_colon_hint(&key, &value);
            self.push(n, sep, scope, msg::full_width_colon(), hint);
        }
        let glued = chars.get(end) == Some(&':')
            && chars.get(end + 1).is_some_and(|c| !c.is_whitespace() && !matches!(c, '/' | ',' | ']' | '}' | ':'));
        if glued && key.is_ascii() && (self.flow.is_empty() || self.in_map()) {
            let scope = if self.in_map() { Scope::Always } else { Scope::Line };
            let value: String = chars[end + 1..].iter().take_while(|c| !matches!(c, ',' | '}' | ' ')).collect();
            let message = msg::space_missing_after(&key);
            let hint = msg::space_missing_after_hint(&key, &value);
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
            self.push(n, i, Scope::Always, msg::full_width_comma(), msg::full_width_comma_hint(&example));
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
        type Hint = fn(&str) -> Said;
        let (message, hint, example): (Said, Hint, &str) = match o.mark {
            '[' => (msg::unclosed_square(), msg::unclosed_square_hint, "series: [total, invention]"),
            '{' => (msg::unclosed_curly(), msg::unclosed_curly_hint, "title: {zh: 专利授权量, en: Patents granted}"),
            '"' => (msg::unclosed_double(), msg::unclosed_double_hint, "title: \"2021年报告\""),
            _ => (msg::unclosed_single(), msg::unclosed_single_hint, "title: '2021年报告'"),
        };
        let fixed =
            self.fixes.iter().rev().find(|(l, c, fix)| (*l, *c) == (o.line, o.col) && fix.chars().count() <= 60);
        let hint = hint(fixed.map_or(example, |(_, _, fix)| fix.as_str()));
        self.push(o.line, o.col - 1, Scope::Onwards, message, hint);
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
pub(super) fn starts_entry(rest: &[char]) -> bool {
    if rest.first() == Some(&'-') && rest.get(1).is_none_or(|c| c.is_whitespace()) {
        return true;
    }
    let k = rest.iter().take_while(|&&c| is_key_char(c)).count();
    k > 0 && matches!(rest.get(k), Some(':' | '：')) && rest.get(k + 1).is_none_or(|c| c.is_whitespace())
}

/// A `|` or `>` text block header's rest: indicators, then nothing or a comment.
pub(super) fn is_block_header(rest: &[char]) -> bool {
    let rest: Vec<&char> = rest.iter().skip_while(|c| matches!(c, '-' | '+' | '1'..='9')).collect();
    match rest.iter().position(|c| !c.is_whitespace()) {
        None => true,
        Some(j) => j > 0 && *rest[j] == '#',
    }
}

pub(super) fn is_key_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-')
}

pub(super) fn indent_of(chars: &[char]) -> usize {
    chars.iter().take_while(|&&c| c == ' ').count()
}

/// The key right before the `:` at `colon`.
pub(super) fn key_before(chars: &[char], colon: usize) -> Option<String> {
    let start = chars[..colon].iter().rposition(|&c| !is_key_char(c)).map_or(0, |p| p + 1);
    let key: String = chars[start..colon].iter().collect();
    (!key.is_empty()).then_some(key)
}

/// Which side of a word something is on.
#[derive(Clone, Copy)]
pub(super) enum Side {
    Before,
    After,
}

impl Side {
    fn said(self) -> Said {
        match self {
            Side::Before => msg::side_before(),
            Side::After => msg::side_after(),
        }
    }
}

/// The word next to the character at `i`: "before `title`", or "after `title:`".
pub(super) fn neighbour(chars: &[char], i: usize) -> Option<(Side, String)> {
    let word = |it: &mut dyn Iterator<Item = char>| -> Vec<char> {
        it.take_while(|&c| !c.is_whitespace() && c != '`' && !INVISIBLE.iter().any(|(x, _)| *x == c)).take(20).collect()
    };
    let after: String = word(&mut chars[i + 1..].iter().copied()).into_iter().collect();
    let after = after.trim_end_matches([':', '：', ',']);
    if !after.is_empty() {
        return Some((Side::Before, after.to_string()));
    }
    let before: String = word(&mut chars[..i].iter().rev().copied()).into_iter().rev().collect();
    (!before.is_empty()).then_some((Side::After, before))
}

/// "before `title`", "after `title:`" or "here".
pub(super) fn whereabouts(chars: &[char], i: usize) -> Said {
    neighbour(chars, i).map_or_else(msg::here, |(side, word)| match side {
        Side::Before => msg::before_word(&word),
        Side::After => msg::after_word(&word),
    })
}

/// The line up to the bracket closing the one at `start`, with full-width brackets made
/// half-width, and `，` and `：` between ASCII words too: `series: [total, invention]`.
/// `None` when that does not fit in a hint.
pub(super) fn corrected(chars: &[char], start: usize) -> Option<String> {
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
