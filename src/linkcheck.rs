//! Internal links, `#anchors` and images checked over the rendered (unminified) output.
//!
//! Every `href`/`src` that stays on the site must lead to a file the build writes, and every
//! fragment to an `id` in that file. Problems are reported against the page's source file,
//! at the line where the link is written when it can be found there.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Diagnostic, LineIndex};
use crate::model::Site;
use crate::output::Output;

/// The start tags of `html`: each tag's name and its attributes, quoted or not (so that
/// minified pages, which drop quotes where HTML allows, are read as well as written ones).
/// An attribute without a value has the value "".
fn tags(html: &str) -> Vec<(&str, Vec<(&str, &str)>)> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        i += off + 1;
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        let name = &html[name_start..i];
        let mut attrs = Vec::new();
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let a = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>') {
                i += 1;
            }
            let attr = &html[a..i];
            let mut value = "";
            if b.get(i) == Some(&b'=') {
                i += 1;
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |e| i + 1 + e);
                        value = &html[i + 1..end];
                        i = (end + 1).min(b.len());
                    }
                    _ => {
                        let v = i;
                        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                        value = &html[v..i];
                    }
                }
            }
            if attr.is_empty() {
                i += 1;
                continue;
            }
            attrs.push((attr, value));
        }
        out.push((name, attrs));
    }
    out
}

/// Bodies longer than this are not searched for a link's text (a 50 MB page with hundreds
/// of table-of-contents links would be searched hundreds of times).
const SEARCHED_BODY: usize = 1 << 20;

/// The targets of the links and images written in Markdown, each with the offset of its
/// first use (of the target inside the link, where it is written there).
fn link_targets(body: &str) -> BTreeMap<String, usize> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut out = BTreeMap::new();
    for (ev, r) in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_GFM)
        .into_offset_iter()
    {
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = ev {
            let at = body[r.clone()].find(dest_url.as_ref()).map_or(r.start, |i| r.start + i);
            out.entry(dest_url.to_string()).or_insert(at);
        }
    }
    out
}

/// Values of attribute `name` in `html`.
fn attrs<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    tags(html).into_iter().flat_map(|(_, a)| a.into_iter().filter(|(n, _)| *n == name).map(|(_, v)| v)).collect()
}

/// Decodes `&amp;` and `%XX` escapes of a URL written in HTML; bad escapes stay as written.
pub(crate) fn decode(s: &str) -> String {
    let s = s.replace("&amp;", "&");
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if let (b'%', Some(&h), Some(&l)) = (bytes[i], bytes.get(i + 1), bytes.get(i + 2))
            && let (Some(h), Some(l)) = (hex(h), hex(l))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).to_string()
}

/// Resolves `href` against the page URL `base` (a folder URL ending in `/`): the site path
/// and fragment, or `None` for external links. `Err` when it climbs above the site root.
fn resolve(base: &str, href: &str) -> Option<Result<(String, Option<String>), ()>> {
    if href.is_empty()
        || href.contains("://")
        || href.starts_with("//")
        || href.contains(':')
            && !href.starts_with('/')
            && !href.starts_with('#')
            && href.split(':').next().is_some_and(|s| !s.contains('/'))
    {
        return None;
    }
    let (path, frag) = match href.split_once('#') {
        Some((p, f)) => (p, Some(decode(f))),
        None => (href, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let joined = if path.is_empty() {
        base.to_string()
    } else if path.starts_with('/') {
        path.to_string()
    } else {
        format!("{base}{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Some(Err(()));
                }
            }
            s => parts.push(s),
        }
    }
    let mut p = format!("/{}", parts.join("/"));
    if joined.ends_with('/') && p != "/" {
        p.push('/');
    }
    Some(Ok((decode(&p), frag)))
}

/// Output file for a site path: `/a/` -> `a/index.html`.
fn file_for(path: &str) -> String {
    let p = path.trim_start_matches('/');
    if p.is_empty() || p.ends_with('/') { format!("{p}index.html") } else { p.to_string() }
}

/// The `id`s of an HTML file of the output, decoded; `None` for a file that is not HTML or
/// cannot be read.
fn ids_of(output: &Output, file: &str) -> Option<BTreeSet<String>> {
    if !file.ends_with(".html") || !output.contains(file) {
        return None;
    }
    let bytes = output.read(file).ok()?;
    Some(attrs(&String::from_utf8_lossy(&bytes), "id").into_iter().map(decode).collect())
}

/// A warning found, or one that depends on the `id`s of another page (checked once every
/// page is read, so that no page's `id`s are kept longer than its own check).
enum Found<'p> {
    Warning(Diagnostic),
    /// `#frag` of `target` (whose file is `file`), linked from `page` at `line:col`.
    Anchor {
        page: &'p crate::model::Page,
        file: String,
        frag: String,
        target: String,
        line: usize,
        col: usize,
    },
}

