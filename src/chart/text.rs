//! Text measurement and line breaking for chart layout.
//!
//! Widths come from an embedded metrics-only font (`assets/fonts/vitrine-cjk-metrics.ttf`: the
//! advance widths of Noto Sans CJK SC with the outlines removed), never from fonts installed on
//! the building machine, so a chart is laid out identically everywhere. This module measures and
//! breaks text; it never draws. Readers' browsers draw the text with their own CJK fonts, whose
//! Latin letters can be a little wider than Noto's, so layout uses [`room`], which adds a margin.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef};
use plotters::style::FontStyle;

/// Name under which the metrics font is registered with plotters (and written by plotters on
/// each `<text>`, where the SVG post-processing removes it again).
pub(super) const FONT_FAMILY: &str = "vitrine-cjk-metrics";

/// The metrics-only font: cmap, hmtx and friends, empty glyphs (about 120 KB).
static FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/vitrine-cjk-metrics.ttf");

/// Extra room for the reader's font: measured widths are multiplied by this.
const SAFETY: f64 = 1.12;
/// Extra room for bold text, measured with the regular font's widths.
const BOLD_SAFETY: f64 = 1.2;
/// Width, in em, assumed for a character the font does not cover and that is not wide.
const NARROW_FALLBACK_EM: f64 = 0.62;

/// The parsed metrics font, registered with plotters on first use.
fn font() -> Option<&'static FontRef<'static>> {
    static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| {
        // plotters only needs the font to measure text itself (the SVG backend writes <text>
        // without it); registering keeps its own estimates consistent with ours.
        let _registered = plotters::style::register_font(FONT_FAMILY, FontStyle::Normal, FONT_BYTES);
        FontRef::try_from_slice(FONT_BYTES).ok()
    })
    .as_ref()
}

/// Makes sure the font is registered with plotters before anything is drawn.
pub(super) fn ensure_registered() {
    let _ = font();
}

/// Whether a character is drawn full width (CJK, Hangul, full-width forms, emoji).
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF | 0x20000..=0x3FFFD)
}

/// Advance width of one character, in em.
fn advance_em(c: char) -> f64 {
    if c.is_control() {
        return 0.0;
    }
    if let Some(font) = font() {
        let id = font.glyph_id(c);
        if id.0 != 0 {
            let upem = font.units_per_em().unwrap_or(1000.0);
            return f64::from(font.h_advance_unscaled(id)) / f64::from(upem);
        }
    }
    if is_wide(c) { 1.0 } else { NARROW_FALLBACK_EM }
}

/// Exact width of `text` at font size `size` in the metrics font (no kerning).
pub(super) fn width(text: &str, size: f64) -> f64 {
    text.chars().map(advance_em).sum::<f64>() * size
}

/// Width to reserve for `text`: its measured width plus a margin for the reader's font, plus
/// the spacing a reader may add (WCAG 1.4.12: letters 0.12 em apart, words 0.16 em), which
/// browsers apply to SVG text too: text laid out in this room is not cut at the chart's edge.
pub(super) fn room(text: &str, size: f64, bold: bool) -> f64 {
    let chars = text.chars().filter(|c| !c.is_control()).count() as f64;
    let spaces = text.chars().filter(|c| *c == ' ').count() as f64;
    width(text, size) * if bold { BOLD_SAFETY } else { SAFETY }
        + size * (LETTER_SPACING * chars + WORD_SPACING * spaces)
}

/// The letter and word spacing of WCAG 1.4.12, in em, that [`room`] leaves space for.
const LETTER_SPACING: f64 = 0.12;
const WORD_SPACING: f64 = 0.16;

/// Closing punctuation that must not start a line (kinsoku).
fn no_line_start(c: char) -> bool {
    "，。、；：！？）》」』】〕”’,.;:!?)]}%…·".contains(c)
}

/// Opening punctuation that must not end a line.
fn no_line_end(c: char) -> bool {
    "（《「『【〔“‘([{".contains(c)
}

