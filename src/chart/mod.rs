//! Charts as standalone, accessible SVG documents, drawn with plotters.
//!
//! [`render_svg`] turns one chart in one language ([`ChartInput`]: kind, title, unit, categories
//! and series, all text already localised) into an SVG string that scales to its container
//! (viewBox only), carries `role="img"`, a `<title>` and a `<desc>` summarising the data in the
//! chart's language, and asks the reader's browser for a font stack suited to that language
//! (Chinese fonts first for Chinese charts, Latin UI fonts first for English ones).
//!
//! Guarantees: the same input gives the same bytes (bars are `Rectangle`s, never plotters'
//! `Histogram`, which iterates a `HashMap`); no input panics (NaN and infinities are missing
//! values; empty, all-missing, huge, negative and long inputs all draw); missing values are never
//! drawn as zeros but marked where they would be, the same way in every kind of chart ("无数据" /
//! "n/a", see `frame::draw_missing`); every string is escaped exactly once. Text is measured with an embedded
//! metrics-only font (see `text`), never with the machine's fonts. Stacked bars leave negative
//! values out of the stacks (the description says so).
//!
//! This module does not read datasets, resolve languages or choose series: the caller passes
//! exactly what to draw. It writes no HTML (figure, caption, table are the caller's) and no files.

mod canvas;
mod describe;
mod frame;
mod horizontal;
mod palette;
mod scale;
mod svg;
mod text;
mod vertical;

use crate::numfmt::{Style, Unit};

/// Chart kinds of SPEC §2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Vertical bars, one per category (several series are drawn side by side).
    Bar,
    /// Vertical bars, one per series, side by side in each category.
    GroupedBar,
    /// Vertical bars of the series stacked in each category.
    StackedBar,
    /// One line per series across the categories.
    Line,
    /// Horizontal bars, one row per category, with the values written at the bars' ends.
    HorizontalBar,
}

impl ChartKind {
    const ALL: [ChartKind; 5] =
        [ChartKind::Bar, ChartKind::GroupedBar, ChartKind::StackedBar, ChartKind::Line, ChartKind::HorizontalBar];

    /// The kind named as in a ```` ```chart ```` block: `bar`, `grouped-bar`, `stacked-bar`,
    /// `line`, `horizontal-bar`. Exact, lower-case names only.
    pub fn parse(s: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// The name of the kind, as [`ChartKind::parse`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Bar => "bar",
            ChartKind::GroupedBar => "grouped-bar",
            ChartKind::StackedBar => "stacked-bar",
            ChartKind::Line => "line",
            ChartKind::HorizontalBar => "horizontal-bar",
        }
    }
}

/// One series, labels already in the chart's language.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesData {
    /// The series' name, shown in the legend and the description (plain text).
    pub label: String,
    /// One value per category, in the same order; `None` is a missing value. Extra values are
    /// ignored and absent ones count as missing.
    pub values: Vec<Option<f64>>,
    /// Values drawn hollow (an outlined bar, an open point): figures with an observation
    /// status (derived, estimated, …). Missing entries count as solid.
    pub hollow: Vec<bool>,
}

/// Everything needed to draw one chart in one language. All strings are plain text (not
/// escaped): the renderer escapes them.
#[derive(Clone, Debug)]
pub struct ChartInput<'a> {
    /// Unique element-id prefix, ASCII `[a-z0-9-]`, e.g. `chart-patent-grants-2`. Other
    /// characters are replaced by `-`.
    pub id: &'a str,
    /// What to draw.
    pub kind: ChartKind,
    /// The chart's title, drawn at the top and used as the SVG `<title>`.
    pub title: &'a str,
    /// Number conventions of the chart's language.
    pub style: Style,
    /// The unit shared by all series of the chart.
    pub unit: Unit<'a>,
    /// One label per row: "2019", "2020" … or category names "武汉".
    pub categories: Vec<String>,
    /// The series to draw, in legend order (and stacking order, bottom first).
    pub series: Vec<SeriesData>,
    /// Categories where a break in series starts (a change of statistical scope): a dashed
    /// line is drawn before each.
    pub breaks: Vec<usize>,
    /// Sentences added to the chart's text description (what the hollow marks and breaks
    /// mean), in the chart's language.
    pub notes: String,
}

/// A chart input cleaned for drawing: safe id, no control characters, one finite value or
/// `None` per category.
struct Prepared<'a> {
    id: String,
    kind: ChartKind,
    title: String,
    style: Style,
    unit: Unit<'a>,
    categories: Vec<String>,
    series: Vec<SeriesData>,
    breaks: Vec<usize>,
    /// Whether the title and the unit caption are drawn in the chart (standalone files), or left
    /// to the page's `<figcaption>` (inline charts, whose title then wraps like any HTML text).
    framed: bool,
}

