//! Atom feeds per language, `sitemap.xml` with hreflang alternates, `robots.txt`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::PageOut;
use crate::markdown::shortcode::escape;
use crate::model::{PageKind, Site};
use crate::output::Output;

/// Adds the feeds, the sitemap and robots.txt. `generated` lists the pages the build makes in
/// every language besides the Markdown pages and the data pages, by their default-language
/// path (`/releases/calendar/`).
pub fn all(site: &Site, rendered: &[PageOut<'_>], generated: &[String], output: &mut Output) {
    for l in &site.config.languages {
        let prefix = site.config.lang_prefix(&l.code);
        output.add(format!("{}atom.xml", format!("{prefix}/").trim_start_matches('/')), atom(site, rendered, &l.code));
    }
    output.add("sitemap.xml", sitemap(site, rendered, generated));
    output.add("robots.txt", format!("User-agent: *\nAllow: /\n\nSitemap: {}/sitemap.xml\n", site.config.base_url));
}

fn rfc3339(z: &jiff::Zoned) -> String {
    z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// An Atom 1.0 feed of one language's pages (releases included), newest first.
fn atom(site: &Site, rendered: &[PageOut<'_>], lang: &str) -> String {
    let c = &site.config;
    let default = c.default_lang().code.as_str();
    let home = format!("{}/", c.lang_prefix(lang));
    let mut entries: Vec<&PageOut<'_>> = rendered
        .iter()
        .filter(|p| p.page.lang == lang && p.page.kind != PageKind::Home && p.page.sort_date().is_some())
        .collect();
    entries.sort_by(|a, b| {
        b.page
            .sort_date()
            .map(|d| d.timestamp())
            .cmp(&a.page.sort_date().map(|d| d.timestamp()))
            .then(a.page.url.cmp(&b.page.url))
    });
    entries.truncate(50);
    let updated = entries
        .first()
        .and_then(|p| p.page.sort_date())
        .map_or_else(|| "1970-01-01T00:00:00+00:00".to_string(), rfc3339);
    let tag = c.language(lang).map_or(lang, |l| l.tag.as_str());
    let mut x = String::new();
    let _ = writeln!(x, "<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    let _ = writeln!(x, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">", escape(tag));
    let _ = writeln!(x, "<title>{}</title>", escape(c.title.get(lang, default)));
    let desc = c.description.get(lang, default);
    if !desc.is_empty() {
        let _ = writeln!(x, "<subtitle>{}</subtitle>", escape(desc));
    }
    let _ = writeln!(
        x,
        "<link href=\"{}\" rel=\"self\" type=\"application/atom+xml\"/>",
        escape(&c.absolute(&format!("{home}atom.xml")))
    );
    let _ = writeln!(x, "<link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>", escape(&c.absolute(&home)));
    let _ = writeln!(x, "<id>{}</id>", escape(&c.absolute(&home)));
    let _ = writeln!(x, "<updated>{updated}</updated>");
    let _ = writeln!(x, "<author><name>{}</name></author>", escape(c.publisher.get(lang, default)));
    let _ = writeln!(x, "<rights>{}</rights>", escape(&c.license));
    for p in entries {
        let url = c.absolute(&p.page.url);
        let date = p.page.sort_date().map(rfc3339).unwrap_or_default();
        let summary =
            p.page.front.summary.clone().unwrap_or_else(|| super::pages::truncate(p.body.first_paragraph.trim(), 200));
        let _ = writeln!(x, "<entry>");
        let _ = writeln!(x, "<title>{}</title>", escape(&p.page.front.title));
        let _ = writeln!(x, "<link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>", escape(&url));
        let _ = writeln!(x, "<id>{}</id>", escape(&url));
        let _ = writeln!(x, "<published>{date}</published>");
        let _ = writeln!(x, "<updated>{date}</updated>");
        if !summary.is_empty() {
            let _ = writeln!(x, "<summary>{}</summary>", escape(&summary));
        }
        let _ = writeln!(x, "</entry>");
    }
    x.push_str("</feed>\n");
    x
}

/// The sitemap: every published page, with `xhtml:link` alternates for translated pairs.
fn sitemap(site: &Site, rendered: &[PageOut<'_>], generated: &[String]) -> String {
    let c = &site.config;
    let mut by_key: BTreeMap<&str, Vec<&PageOut<'_>>> = BTreeMap::new();
    for p in rendered {
        by_key.entry(p.page.key.as_str()).or_default().push(p);
    }
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let mut urls: Vec<(String, String)> = Vec::new();
    for p in rendered {
        let mut s = String::new();
        let _ = writeln!(s, "<url><loc>{}</loc>", escape(&c.absolute(&p.page.url)));
        if let Some(d) = p.page.sort_date() {
            let _ = writeln!(s, "<lastmod>{}</lastmod>", d.date());
        }
        let group = &by_key[p.page.key.as_str()];
        if group.len() > 1 {
            for q in group {
                let tag = c.language(&q.page.lang).map_or(q.page.lang.as_str(), |l| l.tag.as_str());
                let _ = writeln!(
                    s,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    escape(tag),
                    escape(&c.absolute(&q.page.url))
                );
            }
            if let Some(d) = group.iter().find(|q| q.page.lang == c.default_lang().code) {
                let _ = writeln!(
                    s,
                    "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                    escape(&c.absolute(&d.page.url))
                );
            }
        }
        s.push_str("</url>\n");
        urls.push((p.page.url.clone(), s));
    }
    if !site.datasets.is_empty() {
        for l in &c.languages {
            let prefix = c.lang_prefix(&l.code);
            let mut paths = vec![format!("{prefix}/data/")];
            paths.extend(site.datasets.keys().map(|id| format!("{prefix}/data/{id}/")));
            // The catalogue changes when any dataset does; a dataset page when its data does.
            let newest = site.datasets.values().filter_map(|d| d.updated).max();
            for path in paths {
                let mut s = format!("<url><loc>{}</loc>\n", escape(&c.absolute(&path)));
                let id = path.strip_prefix(&format!("{prefix}/data/")).and_then(|r| r.strip_suffix('/'));
                let updated = match id {
                    Some(id) if !id.is_empty() => site.datasets.get(id).and_then(|d| d.updated),
                    _ => newest,
                };
                if let Some(u) = updated {
                    let _ = writeln!(s, "<lastmod>{u}</lastmod>");
                }
                let tail = path.strip_prefix(&prefix).unwrap_or(&path);
                every_language(site, tail, &mut s);
                urls.push((path, s));
            }
        }
    }
    for tail in generated {
        for l in &c.languages {
            let path = format!("{}{tail}", c.lang_prefix(&l.code));
            let mut s = format!("<url><loc>{}</loc>\n", escape(&c.absolute(&path)));
            every_language(site, tail, &mut s);
            urls.push((path, s));
        }
    }
    urls.sort();
    for (_, s) in urls {
        x.push_str(&s);
    }
    x.push_str("</urlset>\n");
    x
}

/// The alternates of a page made in every language (`tail` is its default-language path),
/// with `x-default`, and the end of its `<url>`.
fn every_language(site: &Site, tail: &str, s: &mut String) {
    let c = &site.config;
    for l in &c.languages {
        let u = format!("{}{tail}", c.lang_prefix(&l.code));
        let _ = writeln!(
            s,
            "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
            escape(&l.tag),
            escape(&c.absolute(&u))
        );
    }
    let _ =
        writeln!(s, "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>", escape(&c.absolute(tail)));
    s.push_str("</url>\n");
}