/// Splits text into units that may not be broken: runs of narrow characters (words, with the
/// spaces that follow them) and single wide characters, with punctuation kept to its neighbour.
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue_next = false;
    for c in text.chars() {
        let wide = is_wide(c);
        let join = match out.last() {
            None => false,
            Some(last) => {
                let prev = last.chars().last().unwrap_or(' ');
                glue_next
                    || no_line_start(c)
                    || (!wide && !c.is_whitespace() && !is_wide(prev) && !prev.is_whitespace())
                    || (c.is_whitespace() && !is_wide(prev))
            }
        };
        match out.last_mut() {
            Some(last) if join => last.push(c),
            _ => out.push(c.to_string()),
        }
        glue_next = no_line_end(c);
    }
    out
}

/// Breaks `text` into at most `max_lines` lines whose [`room`] fits `max_width`.
///
/// Breaks between words and between CJK characters, never before closing or after opening
/// punctuation; a word longer than a line is cut. When the text does not fit, the last line
/// ends with "…". Always returns at least one line (possibly empty).
pub(super) fn wrap(text: &str, size: f64, bold: bool, max_width: f64, max_lines: usize) -> Vec<String> {
    break_lines(text, size, bold, max_width, max_lines).0
}

/// Like [`wrap`], but only when the text fits without cutting a word or shortening it.
pub(super) fn wrap_whole(text: &str, size: f64, bold: bool, max_width: f64, max_lines: usize) -> Option<Vec<String>> {
    let (lines, whole) = break_lines(text, size, bold, max_width, max_lines);
    whole.then_some(lines)
}

