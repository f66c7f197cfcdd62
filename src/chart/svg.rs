//! Turns plotters' SVG output into the document vitrine publishes.
//!
//! plotters writes a fixed-size `<svg width height viewBox>` root and, on every `<text>`, the
//! name of the metrics font it measured with. This module replaces the root with a scalable,
//! accessible one (`role="img"`, named by its `<title>` and described by its `<desc>`, so that
//! each is read once; a font stack for the chart's language), removes the per-text font names
//! so that the stack applies, tidies the text elements, and fills the bars of every series but
//! the first with a pattern (see `palette::pattern`), so that series differ without colour. It escapes the strings it adds itself; text drawn by plotters is already
//! escaped by plotters and is not touched here (no double escaping).

use crate::numfmt::Style;

use super::palette;
use super::text::FONT_FAMILY;

/// Fonts the reader's browser draws Chinese chart text with: the common Simplified Chinese
/// system fonts, then any sans-serif. A presentation attribute rather than a style attribute or
/// `<style>` element, so that it survives a strict Content-Security-Policy and does not leak into
/// the page when the SVG is inlined.
const CJK_STACK: &str =
    "'PingFang SC','Hiragino Sans GB','Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif";

/// Fonts for English charts: the platforms' Latin UI fonts first (the Latin letters of CJK fonts
/// look foreign in an English page), then the Chinese fonts for any Chinese names in the data.
const LATIN_STACK: &str = "system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,\
     'PingFang SC','Hiragino Sans GB','Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif";

/// The font stack of a chart in the given language.
pub(super) fn font_stack(style: Style) -> &'static str {
    match style {
        Style::Chinese => CJK_STACK,
        Style::English => LATIN_STACK,
    }
}

/// Escapes text for XML content and attribute values.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// What the root element and its first children say.
pub(super) struct Head<'a> {
    /// Element-id prefix, already restricted to `[a-z0-9-]`.
    pub(super) id: &'a str,
    /// Plain-text title.
    pub(super) title: &'a str,
    /// Plain-text description.
    pub(super) desc: &'a str,
    /// viewBox width.
    pub(super) width: u32,
    /// viewBox height.
    pub(super) height: u32,
    /// The chart's language, which chooses the font stack.
    pub(super) style: Style,
}

/// The published document: plotters' drawing under an accessible, scalable root.
pub(super) fn finish(plotters_svg: &str, head: &Head) -> String {
    let body = match plotters_svg.find(">\n") {
        Some(end) if plotters_svg.starts_with("<svg") => &plotters_svg[end + 2..],
        _ => plotters_svg,
    };
    let id = head.id;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" \
         aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" font-family=\"{fonts}\">\n\
         <title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n",
        w = head.width,
        h = head.height,
        fonts = font_stack(head.style),
        title = escape(head.title),
        desc = escape(head.desc),
    );
    let mut drawing = String::with_capacity(body.len());
    tidy_into(body, &mut drawing);
    let (drawing, used) = pattern_bars(&drawing, id);
    if !used.is_empty() {
        out.push_str("<defs>");
        for index in used {
            out.push_str(&palette::pattern(index, &format!("{id}-p{index}")));
        }
        out.push_str("</defs>\n");
    }
    out.push_str(&drawing);
    out
}

/// The credit lines at the foot of a standalone chart, below `top` (the drawing's height), on
/// white, in the label colour; each line escaped here.
pub(super) fn credit(lines: &[String], top: u32, width: u32, height: u32, size: f64, pitch: f64, pad: f64) -> String {
    let label = palette::hex(palette::LABEL);
    let mut out = format!(
        "<rect x=\"0\" y=\"{top}\" width=\"{width}\" height=\"{}\" fill=\"#FFFFFF\"/>\n",
        height.saturating_sub(top)
    );
    for (i, line) in lines.iter().enumerate() {
        let y = top as f64 + (i + 1) as f64 * pitch;
        out.push_str(&format!(
            "<text class=\"credit\" x=\"{pad}\" y=\"{y}\" font-size=\"{size}\" fill=\"{label}\">{}</text>\n",
            escape(line)
        ));
    }
    out
}

