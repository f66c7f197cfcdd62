//! `vitrine check`: everything the build validates, without writing, plus what deserves a
//! look before publishing: missing translations, datasets no page uses, links and anchors
//! that lead nowhere, images without alt text, and the schedule of embargoed pages.

use std::collections::{BTreeMap, BTreeSet};

use crate::build::{self, BuildOptions};
use crate::diag::{Diagnostic, Diagnostics, Result};
use crate::model::Lang;
use crate::model::page::Unpublished;
use crate::msg::{self, List, Said};

/// What a check found that does not stop a build.
#[derive(Debug, Default)]
pub struct Report {
    /// Warnings (errors under `--strict`).
    pub warnings: Vec<Diagnostic>,
    /// One line per embargoed page: when it goes live.
    pub schedule: Vec<Said>,
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
    let rendered = crate::render::markdown(&loaded.site, &loaded.theme)?;
    let output = build::render_with(&loaded, &rendered, &all)?;
    let site = &loaded.site;
    let mut report = Report { pages: site.pages.len(), datasets: site.datasets.len(), ..Report::default() };
    // The site as a build now would publish it: what it withholds, and its warnings.
    let public = build::load(opts)?;
    report.warnings.extend(public.warnings.iter().cloned());

    // The embargo schedule.
    let mut schedule: Vec<(jiff::Timestamp, Said)> = site
        .pages
        .iter()
        .filter_map(|p| match &p.unpublished {
            Some(Unpublished::Embargo(at)) => Some((
                at.timestamp(),
                msg::schedule_page(&at.strftime("%Y-%m-%d %H:%M %:z").to_string(), &p.url, &p.source),
            )),
            _ => None,
        })
        .collect();
    // Data a build now withholds, and when it becomes public: with the first embargoed page
    // that uses it.
    let named: Vec<(BTreeSet<String>, &jiff::Zoned)> = public
        .site
        .withheld
        .iter()
        .filter_map(|p| match &p.unpublished {
            Some(Unpublished::Embargo(at)) => Some((p.datasets_named(), at)),
            _ => None,
        })
        .collect();
    let embargo_of = |id: &str| -> Option<jiff::Zoned> {
        named.iter().filter(|(ids, _)| ids.contains(id)).map(|(_, at)| *at).min_by_key(|at| at.timestamp()).cloned()
    };
    for (id, working) in &site.datasets {
        let held: Vec<&str> = match public.site.datasets.get(id) {
            None => vec![],
            Some(p) => working.rows.iter().filter(|r| p.row_index(&r.key).is_none()).map(|r| r.key.as_str()).collect(),
        };
        if public.site.datasets.contains_key(id) && held.is_empty() {
            continue;
        }
        let what = if held.is_empty() { msg::whole_dataset() } else { msg::figures_for(&List::of(&held)) };
        let (at, when) = match embargo_of(id) {
            Some(at) => (at.timestamp(), msg::embargoed_until(&at.strftime("%Y-%m-%d %H:%M %:z").to_string())),
            None => (jiff::Timestamp::MAX, msg::withheld_for_draft()),
        };
        schedule.push((at, msg::schedule_data(&when, &working.source_path, &what)));
    }
    // Releases announced in calendar.yaml whose content does not exist yet.
    for a in public.site.calendar.releases.values() {
        let has_pages = site.pages.iter().any(|p| p.release == Some(a.year) && !p.generated);
        if !has_pages {
            let due = a.publish_at.timestamp() <= opts.now;
            schedule.push((
                a.publish_at.timestamp(),
                (if due { msg::schedule_announced_due } else { msg::schedule_announced })(
                    &a.publish_at.strftime("%Y-%m-%d %H:%M %:z").to_string(),
                    a.year,
                    a.line,
                ),
            ));
        }
    }
    // Releases that are public but whose figures are not frozen.
    let frozen_releases: BTreeSet<i32> =
        public.site.versions.values().flatten().filter_map(|d| d.frozen.as_ref().map(|f| f.release)).collect();
    let public_releases: BTreeSet<i32> =
        public.site.pages.iter().filter(|p| !p.generated).filter_map(|p| p.release).collect();
    for y in public_releases.difference(&frozen_releases) {
        let uses_data = public.site.pages.iter().any(|p| p.release == Some(*y) && !p.datasets_named().is_empty());
        if uses_data {
            schedule.push((jiff::Timestamp::MIN, msg::schedule_not_frozen(*y)));
        }
    }
    schedule.sort();
    report.schedule = schedule.into_iter().map(|(_, s)| s).collect();

