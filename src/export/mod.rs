//! Data files for journalists: CSV, JSON, XLSX, the Frictionless data package, and one zip of
//! everything. Byte-identical from build to build (no clock: dates come from the data).

mod archive;
mod xlsx;

use serde_json::{Value, json};

pub use archive::zip_all;
pub use xlsx::xlsx;

use crate::model::dataset::{Dataset, KeyKind};
use crate::model::{Site, Text};
use crate::numfmt;

/// A cell of text that a spreadsheet would take for a formula is prefixed with `'`.
pub fn csv_safe(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() }
}

/// A number as data files write it: shortest exact form, no exponent for ordinary sizes.
pub fn plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v}") }
}

/// Largest magnitude below which every integer is exact in an `f64` (2^53).
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

/// A whole number is written as an integer (`155000`, not `155000.0`), others as they are.
fn number_json(v: f64) -> Value {
    if is_whole(v) { Value::from(v as i64) } else { json!(v) }
}

fn is_whole(v: f64) -> bool {
    v.fract() == 0.0 && v.abs() < EXACT_INTEGERS
}

/// The series (by index) that have a value with an observation status: each gets a status
/// column, `<id>_status`, in the CSV, the data package and the workbook.
pub fn status_series(ds: &Dataset) -> Vec<usize> {
    (0..ds.series.len()).filter(|&i| ds.rows.iter().any(|r| r.status.get(i).copied().flatten().is_some())).collect()
}

/// The name of series `i`'s status column.
pub fn status_column(ds: &Dataset, i: usize) -> String {
    format!("{}_status", ds.series[i].id)
}

/// The name of the column that carries the note of a break in series, on the row where the
/// new scope starts.
pub const BREAK_COLUMN: &str = "break_note";

/// A break's note in every language of `langs`, joined with ` / `, naming the series when the
/// break does not concern them all.
pub fn break_note(ds: &Dataset, b: &crate::model::dataset::Break, langs: &[crate::model::Lang]) -> String {
    let mut texts: Vec<&str> = Vec::new();
    for l in langs {
        let s = b.note.get(l);
        if !texts.contains(&s) {
            texts.push(s);
        }
    }
    let note = texts.join(" / ");
    if b.series.is_empty() || b.series.len() == ds.series.len() {
        note
    } else {
        format!("[{}] {note}", b.series.join(", "))
    }
}

/// The CSV of a dataset: UTF-8 with BOM, header of ids, one row per key, missing values empty.
/// A series with observation statuses is followed by its `<id>_status` column; a dataset with
/// breaks in series ends with a `break_note` column.
pub fn csv(ds: &Dataset, site: &Site) -> anyhow::Result<Vec<u8>> {
    let langs = &site.config.languages;
    let mut buf = b"\xef\xbb\xbf".to_vec();
    let flagged = status_series(ds);
    {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut buf);
        let mut header = vec![ds.key.id.clone()];
        for (i, s) in ds.series.iter().enumerate() {
            header.push(s.id.clone());
            if flagged.contains(&i) {
                header.push(status_column(ds, i));
            }
        }
        if !ds.breaks.is_empty() {
            header.push(BREAK_COLUMN.to_string());
        }
        w.write_record(header.iter().map(|h| csv_safe(h)))?;
        for row in &ds.rows {
            let mut rec = vec![csv_safe(&row.key)];
            for (i, v) in row.values.iter().enumerate() {
                rec.push(v.map(plain).unwrap_or_default());
                if flagged.contains(&i) {
                    rec.push(row.status.get(i).copied().flatten().map_or("", |s| s.name()).to_string());
                }
            }
            if !ds.breaks.is_empty() {
                let notes: Vec<String> =
                    ds.breaks.iter().filter(|b| b.period == row.key).map(|b| break_note(ds, b, langs)).collect();
                rec.push(csv_safe(&notes.join("; ")));
            }
            w.write_record(&rec)?;
        }
        w.flush()?;
    }
    Ok(buf)
}

pub(crate) fn text_json(t: &Text, site: &Site) -> Value {
    let map: serde_json::Map<String, Value> =
        site.config.languages.iter().map(|l| (l.code().to_string(), Value::String(t.get(l).to_string()))).collect();
    Value::Object(map)
}

fn key_json(ds: &Dataset, key: &str) -> Value {
    match ds.key.kind {
        KeyKind::Year => key.parse::<i64>().map_or_else(|_| Value::String(key.into()), Value::from),
        _ => Value::String(key.into()),
    }
}

