//! Site -> files: pages through Tera, charts, data files, feeds, sitemap.
//!
//! This stage never reads the disk: the site, the theme and the static files come in as
//! values, and everything goes out as an [`Output`]. Pages are rendered in parallel and
//! every listing is sorted, so the same input always gives the same bytes.

mod calendar;
mod context;
mod data;
mod feeds;
mod glossary;
mod ics;
mod minify;
mod pages;
pub mod relocate;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Failure, Result};
use crate::load::Theme;
use crate::markdown::{self, FigureText, Rendered};
use crate::model::{Page, Site};
use crate::output::Output;

pub use pages::{Selection, Templates};

/// How to render.
#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    /// Minify HTML (off only in tests that compare readable HTML, and for speed in serve).
    pub minify: bool,
    /// A script to inject before `</body>` in every page (the dev server's reload).
    pub inject: Option<String>,
    /// Build the search page and mark pages for the search index (see [`crate::search`]).
    pub search: bool,
}

/// A page with its Markdown rendered.
pub struct PageOut<'a> {
    /// The page.
    pub page: &'a Page,
    /// Its body (shared, so that `serve` can keep bodies between rebuilds without copying).
    pub body: Arc<Rendered>,
}

/// The theme's UI strings of each language, for rendering Markdown (figure captions, links).
pub type UiStrings = BTreeMap<String, BTreeMap<String, String>>;

/// The UI strings of every language of the site.
pub fn ui_strings(site: &Site, theme: &Theme) -> UiStrings {
    site.config.languages.iter().map(|l| (l.code.clone(), theme.strings_for(&l.code))).collect()
}

/// Renders the Markdown of one page.
pub fn page_markdown(site: &Site, page: &Page, strings: &UiStrings) -> std::result::Result<Rendered, Vec<Diagnostic>> {
    let default = site.config.default_lang().code.as_str();
    let empty = BTreeMap::new();
    let s = strings.get(page.lang.as_str()).unwrap_or(&empty);
    let get = |k: &'static str| s.get(k).map_or(k, String::as_str);
    let prefix = site.config.lang_prefix(&page.lang);
    let ctx = markdown::Context {
        datasets: site.data_for(page),
        lang: &page.lang,
        default_lang: default,
        lang_prefix: &prefix,
        path: &page.source,
        body_line: page.body_line,
        key: &page.key,
        text: FigureText {
            source: get("source"),
            table: get("data_table"),
            dataset: get("dataset_page"),
            unit: get("unit"),
            download: get("download"),
        },
    };
    markdown::render(&page.body, &ctx)
}

/// Renders the Markdown of every page; all problems are reported together.
pub fn markdown<'a>(site: &'a Site, theme: &Theme) -> Result<Vec<PageOut<'a>>> {
    let strings = ui_strings(site, theme);
    let results: Vec<std::result::Result<PageOut<'a>, Vec<Diagnostic>>> = site
        .pages
        .par_iter()
        .map(|page| page_markdown(site, page, &strings).map(|body| PageOut { page, body: Arc::new(body) }))
        .collect();
    let mut out = Vec::with_capacity(results.len());
    let mut diags = Vec::new();
    for r in results {
        match r {
            Ok(p) => out.push(p),
            Err(d) => diags.extend(d),
        }
    }
    if diags.is_empty() { Ok(out) } else { Err(Failure::Content(diags)) }
}

/// Renders the whole site into an [`Output`].
pub fn site(site: &Site, theme: &Theme, rendered: &[PageOut<'_>], opts: &RenderOptions) -> Result<Output> {
    let mut output = Output::default();
    let assets = pages::assets(theme, &mut output);
    let templates = Templates::new(theme)?;
    let html = pages::render_all(site, theme, &templates, rendered, &assets, opts, Selection::All)?;
    for (path, text) in html {
        output.add(path, text);
    }
    for r in rendered {
        for f in &r.body.figures {
            output.add(format!("charts/{}.{}.svg", f.name, r.page.lang), f.svg.clone());
        }
    }
    data::render(site, theme, &templates, rendered, &assets, opts, &mut output)?;
    let strings = ui_strings(site, theme);
    let calendar_entries = calendar::entries(site, &strings);
    let mut generated = Vec::new();
    if calendar::made(site, &calendar_entries) {
        output.add(calendar::ICS_PATH, calendar::ics(site, &strings, &calendar_entries));
        generated.push(format!("/{}/", calendar::KEY));
    }
    if glossary::made(site) {
        generated.push(format!("/{}/", glossary::KEY));
    }
    feeds::all(site, rendered, &generated, &mut output);
    relocate_pages(&mut output, site.config.base_path());
    Ok(output)
}

/// Moves the root-relative links of every HTML page under the base URL's path, if it has one.
fn relocate_pages(output: &mut Output, base: &str) {
    use rayon::prelude::*;
    if base.is_empty() {
        return;
    }
    output.files.par_iter_mut().filter(|(path, _)| path.ends_with(".html")).for_each(|(_, bytes)| {
        if let Ok(html) = std::str::from_utf8(bytes) {
            *bytes = relocate::relocate(html, base).into_bytes();
        }
    });
}

/// Renders only the selected pages and their charts, plus the data pages and files (for
/// `serve`'s incremental rebuilds: the caller has checked that nothing else changed).
pub fn partial(
    site: &Site,
    theme: &Theme,
    rendered: &[PageOut<'_>],
    opts: &RenderOptions,
    only: &(dyn Fn(&Page) -> bool + Sync),
    with_data: bool,
) -> Result<Output> {
    let mut output = Output::default();
    let assets = pages::assets(theme, &mut output);
    let templates = Templates::new(theme)?;
    let html = pages::render_all(site, theme, &templates, rendered, &assets, opts, Selection::Only(only))?;
    for (path, text) in html {
        output.add(path, text);
    }
    for r in rendered.iter().filter(|r| only(r.page)) {
        for f in &r.body.figures {
            output.add(format!("charts/{}.{}.svg", f.name, r.page.lang), f.svg.clone());
        }
    }
    if with_data {
        data::render(site, theme, &templates, rendered, &assets, opts, &mut output)?;
    }
    relocate_pages(&mut output, site.config.base_path());
    Ok(output)
}
