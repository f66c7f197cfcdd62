//! `vitrine check`: everything the build validates, without writing, plus what deserves a
//! look before publishing: missing translations, datasets no page uses, links and anchors
//! that lead nowhere, images without alt text, and the schedule of embargoed pages.

use std::collections::{BTreeMap, BTreeSet};

use crate::build::{self, BuildOptions};
use crate::diag::{Diagnostic, Result};
use crate::model::page::Unpublished;

/// What a check found that does not stop a build.
#[derive(Debug, Default)]
pub struct Report {
    /// Warnings (errors under `--strict`).
    pub warnings: Vec<Diagnostic>,
    /// One line per embargoed page: when it goes live.
    pub schedule: Vec<String>,
    /// Pages checked.
    pub pages: usize,
    /// Datasets checked.
    pub datasets: usize,
}

/// Runs the checks. Content errors come back as `Err`, exactly as a build would report them.
pub fn run(opts: &BuildOptions) -> Result<Report> {
    // Load everything, embargoed pages and drafts included, so that they are validated too.
    let mut all = opts.clone();
    all.drafts = true;
    all.future = true;
    all.render.minify = false;
    all.render.search = false; // the search page and index are not checked: no need to build them
    let loaded = build::load(&all)?;
    let output = build::render(&loaded, &all)?;
    let site = &loaded.site;
    let mut report = Report { pages: site.pages.len(), datasets: site.datasets.len(), ..Report::default() };

    // The embargo schedule.
    let mut schedule: Vec<(jiff::Timestamp, String)> = site
        .pages
        .iter()
        .filter_map(|p| match &p.unpublished {
            Some(Unpublished::Embargo(at)) => Some((
                at.timestamp(),
                format!("embargoed until {}: {} ({})", at.strftime("%Y-%m-%d %H:%M %:z"), p.url, p.source),
            )),
            _ => None,
        })
        .collect();
    schedule.sort();
    report.schedule = schedule.into_iter().map(|(_, s)| s).collect();

    // Pages without a translation.
    let mut langs_by_key: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for p in &site.pages {
        langs_by_key.entry(&p.key).or_default().insert(&p.lang);
    }
    for p in site.pages.iter().filter(|p| !p.generated) {
        let have = &langs_by_key[p.key.as_str()];
        if p.lang != site.config.default_lang().code && have.contains(site.config.default_lang().code.as_str()) {
            continue;
        }
        for l in &site.config.languages {
            if !have.contains(l.code.as_str()) {
                report.warnings.push(
                    Diagnostic::warning(&p.source, 1, 1, format!("the page has no `{}` translation", l.code))
                        .with_hint(format!("add `{}`", translated_name(&p.source, &l.code))),
                );
            }
        }
    }

    // Datasets and their bilingual fields.
    let rendered = crate::render::markdown(site, &loaded.theme)?;
    let used: BTreeSet<&str> = rendered.iter().flat_map(|r| r.body.datasets.iter().map(String::as_str)).collect();
    for d in site.datasets.values() {
        if !used.contains(d.id.as_str()) {
            report.warnings.push(
                Diagnostic::warning(&d.source_path, 1, 1, format!("no page uses the dataset `{}`", d.id)).with_hint(
                    "chart it or cite it with `{{ value(…) }}`, or remove it if it is not meant to be published",
                ),
            );
        }
        let mut texts = vec![("title", &d.title), ("source.name", &d.source.name), ("key.label", &d.key.label)];
        if let Some(t) = &d.description {
            texts.push(("description", t));
        }
        for s in &d.series {
            texts.push(("series.label", &s.label));
        }
        for (field, t) in texts {
            for l in &site.config.languages {
                if !t.has(&l.code) {
                    report.warnings.push(
                        Diagnostic::warning(&d.source_path, 1, 1, format!("`{field}` has no `{}` text", l.code))
                            .with_hint(format!("add `{}: …` to it; the default language is shown meanwhile", l.code)),
                    );
                }
            }
        }
    }

    // Links, anchors and images in the rendered pages.
    report.warnings.extend(crate::linkcheck::check(&output, site));
    report.warnings.sort_by(|a, b| (&a.path, a.line, &a.message).cmp(&(&b.path, b.line, &b.message)));
    report.warnings.dedup();
    Ok(report)
}

fn translated_name(source: &str, lang: &str) -> String {
    let stem = source.strip_suffix(".md").unwrap_or(source);
    let base = match stem.rsplit_once('.') {
        Some((b, code)) if code.len() <= 3 && code.chars().all(|c| c.is_ascii_lowercase()) => b,
        _ => stem,
    };
    format!("{base}.{lang}.md")
}
