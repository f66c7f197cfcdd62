//! `data/<id>.yaml` -> [`Dataset`]: every field checked, errors at file, line and column.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use rayon::prelude::*;
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;

use super::read_text;
use crate::diag::{Diagnostic, Failure, Result};
use crate::model::dataset::{
    Break, Correction, Dataset, Frozen, Key, KeyKind, Row, Series, Source, Status, Unit, UnitKind,
};
use crate::model::{SiteConfig, Text};
use crate::msg::{self, List, Said};
use crate::yaml;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    title: Spanned<Text>,
    #[serde(default)]
    description: Option<Spanned<Text>>,
    source: RawSource,
    #[serde(default)]
    publisher: Option<Text>,
    #[serde(default)]
    license: Option<String>,
    #[serde(default)]
    updated: Option<Spanned<String>>,
    key: RawKey,
    series: Vec<Spanned<RawSeries>>,
    rows: Vec<Spanned<Ordered<Spanned<serde_json::Value>>>>,
    #[serde(default)]
    notes: Option<Spanned<Text>>,
    #[serde(default)]
    corrections: Vec<Spanned<RawCorrection>>,
    #[serde(default)]
    breaks: Vec<Spanned<RawBreak>>,
    #[serde(default)]
    frozen: Option<Spanned<RawFrozen>>,
}

