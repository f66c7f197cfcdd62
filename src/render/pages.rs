//! Pages through Tera templates: contexts, listings, language switch, releases.

use std::collections::BTreeMap;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::context::*;
use super::{PageOut, RenderContext, RenderOptions, lang_runs, minify};
use crate::diag::{Diagnostic, Diagnostics, Failure, Result};
use crate::model::layout::{dataset_url, page_file};
use crate::model::page::Unpublished;
use crate::model::{Lang, Localized, Page, PageKind, Site, Theme};
use crate::output::Output;

/// The compiled templates.
pub struct Templates {
    tera: tera::Tera,
}

impl Templates {
    /// Compiles the theme's templates; a template error names the template file.
    pub fn new(theme: &Theme) -> Result<Self> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        let list: Vec<(&str, &str)> = theme.templates.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        tera.add_raw_templates(list).map_err(|e| template_error("templates", &e))?;
        Ok(Templates { tera })
    }

    /// Whether a template exists.
    pub fn has(&self, name: &str) -> bool {
        self.tera.get_template_names().any(|n| n == name)
    }

    /// Renders a template with a context.
    pub fn render(&self, name: &str, ctx: &tera::Context) -> Result<String> {
        self.tera.render(name, ctx).map_err(|e| template_error(name, &e))
    }
}

fn template_error(name: &str, e: &tera::Error) -> Failure {
    use std::error::Error as _;
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    Failure::Content(vec![Diagnostic::error(format!("templates/{name}"), 1, 1, crate::msg::template_error(&msg))])
}

/// URLs of the theme's fingerprinted assets.
#[derive(Clone, Debug)]
pub struct Assets {
    /// `/style.1a2b3c4d.css`.
    pub css: String,
}

/// The output path of a theme's static file: `style.css` fingerprinted by its content
/// (`style.1a2b3c4d5e.css`, cached for ever), the others as they are.
fn theme_file_path(path: &str, bytes: &[u8]) -> String {
    match path.strip_suffix(".css").filter(|_| path == "style.css") {
        Some(stem) => {
            let short: String = Sha256::digest(bytes).iter().take(5).map(|b| format!("{b:02x}")).collect();
            format!("{stem}.{short}.css")
        }
        None => path.to_string(),
    }
}

/// The URLs of the theme's fingerprinted assets.
pub fn assets(theme: &Theme) -> Assets {
    let css = theme.files.get("style.css").map_or_else(|| "style.css".into(), |b| theme_file_path("style.css", b));
    Assets { css: format!("/{css}") }
}

/// Adds the theme's static files to the output.
pub fn add_theme_files(theme: &Theme, output: &mut Output) {
    for (path, bytes) in &theme.files {
        output.add(theme_file_path(path, bytes), bytes.clone());
    }
}

/// The Open Graph locale of a language tag, `language_TERRITORY` as Facebook and WeChat read
/// it: the tag's region where it has one (`en-GB` -> `en_GB`), else the usual one for the
/// language or script (`zh-Hans` -> `zh_CN`, `zh-Hant` -> `zh_TW`, `en` -> `en_US`).
pub(crate) fn og_locale(tag: &str) -> String {
    let parts: Vec<&str> = tag.split(['-', '_']).collect();
    let lang = parts[0].to_ascii_lowercase();
    if let Some(region) = parts.iter().skip(1).find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic())) {
        return format!("{lang}_{}", region.to_ascii_uppercase());
    }
    let script = parts.iter().skip(1).find(|p| p.len() == 4).map(|s| s.to_ascii_lowercase());
    let region = match (lang.as_str(), script.as_deref()) {
        ("zh", Some("hant")) => "TW",
        ("zh", _) => "CN",
        ("en", _) => "US",
        ("ja", _) => "JP",
        ("ko", _) => "KR",
        ("ar", _) => "AR",
        (l, _) => return format!("{l}_{}", l.to_ascii_uppercase()),
    };
    format!("{lang}_{region}")
}

