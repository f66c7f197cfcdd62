//! `vitrine check`: everything the build validates, without writing, plus what deserves a
//! look before publishing: missing translations, datasets no page uses, links and anchors
//! that lead nowhere, images without alt text, and the schedule of embargoed pages.

use std::collections::{BTreeMap, BTreeSet};

use crate::build::{self, BuildOptions};
use crate::diag::{Diagnostic, Result};
use crate::model::Text;
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
        let mut texts: Vec<(String, &Text)> = vec![
            ("`title`".into(), &d.title),
            ("`source.name`".into(), &d.source.name),
            ("`key.label`".into(), &d.key.label),
        ];
        texts.extend(d.description.iter().map(|t| ("`description`".to_string(), t)));
        texts.extend(d.notes.iter().map(|t| ("`notes`".to_string(), t)));
        texts.extend(d.key.categories.iter().map(|(id, t)| (format!("the label of category `{id}`"), t)));
        for s in &d.series {
            texts.push((format!("the label of series `{}`", s.id), &s.label));
            if !matches!(s.unit.label, Text::Plain(ref l) if l.is_empty()) {
                texts.push((format!("the unit of series `{}`", s.id), &s.unit.label));
            }
        }
        texts.extend(d.corrections.iter().map(|c| (format!("the correction of {}", c.date), &c.text)));
        let source = crate::load::read_text(&opts.root.join(&d.source_path), &d.source_path).unwrap_or_default();
        for (field, t) in &texts {
            report.warnings.extend(text_warnings(&d.source_path, &source, field, t, site));
        }
    }

    // The site's own texts.
    let config_text = crate::load::read_text(&opts.root.join("site.yaml"), "site.yaml").unwrap_or_default();
    let c = &site.config;
    for (field, t) in [("`title`", &c.title), ("`description`", &c.description), ("`publisher`", &c.publisher)] {
        if !matches!(t, Text::Plain(s) if s.is_empty()) {
            report.warnings.extend(text_warnings("site.yaml", &config_text, field, t, site));
        }
    }

    // Links, anchors and images in the rendered pages.
    report.warnings.extend(crate::linkcheck::check(&output, site));
    report.warnings.sort_by(|a, b| (&a.path, a.line, &a.message).cmp(&(&b.path, b.line, &b.message)));
    report.warnings.dedup();
    Ok(report)
}

/// Warnings for one bilingual text: each site language it lacks (the default language is shown
/// instead), and each code it names that is not a language of the site (a typo such as `EN`,
/// whose text is never shown). Placed at the line where the text's default-language string
/// is written in `file_text`.
fn text_warnings(path: &str, file_text: &str, field: &str, t: &Text, site: &crate::model::Site) -> Vec<Diagnostic> {
    let c = &site.config;
    let shown = t.get(&c.default_lang().code, &c.default_lang().code);
    let (line, col) = (!shown.is_empty())
        .then(|| {
            file_text.lines().enumerate().find_map(|(i, l)| l.find(shown).map(|b| (i + 1, l[..b].chars().count() + 1)))
        })
        .flatten()
        .unwrap_or((1, 1));
    let at =
        |msg: String, hint: String| Diagnostic::warning(path, line, col, msg).with_hint(hint).with_source(file_text);
    let codes: Vec<String> = c.languages.iter().map(|l| format!("`{}`", l.code)).collect();
    let mut out = Vec::new();
    for l in &c.languages {
        if !t.has(&l.code) {
            out.push(at(
                format!("{field} has no `{}` text", l.code),
                format!("add `{}: …` to it; the `{}` text is shown meanwhile", l.code, c.default_lang().code),
            ));
        }
    }
    for code in t.langs().filter(|code| c.language(code).is_none()) {
        out.push(at(
            format!("{field} has a text for `{code}`, which is not a language of the site"),
            format!("the site's languages are {}; language codes are written in lowercase", codes.join(", ")),
        ));
    }
    out
}

fn translated_name(source: &str, lang: &str) -> String {
    let stem = source.strip_suffix(".md").unwrap_or(source);
    let base = match stem.rsplit_once('.') {
        Some((b, code)) if code.len() <= 3 && code.chars().all(|c| c.is_ascii_lowercase()) => b,
        _ => stem,
    };
    format!("{base}.{lang}.md")
}