    // Drafts in a release that is due.
    for p in site.pages.iter().filter(|p| !p.generated) {
        if let (Some(y), Some(Unpublished::Draft)) = (p.release, &p.unpublished)
            && public
                .site
                .pages
                .iter()
                .any(|q| q.release == Some(y) && q.kind == crate::model::PageKind::Section && !q.generated)
        {
            report.warnings.push(
                Diagnostic::warning(&p.source, 1, 1, msg::draft_in_public_release(y))
                    .with_hint(msg::draft_in_public_release_hint()),
            );
        }
    }

    report.warnings.extend(warnings(&loaded, &rendered, &output));
    report.warnings = Diagnostics(std::mem::take(&mut report.warnings)).sorted();
    Ok(report)
}

/// The warnings a build and a check both report about a loaded and rendered site (the
/// loader's own warnings aside): text the scaffolds left in, missing translations, datasets no
/// page uses, figures that met missing values, links and anchors, and the prose (figures
/// against data, language versions, glossary).
pub fn warnings(
    loaded: &build::Loaded,
    rendered: &[crate::render::PageOut<'_>],
    output: &crate::output::Output,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    warnings_into(loaded, rendered, output, &mut |d| out.push(d));
    out
}

/// [`warnings`], each handed to `add` as it is found (in the same order), so that a build
/// can count them without keeping them all (see [`crate::diag::Tally`]).
pub fn warnings_into(
    loaded: &build::Loaded,
    rendered: &[crate::render::PageOut<'_>],
    output: &crate::output::Output,
    add: &mut dyn FnMut(Diagnostic),
) {
    let site = &loaded.site;
    let mut out = Vec::new();
    // Text the scaffolds left in.
    for p in site.pages.iter().filter(|p| !p.generated) {
        for placeholder in PLACEHOLDERS {
            let in_title = p.front.title == *placeholder;
            if let Some(i) =
                p.body.lines().position(|l| l.contains(placeholder)).filter(|_| !in_title).or(in_title.then_some(0))
            {
                let line = if in_title { 1 } else { p.body_line + i };
                out.push(
                    Diagnostic::warning(&p.source, line, 1, msg::placeholder_left(placeholder))
                        .with_hint(msg::placeholder_left_hint()),
                );
                break;
            }
        }
    }

    // Pages without a translation.
    let mut langs_by_key: BTreeMap<&str, BTreeSet<&Lang>> = BTreeMap::new();
    for p in &site.pages {
        langs_by_key.entry(&p.key).or_default().insert(&p.lang);
    }
    for p in site.pages.iter().filter(|p| !p.generated) {
        let have = &langs_by_key[p.key.as_str()];
        if !p.lang.is_default() && have.contains(site.config.default_lang()) {
            continue;
        }
        for l in &site.config.languages {
            if !have.contains(l) {
                out.push(
                    Diagnostic::warning(&p.source, 1, 1, msg::no_translation(l.code()))
                        .with_hint(msg::add_file(&translated_name(&p.source, l.code()))),
                );
            }
        }
    }

    // Datasets no page uses, and figures that met a missing value. (The datasets' and
    // site.yaml's own texts are checked where they are loaded: see `load::texts`.)
    let used: BTreeSet<&str> = rendered.iter().flat_map(|r| r.body.datasets.iter().map(String::as_str)).collect();
    out.extend(rendered.iter().flat_map(|r| r.body.warnings.iter().cloned()));
    for d in site.datasets.values().filter(|d| !used.contains(d.id.as_str())) {
        out.push(
            Diagnostic::warning(&d.source_path, 1, 1, msg::dataset_unused(&d.id)).with_hint(msg::dataset_unused_hint()),
        );
    }

    out.into_iter().for_each(&mut *add);
    // Links, anchors and images in the rendered pages.
    crate::linkcheck::check(output, site).into_iter().for_each(&mut *add);
    // Figures typed in the prose, language versions, glossary.
    crate::prose::warnings_into(site, add);
}

/// Text that `vitrine new` writes for the author to replace.
const PLACEHOLDERS: &[&str] = &["在这里写正文", "新页面", "Write the page here", "New page"];

fn translated_name(source: &str, lang: &str) -> String {
    let stem = source.strip_suffix(".md").unwrap_or(source);
    let base = match stem.rsplit_once('.') {
        Some((b, code)) if code.len() <= 3 && code.chars().all(|c| c.is_ascii_lowercase()) => b,
        _ => stem,
    };
    format!("{base}.{lang}.md")
}
