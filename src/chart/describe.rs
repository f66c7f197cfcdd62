//! The plain-language summary of a chart (its `<desc>`), in the chart's language.
//!
//! Generated from the same numbers the chart draws, formatted by `numfmt::value`, so that a
//! screen-reader user hears what a sighted reader sees. First the takeaway, one sentence per
//! series: for periods, the newest value and its change on the period before ("2021年专利授权
//! 总量15.5万件，同比增长40.9%。"); for categories, the largest and the smallest. Then the kind
//! of chart, the range of categories, and each series' values (or, for long series, its highest
//! and lowest values). The title is not repeated: it is the chart's name, read before this.
//! Returns plain text; escaping is the SVG writer's job.

use crate::numfmt::{self, Style, Unit};

use super::{ChartKind, Prepared};

/// Series with more values than this are summarised by their extremes instead of listed.
const LIST_LIMIT: usize = 12;

/// Whether a category label is a year ("2021"), which Chinese writes as "2021年".
fn is_year(label: &str) -> bool {
    label.len() == 4 && label.bytes().all(|b| b.is_ascii_digit())
}

/// A category as it reads in running text.
fn category(label: &str, style: Style) -> String {
    match style {
        Style::Chinese if is_year(label) => format!("{label}年"),
        _ => label.to_string(),
    }
}

/// "柱状图" / "Bar chart".
fn kind_name(kind: ChartKind, style: Style) -> &'static str {
    match (kind, style) {
        (ChartKind::Bar, Style::Chinese) => "柱状图",
        (ChartKind::GroupedBar, Style::Chinese) => "分组柱状图",
        (ChartKind::StackedBar, Style::Chinese) => "堆积柱状图",
        (ChartKind::Line, Style::Chinese) => "折线图",
        (ChartKind::HorizontalBar, Style::Chinese) => "条形图",
        (ChartKind::Bar, Style::English) => "Bar chart",
        (ChartKind::GroupedBar, Style::English) => "Grouped bar chart",
        (ChartKind::StackedBar, Style::English) => "Stacked bar chart",
        (ChartKind::Line, Style::English) => "Line chart",
        (ChartKind::HorizontalBar, Style::English) => "Horizontal bar chart",
    }
}

/// "柱状图，2017年至2021年。" / "Bar chart, 6 categories."
fn opening(p: &Prepared) -> String {
    let name = kind_name(p.kind, p.style);
    let cats = &p.categories;
    let (first, last) = match (cats.first(), cats.last()) {
        (Some(first), Some(last)) => (first, last),
        _ => {
            return match p.style {
                Style::Chinese => format!("{name}，无数据。"),
                Style::English => format!("{name}, no data."),
            };
        }
    };
    let years = cats.iter().all(|c| is_year(c));
    match (p.style, years, cats.len()) {
        (Style::Chinese, true, 1) => format!("{name}，{}。", category(first, p.style)),
        (Style::Chinese, true, _) => {
            format!("{name}，{}至{}。", category(first, p.style), category(last, p.style))
        }
        (Style::Chinese, false, n) => format!("{name}，共{n}项。"),
        (Style::English, true, 1) => format!("{name}, {first}."),
        (Style::English, true, _) => format!("{name}, {first} to {last}."),
        (Style::English, false, 1) => format!("{name}, 1 category."),
        (Style::English, false, n) => format!("{name}, {n} categories."),
    }
}

/// One value with its category: "2017年4.6万件" / "2017: 46,000 patents".
fn item(cat: &str, v: Option<f64>, unit: &Unit, style: Style) -> String {
    let cat = category(cat, style);
    match (style, v) {
        (Style::Chinese, Some(_)) => format!("{cat}{}", numfmt::value(v, unit, style)),
        (Style::Chinese, None) => format!("{cat}无数据"),
        (Style::English, Some(_)) => format!("{cat}: {}", numfmt::value(v, unit, style)),
        (Style::English, None) => format!("{cat}: no data"),
    }
}

/// The sentence about one series.
fn series_sentence(p: &Prepared, label: &str, values: &[Option<f64>]) -> String {
    let (sep, colon, end) = match p.style {
        Style::Chinese => ("，", "：", "。"),
        Style::English => ("; ", " — ", "."),
    };
    let pairs = p.categories.iter().zip(values.iter().copied());
    let body = if values.len() <= LIST_LIMIT {
        pairs.map(|(c, v)| item(c, v, &p.unit, p.style)).collect::<Vec<_>>().join(sep)
    } else {
        extremes(p, pairs.collect())
    };
    if label.trim().is_empty() { format!("{body}{end}") } else { format!("{label}{colon}{body}{end}") }
}

