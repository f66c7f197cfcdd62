//! `{{ value(...) }}` and `{{ change(...) }}`: figures from datasets, written into prose.
//!
//! Calls are found in the Markdown source outside code spans and code blocks, evaluated
//! against the datasets, and replaced by placeholders before the Markdown is parsed, so the
//! parser never splits a call across events.

use std::collections::BTreeMap;

use crate::model::dataset::KeyKind;
use crate::model::{Dataset, Lang};
use crate::msg::{self, List, Said};
use crate::numfmt::{self, Period, Style, Unit};

/// A parsed call: `value(data="patent-grants", series="total", period=2021)`.
#[derive(Debug, PartialEq, Eq)]
pub struct Call {
    /// Function name.
    pub name: String,
    /// Arguments in the order written, values unquoted.
    pub args: Vec<(String, String)>,
}

/// Why a call failed, with the character offset within the call text where it went wrong.
#[derive(Debug, PartialEq, Eq)]
pub struct CallError {
    /// What is wrong.
    pub message: Said,
    /// What to do about it.
    pub hint: Option<Said>,
}

fn err(message: Said, hint: impl Into<Option<Said>>) -> CallError {
    CallError { message, hint: hint.into() }
}

/// Parses the inside of `{{ … }}`.
pub fn parse(inner: &str) -> Result<Call, CallError> {
    let s = inner.trim();
    let syntax = || Some(msg::call_syntax_hint());
    let Some(open) = s.find('(') else {
        return Err(err(msg::not_a_call(s), syntax()));
    };
    let name = s[..open].trim().to_string();
    let Some(body) = s[open + 1..].strip_suffix(')') else {
        return Err(err(msg::call_not_closed(&name), syntax()));
    };
    let mut args = Vec::new();
    let mut rest = body.trim();
    while !rest.is_empty() {
        let Some(eq) = rest.find('=') else {
            return Err(err(msg::argument_no_equals(rest), syntax()));
        };
        let key = rest[..eq].trim().to_string();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(err(msg::not_an_argument_name(&key), syntax()));
        }
        rest = rest[eq + 1..].trim_start();
        let (value, after) = if let Some(q) = rest.strip_prefix(['"', '\'', '“', '”']) {
            let Some(end) = q.find(['"', '\'', '“', '”']) else {
                return Err(err(msg::argument_quote_not_closed(&key), syntax()));
            };
            let close_len = q[end..].chars().next().map_or(1, char::len_utf8);
            (q[..end].to_string(), &q[end + close_len..])
        } else {
            let end = rest.find([',', '，']).unwrap_or(rest.len());
            (rest[..end].trim().to_string(), &rest[end..])
        };
        args.push((key, value));
        rest = after.trim_start();
        rest = rest.strip_prefix([',', '，']).unwrap_or(rest).trim_start();
    }
    Ok(Call { name, args })
}

/// A call evaluated: its HTML, the dataset it used, and a warning when it met a missing value.
#[derive(Debug)]
pub struct Evaluated {
    /// The HTML (already escaped).
    pub html: String,
    /// The dataset id.
    pub dataset: String,
    /// Message and hint when a figure it needs is missing (`null` in the dataset).
    pub gap: Option<(Said, Said)>,
}

/// The words for a missing figure, by period: `2019年数据缺失`, `no data for 2019`.
fn no_data(ds: &Dataset, key: &str, lang: &Lang, style: Style) -> String {
    let label = ds.key_label(key, lang);
    match style {
        Style::Chinese if ds.key.kind == KeyKind::Year => format!("{label}年数据缺失"),
        Style::Chinese => format!("{label}数据缺失"),
        Style::English => format!("no data for {label}"),
    }
}

/// Which part of a `(data, series, period)` reference names nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The dataset id.
    Data,
    /// The series id.
    Series,
    /// The period (row key).
    Period,
}

/// A reference that names nothing: which part, and what to tell the author.
#[derive(Debug)]
pub struct Unresolved {
    /// The part at fault (for the position of the message).
    pub part: Part,
    /// The message.
    pub message: Said,
    /// The hint, naming the choices.
    pub hint: Said,
}