/// The JSON of a dataset: data and all metadata in every language.
pub fn json(ds: &Dataset, site: &Site) -> Vec<u8> {
    let rows: Vec<Value> = ds
        .rows
        .iter()
        .map(|r| {
            let mut m = serde_json::Map::new();
            m.insert(ds.key.id.clone(), key_json(ds, &r.key));
            for (s, v) in ds.series.iter().zip(&r.values) {
                m.insert(s.id.clone(), v.map_or(Value::Null, number_json));
            }
            // Statuses beside the plain numbers, so readers of `rows` need no change.
            let status: serde_json::Map<String, Value> = ds
                .series
                .iter()
                .zip(&r.status)
                .filter_map(|(s, st)| st.map(|st| (s.id.clone(), Value::String(st.name().into()))))
                .collect();
            if !status.is_empty() {
                m.insert("status".into(), Value::Object(status));
            }
            Value::Object(m)
        })
        .collect();
    let doc = json!({
        "id": ds.id,
        "title": text_json(&ds.title, site),
        "description": ds.description.as_ref().map(|t| text_json(t, site)),
        "source": {"name": text_json(&ds.source.name, site), "url": ds.source.url},
        "publisher": text_json(ds.publisher.as_ref().unwrap_or(&site.config.publisher), site),
        "license": ds.license,
        "updated": ds.updated.map(|d| d.to_string()),
        "key": {
            "id": ds.key.id,
            "kind": ds.key.kind.name(),
            "label": text_json(&ds.key.label, site),
            "categories": ds.key.categories.iter().map(|(id, t)| json!({"id": id, "label": text_json(t, site)})).collect::<Vec<_>>(),
        },
        "series": ds.series.iter().map(|s| json!({
            "id": s.id,
            "label": text_json(&s.label, site),
            "unit": {"kind": unit_kind_name(s.unit.kind), "label": text_json(&s.unit.label, site), "currency": s.unit.currency},
            "precision": s.precision,
            "source": s.source.as_ref().map(|x| json!({"name": text_json(&x.name, site), "url": x.url})),
            "publisher": s.publisher.as_ref().map(|t| text_json(t, site)),
            "license": s.license,
        })).collect::<Vec<_>>(),
        "statuses": crate::model::quality::ALL.iter().map(|st| json!({
            "id": st.name(),
            "label": site.config.languages.iter().map(|l| (l.code().to_string(), Value::String(st.label(l.style()).into()))).collect::<serde_json::Map<_, _>>(),
        })).collect::<Vec<_>>(),
        "breaks": ds.breaks.iter().map(|b| json!({
            "period": key_json(ds, &b.period),
            "series": if b.series.is_empty() { ds.series.iter().map(|s| s.id.clone()).collect() } else { b.series.clone() },
            "note": text_json(&b.note, site),
        })).collect::<Vec<_>>(),
        "rows": rows,
        "notes": ds.notes.as_ref().map(|t| text_json(t, site)),
        "corrections": ds.corrections.iter().map(|c| json!({"date": c.date.to_string(), "text": text_json(&c.text, site)})).collect::<Vec<_>>(),
    });
    let mut out = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    out.push(b'\n');
    out
}

pub(crate) fn unit_kind_name(k: numfmt::UnitKind) -> &'static str {
    match k {
        numfmt::UnitKind::Count => "count",
        numfmt::UnitKind::Currency => "currency",
        numfmt::UnitKind::Percent => "percent",
        numfmt::UnitKind::Rate => "rate",
    }
}

/// A licence's page for an SPDX id.
pub fn license_url(spdx: &str) -> String {
    match spdx {
        "CC-BY-4.0" => "https://creativecommons.org/licenses/by/4.0/".into(),
        "CC-BY-SA-4.0" => "https://creativecommons.org/licenses/by-sa/4.0/".into(),
        "CC0-1.0" => "https://creativecommons.org/publicdomain/zero/1.0/".into(),
        "ODC-By-1.0" => "https://opendatacommons.org/licenses/by/1-0/".into(),
        "ODbL-1.0" => "https://opendatacommons.org/licenses/odbl/1-0/".into(),
        "PDDL-1.0" => "https://opendatacommons.org/licenses/pddl/1-0/".into(),
        other => format!("https://spdx.org/licenses/{other}.html"),
    }
}

