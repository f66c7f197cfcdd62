//! What every chart has around its data: sizes, the title, the legend, the unit caption, the
//! mark of a missing value, and the "no data" chart.
//!
//! Layout is computed first, as plain numbers (so the SVG's height is known before drawing),
//! and drawn afterwards. Sizes are in viewBox units on a 400-unit-wide canvas, which pages show
//! from a phone's width (about 300 px on a 320 px screen) up to 28rem (448 px): text is 16 units,
//! so at least 12 px on a 320 px screen and 18 px at most; titles 18.

use crate::numfmt::{self, Style, UnitKind};

use super::Prepared;
use super::canvas::{Align, Canvas, TextSpec};
use super::palette;
use super::text::{self, room, wrap};

/// viewBox width of every chart.
pub(super) const WIDTH: f64 = 400.0;
/// Usual viewBox height of a vertical chart.
pub(super) const HEIGHT: f64 = 310.0;
/// Margin around the drawing.
pub(super) const PAD: f64 = 12.0;
/// Size of labels, ticks, legend and captions.
pub(super) const TEXT: f64 = 16.0;
/// Height of one line of labels.
pub(super) const LINE: f64 = 20.0;
/// Size of the title.
const TITLE: f64 = 18.0;
/// Height of one line of the title.
const TITLE_LINE: f64 = 24.0;
/// Most lines a title may take.
const TITLE_LINES: usize = 3;
/// Height of one row of the legend.
const LEGEND_ROW: f64 = 24.0;
/// Space between legend items.
const LEGEND_GAP: f64 = 16.0;
/// Width of a legend swatch for bars (a square) and for lines (a short line with its marker).
const BLOCK_SWATCH: f64 = 12.0;
const LINE_SWATCH: f64 = 22.0;
/// Size of the series key drawn before a missing-value mark, and the space after it.
const KEY: f64 = 9.0;
const KEY_GAP: f64 = 3.0;
/// Distance from a missing-value mark to the baseline it stands on.
pub(super) const MISSING_LIFT: f64 = 3.0;
/// Line pitch of a missing-value word written downwards, one character a line.
const STACKED_PITCH: f64 = TEXT + 1.0;

/// Text style of ordinary labels, anchored as given.
pub(super) fn label(align: Align, middle: bool) -> TextSpec {
    TextSpec { size: TEXT, bold: false, color: palette::LABEL, align, middle }
}

/// The word marking a missing value in the plot: "无数据" / "n/a".
pub(super) fn missing_word(style: Style) -> &'static str {
    match style {
        Style::Chinese => "无数据",
        Style::English => "n/a",
    }
}

/// Whether a series has at least one value. A series without any is said to have no data in
/// the legend, rather than marked missing at every category.
pub(super) fn has_data(values: &[Option<f64>]) -> bool {
    values.iter().any(Option::is_some)
}

/// Which series a missing-value mark is about, when its position does not say (several series
/// share the position of a stack or of a line's point): drawn before the word, as in the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Key {
    /// A small square in the series' colour.
    Block(usize),
    /// The series' marker.
    Marker(usize),
}

/// How a missing-value mark is written, from the widest to the narrowest form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MissingForm {
    /// "无数据" / "n/a" on one line.
    Word,
    /// "无 / 数 / 据", one character a line, for narrow Chinese bars.
    Stacked,
    /// "—".
    Dash,
    /// Nothing (the slot is too narrow even for a dash).
    Nothing,
}

fn missing_form(style: Style, width: f64, key: Option<Key>) -> MissingForm {
    let key_room = if key.is_some() { KEY + KEY_GAP } else { 0.0 };
    let word = missing_word(style);
    if key_room + room(word, TEXT, false) <= width {
        MissingForm::Word
    } else if key.is_none() && style == Style::Chinese && room("无", TEXT, false) <= width {
        MissingForm::Stacked
    } else if key_room + 0.6 * TEXT <= width {
        MissingForm::Dash
    } else {
        MissingForm::Nothing
    }
}

