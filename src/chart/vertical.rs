//! Charts with categories along the x axis: bar, grouped bar, stacked bar and line.
//!
//! A value axis on the left with round ticks, all in one magnitude (`numfmt::axis_ticks`), and
//! a light grid; bars start at zero; categories are labelled below, on two lines or thinned out
//! when they do not fit. Missing values are never zeros: no bar, a break in the line, and the
//! missing-value mark of `frame::draw_missing` where the bar or point would be.

use crate::numfmt;

use super::canvas::{Align, Canvas};
use super::frame::{self, HEIGHT, Key, LINE, PAD, Swatch, TEXT, WIDTH};
use super::palette;
use super::scale::Axis;
use super::text::{room, wrap, wrap_whole};
use super::{ChartKind, Prepared};

/// Smallest height of the plot area; the chart grows taller rather than squeeze it.
const MIN_PLOT: f64 = 150.0;
/// Space between the plot and tick or category labels.
const LABEL_GAP: f64 = 8.0;
/// Widest a single bar, or a group of bars per series, may be.
const MAX_BAR: f64 = 56.0;
/// Thickness of lines.
const LINE_WIDTH: u32 = 3;
/// Radius of line markers.
const MARKER: f64 = 3.5;
/// Category slots narrower than this get markers only where a point stands alone or ends a series.
const MARKER_SLOT: f64 = 14.0;
/// Thinning steps for category labels: every 1st, 2nd, 5th, 10th, … label.
const THIN_STEPS: [usize; 9] = [1, 2, 5, 10, 20, 50, 100, 200, 500];

/// How category labels are written under the axis.
#[derive(Debug)]
struct CategoryLabels {
    /// The lines of each category's label; empty where the label is left out.
    lines: Vec<Vec<String>>,
    /// Number of lines of the tallest label.
    rows: usize,
}

/// The laid-out plot area.
#[derive(Debug)]
struct Plot {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    axis: Axis,
    tick_labels: Vec<String>,
    categories: CategoryLabels,
    height: f64,
}

impl Plot {
    fn y(&self, v: f64) -> f64 {
        self.axis.map(v, self.bottom, self.top)
    }

    fn slot(&self, n: usize) -> f64 {
        (self.right - self.left) / n.max(1) as f64
    }

    fn center(&self, i: usize, n: usize) -> f64 {
        self.left + (i as f64 + 0.5) * self.slot(n)
    }
}

/// The range of values the value axis must show.
fn value_range(p: &Prepared) -> (f64, f64) {
    let values = || p.series.iter().flat_map(|s| s.values.iter().flatten().copied());
    let min = values().fold(f64::INFINITY, f64::min);
    let max = values().fold(f64::NEG_INFINITY, f64::max);
    if min > max {
        return (0.0, 1.0);
    }
    match p.kind {
        ChartKind::StackedBar => {
            // Negative values are left out of stacks (see the module docs of `chart`).
            let top = (0..p.categories.len())
                .map(|i| {
                    p.series.iter().filter_map(|s| s.values.get(i).copied().flatten()).filter(|v| *v > 0.0).sum::<f64>()
                })
                .fold(0.0, f64::max);
            (0.0, top)
        }
        // Lines start at zero when the data are not far from it, like bars; otherwise the axis
        // fits the data so that changes stay visible.
        ChartKind::Line if min > 0.0 && min > max / 2.0 => (min, max),
        ChartKind::Line if max < 0.0 && max < min / 2.0 => (min, max),
        _ => (min.min(0.0), max.max(0.0)),
    }
}

/// Whether category labels name ordered periods ("2021", "2021Q1", "2021-06"), whose left-out
/// labels a reader can infer, rather than names ("武汉"), which must all be shown.
fn are_periods(categories: &[String]) -> bool {
    categories.iter().all(|c| c.starts_with(|ch: char| ch.is_ascii_digit()))
}

