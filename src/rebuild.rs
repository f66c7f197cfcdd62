//! Incremental rebuilds for `vitrine serve`.
//!
//! A [`Session`] keeps the loaded site and every page's rendered Markdown between builds.
//! After a change it takes the shortest safe way to the new site:
//!
//! - **Partial**: only page bodies (front matter unchanged) or datasets (title and description
//!   unchanged) changed, and nothing other pages show of them did (summary text, chart names
//!   and titles, datasets used). Then only the edited pages, the pages that use an edited
//!   dataset, their charts and the data pages are rendered again, and the result is a set of
//!   files to put in place of the old ones.
//! - **Re-render**: the same edits, but something other pages show changed: every page goes
//!   through the templates again, with the unchanged pages' Markdown reused.
//! - **Full**: anything else (site.yaml, theme, templates, static files, added, removed or
//!   renamed files): load and render everything, as `vitrine build` does.
//!
//! Changes that fail to build stay pending and are tried again with the next change, so an
//! error is shown until it is fixed even if other files are edited in between.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::build::{self, BuildOptions, Loaded};
use crate::diag::{Failure, Result};
use crate::load::{self, ContentFile};
use crate::markdown::Rendered;
use crate::model::{Dataset, Page, PageKind};
use crate::output::Output;
use crate::render::{self, PageOut, UiStrings};

/// How a change was applied.
#[derive(Debug)]
pub enum Update {
    /// A whole new site, to replace the old one.
    Full(Output),
    /// Files to add to (or replace in) the old site; every other file stays as it is.
    Partial(Output),
}

/// The loaded site and its rendered Markdown, kept between rebuilds.
pub struct Session {
    opts: BuildOptions,
    loaded: Loaded,
    /// Each page's rendered Markdown, in the order of `loaded.site.pages`.
    bodies: Vec<Arc<Rendered>>,
    strings: UiStrings,
    /// Changed files not yet built successfully.
    pending: BTreeSet<PathBuf>,
}

impl Session {
    /// Loads and renders the whole site.
    pub fn start(opts: &BuildOptions) -> Result<(Session, Output)> {
        let loaded = build::load(opts)?;
        let rendered = render::markdown(&loaded.site, &loaded.theme)?;
        let output = build::render_with(&loaded, &rendered, opts)?;
        let bodies = rendered.iter().map(|p| p.body.clone()).collect();
        drop(rendered);
        let strings = render::ui_strings(&loaded.site, &loaded.theme);
        Ok((Session { opts: opts.clone(), loaded, bodies, strings, pending: BTreeSet::new() }, output))
    }

    /// The codes of the site's languages other than the default one (served under `/<code>/`).
    pub fn other_languages(&self) -> Vec<String> {
        self.loaded.site.config.languages.iter().skip(1).map(|l| l.code().to_string()).collect()
    }

    /// Applies changed files (absolute paths) and returns what to serve now.
    pub fn update(&mut self, changed: impl IntoIterator<Item = PathBuf>) -> Result<Update> {
        self.pending.extend(changed);
        let result = match self.edits() {
            Some(edits) => self.apply(edits),
            None => self.restart(),
        };
        if result.is_ok() {
            self.pending.clear();
        }
        result
    }

    fn restart(&mut self) -> Result<Update> {
        let mut opts = self.opts.clone();
        opts.now = crate::build::now();
        let (session, output) = Session::start(&opts)?;
        let pending = std::mem::take(&mut self.pending);
        *self = session;
        self.pending = pending;
        Ok(Update::Full(output))
    }

    /// The pending changes as page and dataset edits, or `None` if any other file changed.
    fn edits(&self) -> Option<Edits> {
        let root = &self.opts.root;
        let mut edits = Edits::default();
        let canonical_root = root.canonicalize().ok();
        for path in &self.pending {
            // The watcher reports paths under the folder it watches, which may be relative.
            let rel = match path.strip_prefix(root) {
                Ok(rel) => rel.to_path_buf(),
                Err(_) => path.canonicalize().ok()?.strip_prefix(canonical_root.as_ref()?).ok()?.to_path_buf(),
            };
            let rel = rel.to_str()?.replace('\\', "/");
            if !path.is_file() {
                return None;
            }
            if rel.starts_with("content/") && rel.ends_with(".md") {
                let i = self.loaded.site.pages.iter().position(|p| !p.generated && p.source == rel)?;
                edits.pages.insert(i, ContentFile { path: path.clone(), rel });
            } else if let Some(name) = rel.strip_prefix("data/") {
                let id = name.strip_suffix(".yaml").or_else(|| name.strip_suffix(".yml"))?;
                if name.contains('/') || !self.loaded.site.datasets.contains_key(id) {
                    return None;
                }
                edits.datasets.insert(id.to_string(), path.clone());
            } else {
                return None;
            }
        }
        Some(edits)
    }