/// Checks every HTML page of `output`; returns warnings against source files.
pub fn check(output: &Output, site: &Site) -> Vec<Diagnostic> {
    let sources: BTreeMap<String, &crate::model::Page> =
        site.pages.iter().map(|p| (crate::model::layout::page_file(&p.url), p)).collect();
    // Pages are read one at a time (a built site's are on disk, in its staging folder); a
    // page's own `id`s are at hand while it is read, other pages' anchors are checked after.
    let mut out: Vec<Found<'_>> = Vec::new();
    for (path, page) in &sources {
        let Ok(bytes) = output.read(path) else {
            continue;
        };
        let html = String::from_utf8_lossy(&bytes);
        let own_ids: std::cell::OnceCell<BTreeSet<String>> = std::cell::OnceCell::new();
        let lines = LineIndex::new(&page.body);
        // Where a link is written: the link or image of the Markdown source whose target it
        // is (Markdown writes `#二知识产权创造` percent-encoded into the page), else, in a page
        // of ordinary length, the first place its text appears (raw HTML); else the start.
        let written = link_targets(&page.body);
        let locate = |needle: &str| {
            let decoded = decode(needle);
            let found = written.get(needle).or_else(|| written.get(decoded.as_str())).copied().or_else(|| {
                (page.body.len() <= SEARCHED_BODY && !needle.is_empty())
                    .then(|| page.body.find(needle).or_else(|| page.body.find(decoded.as_str())))
                    .flatten()
            });
            found.map_or((1, 1), |off| {
                let (l, c) = lines.position(off);
                (l + page.body_line - 1, c)
            })
        };
        let page_tags = tags(&html);
        let attr = |name: &str| -> Vec<&str> {
            page_tags.iter().flat_map(|(_, a)| a.iter().filter(|(n, _)| *n == name).map(|(_, v)| *v)).collect()
        };
        let mut links: Vec<&str> = attr("href");
        links.extend(attr("src"));
        let base = site.config.base_path();
        for href in links {
            // Links were moved under the base URL's path; resolve them as site paths.
            let href = match href.strip_prefix(base) {
                Some(rest) if !base.is_empty() && rest.starts_with('/') => rest,
                _ => href,
            };
            let Some(resolved) = resolve(&page.url, href) else {
                continue;
            };
            // Located only for a warning or an anchor to check: searching the page for every
            // link it holds (the theme's navigation included) took a tenth of a large build.
            let Ok((target, frag)) = resolved else {
                let (l, c) = locate(href);
                out.push(Found::Warning(
                    Diagnostic::warning(&page.source, l, c, crate::msg::link_outside(href))
                        .with_hint(crate::msg::link_outside_hint()),
                ));
                continue;
            };
            let file = file_for(&target);
            let exists = output.contains(&file) || output.contains(&format!("{file}/index.html"));
            if !exists {
                let (l, c) = locate(href);
                out.push(Found::Warning(
                    Diagnostic::warning(&page.source, l, c, crate::msg::link_nowhere(href))
                        .with_hint(crate::msg::link_nowhere_hint()),
                ));
                continue;
            }
            if let Some(f) = frag.filter(|f| !f.is_empty() && f != "top") {
                let (l, c) = locate(href);
                if file != *path {
                    out.push(Found::Anchor { page, file, frag: f, target, line: l, col: c });
                } else if !own_ids.get_or_init(|| attrs(&html, "id").into_iter().map(decode).collect()).contains(&f) {
                    out.push(Found::Warning(anchor_missing(page, &f, &target, l, c)));
                }
            }
        }
        // Images without alt text.
        for (name, a) in &page_tags {
            if !name.eq_ignore_ascii_case("img") {
                continue;
            }
            let src = a.iter().find(|(n, _)| *n == "src").map_or("", |(_, v)| *v).to_string();
            let alt = a.iter().find(|(n, _)| *n == "alt").map(|(_, v)| *v);
            // An empty alt marks a decorative image: fine where the theme put it (a chart
            // thumbnail beside its title), a forgotten description where the author did.
            let authored = !src.is_empty() && page.body.contains(src.as_str());
            if alt.is_none() || (alt == Some("") && authored) {
                let (l, c) = locate(&src);
                out.push(Found::Warning(
                    Diagnostic::warning(&page.source, l, c, crate::msg::image_no_alt(&src))
                        .with_hint(crate::msg::image_no_alt_hint()),
                ));
            }
        }
    }
    // Anchors in other pages: each such page read once, its `id`s dropped after.
    let mut by_file: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, f) in out.iter().enumerate() {
        if let Found::Anchor { file, .. } = f {
            by_file.entry(file.as_str()).or_default().push(i);
        }
    }
    let mut missing = vec![false; out.len()];
    for (file, uses) in &by_file {
        let ids = ids_of(output, file);
        for &i in uses {
            if let Found::Anchor { frag, .. } = &out[i] {
                missing[i] = !ids.as_ref().is_some_and(|s| s.contains(frag));
            }
        }
    }
    out.into_iter()
        .zip(missing)
        .filter_map(|(f, missing)| match f {
            Found::Warning(d) => Some(d),
            Found::Anchor { page, frag, target, line, col, .. } => {
                missing.then(|| anchor_missing(page, &frag, &target, line, col))
            }
        })
        .collect()
}

fn anchor_missing(page: &crate::model::Page, frag: &str, target: &str, line: usize, col: usize) -> Diagnostic {
    Diagnostic::warning(&page.source, line, col, crate::msg::anchor_missing(frag, target))
        .with_hint(crate::msg::anchor_missing_hint())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_links() {
        assert_eq!(resolve("/a/b/", "../c/#x"), Some(Ok(("/a/c/".into(), Some("x".into())))));
        assert_eq!(resolve("/a/", "#x"), Some(Ok(("/a/".into(), Some("x".into())))));
        assert_eq!(resolve("/a/", "https://x.org/"), None);
        assert_eq!(resolve("/a/", "mailto:x@y"), None);
        assert_eq!(resolve("/a/", "../../x"), Some(Err(())));
        assert_eq!(file_for("/data/x.csv"), "data/x.csv");
        assert_eq!(file_for("/"), "index.html");
        assert_eq!(decode("/%E4%B8%AD/%中%2"), "/中/%中%2");
    }
}