/// Category labels: on one line if they fit their slots, else on two lines. Periods that still
/// do not fit are thinned to every k-th label (counting back from the last, so the latest period
/// is always labelled); names are shortened with "…" instead, never cut inside a word, unless
/// the slots are too narrow for even a character or two.
fn category_labels(categories: &[String], slot: f64) -> CategoryLabels {
    let n = categories.len();
    let widest = categories.iter().map(|c| room(c, TEXT, false)).fold(0.0, f64::max);
    if widest + LABEL_GAP <= slot {
        let lines = categories.iter().map(|c| vec![c.clone()]).collect();
        return CategoryLabels { lines, rows: 1 };
    }
    // Wrapping is only tried where a slot can hold a word (thousands of categories cannot).
    let two: Option<Vec<Vec<String>>> = (slot >= 2.0 * TEXT)
        .then(|| categories.iter().map(|c| wrap_whole(c, TEXT, false, slot - LABEL_GAP, 2)).collect())
        .flatten();
    if let Some(lines) = two {
        let rows = lines.iter().map(Vec::len).max().unwrap_or(1);
        return CategoryLabels { lines, rows };
    }
    if !are_periods(categories) && slot >= 2.5 * TEXT {
        let lines: Vec<Vec<String>> = categories
            .iter()
            .map(|c| {
                // Two whole lines where possible; else one shortened line (no word cut in two).
                // Shortened names may use most of the gap: the margin in `room` keeps them apart.
                let width = slot - LABEL_GAP / 4.0;
                wrap_whole(c, TEXT, false, width, 2).unwrap_or_else(|| wrap(c, TEXT, false, width, 1))
            })
            .collect();
        let rows = lines.iter().map(Vec::len).max().unwrap_or(1);
        return CategoryLabels { lines, rows };
    }
    let every = THIN_STEPS.iter().copied().find(|k| widest + LABEL_GAP <= slot * *k as f64).unwrap_or(n.max(1));
    let room_each = slot * every as f64 - LABEL_GAP;
    let lines = categories
        .iter()
        .enumerate()
        .map(|(i, c)| if (n - 1 - i).is_multiple_of(every) { wrap(c, TEXT, false, room_each, 1) } else { Vec::new() })
        .collect();
    CategoryLabels { lines, rows: 1 }
}

/// Lays out the plot area below a header ending at `header_bottom`.
fn layout(p: &Prepared, header_bottom: f64) -> Plot {
    let (lo, hi) = value_range(p);
    let axis = Axis::nice(lo, hi, p.unit.kind == numfmt::UnitKind::Count);
    let tick_labels = numfmt::axis_ticks(&axis.ticks, axis.step, &p.unit, p.style);
    let widest_tick = tick_labels.iter().map(|t| room(t, TEXT, false)).fold(0.0, f64::max);
    let left = (PAD + widest_tick + LABEL_GAP).min(WIDTH / 3.0);
    let right = WIDTH - PAD;
    let slot = (right - left) / p.categories.len().max(1) as f64;
    let categories = category_labels(&p.categories, slot);
    let marks = if p.kind == ChartKind::Line { line_marks_height(p, slot) } else { 0.0 };
    let footer = LABEL_GAP + categories.rows as f64 * LINE + marks + PAD / 2.0;
    // Half a label above the top tick, so its label is not cut.
    let top = header_bottom + TEXT / 2.0 + 2.0;
    let height = HEIGHT.max(top + MIN_PLOT + footer).round();
    // Room above the plot for missing-value marks standing on the highest stacks, if needed
    // (the plot keeps its height, so the stacks' heights do not change).
    let headroom = if p.kind == ChartKind::StackedBar {
        stack_marks_overflow(p, &axis, height - footer - top, slot).ceil()
    } else {
        0.0
    };
    let (top, height) = (top + headroom, height + headroom);
    Plot { left, right, top, bottom: height - footer, axis, tick_labels, categories, height }
}

/// How far the missing-value marks on top of partly missing stacks would rise above a plot
/// `plot_height` high: 0 when they fit under its top.
fn stack_marks_overflow(p: &Prepared, axis: &Axis, plot_height: f64, slot: f64) -> f64 {
    let room = slot - LABEL_GAP / 2.0;
    let span = axis.hi - axis.lo;
    (0..p.categories.len())
        .filter_map(|i| match missing_at(p, i) {
            (missing, false) if !missing.is_empty() => {
                let marks: f64 =
                    missing.iter().map(|&j| frame::missing_size(p.style, room, Some(Key::Block(j))).1).sum();
                let stack: f64 = (0..p.series.len()).filter_map(|j| value_at(p, j, i)).filter(|v| *v > 0.0).sum();
                let gap = if span > 0.0 { (axis.hi - stack) / span * plot_height } else { 0.0 };
                Some(marks - gap)
            }
            _ => None,
        })
        .fold(0.0, f64::max)
}

