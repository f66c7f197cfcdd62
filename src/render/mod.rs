//! Site -> files: pages through Tera, charts, data files, feeds, sitemap.
//!
//! This stage never reads the disk: the site, the theme and the static files come in as
//! values, and everything goes out as an [`Output`]. Pages are rendered in parallel and
//! every listing is sorted, so the same input always gives the same bytes.

mod calendar;
mod citations;
mod context;
mod continuity;
mod data;
mod embed;
mod feeds;
mod glossary;
mod ics;
mod lang_runs;
mod minify;
mod pages;
pub mod relocate;
mod share;
mod summary;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics, Result};
use crate::markdown::{self, FigureText, Rendered};
use crate::model::calendar::Entry;
use crate::model::{Localized, Page, PageKind, Site, Theme};
use crate::output::{Aside, Output, Scratch};
use pages::{Assets, Index, LangShared};

pub use embed::{HEADERS_FILE, headers_file};
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
    /// The finished pages of the last build, to reuse (see [`crate::cache::Pages`]).
    pub pages: Option<std::sync::Arc<crate::cache::Pages>>,
}

/// A page with its Markdown rendered.
pub struct PageOut<'a> {
    /// The page.
    pub page: &'a Page,
    /// Its body (shared, so that `serve` can keep bodies between rebuilds without copying).
    pub body: Arc<Rendered>,
    /// Where its HTML was put aside, when a staged build moved it to its scratch file
    /// (`body.html` is then empty): see [`markdown_aside`].
    pub aside: Option<Aside>,
}

impl PageOut<'_> {
    /// Whether other pages show this page's HTML (a release's landing page, on the home page,
    /// the releases page and the release's summary): it is never put aside.
    fn html_shown_elsewhere(&self) -> bool {
        self.page.kind == PageKind::Section && self.page.release.is_some()
    }
}

/// The theme's UI strings of each language, for rendering Markdown (figure captions, links).
pub type UiStrings = Localized<BTreeMap<String, String>>;

/// The UI strings of every language of the site.
pub fn ui_strings(site: &Site, theme: &Theme) -> UiStrings {
    Localized::new(&site.config.languages, |l| theme.strings_for(l))
}

/// Renders the Markdown of one page.
pub fn page_markdown(site: &Site, page: &Page, strings: &UiStrings) -> std::result::Result<Rendered, Vec<Diagnostic>> {
    let s = strings.get(&page.lang);
    let get = |k: &'static str| s.get(k).map_or(k, String::as_str);
    let address = site.config.absolute(&page.url);
    let ctx = markdown::Context {
        datasets: site.data_for(page),
        lang: &page.lang,
        path: &page.source,
        body_line: page.body_line,
        key: &page.key,
        base_url: &site.config.base_url,
        text: FigureText {
            source: get("source"),
            table: get("data_table"),
            dataset: get("dataset_page"),
            unit: get("unit"),
            download: get("download"),
            license: get("license"),
            png: get("png_image"),
            address: &address,
        },
    };
    let body = markdown::render(&page.body, &ctx);
    let figures = crate::keyfig::resolve(page, ctx.datasets);
    match (body, figures) {
        (Ok(mut body), Ok(k)) => {
            body.datasets.extend(k.iter().map(|f| f.dataset.clone()));
            body.key_figures = k;
            Ok(body)
        }
        (Ok(_), Err(e)) | (Err(e), Ok(_)) => Err(e),
        (Err(mut e), Err(k)) => {
            e.extend(k);
            Err(e)
        }
    }
}

/// Renders the Markdown of every page; all problems are reported together.
pub fn markdown<'a>(site: &'a Site, theme: &Theme) -> Result<Vec<PageOut<'a>>> {
    markdown_aside(site, theme, None)
}