/// Fills the rectangles (bars, legend and missing-value keys) of series 1 and later with their
/// series' pattern, outlined in the series' colour; returns the drawing and the series whose
/// patterns it uses. Series 0 stays solid. Lines and markers are left alone: their marker shapes
/// already tell them apart.
fn pattern_bars(drawing: &str, id: &str) -> (String, Vec<usize>) {
    let fills: Vec<(usize, String)> = (1..palette::SERIES_COLOURS)
        .map(|i| (i, format!(" fill=\"{}\" stroke=\"none\"", palette::hex(palette::color(i)))))
        .collect();
    let mut used = Vec::new();
    let mut out = String::with_capacity(drawing.len());
    for line in drawing.lines() {
        match fills.iter().find(|(_, fill)| line.starts_with("<rect ") && line.contains(fill.as_str())) {
            Some((i, fill)) => {
                let hex = palette::hex(palette::color(*i));
                out.push_str(&line.replace(fill.as_str(), &format!(" fill=\"url(#{id}-p{i})\" stroke=\"{hex}\"")));
                if !used.contains(i) {
                    used.push(*i);
                }
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    used.sort_unstable();
    (out, used)
}

/// Copies plotters' elements, one per line, writing each `<text>` on a single line without the
/// metrics font's name, with a rounded font size, and without default `opacity="1"`.
fn tidy_into(body: &str, out: &mut String) {
    let family = format!(" font-family=\"{FONT_FAMILY}\"");
    let mut lines = body.lines();
    while let Some(line) = lines.next() {
        let line = line.replace(" opacity=\"1\"", "");
        if line.starts_with("<text ") && line.ends_with('>') && !line.ends_with("/>") {
            // plotters writes "<text …>", the escaped content, "</text>" on three lines.
            out.push_str(&round_font_size(&line.replace(&family, "")));
            out.push_str(lines.next().unwrap_or(""));
            out.push_str(lines.next().unwrap_or("</text>"));
        } else {
            out.push_str(&line);
        }
        out.push('\n');
    }
}

/// Rewrites `font-size="16.000000000000004"` as `font-size="16"` (plotters divides by 1.24).
fn round_font_size(tag: &str) -> String {
    const KEY: &str = " font-size=\"";
    let Some(start) = tag.find(KEY).map(|i| i + KEY.len()) else {
        return tag.to_string();
    };
    let Some(len) = tag[start..].find('"') else {
        return tag.to_string();
    };
    match tag[start..start + len].parse::<f64>() {
        Ok(size) => {
            let rounded = format!("{:.1}", size);
            let rounded = rounded.trim_end_matches('0').trim_end_matches('.');
            format!("{}{}{}", &tag[..start], rounded, &tag[start + len..])
        }
        Err(_) => tag.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_all_five_characters() {
        assert_eq!(escape(r#"<a href='x'>&"#), "&lt;a href=&apos;x&apos;&gt;&amp;");
        assert_eq!(escape("专利 & 商标"), "专利 &amp; 商标");
    }

    #[test]
    fn replaces_the_root_and_tidies_text() {
        let raw = "<svg width=\"640\" height=\"360\" viewBox=\"0 0 640 360\" xmlns=\"http://www.w3.org/2000/svg\">\n\
                   <rect x=\"0\" y=\"0\" width=\"640\" height=\"360\" opacity=\"1\" fill=\"#FFFFFF\" stroke=\"none\"/>\n\
                   <text x=\"1\" y=\"2\" dy=\"0.76em\" text-anchor=\"start\" font-family=\"vitrine-cjk-metrics\" font-size=\"16.000000000000004\" opacity=\"1\" fill=\"#444444\">\n\
                   A &amp; B\n</text>\n</svg>\n";
        let head = Head { id: "c", title: "T <1>", desc: "D & d", width: 640, height: 360, style: Style::Chinese };
        let svg = finish(raw, &head);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 360\" role=\"img\""));
        assert!(!svg.lines().next().unwrap_or_default().contains("width="));
        assert!(svg.contains("<title id=\"c-title\">T &lt;1&gt;</title>\n<desc id=\"c-desc\">D &amp; d</desc>"));
        assert!(svg.contains(" aria-labelledby=\"c-title\" aria-describedby=\"c-desc\""));
        assert!(svg.contains("font-size=\"16\" fill=\"#444444\">A &amp; B</text>\n"));
        assert!(!svg.contains("vitrine-cjk-metrics"));
        assert!(svg.ends_with("</svg>\n"));
    }

    #[test]
    fn english_charts_ask_for_latin_fonts_first() {
        let head = |style| Head { id: "c", title: "", desc: "", width: 1, height: 1, style };
        let zh = finish("", &head(Style::Chinese));
        let en = finish("", &head(Style::English));
        assert!(zh.contains(" font-family=\"'PingFang SC',"));
        assert!(en.contains(
            " font-family=\"system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,'PingFang SC',"
        ));
        assert!(en.contains("'Microsoft YaHei',sans-serif\">"));
    }

    #[test]
    fn bars_of_later_series_are_patterned() {
        let raw = "<svg>\n<rect x=\"0\" y=\"0\" width=\"9\" height=\"9\" fill=\"#0072B2\" stroke=\"none\"/>\n\
                   <rect x=\"9\" y=\"0\" width=\"9\" height=\"9\" fill=\"#D55E00\" stroke=\"none\"/>\n\
                   <polyline fill=\"none\" stroke=\"#D55E00\" stroke-width=\"3\" points=\"0,0 1,1 \"/>\n</svg>\n";
        let head = Head { id: "c", title: "", desc: "", width: 1, height: 1, style: Style::English };
        let svg = finish(raw, &head);
        assert!(svg.contains("fill=\"#0072B2\" stroke=\"none\""), "{svg}");
        assert!(svg.contains("fill=\"url(#c-p1)\" stroke=\"#D55E00\""), "{svg}");
        assert!(svg.contains("<defs><pattern id=\"c-p1\""), "{svg}");
        assert!(svg.contains("<polyline fill=\"none\" stroke=\"#D55E00\""), "{svg}");
        assert_eq!(svg.matches("<pattern ").count(), 1);
    }

    #[test]
    fn rounds_font_sizes() {
        assert_eq!(round_font_size("<text font-size=\"15.52\">"), "<text font-size=\"15.5\">");
        assert_eq!(round_font_size("<text font-size=\"x\">"), "<text font-size=\"x\">");
        assert_eq!(round_font_size("<text>"), "<text>");
    }
}