/// Value at which the axis line is drawn: zero for bars, the bottom of the axis for lines.
fn baseline(plot: &Plot, kind: ChartKind) -> f64 {
    if kind == ChartKind::Line { plot.axis.lo } else { 0.0 }
}

/// Grid lines with their tick labels (the zero line darker); the baseline itself is drawn
/// later, over the data.
fn draw_grid(c: &mut Canvas, plot: &Plot, kind: ChartKind) {
    let base = baseline(plot, kind);
    for (v, label) in plot.axis.ticks.iter().zip(&plot.tick_labels) {
        let y = plot.y(*v);
        if *v != base {
            let color = if *v == 0.0 { palette::AXIS } else { palette::GRID };
            c.hline(plot.left, plot.right, y, color);
        }
        c.text(label, (plot.left - LABEL_GAP, y), frame::label(Align::End, true));
    }
}

/// The axis line, drawn over the data.
fn draw_baseline(c: &mut Canvas, plot: &Plot, kind: ChartKind) {
    c.hline(plot.left, plot.right, plot.y(baseline(plot, kind)), palette::AXIS);
}

/// Category labels under the plot.
fn draw_categories(c: &mut Canvas, plot: &Plot, ticks: bool) {
    let n = plot.categories.lines.len();
    for (i, lines) in plot.categories.lines.iter().enumerate() {
        let x = plot.center(i, n);
        if ticks && !lines.is_empty() {
            c.vline(x, plot.bottom, plot.bottom + 5.0, palette::AXIS);
        }
        for (row, line) in lines.iter().enumerate() {
            let y = plot.bottom + LABEL_GAP + row as f64 * LINE;
            // Labels of the outer categories may overhang the plot, never the chart.
            let half = room(line, TEXT, false) / 2.0;
            let x = x.min(WIDTH - PAD / 2.0 - half).max(PAD / 2.0 + half);
            c.text(line, (x, y), frame::label(Align::Middle, false));
        }
    }
}

/// The value of series `j` at category `i`, if present.
fn value_at(p: &Prepared, j: usize, i: usize) -> Option<f64> {
    p.series.get(j).and_then(|s| s.values.get(i).copied().flatten())
}

/// The series that have some data but none at category `i` (series without any value say so in
/// the legend instead), and whether every series with data is missing there.
fn missing_at(p: &Prepared, i: usize) -> (Vec<usize>, bool) {
    let with_data: Vec<usize> = (0..p.series.len()).filter(|&j| frame::has_data(&p.series[j].values)).collect();
    let missing: Vec<usize> = with_data.iter().copied().filter(|&j| value_at(p, j, i).is_none()).collect();
    let all = !missing.is_empty() && missing.len() == with_data.len();
    (missing, all)
}

/// Where a missing-value mark stands: on the line at `y`, or hanging below it when the line is
/// at the top of the plot (all values negative).
fn mark_bottom(plot: &Plot, y: f64) -> f64 {
    if y - plot.top >= LINE + frame::MISSING_LIFT { y } else { y + LINE + 2.0 * frame::MISSING_LIFT }
}

/// Side-by-side bars, one per series, in each category (a single series is a plain bar chart).
/// A missing bar is marked where it would stand; a category missing altogether gets one mark.
fn draw_grouped(c: &mut Canvas, plot: &Plot, p: &Prepared) {
    let (n, m) = (p.categories.len(), p.series.len().max(1));
    let share = if m == 1 { 0.6 } else { 0.8 };
    let group = (plot.slot(n) * share).min(MAX_BAR * m as f64);
    let bar = group / m as f64;
    let gap = if bar >= 6.0 { 1.0 } else { 0.0 };
    let zero = plot.y(0.0);
    for (j, s) in p.series.iter().enumerate() {
        for (i, v) in s.values.iter().enumerate() {
            if let Some(v) = v {
                let x = plot.center(i, n) - group / 2.0 + j as f64 * bar;
                if s.hollow.get(i).copied().unwrap_or(false) {
                    c.outlined_rect((x + gap, zero), (x + bar - gap, plot.y(*v)), palette::color(j));
                } else {
                    c.rect((x + gap, zero), (x + bar - gap, plot.y(*v)), palette::color(j));
                }
            }
        }
    }
    let bottom = mark_bottom(plot, zero);
    for i in 0..n {
        match missing_at(p, i) {
            (_, true) => {
                frame::draw_missing(c, p.style, (plot.center(i, n), bottom), plot.slot(n) - LABEL_GAP / 2.0, None);
            }
            (missing, false) => {
                for j in missing {
                    let x = plot.center(i, n) - group / 2.0 + (j as f64 + 0.5) * bar;
                    frame::draw_missing(c, p.style, (x, bottom), bar, None);
                }
            }
        }
    }
}