/// The width and height a missing-value mark takes when drawn by [`draw_missing`] with the same
/// arguments (the height includes the lift off the line it stands on).
pub(super) fn missing_size(style: Style, width: f64, key: Option<Key>) -> (f64, f64) {
    let key_room = if key.is_some() { KEY + KEY_GAP } else { 0.0 };
    match missing_form(style, width, key) {
        MissingForm::Nothing => (0.0, 0.0),
        MissingForm::Stacked => {
            (room("无", TEXT, false), missing_word(style).chars().count() as f64 * STACKED_PITCH + MISSING_LIFT)
        }
        MissingForm::Word => (key_room + room(missing_word(style), TEXT, false), LINE + MISSING_LIFT),
        MissingForm::Dash => (key_room + room(numfmt::MISSING, TEXT, false), LINE + MISSING_LIFT),
    }
}

/// Marks a missing value: "无数据" / "n/a" centred on `x`, standing on `bottom` (the baseline or
/// the top of a stack), in at most `width` — written downwards in narrow Chinese bars, else
/// shortened to "—" — with the series' key before it when given. Returns the height taken, so
/// that marks of several series can be stacked. The same mark in every kind of chart, and never
/// a shape that could be read as a small value.
pub(super) fn draw_missing(c: &mut Canvas, style: Style, (x, bottom): (f64, f64), width: f64, key: Option<Key>) -> f64 {
    let spec = TextSpec { color: palette::MUTED, ..label(Align::Start, true) };
    let word = missing_word(style);
    let bottom = bottom - MISSING_LIFT;
    match missing_form(style, width, key) {
        MissingForm::Nothing => 0.0,
        MissingForm::Stacked => {
            let chars: Vec<char> = word.chars().collect();
            let n = chars.len() as f64;
            for (k, ch) in chars.iter().enumerate() {
                let y = bottom - (n - k as f64 - 0.5) * STACKED_PITCH;
                c.text(&ch.to_string(), (x, y), TextSpec { align: Align::Middle, ..spec });
            }
            n * STACKED_PITCH + MISSING_LIFT
        }
        form => {
            let text = if form == MissingForm::Word { word } else { numfmt::MISSING };
            let key_room = if key.is_some() { KEY + KEY_GAP } else { 0.0 };
            let total = key_room + text::width(text, TEXT);
            let start = x - total / 2.0;
            let y = bottom - LINE / 2.0;
            match key {
                Some(Key::Block(i)) => {
                    let half = KEY / 2.0;
                    c.rect((start, y - half), (start + KEY, y + half), palette::color(i));
                }
                Some(Key::Marker(i)) => {
                    c.marker(palette::marker(i), (start + KEY / 2.0, y), KEY / 2.5, palette::color(i))
                }
                None => {}
            }
            c.text(text, (start + key_room, y), spec);
            LINE + MISSING_LIFT
        }
    }
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

/// "无数据" / "no data", in running text.
fn no_data(style: Style) -> &'static str {
    match style {
        Style::Chinese => "无数据",
        Style::English => "no data",
    }
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
    let title = if !p.framed || p.title.trim().is_empty() {
        Vec::new()
    } else {
        wrap(&p.title, TITLE, true, inner, TITLE_LINES)
    };
    if !title.is_empty() {
        y += title.len() as f64 * TITLE_LINE + 6.0;
    }
    let legend = if p.series.len() > 1 { legend(p, swatch, y) } else { Vec::new() };
    if let Some(last) = legend.last() {
        y = last.y + LEGEND_ROW / 2.0 + 6.0;
    }
    let unit = unit_caption(p).filter(|_| with_unit && p.framed).map(|text| {
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
        // A series without any value says so here rather than at every category.
        let label = match (has_data(&s.values), s.label.trim().is_empty(), p.style) {
            (true, _, _) => wrap(&s.label, TEXT, false, max_label, 1).concat(),
            (false, true, _) => capitalised(no_data(p.style)),
            (false, false, style) => {
                let suffix = match style {
                    Style::Chinese => format!("（{}）", no_data(style)),
                    Style::English => format!(" ({})", no_data(style)),
                };
                wrap(&s.label, TEXT, false, max_label - room(&suffix, TEXT, false), 1).concat() + &suffix
            }
        };
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
    let message = capitalised(no_data(p.style));
    let spec = TextSpec { color: palette::MUTED, ..label(Align::Middle, true) };
    c.text(&message, (WIDTH / 2.0, h.bottom + 60.0), spec);
    (WIDTH as u32, height as u32, c.finish())
}
