//! Terms translated as the glossary says: when a page in the default language uses a term of
//! `glossary.yaml`, each translation must use one of its accepted renderings and none of the
//! variants to avoid. Matching ignores ASCII case; it looks at the prose only (not code, link
//! targets or raw HTML).

use super::figures::{blank_shortcodes, text_ranges};
use super::messages;
use crate::diag::Diagnostic;
use crate::model::{Page, Site};

/// The prose of a page: every byte of the body outside text events blanked to a space (so
/// offsets are those of the body), then, after the body, the unit and series labels that its
/// `{{ value(…) }}` calls print (`155,000 patents`); ASCII lowercased.
pub fn prose_text(site: &Site, page: &Page) -> String {
    let masked = blank_shortcodes(&page.body);
    let mut out = vec![b' '; masked.len()];
    for r in text_ranges(&masked) {
        out[r.clone()].copy_from_slice(&masked.as_bytes()[r]);
    }
    let mut s = String::from_utf8(out).unwrap_or_default();
    let data = site.data_for(page);
    for (_, _, call) in super::pairs::calls(&page.body) {
        if let Some((_, series)) = data.get(&call[1]).and_then(|d| d.series(&call[2])) {
            s.push('\n');
            s.push_str(series.unit.label.get(&page.lang));
            s.push('\n');
            s.push_str(series.label.get(&page.lang));
        }
    }
    s.make_ascii_lowercase();
    s
}

/// Byte offsets where `needle` (lowercased) occurs in `text`.
fn find_all(text: &str, needle: &str) -> Vec<std::ops::Range<usize>> {
    let needle = needle.to_ascii_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    text.match_indices(needle.as_str()).map(|(i, m)| i..i + m.len()).collect()
}

/// Warnings for translations that do not follow the glossary.
pub fn check(site: &Site, pages: &[&Page]) -> Vec<Diagnostic> {
    if site.glossary.terms.is_empty() {
        return Vec::new();
    }
    let default = site.config.default_lang().code();
    let mut out = Vec::new();
    // A variant reported once, for the first term that names it (知识产权质押融资 before 质押融资).
    let mut reported = std::collections::BTreeSet::new();
    for versions in super::by_key(pages).values() {
        let Some(first) = versions.iter().find(|p| p.lang == default) else { continue };
        let source = prose_text(site, first);
        for twin in versions.iter().filter(|p| p.lang != default) {
            let target = prose_text(site, twin);
            for term in &site.glossary.terms {
                let Some(names) = term.renderings.get(default) else { continue };
                let Some(used) = names
                    .iter()
                    .filter_map(|n| find_all(&source, n).into_iter().find(|r| r.end <= first.body.len()))
                    .min_by_key(|r| r.start)
                else {
                    continue;
                };
                let accepted = term.renderings.get(twin.lang.code()).map(Vec::as_slice).unwrap_or_default();
                if accepted.is_empty() {
                    continue;
                }
                let good: Vec<_> = accepted.iter().flat_map(|a| find_all(&target, a)).collect();
                let inside_good =
                    |r: &std::ops::Range<usize>| good.iter().any(|g| g.start <= r.start && r.end <= g.end);
                let avoided = term
                    .avoid
                    .get(twin.lang.code())
                    .into_iter()
                    .flatten()
                    .flat_map(|v| find_all(&target, v))
                    .filter(|r| !inside_good(r) && r.end <= twin.body.len())
                    .min_by_key(|r| r.start);
                let term_name = &names[0];
                if let Some(r) = avoided {
                    if !reported.insert((twin.source.as_str(), r.start)) {
                        continue;
                    }
                    let (m, h) = messages::glossary_avoided(&twin.body[r.clone()], term_name, &accepted[0]);
                    out.push(super::at(twin, r.start, m, h));
                } else if good.is_empty() {
                    let (m, h) =
                        messages::glossary_missing(&first.body[used.clone()], twin.lang.code(), accepted, &twin.source);
                    out.push(super::at(first, used.start, m, h));
                }
            }
        }
    }
    out
}