/// Stacked bars: positive values stacked in series order from zero; negative values are left out.
/// A category missing altogether gets the missing-value mark on the baseline; a stack missing
/// some of its series gets one mark per missing series, with the series' key, on top.
fn draw_stacked(c: &mut Canvas, plot: &Plot, p: &Prepared) {
    let n = p.categories.len();
    let bar = (plot.slot(n) * 0.6).min(MAX_BAR);
    let room = plot.slot(n) - LABEL_GAP / 2.0;
    for i in 0..n {
        let x = plot.center(i, n) - bar / 2.0;
        let mut base = 0.0;
        for (j, s) in p.series.iter().enumerate() {
            let Some(v) = s.values.get(i).copied().flatten().filter(|v| *v > 0.0) else {
                continue;
            };
            if s.hollow.get(i).copied().unwrap_or(false) {
                c.outlined_rect((x, plot.y(base)), (x + bar, plot.y(base + v)), palette::color(j));
            } else {
                c.rect((x, plot.y(base)), (x + bar, plot.y(base + v)), palette::color(j));
            }
            if base > 0.0 {
                // A hairline of background between segments.
                c.hline(x, x + bar, plot.y(base), palette::BACKGROUND);
            }
            base += v;
        }
        match missing_at(p, i) {
            (_, true) => {
                frame::draw_missing(c, p.style, (plot.center(i, n), mark_bottom(plot, plot.y(0.0))), room, None);
            }
            (missing, false) => {
                let mut bottom = plot.y(base);
                for j in missing {
                    bottom -= frame::draw_missing(c, p.style, (plot.center(i, n), bottom), room, Some(Key::Block(j)));
                }
            }
        }
    }
}

/// One line per series, broken at missing values, with markers. Missing values are marked under
/// the category's label (in the plot, a mark could pass for a point at the axis' lowest value):
/// where every series is missing, one mark; where only some are, one per missing series, keyed
/// by its marker.
fn draw_lines(c: &mut Canvas, plot: &Plot, p: &Prepared) {
    let n = p.categories.len();
    let every_point = plot.slot(n) >= MARKER_SLOT;
    for (j, s) in p.series.iter().enumerate() {
        let color = palette::color(j);
        let point = |i: usize, v: f64| (plot.center(i, n), plot.y(v));
        let mut markers = Vec::new();
        for run in runs(&s.values) {
            let points: Vec<(f64, f64)> = run.iter().map(|&(i, v)| point(i, v)).collect();
            if points.len() > 1 {
                c.polyline(&points, color, LINE_WIDTH);
            }
            if every_point {
                markers.extend(points);
            } else if let Some(last) = points.last() {
                markers.push(*last);
            }
        }
        for at in markers {
            c.marker(palette::marker(j), at, MARKER, color);
        }
        // Values with a status: open points, drawn whatever the slot width.
        for (i, v) in s.values.iter().enumerate() {
            if let (Some(v), true) = (v, s.hollow.get(i).copied().unwrap_or(false)) {
                c.hollow_marker(palette::marker(j), point(i, *v), MARKER + 1.0, color);
            }
        }
    }
    // Missing values: under the category labels, where no mark can be read as a point.
    let room = plot.slot(n) - LABEL_GAP / 2.0;
    let top = plot.bottom + LABEL_GAP + plot.categories.rows as f64 * LINE;
    for i in 0..n {
        let mut bottom = top;
        for key in line_mark_keys(p, i) {
            bottom += frame::missing_size(p.style, room, key).1;
            frame::draw_missing(c, p.style, (plot.center(i, n), bottom), room, key);
        }
    }
}

/// The missing-value marks of a line chart at category `i`: one without a key where every
/// series with data is missing, else one per missing series, keyed by its marker.
fn line_mark_keys(p: &Prepared, i: usize) -> Vec<Option<Key>> {
    match missing_at(p, i) {
        (_, true) => vec![None],
        (missing, false) => missing.into_iter().map(|j| Some(Key::Marker(j))).collect(),
    }
}

