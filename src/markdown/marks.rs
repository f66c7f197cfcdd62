//! Observation statuses and breaks in series as readers see them in HTML tables: a letter
//! after the value (`84万 l`) and a legend under the table naming each mark used, with the
//! note of every break. Shared by chart figures and dataset pages.

use std::collections::BTreeSet;

use super::shortcode::escape;
use crate::model::Dataset;
use crate::model::Lang;
use crate::model::quality::{self, BREAK_MARK, Status};
use crate::numfmt::Style;

/// The marks after the cell of row `row`, series `series`: its status, and `b` where a break
/// starts at this row. Empty for a plain cell.
pub fn cell(d: &Dataset, row: usize, series: usize, style: Style) -> String {
    let mut out = String::new();
    let r = &d.rows[row];
    if let Some(st) = r.status.get(series).copied().flatten() {
        out.push_str(&format!(
            " <abbr class=\"mark status-{}\" title=\"{}\">{}</abbr>",
            st.name(),
            escape(st.short(style)),
            st.mark()
        ));
    }
    let id = &d.series[series].id;
    if d.breaks.iter().any(|b| b.period == r.key && b.covers(id)) {
        out.push_str(&format!(
            " <abbr class=\"mark break\" title=\"{}\">{BREAK_MARK}</abbr>",
            escape(quality::not_comparable(style))
        ));
    }
    out
}

/// The statuses of the cells of `rows` × `series`, in legend order.
pub fn statuses_used(d: &Dataset, rows: &[usize], series: &[usize]) -> BTreeSet<Status> {
    rows.iter().flat_map(|&r| series.iter().filter_map(move |&s| d.rows[r].status.get(s).copied().flatten())).collect()
}

/// The legend for the marks of `rows` × `series`: each status used, then each break that
/// starts at one of the rows, with its period and note. Empty when nothing is marked.
pub fn legend(d: &Dataset, rows: &[usize], series: &[usize], lang: &Lang) -> String {
    let style = lang.style();
    let used = statuses_used(d, rows, series);
    let keys: BTreeSet<&str> = rows.iter().map(|&r| d.rows[r].key.as_str()).collect();
    let breaks: Vec<_> = d
        .breaks
        .iter()
        .filter(|b| keys.contains(b.period.as_str()) && series.iter().any(|&s| b.covers(&d.series[s].id)))
        .collect();
    if used.is_empty() && breaks.is_empty() {
        return String::new();
    }
    let sep = if style == Style::Chinese { "：" } else { ": " };
    let mut h = String::from("<dl class=\"marks-legend\">");
    for st in used {
        h.push_str(&format!(
            "<div><dt><abbr class=\"mark status-{}\">{}</abbr></dt><dd>{}</dd></div>",
            st.name(),
            st.mark(),
            escape(st.label(style))
        ));
    }
    for b in breaks {
        let period = d.key_label(&b.period, lang);
        let from = match (style, d.key.kind) {
            (Style::Chinese, crate::model::dataset::KeyKind::Year) => format!("{period}年起"),
            (Style::Chinese, _) => format!("{period}起"),
            (Style::English, _) => format!("from {period}"),
        };
        h.push_str(&format!(
            "<div><dt><abbr class=\"mark break\">{BREAK_MARK}</abbr></dt><dd>{}（{}）{sep}{}</dd></div>",
            escape(quality::break_label(style)),
            escape(&from),
            escape(b.note.get(lang))
        ));
    }
    h.push_str("</dl>");
    if style == Style::English {
        h = h.replace("）", ")").replace("（", " (");
    }
    h
}

/// Sentences for a chart's text description: which values are drawn hollow and why, and
/// where the scope changes.
pub fn chart_notes(d: &Dataset, rows: &[usize], series: &[usize], lang: &Lang, bars: bool) -> String {
    let style = lang.style();
    let mut out = String::new();
    let mut hollow: Vec<String> = Vec::new();
    for &r in rows {
        for &s in series {
            if let Some(st) = d.rows[r].status.get(s).copied().flatten() {
                let period = d.key_label(&d.rows[r].key, lang);
                let label = d.series[s].label.get(lang);
                hollow.push(match (style, d.key.kind) {
                    (Style::Chinese, crate::model::dataset::KeyKind::Year) => {
                        format!("{period}年{label}为{}", st.short(style))
                    }
                    (Style::Chinese, _) => format!("{period}{label}为{}", st.short(style)),
                    (Style::English, _) => format!("{label}, {period}: {}", st.short(style)),
                });
            }
        }
    }
    if !hollow.is_empty() {
        out.push_str(&match (style, bars) {
            (Style::Chinese, true) => format!("空心柱表示非确数：{}。", hollow.join("；")),
            (Style::Chinese, false) => format!("空心点表示非确数：{}。", hollow.join("；")),
            (Style::English, true) => {
                format!("Hollow bars mark figures that are not exact counts: {}.", hollow.join("; "))
            }
            (Style::English, false) => {
                format!("Open points mark figures that are not exact counts: {}.", hollow.join("; "))
            }
        });
    }
    let keys: BTreeSet<&str> = rows.iter().map(|&r| d.rows[r].key.as_str()).collect();
    for b in d
        .breaks
        .iter()
        .filter(|b| keys.contains(b.period.as_str()) && series.iter().any(|&s| b.covers(&d.series[s].id)))
    {
        let period = d.key_label(&b.period, lang);
        let note = b.note.get(lang);
        out.push_str(&match (style, d.key.kind) {
            (Style::Chinese, crate::model::dataset::KeyKind::Year) => {
                format!("虚线处统计口径调整，{period}年起的数据与此前不可比：{note}")
            }
            (Style::Chinese, _) => format!("虚线处统计口径调整，{period}起的数据与此前不可比：{note}"),
            (Style::English, _) => format!(
                "{}The dashed line marks a break in series: from {period} the figures are not comparable with earlier ones. {note}",
                if out.is_empty() { "" } else { " " }
            ),
        });
    }
    out
}
