//! Year-over-year continuity: each release's landing page links the previous and next
//! releases; a page of a release links its counterpart in the previous release (上一年度 /
//! previous year); a dataset page lists the releases whose pages quote it.
//!
//! A page's *counterpart* is the page at the same path relative to its release folder in
//! the previous release that this build shows: `releases/2022/white-paper` ->
//! `releases/2021/white-paper`. Only public pages are in the index, so a link never points
//! at an embargoed release.

use serde::Serialize;

use super::context::PageRef;
use super::pages::{Index, page_ref};
use crate::model::{Lang, PageKind, Site};
use crate::render::PageOut;

/// Links for one page.
#[derive(Serialize, Default)]
pub struct Continuity {
    /// The release before this one (landing pages only).
    pub previous_release: Option<PageRef>,
    /// The release after this one (landing pages only).
    pub next_release: Option<PageRef>,
    /// The same page in the previous release (pages of a release only).
    pub previous_year: Option<PageRef>,
}

/// The continuity links of page `p`.
pub(crate) fn of(site: &Site, index: &Index<'_>, p: &PageOut<'_>) -> Continuity {
    let page = p.page;
    let Some(year) = page.release else { return Continuity::default() };
    let releases = index.releases(&page.lang); // newest first
    let previous = releases.iter().find(|r| r.page.release.is_some_and(|y| y < year));
    let next = releases.iter().rev().find(|r| r.page.release.is_some_and(|y| y > year));
    match page.kind {
        PageKind::Section if page.key == format!("releases/{year}") => Continuity {
            previous_release: previous.map(|r| page_ref(site, r)),
            next_release: next.map(|r| page_ref(site, r)),
            previous_year: None,
        },
        _ => {
            let previous_year = previous.and_then(|r| {
                let rest = page.key.strip_prefix(&format!("releases/{year}/"))?;
                let before = r.page.release?;
                index.get(&format!("releases/{before}/{rest}"), &page.lang).map(|q| page_ref(site, q))
            });
            Continuity { previous_year, ..Continuity::default() }
        }
    }
}

/// One release that quotes a dataset: its landing page and the pages that quote it.
#[derive(Serialize)]
pub struct QuotingRelease {
    /// The release year.
    pub year: i32,
    /// Its landing page, when the build shows one.
    pub link: Option<PageRef>,
    /// Its pages that quote the dataset.
    pub pages: Vec<PageRef>,
}

/// The releases whose pages (in `lang`) quote dataset `id`, newest first.
pub(crate) fn releases_quoting(
    site: &Site,
    index: &Index<'_>,
    users: &[&PageOut<'_>],
    lang: &Lang,
) -> Vec<QuotingRelease> {
    let mut out: Vec<QuotingRelease> = Vec::new();
    let mut years: Vec<i32> = users.iter().filter(|p| p.page.lang == *lang).filter_map(|p| p.page.release).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    for year in years {
        let link = index.get(&format!("releases/{year}"), lang).map(|r| page_ref(site, r));
        let pages = users
            .iter()
            .filter(|p| p.page.lang == *lang && p.page.release == Some(year) && p.page.kind == PageKind::Page)
            .map(|p| page_ref(site, p))
            .collect();
        out.push(QuotingRelease { year, link, pages });
    }
    out
}
