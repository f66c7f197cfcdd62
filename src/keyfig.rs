//! Key figures: the headline numbers a release lists in its landing page's front matter
//! (`key_figures: [{data, series, period, label?}]`), checked against the data the page is
//! rendered with and worked out for the page's language: the value formatted as prose formats
//! it (`numfmt`), its label, its period, its observation status, and the change on the
//! previous period of the same series (none across a break in the series).
//!
//! The data is what [`crate::model::Site::data_for`] gives the page: the public data, or the
//! release's frozen figures, so a figure an embargo holds back cannot be named here (it is an
//! unknown period). Pure: no I/O.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diag::Diagnostic;
use crate::markdown::shortcode::{self, Part};
use crate::model::dataset::KeyKind;
use crate::model::page::KeyFigureSpec;
use crate::model::{Dataset, Page, PageKind};
use crate::msg;
use crate::numfmt::{self, Period, Style, Unit};

/// A key figure worked out for one language: what a tile, the share image and the summary show.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyFigure {
    /// The dataset id.
    pub dataset: String,
    /// The series id.
    pub series: String,
    /// The label: the author's, else the series label.
    pub label: String,
    /// The value with its unit, as prose writes it: `15.5万件`, `155,000 patents`.
    pub value: String,
    /// The number alone (`15.5万`, `5.03 billion`), with the status words of a lower bound
    /// or an estimate (`超过84万`, `about …`).
    pub number: String,
    /// The unit after the number (`件`, `yuan`), empty for a percentage.
    pub unit: String,
    /// Whether a space parts the number and its unit (`155,000 patents`, not `15.5万件`).
    pub unit_spaced: bool,
    /// The value in base units, for `<data value>` (`155000`); `None` for a missing value.
    pub raw: Option<String>,
    /// The period as the language writes it: `2021年`, `2021`.
    pub period: String,
    /// The observation status's short words (`推算值`, `derived`), if the value has one.
    pub status: Option<String>,
    /// The change on the previous period, if there is one to give.
    pub change: Option<Change>,
    /// The dataset's page in this language.
    pub url: String,
}

/// The change of a key figure on the previous period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// `up`, `down` or `unchanged`.
    pub direction: &'static str,
    /// The arrow (decoration: hidden from assistive technology, the words say it).
    pub arrow: &'static str,
    /// The words: `比上年增长40.9%`, `up 40.9% on 2020`.
    pub words: String,
}

/// The key figures of `page` against `datasets`, every problem reported (an unknown dataset,
/// series or period; key figures on a page that is not a release's landing page).
pub fn resolve(page: &Page, datasets: &BTreeMap<String, Dataset>) -> Result<Vec<KeyFigure>, Vec<Diagnostic>> {
    let specs = &page.front.key_figures;
    let Some(first) = specs.first() else { return Ok(Vec::new()) };
    if page.kind != PageKind::Section || page.release.is_none() {
        let d = first
            .data
            .error(&page.source, msg::key_figures_not_release())
            .with_hint(msg::key_figures_not_release_hint());
        return Err(vec![d]);
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for spec in specs {
        match one(page, spec, datasets) {
            Ok(k) => out.push(k),
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

fn one(page: &Page, spec: &KeyFigureSpec, datasets: &BTreeMap<String, Dataset>) -> Result<KeyFigure, Diagnostic> {
    let (path, lang) = (page.source.as_str(), &page.lang);
    let located = shortcode::locate(datasets, &spec.data.value, &spec.series.value, &spec.period.value);
    let (ds, si, ri) = located.map_err(|u| {
        let at = match u.part {
            Part::Data => &spec.data,
            Part::Series => &spec.series,
            Part::Period => &spec.period,
        };
        at.error(path, u.message).with_hint(u.hint)
    })?;
    let s = &ds.series[si];
    let style = lang.style();
    let unit = Unit {
        kind: s.unit.kind,
        label: s.unit.label.get(lang),
        currency: s.unit.currency.as_deref(),
        precision: s.precision,
    };
    let bare = Unit { label: "", currency: None, ..unit };
    let row = &ds.rows[ri];
    let current = row.values[si];
    let status = row.status.get(si).copied().flatten();
    let number = numfmt::value(current, &bare, style);
    let number = match status {
        Some(st @ (crate::model::quality::Status::LowerBound | crate::model::quality::Status::Estimated))
            if current.is_some() =>
        {
            st.in_prose(&number, style)
        }
        _ => number,
    };
    let unit_words = if current.is_some() { numfmt::unit_name(&unit, style).to_string() } else { String::new() };
    let period_label = |key: &str| {
        let l = ds.key_label(key, lang);
        if ds.key.kind == KeyKind::Year && style == Style::Chinese { format!("{l}年") } else { l }
    };
    let change = (ds.key.kind != KeyKind::Category && ri > 0 && ds.break_before(ri, si).is_none())
        .then(|| {
            let prev = &ds.rows[ri - 1];
            let per = if ds.key.kind == KeyKind::Year { Period::Year } else { Period::Other };
            numfmt::change_on(current, prev.values[si], &unit, per, &period_label(&prev.key), style)
        })
        .flatten()
        .map(|(direction, words)| Change {
            direction: direction.name(),
            arrow: match direction {
                numfmt::Direction::Up => "▲",
                numfmt::Direction::Down => "▼",
                numfmt::Direction::Unchanged => "▶",
            },
            words,
        });
    let value = numfmt::value(current, &unit, style);
    let unit_spaced = !unit_words.is_empty() && value.ends_with(&format!(" {unit_words}"));
    Ok(KeyFigure {
        unit_spaced,
        dataset: ds.id.clone(),
        series: s.id.clone(),
        label: spec.label.as_ref().map_or_else(|| s.label.get(lang), |l| l.get(lang)).trim().to_string(),
        value,
        number,
        unit: unit_words,
        raw: current.filter(|v| v.is_finite()).map(|v| v.to_string()),
        period: period_label(&row.key),
        status: status.map(|st| st.short(style).to_string()),
        change,
        url: crate::model::layout::dataset_url(lang.prefix(), &ds.id),
    })
}