/// Text without control characters (which XML 1.0 forbids and which would break lines) and
/// without the noncharacters U+FFFE and U+FFFF (which XML 1.0 also forbids).
fn clean_text(s: &str) -> String {
    s.chars().map(|c| if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') { ' ' } else { c }).collect()
}

/// The id restricted to `[a-z0-9-]`, never empty.
fn clean_id(id: &str) -> String {
    let id: String =
        id.chars().map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' { c } else { '-' }).collect();
    if id.is_empty() { "chart".to_string() } else { id }
}

/// `unit` is the input's unit with its texts cleaned (they are drawn and described too).
fn prepare<'a>(input: &ChartInput<'_>, unit: Unit<'a>, framed: bool) -> Prepared<'a> {
    let n = input.categories.len();
    let series = input
        .series
        .iter()
        .map(|s| SeriesData {
            label: clean_text(&s.label),
            values: (0..n).map(|i| s.values.get(i).copied().flatten().filter(|v| v.is_finite())).collect(),
            hollow: (0..n).map(|i| s.hollow.get(i).copied().unwrap_or(false)).collect(),
        })
        .collect();
    Prepared {
        id: clean_id(input.id),
        kind: input.kind,
        title: clean_text(input.title),
        style: input.style,
        unit,
        categories: input.categories.iter().map(|c| clean_text(c)).collect(),
        series,
        breaks: input.breaks.iter().copied().filter(|&i| i > 0 && i < n).collect(),
        framed,
    }
}

/// Whether there is nothing to draw: no categories, no series, or only missing values.
fn is_empty(p: &Prepared) -> bool {
    p.series.iter().all(|s| s.values.iter().all(Option::is_none))
}

/// Draws the chart with plotters into `buf`; returns the viewBox size and whether it succeeded.
fn draw(p: &Prepared, buf: &mut String) -> (u32, u32, bool) {
    if is_empty(p) {
        return frame::draw_no_data(p, buf);
    }
    match p.kind {
        ChartKind::HorizontalBar => horizontal::draw(p, buf),
        ChartKind::Bar | ChartKind::GroupedBar | ChartKind::StackedBar | ChartKind::Line => vertical::draw(p, buf),
    }
}

/// The chart as a standalone SVG document (starts with `<svg`, no XML prolog), deterministic
/// bytes: the same input always gives the same string. The title and the unit are drawn at the
/// top, so that the file stands on its own.
pub fn render_svg(input: &ChartInput) -> String {
    render(input, true, &[])
}

/// Size of the credit lines at the foot of a standalone chart.
const CREDIT_TEXT: f64 = 12.0;
/// Height of one credit line.
const CREDIT_LINE: f64 = 16.0;
/// Most lines one credit may take.
const CREDIT_LINES: usize = 4;

/// A credit line broken to `max_width`: an address (no spaces, `scheme://`) after its slashes,
/// never inside a name; other text as any chart text.
fn wrap_credit(credit: &str, max_width: f64) -> Vec<String> {
    if !credit.contains("://") || credit.contains(' ') {
        return text::wrap(credit, CREDIT_TEXT, false, max_width, CREDIT_LINES);
    }
    let mut lines = Vec::new();
    let mut rest = credit;
    while !rest.is_empty() && lines.len() < CREDIT_LINES {
        let fits = |s: &str| text::room(s, CREDIT_TEXT, false) <= max_width;
        let cut = if fits(rest) {
            rest.len()
        } else {
            // The longest prefix ending in '/' that fits; else the whole rest (drawn past the edge
            // rather than cut inside a name).
            rest.match_indices('/').map(|(i, _)| i + 1).rfind(|&i| fits(&rest[..i])).unwrap_or(rest.len())
        };
        lines.push(rest[..cut].to_string());
        rest = &rest[cut..];
    }
    lines
}

/// The standalone chart with `credit` (plain text, each already in the chart's language: "来源：
/// …", "许可协议：…", the page's address) written at its foot, one after another, and added to its
/// `<desc>`, so that a file or image that travels alone says where it comes from, under which
/// licence, and where to read more.
pub fn render_svg_credited(input: &ChartInput, credit: &[String]) -> String {
    render(input, true, credit)
}

/// The chart for a page that shows its title and unit in HTML (the `<figure>`'s visible
/// `<figcaption>`, where long titles wrap and follow the reader's text settings): the same
/// document as [`render_svg`] without the drawn title and unit caption. Its accessible name is
/// still the title (`<title>`), and its description the same `<desc>`.
pub fn render_svg_inline(input: &ChartInput) -> String {
    render(input, false, &[])
}

fn render(input: &ChartInput, framed: bool, credit: &[String]) -> String {
    let label = clean_text(input.unit.label);
    let currency = input.unit.currency.map(clean_text);
    let p = prepare(input, Unit { label: &label, currency: currency.as_deref(), ..input.unit }, framed);
    let mut desc = describe::describe(&p);
    if !input.notes.is_empty() {
        if p.style == Style::English && !desc.is_empty() {
            desc.push(' ');
        }
        desc.push_str(&clean_text(&input.notes));
    }
    let mut raw = String::new();
    let (mut width, mut height, ok) = draw(&p, &mut raw);
    if !ok {
        // plotters' SVG backend only fails on I/O, which a String does not do; should it ever
        // fail, publish the plain "no data" chart rather than a half-drawn one.
        raw.clear();
        (width, height, _) = frame::draw_no_data(&p, &mut raw);
    }
    let credit: Vec<String> = credit.iter().map(|c| clean_text(c)).filter(|c| !c.trim().is_empty()).collect();
    let lines: Vec<String> = credit.iter().flat_map(|c| wrap_credit(c, frame::WIDTH - 2.0 * frame::PAD)).collect();
    let top = height;
    if !lines.is_empty() {
        height += (lines.len() as f64 * CREDIT_LINE + frame::PAD).ceil() as u32;
        for c in &credit {
            if !desc.is_empty() {
                desc.push(if p.style == Style::English { ' ' } else { '\n' });
            }
            desc.push_str(c);
        }
    }
    let head = svg::Head { id: &p.id, title: &p.title, desc: &desc, width, height, style: p.style };
    let mut out = svg::finish(&raw, &head);
    if !lines.is_empty() {
        let foot = svg::credit(&lines, top, width, height, CREDIT_TEXT, CREDIT_LINE, frame::PAD);
        match out.rfind("</svg>") {
            Some(end) => out.insert_str(end, &foot),
            None => out.push_str(&foot),
        }
    }
    out
}

#[cfg(test)]
mod tests;