/// Display forms of a date in a language: "2022年4月26日" / "26 April 2022".
pub fn display_date(d: &jiff::Zoned, lang: &Lang) -> String {
    crate::numfmt::date(d.date(), lang.style())
}

/// Indexes over the rendered pages: by key and language, children of each section.
pub(crate) struct Index<'a> {
    pub pages: &'a [PageOut<'a>],
    /// lang -> key -> page.
    by_key: BTreeMap<&'a str, BTreeMap<&'a str, usize>>,
    /// lang -> section key -> children, in section order.
    children: BTreeMap<&'a str, BTreeMap<&'a str, Vec<usize>>>,
}

impl<'a> Index<'a> {
    pub fn new(pages: &'a [PageOut<'a>]) -> Self {
        let mut by_key: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
        let mut children: BTreeMap<&str, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
        for (i, p) in pages.iter().enumerate() {
            by_key.entry(p.page.lang.code()).or_default().insert(p.page.key.as_str(), i);
            if let Some(parent) = &p.page.parent {
                children.entry(p.page.lang.code()).or_default().entry(parent.as_str()).or_default().push(i);
            }
        }
        for list in children.values_mut().flat_map(|m| m.values_mut()) {
            list.sort_by(|&a, &b| order(pages[a].page, pages[b].page));
        }
        Index { pages, by_key, children }
    }

    pub fn get(&self, key: &str, lang: &Lang) -> Option<&'a PageOut<'a>> {
        self.by_key.get(lang.code()).and_then(|m| m.get(key)).map(|&i| &self.pages[i])
    }

    pub fn children<'s>(&'s self, key: &str, lang: &Lang) -> impl Iterator<Item = &'a PageOut<'a>> + 's {
        let list: &'s [usize] = self.children.get(lang.code()).and_then(|m| m.get(key)).map_or(&[], Vec::as_slice);
        let pages = self.pages;
        list.iter().map(move |&i| &pages[i])
    }

    /// The releases in `lang`, newest first.
    pub fn releases(&self, lang: &Lang) -> Vec<&'a PageOut<'a>> {
        let mut r: Vec<_> = self
            .children("releases", lang)
            .filter(|p| p.page.kind == PageKind::Section && p.page.release.is_some())
            .collect();
        r.sort_by_key(|p| std::cmp::Reverse(p.page.release));
        r
    }
}

/// Section order: weight (pages without one last), then date (newest first), then title.
fn order(a: &Page, b: &Page) -> std::cmp::Ordering {
    let w = |p: &Page| p.front.weight.unwrap_or(i64::MAX);
    w(a).cmp(&w(b))
        .then_with(|| b.sort_date().map(|d| d.timestamp()).cmp(&a.sort_date().map(|d| d.timestamp())))
        .then_with(|| a.front.title.cmp(&b.front.title))
        .then_with(|| a.key.cmp(&b.key))
}

/// How many top-level pages and sections the main navigation shows, after the home page.
const MAIN_NAV_ENTRIES: usize = 8;

/// Everything shared by all pages of one language.
pub(crate) struct LangShared {
    pub site: SiteCtx,
    pub lang: LangCtx,
    pub t: BTreeMap<String, String>,
    pub nav: Vec<(String, Link)>,
    /// `site`, `lang` and `t` converted once: Tera values share their maps, so inserting
    /// them into each page's context costs nothing.
    values: [tera::Value; 3],
}