/// [`markdown`], each page's HTML moved to `scratch` as soon as it is rendered, if there is
/// one (a staged build: [`Output::scratch`]), so that the pages' HTML is never all in memory;
/// [`RenderContext::html`] reads it back when the page is rendered. The HTML other pages show
/// (releases' landing pages) stays in memory.
pub fn markdown_aside<'a>(site: &'a Site, theme: &Theme, scratch: Option<&Scratch>) -> Result<Vec<PageOut<'a>>> {
    let strings = ui_strings(site, theme);
    let results: Vec<std::result::Result<PageOut<'a>, Vec<Diagnostic>>> = site
        .pages
        .par_iter()
        .map(|page| {
            page_markdown(site, page, &strings).map(|mut body| {
                let mut out = PageOut { page, body: Arc::new(Rendered::default()), aside: None };
                if let Some(scratch) = scratch.filter(|_| !out.html_shown_elsewhere())
                    && let Ok(aside) = scratch.put(&body.html)
                {
                    // (Where the write fails, the HTML simply stays in memory.)
                    body.html = String::new();
                    out.aside = Some(aside);
                }
                out.body = Arc::new(body);
                out
            })
        })
        .collect();
    let mut diags = Diagnostics::default();
    let out = results.into_iter().filter_map(|r| r.map_err(|d| diags.extend(d)).ok()).collect();
    diags.finish(out)
}

/// Everything the renderers need, made once per render and handed to each of them (pages,
/// data pages, the calendar, feeds), as mdBook hands its `RenderContext` to its renderers.
pub struct RenderContext<'a> {
    /// The site (public pages and data only: see [`crate::publication`]).
    pub site: &'a Site,
    /// The theme.
    pub theme: &'a Theme,
    /// Every page with its Markdown rendered.
    pub pages: &'a [PageOut<'a>],
    /// How to render.
    pub opts: &'a RenderOptions,
    /// The compiled templates.
    pub templates: Templates,
    /// The pages by key and language, and each section's children.
    pub(crate) index: Index<'a>,
    /// The theme's fingerprinted asset URLs.
    pub(crate) assets: Assets,
    /// What every page of a language shares: site and language contexts, UI strings, navigation.
    pub(crate) langs: Localized<LangShared>,
    /// The release calendar's entries.
    pub(crate) calendar: Vec<Entry>,
    /// Where pages' HTML was put aside (see [`markdown_aside`]).
    scratch: Option<Arc<Scratch>>,
}

impl<'a> RenderContext<'a> {
    /// Compiles the templates and makes the indexes and shared contexts.
    pub fn new(site: &'a Site, theme: &'a Theme, pages: &'a [PageOut<'a>], opts: &'a RenderOptions) -> Result<Self> {
        let templates = Templates::new(theme)?;
        let index = Index::new(pages);
        let langs = pages::shared(site, theme, &index, opts.search);
        let calendar = calendar::entries(site, &langs);
        let assets = pages::assets(theme);
        Ok(RenderContext { site, theme, pages, opts, templates, index, assets, langs, calendar, scratch: None })
    }

    /// The HTML of a page's body: from memory, or read back from the scratch file.
    pub(crate) fn html<'p>(&self, p: &'p PageOut<'_>) -> Result<std::borrow::Cow<'p, str>> {
        match (p.aside, &self.scratch) {
            (Some(aside), Some(scratch)) => Ok(std::borrow::Cow::Owned(scratch.get(aside)?)),
            (Some(_), None) => {
                Err(anyhow::anyhow!("a page's HTML was put aside, and no scratch file is at hand").into())
            }
            (None, _) => Ok(std::borrow::Cow::Borrowed(&p.body.html)),
        }
    }

    /// Whether the build makes the release calendar.
    pub(crate) fn calendar_made(&self) -> bool {
        calendar::made(self.site, &self.calendar)
    }
}

