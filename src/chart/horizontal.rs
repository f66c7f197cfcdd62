//! Horizontal bar charts: one row per category, names on the left, bars to the right.
//!
//! Category names (often Chinese) are measured to size the left column and wrapped to two lines
//! when long; each bar carries its value (`numfmt::table`) at its end, so there is no value axis.
//! The chart grows taller with the number of categories. Rows stay in the caller's order.

use crate::numfmt;

use super::Prepared;
use super::canvas::{Align, Canvas, TextSpec};
use super::frame::{self, LINE, PAD, Swatch, TEXT, WIDTH};
use super::palette;
use super::text::{room, wrap};

/// Widest the category column may be, as a share of the inner width.
const MAX_LABEL_SHARE: f64 = 0.4;
/// Narrowest the bars' area may be.
const MIN_PLOT: f64 = 120.0;
/// Thickness of a bar: alone in its row, or one of several series.
const BAR_SINGLE: f64 = 20.0;
const BAR_MULTI: f64 = 14.0;
/// Space between the bars of one row, and around each row.
const BAR_GAP: f64 = 2.0;
const ROW_PAD: f64 = 12.0;
/// Space between a bar's end and its value, and between the names and the bars.
const GAP: f64 = 6.0;

/// One laid-out row.
#[derive(Debug)]
struct Row {
    top: f64,
    height: f64,
    name: Vec<String>,
}

/// The laid-out chart below the header.
#[derive(Debug)]
struct Layout {
    label_right: f64,
    left: f64,
    right: f64,
    lo: f64,
    hi: f64,
    rows: Vec<Row>,
    values: Vec<Vec<String>>,
    height: f64,
}

impl Layout {
    fn x(&self, v: f64) -> f64 {
        let t = (v - self.lo) / (self.hi - self.lo);
        if t.is_finite() { self.left + t * (self.right - self.left) } else { self.left }
    }
}

/// The number written at a bar's end: the table form ("1,203"; the unit is in the caption),
/// except for percentages, which have no caption and keep their "%".
fn value_label(v: Option<f64>, p: &Prepared) -> String {
    if p.unit.kind == numfmt::UnitKind::Percent {
        numfmt::value(v, &p.unit, p.style)
    } else {
        numfmt::table(v, &p.unit, p.style)
    }
}

fn bar_thickness(series: usize) -> f64 {
    if series > 1 { BAR_MULTI } else { BAR_SINGLE }
}

fn layout(p: &Prepared, top: f64) -> Layout {
    let present = || p.series.iter().flat_map(|s| s.values.iter().flatten().copied());
    let lo = present().fold(0.0, f64::min);
    let mut hi = present().fold(0.0, f64::max);
    if hi <= lo {
        hi = lo + 1.0;
    }
    let values: Vec<Vec<String>> =
        p.series.iter().map(|s| s.values.iter().map(|v| value_label(*v, p)).collect()).collect();
    let value_room = values.iter().flatten().map(|v| room(v, TEXT, false)).fold(0.0, f64::max) + GAP;
    let inner = WIDTH - 2.0 * PAD;
    let negative_room = if lo < 0.0 { value_room } else { 0.0 };
    let widest_name = p.categories.iter().map(|c| room(c, TEXT, false)).fold(0.0, f64::max);
    let label_width = widest_name
        .min(inner * MAX_LABEL_SHARE)
        .min(inner - GAP - negative_room - value_room - MIN_PLOT)
        .max(2.0 * TEXT);
    let label_right = PAD + label_width;
    let left = label_right + GAP + negative_room;
    let right = (WIDTH - PAD - value_room).max(left + 1.0);
    let m = p.series.len().max(1) as f64;
    let bars = m * bar_thickness(p.series.len()) + (m - 1.0) * BAR_GAP + ROW_PAD;
    let mut y = top + 4.0;
    let rows = p
        .categories
        .iter()
        .map(|c| {
            let name = wrap(c, TEXT, false, label_width, 2);
            let height = bars.max(name.len() as f64 * LINE + 8.0);
            let row = Row { top: y, height, name };
            y += height;
            row
        })
        .collect();
    Layout { label_right, left, right, lo, hi, rows, values, height: (y + PAD).round() }
}

/// Draws one row: the name, one bar per series, the values at the bars' ends.
fn draw_row(c: &mut Canvas, l: &Layout, p: &Prepared, i: usize, row: &Row) {
    let mid = row.top + row.height / 2.0;
    let first = mid - (row.name.len() as f64 - 1.0) * LINE / 2.0;
    for (k, line) in row.name.iter().enumerate() {
        c.text(line, (l.label_right, first + k as f64 * LINE), frame::label(Align::End, true));
    }
    let m = p.series.len();
    let thick = bar_thickness(m);
    let block = m as f64 * thick + (m as f64 - 1.0) * BAR_GAP;
    let zero = l.x(0.0);
    for (j, s) in p.series.iter().enumerate() {
        let y0 = mid - block / 2.0 + j as f64 * (thick + BAR_GAP);
        let ym = y0 + thick / 2.0;
        let text = l.values.get(j).and_then(|v| v.get(i)).map_or(numfmt::MISSING, String::as_str);
        match s.values.get(i).copied().flatten() {
            Some(v) => {
                let end = l.x(v);
                c.rect((zero, y0), (end, y0 + thick), palette::color(j));
                let (x, align) = if v < 0.0 { (end - GAP, Align::End) } else { (end + GAP, Align::Start) };
                c.text(text, (x, ym), frame::label(align, true));
            }
            None => {
                let spec = TextSpec { color: palette::MUTED, ..frame::label(Align::Start, true) };
                c.text(text, (zero + GAP, ym), spec);
            }
        }
    }
}

/// Draws a horizontal bar chart into `buf`; returns the viewBox size and whether drawing
/// succeeded.
pub(super) fn draw(p: &Prepared, buf: &mut String) -> (u32, u32, bool) {
    let header = frame::header(p, Swatch::Block, true);
    let l = layout(p, header.bottom);
    let mut c = Canvas::new(buf, WIDTH as u32, l.height as u32);
    frame::draw_header(&mut c, &header);
    for (i, row) in l.rows.iter().enumerate() {
        draw_row(&mut c, &l, p, i, row);
    }
    if let (Some(first), Some(last)) = (l.rows.first(), l.rows.last()) {
        c.vline(l.x(0.0), first.top, last.top + last.height, palette::AXIS);
    }
    (WIDTH as u32, l.height as u32, c.finish())
}
