//! What every chart has around its data: sizes, the title, the legend, the unit caption, and
//! the "no data" chart.
//!
//! Layout is computed first, as plain numbers (so the SVG's height is known before drawing),
//! and drawn afterwards. Sizes are in viewBox units on a 640-unit-wide canvas; text is 17 units
//! (8.5 px when the chart is shown 320 px wide on a phone, 9.5 px at 360 px), titles 21.

use crate::numfmt::{self, Style, UnitKind};

use super::Prepared;
use super::canvas::{Align, Canvas, TextSpec};
use super::palette;
use super::text::{room, wrap};

/// viewBox width of every chart.
pub(super) const WIDTH: f64 = 640.0;
/// Usual viewBox height of a vertical chart.
pub(super) const HEIGHT: f64 = 360.0;
/// Margin around the drawing.
pub(super) const PAD: f64 = 16.0;
/// Size of labels, ticks, legend and captions.
pub(super) const TEXT: f64 = 17.0;
/// Height of one line of labels.
pub(super) const LINE: f64 = 21.0;
/// Size of the title.
const TITLE: f64 = 21.0;
/// Height of one line of the title.
const TITLE_LINE: f64 = 27.0;
/// Most lines a title may take.
const TITLE_LINES: usize = 3;
/// Height of one row of the legend.
const LEGEND_ROW: f64 = 25.0;
/// Space between legend items.
const LEGEND_GAP: f64 = 18.0;
/// Width of a legend swatch for bars (a square) and for lines (a short line with its marker).
const BLOCK_SWATCH: f64 = 13.0;
const LINE_SWATCH: f64 = 24.0;

/// Text style of ordinary labels, anchored as given.
pub(super) fn label(align: Align, middle: bool) -> TextSpec {
    TextSpec { size: TEXT, bold: false, color: palette::LABEL, align, middle }
}

/// How the legend shows a series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Swatch {
    /// A coloured square (bars).
    Block,
    /// A coloured line with the series' marker (lines).
    Line,
}

/// One legend entry, positioned.
#[derive(Debug)]
struct LegendItem {
    /// Left edge of the swatch.
    x: f64,
    /// Vertical middle of the row.
    y: f64,
    /// The series label, shortened to fit a row.
    label: String,
    /// Index of the series (colour, marker).
    series: usize,
}

/// The laid-out title, legend and unit caption.
#[derive(Debug)]
pub(super) struct Header {
    title: Vec<String>,
    legend: Vec<LegendItem>,
    swatch: Swatch,
    unit: Option<(String, f64)>,
    /// Where the content below the header may start.
    pub(super) bottom: f64,
}

/// The unit of a chart's numbers as a caption: "单位：件", "patents"; none for percentages
/// (their ticks carry "%") or units without a label.
pub(super) fn unit_caption(p: &Prepared) -> Option<String> {
    if p.unit.kind == UnitKind::Percent {
        return None;
    }
    // numfmt decides how a unit is named (currency codes become 元 / yuan): take its name from
    // a formatted 1 rather than duplicating that rule here.
    let one = numfmt::value(Some(1.0), &p.unit, p.style);
    let name = one.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',').trim();
    if name.is_empty() {
        return None;
    }
    Some(match p.style {
        Style::Chinese => format!("单位：{name}"),
        Style::English => capitalised(name),
    })
}

/// "patents" -> "Patents": the caption starts a line of its own.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Lays out the header: title (wrapped), legend (only for several series), unit caption.
pub(super) fn header(p: &Prepared, swatch: Swatch, with_unit: bool) -> Header {
    let inner = WIDTH - 2.0 * PAD;
    let mut y = PAD;
    let title = if p.title.trim().is_empty() { Vec::new() } else { wrap(&p.title, TITLE, true, inner, TITLE_LINES) };
    if !title.is_empty() {
        y += title.len() as f64 * TITLE_LINE + 6.0;
    }
    let legend = if p.series.len() > 1 { legend(p, swatch, y) } else { Vec::new() };
    if let Some(last) = legend.last() {
        y = last.y + LEGEND_ROW / 2.0 + 6.0;
    }
    let unit = unit_caption(p).filter(|_| with_unit).map(|text| {
        let at = y;
        y += LINE + 4.0;
        (wrap(&text, TEXT, false, inner, 1).concat(), at)
    });
    Header { title, legend, swatch, unit, bottom: y }
}

/// Legend items flowing left to right in rows, starting at `top`.
fn legend(p: &Prepared, swatch: Swatch, top: f64) -> Vec<LegendItem> {
    let sw = match swatch {
        Swatch::Block => BLOCK_SWATCH,
        Swatch::Line => LINE_SWATCH,
    };
    let max_label = WIDTH - 2.0 * PAD - sw - 6.0;
    let (mut x, mut row) = (PAD, 0.0);
    let mut items = Vec::with_capacity(p.series.len());
    for (i, s) in p.series.iter().enumerate() {
        let label = wrap(&s.label, TEXT, false, max_label, 1).concat();
        let w = sw + 6.0 + room(&label, TEXT, false);
        if x > PAD && x + w > WIDTH - PAD {
            x = PAD;
            row += 1.0;
        }
        items.push(LegendItem { x, y: top + row * LEGEND_ROW + LEGEND_ROW / 2.0, label, series: i });
        x += w + LEGEND_GAP;
    }
    items
}

/// Draws the header.
pub(super) fn draw_header(c: &mut Canvas, h: &Header) {
    let title = TextSpec { size: TITLE, bold: true, color: palette::TITLE, align: Align::Start, middle: false };
    for (i, line) in h.title.iter().enumerate() {
        c.text(line, (PAD, PAD + i as f64 * TITLE_LINE), title);
    }
    for item in &h.legend {
        let color = palette::color(item.series);
        let label_x = match h.swatch {
            Swatch::Block => {
                let half = BLOCK_SWATCH / 2.0;
                c.rect((item.x, item.y - half), (item.x + BLOCK_SWATCH, item.y + half), color);
                item.x + BLOCK_SWATCH + 6.0
            }
            Swatch::Line => {
                c.polyline(&[(item.x, item.y), (item.x + LINE_SWATCH, item.y)], color, 3);
                c.marker(palette::marker(item.series), (item.x + LINE_SWATCH / 2.0, item.y), 4.0, color);
                item.x + LINE_SWATCH + 6.0
            }
        };
        c.text(&item.label, (label_x, item.y), label(Align::Start, true));
    }
    if let Some((unit, y)) = &h.unit {
        let spec = TextSpec { color: palette::MUTED, ..label(Align::Start, false) };
        c.text(unit, (PAD, *y), spec);
    }
}

/// The chart for no data at all: the title and "无数据" / "No data". Returns the viewBox size
/// and whether drawing succeeded.
pub(super) fn draw_no_data(p: &Prepared, buf: &mut String) -> (u32, u32, bool) {
    let h = header(p, Swatch::Block, false);
    let height = (h.bottom + 120.0).round();
    let mut c = Canvas::new(buf, WIDTH as u32, height as u32);
    draw_header(&mut c, &h);
    let message = match p.style {
        Style::Chinese => "无数据",
        Style::English => "No data",
    };
    let spec = TextSpec { color: palette::MUTED, ..label(Align::Middle, true) };
    c.text(message, (WIDTH / 2.0, h.bottom + 60.0), spec);
    (WIDTH as u32, height as u32, c.finish())
}