pub(crate) fn shared(site: &Site, theme: &Theme, index: &Index<'_>, search: bool) -> Localized<LangShared> {
    let c = &site.config;
    let has_og_image = theme.files.contains_key("og-image.png");
    let languages: Vec<LangCtx> = c.languages.iter().map(LangCtx::of).collect();
    Localized::new(&c.languages, |l| {
        let t = theme.strings_for(l);
        let site_ctx = SiteCtx {
            title: c.title.get(l).to_string(),
            description: c.description.get(l).to_string(),
            publisher: c.publisher.get(l).to_string(),
            base_url: c.base_url.clone(),
            origin: {
                let url = c.base_url.trim_end_matches('/');
                url.strip_suffix(c.base_path()).unwrap_or(url).to_string()
            },
            license: c.license.clone(),
            license_url: crate::export::license_url(&c.license),
            languages: languages.clone(),
            default_lang: c.default_lang().code().to_string(),
            has_data: !site.datasets.is_empty(),
            glossary_url: super::glossary::made(site).then(|| super::glossary::page_url(l)),
            search_url: search.then(|| l.url("search")),
            og_image: has_og_image.then(|| c.absolute("/og-image.png")),
            nav_entries: MAIN_NAV_ENTRIES,
            filing: (c.filing.icp.is_some() || c.filing.police.is_some()).then(|| FilingCtx {
                icp: c.filing.icp.as_ref().map(|t| t.get(l).to_string()),
                icp_url: crate::model::ICP_FILING_SITE,
                police: c.filing.police.as_ref().map(|t| t.get(l).to_string()),
            }),
        };
        let mut nav = vec![(
            String::new(),
            Link { title: t.get("home").cloned().unwrap_or_default(), url: l.url(""), active: false },
        )];
        // The first top-level pages and sections, in their order: a header of dozens of
        // links serves no reader (on a phone it fills the screen); where there are more, the
        // home page lists them all (`home.html`).
        for child in index.children("", l).take(MAIN_NAV_ENTRIES) {
            nav.push((
                child.page.key.clone(),
                Link { title: child.page.front.title.clone(), url: child.page.url.clone(), active: false },
            ));
        }
        if !site.datasets.is_empty() {
            nav.push((
                "data".into(),
                Link { title: t.get("data").cloned().unwrap_or_default(), url: l.url("data"), active: false },
            ));
        }
        let lang_ctx = LangCtx::of(l);
        let values = [
            tera::Value::from_serializable(&site_ctx),
            tera::Value::from_serializable(&lang_ctx),
            tera::Value::from_serializable(&t),
        ];
        LangShared { site: site_ctx, lang: lang_ctx, t, nav, values }
    })
}

pub(crate) fn page_ref(site: &Site, p: &PageOut<'_>) -> PageRef {
    let page = p.page;
    let summary = page.front.summary.clone().or_else(|| {
        let text = p.body.first_paragraph.trim();
        (!text.is_empty()).then(|| truncate(text, 160))
    });
    PageRef {
        title: page.front.title.clone(),
        url: page.url.clone(),
        permalink: site.config.absolute(&page.url),
        summary,
        date: page.front.date.as_ref().map(|d| display_date(d, &page.lang)),
        date_iso: page.front.date.as_ref().map(|d| d.date().to_string()),
        kind: match page.kind {
            PageKind::Home => "home",
            PageKind::Section => "section",
            PageKind::Page => "page",
        },
        release: page.release,
    }
}

/// Cuts text at `max` characters, on a character boundary, with an ellipsis.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

/// Language switch and hreflang alternates: the same page in each language, or the nearest
/// section that exists in that language, or its home page.
pub(crate) fn alternates(cx: &RenderContext<'_>, key: &str, lang: &Lang) -> Vec<Alternate> {
    let each = cx.site.config.languages.iter().map(|l| {
        let (url, translated) = match cx.index.get(key, l) {
            Some(p) => (p.page.url.clone(), true),
            None => {
                let mut k = key;
                loop {
                    k = k.rsplit_once('/').map_or("", |(a, _)| a);
                    if let Some(p) = cx.index.get(k, l) {
                        break (p.page.url.clone(), false);
                    }
                    if k.is_empty() {
                        break (l.url(""), false);
                    }
                }
            }
        };
        Alternate::new(cx.site, l, lang, url, translated)
    });
    each.collect()
}

