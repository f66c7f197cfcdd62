//! Share images: for every public release, one 1200×630 picture per language with the
//! release's title and its key figures, the `og:image` of the release's pages (and, for the
//! newest release, of the home page). Composed here as SVG (every text escaped), then drawn
//! to PNG with [`crate::raster`] and its embedded font, so the bytes are the same on every
//! machine.
//!
//! Text is measured with that same font ([`crate::raster::text_width`]), and long lines are
//! cut with an ellipsis or set smaller, so nothing runs off the picture.

use crate::keyfig::KeyFigure;
use crate::markdown::shortcode::escape;
use crate::raster::text_width;

/// Width of a share image, in pixels (the size Open Graph and WeChat expect).
pub const WIDTH: u32 = 1200;
/// Height of a share image, in pixels.
pub const HEIGHT: u32 = 630;

/// The output path of a release's share image in a language: `releases/2022/share.en.png`.
pub fn path(year: i32, lang: &str) -> String {
    format!("releases/{year}/share.{lang}.png")
}

/// What a share image shows.
pub struct Card<'a> {
    /// The site's title, in the band at the top.
    pub site: &'a str,
    /// The release's title.
    pub title: &'a str,
    /// The release's date as the language writes it, if it has one.
    pub date: Option<&'a str>,
    /// The release's address, at the foot (`example.org/releases/2022/`).
    pub address: &'a str,
    /// The key figures (the first four are drawn).
    pub figures: &'a [KeyFigure],
}

const BRAND: &str = "#17406d";
const BRAND_DARK: &str = "#0f2c4d";
const INK: &str = "#1c2430";
const MUTED: &str = "#4d5867";
const TINT: &str = "#f3f5f8";
const MARGIN: f64 = 60.0;
const BAND: f64 = 72.0;

