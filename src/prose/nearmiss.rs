//! Whether a figure typed in the text is a near miss of a figure in the data.
//!
//! A figure and a dataset value are compared at the precision the text writes (`15.6万` to
//! the thousand, `54.4%` to the tenth). Equal after that rounding: the text quotes the data.
//! A near miss is a digit slip at that precision: the same number of digits, one of them
//! different, or two neighbours swapped (`15.6万` for 15.5万, `1,361` for 1,631). Figures of
//! fewer than three significant digits (`27个`, `70%`) say too little to be judged, and
//! bounds or approximations (`5亿余元`, `more than`) are not judged at all.

use std::collections::BTreeMap;

use super::figures::{Class, Figure};
use crate::model::Dataset;
use crate::model::dataset::KeyKind;
use crate::numfmt::UnitKind;

/// A figure in the data that prose may quote: a value, or a change on the previous period.
#[derive(Clone, Debug)]
pub struct Candidate<'a> {
    /// Its dataset.
    pub dataset: &'a Dataset,
    /// Index of its series.
    pub series: usize,
    /// Its row's key (period or category).
    pub key: &'a str,
    /// A change (`{{ change(…) }}`) rather than a value.
    pub change: bool,
    /// The value: base units, or a change in per cent or percentage points.
    pub value: f64,
    /// The kind of figure it is.
    pub class: Class,
}

/// How a typed figure compares with a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Equal at the precision the text writes.
    Equal,
    /// A digit slip at that precision.
    Near,
    /// Something else.
    Far,
}

/// The class of a series' values.
pub fn class_of(kind: UnitKind) -> Class {
    match kind {
        UnitKind::Count | UnitKind::Rate => Class::Count,
        UnitKind::Currency => Class::Money,
        UnitKind::Percent => Class::Percent,
    }
}

/// Every value and change of the datasets.
pub fn candidates(datasets: &BTreeMap<String, Dataset>) -> Vec<Candidate<'_>> {
    let mut out = Vec::new();
    for ds in datasets.values() {
        for (si, s) in ds.series.iter().enumerate() {
            let class = class_of(s.unit.kind);
            let mut previous: Option<f64> = None;
            for row in &ds.rows {
                let v = row.values.get(si).copied().flatten().filter(|v| v.is_finite());
                if let Some(v) = v {
                    out.push(Candidate { dataset: ds, series: si, key: &row.key, change: false, value: v, class });
                    if ds.key.kind != KeyKind::Category
                        && let Some(p) = previous
                    {
                        let (value, class) = if class == Class::Percent {
                            (v - p, Class::Points)
                        } else if p != 0.0 {
                            ((v - p) / p.abs() * 100.0, Class::Percent)
                        } else {
                            (f64::NAN, Class::Percent)
                        };
                        if value.is_finite() {
                            out.push(Candidate { dataset: ds, series: si, key: &row.key, change: true, value, class });
                        }
                    }
                }
                previous = v;
            }
        }
    }
    out
}

/// Compares a typed figure with a value at the figure's precision.
pub fn compare(f: &Figure, v: f64) -> Verdict {
    let (a, b) = ((f.value / f.step).round(), (v / f.step).round());
    if a == b {
        return Verdict::Equal;
    }
    if f.digits < 3 || a.signum() != b.signum() || !(a.abs() < 1e18 && b.abs() < 1e18) {
        return Verdict::Far;
    }
    if slip(&format!("{}", a.abs() as u64), &format!("{}", b.abs() as u64)) { Verdict::Near } else { Verdict::Far }
}

/// Whether two digit strings of equal length differ by one digit or one swap of neighbours.
pub fn slip(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match diff[..] {
        [_] => true,
        [i, j] => j == i + 1 && a[i] == b[j] && a[j] == b[i],
        _ => false,
    }
}

/// Whether a typed figure's unit word fits a series' unit label (in the page's language):
/// `件` for `件`, `cases` for `cases`; a figure without a unit word fits any series.
pub fn unit_fits(f: &Figure, label: &str) -> bool {
    if f.unit.is_empty() || matches!(f.class, Class::Percent | Class::Points | Class::Money) {
        return true;
    }
    let label = label.to_lowercase();
    if f.unit.chars().next().is_some_and(|c| !c.is_ascii()) {
        return label.chars().next() == f.unit.chars().next();
    }
    let singular = |w: &str| w.trim_end_matches('s').to_string();
    label.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).any(|w| singular(w) == singular(&f.unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prose::figures::extract;

    fn verdict(text: &str, v: f64) -> Verdict {
        compare(&extract(text)[0], v)
    }

    #[test]
    fn near_misses_at_the_written_precision() {
        assert_eq!(verdict("15.5万件", 155_000.0), Verdict::Equal);
        assert_eq!(verdict("15.6万件", 155_000.0), Verdict::Near);
        assert_eq!(verdict("50.26亿元", 5_026_000_000.0), Verdict::Equal);
        assert_eq!(verdict("5.03 billion yuan", 5_026_000_000.0), Verdict::Equal, "rounded as the text rounds");
        assert_eq!(verdict("5.02 billion yuan", 5_026_000_000.0), Verdict::Near);
        assert_eq!(verdict("1,361 cases", 1631.0), Verdict::Near, "two digits swapped");
        assert_eq!(verdict("1,631 cases", 1631.0), Verdict::Equal);
        assert_eq!(verdict("54.4%", 54.4), Verdict::Equal);
        assert_eq!(verdict("54.7%", 54.4), Verdict::Near);
        assert_eq!(verdict("155,000 patents", 154_998.0), Verdict::Equal, "trailing zeros are rounding");
        assert_eq!(verdict("16.5万件", 155_000.0), Verdict::Near);
        assert_eq!(verdict("25.5万件", 155_000.0), Verdict::Near);
        assert_eq!(verdict("1.55万件", 155_000.0), Verdict::Far, "another magnitude");
        assert_eq!(verdict("29个", 28.0), Verdict::Far, "two digits say too little");
        assert_eq!(verdict("17.6万件", 155_000.0), Verdict::Far);
    }

    #[test]
    fn units_must_fit() {
        let f = &extract("1137家")[0];
        assert!(!unit_fits(f, "件"));
        let f = &extract("1,631 cases")[0];
        assert!(unit_fits(f, "cases"));
        assert!(!unit_fits(f, "patents"));
    }
}