/// The context of a page the build makes at `key` in every language (calendar, glossary):
/// its URL, and a context with its alternates, its page (titled and described by the theme's
/// `title` and `intro` strings) and breadcrumbs through the pages at `crumbs` that exist.
pub(crate) fn generated_context(
    cx: &RenderContext<'_>,
    lang: &Lang,
    key: &str,
    (title, intro): (&str, &str),
    crumbs: &[&str],
) -> (String, tera::Context) {
    let sh = cx.langs.get(lang);
    let url = lang.url(key);
    let alts = generated_alternates(cx, key, lang);
    let mut ctx = base_context(cx, lang, &alts, key, &cx.site.config.absolute(&url));
    let t = |k: &str| sh.t.get(k).cloned().unwrap_or_default();
    ctx.insert("page", &PageCtx::generated(cx.site, lang, t(title), url.clone(), t(intro)));
    let crumbs: Vec<Link> = crumbs
        .iter()
        .filter_map(|k| cx.index.get(k, lang))
        .map(|p| Link { title: p.page.front.title.clone(), url: p.page.url.clone(), active: false })
        .collect();
    ctx.insert("breadcrumbs", &crumbs);
    (url, ctx)
}

/// The alternates of a page the build makes in every language at `key` (the search, data and
/// calendar pages).
pub(crate) fn generated_alternates(cx: &RenderContext<'_>, key: &str, lang: &Lang) -> Vec<Alternate> {
    cx.site.config.languages.iter().map(|l| Alternate::new(cx.site, l, lang, l.url(key), true)).collect()
}

pub(crate) fn release_ctx(cx: &RenderContext<'_>, p: &PageOut<'_>) -> ReleaseCtx {
    let (site, lang) = (cx.site, &p.page.lang);
    let pages: Vec<&PageOut<'_>> = cx.index.children(&p.page.key, lang).collect();
    let mut charts = Vec::new();
    let mut used = std::collections::BTreeSet::new();
    for q in std::iter::once(p).chain(pages.iter().copied()) {
        used.extend(q.body.datasets.iter().cloned());
        for f in &q.body.figures {
            charts.push(ChartRef {
                title: f.title.clone(),
                src: format!("/charts/{}.{lang}.svg", f.name),
                page_url: format!("{}#{}", q.page.url, f.name),
                page_title: q.page.front.title.clone(),
            });
        }
    }
    let datasets = used
        .iter()
        .filter_map(|id| site.datasets.get(id))
        .map(|d| DatasetRef {
            id: d.id.clone(),
            title: d.title.get(lang).to_string(),
            url: dataset_url(lang.prefix(), &d.id),
            description: d.description.as_ref().map(|t| t.get(lang).to_string()),
            updated: d.updated.map(|u| u.to_string()),
        })
        .collect();
    ReleaseCtx {
        citation: super::citations::with_release(cx, p, |w| super::citations::context(w, lang, &p.page.url)),
        link: page_ref(site, p),
        year: p.page.release.unwrap_or_default(),
        // (A landing page's HTML is never put aside: see `PageOut::html_shown_elsewhere`.)
        content: p.body.html.clone(),
        pages: pages.iter().map(|q| page_ref(site, q)).collect(),
        charts,
        datasets,
        key_figures: p.body.key_figures.clone(),
        summary_url: super::summary::url(p.page),
    }
}

