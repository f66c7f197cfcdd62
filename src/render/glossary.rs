//! The glossary's pages (`/glossary/`, `/en/glossary/`): every term of `glossary.yaml` in
//! each language, with its accepted renderings, the variants to avoid and its note.

use serde::Serialize;

use super::RenderContext;
use super::pages::{finished, generated_context};
use crate::diag::Result;
use crate::model::layout::page_file;
use crate::model::{Lang, Site};

/// The glossary pages' key: `/glossary/` in the default language.
pub(crate) const KEY: &str = "glossary";

/// The glossary page's site path in `lang`: `/glossary/`, `/en/glossary/`.
pub(crate) fn page_url(lang: &Lang) -> String {
    lang.url(KEY)
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
    /// Other accepted renderings in the page's language.
    also: Vec<String>,
    /// Variants to avoid in the page's language.
    avoid: Vec<String>,
    /// The term in each other language.
    others: Vec<OtherCtx>,
    /// The note in the page's language.
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

/// The glossary page of every language: output path -> HTML.
pub(crate) fn pages(cx: &RenderContext<'_>) -> Result<Vec<(String, Vec<u8>)>> {
    let c = &cx.site.config;
    let default = c.default_lang().code();
    let mut out = Vec::new();
    for lang in &c.languages {
        let (url, mut ctx) = generated_context(cx, lang, KEY, ("glossary_title", "glossary_intro"), &[""]);
        // Indexed for search, like the pages written by hand.
        ctx.insert("searchable", &cx.opts.search);
        let terms: Vec<TermCtx> = cx
            .site
            .glossary
            .terms
            .iter()
            .map(|t| {
                let own =
                    t.renderings.get(lang.code()).or_else(|| t.renderings.get(default)).cloned().unwrap_or_default();
                TermCtx {
                    term: own.first().cloned().unwrap_or_default(),
                    also: own.iter().skip(1).cloned().collect(),
                    avoid: t.avoid.get(lang.code()).cloned().unwrap_or_default(),
                    others: c
                        .languages
                        .iter()
                        .filter(|x| *x != lang)
                        .map(|x| OtherCtx {
                            tag: x.tag().to_string(),
                            renderings: t.renderings.get(x.code()).cloned().unwrap_or_default(),
                            avoid: t.avoid.get(x.code()).cloned().unwrap_or_default(),
                        })
                        .collect(),
                    note: t.note.as_ref().map(|n| n.get(lang).to_string()).unwrap_or_default(),
                }
            })
            .collect();
        let columns: Vec<&str> = c.languages.iter().filter(|x| *x != lang).map(|x| x.name()).collect();
        ctx.insert("terms", &terms);
        ctx.insert("other_languages", &columns);
        let html = cx.templates.render("glossary.html", &ctx)?;
        out.push(finished(page_file(&url), html, cx.opts));
    }
    Ok(out)
}
