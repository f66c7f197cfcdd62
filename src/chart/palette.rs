//! Colours and point markers of chart series, and the greys of text, axes and grid.
//!
//! Series colours follow the Okabe–Ito colour-blind-safe palette, darkened where needed so that
//! every colour has a contrast of at least 3:1 against the white background (WCAG 2.x non-text
//! contrast; pinned by a test). Series must also be told apart without colour (in greyscale,
//! print, e-ink, for colour-blind readers): line series differ by marker shape, and the bars of
//! every series but the first are filled with a pattern of white lines over the series' colour
//! ([`pattern`]). No drawing here.

use plotters::style::RGBColor;

/// Series colours, in the order series are given.
const SERIES: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xC0, 0x67, 0x9A), // reddish purple, darkened
    RGBColor(0xA8, 0x6E, 0x00), // orange, darkened
    RGBColor(0x4A, 0x8F, 0xC4), // sky blue, darkened
    RGBColor(0x59, 0x59, 0x59), // grey
];

/// Background of the chart.
pub(super) const BACKGROUND: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
/// Title text.
pub(super) const TITLE: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// Labels: ticks, categories, legend, values.
pub(super) const LABEL: RGBColor = RGBColor(0x44, 0x44, 0x44);
/// Secondary text: the unit caption, "no data".
pub(super) const MUTED: RGBColor = RGBColor(0x59, 0x59, 0x59);
/// Axis lines (the zero line).
pub(super) const AXIS: RGBColor = RGBColor(0x59, 0x59, 0x59);
/// Grid lines: light, behind the data.
pub(super) const GRID: RGBColor = RGBColor(0xE3, 0xE3, 0xE3);

/// Shape of the point markers of a line series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Marker {
    /// A filled circle.
    Circle,
    /// A filled square.
    Square,
    /// A filled triangle pointing up.
    Triangle,
    /// A filled diamond.
    Diamond,
    /// A filled triangle pointing down.
    TriangleDown,
}

const MARKERS: [Marker; 5] = [Marker::Circle, Marker::Square, Marker::Triangle, Marker::Diamond, Marker::TriangleDown];

/// Colour of the series at `index` (cycling after seven).
pub(super) fn color(index: usize) -> RGBColor {
    SERIES[index % SERIES.len()]
}

/// Marker shape of the series at `index` (cycling after five; with seven colours, the pair of
/// colour and shape only repeats after 35 series).
pub(super) fn marker(index: usize) -> Marker {
    MARKERS[index % MARKERS.len()]
}

/// Number of distinct series colours (they cycle after that).
pub(super) const SERIES_COLOURS: usize = SERIES.len();

/// The SVG `<pattern>` of series `index` (1 and later; series 0 is solid), with element id `id`:
/// the series' colour crossed by white lines at an angle of its own (diagonal, crossed,
/// horizontal, reverse diagonal, vertical, dense diagonal), so that two series stay apart in
/// greyscale even where their colours are equally dark. 6 units a period: a 12-unit legend key
/// shows two lines.
pub(super) fn pattern(index: usize, id: &str) -> String {
    let colour = hex(color(index));
    let (angle, crossed, gap) = match index % SERIES.len() {
        1 => (45, false, 6),
        2 => (0, true, 6),
        3 => (0, false, 5),
        4 => (-45, false, 6),
        5 => (90, false, 5),
        _ => (45, true, 6),
    };
    let cross = if crossed { format!("<rect width=\"{gap}\" height=\"2\" fill=\"#FFFFFF\"/>") } else { String::new() };
    format!(
        "<pattern id=\"{id}\" width=\"{gap}\" height=\"{gap}\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate({angle})\">\
         <rect width=\"{gap}\" height=\"{gap}\" fill=\"{colour}\"/><rect width=\"2\" height=\"{gap}\" fill=\"#FFFFFF\"/>{cross}</pattern>"
    )
}

/// Hex notation of a colour, as plotters writes it (`#0072B2`).
pub(super) fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// WCAG 2.x relative luminance.
#[cfg(test)]
fn luminance(c: RGBColor) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.039_28 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// WCAG 2.x contrast ratio between two colours (1 to 21).
#[cfg(test)]
pub(super) fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_series_colour_has_3_to_1_contrast_on_white() {
        for (i, c) in SERIES.iter().enumerate() {
            let ratio = contrast(*c, BACKGROUND);
            assert!(ratio >= 3.0, "series colour {i} ({}) has contrast {ratio:.2}", hex(*c));
        }
    }

    #[test]
    fn text_colours_have_4_5_to_1_contrast_on_white() {
        for c in [TITLE, LABEL, MUTED, AXIS] {
            assert!(contrast(c, BACKGROUND) >= 4.5, "{}", hex(c));
        }
    }

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast(RGBColor(0, 0, 0), BACKGROUND) - 21.0).abs() < 1e-9);
        assert!((contrast(RGBColor(0x76, 0x76, 0x76), BACKGROUND) - 4.54).abs() < 0.01);
    }

    #[test]
    fn colours_and_markers_cycle() {
        assert_eq!(color(0), color(7));
        assert_ne!(color(0), color(1));
        assert_eq!(marker(5), Marker::Circle);
        assert_ne!(marker(0), marker(1));
    }
}
