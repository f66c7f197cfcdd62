//! Prose checked against data: figures typed by hand that nearly match the datasets, the
//! language versions of a page that state different figures, and terms translated against the
//! site's glossary. Everything here is a warning (`check --strict` fails on them); nothing
//! stops a build.
//!
//! Works on the Markdown source (pulldown-cmark offsets), never on the HTML, so positions are
//! exact and code, link targets and raw HTML are left alone. Reads no files.

pub mod figures;
pub mod glossary;
mod messages;
pub mod nearmiss;
pub mod pairs;

use std::collections::BTreeMap;

use crate::diag::{Diagnostic, LineIndex};
use crate::model::{Lang, Page, Site};
use crate::numfmt::{self, Period, Unit};

use figures::Figure;
use nearmiss::{Candidate, Verdict};
use rayon::prelude::*;

/// Every prose warning of the site's pages: near misses, language versions that disagree,
/// glossary terms rendered otherwise.
pub fn warnings(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    warnings_into(site, &mut |d| out.push(d));
    out
}

/// How many pages (or language versions of a page) are checked at a time: their warnings are
/// handed on before the next ones are checked, so that a big site's are never all in memory.
pub(crate) const CHUNK: usize = 1024;

/// [`warnings`], each handed to `add` as it is found (in the same order).
pub fn warnings_into(site: &Site, add: &mut dyn FnMut(Diagnostic)) {
    let pages: Vec<&Page> = site.pages.iter().filter(|p| !p.generated).collect();
    for chunk in pages.chunks(CHUNK) {
        let found: Vec<Diagnostic> = chunk.par_iter().flat_map_iter(|p| near_misses(site, p)).collect();
        found.into_iter().for_each(&mut *add);
    }
    pairs::check_into(site, &pages, add);
    glossary::check(site, &pages).into_iter().for_each(add);
}

/// A warning at byte `offset` of a page's body, with the source line under it.
pub(crate) fn at(page: &Page, offset: usize, message: crate::msg::Said, hint: crate::msg::Said) -> Diagnostic {
    at_indexed(page, &LineIndex::new(&page.body), offset, message, hint)
}

/// [`at`] with the body's line index made once (a long page may have many warnings).
pub(crate) fn at_indexed(
    page: &Page,
    lines: &LineIndex<'_>,
    offset: usize,
    message: crate::msg::Said,
    hint: crate::msg::Said,
) -> Diagnostic {
    let (l, c) = lines.position(offset);
    let mut d = Diagnostic::warning(&page.source, l + page.body_line - 1, c, message).with_hint(hint);
    d.source_line = page.body.lines().nth(l - 1).map(str::to_string);
    d
}

/// The near misses among the figures typed on one page: checked against the page's own
/// datasets first, then all of them. A figure equal to any value in the data is fine.
pub fn near_misses(site: &Site, page: &Page) -> Vec<Diagnostic> {
    let figures = figures::extract(&page.body);
    if figures.is_empty() {
        return Vec::new();
    }
    let data = site.data_for(page);
    let named = crate::markdown::datasets_named(&page.body);
    let all = nearmiss::candidates(data);
    let masked = figures::blank_shortcodes(&page.body);
    let lines = LineIndex::new(&page.body);
    let mut out = Vec::new();
    for f in figures.iter().filter(|f| !f.approximate) {
        let fitting: Vec<&Candidate> = all
            .iter()
            .filter(|c| {
                c.class == f.class && nearmiss::unit_fits(f, c.dataset.series[c.series].unit.label.get(&page.lang))
            })
            .collect();
        if fitting.iter().any(|c| nearmiss::compare(f, c.value) == Verdict::Equal) {
            continue;
        }
        let mut near: Vec<&&Candidate> =
            fitting.iter().filter(|c| nearmiss::compare(f, c.value) == Verdict::Near).collect();
        // The page's own datasets first, then the closest.
        near.sort_by(|a, b| {
            let own = |c: &Candidate| !named.contains(&c.dataset.id);
            let dist = |c: &Candidate| ((c.value - f.value) / f.value).abs();
            (own(a), dist(a)).partial_cmp(&(own(b), dist(b))).unwrap_or(std::cmp::Ordering::Equal)
        });
        near.retain(|c| related(&masked, f, c, &page.lang));
        if let Some(c) = near.first() {
            let (shown, call) = render_candidate(c, &page.lang);
            let series = &c.dataset.series[c.series].id;
            let (message, hint) = messages::near_miss(&f.text, &c.dataset.id, series, c.key, &shown, &call);
            out.push(at_indexed(page, &lines, f.range.start, message, hint));
        }
    }
    out
}