/// Common context for any page of a language.
pub(crate) fn base_context(
    cx: &RenderContext<'_>,
    lang: &Lang,
    alternates: &[Alternate],
    active_key: &str,
    canonical: &str,
) -> tera::Context {
    let shared = cx.langs.get(lang);
    let mut ctx = tera::Context::new();
    let [site, lang, t] = shared.values.clone();
    ctx.insert_value("site", site);
    ctx.insert_value("lang", lang);
    ctx.insert_value("t", t);
    let top = active_key.split('/').next().unwrap_or("");
    let nav: Vec<Link> = shared
        .nav
        .iter()
        .map(|(k, l)| Link { active: *k == top && (!k.is_empty() || active_key.is_empty()), ..l.clone() })
        .collect();
    ctx.insert("nav", &nav);
    ctx.insert("css", &cx.assets.css);
    ctx.insert("alternates", alternates);
    // The default language's version, or where there is none, the first language that has one.
    let x_default = alternates
        .iter()
        .find(|a| a.code == shared.site.default_lang && a.translated)
        .or_else(|| alternates.iter().find(|a| a.translated))
        .map(|a| a.permalink.clone());
    ctx.insert("x_default", &x_default);
    ctx.insert("canonical", canonical);
    ctx.insert("feed", &format!("{}atom.xml", shared.lang.home));
    // Whether the search index takes this page's text (`data-pagefind-body` on <main>).
    ctx.insert("searchable", &false);
    // The share image (`og:image`) of a release's pages; the theme's default elsewhere.
    ctx.insert("share", &None::<()>);
    ctx
}

/// A rendered page's output path and finished bytes (see [`finish`]); with a cache of the last
/// build ([`RenderOptions::pages`]), last build's bytes when the page's HTML is unchanged.
pub(crate) fn finished(path: String, html: String, opts: &RenderOptions) -> (String, Vec<u8>) {
    let bytes = match &opts.pages {
        Some(cache) => {
            let options = format!("minify={} inject={:?}", opts.minify, opts.inject);
            cache.finish(&path, html, &options, |html| finish(html, opts))
        }
        None => finish(html, opts),
    };
    (path, bytes)
}

/// Finishes a rendered page: the serve-mode script, then minification.
pub(crate) fn finish(html: String, opts: &RenderOptions) -> Vec<u8> {
    let html = match &opts.inject {
        Some(script) => match html.rfind("</body>") {
            Some(i) => format!("{}{script}{}", &html[..i], &html[i..]),
            None => html + script,
        },
        None => html,
    };
    let html = lang_runs::mark(&html);
    if opts.minify { minify::escape_attribute_brackets(minify::html(&html)) } else { html.into_bytes() }
}

/// Which pages to render: all of them (with the 404 and search pages), or only some (for
/// `serve`'s incremental rebuilds).
#[derive(Clone, Copy)]
pub enum Selection<'s> {
    /// Every page, the 404 pages and the search pages.
    All,
    /// Only the pages for which the function is true.
    Only(&'s (dyn Fn(&Page) -> bool + Sync)),
}

impl Selection<'_> {
    /// Whether `page` is selected.
    pub(crate) fn wants(&self, page: &Page) -> bool {
        match self {
            Selection::All => true,
            Selection::Only(f) => f(page),
        }
    }
}

/// An output path and its bytes.
type File = (String, Vec<u8>);

/// Hands each file of a page to the output as soon as it is rendered (see [`crate::output::Output::put`]).
pub type Emit<'e> = dyn Fn(String, Vec<u8>) -> Option<File> + Sync + 'e;

