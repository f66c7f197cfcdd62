//! Steps 2 and 3 of [`super::parse`]: after the parser fails, a likely cause the scan noted,
//! else the parser's or serde's message reworded from one table.

use super::scan::Finding;
use super::scan::*;
use super::*;
use crate::msg::{self, List, Said};

// ---------------------------------------------------------------------------------------------
// Steps 2 and 3: after the parser fails.

/// The diagnostic for a parse error `e`: a likely cause the scan found, or the reworded message.
pub(super) fn to_diagnostic(e: &serde_saphyr::Error, findings: &[Finding], place: &Place<'_>) -> Diagnostic {
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
pub(super) fn strip_location(msg: &str) -> &str {
    msg.rfind(" at line ").map_or(msg, |i| &msg[..i]).trim()
}

/// What the text shows where an error points.
pub(super) struct At {
    /// The YAML line of the error, as characters, and the 0-based column in it.
    pub(super) chars: Vec<char>,
    pub(super) col0: usize,
    /// The key whose value the error is about, when the line shows it.
    pub(super) key: Option<String>,
    /// The value written at the error's column.
    pub(super) found: String,
    pub(super) kind: Kind,
    /// Whether the YAML holds nothing but blank lines and comments.
    pub(super) blank: bool,
}

impl At {
    pub(super) fn new(place: &Place<'_>, line: usize, col: usize) -> At {
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

    /// The key in backticks, or "this value".
    fn key_or_this(&self) -> Said {
        self.key.as_ref().map_or_else(msg::this_value, |k| msg::the_key(k))
    }

    /// The key for an example: `title`, or `key`.
    fn key_word(&self) -> &str {
        self.key.as_deref().unwrap_or("key")
    }

    /// The value at the error in plain words: "a list", "nothing", "`abc`".
    fn found_words(&self) -> Said {
        match self.found.chars().next() {
            None => msg::found_nothing(),
            Some('[') => msg::found_list(),
            Some('{') => msg::found_keys(),
            _ => msg::found_value(&self.found),
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
pub(super) fn key_at(chars: &[char], col0: usize) -> Option<String> {
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
pub(super) enum Say {
    Fixed(fn() -> Said, fn() -> Said),
    By(fn(rest: &str, at: &At) -> Option<(Said, Said)>),
}
use Say::{By, Fixed};

/// What serde-saphyr and its parser say, by the start of the message, and what the author is
/// told instead (message, hint; both from the catalogue in `msg`). Tried in order; the last
/// entry matches anything.
pub(super) const REWORDS: &[(&str, Say)] = &[
    ("unknown field `", By(unknown_key)),
    (
        "missing field `",
        By(|rest, _| {
            let key = rest.trim_end_matches('`');
            Some((msg::missing_key(key), msg::missing_key_hint(key)))
        }),
    ),
    (
        "duplicate mapping key",
        By(|rest, _| {
            let key = rest.trim_start_matches(": ").split(", set DuplicateKeyPolicy").next().unwrap_or("");
            Some((msg::duplicate_key(key), msg::duplicate_key_hint()))
        }),
    ),
    (
        "unknown variant `",
        By(|rest, _| {
            let (v, expected) = rest.split_once("`, expected one of ")?;
            let values = List::of(expected.replace('`', "").split(", "));
            Some((msg::unknown_value(v), msg::use_one_of(&values)))
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
    ("invalid boolean", By(|_, at| Some((msg::not_a_boolean(&at.found_words()), msg::boolean_hint(at.key_word()))))),
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
            Some((msg::not_finite(value), msg::not_finite_hint()))
        }),
    ),
    ("plain scalar cannot start with '-'", By(|_, at| Some((msg::lone_dash(), msg::lone_dash_hint(at.key_word()))))),
    ("unexpected end of input", By(end_of_input)),
    ("unexpected eof", By(end_of_input)),
    ("unexpected EOF", By(end_of_input)),
    ("multiple YAML documents", By(split_in_two)),
    ("multiple documents", By(split_in_two)),
    ("invalid content after document end marker", Fixed(msg::ends_early, msg::delete_dots_line)),
    ("mapping values are not allowed", By(colon_in_value)),
    ("simple key expected", By(not_key_value)),
    ("simple key is no longer valid", By(not_key_value)),
    ("while parsing a block mapping, did not find expected key", By(not_lined_up)),
    ("while parsing a block collection", Fixed(msg::block_list_misaligned, msg::block_list_misaligned_hint)),
    ("invalid indentation in multiline quoted scalar", QUOTE_NOT_CLOSED),
    ("invalid indentation", Fixed(msg::line_misaligned, msg::line_up_hint)),
    ("illegal placement of ':'", COLON_MISPLACED),
    ("mapping keys are not allowed", COLON_MISPLACED),
    ("':' ", COLON_MISPLACED),
    ("while parsing a flow mapping", Fixed(msg::flow_map_unclosed, msg::flow_map_unclosed_hint)),
    ("while parsing a flow sequence", Fixed(msg::flow_list_unclosed, msg::flow_list_unclosed_hint)),
    ("unclosed bracket", Fixed(msg::bracket_unclosed, msg::bracket_unclosed_hint)),
    ("misplaced bracket", Fixed(msg::bracket_misplaced, msg::bracket_misplaced_hint)),
    ("mismatched bracket", Fixed(msg::bracket_mismatched, msg::bracket_mismatched_hint)),
    ("\"-\" is only valid inside a block", Fixed(msg::dash_in_brackets, msg::dash_in_brackets_hint)),
    ("block sequence entries are not allowed", Fixed(msg::dash_as_value, msg::dash_as_value_hint)),
    ("'-' must be followed", Fixed(msg::dash_needs_space, msg::dash_needs_space_hint)),
    ("unclosed quote", QUOTE_NOT_CLOSED),
    ("while scanning a quoted scalar", QUOTE_NOT_CLOSED),
    ("invalid trailing content after", Fixed(msg::after_closing_quote, msg::after_closing_quote_hint)),
    ("while parsing a quoted scalar", Fixed(msg::backslash_escape, msg::backslash_escape_hint)),
    ("while scanning a plain scalar, found a tab", By(tab)),
    ("tabs disallowed", By(tab)),
    ("tab cannot be used", By(tab)),
    ("a block scalar content cannot start with a tab", By(tab)),
    ("a BOM must not appear", Fixed(msg::bom_in_text, msg::delete_it)),
    (
        "unexpected character: `",
        By(|rest, at| {
            let c = rest.trim_end_matches('\'');
            let c = if c.starts_with('\\') { msg::this_character() } else { Said::same(c) };
            Some((msg::cannot_start_value(&c), quote_it(at)))
        }),
    ),
    ("comments must be separated", Fixed(msg::comment_needs_space, msg::comment_needs_space_hint)),
    ("comment intercepting", Fixed(msg::comment_in_text, msg::comment_in_text_hint)),
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
    ("", Fixed(msg::not_yaml, msg::not_yaml_hint)),
];

pub(super) const QUOTE_NOT_CLOSED: Say = Fixed(msg::quote_unclosed, msg::quote_unclosed_hint);
pub(super) const COLON_MISPLACED: Say = Fixed(msg::colon_misplaced, msg::colon_misplaced_hint);
pub(super) const BLOCK_TEXT: Say = Fixed(msg::block_text_indent, msg::block_text_indent_hint);
pub(super) const TOO_LARGE: Say = Fixed(msg::too_large, msg::too_large_hint);

/// Rewords serde's and the parser's `msg` for authors, by the first matching entry of
/// [`REWORDS`]: keys in backticks, plain words, always a hint.
pub(super) fn reword(message: &str, at: &At) -> (Said, Said) {
    REWORDS
        .iter()
        .find_map(|(start, say)| {
            let rest = message.strip_prefix(start)?;
            match say {
                Fixed(message, hint) => Some((message(), hint())),
                By(rule) => rule(rest, at),
            }
        })
        .unwrap_or_else(|| (msg::not_yaml(), Said::default()))
}

pub(super) fn unknown_key(rest: &str, _: &At) -> Option<(Said, Said)> {
    if let Some((key, expected)) = rest.split_once("`, expected one of ") {
        let known: Vec<&str> = expected.split(", ").map(|k| k.trim_matches('`')).collect();
        let hint = match nearest(key, &known) {
            Some(k) => msg::did_you_mean_known(k, &List::of(&known)),
            None => msg::known_keys(&List::of(&known)),
        };
        return Some((msg::unknown_key(key), hint));
    }
    if let Some((key, expected)) = rest.split_once("`, expected `") {
        let k = expected.trim_end_matches('`');
        return Some((msg::unknown_key(key), msg::only_key(k)));
    }
    let (key, _) = rest.split_once("`, there are no fields")?;
    Some((msg::unknown_key(key), msg::no_keys_here()))
}

/// What serde calls a kind of value: the author's name for it, and how to write one (made
/// with the key). Matched by `contains`, in order.
/// A message of the catalogue with no value in it, and one made with the key.
type Words = fn() -> Said;
type KeyWords = fn(&str) -> Said;

pub(super) const KINDS: &[(&str, Words, KeyWords)] = &[
    ("a string, or a map from language code", msg::kind_bilingual, |k| msg::kind_bilingual_hint(k)),
    ("a mapping such as {year", msg::kind_row, |_| msg::kind_row_hint()),
    ("string scalar", msg::kind_single, |k| msg::kind_single_hint(k)),
    ("string", msg::kind_text, |k| msg::kind_text_hint(k)),
    ("sequence", msg::kind_list, |k| msg::kind_list_hint(k)),
    ("map", msg::kind_keys, |k| msg::kind_keys_hint(k)),
    ("struct", msg::kind_keys, |k| msg::kind_keys_hint(k)),
    ("bool", msg::kind_bool, |k| msg::kind_bool_hint(k)),
];

/// Number types: the author's name for the values they hold, and an example.
pub(super) const NUMBERS: &[(&str, Words, &str)] = &[
    ("u8", || msg::number_range("0", "255"), "2"),
    ("u16", || msg::number_range("0", "65535"), "10"),
    ("u32", msg::number_natural, "10"),
    ("u64", msg::number_natural, "10"),
    ("usize", msg::number_natural, "10"),
    ("i8", || msg::number_range("-128", "127"), "10"),
    ("i16", || msg::number_range("-32768", "32767"), "10"),
    ("i32", msg::number_whole, "10"),
    ("i64", msg::number_whole, "10"),
    ("isize", msg::number_whole, "10"),
    ("f32", msg::number_any, "155000"),
    ("f64", msg::number_any, "155000"),
];

/// `invalid type: sequence, expected a string`: what was found, and what was expected.
pub(super) fn mismatch_of(rest: &str, at: &At) -> Option<(Said, Said)> {
    let (found, expected) = rest.split_once(", expected ")?;
    Some(mismatch(at, expected, &found_of(found, at)))
}

/// "expected a list such as `[a, b]` for `series`, found `total`", with how to write one.
pub(super) fn mismatch(at: &At, expected: &str, found: &Said) -> (Said, Said) {
    let key = at.key_word();
    let (what, hint) = if let Some((_, what, example)) = NUMBERS.iter().find(|(t, _, _)| *t == expected) {
        (what(), msg::number_hint(key, example))
    } else if let Some((_, what, hint)) = KINDS.iter().find(|(pat, _, _)| expected.contains(pat)) {
        (what(), hint(key))
    } else {
        (msg::kind_other_value(), msg::kind_other_value_hint())
    };
    (msg::expected_found(&what, &at.key_or_this(), found), hint)
}

/// serde's "found" part in plain words: `sequence` -> "a list", `string "x"` -> "the text `x`".
pub(super) fn found_of(found: &str, at: &At) -> Said {
    let quoted = |s: &str| s.trim_matches(['"', '`']).to_string();
    let described = [
        ("string ", msg::found_text as fn(&str) -> Said),
        ("integer ", msg::found_number),
        ("floating point ", msg::found_number),
        ("boolean ", msg::found_value),
    ]
    .iter()
    .find_map(|(serde, ours)| Some(ours(&quoted(found.strip_prefix(serde)?))));
    match found {
        "unit value" => msg::found_nothing(),
        "sequence" => msg::found_list(),
        "map" => msg::found_keys(),
        _ => described.unwrap_or_else(|| at.found_words()),
    }
}

/// A value left empty (`title:`), or a line starting with `:`.
pub(super) fn empty(at: &At, expected: &str) -> (Said, Said) {
    if at.chars.get(at.col0) == Some(&':') && key_before(&at.chars, at.col0).is_none() {
        return (msg::key_missing_before_colon(), msg::key_missing_before_colon_hint());
    }
    if let Some((key, value)) = comma_ended(at) {
        return (msg::comma_in_text(&key, &at.found), msg::comma_in_text_hint(&key, &value));
    }
    let Some(key) = &at.key else {
        return (msg::value_missing(), msg::value_missing_hint());
    };
    let (_, hint) = mismatch(at, expected, &Said::default());
    (msg::key_is_empty(key), hint)
}

/// `{zh: …, en: Patents by city, 2024}`: inside `{…}` a comma ends a value, so `2024` became a
/// key with no value. The key whose text the comma cut, and that text whole.
pub(super) fn comma_ended(at: &At) -> Option<(String, String)> {
    let before = at.chars[..at.col0].iter().rev().find(|c| **c != ' ');
    if before != Some(&',') || at.found.is_empty() || at.found.contains(':') {
        return None;
    }
    let key = at.key.clone()?;
    let line: String = at.chars.iter().collect();
    let start = line.find(&format!("{key}:"))? + key.len() + 1;
    let start = at.chars.len().min(line[..start].chars().count());
    // The value runs to the next `, key:` or the closing `}`.
    let mut end = at.chars.len();
    for j in at.col0..at.chars.len() {
        if at.chars[j] == '}' {
            end = j;
            break;
        }
        if at.chars[j] == ',' {
            let word: String =
                at.chars[j + 1..].iter().skip_while(|c| **c == ' ').take_while(|c| is_key_char(**c)).collect();
            let next = at.chars[j + 1..].iter().skip_while(|c| **c == ' ').nth(word.chars().count());
            if !word.is_empty() && next == Some(&':') {
                end = j;
                break;
            }
        }
    }
    let value: String = at.chars[start..end.max(start)].iter().collect();
    Some((key, value.trim().to_string()))
}

pub(super) fn end_of_input(_: &str, at: &At) -> Option<(Said, Said)> {
    if at.blank {
        return Some(at.kind.empty());
    }
    Some((msg::ends_mid_value(), msg::ends_mid_value_hint()))
}

pub(super) fn split_in_two(_: &str, at: &At) -> Option<(Said, Said)> {
    Some((msg::splits_in_two(), msg::splits_in_two_hint(&at.kind.name())))
}

/// "mapping values are not allowed": a second `: ` in a value, or a key indented too far.
pub(super) fn colon_in_value(_: &str, at: &At) -> Option<(Said, Said)> {
    let entry = at.entry();
    let start = at.chars.len() - entry.len();
    let first_key = entry.iter().take_while(|&&c| is_key_char(c)).count();
    if first_key > 0 && start + first_key == at.col0 {
        let key: String = entry[..first_key].iter().collect();
        return Some((msg::indented_too_far(&key), msg::line_up_hint()));
    }
    let line: String = at.chars.iter().collect();
    let key: String = entry[..first_key].iter().collect();
    let key = if key.is_empty() { msg::this_key() } else { msg::key_named(&key) };
    let hint = match line.trim().split_once(": ") {
        Some((key, value)) if !value.starts_with(['{', '[', '"', '\'']) && !value.contains('"') => {
            let value = value.split(" #").next().unwrap_or(value).trim();
            let key = key.trim_start_matches(['-', ' ']);
            msg::value_has_colon_hint(key, value)
        }
        _ => msg::value_has_colon_example_hint(),
    };
    Some((msg::value_has_colon(&key), hint))
}

/// "simple key expected ':'": a line with no `key:`.
pub(super) fn not_key_value(_: &str, at: &At) -> Option<(Said, Said)> {
    let entry = at.entry();
    let word: String = entry.iter().take_while(|&&c| is_key_char(c)).collect();
    let rest: String = entry.iter().skip(word.chars().count()).collect();
    if !word.is_empty() && word.is_ascii() && (rest.is_empty() || rest.starts_with(' ')) {
        let value = rest.trim();
        let example = if value.is_empty() { format!("{word}: …") } else { format!("{word}: {value}") };
        return Some((msg::colon_missing_after(&word), msg::colon_missing_after_hint(&example)));
    }
    Some((msg::not_key_value(), msg::not_key_value_hint()))
}

/// "did not find expected key": a line out of line with its neighbours.
pub(super) fn not_lined_up(rest: &str, at: &At) -> Option<(Said, Said)> {
    let entry = at.entry();
    let word: String = entry.iter().take_while(|&&c| is_key_char(c)).collect();
    if !word.is_empty() && entry.get(word.chars().count()) == Some(&':') {
        return Some((msg::not_lined_up(&word), msg::line_up_hint()));
    }
    not_key_value(rest, at)
}

pub(super) fn tab(_: &str, at: &At) -> Option<(Said, Said)> {
    let before: String = at.chars[..at.col0].iter().collect();
    let message = if before.trim().is_empty() { msg::tab_indent() } else { msg::tab_after(before.trim()) };
    Some((message, msg::tab_hint()))
}

pub(super) fn anchor(_: &str, at: &At) -> Option<(Said, Said)> {
    Some((msg::special_anchor(), quote_it(at)))
}

pub(super) fn tag(_: &str, at: &At) -> Option<(Said, Said)> {
    Some((msg::special_tag(), quote_it(at)))
}

/// "put the value in quotes, e.g. `weight: \"@x\"`".
pub(super) fn quote_it(at: &At) -> Said {
    let value = if at.found.is_empty() || at.found.contains('"') { "…" } else { &at.found };
    msg::quote_it(at.key_word(), value)
}