/// Height of the rows of missing-value marks under a line chart's category labels.
fn line_marks_height(p: &Prepared, slot: f64) -> f64 {
    let room = slot - LABEL_GAP / 2.0;
    (0..p.categories.len())
        .map(|i| line_mark_keys(p, i).into_iter().map(|k| frame::missing_size(p.style, room, k).1).sum::<f64>())
        .fold(0.0, f64::max)
}

/// A dashed line between the last category of the old scope and the first of the new, with a
/// short label at its top: 口径调整 / break.
fn draw_breaks(c: &mut Canvas, plot: &Plot, p: &Prepared) {
    let n = p.categories.len();
    for &i in &p.breaks {
        let x = (plot.center(i - 1, n) + plot.center(i, n)) / 2.0;
        c.dashed_vline(x, plot.top, plot.bottom, palette::AXIS);
        let word = match p.style {
            crate::numfmt::Style::Chinese => "口径调整",
            crate::numfmt::Style::English => "break",
        };
        let spec = super::canvas::TextSpec {
            size: super::frame::TEXT,
            bold: false,
            color: palette::MUTED,
            align: super::canvas::Align::Start,
            middle: false,
        };
        c.text(word, (x + 3.0, plot.top), spec);
    }
}

/// Runs of consecutive present values, as (index, value).
fn runs(values: &[Option<f64>]) -> Vec<Vec<(usize, f64)>> {
    let mut out: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut current = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => current.push((i, *v)),
            None if !current.is_empty() => out.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Draws a vertical chart into `buf`; returns the viewBox size and whether drawing succeeded.
pub(super) fn draw(p: &Prepared, buf: &mut String) -> (u32, u32, bool) {
    let line = p.kind == ChartKind::Line;
    let header = frame::header(p, if line { Swatch::Line } else { Swatch::Block }, true);
    let plot = layout(p, header.bottom);
    let mut c = Canvas::new(buf, WIDTH as u32, plot.height as u32);
    frame::draw_header(&mut c, &header);
    draw_grid(&mut c, &plot, p.kind);
    match p.kind {
        ChartKind::Line => {
            draw_baseline(&mut c, &plot, p.kind);
            draw_lines(&mut c, &plot, p);
        }
        ChartKind::StackedBar => {
            draw_stacked(&mut c, &plot, p);
            draw_baseline(&mut c, &plot, p.kind);
        }
        _ => {
            draw_grouped(&mut c, &plot, p);
            draw_baseline(&mut c, &plot, p.kind);
        }
    }
    draw_breaks(&mut c, &plot, p);
    draw_categories(&mut c, &plot, line);
    (WIDTH as u32, plot.height as u32, c.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_at_gaps() {
        let v = [Some(1.0), None, Some(2.0), Some(3.0), None, None, Some(4.0)];
        let r = runs(&v);
        assert_eq!(r, vec![vec![(0, 1.0)], vec![(2, 2.0), (3, 3.0)], vec![(6, 4.0)]]);
        assert!(runs(&[None, None]).is_empty());
    }

    #[test]
    fn long_category_lists_are_thinned_from_the_last() {
        let years: Vec<String> = (1962..2022).map(|y| y.to_string()).collect();
        let labels = category_labels(&years, 9.0);
        let shown: Vec<usize> = (0..years.len()).filter(|i| !labels.lines[*i].is_empty()).collect();
        assert_eq!(shown.last(), Some(&59));
        assert!(shown.len() >= 6 && shown.len() <= 12, "{shown:?}");
    }

    #[test]
    fn names_are_shortened_not_left_out() {
        let names: Vec<String> =
            ["Wuhan", "Xiangyang", "Shennongjia Forestry District"].iter().map(|s| s.to_string()).collect();
        let labels = category_labels(&names, 70.0);
        assert!(labels.lines.iter().all(|l| !l.is_empty()));
        assert!(labels.lines[2].last().is_some_and(|l| l.ends_with('…')));
    }

    #[test]
    fn short_labels_stay_on_one_line() {
        let years: Vec<String> = (2017..2022).map(|y| y.to_string()).collect();
        let labels = category_labels(&years, 100.0);
        assert_eq!(labels.rows, 1);
        assert!(labels.lines.iter().all(|l| l.len() == 1));
    }
}