/// Like [`wrap`], but with lines of even length: the same number of lines as [`wrap`] needs at
/// `max_width`, broken at the narrowest width that still gives that many lines, so that a long
/// name does not leave a single word or character alone on its last line ("知识产权案 / 件").
/// Text that does not fit whole is wrapped as by [`wrap`].
pub(super) fn wrap_balanced(text: &str, size: f64, bold: bool, max_width: f64, max_lines: usize) -> Vec<String> {
    let (greedy, whole) = break_lines(text, size, bold, max_width, max_lines);
    let n = greedy.len();
    if !whole || n < 2 {
        return greedy;
    }
    // Bisect the line width: `hi` always gives n whole lines, `lo` never does.
    let (mut lo, mut hi) = (0.0, max_width);
    for _ in 0..24 {
        let mid = (lo + hi) / 2.0;
        let (lines, whole) = break_lines(text, size, bold, mid, n);
        if whole && lines.len() <= n {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    break_lines(text, size, bold, hi, n).0
}

/// The lines, and whether they hold the whole text without a word cut.
fn break_lines(text: &str, size: f64, bold: bool, max_width: f64, max_lines: usize) -> (Vec<String>, bool) {
    let fits = |s: &str| room(s, size, bold) <= max_width;
    let mut whole = true;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for token in tokens(text.trim()) {
        let candidate = format!("{line}{token}");
        if fits(candidate.trim_end()) {
            line = candidate;
            continue;
        }
        if !line.trim().is_empty() {
            lines.push(line.trim_end().to_string());
        }
        line = String::new();
        for c in token.trim_start().chars() {
            let candidate = format!("{line}{c}");
            if fits(candidate.trim_end()) || line.is_empty() {
                line = candidate;
            } else {
                whole = false;
                lines.push(std::mem::take(&mut line));
                line.push(c);
            }
        }
    }
    lines.push(line.trim_end().to_string());
    let max_lines = max_lines.max(1);
    if lines.len() > max_lines {
        whole = false;
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = ellipsize(last, size, bold, max_width);
        }
    } else if let Some(last) = lines.last_mut()
        && !fits(last)
    {
        whole = false;
        *last = ellipsize(last, size, bold, max_width);
    }
    (lines, whole)
}

/// Shortens `text` from the end and appends "…" so that it fits `max_width`.
fn ellipsize(text: &str, size: f64, bold: bool, max_width: f64) -> String {
    let mut chars: Vec<char> = text.trim_end().chars().collect();
    loop {
        let candidate: String = chars.iter().collect::<String>() + "…";
        if chars.is_empty() || room(&candidate, size, bold) <= max_width {
            return candidate;
        }
        chars.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_is_embedded_and_gives_exact_advances() {
        assert!(font().is_some(), "the metrics font must parse");
        // Noto Sans CJK SC: ideographs 1 em, digits 0.555 em, "%" 0.921 em.
        assert!((width("专利", 10.0) - 20.0).abs() < 1e-9);
        assert!((width("2021", 10.0) - 22.2).abs() < 1e-9);
        assert!((width("%", 1000.0) - 921.0).abs() < 1e-9);
        // Characters outside the subset fall back to a full or narrow em.
        assert!((width("\u{20000}", 10.0) - 10.0).abs() < 1e-9);
    }

    #[test]
    fn chinese_is_measured_per_character_not_per_byte() {
        // Measured, not estimated by bytes: 3 UTF-8 bytes per ideograph, 1 em wide.
        assert!((width("商标侵权案件", 16.0) - 96.0).abs() < 1e-9);
    }

    #[test]
    fn wraps_english_at_spaces() {
        let lines = wrap("Patents granted in Hubei province", 16.0, false, 180.0, 3);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| room(l, 16.0, false) <= 180.0));
        assert_eq!(lines.join(" "), "Patents granted in Hubei province");
    }

    #[test]
    fn wraps_chinese_between_characters_but_not_before_punctuation() {
        let lines = wrap("湖北省专利授权量，逐年增长", 16.0, false, 8.0 * 16.0 * (SAFETY + LETTER_SPACING), 3);
        assert!(lines.len() >= 2);
        assert!(lines.iter().all(|l| !l.starts_with('，')));
        assert_eq!(lines.concat(), "湖北省专利授权量，逐年增长");
    }

    #[test]
    fn too_long_text_ends_with_an_ellipsis() {
        let lines = wrap("知识产权质押融资登记金额与项目数量", 16.0, false, 60.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(lines.iter().all(|l| room(l, 16.0, false) <= 60.0));
    }

    #[test]
    fn wrap_whole_refuses_to_cut_words() {
        assert_eq!(wrap_whole("2021", 16.0, false, 20.0, 2), None);
        assert_eq!(
            wrap_whole("Trademark cases", 16.0, false, 120.0, 2),
            Some(vec!["Trademark".to_string(), "cases".to_string()])
        );
        assert_eq!(wrap_whole("商标侵权案件", 16.0, false, 60.0, 2), Some(vec!["商标侵".into(), "权案件".into()]));
    }

    #[test]
    fn balanced_wrapping_evens_out_lines() {
        let width = 12.0 * 16.0 * (SAFETY + LETTER_SPACING);
        let greedy = wrap("市场监督管理部门查处知识产权案件", 16.0, false, width, 3);
        assert_eq!(greedy.iter().map(|l| l.chars().count()).collect::<Vec<_>>(), [12, 4]);
        let balanced = wrap_balanced("市场监督管理部门查处知识产权案件", 16.0, false, width, 3);
        assert_eq!(balanced, ["市场监督管理部门", "查处知识产权案件"]);
        let english = wrap_balanced("Counterfeiting and infringement crimes solved by police", 16.0, false, 240.0, 3);
        assert_eq!(english.len(), 3);
        assert_eq!(english.join(" "), "Counterfeiting and infringement crimes solved by police");
        let widths: Vec<f64> = english.iter().map(|l| room(l, 16.0, false)).collect();
        let (min, max) = widths.iter().fold((f64::INFINITY, 0.0f64), |(a, b), w| (a.min(*w), b.max(*w)));
        assert!(max <= 240.0 && min > max / 2.0, "{english:?}");
        // One line stays one line; too long text is shortened as by `wrap`.
        assert_eq!(wrap_balanced("专利", 16.0, false, 100.0, 3), ["专利"]);
        let long = "很长的类别名称".repeat(10);
        assert_eq!(wrap_balanced(&long, 16.0, false, 100.0, 3), wrap(&long, 16.0, false, 100.0, 3));
    }

    #[test]
    fn wrap_never_panics_on_odd_input() {
        for text in ["", " ", "…", "（", "a", "\u{0}", "x".repeat(500).as_str()] {
            let lines = wrap(text, 16.0, true, 1.0, 2);
            assert!(!lines.is_empty());
            assert!(!wrap_balanced(text, 16.0, true, 1.0, 3).is_empty());
        }
    }
}
