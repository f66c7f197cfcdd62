//! Atom feeds per language, `sitemap.xml` with hreflang alternates, `robots.txt`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{PageOut, RenderContext};
use crate::markdown::shortcode::escape;
use crate::model::{Lang, PageKind, Site};
use crate::output::Output;

/// Adds the feeds, the sitemap and robots.txt. `generated` lists the pages the build makes in
/// every language besides the Markdown pages and the data pages, by their default-language
/// path (`/releases/calendar/`).
pub fn all(cx: &RenderContext<'_>, generated: &[String], output: &mut Output) {
    let (site, rendered) = (cx.site, cx.pages);
    for l in &site.config.languages {
        output.add(format!("{}atom.xml", l.url("").trim_start_matches('/')), atom(site, rendered, l));
    }
    output.add("sitemap.xml", sitemap(site, rendered, generated));
    output.add("robots.txt", format!("User-agent: *\nAllow: /\n\nSitemap: {}/sitemap.xml\n", site.config.base_url));
}

fn rfc3339(z: &jiff::Zoned) -> String {
    z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// The date of the newest correction to a figure the page shows, if any.
fn corrected_on(site: &Site, p: &PageOut<'_>) -> Option<jiff::civil::Date> {
    let data = site.data_for(p.page);
    p.body.datasets.iter().filter_map(|id| data.get(id)).flat_map(|d| d.revisions.iter().map(|r| r.date)).max()
}

/// When a page last changed: its date, or a later correction of its figures.
fn page_updated(site: &Site, p: &PageOut<'_>) -> Option<jiff::Zoned> {
    let date = p.page.sort_date().cloned();
    let corrected = corrected_on(site, p).and_then(|d| d.to_zoned(site.config.timezone.clone()).ok());
    match (date, corrected) {
        (Some(a), Some(b)) => Some(if b.timestamp() > a.timestamp() { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// One feed entry per correction (a version after a release's first), newest first:
/// (date, title, link, summary).
fn correction_entries(site: &Site, lang: &Lang) -> Vec<(jiff::Zoned, String, String, String)> {
    let c = &site.config;
    let chinese = lang.is_chinese();
    let mut out = Vec::new();
    for (id, list) in &site.versions {
        for pair in list.windows(2) {
            let (Some(a), Some(b)) = (&pair[0].frozen, &pair[1].frozen) else { continue };
            if a.release != b.release {
                continue;
            }
            let Ok(at) = b.date.to_zoned(c.timezone.clone()) else { continue };
            let title = pair[1].title.get(lang);
            let heading = if chinese {
                format!("更正：{title}（{}年发布，第{}版）", b.release, b.version)
            } else {
                format!("Correction: {title} ({} release, version {})", b.release, b.version)
            };
            let link = c.absolute(&format!("{}#versions", lang.url(&format!("data/{id}"))));
            let reasons: Vec<&str> =
                crate::publication::corrections_applied(Some(&pair[0]), &pair[1]).map(|x| x.text.get(lang)).collect();
            out.push((at, heading, link, reasons.join(" ")));
        }
    }
    out
}

/// An Atom 1.0 feed of one language's pages (releases included), newest first.
fn atom(site: &Site, rendered: &[PageOut<'_>], lang: &Lang) -> String {
    let c = &site.config;
    let home = lang.url("");
    let mut entries: Vec<&PageOut<'_>> = rendered
        .iter()
        .filter(|p| p.page.lang == *lang && p.page.kind != PageKind::Home && p.page.sort_date().is_some())
        .collect();
    entries.sort_by(|a, b| {
        b.page
            .sort_date()
            .map(|d| d.timestamp())
            .cmp(&a.page.sort_date().map(|d| d.timestamp()))
            .then(a.page.url.cmp(&b.page.url))
    });
    entries.truncate(50);
    let corrections = correction_entries(site, lang);
    let updated = entries
        .iter()
        .filter_map(|p| page_updated(site, p))
        .chain(corrections.iter().map(|c| c.0.clone()))
        .max_by_key(jiff::Zoned::timestamp)
        .map_or_else(|| "1970-01-01T00:00:00+00:00".to_string(), |z| rfc3339(&z));
    let tag = lang.tag();
    let mut x = String::new();
    let _ = writeln!(x, "<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    let _ = writeln!(x, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">", escape(tag));
    let _ = writeln!(x, "<title>{}</title>", escape(c.title.get(lang)));
    let desc = c.description.get(lang);
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
    let _ = writeln!(x, "<author><name>{}</name></author>", escape(c.publisher.get(lang)));
    let _ = writeln!(x, "<rights>{}</rights>", escape(&c.license));
    for p in entries {
        let url = c.absolute(&p.page.url);
        let date = p.page.sort_date().map(rfc3339).unwrap_or_default();
        let changed = page_updated(site, p).map(|z| rfc3339(&z)).unwrap_or_else(|| date.clone());
        let summary =
            p.page.front.summary.clone().unwrap_or_else(|| super::pages::truncate(p.body.first_paragraph.trim(), 200));
        let _ = writeln!(x, "<entry>");
        let _ = writeln!(x, "<title>{}</title>", escape(&p.page.front.title));
        let _ = writeln!(x, "<link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>", escape(&url));
        let _ = writeln!(x, "<id>{}</id>", escape(&url));
        let _ = writeln!(x, "<published>{date}</published>");
        let _ = writeln!(x, "<updated>{changed}</updated>");
        if !summary.is_empty() {
            let _ = writeln!(x, "<summary>{}</summary>", escape(&summary));
        }
        let _ = writeln!(x, "</entry>");
    }
    for (at, title, link, summary) in &corrections {
        let date = rfc3339(at);
        let _ = writeln!(x, "<entry>");
        let _ = writeln!(x, "<title>{}</title>", escape(title));
        let _ = writeln!(x, "<link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>", escape(link));
        let _ = writeln!(x, "<id>{}-{}</id>", escape(link), at.date());
        let _ = writeln!(x, "<published>{date}</published>");
        let _ = writeln!(x, "<updated>{date}</updated>");
        if !summary.is_empty() {
            let _ = writeln!(x, "<summary>{}</summary>", escape(summary));
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
    // The pages' entries are written once sorted, straight into the sitemap, so that they
    // are not all held twice (a string each, then the sitemap).
    let page_entry = |p: &PageOut<'_>, s: &mut String| {
        let _ = writeln!(s, "<url><loc>{}</loc>", escape(&c.absolute(&p.page.url)));
        if let Some(d) = page_updated(site, p) {
            let _ = writeln!(s, "<lastmod>{}</lastmod>", d.date());
        }
        let group = &by_key[p.page.key.as_str()];
        if group.len() > 1 {
            for q in group {
                let tag = q.page.lang.tag();
                let _ = writeln!(
                    s,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    escape(tag),
                    escape(&c.absolute(&q.page.url))
                );
            }
            if let Some(d) = group.iter().find(|q| q.page.lang.is_default()) {
                let _ = writeln!(
                    s,
                    "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                    escape(&c.absolute(&d.page.url))
                );
            }
        }
        s.push_str("</url>\n");
    };
    let mut urls: Vec<(String, Entry<'_, '_>)> =
        rendered.iter().map(|p| (p.page.url.clone(), Entry::Page(p))).collect();
    if !site.datasets.is_empty() {
        for l in &c.languages {
            let prefix = l.prefix();
            let mut paths = vec![l.url("data")];
            paths.extend(site.datasets.keys().map(|id| crate::model::layout::dataset_url(prefix, id)));
            // The catalogue changes when any dataset does; a dataset page when its data does.
            let last_version = |id: &str| {
                site.versions.get(id).and_then(|l| l.iter().filter_map(|v| v.frozen.as_ref().map(|f| f.date)).max())
            };
            let changed = |d: &crate::model::Dataset| d.updated.max(last_version(&d.id));
            let newest = site.datasets.values().filter_map(changed).max();
            for path in paths {
                let mut s = format!("<url><loc>{}</loc>\n", escape(&c.absolute(&path)));
                let id = path.strip_prefix(&format!("{prefix}/data/")).and_then(|r| r.strip_suffix('/'));
                let updated = match id {
                    Some(id) if !id.is_empty() => site.datasets.get(id).and_then(changed),
                    _ => newest,
                };
                if let Some(u) = updated {
                    let _ = writeln!(s, "<lastmod>{u}</lastmod>");
                }
                let tail = path.strip_prefix(prefix).unwrap_or(&path);
                every_language(site, tail, &mut s);
                urls.push((path, Entry::Made(s)));
            }
        }
    }
    for tail in generated {
        for l in &c.languages {
            let path = format!("{}{tail}", l.prefix());
            let mut s = format!("<url><loc>{}</loc>\n", escape(&c.absolute(&path)));
            every_language(site, tail, &mut s);
            urls.push((path, Entry::Made(s)));
        }
    }
    let text = |e: &Entry<'_, '_>| match e {
        Entry::Page(p) => {
            let mut s = String::new();
            page_entry(p, &mut s);
            s
        }
        Entry::Made(s) => s.clone(),
    };
    // By path, then (two entries for one path) by their text, as before.
    urls.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| text(&a.1).cmp(&text(&b.1))));
    for (_, e) in &urls {
        match e {
            Entry::Page(p) => page_entry(p, &mut x),
            Entry::Made(s) => x.push_str(s),
        }
    }
    x.push_str("</urlset>\n");
    x
}

/// An entry of the sitemap: a page's, written when it is needed, or one already written.
enum Entry<'p, 'a> {
    Page(&'p PageOut<'a>),
    Made(String),
}

/// The alternates of a page made in every language (`tail` is its default-language path),
/// with `x-default`, and the end of its `<url>`.
fn every_language(site: &Site, tail: &str, s: &mut String) {
    let c = &site.config;
    for l in &c.languages {
        let u = format!("{}{tail}", l.prefix());
        let _ = writeln!(
            s,
            "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
            escape(l.tag()),
            escape(&c.absolute(&u))
        );
    }
    let _ =
        writeln!(s, "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>", escape(&c.absolute(tail)));
    s.push_str("</url>\n");
}
