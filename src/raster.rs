//! SVG -> PNG, in-process, with the embedded outline font only.
//!
//! [`svg_to_png`] draws an SVG document (a chart's standalone file, a share image) with resvg
//! at a given pixel width, on a white background, and encodes it as PNG. Text is drawn with
//! [`FONT`] (`assets/fonts/vitrine-sans-cjk.otf`, a subset of Noto Sans CJK SC; see
//! `assets/fonts/README.md`), which is the only font resvg sees: whatever families the SVG
//! asks for, and whatever fonts the machine has, the same input gives the same bytes.
//! [`missing_chars`] tells which characters of a text the font cannot draw (they would come
//! out as empty boxes), so that callers can warn before drawing.

use std::sync::{Arc, OnceLock};

use ab_glyph::{Font, FontRef};
use resvg::{tiny_skia, usvg};

/// The outline font, embedded in the binary (about 1.6 MB).
pub static FONT: &[u8] = include_bytes!("../assets/fonts/vitrine-sans-cjk.otf");

/// The font's family name: the one family resvg can draw with.
pub const FONT_FAMILY: &str = "Vitrine Sans CJK";

/// The largest image drawn, in pixels per side (a guard against absurd sizes).
pub const MAX_SIDE: u32 = 8192;

/// Why an SVG could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum RasterError {
    /// The SVG did not parse.
    #[error("the SVG could not be read: {0}")]
    Svg(String),
    /// The requested or resulting size is zero or larger than [`MAX_SIDE`].
    #[error("image size {width}x{height} is out of range")]
    Size {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// The PNG encoder failed.
    #[error("the PNG could not be written: {0}")]
    Encode(String),
}

/// The font database resvg draws with: the embedded font alone, set as every generic family.
fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT.to_vec());
        db.set_sans_serif_family(FONT_FAMILY);
        db.set_serif_family(FONT_FAMILY);
        db.set_monospace_family(FONT_FAMILY);
        db.set_cursive_family(FONT_FAMILY);
        db.set_fantasy_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// The parsed font, for coverage queries.
fn font() -> Option<&'static FontRef<'static>> {
    static PARSED: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    PARSED.get_or_init(|| FontRef::try_from_slice(FONT).ok()).as_ref()
}

/// The width of `text` at `size` pixels (the SVG `font-size`, one em) as this font draws it;
/// a character it lacks counts one em (it would be drawn as a box).
pub fn text_width(text: &str, size: f64) -> f64 {
    use ab_glyph::ScaleFont;
    let Some(font) = font() else {
        return text.chars().count() as f64 * size;
    };
    // ab_glyph scales to a line height (ascent − descent); SVG's font-size is the em.
    let em = font.units_per_em().unwrap_or(1000.0);
    let scaled = font.as_scaled(size as f32 * font.height_unscaled() / em);
    text.chars()
        .map(|c| {
            let id = font.glyph_id(c);
            if id.0 == 0 { size } else { f64::from(scaled.h_advance(id)) }
        })
        .sum()
}

/// Whether the embedded font draws `c` (white space counts as drawn: it has no ink).
pub fn covers(c: char) -> bool {
    c.is_whitespace() || c.is_control() || font().is_some_and(|f| f.glyph_id(c).0 != 0)
}