/// `datapackage.json`: a Frictionless Data Package describing every CSV.
pub fn datapackage(site: &Site) -> Vec<u8> {
    let c = &site.config;
    let default = c.default_lang();
    // Titles for data tools are in English where the site has it (the language of the
    // English number rules), else in the default language; descriptions name every language.
    let en =
        c.languages.iter().find(|l| l.has_own_number_rules() && l.style() == numfmt::Style::English).unwrap_or(default);
    let every = |t: &Text| {
        let mut texts: Vec<&str> = Vec::new();
        for l in &c.languages {
            let s = t.get(l);
            if !texts.contains(&s) {
                texts.push(s);
            }
        }
        texts.join(" / ")
    };
    let unit_text = |u: &crate::model::dataset::Unit, lang: &crate::model::Lang| match u.kind {
        numfmt::UnitKind::Percent => "%".to_string(),
        numfmt::UnitKind::Currency => u.currency.clone().unwrap_or_default(),
        _ => u.label.get(lang).to_string(),
    };
    let resources: Vec<Value> = site
        .datasets
        .values()
        .map(|ds| {
            let key_type = match ds.key.kind {
                KeyKind::Year => "year",
                KeyKind::Month => "yearmonth",
                KeyKind::Date => "date",
                KeyKind::Quarter | KeyKind::Category => "string",
            };
            let mut fields = vec![json!({
                "name": ds.key.id,
                "type": key_type,
                "title": ds.key.label.get(en),
                "description": every(&ds.key.label),
            })];
            if ds.key.kind == KeyKind::Category {
                let ids: Vec<&str> = ds.key.categories.iter().map(|(id, _)| id.as_str()).collect();
                fields[0]["constraints"] = json!({"enum": ids});
            }
            let flagged = status_series(ds);
            for (i, s) in ds.series.iter().enumerate() {
                // A series of whole numbers (counts, yuan) is typed as such for pandas and R.
                let whole = ds.rows.iter().all(|r| r.values.get(i).copied().flatten().is_none_or(is_whole));
                fields.push(json!({
                    "name": s.id,
                    "type": if whole { "integer" } else { "number" },
                    "title": s.label.get(en),
                    "description": format!(
                        "{}. Unit: {} ({}){}",
                        every(&s.label),
                        unit_text(&s.unit, en),
                        unit_kind_name(s.unit.kind),
                        if s.unit.kind == numfmt::UnitKind::Percent { "; 41.6 means 41.6%" } else { "" },
                    ),
                }));
                if flagged.contains(&i) {
                    let legend: Vec<String> = crate::model::quality::ALL
                        .iter()
                        .map(|st| format!("{} = {}", st.name(), st.label(numfmt::Style::English)))
                        .collect();
                    fields.push(json!({
                        "name": status_column(ds, i),
                        "type": "string",
                        "title": format!("Status of {}", s.id),
                        "description": format!(
                            "Observation status of `{}`; empty: as published. {}",
                            s.id,
                            legend.join("; ")
                        ),
                        "constraints": {"enum": crate::model::quality::ALL.iter().map(|st| st.name()).collect::<Vec<_>>()},
                    }));
                }
            }
            if !ds.breaks.is_empty() {
                fields.push(json!({
                    "name": BREAK_COLUMN,
                    "type": "string",
                    "title": "Break in series",
                    "description": "On the first period counted a new way (a change of statistical scope): what changed. Figures from this period on are not comparable with earlier ones.",
                }));
            }
            let mut source = json!({"title": ds.source.name.get(en)});
            if let Some(u) = &ds.source.url {
                source["path"] = json!(u);
            }
            let mut sources = vec![source];
            for s in &ds.series {
                if let Some(x) = &s.source {
                    let mut src = json!({"title": format!("{} ({})", x.name.get(en), s.id)});
                    if let Some(u) = &x.url {
                        src["path"] = json!(u);
                    }
                    sources.push(src);
                }
            }
            let mut licenses: Vec<String> = vec![ds.license.clone()];
            for s in &ds.series {
                if let Some(l) = &s.license
                    && !licenses.contains(l)
                {
                    licenses.push(l.clone());
                }
            }
            let publisher = ds.publisher.as_ref().unwrap_or(&c.publisher);
            json!({
                "name": ds.id,
                "path": format!("{}.csv", ds.id),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": ds.title.get(en),
                "description": ds.description.as_ref().map(|d| d.get(en)).unwrap_or_default(),
                "sources": sources,
                "licenses": licenses.iter().map(|l| json!({"name": l, "path": license_url(l)})).collect::<Vec<_>>(),
                "contributors": [{"title": publisher.get(en), "role": "publisher"}],
                "schema": {"fields": fields, "primaryKey": [ds.key.id], "missingValues": [""]},
            })
        })
        .collect();
    let name: String = c
        .base_url
        .split("//")
        .nth(1)
        .unwrap_or("site")
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch.to_ascii_lowercase() } else { '-' })
        .collect();
    let doc = json!({
        "profile": "tabular-data-package",
        "name": name,
        "title": c.title.get(en),
        "description": c.description.get(en),
        "homepage": format!("{}/data/", c.base_url),
        "licenses": [{"name": c.license, "path": license_url(&c.license)}],
        "contributors": [{"title": c.publisher.get(en), "role": "publisher"}],
        "resources": resources,
    });
    let mut out = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(csv_safe("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_safe("wuhan"), "wuhan");
        assert_eq!(plain(155000.0), "155000");
        assert_eq!(plain(16.09), "16.09");
    }
}
