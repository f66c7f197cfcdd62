//! Horizontal bar charts: one row per category, names on the left, bars to the right.
//!
//! Category names (often Chinese) are measured to size the left column (up to 45% of the width)
//! and wrapped to up to three lines of even length when long; each bar carries its value at its
//! end, written as in prose but without the unit ("1631", "15.5万"; "1,631"), so there is no value
//! axis. The chart grows taller with the number of categories. Rows stay in the caller's order.

use crate::numfmt::{self, Style, Unit};

use super::Prepared;
use super::canvas::{Align, Canvas};
use super::frame::{self, LINE, PAD, Swatch, TEXT, WIDTH};
use super::palette;
use super::text::{room, width, wrap_balanced};

/// Widest the category column may be, as a share of the inner width.
const MAX_LABEL_SHARE: f64 = 0.5;
/// Most lines a category name may take before it is shortened.
const NAME_LINES: usize = 4;
/// Narrowest the bars' area may be.
const MIN_PLOT: f64 = 120.0;
/// Thickness of a bar: alone in its row, or one of several series.
const BAR_SINGLE: f64 = 20.0;
const BAR_MULTI: f64 = 16.0;
/// Space between the bars of one row, and around each row.
const BAR_GAP: f64 = 3.0;
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

/// The numbers written at the bars' ends (per series, per category), without the unit, which is
/// in the caption; percentages keep their "%". English writes them as its prose does ("1,631",
/// "155,000"). Chinese writes them without separators, like its prose ("1631"), and in one
/// magnitude for the whole chart, chosen from the largest value, as on a value axis: "1631, 360,
/// 83", or "1.95万, 0.98万, 0.03万" — never "9800" beside "1.03万".
fn value_labels(p: &Prepared) -> Vec<Vec<String>> {
    let bare = Unit { label: "", currency: None, ..p.unit };
    match p.style {
        Style::English => {
            p.series.iter().map(|s| s.values.iter().map(|v| numfmt::value(*v, &bare, p.style)).collect()).collect()
        }
        Style::Chinese => {
            let all: Vec<f64> = p.series.iter().flat_map(|s| s.values.iter().map(|v| v.unwrap_or(f64::NAN))).collect();
            // Without a step, numbers get the unit's decimals (default: up to two, trimmed).
            let mut labels = numfmt::axis_ticks(&all, f64::NAN, &bare, p.style).into_iter();
            p.series.iter().map(|s| s.values.iter().map_while(|_| labels.next()).collect()).collect()
        }
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
    let values = value_labels(p);
    let value_room = values.iter().flatten().map(|v| room(v, TEXT, false)).fold(0.0, f64::max) + GAP;
    let inner = WIDTH - 2.0 * PAD;
    let negative_room = if lo < 0.0 { value_room } else { 0.0 };
    let most = (inner * MAX_LABEL_SHARE).min(inner - GAP - negative_room - value_room - MIN_PLOT).max(2.0 * TEXT);
    // Names wrapped at the widest column allowed, lines evened out; the column is then as wide
    // as the widest line, leaving the rest to the bars.
    let names: Vec<Vec<String>> =
        p.categories.iter().map(|c| wrap_balanced(c, TEXT, false, most, NAME_LINES)).collect();
    let widest_line = names.iter().flatten().map(|l| room(l, TEXT, false)).fold(0.0, f64::max);
    let label_width = widest_line.min(most).max(2.0 * TEXT);
    let label_right = PAD + label_width;
    let left = label_right + GAP + negative_room;
    let right = (WIDTH - PAD - value_room).max(left + 1.0);
    let m = p.series.len().max(1) as f64;
    let bars = m * bar_thickness(p.series.len()) + (m - 1.0) * BAR_GAP + ROW_PAD;
    let mut y = top + 4.0;
    let rows = names
        .into_iter()
        .map(|name| {
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
    let (missing, all) = missing_at(p, i);
    if all {
        // One mark for a row missing altogether.
        draw_missing_mark(c, l, p, zero, mid);
        return;
    }
    for (j, s) in p.series.iter().enumerate() {
        let y0 = mid - block / 2.0 + j as f64 * (thick + BAR_GAP);
        let ym = y0 + thick / 2.0;
        let text = l.values.get(j).and_then(|v| v.get(i)).map_or(numfmt::MISSING, String::as_str);
        match s.values.get(i).copied().flatten() {
            Some(v) => {
                let end = l.x(v);
                if s.hollow.get(i).copied().unwrap_or(false) {
                    c.outlined_rect((zero, y0), (end, y0 + thick), palette::color(j));
                } else {
                    c.rect((zero, y0), (end, y0 + thick), palette::color(j));
                }
                let (x, align) = if v < 0.0 { (end - GAP, Align::End) } else { (end + GAP, Align::Start) };
                c.text(text, (x, ym), frame::label(align, true));
            }
            None if missing.contains(&j) => draw_missing_mark(c, l, p, zero, ym),
            None => {}
        }
    }
}

/// The series that have some data but none at row `i` (a series without any value says so in
/// the legend instead), and whether that is every series with data.
fn missing_at(p: &Prepared, i: usize) -> (Vec<usize>, bool) {
    let with_data: Vec<usize> = (0..p.series.len()).filter(|&j| frame::has_data(&p.series[j].values)).collect();
    let missing: Vec<usize> =
        with_data.iter().copied().filter(|&j| p.series[j].values.get(i).copied().flatten().is_none()).collect();
    let all = !missing.is_empty() && missing.len() == with_data.len();
    (missing, all)
}

/// The missing-value mark of vertical charts, where the bar would start: right of the zero line,
/// or left of it when the bars grow leftwards and there is no room on the right.
fn draw_missing_mark(c: &mut Canvas, l: &Layout, p: &Prepared, zero: f64, y: f64) {
    let word = width(frame::missing_word(p.style), TEXT);
    let right = WIDTH - PAD - zero - GAP;
    let (x, room) = if right >= room_of(p) || right >= zero - l.label_right - 2.0 * GAP {
        (zero + GAP + word.min(right) / 2.0, right)
    } else {
        (zero - GAP - word / 2.0, zero - l.label_right - 2.0 * GAP)
    };
    frame::draw_missing(c, p.style, (x, y + LINE / 2.0 + frame::MISSING_LIFT), room.max(0.0), None);
}

/// Room the missing-value word needs.
fn room_of(p: &Prepared) -> f64 {
    room(frame::missing_word(p.style), TEXT, false)
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