/// Finds the figure that `data`, `series` and `period` name among `datasets`: the dataset, the
/// series' index and the row's index. Shared by figures in prose (`{{ value(…) }}`) and a
/// release's `key_figures`, so both say the same thing about a wrong name.
pub fn locate<'d>(
    datasets: &'d BTreeMap<String, Dataset>,
    data: &str,
    series_id: &str,
    period: &str,
) -> Result<(&'d Dataset, usize, usize), Unresolved> {
    let Some(ds) = datasets.get(data) else {
        let ids: Vec<&str> = datasets.keys().map(String::as_str).collect();
        let hint = match crate::yaml::nearest(data, &ids) {
            Some(k) => msg::datasets_did_you_mean(k, &List::of(&ids)),
            None => msg::datasets_are(&List::of(&ids)),
        };
        return Err(Unresolved { part: Part::Data, message: msg::unknown_dataset(data), hint });
    };
    let Some((si, _)) = ds.series(series_id) else {
        let ids: Vec<&str> = ds.series.iter().map(|s| s.id.as_str()).collect();
        let hint = match crate::yaml::nearest(series_id, &ids) {
            Some(k) => msg::series_did_you_mean(k, &List::of(&ids)),
            None => msg::series_are(&List::of(&ids)),
        };
        return Err(Unresolved { part: Part::Series, message: msg::no_such_series(data, series_id), hint });
    };
    let Some(ri) = ds.row_index(period) else {
        let keys: Vec<&str> = ds.rows.iter().map(|r| r.key.as_str()).collect();
        // `period="武汉"`: the label of a category, where its id belongs.
        let named = ds.key.categories.iter().find(|(_, label)| label.mentions(period.trim()));
        let hint = match named {
            Some((id, _)) => msg::key_category_label_hint(period.trim(), id, &List::of(&keys)),
            None => msg::it_has(&List::of(&keys)),
        };
        let message = msg::no_such_period(data, &msg::key_kind(ds.key.kind), period);
        return Err(Unresolved { part: Part::Period, message, hint });
    };
    Ok((ds, si, ri))
}

