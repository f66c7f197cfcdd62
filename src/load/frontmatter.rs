//! Front matter: the YAML between two `---` lines at the top of a Markdown file.

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::Diagnostic;
use crate::model::FrontMatter;
use crate::model::page::{KeyFigureSpec, Placed};
use crate::msg;
use crate::yaml;

/// A Markdown file cut in two.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML text between the fences.
    pub yaml: &'a str,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// 1-based line at which `body` starts.
    pub body_line: usize,
}

/// Splits `text` (already normalised to `\n` line ends) into front matter and body.
pub fn split<'a>(text: &'a str, path: &str) -> Result<Split<'a>, Diagnostic> {
    let is_fence = |l: &str| l.trim_end() == "---";
    let first = text.lines().next().unwrap_or("");
    if !is_fence(first) {
        let hint = if text.trim().is_empty() {
            msg::no_front_matter_empty_hint()
        } else if first.trim_start().starts_with("title") {
            msg::no_front_matter_title_hint()
        } else {
            msg::no_front_matter_hint()
        };
        return Err(Diagnostic::error(path, 1, 1, msg::no_front_matter()).with_hint(hint).with_source(text));
    }
    let start = first.len() + 1;
    let mut offset = start;
    for (i, line) in text[start.min(text.len())..].split_inclusive('\n').enumerate() {
        if is_fence(line) {
            let end = offset + line.len();
            return Ok(Split { yaml: &text[start..offset], body: &text[end.min(text.len())..], body_line: i + 3 });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(path, 1, 1, msg::front_matter_not_closed())
        .with_hint(msg::front_matter_not_closed_hint())
        .with_source(text))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    title: Spanned<String>,
    #[serde(default)]
    date: Option<Spanned<String>>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    weight: Option<i64>,
    #[serde(default)]
    draft: Option<bool>,
    #[serde(default)]
    publish_at: Option<Spanned<String>>,
    #[serde(default)]
    template: Option<Spanned<String>>,
    #[serde(default)]
    key_figures: Vec<RawKeyFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKeyFigure {
    data: Spanned<String>,
    series: Spanned<String>,
    /// A year is written as a number (`2021`), other periods as strings.
    period: Spanned<serde_json::Value>,
    #[serde(default)]
    label: Option<crate::model::Text>,
}

/// Parses and validates front matter. `text` is the whole file, for source lines.
pub fn parse(split: &Split<'_>, text: &str, path: &str, tz: &jiff::tz::TimeZone) -> Result<FrontMatter, Diagnostic> {
    let raw: Raw = yaml::parse(split.yaml, path, 2, text)?;
    let at = |s: &Spanned<String>, message: msg::Said| {
        let (l, c) = yaml::location_of(&s.referenced);
        Diagnostic::error(path, l + 1, c, message).with_source(text)
    };
    if raw.title.value.trim().is_empty() {
        return Err(at(&raw.title, msg::title_empty()).with_hint(msg::title_empty_hint()));
    }
    let date_hint = msg::page_date_hint;
    let date = match &raw.date {
        Some(d) => {
            Some(parse_datetime(&d.value, tz).ok_or_else(|| at(d, msg::not_a_date(&d.value)).with_hint(date_hint()))?)
        }
        None => None,
    };
    let publish_at = match &raw.publish_at {
        Some(d) => Some(
            parse_datetime(&d.value, tz)
                .ok_or_else(|| at(d, msg::not_a_publish_at(&d.value)).with_hint(date_hint()))?,
        ),
        None => None,
    };
    if let Some(t) = &raw.template {
        let ok = t.value.ends_with(".html") && !t.value.contains("..") && !t.value.starts_with('/');
        if !ok {
            return Err(at(t, msg::not_a_template(&t.value)).with_hint(msg::not_a_template_hint()));
        }
    }
    let place = |value: String, r: &serde_saphyr::Location| {
        let (l, c) = yaml::location_of(r);
        let source_line = text.lines().nth(l).unwrap_or("").to_string();
        Placed { value, line: l + 1, col: c, source_line }
    };
    let key_figures = raw
        .key_figures
        .into_iter()
        .map(|k| {
            let period = match &k.period.value {
                serde_json::Value::String(s) => s.trim().to_string(),
                other => other.to_string(),
            };
            KeyFigureSpec {
                data: place(k.data.value.trim().to_string(), &k.data.referenced),
                series: place(k.series.value.trim().to_string(), &k.series.referenced),
                period: place(period, &k.period.referenced),
                label: k.label,
            }
        })
        .collect();
    Ok(FrontMatter {
        key_figures,
        title: raw.title.value.trim().to_string(),
        date,
        summary: raw.summary.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
        weight: raw.weight,
        draft: raw.draft.unwrap_or(false),
        publish_at,
        template: raw.template.map(|t| t.value),
    })
}

/// `2022-04-26`, `2022-04-26T10:00[:00]`, `2022-04-26 10:00:00` (in `tz`), or RFC 3339 with
/// an offset or `Z`.
pub(crate) fn parse_datetime(s: &str, tz: &jiff::tz::TimeZone) -> Option<jiff::Zoned> {
    let s = s.trim();
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        return Some(ts.to_zoned(tz.clone()));
    }
    if let Ok(d) = s.parse::<jiff::civil::Date>()
        && s.len() == 10
    {
        return d.to_zoned(tz.clone()).ok();
    }
    let dt = s.replacen(' ', "T", 1).parse::<jiff::civil::DateTime>().ok()?;
    dt.to_zoned(tz.clone()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tz() -> jiff::tz::TimeZone {
        jiff::tz::TimeZone::fixed(jiff::tz::offset(8))
    }

    #[test]
    fn splits_front_matter() {
        let s = split("---\ntitle: a\n---\nbody\n", "a.md").unwrap();
        assert_eq!(s, Split { yaml: "title: a\n", body: "body\n", body_line: 4 });
        let s = split("---\ntitle: a\n---", "a.md").unwrap();
        assert_eq!((s.body, s.body_line), ("", 4));
    }

    #[test]
    fn missing_fences() {
        assert!(split("title: a\n", "a.md").unwrap_err().hint.unwrap().contains("`---`"));
        assert_eq!(split("---\ntitle: a\n", "a.md").unwrap_err().message, "the front matter is not closed");
    }

    #[test]
    fn dates() {
        let d = parse_datetime("2022-04-26", &tz()).unwrap();
        assert_eq!(d.to_string(), "2022-04-26T00:00:00+08:00[+08:00]");
        let d = parse_datetime("2022-04-26T10:00:00+08:00", &tz()).unwrap();
        assert_eq!(d.timestamp().to_string(), "2022-04-26T02:00:00Z");
        assert!(parse_datetime("2022-04-26T10:00", &tz()).is_some());
        assert!(parse_datetime("2022-13-01", &tz()).is_none());
        assert!(parse_datetime("26/04/2022", &tz()).is_none());
    }

    #[test]
    fn bad_date_points_at_the_value() {
        let text = "---\ntitle: a\ndate: 2022-02-30\n---\n";
        let s = split(text, "a.md").unwrap();
        let d = parse(&s, text, "a.md", &tz()).unwrap_err();
        assert_eq!((d.line, d.col), (3, 7));
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Splitting and parsing any text never panics.
        #[test]
        fn front_matter_never_panics(text in "(---\n)?[a-z_：: \n\"'\\-0-9中文\\[\\]{}]{0,120}(\n---\n)?.{0,20}") {
            let tz = jiff::tz::TimeZone::UTC;
            if let Ok(split) = split(&text, "a.md") {
                let _ = parse(&split, &text, "a.md", &tz);
            }
        }
    }
}
