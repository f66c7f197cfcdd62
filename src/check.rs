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
    let rendered = crate::render::markdown(&loaded.site, &loaded.theme)?;
    let output = build::render_with(&loaded, &rendered, &all)?;
    let site = &loaded.site;
    let mut report = Report { pages: site.pages.len(), datasets: site.datasets.len(), ..Report::default() };
    // The site as a build now would publish it: what it withholds, and its warnings.
    let public = build::load(opts)?;
    report.warnings.extend(public.warnings.iter().cloned());

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
    // Data a build now withholds, and when it becomes public: with the first embargoed page
    // that uses it.
    let named: Vec<(BTreeSet<String>, &jiff::Zoned)> = public
        .site
        .withheld
        .iter()
        .filter_map(|p| match &p.unpublished {
            Some(Unpublished::Embargo(at)) => Some((crate::markdown::datasets_named(&p.body), at)),
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
        let what = if held.is_empty() {
            "the whole dataset".to_string()
        } else {
            format!("the figures for {}", held.join(", "))
        };
        let (at, when) = match embargo_of(id) {
            Some(at) => (at.timestamp(), format!("embargoed until {}", at.strftime("%Y-%m-%d %H:%M %:z"))),
            None => (jiff::Timestamp::MAX, "withheld while a draft uses it".to_string()),
        };
        schedule.push((at, format!("{when}: {} ({what})", working.source_path)));
    }
    // Releases announced in calendar.yaml whose content does not exist yet.
    for a in public.site.calendar.releases.values() {
        let has_pages = site.pages.iter().any(|p| p.release == Some(a.year) && !p.generated);
        if !has_pages {
            let due = a.publish_at.timestamp() <= opts.now;
            schedule.push((
                a.publish_at.timestamp(),
                format!(
                    "announced for {}: the {} release (calendar.yaml:{}){}",
                    a.publish_at.strftime("%Y-%m-%d %H:%M %:z"),
                    a.year,
                    a.line,
                    if due { "; the moment has passed and the release has no pages" } else { "; no pages yet" }
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
        let uses_data = public
            .site
            .pages
            .iter()
            .any(|p| p.release == Some(*y) && !crate::markdown::datasets_named(&p.body).is_empty());
        if uses_data {
            schedule.push((
                jiff::Timestamp::MIN,
                format!("published: the {y} release; its figures are not frozen yet (run `vitrine freeze {y}`)"),
            ));
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
                Diagnostic::warning(
                    &p.source,
                    1,
                    1,
                    format!("the {y} release is public, but this page of it is still a draft"),
                )
                .with_hint("remove `draft: true` when the page is ready, or move it out of the release"),
            );
        }
    }

    report.warnings.extend(warnings(&loaded, &rendered, &output, &opts.root)?);
    report.warnings.sort_by(|a, b| (&a.path, a.line, &a.message).cmp(&(&b.path, b.line, &b.message)));
    report.warnings.dedup();
    Ok(report)
}

/// The warnings a build and a check both report about a loaded and rendered site: text the
/// scaffolds left in, missing translations, datasets no page uses and their texts, the site's
/// texts and languages, figures that met missing values, links and anchors, and the prose
/// (figures against data, language versions, glossary).
pub fn warnings(
    loaded: &build::Loaded,
    rendered: &[crate::render::PageOut<'_>],
    output: &crate::output::Output,
    root: &std::path::Path,
) -> Result<Vec<Diagnostic>> {
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
                    Diagnostic::warning(
                        &p.source,
                        line,
                        1,
                        format!("the page still holds the placeholder text `{placeholder}`"),
                    )
                    .with_hint("replace it with the page's own title and text"),
                );
                break;
            }
        }
    }

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
                out.push(
                    Diagnostic::warning(&p.source, 1, 1, format!("the page has no `{}` translation", l.code))
                        .with_hint(format!("add `{}`", translated_name(&p.source, &l.code))),
                );
            }
        }
    }

    // Datasets and their bilingual fields.
    let used: BTreeSet<&str> = rendered.iter().flat_map(|r| r.body.datasets.iter().map(String::as_str)).collect();
    out.extend(rendered.iter().flat_map(|r| r.body.warnings.iter().cloned()));
    for d in site.datasets.values() {
        if !used.contains(d.id.as_str()) {
            out.push(
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
        let source = crate::load::read_text(&root.join(&d.source_path), &d.source_path).unwrap_or_default();
        if let (Some(updated), Some(newest)) = (d.updated, d.corrections.iter().map(|c| c.date).max())
            && updated < newest
        {
            let line = source.lines().position(|l| l.starts_with("updated:")).map_or(1, |i| i + 1);
            out.push(
                Diagnostic::warning(
                    &d.source_path,
                    line,
                    1,
                    format!("`updated` ({updated}) is older than the newest correction ({newest})"),
                )
                .with_hint(format!("set `updated: {newest}` or later: readers and search engines go by it"))
                .with_source(&source),
            );
        }
        for (field, t) in &texts {
            out.extend(text_warnings(&d.source_path, &source, field, t, site));
        }
    }

    // The site's own texts.
    let config_text = crate::load::read_text(&root.join("site.yaml"), "site.yaml").unwrap_or_default();
    let c = &site.config;
    for (field, t) in [("`title`", &c.title), ("`description`", &c.description), ("`publisher`", &c.publisher)] {
        if !matches!(t, Text::Plain(s) if s.is_empty()) {
            out.extend(text_warnings("site.yaml", &config_text, field, t, site));
        }
    }

    // Languages that borrow the English number rules or the theme's UI strings: one warning
    // each for the site, at the language's line in site.yaml (not one per page).
    for l in &c.languages {
        let at = |msg: String, hint: String| {
            Diagnostic::warning("site.yaml", crate::load::language_line(&config_text, &l.code), 1, msg)
                .with_hint(hint)
                .with_source(&config_text)
        };
        if crate::numfmt::Style::own(&l.code).is_none() {
            let rules = crate::numfmt::Style::English.code();
            out.push(at(
                format!(
                    "language `{}` has no number rules of its own: its figures are written by the `{rules}` rules \
                     (155,000; 5.03 billion; up 3.2% year on year)",
                    l.code
                ),
                "vitrine formats figures for Chinese and English only; where another form is needed, write the \
                 figure into the text"
                    .into(),
            ));
        }
        if let Some(stand_in) = loaded.theme.strings_stand_in(&l.code) {
            out.push(at(
                format!(
                    "the theme has no UI strings for `{}`: its pages show the `{stand_in}` ones (menus, buttons, headings)",
                    l.code
                ),
                format!(
                    "add `themes/{}/i18n/{}.yaml` with the keys of the built-in theme's `i18n/{stand_in}.yaml`",
                    c.theme, l.code
                ),
            ));
        }
    }

    // Links, anchors and images in the rendered pages.
    out.extend(crate::linkcheck::check(output, site));
    // Figures typed in the prose, language versions, glossary.
    out.extend(crate::prose::warnings(site));
    Ok(out)
}

/// Text that `vitrine new` writes for the author to replace.
const PLACEHOLDERS: &[&str] = &["在这里写正文", "新页面", "Write the page here", "New page"];

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