/// `frozen: {release: 2022, version: 1, date: 2022-04-26}`, written by `vitrine freeze`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrozen {
    release: i32,
    version: u32,
    date: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    name: Spanned<Text>,
    #[serde(default)]
    url: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKey {
    id: String,
    kind: Spanned<String>,
    #[serde(default)]
    label: Option<Spanned<Text>>,
    #[serde(default)]
    categories: Option<Spanned<Ordered<Text>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeries {
    id: String,
    label: Text,
    unit: RawUnit,
    #[serde(default)]
    precision: Option<u8>,
    #[serde(default)]
    source: Option<RawSource>,
    #[serde(default)]
    publisher: Option<Text>,
    #[serde(default)]
    license: Option<String>,
}

/// `breaks: [{period: 2020, series: [total], note: {zh: …, en: …}}]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBreak {
    period: Spanned<serde_json::Value>,
    #[serde(default)]
    series: Vec<Spanned<String>>,
    note: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    kind: Spanned<String>,
    #[serde(default)]
    label: Option<Text>,
    #[serde(default)]
    currency: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCorrection {
    date: Spanned<String>,
    text: Text,
}

/// A YAML mapping kept in the order written (row columns, category lists).
struct Ordered<V>(Vec<(Spanned<String>, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V2<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for V2<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping such as {year: 2021, total: 155000}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered<V>, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(V2(std::marker::PhantomData))
    }
}

/// Loads every `data/*.yaml`, sorted by id. All problems are reported together.
pub fn datasets(root: &Path, config: &SiteConfig) -> Result<Vec<Dataset>> {
    let (out, diags) = datasets_partial(root, config)?;
    if diags.is_empty() { Ok(out) } else { Err(Failure::Content(diags)) }
}

/// Loads every `data/*.yaml`: the datasets that are valid, and the problems of the others
/// (so that later stages can still check the pages against the valid ones).
pub fn datasets_partial(root: &Path, config: &SiteConfig) -> Result<(Vec<Dataset>, Vec<Diagnostic>)> {
    let dir = root.join("data");
    if !dir.is_dir() {
        return Ok((Vec::new(), Vec::new()));
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| anyhow::anyhow!(msg::cannot_read_because(&dir.display().to_string(), &e.to_string())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .collect();
    files.sort();
    let results: Vec<Result<(Dataset, Vec<Diagnostic>)>> = files.par_iter().map(|f| load(root, f, config)).collect();
    let mut out = Vec::new();
    let mut diags = crate::diag::Diagnostics(same_ids(root, &files));
    for r in results {
        if let Some((d, warnings)) = diags.take(r)? {
            out.push(d);
            diags.extend(warnings);
        }
    }
    Ok((out, diags.0))
}

/// Two files that would make one dataset (`x.yaml` and `x.yml`): both would be published
/// as `/data/x.csv`, so one would be lost.
fn same_ids(root: &Path, files: &[std::path::PathBuf]) -> Vec<Diagnostic> {
    let mut seen: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    let mut out = Vec::new();
    for f in files {
        let stem = f.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        let rel = super::relative(root, f);
        if let Some(first) = seen.get(&stem) {
            out.push(
                Diagnostic::error(&rel, 1, 1, msg::dataset_twice(first, &rel, &stem))
                    .with_hint(msg::dataset_twice_hint()),
            );
        } else {
            seen.insert(stem, rel);
        }
    }
    out
}

/// Ids whose files would overwrite one the build writes for all datasets together
/// (`/data/datapackage.json`).
const RESERVED_IDS: &[&str] = &["datapackage"];

/// Whether `id` is safe as a file name and URL segment: lowercase ASCII letters, digits,
/// `-` and `_`, starting with a letter or digit.
pub fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Loads and validates one `data/<id>.yaml` file (for `serve`'s incremental rebuilds).
pub fn dataset(root: &Path, file: &Path, config: &SiteConfig) -> Result<Dataset> {
    load(root, file, config).map(|(d, _)| d)
}

fn load(root: &Path, file: &Path, config: &SiteConfig) -> Result<(Dataset, Vec<Diagnostic>)> {
    let rel = super::relative(root, file);
    let stem = file.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    if !is_safe_id(&stem) {
        return Err(Diagnostic::error(&rel, 1, 1, msg::dataset_bad_id(&stem))
            .with_hint(msg::dataset_bad_id_hint())
            .into());
    }
    if RESERVED_IDS.contains(&stem.as_str()) {
        return Err(Diagnostic::error(&rel, 1, 1, msg::dataset_reserved_id(&stem))
            .with_hint(msg::dataset_reserved_id_hint(&stem))
            .into());
    }
    let text = read_text(file, &rel)?;
    let (d, warnings) = from_text_checked(stem, &rel, &text, config)?;
    if d.frozen.is_some() {
        let line = text.lines().position(|l| l.starts_with("frozen")).map_or(1, |i| i + 1);
        return Err(Diagnostic::error(&rel, line, 1, msg::frozen_in_dataset())
            .with_hint(msg::frozen_in_dataset_hint())
            .with_source(&text)
            .into());
    }
    Ok((d, warnings))
}

/// Parses and validates the text of `data/<id>.yaml`; `rel` names the file in diagnostics.
pub(crate) fn from_text(id: String, rel: &str, text: &str, config: &SiteConfig) -> Result<Dataset> {
    from_text_checked(id, rel, text, config).map(|(d, _)| d)
}

/// [`from_text`], with the warnings about its texts (a site language missing, a code that is
/// not one) and its dates (`updated` older than a correction), where they are written.
fn from_text_checked(id: String, rel: &str, text: &str, config: &SiteConfig) -> Result<(Dataset, Vec<Diagnostic>)> {
    let raw: RawDataset = yaml::parse(text, rel, 1, text)?;
    Validator { rel, text, diags: Vec::new() }.dataset(id, raw, config)
}

struct Validator<'a> {
    rel: &'a str,
    text: &'a str,
    diags: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn error(&mut self, loc: &serde_saphyr::Location, message: Said, hint: Option<Said>) {
        let (l, c) = yaml::location_of(loc);
        let mut d = Diagnostic::error(self.rel, l, c, message).with_source(self.text);
        d.hint = hint;
        self.diags.push(d);
    }

    fn date(&mut self, s: &Spanned<String>) -> Option<jiff::civil::Date> {
        match s.value.trim().parse::<jiff::civil::Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                self.error(&s.referenced, msg::not_a_date(&s.value), Some(msg::dataset_date_hint()));
                None
            }
        }
    }

    fn dataset(mut self, id: String, raw: RawDataset, config: &SiteConfig) -> Result<(Dataset, Vec<Diagnostic>)> {
        let updated = raw.updated.as_ref().and_then(|u| self.date(u));
        let kind = match raw.key.kind.value.as_str() {
            "year" => Some(KeyKind::Year),
            "quarter" => Some(KeyKind::Quarter),
            "month" => Some(KeyKind::Month),
            "date" => Some(KeyKind::Date),
            "category" => Some(KeyKind::Category),
            other => {
                self.error(
                    &raw.key.kind.referenced,
                    msg::unknown_key_kind(other),
                    Some(msg::use_one_of(&List::of(["year", "quarter", "month", "date", "category"]))),
                );
                None
            }
        };
        let mut categories = Vec::new();
        match (&raw.key.categories, kind) {
            (Some(c), Some(KeyKind::Category)) => {
                for (cid, label) in &c.value.0 {
                    if categories.iter().any(|(x, _): &(String, Text)| *x == cid.value) {
                        self.error(&cid.referenced, msg::category_twice(&cid.value), None);
                    }
                    categories.push((cid.value.clone(), label.clone()));
                }
                if categories.is_empty() {
                    self.error(&c.referenced, msg::categories_empty(), Some(msg::categories_empty_hint()));
                }
            }
            (None, Some(KeyKind::Category)) => {
                self.error(&raw.key.kind.referenced, msg::categories_needed(), Some(msg::categories_needed_hint()))
            }
            (Some(c), Some(_)) => {
                self.error(&c.referenced, msg::categories_not_here(), Some(msg::categories_not_here_hint()))
            }
            _ => {}
        }

        let mut series: Vec<Series> = Vec::new();
        for s in &raw.series {
            let r = &s.value;
            if series.iter().any(|x| x.id == r.id) || r.id == raw.key.id {
                self.error(&s.referenced, msg::series_twice(&r.id), None);
            }
            let unit_kind = match r.unit.kind.value.as_str() {
                "count" => UnitKind::Count,
                "currency" => UnitKind::Currency,
                "percent" => UnitKind::Percent,
                "rate" => UnitKind::Rate,
                other => {
                    self.error(
                        &r.unit.kind.referenced,
                        msg::unknown_unit_kind(other),
                        Some(msg::use_one_of(&List::of(["count", "currency", "percent", "rate"]))),
                    );
                    UnitKind::Count
                }
            };
            if unit_kind == UnitKind::Currency && r.unit.currency.is_none() {
                self.error(&r.unit.kind.referenced, msg::currency_needed(), Some(msg::currency_needed_hint()));
            }
            series.push(Series {
                id: r.id.clone(),
                label: r.label.clone(),
                unit: Unit {
                    kind: unit_kind,
                    label: r.unit.label.clone().unwrap_or_default(),
                    currency: r.unit.currency.clone(),
                },
                precision: r.precision,
                source: r.source.as_ref().map(|s| Source {
                    name: s.name.value.clone(),
                    url: s.url.as_ref().map(|u| u.value.trim().to_string()),
                }),
                publisher: r.publisher.clone(),
                license: r.license.clone(),
            });
            if let Some(u) = r.source.as_ref().and_then(|s| s.url.as_ref()) {
                self.url(u);
            }
        }
        if series.is_empty() {
            self.diags.push(Diagnostic::error(self.rel, 1, 1, msg::no_series()).with_hint(msg::no_series_hint()));
        }

        let mut rows: Vec<Row> = Vec::new();
        let mut seen_keys: BTreeSet<String> = BTreeSet::new();
        let category_ids: BTreeSet<&str> = categories.iter().map(|(id, _)| id.as_str()).collect();
        let mut used: BTreeSet<&str> = BTreeSet::new();
        for row in &raw.rows {
            let (line, _) = yaml::location_of(&row.referenced);
            let mut key = None;
            let mut values = vec![None; series.len()];
            let mut status = vec![None; series.len()];
            let mut seen = vec![false; series.len()];
            let mut previous: Option<(&str, &Spanned<serde_json::Value>)> = None;
            for (col, value) in &row.value.0 {
                let before = previous.replace((col.value.as_str(), value));
                if col.value == raw.key.id {
                    key = kind.and_then(|k| self.key_value(k, value, &categories, &category_ids));
                    continue;
                }
                let Some(i) = series.iter().position(|s| s.id == col.value) else {
                    // `total: 1,550`: the comma ended the figure, and `550` became a column.
                    if let Some((key, serde_json::Value::Number(n))) = before.map(|(k, v)| (k, &v.value))
                        && col.value.bytes().all(|b| b.is_ascii_digit())
                        && value.value.is_null()
                    {
                        let (a, b) = (n.to_string(), col.value.as_str());
                        let (m, h) = (msg::comma_in_figure(key, &a, b), msg::comma_in_figure_hint(key, &a, b));
                        self.error(&col.referenced, m, Some(h));
                        continue;
                    }
                    let known: Vec<&str> = series.iter().map(|s| s.id.as_str()).collect();
                    let hint = match yaml::nearest(&col.value, &known) {
                        Some(k) => msg::column_did_you_mean(k),
                        None => msg::column_declare_hint(),
                    };
                    self.error(&col.referenced, msg::column_not_series(&col.value), Some(hint));
                    continue;
                };
                seen[i] = true;
                used.insert(series[i].id.as_str());
                (values[i], status[i]) = self.cell(value);
            }
            let Some(key) = key else {
                if !row.value.0.iter().any(|(c, _)| c.value == raw.key.id) {
                    self.error(&row.referenced, msg::row_no_key(&raw.key.id), Some(msg::row_no_key_hint(&raw.key.id)));
                }
                continue;
            };
            for (i, s) in series.iter().enumerate() {
                if !seen[i] {
                    self.error(&row.referenced, msg::row_no_value(&key, &s.id), Some(msg::row_no_value_hint(&s.id)));
                }
            }
            if !seen_keys.insert(key.clone()) {
                self.error(&row.referenced, msg::row_twice(&key), Some(msg::row_twice_hint()));
                continue;
            }
            rows.push(Row { key, values, status, line });
        }
        if kind != Some(KeyKind::Category) {
            rows.sort_by(|a, b| a.key.cmp(&b.key));
        }

        let mut corrections = Vec::new();
        for c in &raw.corrections {
            let (line, _) = yaml::location_of(&c.referenced);
            if let Some(date) = self.date(&c.value.date) {
                corrections.push(Correction { date, text: c.value.text.clone(), line });
            }
        }
        let frozen = match &raw.frozen {
            None => None,
            Some(f) => {
                self.date(&f.value.date).map(|date| Frozen { release: f.value.release, version: f.value.version, date })
            }
        };
        corrections.sort_by_key(|c| c.date);
        let mut breaks = Vec::new();
        for b in &raw.breaks {
            let (line, _) = yaml::location_of(&b.referenced);
            if kind == Some(KeyKind::Category) {
                self.error(&b.referenced, msg::break_by_category(), Some(msg::break_by_category_hint()));
                continue;
            }
            let period = kind.and_then(|k| self.key_value(k, &b.value.period, &categories, &category_ids));
            for sid in &b.value.series {
                if !series.iter().any(|s| s.id == sid.value) {
                    let known: Vec<&str> = series.iter().map(|s| s.id.as_str()).collect();
                    let hint = match yaml::nearest(&sid.value, &known) {
                        Some(k) => msg::break_series_did_you_mean(k, &List::of(&known)),
                        None => msg::break_series_known(&List::of(&known)),
                    };
                    self.error(&sid.referenced, msg::break_not_series(&sid.value), Some(hint));
                }
            }
            if let Some(period) = period {
                breaks.push(Break {
                    period,
                    series: b.value.series.iter().map(|s| s.value.clone()).collect(),
                    note: b.value.note.clone(),
                    line,
                });
            }
        }

        let url = raw.source.url.as_ref().map(|u| u.value.trim().to_string());
        if let Some(s) = &raw.source.url {
            self.url(s);
        }
        if !self.diags.is_empty() {
            return Err(Failure::Content(self.diags));
        }
        let warnings = self.warnings(&raw, updated, &corrections, config);
        let dataset = Dataset {
            source_path: self.rel.to_string(),
            id,
            title: raw.title.value,
            description: raw.description.map(|t| t.value),
            source: Source { name: raw.source.name.value, url },
            publisher: raw.publisher,
            breaks,
            license: raw.license.unwrap_or_else(|| config.license.clone()),
            updated,
            key: Key {
                label: raw.key.label.map_or_else(|| Text::Plain(raw.key.id.clone()), |t| t.value),
                id: raw.key.id,
                kind: kind.unwrap_or(KeyKind::Category),
                categories,
            },
            series,
            rows,
            notes: raw.notes.map(|t| t.value),
            corrections,
            frozen,
            revisions: Vec::new(),
        };
        Ok((dataset, warnings))
    }

    /// What deserves a look in a valid dataset: its texts (see [`super::texts`]), and an
    /// `updated` date older than its newest correction.
    fn warnings(
        &self,
        raw: &RawDataset,
        updated: Option<jiff::civil::Date>,
        corrections: &[Correction],
        config: &SiteConfig,
    ) -> Vec<Diagnostic> {
        use super::texts::Written;
        let line = |loc: &serde_saphyr::Location| yaml::location_of(loc).0;
        fn at(field: Said, t: &Spanned<Text>) -> Written<'_> {
            Written { field, text: &t.value, line: yaml::location_of(&t.referenced).0 }
        }
        // The texts drawn in the chart images first (title, source, key and category labels,
        // series and units): their characters are checked against the charts' font too.
        let mut texts = vec![at(msg::field_title(), &raw.title), at(msg::field_source_name(), &raw.source.name)];
        texts.extend(raw.key.label.as_ref().map(|t| at(msg::field_key_label(), t)));
        if let Some(cats) = &raw.key.categories {
            for (id, t) in &cats.value.0 {
                texts.push(Written {
                    field: msg::field_category_label(&id.value),
                    text: t,
                    line: line(&id.referenced),
                });
            }
        }
        for s in &raw.series {
            let l = line(&s.referenced);
            texts.push(Written { field: msg::field_series_label(&s.value.id), text: &s.value.label, line: l });
            if let Some(u) = s.value.unit.label.as_ref().filter(|u| !matches!(u, Text::Plain(l) if l.is_empty())) {
                texts.push(Written { field: msg::field_series_unit(&s.value.id), text: u, line: l });
            }
        }
        let drawn = texts.len();
        texts.extend(raw.description.as_ref().map(|t| at(msg::field_description(), t)));
        texts.extend(raw.notes.as_ref().map(|t| at(msg::field_notes(), t)));
        for c in &raw.corrections {
            let field = msg::field_correction(c.value.date.value.trim());
            texts.push(Written { field, text: &c.value.text, line: line(&c.referenced) });
        }
        let mut out = super::texts::warnings(self.rel, self.text, &texts, config);
        out.extend(super::texts::glyph_warnings(self.rel, self.text, &texts[..drawn]));
        if let (Some(updated), Some(newest), Some(at)) =
            (updated, corrections.iter().map(|c| c.date).max(), raw.updated.as_ref())
            && updated < newest
        {
            let (l, c) = yaml::location_of(&at.referenced);
            out.push(
                Diagnostic::warning(self.rel, l, c, msg::updated_too_old(&updated.to_string(), &newest.to_string()))
                    .with_hint(msg::updated_too_old_hint(&newest.to_string()))
                    .with_source(self.text),
            );
        }
        out
    }

    /// A key value in canonical form, or a diagnostic.
    fn key_value(
        &mut self,
        kind: KeyKind,
        v: &Spanned<serde_json::Value>,
        cats: &[(String, Text)],
        cat_ids: &BTreeSet<&str>,
    ) -> Option<String> {
        let s = match &v.value {
            serde_json::Value::String(s) => s.trim().to_string(),
            serde_json::Value::Number(n) => n.to_string(),
            other => other.to_string(),
        };
        let ok = match kind {
            KeyKind::Year => s.len() == 4 && s.parse::<u16>().is_ok(),
            KeyKind::Quarter => {
                s.len() == 7
                    && s.get(..4).is_some_and(|y| y.parse::<u16>().is_ok())
                    && matches!(s.get(4..), Some("-Q1" | "-Q2" | "-Q3" | "-Q4"))
            }
            KeyKind::Month => s.len() == 7 && format!("{s}-01").parse::<jiff::civil::Date>().is_ok(),
            KeyKind::Date => s.len() == 10 && s.parse::<jiff::civil::Date>().is_ok(),
            KeyKind::Category => cat_ids.contains(s.as_str()),
        };
        if ok {
            return Some(s);
        }
        let hint = match kind {
            KeyKind::Year => msg::key_year_hint(),
            KeyKind::Quarter => msg::key_quarter_hint(),
            KeyKind::Month => msg::key_month_hint(),
            KeyKind::Date => msg::key_date_hint(),
            KeyKind::Category => {
                let ids = List::of(cats.iter().map(|(id, _)| id));
                // `武汉` for `wuhan`: the label where the id belongs.
                match cats.iter().find(|(_, label)| label.mentions(&s)) {
                    Some((id, _)) => msg::key_category_label_hint(&s, id, &ids),
                    None => msg::key_category_hint(&ids),
                }
            }
        };
        self.error(&v.referenced, msg::bad_key_value(&s, &msg::key_kind(kind)), Some(hint));
        None
    }

    /// A source `url`: a full web address.
    fn url(&mut self, s: &Spanned<String>) {
        let u = s.value.trim();
        if !(u.starts_with("https://") || u.starts_with("http://")) {
            self.error(&s.referenced, msg::bad_url(u), Some(msg::bad_url_hint()));
        }
    }

    /// A row's cell: a plain number, `null`, or `{value: 840000, status: lower_bound}`.
    fn cell(&mut self, v: &Spanned<serde_json::Value>) -> (Option<f64>, Option<Status>) {
        let serde_json::Value::Object(m) = &v.value else { return (self.number(v), None) };
        let names: Vec<&str> = crate::model::quality::ALL.iter().map(|s| s.name()).collect();
        let form = msg::value_form_hint();
        if let Some(k) = m.keys().find(|k| !matches!(k.as_str(), "value" | "status")) {
            self.error(&v.referenced, msg::value_no_field(k), Some(form));
            return (None, None);
        }
        let value = match m.get("value") {
            Some(x) => self.number(&Spanned { value: x.clone(), referenced: v.referenced, defined: v.defined }),
            None => {
                self.error(&v.referenced, msg::status_without_value(), Some(form));
                return (None, None);
            }
        };
        let status = match m.get("status") {
            Some(serde_json::Value::String(s)) => match Status::parse(s) {
                Some(st) => Some(st),
                None => {
                    let hint = match yaml::nearest(s, &names) {
                        Some(k) => msg::status_did_you_mean(k, &List::of(&names)),
                        None => msg::statuses_are(&List::of(&names)),
                    };
                    self.error(&v.referenced, msg::not_a_status(s), Some(hint));
                    None
                }
            },
            Some(other) => {
                self.error(
                    &v.referenced,
                    msg::not_a_status(&other.to_string()),
                    Some(msg::statuses_are(&List::of(&names))),
                );
                None
            }
            None => None,
        };
        if value.is_none() && status.is_some() && m.get("value").is_some_and(serde_json::Value::is_null) {
            self.error(&v.referenced, msg::missing_has_no_status(), Some(msg::missing_has_no_status_hint()));
        }
        (value, status)
    }

    /// A value: a number, or null for missing. Anything else is reported with a hint.
    fn number(&mut self, v: &Spanned<serde_json::Value>) -> Option<f64> {
        match &v.value {
            serde_json::Value::Null => None,
            serde_json::Value::Number(n) => match n.as_f64() {
                Some(f) if f.is_finite() => Some(f),
                _ => {
                    self.error(&v.referenced, msg::out_of_range(&n.to_string()), None);
                    None
                }
            },
            // `"155000"`: a figure in quotes is text to YAML.
            serde_json::Value::String(s) if s.trim().parse::<f64>().is_ok_and(f64::is_finite) => {
                self.error(&v.referenced, msg::quoted_number(s), Some(msg::quoted_number_hint(s.trim())));
                None
            }
            serde_json::Value::String(s) => {
                let hint = match plain_number(s) {
                    Some(n) => msg::plain_number_hint(&n),
                    None => msg::number_or_null_hint(),
                };
                self.error(&v.referenced, msg::not_a_number(s), Some(hint));
                None
            }
            other => {
                self.error(&v.referenced, msg::not_a_number(&other.to_string()), Some(msg::number_or_null_hint()));
                None
            }
        }
    }
}

