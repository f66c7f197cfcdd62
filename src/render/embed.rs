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
    Ok(pages::finished(page_file(&url), html, cx.opts))
}

/// The file Netlify (and Cloudflare Pages) read headers from, beside `netlify.toml`'s.
pub const HEADERS_FILE: &str = "_headers";

/// `_headers`: `Content-Security-Policy: frame-ancestors 'none'` on every path of the site
/// but the embed pages, so that no other site can frame a page other than an embed.
///
/// Netlify joins the values of every rule that matches a path, and browsers enforce each
/// CSP policy sent, so the rule for `/*` in `netlify.toml` cannot carry `frame-ancestors`:
/// these rules cover instead each top-level folder and file of the output (`paths`), and in
/// each language's folder, each of its folders and files, leaving out only `embed/`.
pub fn headers_file(paths: &[String], langs: &[Lang]) -> String {
    use std::collections::BTreeSet;
    let prefixes: BTreeSet<&str> =
        langs.iter().map(|l| l.prefix().trim_start_matches('/')).filter(|p| !p.is_empty()).collect();
    let mut patterns: BTreeSet<String> = BTreeSet::new();
    patterns.insert("/".into());
    for lang in &prefixes {
        patterns.insert(format!("/{lang}/"));
    }
    // The search bundle is added after this file is made.
    patterns.insert(format!("/{}/*", crate::search::BUNDLE_DIR));
    for path in paths.iter().filter(|p| p.as_str() != HEADERS_FILE) {
        let mut parts = path.split('/');
        let first = parts.next().unwrap_or("");
        let (dir, rest): (String, Vec<&str>) = if prefixes.contains(first) {
            (format!("/{first}/"), parts.collect())
        } else {
            ("/".into(), std::iter::once(first).chain(parts).collect())
        };
        match rest.as_slice() {
            [] => {}
            [name] if *name == KEY || name.is_empty() => {}
            [name] => {
                patterns.insert(format!("{dir}{name}"));
            }
            [folder, ..] if *folder == KEY => {}
            [folder, ..] => {
                patterns.insert(format!("{dir}{folder}/*"));
            }
        }
    }
    let mut out = String::from(
        "# Made by vitrine: no other site may frame these pages (every path but the embed pages,\n# /embed/ and /<lang>/embed/). The other headers are in netlify.toml.\n",
    );
    for p in patterns {
        out.push_str(&format!("{p}\n  Content-Security-Policy: frame-ancestors 'none'\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_but_the_embeds_is_covered() {
        let langs = [Lang::new("zh", "中文", "zh-Hans", "zh"), Lang::new("en", "English", "en", "zh")];
        let paths: Vec<String> = [
            "index.html",
            "404.html",
            "atom.xml",
            "data/x/index.html",
            "embed/a/index.html",
            "en/index.html",
            "en/embed/a/index.html",
            "en/data/x/index.html",
            "en/404.html",
            "charts/a.zh.svg",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let h = headers_file(&paths, &langs);
        let rules: Vec<&str> = h.lines().filter(|l| l.starts_with('/')).collect();
        assert_eq!(
            rules,
            [
                "/",
                "/404.html",
                "/atom.xml",
                "/charts/*",
                "/data/*",
                "/en/",
                "/en/404.html",
                "/en/data/*",
                "/en/index.html",
                "/index.html",
                "/pagefind/*"
            ]
        );
        assert!(!rules.iter().any(|r| r.contains("embed")), "{h}");
    }
}