/// The characters of `text` the embedded font cannot draw, each once, in order of appearance.
pub fn missing_chars(text: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in text.chars() {
        if !covers(c) && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Draws `svg` as a PNG image `width_px` pixels wide, its height following the SVG's aspect
/// ratio (rounded to whole pixels), on white. Deterministic: the same SVG and width give the
/// same bytes on every machine. Images referenced by the SVG are not drawn.
pub fn svg_to_png(svg: &str, width_px: u32) -> Result<Vec<u8>, RasterError> {
    let opt = usvg::Options { font_family: FONT_FAMILY.to_string(), fontdb: fontdb(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| RasterError::Svg(e.to_string()))?;
    let size = tree.size();
    let scale = width_px as f32 / size.width();
    let height_px = (size.height() * scale).round();
    let height =
        if height_px.is_finite() && height_px >= 1.0 && height_px <= MAX_SIDE as f32 { height_px as u32 } else { 0 };
    if width_px == 0 || width_px > MAX_SIDE || height == 0 {
        return Err(RasterError::Size { width: width_px, height });
    }
    let mut pixmap = tiny_skia::Pixmap::new(width_px, height).ok_or(RasterError::Size { width: width_px, height })?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| RasterError::Encode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 100\">\
        <rect x=\"10\" y=\"10\" width=\"50\" height=\"50\" fill=\"#0072B2\"/></svg>";

    /// Width, height and the RGBA pixels of a PNG.
    fn decode(png: &[u8]) -> (u32, u32, Vec<u8>) {
        let pixmap = tiny_skia::Pixmap::decode_png(png).expect("a PNG");
        (pixmap.width(), pixmap.height(), pixmap.data().to_vec())
    }

    fn text_svg(text: &str) -> String {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 60\" font-family=\"'PingFang SC',sans-serif\">\
             <text x=\"10\" y=\"40\" font-size=\"30\">{text}</text></svg>"
        )
    }

    fn ink(pixels: &[u8]) -> usize {
        pixels.chunks(4).filter(|p| p[0] < 200 || p[1] < 200 || p[2] < 200).count()
    }

    #[test]
    fn draws_at_the_asked_width_with_the_svg_aspect() {
        let png = svg_to_png(SVG, 1200).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        let (w, h, px) = decode(&png);
        assert_eq!((w, h), (1200, 600));
        // The rectangle is scaled: pixel (100, 100) is blue, (1000, 500) white.
        let at = |x: usize, y: usize| &px[(y * 1200 + x) * 4..(y * 1200 + x) * 4 + 4];
        assert_eq!(at(100, 100), &[0x00, 0x72, 0xB2, 0xFF]);
        assert_eq!(at(1000, 500), &[0xFF, 0xFF, 0xFF, 0xFF]);
    }

    #[test]
    fn same_input_same_bytes() {
        assert_eq!(
            svg_to_png(&text_svg("专利授权量"), 640).unwrap(),
            svg_to_png(&text_svg("专利授权量"), 640).unwrap()
        );
    }

    #[test]
    fn chinese_text_is_drawn_with_the_embedded_font() {
        let blank = decode(&svg_to_png(&text_svg(""), 600).unwrap()).2;
        let a = decode(&svg_to_png(&text_svg("专利授权量"), 600).unwrap()).2;
        let b = decode(&svg_to_png(&text_svg("商标注册量"), 600).unwrap()).2;
        assert_eq!(ink(&blank), 0);
        assert!(ink(&a) > 1000, "ink: {}", ink(&a));
        // Different characters give different shapes (not the same box for each).
        assert_ne!(a, b);
        // Whatever family the SVG names, the embedded font draws it: the same pixels.
        let serif = text_svg("专利授权量").replace("'PingFang SC',sans-serif", "serif");
        assert_eq!(decode(&svg_to_png(&serif, 600).unwrap()).2, a);
    }

    #[test]
    fn coverage() {
        assert!(missing_chars("专利 Patents 2023年（万件）：±‰ ↑↓ ㎡").is_empty(), "{:?}", missing_chars("专利 ↑↓ ㎡"));
        // 𠀀 (Extension B) and the emoji are outside the subset.
        assert_eq!(missing_chars("a𠀀b😀𠀀"), vec!['𠀀', '😀']);
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(matches!(svg_to_png("<svg", 100), Err(RasterError::Svg(_))));
        assert!(matches!(svg_to_png(SVG, 0), Err(RasterError::Size { .. })));
        assert!(matches!(svg_to_png(SVG, MAX_SIDE + 1), Err(RasterError::Size { .. })));
        let tall = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 100\"/>";
        assert!(matches!(svg_to_png(tall, 1000), Err(RasterError::Size { .. })));
    }
}