/// Renders the selected pages (and, for [`Selection::All`], the 404 and search pages), in
/// parallel, each page handed to `emit` as soon as it is rendered, from the thread that
/// rendered it. Returns what `emit` handed back and the pages made once per language (404,
/// search, calendar): output path -> bytes.
pub fn render_each(
    cx: &RenderContext<'_>,
    selection: Selection<'_>,
    emit: &Emit<'_>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let (site, rendered, index, opts, templates) = (cx.site, cx.pages, &cx.index, cx.opts, &cx.templates);
    let calendar_made = cx.calendar_made();
    // Each section's listing, converted to a Tera value once and shared by every page that
    // shows it (its own page and its pages' sibling navigation): no quadratic work. Only the
    // listings the selected pages show are made.
    let needed: Option<std::collections::BTreeSet<(&str, &str)>> = match selection {
        Selection::All => None,
        Selection::Only(_) => Some(
            rendered
                .iter()
                .filter(|p| selection.wants(p.page))
                .flat_map(|p| {
                    let lang = p.page.lang.code();
                    std::iter::once((lang, p.page.key.as_str())).chain(p.page.parent.as_deref().map(|k| (lang, k)))
                })
                .collect(),
        ),
    };
    let listings = Listings::new(
        rendered
            .iter()
            .filter(|p| p.page.kind != PageKind::Page)
            .filter(|p| needed.as_ref().is_none_or(|n| n.contains(&(p.page.lang.code(), p.page.key.as_str())))),
        rendered.iter().filter(|p| selection.wants(p.page)).map(|p| p.page),
    );
    let empty = tera::Value::from_serializable(&Vec::<PageRef>::new());
    let results: Vec<Result<Option<File>>> = rendered
        .par_iter()
        .filter(|p| selection.wants(p.page))
        .map(|p| {
            let page = p.page;
            let sh = cx.langs.get(&page.lang);
            let alts = alternates(cx, &page.key, &page.lang);
            let link = page_ref(site, p);
            let mut ctx = base_context(cx, &page.lang, &alts, &page.key, &link.permalink);
            // An empty `summary:` gives way too; where both are empty, the theme leaves the
            // description tags out (an empty `content` is invalid HTML).
            let description =
                link.summary.clone().filter(|s| !s.trim().is_empty()).unwrap_or_else(|| sh.site.description.clone());
            let page_ctx = PageCtx {
                link,
                content: cx.html(p)?.into_owned(),
                toc: p.body.toc.clone(),
                key: page.key.clone(),
                lang: page.lang.code().to_string(),
                unpublished: page.unpublished.as_ref().map(|u| match u {
                    Unpublished::Draft => "draft".to_string(),
                    Unpublished::Embargo(_) => "embargo".to_string(),
                }),
                publish_at: match &page.unpublished {
                    Some(Unpublished::Embargo(at)) => Some(at.strftime("%Y-%m-%d %H:%M %:z").to_string()),
                    _ => None,
                },
                description,
            };
            ctx.insert("page", &page_ctx);
            // Breadcrumbs: the sections above the page.
            let mut crumbs = Vec::new();
            let mut k = page.parent.clone();
            while let Some(key) = k {
                if let Some(s) = index.get(&key, &page.lang) {
                    crumbs.push(Link { title: s.page.front.title.clone(), url: s.page.url.clone(), active: false });
                }
                k = if key.is_empty() { None } else { Some(key.rsplit_once('/').map_or("", |(a, _)| a).to_string()) };
            }
            crumbs.reverse();
            ctx.insert("breadcrumbs", &crumbs);
            let listing = |key: &str| {
                listings.get(page.lang.code(), key, |p| {
                    let refs: Vec<PageRef> =
                        index.children(&p.page.key, &p.page.lang).map(|c| page_ref(site, c)).collect();
                    tera::Value::from_serializable(&refs)
                })
            };
            ctx.insert_value("children", listing(&page.key).unwrap_or_else(|| empty.clone()));
            let siblings = match (&page.parent, page.kind) {
                (Some(parent), PageKind::Page) => listing(parent).unwrap_or_else(|| empty.clone()),
                _ => empty.clone(),
            };
            ctx.insert_value("siblings", siblings);
            listings.done_with(page);
            let releases: Vec<ReleaseCtx> = match (page.kind, page.key.as_str()) {
                (PageKind::Home, _) | (PageKind::Section, "releases") => {
                    index.releases(&page.lang).into_iter().map(|r| release_ctx(cx, r)).collect()
                }
                _ => Vec::new(),
            };
            ctx.insert("calendar_url", &calendar_made.then(|| super::calendar::page_url(&page.lang)));
            ctx.insert("latest", &releases.first());
            ctx.insert("releases", &releases);
            let release = (page.kind == PageKind::Section && page.release.is_some()).then(|| release_ctx(cx, p));
            ctx.insert("release", &release);
            ctx.insert("continuity", &super::continuity::of(site, index, p));
            ctx.insert("share", &super::summary::share_for_page(cx, page));
            // Indexed for search: every page a reader could look for, the home page (it quotes
            // the key figures) and every section included; only the search page and 404 are not.
            ctx.insert("searchable", &opts.search);

            let template = match (&page.front.template, page.kind, page.key.as_str()) {
                (Some(t), _, _) => t.clone(),
                (None, PageKind::Home, _) => "home.html".into(),
                (None, PageKind::Section, "releases") => "releases.html".into(),
                (None, PageKind::Section, _) if page.release.is_some() => "release.html".into(),
                (None, PageKind::Section, _) => "section.html".into(),
                (None, PageKind::Page, _) => "page.html".into(),
            };
            if !templates.has(&template) {
                return Err(Diagnostic::error(&page.source, 1, 1, crate::msg::template_not_found(&template))
                    .with_hint(crate::msg::template_not_found_hint())
                    .into());
            }
            let html = templates.render(&template, &ctx)?;
            {
                let (path, bytes) = finished(page_file(&page.url), html, opts);
                Ok(emit(path, bytes))
            }
        })
        .collect();
    let mut diags = Diagnostics::default();
    let mut out = Vec::new();
    for r in results {
        out.extend(diags.take(r)?.flatten());
    }
    if matches!(selection, Selection::All) {
        for l in &site.config.languages {
            out.extend(diags.take(not_found_page(cx, l))?);
            if opts.search && index.get("search", l).is_none() {
                // (unless the site has its own page at /search/)
                out.extend(diags.take(search_page(cx, l))?);
            }
        }
        if calendar_made {
            out.extend(diags.take(super::calendar::pages(cx))?.into_iter().flatten());
        }
        if super::glossary::made(site) {
            out.extend(diags.take(super::glossary::pages(cx))?.into_iter().flatten());
        }
        out.extend(diags.take(super::summary::pages(cx))?.into_iter().flatten());
    }
    diags.finish(out)
}

