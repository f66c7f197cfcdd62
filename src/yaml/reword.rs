//! Steps 2 and 3 of [`super::parse`]: after the parser fails, a likely cause the scan noted,
//! else the parser's or serde's message reworded from one table.

use super::scan::Finding;
use super::scan::*;
use super::*;

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
    Fixed(&'static str, &'static str),
    By(fn(rest: &str, at: &At) -> Option<(String, String)>),
}
use Say::{By, Fixed};

/// What serde-saphyr and its parser say, by the start of the message, and what the author is
/// told instead (message, hint). Tried in order; the last entry matches anything.
pub(super) const REWORDS: &[(&str, Say)] = &[
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

pub(super) const LINE_UP: &str =
    "start it at the same column as the keys it belongs with; YAML counts every space at the start of a line";
pub(super) const QUOTE_NOT_CLOSED: Say =
    Fixed("a quoted text is not closed", "end the text with the same quote mark it starts with");
pub(super) const COLON_MISPLACED: Say = Fixed(
    "a `:` where YAML does not expect one",
    "a key is followed by `: ` and its value; put a text that contains `:` in quotes",
);
pub(super) const BLOCK_TEXT: Say = Fixed(
    "the lines of a `|` or `>` text are not indented enough",
    "indent every line of the text more than the key it belongs to",
);
pub(super) const TOO_LARGE: Say = Fixed(
    "the YAML is too large or expands too much",
    "vitrine refuses deeply nested YAML and heavy use of `&anchor`/`*alias`; write the values out plainly",
);

/// Rewords serde's and the parser's `msg` for authors, by the first matching entry of
/// [`REWORDS`]: keys in backticks, plain words, always a hint.
pub(super) fn reword(msg: &str, at: &At) -> (String, String) {
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

pub(super) fn unknown_key(rest: &str, _: &At) -> Option<(String, String)> {
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
pub(super) const KINDS: &[(&str, &str, &str)] = &[
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
pub(super) const NUMBERS: &[(&str, &str, &str)] = &[
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
pub(super) fn mismatch_of(rest: &str, at: &At) -> Option<(String, String)> {
    let (found, expected) = rest.split_once(", expected ")?;
    Some(mismatch(at, expected, &found_of(found, at)))
}

/// "expected a list such as `[a, b]` for `series`, found `total`", with how to write one.
pub(super) fn mismatch(at: &At, expected: &str, found: &str) -> (String, String) {
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
pub(super) fn found_of(found: &str, at: &At) -> String {
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
pub(super) fn empty(at: &At, expected: &str) -> (String, String) {
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

pub(super) fn end_of_input(_: &str, at: &At) -> Option<(String, String)> {
    if at.blank {
        let (message, hint) = at.kind.empty();
        return Some((message.into(), hint.into()));
    }
    Some((
        "the text ends in the middle of a value".into(),
        "check the last lines for a missing `]`, `}` or closing quote mark".into(),
    ))
}

pub(super) fn split_in_two(_: &str, at: &At) -> Option<(String, String)> {
    let hint = format!("{} has no `---` lines: delete this one", at.kind.name());
    Some(("a `---` line splits the file in two".into(), hint))
}

/// "mapping values are not allowed": a second `: ` in a value, or a key indented too far.
pub(super) fn colon_in_value(_: &str, at: &At) -> Option<(String, String)> {
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
pub(super) fn not_key_value(_: &str, at: &At) -> Option<(String, String)> {
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
pub(super) fn not_lined_up(rest: &str, at: &At) -> Option<(String, String)> {
    let entry = at.entry();
    let word: String = entry.iter().take_while(|&&c| is_key_char(c)).collect();
    if !word.is_empty() && entry.get(word.chars().count()) == Some(&':') {
        return Some((format!("`{word}:` is not lined up with the keys above it"), LINE_UP.into()));
    }
    not_key_value(rest, at)
}

pub(super) fn tab(_: &str, at: &At) -> Option<(String, String)> {
    let before: String = at.chars[..at.col0].iter().collect();
    let message = if before.trim().is_empty() {
        "a tab is used for indentation".to_string()
    } else {
        format!("a tab after `{}`", before.trim())
    };
    Some((message, "YAML indents with spaces only: replace the tab with spaces".into()))
}

pub(super) fn anchor(_: &str, at: &At) -> Option<(String, String)> {
    Some(("`&` and `*` at the start of a value have a special meaning in YAML".into(), quote_it(at)))
}

pub(super) fn tag(_: &str, at: &At) -> Option<(String, String)> {
    Some(("`!` or `%` at the start of a value has a special meaning in YAML".into(), quote_it(at)))
}

/// "put the value in quotes, e.g. `weight: \"@x\"`".
pub(super) fn quote_it(at: &At) -> String {
    let value = if at.found.is_empty() || at.found.contains('"') { "…" } else { &at.found };
    format!("put the value in quotes, e.g. `{}: \"{value}\"`", at.key_word())
}