/// "最高为2021年15.5万件，最低为…" / "highest 2021: 155,000 patents; lowest …".
fn extremes(p: &Prepared, pairs: Vec<(&String, Option<f64>)>) -> String {
    let present: Vec<(&String, f64)> = pairs.iter().filter_map(|(c, v)| v.map(|v| (*c, v))).collect();
    let missing = pairs.len() - present.len();
    let highest = present.iter().copied().reduce(|a, b| if b.1 > a.1 { b } else { a });
    let lowest = present.iter().copied().reduce(|a, b| if b.1 < a.1 { b } else { a });
    let mut parts = Vec::new();
    if let (Some((hc, hv)), Some((lc, lv))) = (highest, lowest) {
        let (h, l) = (item(hc, Some(hv), &p.unit, p.style), item(lc, Some(lv), &p.unit, p.style));
        parts.push(match p.style {
            Style::Chinese => format!("最高为{h}，最低为{l}"),
            Style::English => format!("highest {h}; lowest {l}"),
        });
    }
    if missing > 0 {
        parts.push(match p.style {
            Style::Chinese => format!("{missing}项无数据"),
            Style::English => format!("{missing} values missing"),
        });
    }
    if parts.is_empty() {
        parts.push(match p.style {
            Style::Chinese => "无数据".to_string(),
            Style::English => "no data".to_string(),
        });
    }
    parts.join(match p.style {
        Style::Chinese => "，",
        Style::English => "; ",
    })
}

/// Whether the categories are periods ("2021", "2021Q1", "2021-06"), which have an order and a
/// newest one, rather than names ("武汉").
fn are_periods(categories: &[String]) -> bool {
    !categories.is_empty() && categories.iter().all(|c| c.starts_with(|ch: char| ch.is_ascii_digit()))
}

/// "2021年专利授权总量15.5万件，同比增长40.9%。" / "Patents granted: 155,000 patents in 2021, up
/// 40.9% year on year." — the newest value of a series over periods and its change on the
/// period before it (when that period has a value).
fn newest(p: &Prepared, label: &str, values: &[Option<f64>]) -> Option<String> {
    let (i, v) = values.iter().enumerate().rev().find_map(|(i, v)| v.map(|v| (i, v)))?;
    let cat = p.categories.get(i)?;
    let value = numfmt::value(Some(v), &p.unit, p.style);
    let previous = i.checked_sub(1).and_then(|k| values.get(k).copied().flatten());
    let period = if is_year(cat) { numfmt::Period::Year } else { numfmt::Period::Other };
    let change = previous.map(|prev| numfmt::change(Some(v), Some(prev), &p.unit, period, p.style));
    let change = change.filter(|c| c != numfmt::MISSING);
    Some(match p.style {
        Style::Chinese => {
            let change = change.map(|c| format!("，{c}")).unwrap_or_default();
            format!("{}{label}为{value}{change}。", category(cat, p.style))
        }
        Style::English => {
            let change = change.map(|c| format!(", {c}")).unwrap_or_default();
            let label = if label.trim().is_empty() { String::new() } else { format!("{label}: ") };
            format!("{label}{value} in {cat}{change}.")
        }
    })
}

/// "专利授权总量最多的是武汉，为412件；最少的是神农架，为3件。" / "Cases: largest Wuhan, 412;
/// smallest Shennongjia, 3." — the extremes of a series over categories.
fn largest(p: &Prepared, label: &str, values: &[Option<f64>]) -> Option<String> {
    let present: Vec<(&String, f64)> = p.categories.iter().zip(values).filter_map(|(c, v)| v.map(|v| (c, v))).collect();
    let (hc, hv) = present.iter().copied().reduce(|a, b| if b.1 > a.1 { b } else { a })?;
    let (lc, lv) = present.iter().copied().reduce(|a, b| if b.1 < a.1 { b } else { a })?;
    let (high, low) = (numfmt::value(Some(hv), &p.unit, p.style), numfmt::value(Some(lv), &p.unit, p.style));
    let one = present.len() == 1;
    Some(match p.style {
        Style::Chinese if one => format!("{label}仅{hc}有数据，为{high}。"),
        Style::Chinese => format!("{label}最多的是{hc}，为{high}；最少的是{lc}，为{low}。"),
        Style::English => {
            let label = if label.trim().is_empty() { String::new() } else { format!("{label}: ") };
            if one {
                format!("{label}only {hc} has a value, {high}.")
            } else {
                format!("{label}largest {hc}, {high}; smallest {lc}, {low}.")
            }
        }
    })
}

/// The takeaway sentences, one per series with data.
fn takeaway(p: &Prepared) -> String {
    let periods = are_periods(&p.categories);
    let sentences: Vec<String> = p
        .series
        .iter()
        .filter_map(|s| if periods { newest(p, &s.label, &s.values) } else { largest(p, &s.label, &s.values) })
        .collect();
    sentences.join(if p.style == Style::English { " " } else { "" })
}

/// The whole summary: the takeaway, then the numbers.
pub(super) fn describe(p: &Prepared) -> String {
    let lead = takeaway(p);
    let mut out = if lead.is_empty() {
        opening(p)
    } else {
        format!("{lead}{}{}", if p.style == Style::English { " " } else { "" }, opening(p))
    };
    if p.categories.is_empty() {
        return out;
    }
    for s in &p.series {
        if !out.is_empty() && p.style == Style::English {
            out.push(' ');
        }
        out.push_str(&series_sentence(p, &s.label, &s.values));
    }
    if p.kind == ChartKind::StackedBar && p.series.iter().flat_map(|s| &s.values).any(|v| v.is_some_and(|v| v < 0.0)) {
        out.push_str(match p.style {
            Style::Chinese => "负值未计入堆积。",
            Style::English => " Negative values are not stacked.",
        });
    }
    out
}
