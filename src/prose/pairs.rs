//! The language versions of a page state the same figures.
//!
//! Each version's figures (typed by hand, and `{{ value }}`/`{{ change }}` calls) are
//! normalised to base units and compared with the default language's version. Two figures
//! agree when they are equal at the coarser of their two precisions: `50.26亿元` and
//! `5.03 billion yuan` agree (both are 5.03 billion to the ten million), `15.5万件` and
//! `155,000 patents` agree, `15.6万件` and `155,000 patents` do not. A call agrees with the
//! same call in the other version, or with a typed figure equal to its value. Whole numbers
//! below 13 written without a magnitude are left out: English spells them (`five places`).
//!
//! A figure one version has and the other lacks, or states differently, is a warning at
//! the figure.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::figures::{self, Class, Figure};
use super::messages;
use crate::diag::Diagnostic;
use crate::model::{Dataset, Page, Site};

/// A figure of one version, typed or written by a call.
#[derive(Clone, Debug)]
struct Stated {
    /// Byte offset in the body.
    offset: usize,
    /// As written.
    text: String,
    class: Class,
    value: f64,
    /// The place value of the last digit (0 for a call: exact).
    step: f64,
    /// `value|data|series|period` for a call.
    call: Option<String>,
    /// A bare number: it may match a figure, but is not reported itself.
    bare: bool,
}

/// Warnings for every page whose language versions state different figures.
pub fn check(site: &Site, pages: &[&Page]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_into(site, pages, &mut |d| out.push(d));
    out
}

/// [`check`], the warnings handed to `add` a few hundred pages at a time (in the same order).
pub fn check_into(site: &Site, pages: &[&Page], add: &mut dyn FnMut(Diagnostic)) {
    use rayon::prelude::*;
    let default = site.config.default_lang().code();
    let groups: Vec<_> = super::by_key(pages).into_values().collect();
    for chunk in groups.chunks(super::CHUNK) {
        let found: Vec<Diagnostic> = chunk
            .par_iter()
            .flat_map_iter(|versions| {
                let mut out = Vec::new();
                let Some(first) = versions.iter().find(|p| p.lang == default) else { return out };
                let a = stated(site, first, default);
                for other in versions.iter().filter(|p| p.lang != default) {
                    let b = stated(site, other, default);
                    out.extend(compare(first, &a, other, &b));
                    out.extend(compare(other, &b, first, &a));
                }
                out
            })
            .collect();
        found.into_iter().for_each(&mut *add);
    }
}

/// Warnings for the figures of `page` that `twin` does not state.
fn compare(page: &Page, mine: &[Stated], twin: &Page, theirs: &[Stated]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let lines = crate::diag::LineIndex::new(&page.body);
    for s in mine.iter().filter(|s| !s.bare) {
        if theirs.iter().any(|t| agree(s, t)) {
            continue;
        }
        let differs = theirs.iter().find(|t| t.class == s.class && t.call.is_none() && s.call.is_none() && close(s, t));
        let (message, hint) = match differs {
            Some(t) => messages::pair_differs(&s.text, twin.lang.code(), &t.text, &twin.source),
            None => messages::pair_missing(&s.text, twin.lang.code(), &twin.source),
        };
        out.push(super::at_indexed(page, &lines, s.offset, message, hint));
    }
    out
}

/// Whether two figures say the same: the same call, or equal at the coarser precision.
fn agree(a: &Stated, b: &Stated) -> bool {
    if let (Some(x), Some(y)) = (&a.call, &b.call) {
        return x == y;
    }
    let like = |x: Class, y: Class| x == y || (x == Class::Count && y == Class::Money);
    if !(a.class == b.class || a.bare && like(a.class, b.class) || b.bare && like(b.class, a.class)) {
        return false;
    }
    let step = a.step.max(b.step);
    if step == 0.0 {
        return a.value == b.value;
    }
    (a.value / step).round() == (b.value / step).round()
}

/// Whether two typed figures are near enough to be the same figure stated differently.
fn close(a: &Stated, b: &Stated) -> bool {
    let scale = a.value.abs().max(b.value.abs());
    scale > 0.0 && (a.value - b.value).abs() / scale < 0.1
}

/// The figures a page states.
fn stated(site: &Site, page: &Page, default: &str) -> Vec<Stated> {
    let mut out: Vec<Stated> = figures::extract_with_bare(&page.body)
        .into_iter()
        .filter(|f| !small_whole(f))
        .map(|f| Stated {
            bare: f.bare,
            offset: f.range.start,
            text: f.text,
            class: f.class,
            value: f.value,
            step: f.step,
            call: None,
        })
        .collect();
    out.extend(calls(&page.body).into_iter().filter_map(|(offset, text, call)| {
        let (class, value) = call_value(site.data_for(page), &call)?;
        let _ = default;
        let step = if call[0] == "change" { 0.1 } else { 0.0 };
        Some(Stated { offset, text, class, value, step, call: Some(call.join("|")), bare: false })
    }));
    out
}

/// Whole numbers below 13 with no magnitude: English writes them as words.
fn small_whole(f: &Figure) -> bool {
    f.class == Class::Count
        && f.value < 13.0
        && f.value.fract() == 0.0
        && !f.text.contains(['万', '亿', '.'])
        && !f.text.contains("illion")
        && !f.text.contains("thousand")
}

/// The `{{ … }}` calls of a body outside code: offset, text, `[name, data, series, period]`.
pub(crate) fn calls(body: &str) -> Vec<(usize, String, Vec<String>)> {
    let mut code = Vec::new();
    let mut block = None;
    for (ev, r) in Parser::new_ext(body, pulldown_cmark::Options::empty()).into_offset_iter() {
        match ev {
            Event::Code(_) => code.push(r),
            Event::Start(Tag::CodeBlock(_)) => block = Some(r),
            Event::End(TagEnd::CodeBlock) => code.extend(block.take()),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(found) = body[pos..].find("{{") {
        let start = pos + found;
        let Some(len) = body[start..].find("}}") else { break };
        pos = start + len + 2;
        if code.iter().any(|r| r.contains(&start)) {
            continue;
        }
        let Ok(call) = crate::markdown::shortcode::parse(&body[start + 2..pos - 2]) else { continue };
        let arg = |k: &str| call.args.iter().find(|(n, _)| n == k).map_or(String::new(), |(_, v)| v.clone());
        out.push((
            start,
            body[start..pos].to_string(),
            vec![call.name.clone(), arg("data"), arg("series"), arg("period")],
        ));
    }
    out
}

/// The value a call prints, as a number of its class.
fn call_value(data: &BTreeMap<String, Dataset>, call: &[String]) -> Option<(Class, f64)> {
    let ds = data.get(&call[1])?;
    let (si, s) = ds.series(&call[2])?;
    let ri = ds.row_index(&call[3])?;
    let v = ds.rows[ri].values[si]?;
    let class = super::nearmiss::class_of(s.unit.kind);
    if call[0] == "value" {
        return Some((class, v));
    }
    let p = ri.checked_sub(1).and_then(|p| ds.rows[p].values[si])?;
    if class == Class::Percent {
        Some((Class::Points, ((v - p) * 10.0).round() / 10.0))
    } else if p != 0.0 {
        Some((Class::Percent, ((v - p) / p.abs() * 1000.0).round() / 10.0))
    } else {
        None
    }
}
