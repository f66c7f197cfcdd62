//! A thin drawing surface over plotters' SVG backend, in floating-point chart units.
//!
//! Layout code works in `f64` viewBox units; this module rounds to plotters' integer pixels and
//! draws rectangles, polylines, markers and text, remembering whether any draw failed instead of
//! making every caller handle plotters' errors. It decides nothing about layout or colour.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette::{self, Marker};
use super::text::FONT_FAMILY;

/// Horizontal anchor of a text: which end (or the middle) sits at the given x.
#[derive(Clone, Copy, Debug)]
pub(super) enum Align {
    /// Text starts at x.
    Start,
    /// Text is centred on x.
    Middle,
    /// Text ends at x.
    End,
}

/// How a text is set: size in viewBox units, weight, colour, and anchoring.
#[derive(Clone, Copy, Debug)]
pub(super) struct TextSpec {
    /// Font size in viewBox units (what the SVG's `font-size` says).
    pub(super) size: f64,
    /// Bold (titles).
    pub(super) bold: bool,
    /// Fill colour.
    pub(super) color: RGBColor,
    /// Horizontal anchor.
    pub(super) align: Align,
    /// When set, y is the vertical middle of the text; otherwise y is its top.
    pub(super) middle: bool,
}

/// plotters writes `font-size` as the requested size divided by this (see plotters-svg).
const PLOTTERS_FONT_SCALE: f64 = 1.24;

/// A chart being drawn into a string.
pub(super) struct Canvas<'b> {
    area: DrawingArea<SVGBackend<'b>, Shift>,
    ok: bool,
}

/// Rounds a chart coordinate to plotters' pixels (saturating, NaN to 0).
fn px(v: f64) -> i32 {
    v.round() as i32
}

impl<'b> Canvas<'b> {
    /// Starts a `width` × `height` SVG in `buf` with a white background.
    pub(super) fn new(buf: &'b mut String, width: u32, height: u32) -> Canvas<'b> {
        super::text::ensure_registered();
        let area = SVGBackend::with_string(buf, (width, height)).into_drawing_area();
        let ok = area.fill(&palette::BACKGROUND).is_ok();
        Canvas { area, ok }
    }

    fn record<E>(&mut self, result: Result<(), E>) {
        if result.is_err() {
            self.ok = false;
        }
    }

    /// A filled rectangle between two corners (any order).
    pub(super) fn rect(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64), color: RGBColor) {
        let r = self.area.draw(&Rectangle::new([(px(x0), px(y0)), (px(x1), px(y1))], color.filled()));
        self.record(r);
    }

    /// A rectangle drawn as an outline two units wide in `color`, for a value with an
    /// observation status; too small to hollow out, it is filled.
    pub(super) fn outlined_rect(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64), color: RGBColor) {
        self.rect((x0, y0), (x1, y1), color);
        let (l, r, t, b) = (x0.min(x1), x0.max(x1), y0.min(y1), y0.max(y1));
        if r - l > 6.0 && b - t > 6.0 {
            self.rect((l + 2.0, t + 2.0), (r - 2.0, b - 2.0), palette::BACKGROUND);
        }
    }

    /// An open point marker: the shape's outline only.
    pub(super) fn hollow_marker(&mut self, shape: Marker, (x, y): (f64, f64), r: f64, color: RGBColor) {
        self.marker(shape, (x, y), r + 0.5, color);
        self.marker_shape(shape, (x, y), (r - 1.5).max(1.0), palette::BACKGROUND);
    }

    /// A dashed vertical line from `y0` down to `y1` at `x`.
    pub(super) fn dashed_vline(&mut self, x: f64, y0: f64, y1: f64, color: RGBColor) {
        let mut y = y0;
        while y < y1 {
            self.polyline(&[(x, y), (x, (y + 4.0).min(y1))], color, 2);
            y += 8.0;
        }
    }

    /// A polyline of `width` units through `points`.
    pub(super) fn polyline(&mut self, points: &[(f64, f64)], color: RGBColor, width: u32) {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        let r = self.area.draw(&PathElement::new(pts, color.stroke_width(width)));
        self.record(r);
    }

    /// A horizontal line from `x0` to `x1` at `y`, one unit wide.
    pub(super) fn hline(&mut self, x0: f64, x1: f64, y: f64, color: RGBColor) {
        self.polyline(&[(x0, y), (x1, y)], color, 1);
    }

    /// A vertical line from `y0` to `y1` at `x`, one unit wide.
    pub(super) fn vline(&mut self, x: f64, y0: f64, y1: f64, color: RGBColor) {
        self.polyline(&[(x, y0), (x, y1)], color, 1);
    }

    /// A point marker of radius `r` centred on (x, y), with a white halo so it stands out from
    /// lines crossing it.
    pub(super) fn marker(&mut self, shape: Marker, (x, y): (f64, f64), r: f64, color: RGBColor) {
        self.marker_shape(shape, (x, y), r + 1.5, palette::BACKGROUND);
        self.marker_shape(shape, (x, y), r, color);
    }

    fn marker_shape(&mut self, shape: Marker, (x, y): (f64, f64), r: f64, color: RGBColor) {
        let poly = |pts: &[(f64, f64)]| -> Vec<(i32, i32)> {
            pts.iter().map(|&(dx, dy)| (px(x + dx * r), px(y + dy * r))).collect()
        };
        let points = match shape {
            Marker::Circle => {
                let c = Circle::new((px(x), px(y)), r.round().max(1.0) as u32, color.filled());
                let result = self.area.draw(&c);
                return self.record(result);
            }
            // Areas roughly equal to the circle's, so no series looks heavier.
            Marker::Square => poly(&[(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)]),
            Marker::Triangle => poly(&[(0.0, -1.3), (1.2, 0.8), (-1.2, 0.8)]),
            Marker::TriangleDown => poly(&[(0.0, 1.3), (1.2, -0.8), (-1.2, -0.8)]),
            Marker::Diamond => poly(&[(0.0, -1.25), (1.25, 0.0), (0.0, 1.25), (-1.25, 0.0)]),
        };
        let r = self.area.draw(&Polygon::new(points, color.filled()));
        self.record(r);
    }

    /// One line of text. `text` is plain (plotters escapes it for XML).
    pub(super) fn text(&mut self, text: &str, (x, y): (f64, f64), spec: TextSpec) {
        let h = match spec.align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let v = if spec.middle { VPos::Center } else { VPos::Top };
        let weight = if spec.bold { FontStyle::Bold } else { FontStyle::Normal };
        let font = FontDesc::new(FontFamily::Name(FONT_FAMILY), spec.size * PLOTTERS_FONT_SCALE, weight);
        let style = TextStyle::from(font).color(&spec.color).pos(Pos::new(h, v));
        let r = self.area.draw(&Text::new(text, (px(x), px(y)), style));
        self.record(r);
    }

    /// Finishes the document; false when anything failed to draw.
    pub(super) fn finish(self) -> bool {
        let presented = self.area.present().is_ok();
        self.ok && presented
    }
}