/// Evaluates a call to HTML (already escaped) for a page in `lang`.
pub fn eval(call: &Call, datasets: &BTreeMap<String, Dataset>, lang: &Lang) -> Result<Evaluated, CallError> {
    let known = ["value", "change"];
    if !known.contains(&call.name.as_str()) {
        return Err(err(msg::unknown_function(&call.name), Some(msg::unknown_function_hint())));
    }
    let mut data = None;
    let mut series = None;
    let mut period = None;
    let mut precision = None;
    let mut exact = false;
    for (k, v) in &call.args {
        match k.as_str() {
            "data" => data = Some(v.as_str()),
            "series" => series = Some(v.as_str()),
            "period" => period = Some(v.as_str()),
            "precision" => precision = Some(precision_arg(v)?),
            "exact" if call.name == "value" => {
                exact = match v.trim() {
                    "true" => true,
                    "false" => false,
                    other => {
                        return Err(err(msg::exact_not_bool(other), Some(msg::exact_hint())));
                    }
                }
            }
            other => {
                return Err(err(msg::no_such_argument(&call.name, other), Some(msg::no_such_argument_hint())));
            }
        }
    }
    fn need<'v>(v: Option<&'v str>, k: &str, name: &str) -> Result<&'v str, CallError> {
        v.ok_or_else(|| err(msg::argument_needed(name, k), Some(msg::argument_needed_hint())))
    }
    let (data, series_id, period) =
        (need(data, "data", &call.name)?, need(series, "series", &call.name)?, need(period, "period", &call.name)?);
    let (ds, si, ri) = locate(datasets, data, series_id, period).map_err(|m| err(m.message, m.hint))?;
    let s = &ds.series[si];
    let unit_label = s.unit.label.get(lang);
    let unit = Unit {
        kind: s.unit.kind,
        label: unit_label,
        currency: s.unit.currency.as_deref(),
        precision: precision.or(s.precision),
    };
    let style = lang.style();
    let lang_prefix = lang.prefix();
    let current = ds.rows[ri].values[si];
    let (dt, sl) = (ds.title.get(lang), s.label.get(lang));
    let title = if dt == sl { dt.to_string() } else { format!("{dt} · {sl}") };
    let revised = |html: String, original: Option<String>, date: Option<jiff::civil::Date>| -> String {
        let (Some(original), Some(date)) = (original, date) else { return html };
        let link = format!("{lang_prefix}/data/{}/#versions", ds.id);
        let label = escape(&numfmt::correction_label(date, style));
        let words = escape(numfmt::originally(style));
        let original = escape(&original);
        match style {
            Style::Chinese => {
                format!("{html}<span class=\"correction\">（<a href=\"{link}\">{label}</a>：{words}{original}）</span>")
            }
            Style::English => {
                format!("{html} <span class=\"correction\">(<a href=\"{link}\">{label}</a>: {words} {original})</span>")
            }
        }
    };
    let key = &ds.rows[ri].key;
    let mut gap = None;
    let html = if call.name == "value" {
        let status = ds.rows[ri].status.get(si).copied().flatten();
        let text =
            if exact { numfmt::value_exact(current, &unit, style) } else { numfmt::value(current, &unit, style) };
        let text = match status {
            Some(st) => st.in_prose(&text, style),
            None => text,
        };
        let rev = ds.revision(key, si);
        let original = rev.map(|r| {
            if exact { numfmt::value_exact(r.original, &unit, style) } else { numfmt::value(r.original, &unit, style) }
        });
        let html = match current {
            None => {
                gap = Some((msg::figure_missing(data, series_id, period), msg::figure_missing_hint()));
                format!(
                    "<span class=\"figure-value missing\" title=\"{}\">{}</span>",
                    escape(&title),
                    escape(&no_data(ds, key, lang, style))
                )
            }
            Some(v) => format!(
                "<data class=\"figure-value{}\" value=\"{}\" title=\"{}\">{}</data>",
                status.map_or_else(String::new, |st| format!(" status-{}", st.name())),
                v,
                escape(&title),
                escape(&text)
            ),
        };
        revised(html, original, rev.map(|r| r.date))
    } else {
        if ds.key.kind == KeyKind::Category {
            return Err(err(msg::change_needs_time(data), Some(msg::change_needs_time_hint())));
        }
        let previous = ri.checked_sub(1).and_then(|p| ds.rows[p].values[si]);
        let per = if ds.key.kind == KeyKind::Year { Period::Year } else { Period::Other };
        let text = numfmt::change(current, previous, &unit, per, style);
        let class = match (current, previous) {
            (Some(c), Some(p)) if c > p => "up",
            (Some(c), Some(p)) if c < p => "down",
            _ => "flat",
        };
        let missing = match (current, previous) {
            (None, _) => Some(key.as_str()),
            (_, None) => Some(ri.checked_sub(1).map_or(key.as_str(), |p| ds.rows[p].key.as_str())),
            _ => None,
        };
        let text = match missing {
            Some(k) => {
                let words = no_data(ds, k, lang, style);
                gap = Some((msg::change_missing(data, series_id, k, period), msg::change_missing_hint()));
                match style {
                    Style::Chinese => format!("{words}，无法计算增减"),
                    Style::English if ri == 0 => format!("{words} before {}", ds.key_label(key, lang)),
                    Style::English => format!("{words}, so no change can be given"),
                }
            }
            None => match ds.break_before(ri, si) {
                // Across a change of statistical scope a growth rate would mislead.
                Some(b) => {
                    let note = b.note.get(lang);
                    let words = crate::model::quality::not_comparable(style);
                    let html = format!(
                        "<span class=\"figure-change break\" title=\"{}\">{}</span>",
                        escape(note),
                        escape(words)
                    );
                    return Ok(Evaluated { html, dataset: ds.id.clone(), gap });
                }
                None => text,
            },
        };
        let html = format!("<span class=\"figure-change {class}\">{}</span>", escape(&text));
        // A correction of either figure changes the change: say what was published first.
        let prev_key = ri.checked_sub(1).map(|p| ds.rows[p].key.as_str());
        let rev_now = ds.revision(key, si);
        let rev_prev = prev_key.and_then(|k| ds.revision(k, si));
        let date = rev_now.iter().chain(rev_prev.iter()).map(|r| r.date).max();
        let original = date.map(|_| {
            let c = rev_now.map_or(current, |r| r.original);
            let p = match rev_prev {
                Some(r) => r.original,
                None => previous,
            };
            numfmt::change(c, p, &unit, per, style)
        });
        let original = original.filter(|o| *o != text);
        revised(html, original, date)
    };
    Ok(Evaluated { html, dataset: ds.id.clone(), gap })
}

/// `precision=1`: the decimal places to show, 0 to 6.
fn precision_arg(v: &str) -> Result<u8, CallError> {
    match v.trim().parse::<u8>() {
        Ok(p) if p <= 6 => Ok(p),
        _ => Err(err(msg::bad_precision(v), Some(msg::bad_precision_hint()))),
    }
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_calls() {
        let c = parse(r#" value(data="patent-grants", series="total", period=2021) "#).unwrap();
        assert_eq!(c.name, "value");
        assert_eq!(
            c.args,
            vec![
                ("data".into(), "patent-grants".into()),
                ("series".into(), "total".into()),
                ("period".into(), "2021".into())
            ]
        );
        assert!(parse("value(data=\"x\"").is_err());
        assert!(parse("value").is_err());
        assert_eq!(parse("change(data=“a”，period=2021)").unwrap().args.len(), 2);
    }
}