/// Words that say nothing about which figure is meant.
const GENERIC: &[&str] = &[
    "知识",
    "识产",
    "产权",
    "全省",
    "湖北",
    "全年",
    "其中",
    "intellectual",
    "property",
    "hubei",
    "province",
    "total",
    "number",
    "year",
    "the",
    "and",
    "of",
    "in",
    "ip",
];

/// Whether the text around a figure names what the candidate counts: the clause before it
/// (the sentence, for a percentage, which often follows the figure it is a change of; the
/// row, in a table) shares a word with the dataset's title or the series' label. A digit
/// slip of a figure about something else (`1508件` granted after pre-examination, beside
/// 1504 PCT applications) is not a near miss.
/// `body` has its shortcodes blanked.
fn related(body: &str, f: &Figure, c: &Candidate, lang: &Lang) -> bool {
    let before = &body[..f.range.start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let from = if body[line_start..].trim_start().starts_with('|') {
        line_start
    } else {
        let stops: &[char] = if matches!(f.class, figures::Class::Percent | figures::Class::Points) {
            &['。', '；', '！', '？', '\n', ';', '!', '?']
        } else {
            &['。', '；', '！', '？', '\n', '，', '、', '：', ';', '!', '?', ',', ':']
        };
        before
            .trim_end_matches(|ch: char| ch.is_ascii_digit() || ch == ',')
            .rfind(stops)
            .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8))
    };
    let context = &body[from..f.range.end];
    let ds = c.dataset;
    let about = format!("{} {}", ds.title.get(lang), ds.series[c.series].label.get(lang));
    let words = |t: &str| -> std::collections::BTreeSet<String> {
        let mut out = std::collections::BTreeSet::new();
        let chars: Vec<char> = t.chars().collect();
        for w in chars.windows(2) {
            if w.iter().all(|ch| ('\u{4e00}'..='\u{9fff}').contains(ch)) {
                out.insert(w.iter().collect::<String>());
            }
        }
        for w in t.split(|ch: char| !ch.is_ascii_alphabetic()).filter(|w| w.len() >= 3) {
            out.insert(w.to_ascii_lowercase().trim_end_matches('s').to_string());
        }
        out.retain(|w| !GENERIC.contains(&w.as_str()));
        out
    };
    !words(context).is_disjoint(&words(&about))
}

/// A candidate as the page's language writes it, and the shortcode that writes it.
pub(crate) fn render_candidate(c: &Candidate, lang: &Lang) -> (String, String) {
    let ds = c.dataset;
    let s = &ds.series[c.series];
    let unit = Unit {
        kind: s.unit.kind,
        label: s.unit.label.get(lang),
        currency: s.unit.currency.as_deref(),
        precision: s.precision,
    };
    let style = lang.style();
    let shown = if c.change {
        let ri = ds.row_index(c.key).unwrap_or(0);
        let previous = ri.checked_sub(1).and_then(|p| ds.rows[p].values[c.series]);
        let per = if ds.key.kind == crate::model::dataset::KeyKind::Year { Period::Year } else { Period::Other };
        numfmt::change(ds.value(c.key, c.series), previous, &unit, per, style)
    } else {
        numfmt::value(Some(c.value), &unit, style)
    };
    (shown, call_text(if c.change { "change" } else { "value" }, &ds.id, &s.id, c.key))
}

/// `{{ value(data="…", series="…", period=2021) }}`: a period of digits unquoted, others quoted.
pub(crate) fn call_text(name: &str, data: &str, series: &str, key: &str) -> String {
    let period = if key.chars().all(|c| c.is_ascii_digit()) { key.to_string() } else { format!("\"{key}\"") };
    format!("{{{{ {name}(data=\"{data}\", series=\"{series}\", period={period}) }}}}")
}

/// Pages by key, for pairing language versions.
pub(crate) fn by_key<'a>(pages: &[&'a Page]) -> BTreeMap<&'a str, Vec<&'a Page>> {
    let mut m: BTreeMap<&str, Vec<&Page>> = BTreeMap::new();
    for p in pages {
        m.entry(p.key.as_str()).or_default().push(p);
    }
    m
}