    fn apply(&mut self, edits: Edits) -> Result<Update> {
        let config = &self.loaded.site.config;
        // Load the edited files; a changed front matter or dataset heading needs a full build
        // (listings, navigation, drafts and embargoes may all change).
        let mut pages: Vec<(usize, Page)> = Vec::new();
        let mut diags = Vec::new();
        for (&i, file) in &edits.pages {
            match load::page(file, config) {
                Ok(mut page) => {
                    let old = &self.loaded.site.pages[i];
                    if page.front != old.front || page.key != old.key || page.lang != old.lang {
                        return self.restart();
                    }
                    page.unpublished = old.unpublished.clone();
                    pages.push((i, page));
                }
                Err(Failure::Content(d)) => diags.extend(d),
                Err(e) => return Err(e),
            }
        }
        let mut datasets: Vec<Dataset> = Vec::new();
        if !edits.datasets.is_empty() && !self.loaded.site.versions.is_empty() {
            // Frozen releases hold copies of the public data: decide again what is published.
            return self.restart();
        }
        for path in edits.datasets.values() {
            match load::dataset(&self.opts.root, path, config) {
                Ok(d) => {
                    let old = &self.loaded.site.datasets[&d.id];
                    if format!("{:?}{:?}", d.title, d.description) != format!("{:?}{:?}", old.title, old.description) {
                        return self.restart();
                    }
                    datasets.push(d);
                }
                Err(Failure::Content(d)) => diags.extend(d),
                Err(e) => return Err(e),
            }
        }
        if !diags.is_empty() {
            return Err(Failure::Content(diags));
        }

        // Put the new pages and datasets in place, keeping the old ones to put back on error.
        let site = &mut self.loaded.site;
        let mut old_pages = Vec::new();
        for (i, page) in pages {
            old_pages.push((i, std::mem::replace(&mut site.pages[i], page)));
        }
        let mut old_datasets = Vec::new();
        for d in datasets {
            let id = d.id.clone();
            old_datasets.push(site.datasets.insert(id, d).expect("dataset exists"));
        }

        // The pages to render again: the edited ones and those using an edited dataset.
        let affected: BTreeSet<usize> = (0..site.pages.len())
            .filter(|i| {
                edits.pages.contains_key(i) || self.bodies[*i].datasets.iter().any(|d| edits.datasets.contains_key(d))
            })
            .collect();
        let site = &self.loaded.site;
        let strings = &self.strings;
        let results: Vec<(usize, std::result::Result<Rendered, Vec<crate::diag::Diagnostic>>)> =
            affected.par_iter().map(|&i| (i, render::page_markdown(site, &site.pages[i], strings))).collect();
        let mut new_bodies = BTreeMap::new();
        let mut diags = Vec::new();
        for (i, r) in results {
            match r {
                Ok(body) => {
                    new_bodies.insert(i, Arc::new(body));
                }
                Err(d) => diags.extend(d),
            }
        }
        if !diags.is_empty() {
            let site = &mut self.loaded.site;
            for (i, page) in old_pages {
                site.pages[i] = page;
            }
            for d in old_datasets {
                site.datasets.insert(d.id.clone(), d);
            }
            return Err(Failure::Content(diags));
        }
        let same_outside = new_bodies.iter().all(|(&i, new)| {
            let page = &site.pages[i];
            shown_elsewhere(page, &self.bodies[i]) == shown_elsewhere(page, new)
        });
        for (i, body) in new_bodies {
            self.bodies[i] = body;
        }

        let rendered: Vec<PageOut<'_>> = site
            .pages
            .iter()
            .zip(&self.bodies)
            .map(|(page, body)| PageOut { page, body: body.clone(), aside: None })
            .collect();
        if !same_outside {
            return build::render_with(&self.loaded, &rendered, &self.opts).map(Update::Full);
        }
        let mut sources: BTreeSet<&str> = affected.iter().map(|&i| site.pages[i].source.as_str()).collect();
        // The home page and the release archive show each release landing page's text.
        if affected.iter().any(|&i| site.pages[i].kind == PageKind::Section && site.pages[i].release.is_some()) {
            sources.extend(
                site.pages
                    .iter()
                    .filter(|p| p.kind == PageKind::Home || (p.kind == PageKind::Section && p.key == "releases"))
                    .map(|p| p.source.as_str()),
            );
        }
        let only = |p: &Page| sources.contains(p.source.as_str());
        let output =
            render::partial(site, &self.loaded.theme, &rendered, &self.opts.render, &only, !edits.datasets.is_empty())?;
        Ok(Update::Partial(output))
    }

    /// The site's root folder.
    pub fn root(&self) -> &Path {
        &self.opts.root
    }
}

/// Page and dataset edits, by page index and dataset id.
#[derive(Default)]
struct Edits {
    pages: BTreeMap<usize, ContentFile>,
    datasets: BTreeMap<String, PathBuf>,
}

/// What other pages show of a page's body: the summary taken from it (when the front matter
/// has none), its charts (release pages list them) and the datasets it uses (dataset pages
/// and release pages list them).
fn shown_elsewhere<'a>(
    page: &Page,
    body: &'a Rendered,
) -> (Option<&'a str>, Vec<(&'a str, &'a str)>, &'a BTreeSet<String>) {
    let summary = page.front.summary.is_none().then_some(body.first_paragraph.as_str());
    let charts = body.figures.iter().map(|f| (f.name.as_str(), f.title.as_str())).collect();
    (summary, charts, &body.datasets)
}
