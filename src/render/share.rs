//! Share images: for every public release, one 1200×630 picture per language with the
//! release's title and its key figures, the `og:image` of the release's pages (and, for the
//! newest release, of the home page). Composed here as SVG (every text escaped), then drawn
//! to PNG with [`crate::raster`] and its embedded font, so the bytes are the same on every
//! machine.
//!
//! Text is laid out with a width estimate (a CJK character one em, other characters a bit
//! over half an em) on the safe side, and long lines are cut with an ellipsis or set smaller,
//! so nothing runs off the picture.

use crate::keyfig::KeyFigure;
use crate::markdown::shortcode::escape;

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

/// The estimated width of `text` at `size` pixels: a wide (CJK, full-width) character is one
/// em, a narrow one 0.6 em (a little over the usual, so that estimates err wide).
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if is_wide(c) { 1.0 } else { 0.6 }).sum::<f64>() * size
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

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
<rect width=\"{w}\" height=\"84\" fill=\"{BRAND}\"/><rect width=\"{w}\" height=\"6\" fill=\"#a4262c\"/>"
    );
    s += &text(MARGIN, 56.0, 28.0, "#ffffff", "700", &fit(card.site, 28.0, inner));
    // The title: up to two lines, set smaller when it is long.
    let title_size = if text_width(card.title, 44.0) <= inner * 2.0 { 44.0 } else { 36.0 };
    let lines = wrap(card.title, title_size, inner, 2);
    let mut y = 84.0 + 30.0 + title_size;
    for line in &lines {
        s += &text(MARGIN, y, title_size, BRAND_DARK, "700", line);
        y += title_size * 1.25;
    }
    if let Some(date) = card.date {
        s += &text(MARGIN, y + 4.0, 22.0, MUTED, "400", date);
        y += 30.0;
    }
    // The figures: one row of up to three, else two rows of two.
    let figures = &card.figures[..card.figures.len().min(4)];
    let top = y + 10.0;
    let bottom = h - 56.0;
    let (cols, rows) = match figures.len() {
        0 => (1, 0),
        n @ 1..=3 => (n, 1),
        _ => (2, 2),
    };
    let gap = 20.0;
    if rows > 0 {
        let tile_w = (inner - gap * (cols as f64 - 1.0)) / cols as f64;
        let tile_h = ((bottom - top - gap * (rows as f64 - 1.0)) / rows as f64).min(200.0);
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

/// One figure's tile: label and period, the number with its unit, the change with a triangle.
fn tile(f: &KeyFigure, x: f64, y: f64, w: f64, h: f64) -> String {
    let pad = 20.0;
    let room = w - 2.0 * pad - 8.0;
    let tx = x + pad + 8.0;
    let mut s = format!(
        "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"{TINT}\"/><rect x=\"{x}\" y=\"{y}\" width=\"8\" height=\"{h}\" fill=\"{BRAND}\"/>"
    );
    let label = format!("{} · {}", f.label, f.period);
    s += &text(tx, y + 36.0, 22.0, MUTED, "400", &fit(&label, 22.0, room));
    // The number as large as fits, the unit after it at 40% of that.
    let unit_gap = if f.unit.is_empty() { 0.0 } else { 0.25 };
    let mut size: f64 = 60.0;
    while size > 28.0 && text_width(&f.number, size) + text_width(&f.unit, size * 0.4) + size * unit_gap > room {
        size -= 2.0;
    }
    let base = y + 36.0 + 14.0 + size * 0.95;
    s += &text(tx, base, size, BRAND_DARK, "700", &fit(&f.number, size, room));
    if !f.unit.is_empty() {
        let ux = tx + text_width(&f.number, size) * 0.92 + size * unit_gap;
        let unit = fit(&f.unit, size * 0.4, (tx + room - ux).max(0.0));
        s += &text(ux, base, (size * 0.4).max(18.0), INK, "400", &unit);
    }
    let mut note = String::new();
    if let Some(st) = &f.status {
        note = st.clone();
    }
    let cy = (base + 40.0).min(y + h - 16.0);
    if let Some(c) = &f.change {
        // A triangle, not a glyph: the embedded font need not have the arrows.
        let (ax, ay) = (tx, cy - 16.0);
        let shape = match c.direction {
            "up" => format!("{ax},{} {},{} {},{}", ay + 16.0, ax + 9.0, ay, ax + 18.0, ay + 16.0),
            "down" => format!("{ax},{ay} {},{ay} {},{}", ax + 18.0, ax + 9.0, ay + 16.0),
            _ => format!("{ax},{ay} {},{} {ax},{}", ax + 16.0, ay + 8.0, ay + 16.0),
        };
        s += &format!("<polygon points=\"{shape}\" fill=\"{BRAND}\"/>");
        let words = if note.is_empty() { c.words.clone() } else { format!("{} · {note}", c.words) };
        s += &text(tx + 28.0, cy, 20.0, INK, "400", &fit(&words, 20.0, room - 28.0));
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
        let en = wrap("4.26 Release 2022: Intellectual Property Protection in Hubei, 2021", 44.0, 1080.0, 2);
        assert_eq!(en, ["4.26 Release 2022: Intellectual Property Protection", "in Hubei, 2021"]);
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
