//! The citation of a dataset page and of a release's landing page: the text the page shows
//! and the files beside it (`cite.bib`, `cite.ris`, `cite.json`), made with [`crate::cite`].

use std::collections::BTreeMap;

use serde::Serialize;

use super::{PageOut, RenderContext};
use crate::cite::{self, Kind, Work};
use crate::model::dataset::Dataset;
use crate::model::{Lang, Site};

/// `dataset.citation` and `release.citation` in templates.
#[derive(Serialize, Clone)]
pub struct CiteCtx {
    /// The citation in the page's language, as HTML (values escaped).
    pub html: String,
    /// `/data/<id>/cite.bib` (or the release's).
    pub bib: String,
    /// `…/cite.ris`.
    pub ris: String,
    /// `…/cite.json`.
    pub json: String,
}

/// The files of a citation, for the page at site path `url` (`/en/data/x/`): output path and
/// bytes of `cite.bib`, `cite.ris` and `cite.json` in its folder.
pub fn files(w: &Work<'_>, url: &str) -> Vec<(String, Vec<u8>)> {
    let dir = url.trim_start_matches('/');
    vec![
        (format!("{dir}cite.bib"), cite::bibtex(w).into_bytes()),
        (format!("{dir}cite.ris"), cite::ris(w).into_bytes()),
        (format!("{dir}cite.json"), cite::csl_json(w).into_bytes()),
    ]
}

/// The template context of a citation of the page at site path `url`.
pub fn context(w: &Work<'_>, lang: &Lang, url: &str) -> CiteCtx {
    CiteCtx {
        html: cite::html(w, lang.style()),
        bib: format!("{url}cite.bib"),
        ris: format!("{url}cite.ris"),
        json: format!("{url}cite.json"),
    }
}

/// The note of a citation: the source of the figures and their licence, in the theme's words.
fn note(t: &BTreeMap<String, String>, source: Option<&str>, license: &str) -> String {
    let get = |k: &str| t.get(k).map_or("", String::as_str);
    let licence = format!("{}{}{license}", get("license"), get("colon"));
    match source.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => format!("{}{}{s}{}{licence}", get("source"), get("colon"), get("list_sep")),
        None => licence,
    }
}

/// A dataset's citation in `lang`: by its own publisher where it names one (court statistics
/// are the courts'), with its source and licence; dated by its `updated` date.
pub fn dataset<'a>(
    d: &'a Dataset,
    site: &'a Site,
    lang: &'a Lang,
    permalink: &'a str,
    t: &BTreeMap<String, String>,
) -> Work<'a> {
    Work {
        kind: Kind::Dataset,
        key: &d.id,
        title: d.title.get(lang),
        author: d.publisher.as_ref().unwrap_or(&site.config.publisher).get(lang),
        publisher: site.config.publisher.get(lang),
        issued: d.updated,
        url: permalink,
        language: lang.tag(),
        note: Some(note(t, Some(d.source.name.get(lang)), &d.license)),
    }
}

/// The citation of a release's landing page `p` (key `release-<year>`, the page's address),
/// handed to `f`: its text for the page, or its files.
pub fn with_release<R>(cx: &RenderContext<'_>, p: &PageOut<'_>, f: impl FnOnce(&Work<'_>) -> R) -> R {
    let key = format!("release-{}", p.page.release.unwrap_or_default());
    let permalink = cx.site.config.absolute(&p.page.url);
    f(&release(p, cx.site, &key, &permalink, &cx.langs.get(&p.page.lang).t))
}

/// A release's citation: its landing page's title, by the site's publisher, dated by the
/// page's `date` (else the release's publication moment).
fn release<'a>(
    p: &'a PageOut<'_>,
    site: &'a Site,
    key: &'a str,
    permalink: &'a str,
    t: &BTreeMap<String, String>,
) -> Work<'a> {
    let page = p.page;
    let issued = page.front.date.as_ref().map(|z| z.date()).or_else(|| {
        page.release.and_then(|y| site.release_moment(y)).map(|z| z.with_time_zone(site.config.timezone.clone()).date())
    });
    Work {
        kind: Kind::Release,
        key,
        title: &page.front.title,
        author: site.config.publisher.get(&page.lang),
        publisher: site.config.publisher.get(&page.lang),
        issued,
        url: permalink,
        language: page.lang.tag(),
        note: Some(note(t, None, &site.config.license)),
    }
}
