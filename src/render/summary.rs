//! The one-page summary of each release (`/releases/<year>/summary/`, `/en/releases/<year>/summary/`):
//! title, date, key figures, the release's first two charts and where to find the rest,
//! laid out to print on one A4 page (the `/* summary */` block of `style.css`). And the
//! release's share images (see [`super::share`]), which the summary shares its figures with.

use rayon::prelude::*;
use serde::Serialize;

use super::context::{Link, PageCtx};
use super::pages::{base_context, display_date, finished, page_ref};
use super::{PageOut, RenderContext, share};
use crate::diag::{Diagnostic, Result};
use crate::model::layout::page_file;
use crate::model::{Lang, Page, PageKind};

/// The key of a release's summary page: `releases/2022/summary`.
fn key(page: &Page) -> String {
    format!("{}/summary", page.key)
}

/// The summary page of a release's landing page, in the page's language.
pub(crate) fn url(page: &Page) -> String {
    page.lang.url(&key(page))
}

/// The share image of a page, as its Open Graph tags give it.
#[derive(Serialize, Clone)]
pub(crate) struct ShareCtx {
    /// Absolute URL of the PNG.
    pub url: String,
    pub width: u32,
    pub height: u32,
    /// The image's text: the release's title and its key figures.
    pub alt: String,
}

/// The releases' landing pages that get a summary and share images: every public release.
fn releases<'a>(cx: &'a RenderContext<'_>) -> impl Iterator<Item = &'a PageOut<'a>> {
    cx.pages.iter().filter(|p| p.page.kind == PageKind::Section && p.page.release.is_some())
}

/// The share image of release `year` in `lang`, where the release has a landing page in it.
pub(crate) fn share_of(cx: &RenderContext<'_>, year: i32, lang: &Lang) -> Option<ShareCtx> {
    let p = cx.index.get(&format!("releases/{year}"), lang).filter(|p| p.page.kind == PageKind::Section)?;
    let chinese = lang.style() == crate::numfmt::Style::Chinese;
    let figures: Vec<String> = p
        .body
        .key_figures
        .iter()
        .map(|f| {
            if chinese {
                format!("{}{}（{}）", f.label, f.value, f.period)
            } else {
                format!("{} {} ({})", f.label, f.value, f.period)
            }
        })
        .collect();
    let (colon, semicolon) = if chinese { ("：", "；") } else { (": ", "; ") };
    let alt = if figures.is_empty() {
        p.page.front.title.clone()
    } else {
        format!("{}{colon}{}", p.page.front.title, figures.join(semicolon))
    };
    Some(ShareCtx {
        url: cx.site.config.absolute(&format!("/{}", share::path(year, lang.code()))),
        width: share::WIDTH,
        height: share::HEIGHT,
        alt,
    })
}

/// The share image a page shows: its release's, or on the home page the newest release's.
pub(crate) fn share_for_page(cx: &RenderContext<'_>, page: &Page) -> Option<ShareCtx> {
    let year = match page.kind {
        PageKind::Home => cx.index.releases(&page.lang).first().and_then(|r| r.page.release),
        _ => page.release,
    }?;
    share_of(cx, year, &page.lang)
}

/// The share image of a release's landing page, as SVG.
fn share_svg(cx: &RenderContext<'_>, p: &PageOut<'_>) -> String {
    let lang = &p.page.lang;
    let permalink = cx.site.config.absolute(&p.page.url);
    let address = permalink.split_once("://").map_or(permalink.as_str(), |(_, rest)| rest);
    let date = p.page.front.date.as_ref().map(|d| display_date(d, lang));
    let card = share::Card {
        site: &cx.langs.get(lang).site.title,
        title: &p.page.front.title,
        date: date.as_deref(),
        address,
        figures: &p.body.key_figures,
    };
    share::svg(&card)
}

/// The share images of every public release, in every language it has: output path -> PNG.
pub(crate) fn share_images(cx: &RenderContext<'_>) -> Result<Vec<(String, Vec<u8>)>> {
    let list: Vec<&PageOut<'_>> = releases(cx).collect();
    let drawn: Vec<std::result::Result<(String, Vec<u8>), Diagnostic>> = list
        .par_iter()
        .map(|p| {
            let path = share::path(p.page.release.unwrap_or_default(), p.page.lang.code());
            crate::raster::svg_to_png(&share_svg(cx, p), share::WIDTH).map(|png| (path.clone(), png)).map_err(|e| {
                Diagnostic::error(&p.page.source, 1, 1, crate::msg::share_image_failed(&path, &e.to_string()))
            })
        })
        .collect();
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for d in drawn {
        match d {
            Ok(f) => out.push(f),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(crate::diag::Failure::Content(errors)) }
}

/// The summary pages of every public release: output path -> bytes. A page the site writes
/// itself at that address (`content/releases/<year>/summary.<lang>.md`) is left alone.
pub(crate) fn pages(cx: &RenderContext<'_>) -> Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    for p in releases(cx) {
        let (page, lang) = (p.page, &p.page.lang);
        if cx.index.get(&key(page), lang).is_some() {
            continue;
        }
        let sh = cx.langs.get(lang);
        let url = url(page);
        let alts: Vec<super::context::Alternate> = cx
            .site
            .config
            .languages
            .iter()
            .map(|l| match cx.index.get(&page.key, l) {
                Some(q) => super::context::Alternate::new(cx.site, l, lang, self::url(q.page), true),
                None => super::context::Alternate::new(cx.site, l, lang, l.url(""), false),
            })
            .collect();
        let mut ctx = base_context(cx, lang, &alts, &key(page), &cx.site.config.absolute(&url));
        let release = super::pages::release_ctx(cx, p);
        let t = |k: &str| sh.t.get(k).cloned().unwrap_or_default();
        let mut page_ctx =
            PageCtx::generated(cx.site, lang, page.front.title.clone(), url.clone(), t("summary_description"));
        let link = page_ref(cx.site, p);
        page_ctx.link.date = link.date.clone();
        page_ctx.link.date_iso = link.date_iso.clone();
        page_ctx.link.release = page.release;
        page_ctx.key = key(page);
        ctx.insert("page", &page_ctx);
        let mut crumbs: Vec<Link> = ["", "releases", page.key.as_str()]
            .iter()
            .filter_map(|k| cx.index.get(k, lang))
            .map(|q| Link { title: q.page.front.title.clone(), url: q.page.url.clone(), active: false })
            .collect();
        crumbs.dedup_by(|a, b| a.url == b.url);
        ctx.insert("breadcrumbs", &crumbs);
        ctx.insert("charts", &release.charts.iter().take(2).collect::<Vec<_>>());
        ctx.insert("release", &release);
        let more: Vec<Link> = std::iter::once(Link {
            title: page.front.title.clone(),
            url: cx.site.config.absolute(&page.url),
            active: false,
        })
        .chain(release.pages.iter().map(|r| Link { title: r.title.clone(), url: r.permalink.clone(), active: false }))
        .chain((!cx.site.datasets.is_empty()).then(|| Link {
            title: t("data"),
            url: cx.site.config.absolute(&lang.url("data")),
            active: false,
        }))
        .collect();
        ctx.insert("more", &more);
        ctx.insert("share", &share_for_page(cx, page));
        // Indexed for search, like the release page it sums up.
        ctx.insert("searchable", &cx.opts.search);
        let html = cx.templates.render("summary.html", &ctx)?;
        out.push(finished(page_file(&url), html, cx.opts));
    }
    Ok(out)
}