/// Each section's listing (its children's [`PageRef`]s), converted to a Tera value when a
/// page first shows it and shared by every page that shows it (its own page and its pages'
/// sibling navigation): no quadratic work. Dropped after the last of those pages is rendered,
/// so that the listings of a big site are not all in memory at once.
struct Listings<'a> {
    /// (language, section key) -> the section's page and its listing.
    slots: BTreeMap<(&'a str, &'a str), Slot<'a>>,
}

struct Slot<'a> {
    page: &'a PageOut<'a>,
    /// How many pages still to render show it.
    users: std::sync::atomic::AtomicUsize,
    value: std::sync::Mutex<Option<tera::Value>>,
}

impl<'a> Listings<'a> {
    /// The listings of `sections`, shown by `pages` (see [`Listings::uses`]).
    fn new(sections: impl Iterator<Item = &'a PageOut<'a>>, pages: impl Iterator<Item = &'a Page>) -> Self {
        let mut slots: BTreeMap<(&str, &str), Slot<'_>> = sections
            .map(|p| {
                let slot = Slot { page: p, users: 0.into(), value: std::sync::Mutex::new(None) };
                ((p.page.lang.code(), p.page.key.as_str()), slot)
            })
            .collect();
        for page in pages {
            if let Some(key) = Self::uses(page)
                && let Some(slot) = slots.get_mut(&(page.lang.code(), key))
            {
                *slot.users.get_mut() += 1;
            }
        }
        Listings { slots }
    }

    /// The listings a page shows: its own children's (a section's) or its siblings' (a page's).
    fn uses(page: &Page) -> Option<&str> {
        match (&page.parent, page.kind) {
            (Some(parent), PageKind::Page) => Some(parent),
            (_, PageKind::Page) => None,
            _ => Some(&page.key),
        }
    }

