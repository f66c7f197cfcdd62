//! Embed pages (`/embed/<name>/`, `/en/embed/<name>/`): one standalone chart with its title,
//! source and licence and a link back to its page, for an `<iframe>` on another site. They
//! are the only pages that other sites may frame (see `netlify.toml` and `_headers`).

use serde_json::json;

use super::RenderContext;
use super::context::{Alternate, PageCtx};
use super::pages;
use crate::diag::Result;
use crate::markdown::figure::Figure;
use crate::model::Lang;
use crate::model::layout::page_file;

/// The folder of the embed pages, under each language's prefix.
pub const KEY: &str = "embed";

/// The page an embedded chart links back to.
pub struct Back<'a> {
    /// Site path: the figure's page with its anchor, or the dataset's page.
    pub url: &'a str,
    /// That page's title.
    pub title: &'a str,
}

/// The embed page of figure `f` in `lang`: output path and bytes. `has(l)`: whether the
/// chart has an embed page in language `l` too (for the hreflang alternates).
pub fn page(
    cx: &RenderContext<'_>,
    lang: &Lang,
    f: &Figure,
    back: &Back<'_>,
    has: &dyn Fn(&Lang) -> bool,
) -> Result<(String, Vec<u8>)> {
    let key = format!("{KEY}/{}", f.name);
    let url = lang.url(&key);
    let alts: Vec<Alternate> = cx
        .site
        .config
        .languages
        .iter()
        .map(|l| Alternate::new(cx.site, l, lang, l.url(&key), l == lang || has(l)))
        .collect();
    let mut ctx = pages::base_context(cx, lang, &alts, &key, &cx.site.config.absolute(&url));
    let page = PageCtx::generated(cx.site, lang, f.title.clone(), url.clone(), f.title.clone());
    ctx.insert("page", &page);
    ctx.insert("figure", &f.embed);
    ctx.insert("back", &json!({"url": back.url, "permalink": cx.site.config.absolute(back.url), "title": back.title}));
    let html = cx.templates.render("embed.html", &ctx)?;
    Ok((page_file(&url), pages::finish(html, cx.opts)))
}
