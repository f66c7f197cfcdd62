//! Datasets (`data/<id>.yaml`), validated: typed key, series with units, rows of numbers.

pub use super::quality::{Break, Status};
use super::{Lang, Text};

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
    /// Where this series' figures come from, when not the dataset's source.
    pub source: Option<Source>,
    /// Who published this series' figures, when not the dataset's publisher.
    pub publisher: Option<Text>,
    /// The licence of this series' figures, when not the dataset's.
    pub license: Option<String>,
}

/// One row: a key value and one value per series (`None` = missing, never 0).
#[derive(Clone, Debug)]
pub struct Row {
    /// The key in canonical form: `2021`, `2021-Q1`, `2021-03`, `2021-03-15` or a category id.
    pub key: String,
    /// Values in series order.
    pub values: Vec<Option<f64>>,
    /// The observation status of each value, in series order (`None`: as published).
    pub status: Vec<Option<Status>>,
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
    /// Line of the entry in the YAML file.
    pub line: usize,
}

/// One figure that a later version of a release's data changed: the page that quoted it shows
/// the new figure with a dated note of what was published before.
#[derive(Clone, Debug, PartialEq)]
pub struct Revision {
    /// Key of the row.
    pub key: String,
    /// Index of the series (in the version the revision is shown with).
    pub series: usize,
    /// Id of the series.
    pub series_id: String,
    /// The figure as first published with the release.
    pub original: Option<f64>,
    /// Date of the newest version that changed it.
    pub date: jiff::civil::Date,
}

/// The frozen state of a dataset, read from `data/frozen/<year>/<id>.v<n>.yaml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frozen {
    /// The release year whose figures these are.
    pub release: i32,
    /// Version number, from 1.
    pub version: u32,
    /// When this version was published: the release's date for version 1, the date of the
    /// correction it applies for later versions.
    pub date: jiff::civil::Date,
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
    /// Who published the figures, when not the site's publisher (court statistics are the
    /// courts', not the IP office's).
    pub publisher: Option<Text>,
    /// Changes of statistical scope, in the order written.
    pub breaks: Vec<Break>,
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
    /// Set on a frozen version (`data/frozen/…`): which release and version it is.
    pub frozen: Option<Frozen>,
    /// Figures changed by corrections since the release first published them (only on the
    /// data a frozen release's pages are rendered with).
    pub revisions: Vec<Revision>,
}

impl Dataset {
    /// A series by id.
    pub fn series(&self, id: &str) -> Option<(usize, &Series)> {
        self.series.iter().enumerate().find(|(_, s)| s.id == id)
    }

    /// The figures changed since first publication for the cell of row `key`, series `series`.
    pub fn revision(&self, key: &str, series: usize) -> Option<&Revision> {
        self.revisions.iter().find(|r| r.key == key && r.series == series)
    }

    /// The value of a cell, `None` for a missing value or an unknown key.
    pub fn value(&self, key: &str, series: usize) -> Option<f64> {
        self.row_index(key).and_then(|i| self.rows[i].values.get(series).copied().flatten())
    }

    /// The last day of a row's period (`2021` -> 2021-12-31, `2021-Q1` -> 2021-03-31), or
    /// `None` for a category. A period's figures can be published only once it has ended.
    pub fn period_end(&self, key: &str) -> Option<jiff::civil::Date> {
        use jiff::civil::date;
        let num = |s: &str| s.parse::<i16>().ok();
        let last_day = |y: i16, m: i8| date(y, m, 1).last_of_month();
        match self.key.kind {
            KeyKind::Year => num(key).and_then(|y| jiff::civil::Date::new(y, 12, 31).ok()),
            KeyKind::Quarter => {
                let (y, q) = key.split_once("-Q")?;
                let (y, q) = (num(y)?, q.parse::<i8>().ok().filter(|q| (1..=4).contains(q))?);
                (1..=9999).contains(&y).then(|| last_day(y, q * 3))
            }
            KeyKind::Month => {
                let (y, m) = key.split_once('-')?;
                let (y, m) = (num(y)?, m.parse::<i8>().ok().filter(|m| (1..=12).contains(m))?);
                (1..=9999).contains(&y).then(|| last_day(y, m))
            }
            KeyKind::Date => key.parse().ok(),
            KeyKind::Category => None,
        }
    }

    /// The status of a cell (`None`: as published, or no such cell).
    pub fn status(&self, key: &str, series: usize) -> Option<Status> {
        self.row_index(key).and_then(|i| self.rows[i].status.get(series).copied().flatten())
    }

    /// The break that makes the change into row `row` of series `series` not comparable: one
    /// at a period after the previous row's and up to this row's.
    pub fn break_before(&self, row: usize, series: usize) -> Option<&Break> {
        let key = &self.rows.get(row)?.key;
        let prev = &self.rows.get(row.checked_sub(1)?)?.key;
        let id = &self.series.get(series)?.id;
        self.breaks.iter().find(|b| b.covers(id) && b.period.as_str() > prev.as_str() && b.period <= *key)
    }

    /// The publisher of series `series`: its own, else the dataset's, else `site`'s.
    pub fn publisher_of<'a>(&'a self, series: Option<usize>, site: &'a Text) -> &'a Text {
        series
            .and_then(|i| self.series.get(i))
            .and_then(|s| s.publisher.as_ref())
            .or(self.publisher.as_ref())
            .unwrap_or(site)
    }

    /// The index of the row with key `key`.
    pub fn row_index(&self, key: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.key == key)
    }

    /// The label of a key value in `lang`: the category's label; a period as its language
    /// writes it (Chinese `2021年一季度`, `2021年3月`, `2021年3月15日`; English `2021 Q1`, and
    /// months and days as written, `2021-03`); a year as written (`2021`).
    pub fn key_label(&self, key: &str, lang: &Lang) -> String {
        let chinese = lang.is_chinese();
        match self.key.kind {
            KeyKind::Category => self
                .key
                .categories
                .iter()
                .find(|(id, _)| id == key)
                .map_or_else(|| key.to_string(), |(_, t)| t.get(lang).to_string()),
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
