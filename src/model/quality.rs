//! How good a figure is: the observation status a dataset gives a value (derived, estimated,
//! provisional, lower bound, part period), and the breaks in a series where the statistical
//! scope changed (统计口径调整). Plain data and the words for them; no I/O.
//!
//! Statuses follow the flags statistical publishers put on observations (Eurostat: `e`
//! estimated, `p` provisional, `b` break in series). Each has a one-letter mark for tables
//! and data files, and a phrase for the legend in each language.

use super::Text;
use crate::numfmt::Style;

/// The status of one value. A value without one is as published, for the whole period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Worked out by the site, not published as such: from a published growth rate, or
    /// from other series (a total minus a part).
    Derived,
    /// An estimate (the source says 约 / about, or the figure is rounded from an estimate).
    Estimated,
    /// Provisional: the publisher may still revise it.
    Provisional,
    /// A lower bound: the source says 超过, 余 or 以上 (more than).
    LowerBound,
    /// Covers only part of the period (a figure to November standing for the year).
    PartPeriod,
}

/// Every status, in legend order.
pub const ALL: [Status; 5] =
    [Status::Derived, Status::Estimated, Status::Provisional, Status::LowerBound, Status::PartPeriod];

impl Status {
    /// The name written in YAML and in data files: `lower_bound`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Derived => "derived",
            Status::Estimated => "estimated",
            Status::Provisional => "provisional",
            Status::LowerBound => "lower_bound",
            Status::PartPeriod => "part_period",
        }
    }

    /// The status named `s` in YAML.
    pub fn parse(s: &str) -> Option<Status> {
        ALL.into_iter().find(|x| x.name() == s.trim())
    }

    /// The mark shown beside a value in tables (a letter, as statistical tables use).
    pub fn mark(self) -> &'static str {
        match self {
            Status::Derived => "d",
            Status::Estimated => "e",
            Status::Provisional => "p",
            Status::LowerBound => "l",
            Status::PartPeriod => "i",
        }
    }

    /// The legend's words for the status.
    pub fn label(self, style: Style) -> &'static str {
        match (self, style) {
            (Status::Derived, Style::Chinese) => "推算值（本站根据公布的增速或其他数据计算，未单独公布）",
            (Status::Derived, Style::English) => {
                "derived (worked out by this site from a published rate or other figures; not published as such)"
            }
            (Status::Estimated, Style::Chinese) => "估计值或约数",
            (Status::Estimated, Style::English) => "estimated or rounded",
            (Status::Provisional, Style::Chinese) => "初步数，可能修订",
            (Status::Provisional, Style::English) => "provisional, may be revised",
            (Status::LowerBound, Style::Chinese) => "下限（来源称“超过”或“余”，实际数不低于此数）",
            (Status::LowerBound, Style::English) => "lower bound (the source says “more than”)",
            (Status::PartPeriod, Style::Chinese) => "非全期数据（只涵盖该期间的一部分）",
            (Status::PartPeriod, Style::English) => "part period (covers only part of the period)",
        }
    }

    /// A short name for chart descriptions and titles: 推算值 / derived.
    pub fn short(self, style: Style) -> &'static str {
        match (self, style) {
            (Status::Derived, Style::Chinese) => "推算值",
            (Status::Derived, Style::English) => "derived",
            (Status::Estimated, Style::Chinese) => "估计值或约数",
            (Status::Estimated, Style::English) => "estimated",
            (Status::Provisional, Style::Chinese) => "初步数",
            (Status::Provisional, Style::English) => "provisional",
            (Status::LowerBound, Style::Chinese) => "下限",
            (Status::LowerBound, Style::English) => "lower bound",
            (Status::PartPeriod, Style::Chinese) => "非全期数据",
            (Status::PartPeriod, Style::English) => "part period",
        }
    }

    /// A figure written in prose with its status where the words matter: `超过84万件` /
    /// `more than 840,000 trademarks`, `约…` / `about …`, and a bracketed word after a
    /// derived, provisional or part-period figure.
    pub fn in_prose(self, text: &str, style: Style) -> String {
        match (self, style) {
            (Status::LowerBound, Style::Chinese) => format!("超过{text}"),
            (Status::LowerBound, Style::English) => format!("more than {text}"),
            (Status::Estimated, Style::Chinese) => format!("约{text}"),
            (Status::Estimated, Style::English) => format!("about {text}"),
            (s, Style::Chinese) => format!("{text}（{}）", s.short(style)),
            (s, Style::English) => format!("{text} ({})", s.short(style)),
        }
    }
}

/// The statuses a dataset's values carry, in legend order.
pub fn statuses_in(d: &super::Dataset) -> Vec<Status> {
    ALL.into_iter().filter(|st| d.rows.iter().any(|r| r.status.contains(&Some(*st)))).collect()
}

/// The mark of a break in series in tables.
pub const BREAK_MARK: &str = "b";

/// A change of statistical scope: from `period` on, the figures of `series` (every series
/// when empty) are counted differently and cannot be compared with earlier ones.
#[derive(Clone, Debug, PartialEq)]
pub struct Break {
    /// The first period counted the new way, in canonical key form.
    pub period: String,
    /// Ids of the series concerned; empty for all.
    pub series: Vec<String>,
    /// What changed.
    pub note: Text,
    /// Line of the entry in the YAML file.
    pub line: usize,
}

impl Break {
    /// Whether the break concerns series `id`.
    pub fn covers(&self, id: &str) -> bool {
        self.series.is_empty() || self.series.iter().any(|s| s == id)
    }
}

/// The words for a change across a break: the figures are not comparable.
pub fn not_comparable(style: Style) -> &'static str {
    match style {
        Style::Chinese => "口径调整，不可比",
        Style::English => "not comparable: definition changed",
    }
}

/// The legend's words for a break mark.
pub fn break_label(style: Style) -> &'static str {
    match style {
        Style::Chinese => "统计口径调整，与此前数据不可比",
        Style::English => "break in series: the definition changed, not comparable with earlier figures",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_marks_differ() {
        for s in ALL {
            assert_eq!(Status::parse(s.name()), Some(s));
        }
        let mut marks: Vec<&str> = ALL.iter().map(|s| s.mark()).chain([BREAK_MARK]).collect();
        marks.sort();
        marks.dedup();
        assert_eq!(marks.len(), ALL.len() + 1);
        assert_eq!(Status::parse("lower bound"), None);
    }

    #[test]
    fn prose_says_what_matters() {
        assert_eq!(Status::LowerBound.in_prose("84万件", Style::Chinese), "超过84万件");
        assert_eq!(Status::LowerBound.in_prose("840,000 trademarks", Style::English), "more than 840,000 trademarks");
        assert_eq!(Status::Estimated.in_prose("106万件", Style::Chinese), "约106万件");
        assert_eq!(Status::PartPeriod.in_prose("20.1件/万人", Style::Chinese), "20.1件/万人（非全期数据）");
        assert_eq!(Status::Derived.in_prose("1,320 cases", Style::English), "1,320 cases (derived)");
    }
}