/// `text` cut to fit `width` at `size`, with an ellipsis where it was cut.
fn fit(text: &str, size: f64, width: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if text_width(&out, size) + text_width(&format!("{c}…"), size) > width {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// `text` broken into lines of at most `width` at `size`: at spaces where it has them, else
/// between characters (Chinese), never more than `max` lines (the last cut with an ellipsis).
fn wrap(text: &str, size: f64, width: f64, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let spaced = text.contains(' ');
    let tokens: Vec<String> =
        if spaced { text.split(' ').map(str::to_string).collect() } else { text.chars().map(String::from).collect() };
    for tok in tokens {
        let candidate = if line.is_empty() || !spaced { format!("{line}{tok}") } else { format!("{line} {tok}") };
        if text_width(&candidate, size) > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line = tok;
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max {
        let rest = lines[max - 1..].join(if spaced { " " } else { "" });
        lines.truncate(max - 1);
        lines.push(fit(&rest, size, width));
    }
    lines
}

/// The share image of a release as an SVG document, `WIDTH`×`HEIGHT`.
pub fn svg(card: &Card<'_>) -> String {
    let (w, h) = (f64::from(WIDTH), f64::from(HEIGHT));
    let inner = w - 2.0 * MARGIN;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"sans-serif\">\
<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\
<rect width=\"{w}\" height=\"{BAND}\" fill=\"{BRAND}\"/><rect width=\"{w}\" height=\"6\" fill=\"#a4262c\"/>"
    );
    s += &text(MARGIN, 48.0, 26.0, "#ffffff", "400", &fit(card.site, 26.0, inner));
    // The title: one line at 44 px where it fits, else up to two lines at 38 px.
    let title_size = if text_width(card.title, 44.0) <= inner { 44.0 } else { 38.0 };
    let lines = wrap(card.title, title_size, inner, 2);
    let mut y = BAND + 24.0 + title_size;
    for line in &lines {
        s += &text(MARGIN, y, title_size, BRAND_DARK, "700", line);
        y += title_size * 1.25;
    }
    if let Some(date) = card.date {
        s += &text(MARGIN, y - 6.0, 21.0, MUTED, "400", date);
        y += 22.0;
    }
    // The figures: one row of up to three, else two rows of two.
    let figures = &card.figures[..card.figures.len().min(4)];
    let top = y - 8.0;
    let bottom = h - 56.0;
    let (cols, rows) = match figures.len() {
        0 => (1, 0),
        n @ 1..=3 => (n, 1),
        _ => (2, 2),
    };
    let gap = 20.0;
    if rows > 0 {
        let tile_w = (inner - gap * (cols as f64 - 1.0)) / cols as f64;
        let tile_h = ((bottom - top - gap * (rows as f64 - 1.0)) / rows as f64).min(220.0);
        for (i, f) in figures.iter().enumerate() {
            let x = MARGIN + (i % cols) as f64 * (tile_w + gap);
            let y = top + (i / cols) as f64 * (tile_h + gap);
            s += &tile(f, x, y, tile_w, tile_h);
        }
    }
    s += &format!("<rect y=\"{}\" width=\"{w}\" height=\"1\" fill=\"#d5dbe3\"/>", h - 44.0);
    s += &text(MARGIN, h - 16.0, 20.0, MUTED, "400", &fit(card.address, 20.0, inner));
    s += "</svg>";
    s
}

fn text(x: f64, y: f64, size: f64, fill: &str, weight: &str, t: &str) -> String {
    format!(
        "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{fill}\">{}</text>",
        escape(t)
    )
}

/// One figure's tile: label and period, the number with its unit, the change with a
/// triangle; the number as large as the tile's height and width allow.
fn tile(f: &KeyFigure, x: f64, y: f64, w: f64, h: f64) -> String {
    let pad = 20.0;
    let room = w - 2.0 * pad - 8.0;
    let tx = x + pad + 8.0;
    let mut s = format!(
        "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"{TINT}\"/><rect x=\"{x}\" y=\"{y}\" width=\"8\" height=\"{h}\" fill=\"{BRAND}\"/>"
    );
    let label = format!("{} · {}", f.label, f.period);
    s += &text(tx, y + 32.0, 21.0, MUTED, "400", &fit(&label, 21.0, room));
    let note = f.status.clone().unwrap_or_default();
    let has_foot = f.change.is_some() || !note.is_empty();
    // Between the label (to y + 44) and the foot line (from y + h - 44): the number.
    let space = h - 44.0 - if has_foot { 44.0 } else { 12.0 };
    let unit_size = |size: f64| (size * 0.42).max(18.0);
    // `15.5万件` sits close; `155,000 patents` keeps its space.
    let gap = |size: f64| match (f.unit.is_empty(), f.unit_spaced) {
        (true, _) => 0.0,
        (false, true) => size * 0.2,
        (false, false) => size * 0.06,
    };
    let mut size: f64 = (space / 0.8).min(64.0);
    while size > 24.0 && text_width(&f.number, size) + gap(size) + text_width(&f.unit, unit_size(size)) > room {
        size -= 2.0;
    }
    // Digits stand about 0.72 em above the baseline: centre them in the space.
    let base = y + 44.0 + (space + 0.72 * size) / 2.0;
    s += &text(tx, base, size, BRAND_DARK, "400", &fit(&f.number, size, room));
    if !f.unit.is_empty() {
        let ux = tx + text_width(&f.number, size) + gap(size);
        let unit = fit(&f.unit, unit_size(size), (tx + room - ux).max(0.0));
        s += &text(ux, base, unit_size(size), INK, "400", &unit);
    }
    let cy = y + h - 16.0;
    if let Some(c) = &f.change {
        // A triangle, not a glyph: the embedded font need not have the arrows.
        let (ax, ay) = (tx, cy - 15.0);
        let shape = match c.direction {
            "up" => format!("{ax},{} {},{ay} {},{}", ay + 15.0, ax + 8.5, ax + 17.0, ay + 15.0),
            "down" => format!("{ax},{ay} {},{ay} {},{}", ax + 17.0, ax + 8.5, ay + 15.0),
            _ => format!("{ax},{ay} {},{} {ax},{}", ax + 15.0, ay + 7.5, ay + 15.0),
        };
        s += &format!("<polygon points=\"{shape}\" fill=\"{BRAND}\"/>");
        let words = if note.is_empty() { c.words.clone() } else { format!("{} · {note}", c.words) };
        s += &text(tx + 26.0, cy, 20.0, INK, "400", &fit(&words, 20.0, room - 26.0));
    } else if !note.is_empty() {
        s += &text(tx, cy, 20.0, INK, "400", &fit(&note, 20.0, room));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keyfig::Change;

    fn figure(label: &str, number: &str) -> KeyFigure {
        KeyFigure {
            dataset: "d".into(),
            series: "s".into(),
            label: label.into(),
            value: format!("{number}件"),
            number: number.into(),
            unit: "件".into(),
            unit_spaced: false,
            raw: Some("1".into()),
            period: "2021年".into(),
            status: None,
            change: Some(Change { direction: "up", arrow: "▲", words: "比上年增长40.9%".into() }),
            url: "/data/d/".into(),
        }
    }

    #[test]
    fn escapes_every_text() {
        let figs = [figure("<b>&\"'", "15.5万")];
        let card = Card {
            site: "A & B",
            title: "<script>",
            date: Some("2022年4月26日"),
            address: "x.org/?a=1&b=2",
            figures: &figs,
        };
        let svg = svg(&card);
        assert!(!svg.contains("<script>") && !svg.contains("<b>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;") && svg.contains("A &amp; B") && svg.contains("a=1&amp;b=2"));
        assert!(svg.contains("&lt;b&gt;&amp;&quot;&#39;"));
    }

    #[test]
    fn long_text_is_cut_to_the_width() {
        let lines = wrap(
            "2022年“4·26”发布：2021年湖北省知识产权保护状况以及其他很长很长很长很长很长很长很长很长很长的标题文字",
            44.0,
            1080.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| text_width(l, 44.0) <= 1080.0));
        assert!(lines[1].ends_with('…'));
        let title = "4.26 Release 2022: Intellectual Property Protection in Hubei, 2021";
        let en = wrap(title, 44.0, 800.0, 2);
        assert_eq!(en.len(), 2);
        assert_eq!(en.join(" "), title, "broken at spaces, nothing lost");
        assert!(en.iter().all(|l| text_width(l, 44.0) <= 800.0));
        // The embedded font measures: a CJK character is one em, digits narrower.
        assert_eq!(text_width("专利", 20.0), 40.0);
        assert!(text_width("1001", 20.0) < 48.0);
    }

    #[test]
    fn four_figures_fill_two_rows() {
        let figs: Vec<KeyFigure> = (0..5).map(|i| figure(&format!("指标{i}"), "15.5万")).collect();
        let card = Card { site: "s", title: "t", date: None, address: "a", figures: &figs };
        let svg = svg(&card);
        assert_eq!(svg.matches("<polygon").count(), 4);
        assert!(svg.contains("指标3") && !svg.contains("指标4"));
    }
}
