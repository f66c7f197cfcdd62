//! Datasets (`data/<id>.yaml`), validated: typed key, series with units, rows of numbers.

use super::Text;

/// Where the figures come from.
#[derive(Clone, Debug)]
pub struct Source {
    /// Publisher of the figures.
    pub name: Text,
    /// Link to the original publication.
    pub url: Option<String>,
}

/// What the key column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind {
    /// `2021`.
    Year,
    /// `2021-Q1`.
    Quarter,
    /// `2021-03`.
    Month,
    /// `2021-03-15`.
    Date,
    /// An id listed in `key.categories`.
    Category,
}

impl KeyKind {
    /// The name used in YAML.
    pub fn name(self) -> &'static str {
        match self {
            KeyKind::Year => "year",
            KeyKind::Quarter => "quarter",
            KeyKind::Month => "month",
            KeyKind::Date => "date",
            KeyKind::Category => "category",
        }
    }
}

/// The key column.
#[derive(Clone, Debug)]
pub struct Key {
    /// Column id: `year`, `city`.
    pub id: String,
    /// Kind of key.
    pub kind: KeyKind,
    /// Column label.
    pub label: Text,
    /// For category keys: each id with its label, in the order written.
    pub categories: Vec<(String, Text)>,
}

/// The kind of a unit.
pub use crate::numfmt::UnitKind;

/// A series' unit.
#[derive(Clone, Debug)]
pub struct Unit {
    /// count, currency, percent, rate.
    pub kind: UnitKind,
    /// Label: `{zh: 件, en: patents}`; empty for none.
    pub label: Text,
    /// Currency code for currency units: `CNY`.
    pub currency: Option<String>,
}

/// One column of figures.
#[derive(Clone, Debug)]
pub struct Series {
    /// Column id.
    pub id: String,
    /// Label.
    pub label: Text,
    /// Unit.
    pub unit: Unit,
    /// Decimal places to show (None: the formatting defaults).
    pub precision: Option<u8>,
}

/// One row: a key value and one value per series (`None` = missing, never 0).
#[derive(Clone, Debug)]
pub struct Row {
    /// The key in canonical form: `2021`, `2021-Q1`, `2021-03`, `2021-03-15` or a category id.
    pub key: String,
    /// Values in series order.
    pub values: Vec<Option<f64>>,
    /// Line of the row in the YAML file.
    pub line: usize,
}

/// A logged revision.
#[derive(Clone, Debug)]
pub struct Correction {
    /// When the figures were corrected.
    pub date: jiff::civil::Date,
    /// What changed.
    pub text: Text,
}

/// A validated dataset.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// Id: the file name without `.yaml`.
    pub id: String,
    /// Source path relative to the site root.
    pub source_path: String,
    /// Title.
    pub title: Text,
    /// Description.
    pub description: Option<Text>,
    /// Origin of the figures.
    pub source: Source,
    /// SPDX licence id (the site's when the file names none).
    pub license: String,
    /// Last update.
    pub updated: Option<jiff::civil::Date>,
    /// Key column.
    pub key: Key,
    /// Value columns.
    pub series: Vec<Series>,
    /// Rows; time keys sorted oldest first, categories in the order written.
    pub rows: Vec<Row>,
    /// Notes.
    pub notes: Option<Text>,
    /// Public log of revisions, oldest first.
    pub corrections: Vec<Correction>,
}

impl Dataset {
    /// A series by id.
    pub fn series(&self, id: &str) -> Option<(usize, &Series)> {
        self.series.iter().enumerate().find(|(_, s)| s.id == id)
    }

    /// The index of the row with key `key`.
    pub fn row_index(&self, key: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.key == key)
    }

    /// The label of a key value in `lang`: the category's label; a period as its language
    /// writes it (Chinese `2021年一季度`, `2021年3月`, `2021年3月15日`; English `2021 Q1`, and
    /// months and days as written, `2021-03`); a year as written (`2021`).
    pub fn key_label(&self, key: &str, lang: &str, default: &str) -> String {
        let chinese = crate::numfmt::Style::for_lang(lang) == crate::numfmt::Style::Chinese;
        match self.key.kind {
            KeyKind::Category => self
                .key
                .categories
                .iter()
                .find(|(id, _)| id == key)
                .map_or_else(|| key.to_string(), |(_, t)| t.get(lang, default).to_string()),
            KeyKind::Quarter => match key.split_once("-Q") {
                Some((year, q)) if chinese => match q.parse::<usize>() {
                    Ok(n @ 1..=4) => format!("{year}年{}季度", ["一", "二", "三", "四"][n - 1]),
                    _ => key.to_string(),
                },
                Some((year, q)) => format!("{year} Q{q}"),
                None => key.to_string(),
            },
            KeyKind::Month | KeyKind::Date if chinese => {
                let parts: Vec<Option<u32>> = key.split('-').map(|p| p.parse().ok()).collect();
                match parts[..] {
                    [Some(y), Some(m)] => format!("{y}年{m}月"),
                    [Some(y), Some(m), Some(d)] => format!("{y}年{m}月{d}日"),
                    _ => key.to_string(),
                }
            }
            _ => key.to_string(),
        }
    }
}