    /// The listing of section `key` in `lang`, made with `make` if no page has shown it yet;
    /// `None` where there is no such section.
    fn get(&self, lang: &str, key: &str, make: impl FnOnce(&PageOut<'_>) -> tera::Value) -> Option<tera::Value> {
        let slot = self.slots.get(&(lang, key))?;
        let mut value = slot.value.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        Some(value.get_or_insert_with(|| make(slot.page)).clone())
    }

    /// Drops the listings `page` showed that no page still to render shows.
    fn done_with(&self, page: &Page) {
        if let Some(key) = Self::uses(page)
            && let Some(slot) = self.slots.get(&(page.lang.code(), key))
            && slot.users.fetch_sub(1, std::sync::atomic::Ordering::AcqRel) == 1
        {
            *slot.value.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
        }
    }
}

/// The 404 page of one language.
fn not_found_page(cx: &RenderContext<'_>, l: &Lang) -> Result<(String, Vec<u8>)> {
    let sh = cx.langs.get(l);
    let alts = alternates(cx, "", l);
    let mut ctx = base_context(cx, l, &alts, "404", &cx.site.config.absolute(&sh.lang.home));
    let title = sh.t.get("not_found_title").cloned().unwrap_or_default();
    let page = PageCtx::generated(cx.site, l, title, l.url(""), sh.site.description.clone());
    ctx.insert("page", &page);
    ctx.insert("breadcrumbs", &Vec::<Link>::new());
    let html = cx.templates.render("404.html", &ctx)?;
    Ok(finished(format!("{}404.html", sh.lang.home.trim_start_matches('/')), html, cx.opts))
}

/// The search page of one language (`/search/`, `/en/search/`): a search form and, for readers
/// without JavaScript, every page of the language grouped by top-level section, and the datasets.
fn search_page(cx: &RenderContext<'_>, lang: &Lang) -> Result<(String, Vec<u8>)> {
    let (site, index, sh) = (cx.site, &cx.index, cx.langs.get(lang));
    let url = lang.url("search");
    let alts = generated_alternates(cx, "search", lang);
    let mut ctx = base_context(cx, lang, &alts, "search", &site.config.absolute(&url));
    let title = sh.t.get("search_title").cloned().unwrap_or_default();
    ctx.insert("page", &PageCtx::generated(site, lang, title, url.clone(), sh.site.description.clone()));
    ctx.insert("breadcrumbs", &Vec::<Link>::new());
    let mut groups = Vec::new();
    for top in index.children("", lang) {
        let mut pages = Vec::new();
        let mut stack: Vec<&PageOut<'_>> = index.children(&top.page.key, lang).collect();
        stack.reverse();
        while let Some(p) = stack.pop() {
            pages.push(Link { title: p.page.front.title.clone(), url: p.page.url.clone(), active: false });
            let mut kids: Vec<&PageOut<'_>> = index.children(&p.page.key, lang).collect();
            kids.reverse();
            stack.extend(kids);
        }
        groups.push(serde_json::json!({"title": top.page.front.title, "url": top.page.url, "pages": pages}));
    }
    if !site.datasets.is_empty() {
        let pages: Vec<Link> = site
            .datasets
            .values()
            .map(|d| Link {
                title: d.title.get(lang).to_string(),
                url: dataset_url(lang.prefix(), &d.id),
                active: false,
            })
            .collect();
        groups.push(serde_json::json!({"title": sh.t.get("data"), "url": lang.url("data"), "pages": pages}));
    }
    ctx.insert("groups", &groups);
    let html = cx.templates.render("search.html", &ctx)?;
    Ok(finished(page_file(&url), html, cx.opts))
}

#[cfg(test)]
mod tests {
    use super::og_locale;

    #[test]
    fn open_graph_locales() {
        for (tag, locale) in [
            ("zh-Hans", "zh_CN"),
            ("zh", "zh_CN"),
            ("zh-Hant", "zh_TW"),
            ("zh-Hant-HK", "zh_HK"),
            ("en", "en_US"),
            ("en-GB", "en_GB"),
            ("fr", "fr_FR"),
            ("ja", "ja_JP"),
        ] {
            assert_eq!(og_locale(tag), locale, "{tag}");
        }
    }
}