/// What an author probably meant by a formatted figure: `15.5万` -> 155000,
/// `1,001` -> 1001, `50.26亿` -> 5026000000, `41.6%` -> 41.6, `１５５０００` (full-width
/// digits) -> 155000.
fn plain_number(s: &str) -> Option<String> {
    let half_width = |c: char| match c {
        '０'..='９' | '．' | '－' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    };
    let t: String = s.trim().chars().map(half_width).collect();
    let mut t = t.replace([',', '，', ' ', '\u{a0}', '\u{202f}', '\u{3000}'], "");
    let mut factor = 1.0;
    for (suffix, f) in [("件", 1.0), ("元", 1.0), ("%", 1.0), ("％", 1.0)] {
        if let Some(x) = t.strip_suffix(suffix) {
            t = x.to_string();
            factor *= f;
        }
    }
    for (suffix, f) in [("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3)] {
        if let Some(x) = t.strip_suffix(suffix) {
            t = x.to_string();
            factor *= f;
            break;
        }
    }
    let n: f64 = t.parse().ok()?;
    let v = n * factor;
    let rounded = (v * 1e6).round() / 1e6;
    Some(if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_plain_numbers() {
        assert_eq!(plain_number("15.5万").as_deref(), Some("155000"));
        assert_eq!(plain_number("1,001").as_deref(), Some("1001"));
        assert_eq!(plain_number("50.26亿元").as_deref(), Some("5026000000"));
        assert_eq!(plain_number("41.6%").as_deref(), Some("41.6"));
        assert_eq!(plain_number("１５．５万").as_deref(), Some("155000"));
        assert_eq!(plain_number("155\u{a0}000").as_deref(), Some("155000"));
        assert_eq!(plain_number("abc"), None);
    }

    #[test]
    fn periods_are_labelled_as_each_language_writes_them() {
        let config = crate::fuzzing::config();
        let ds = |kind: &str, key: &str| {
            let text = format!(
                "title: t\nsource: {{name: s}}\nkey: {{id: k, kind: {kind}, label: K}}\nseries:\n  - {{id: v, label: V, unit: {{kind: count}}}}\nrows:\n  - {{k: \"{key}\", v: 1}}\n"
            );
            from_text("x".into(), "data/x.yaml", &text, &config).unwrap_or_else(|_| panic!("{kind} {key}"))
        };
        let label = |kind: &str, key: &str, lang: &str| {
            ds(kind, key).key_label(key, &crate::model::Lang::new(lang, lang, lang, "zh"))
        };
        assert_eq!(label("quarter", "2021-Q1", "zh"), "2021年一季度");
        assert_eq!(label("quarter", "2021-Q4", "en"), "2021 Q4");
        assert_eq!(label("month", "2021-03", "zh"), "2021年3月");
        assert_eq!(label("month", "2021-03", "en"), "2021-03");
        assert_eq!(label("date", "2021-03-05", "zh"), "2021年3月5日");
        assert_eq!(label("year", "2021", "zh"), "2021");
    }

    #[test]
    fn safe_ids() {
        assert!(is_safe_id("patent-grants"));
        assert!(!is_safe_id("../x"));
        assert!(!is_safe_id("专利"));
        assert!(!is_safe_id("a b"));
        assert!(!is_safe_id("A"));
    }
}