/// Renders the whole site into an [`Output`].
pub fn site(site: &Site, theme: &Theme, rendered: &[PageOut<'_>], opts: &RenderOptions) -> Result<Output> {
    let mut output = Output::default();
    site_into(site, theme, rendered, opts, &mut output)?;
    Ok(output)
}

/// Renders the whole site into `output`; a staged output (see [`Output::staged`]) writes each
/// page as soon as it is rendered, so that the pages are never all in memory at once.
pub fn site_into(
    site: &Site,
    theme: &Theme,
    rendered: &[PageOut<'_>],
    opts: &RenderOptions,
    output: &mut Output,
) -> Result<()> {
    let mut cx = RenderContext::new(site, theme, rendered, opts)?;
    cx.scratch = output.scratch();
    files(&cx, Selection::All, true, output)
}

/// Renders only the selected pages and their charts, plus, `with_data`, the data pages and
/// files (for `serve`'s incremental rebuilds: the caller has checked that nothing else changed).
pub fn partial(
    site: &Site,
    theme: &Theme,
    rendered: &[PageOut<'_>],
    opts: &RenderOptions,
    only: &(dyn Fn(&Page) -> bool + Sync),
    with_data: bool,
) -> Result<Output> {
    let mut output = Output::default();
    files(&RenderContext::new(site, theme, rendered, opts)?, Selection::Only(only), with_data, &mut output)?;
    Ok(output)
}

/// The width of chart images: three times the charts' SVG width (400), for phone screens and
/// print.
pub const CHART_PNG_WIDTH: u32 = 1200;

/// A chart's PNG image, drawn from its standalone SVG (`name` and the file it comes from,
/// `source`, name it in the error, which only a fault of the rasteriser can cause).
pub(crate) fn chart_png(svg: &str, name: &str, source: &str) -> Result<Vec<u8>> {
    crate::raster::svg_to_png(svg, CHART_PNG_WIDTH).map_err(|e| {
        Diagnostic::error(source, 1, 1, crate::msg::chart_image_failed(name, &e.to_string()))
            .with_hint(crate::msg::chart_image_failed_hint())
            .into()
    })
}

/// The files of the selected pages: with [`Selection::All`], every file of the site. The
/// root-relative links of every HTML page are moved under the base URL's path, if it has one.
fn files(cx: &RenderContext<'_>, selection: Selection<'_>, with_data: bool, output: &mut Output) -> Result<()> {
    output.relocate_html(cx.site.config.base_path());
    pages::add_theme_files(cx.theme, output);
    let emit = |path: String, bytes: Vec<u8>| output.put(path, bytes);
    for (path, text) in pages::render_each(cx, selection, &emit)? {
        output.add(path, text);
    }
    // Each chart as SVG and as PNG (drawn in parallel; added in page order, so the output is
    // the same from build to build), with its embed page.
    let charts: Vec<(&PageOut<'_>, &markdown::figure::Figure)> = cx
        .pages
        .iter()
        .filter(|r| selection.wants(r.page))
        .flat_map(|r| r.body.figures.iter().map(move |f| (r, f)))
        .collect();
    let pngs: Vec<Result<Vec<u8>>> =
        charts.par_iter().map(|(r, f)| chart_png(&f.svg, &f.name, &r.page.source)).collect();
    for ((r, f), png) in charts.into_iter().zip(pngs) {
        output.add(format!("charts/{}.{}.svg", f.name, r.page.lang), f.svg.clone());
        output.add(format!("charts/{}.{}.png", f.name, r.page.lang), png?);
        let back_url = format!("{}#{}", r.page.url, f.name);
        let back = embed::Back { url: &back_url, title: &r.page.front.title };
        let has = |l: &crate::model::Lang| {
            cx.index.get(&r.page.key, l).is_some_and(|o| o.body.figures.iter().any(|g| g.name == f.name))
        };
        let (path, bytes) = embed::page(cx, &r.page.lang, f, &back, &has)?;
        output.add(path, bytes);
    }
    // The citation files of each release's landing page.
    for r in cx.pages.iter().filter(|r| selection.wants(r.page)) {
        let page = r.page;
        if page.kind != crate::model::PageKind::Section || page.release.is_none() {
            continue;
        }
        for (path, bytes) in citations::with_release(cx, r, |w| citations::files(w, &page.url)) {
            output.add(path, bytes);
        }
    }
    if with_data {
        data::render(cx, output)?;
    }
    if matches!(selection, Selection::All) {
        for (path, png) in summary::share_images(cx)? {
            output.add(path, png);
        }
        let mut generated = Vec::new();
        if cx.calendar_made() {
            output.add(calendar::ICS_PATH, calendar::ics(cx));
            generated.push(format!("/{}/", calendar::KEY));
        }
        if glossary::made(cx.site) {
            generated.push(format!("/{}/", glossary::KEY));
        }
        feeds::all(cx, &generated, output);
    }
    output.relocate_html("");
    Ok(())
}
