//! The glossary's pages (`/glossary/`, `/en/glossary/`): every term of `glossary.yaml` in
//! each language, with its accepted renderings, the variants to avoid and its note.

use std::collections::BTreeMap;

use serde::Serialize;

use super::context::{Alternate, Link};
use super::pages::{Assets, Index, LangShared, Templates, base_context};
use crate::diag::Result;
use crate::model::Site;

/// The glossary pages' key: `/glossary/` in the default language.
pub(crate) const KEY: &str = "glossary";

/// The glossary page's site path in `lang`: `/glossary/`, `/en/glossary/`.
pub(crate) fn page_url(site: &Site, lang: &str) -> String {
    format!("{}/{KEY}/", site.config.lang_prefix(lang))
}

/// Whether the build makes the glossary pages: the site has terms.
pub(crate) fn made(site: &Site) -> bool {
    !site.glossary.terms.is_empty()
}

/// One term as the template sees it: the page's language first.
#[derive(Serialize)]
struct TermCtx {
    /// The term in the page's language (its preferred rendering).
    term: String,
    /// The term in each other language.
    others: Vec<OtherCtx>,
    /// Other accepted renderings in the page's language.
    also: Vec<String>,
    /// Variants to avoid in the page's language.
    avoid: Vec<String>,
    note: String,
}

/// A term's renderings in another language.
#[derive(Serialize)]
struct OtherCtx {
    /// The language's BCP 47 tag, for `lang`.
    tag: String,
    /// Accepted renderings, the preferred one first (empty if none).
    renderings: Vec<String>,
    /// Variants to avoid.
    avoid: Vec<String>,
}

/// The glossary page of every language: output path -> HTML (not yet finished).
pub(crate) fn pages(
    site: &Site,
    index: &Index<'_>,
    shared: &BTreeMap<String, LangShared>,
    assets: &Assets,
    templates: &Templates,
    searchable: bool,
) -> Result<Vec<(String, String)>> {
    let c = &site.config;
    let default = c.default_lang().code.as_str();
    let mut out = Vec::new();
    for l in &c.languages {
        let lang = l.code.as_str();
        let sh = &shared[lang];
        let url = page_url(site, lang);
        let alts: Vec<Alternate> = c
            .languages
            .iter()
            .map(|x| {
                let url = page_url(site, &x.code);
                Alternate {
                    code: x.code.clone(),
                    name: x.name.clone(),
                    tag: x.tag.clone(),
                    permalink: c.absolute(&url),
                    url,
                    current: x.code == lang,
                    translated: true,
                }
            })
            .collect();
        let mut ctx = base_context(sh, assets, &alts, KEY, &c.absolute(&url));
        let title = sh.t.get("glossary_title").cloned().unwrap_or_default();
        let description = sh.t.get("glossary_intro").cloned().unwrap_or_default();
        ctx.insert(
            "page",
            &serde_json::json!({"title": title, "url": url, "description": description, "unpublished": null, "toc": []}),
        );
        let crumbs: Vec<Link> = index
            .get("", lang)
            .map(|p| Link { title: p.page.front.title.clone(), url: p.page.url.clone(), active: false })
            .into_iter()
            .collect();
        ctx.insert("breadcrumbs", &crumbs);
        let terms: Vec<TermCtx> = site
            .glossary
            .terms
            .iter()
            .map(|t| {
                let own = t.renderings.get(lang).or_else(|| t.renderings.get(default)).cloned().unwrap_or_default();
                TermCtx {
                    term: own.first().cloned().unwrap_or_default(),
                    also: own.iter().skip(1).cloned().collect(),
                    others: c
                        .languages
                        .iter()
                        .filter(|x| x.code != lang)
                        .map(|x| OtherCtx {
                            tag: x.tag.clone(),
                            renderings: t.renderings.get(&x.code).cloned().unwrap_or_default(),
                            avoid: t.avoid.get(&x.code).cloned().unwrap_or_default(),
                        })
                        .collect(),
                    avoid: t.avoid.get(lang).cloned().unwrap_or_default(),
                    note: t.note.as_ref().map(|n| n.get(lang, default).to_string()).unwrap_or_default(),
                }
            })
            .collect();
        let columns: Vec<&str> = c.languages.iter().filter(|x| x.code != lang).map(|x| x.name.as_str()).collect();
        ctx.insert("searchable", &searchable);
        ctx.insert("terms", &terms);
        ctx.insert("other_languages", &columns);
        let html = templates.render("glossary.html", &ctx)?;
        out.push((format!("{}index.html", url.trim_start_matches('/')), html));
    }
    Ok(out)
}
