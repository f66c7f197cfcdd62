//! Terms translated as the glossary says: when a page in the default language uses a term of
//! `glossary.yaml`, each translation must use one of its accepted renderings and none of the
//! variants to avoid. Matching ignores ASCII case; it looks at the prose only (not code, link
//! targets or raw HTML).

use super::figures::{blank_shortcodes, text_ranges};
use super::messages;
use crate::diag::Diagnostic;
use crate::model::{Page, Site};

/// The prose of a body: every byte outside text events blanked to a space, ASCII lowercased
/// (offsets are those of the body).
pub fn prose_text(body: &str) -> String {
    let masked = blank_shortcodes(body);
    let mut out = vec![b' '; masked.len()];
    for r in text_ranges(&masked) {
        out[r.clone()].copy_from_slice(&masked.as_bytes()[r]);
    }
    let mut s = String::from_utf8(out).unwrap_or_default();
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
    let default = site.config.default_lang().code.as_str();
    let mut out = Vec::new();
    for versions in super::by_key(pages).values() {
        let Some(first) = versions.iter().find(|p| p.lang == default) else { continue };
        let source = prose_text(&first.body);
        for twin in versions.iter().filter(|p| p.lang != default) {
            let target = prose_text(&twin.body);
            for term in &site.glossary.terms {
                let Some(names) = term.renderings.get(default) else { continue };
                let Some(used) = names.iter().filter_map(|n| find_all(&source, n).into_iter().next()).min_by_key(|r| r.start)
                else {
                    continue;
                };
                let accepted = term.renderings.get(&twin.lang).map(Vec::as_slice).unwrap_or_default();
                if accepted.is_empty() {
                    continue;
                }
                let good: Vec<_> = accepted.iter().flat_map(|a| find_all(&target, a)).collect();
                let inside_good = |r: &std::ops::Range<usize>| good.iter().any(|g| g.start <= r.start && r.end <= g.end);
                let avoided = term
                    .avoid
                    .get(&twin.lang)
                    .into_iter()
                    .flatten()
                    .flat_map(|v| find_all(&target, v))
                    .filter(|r| !inside_good(r))
                    .min_by_key(|r| r.start);
                let term_name = &names[0];
                if let Some(r) = avoided {
                    let (m, h) = messages::glossary_avoided(&twin.body[r.clone()], term_name, &accepted[0]);
                    out.push(super::at(twin, r.start, m, h));
                } else if good.is_empty() {
                    let (m, h) = messages::glossary_missing(&first.body[used.clone()], &twin.lang, accepted, &twin.source);
                    out.push(super::at(first, used.start, m, h));
                }
            }
        }
    }
    out
}
