//! The release calendar: releases announced in `calendar.yaml`, and the calendar's entries
//! (announced and existing releases together) as the pages and the ICS file show them.

use std::collections::BTreeMap;

use super::{Lang, Page, PageKind, Site, Text};

/// One release announced in `calendar.yaml`, before its content exists.
#[derive(Clone, Debug, PartialEq)]
pub struct Announcement {
    /// The release year (`content/releases/<year>/`).
    pub year: i32,
    /// The title to show before the release is public.
    pub title: Text,
    /// When the release is to be published, with the offset it was written with.
    pub publish_at: jiff::Zoned,
    /// 1-based line of the entry in `calendar.yaml`, for messages.
    pub line: usize,
}

/// `calendar.yaml`: the announced releases, by year. Empty when the file does not exist.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calendar {
    /// Whether the site has a `calendar.yaml` (then the calendar pages are made even while
    /// they list nothing).
    pub present: bool,
    /// Announcements by year.
    pub releases: BTreeMap<i32, Announcement>,
}

/// One release as the calendar shows it. A release that is not public carries none of its
/// own content: only its year, its moment and an announced or neutral title.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The release year.
    pub year: i32,
    /// When the release is (or was) published.
    pub moment: jiff::Zoned,
    /// Whether `moment` has a time of day worth showing (not a date-only `date`).
    pub timed: bool,
    /// The title in every language of the site.
    pub title: Text,
    /// Whether the release's landing page is public in this build.
    pub public: bool,
    /// The site path of the landing page in each language that has one (public releases only).
    pub urls: Text,
}

impl Entry {
    /// The title in `lang` (else in the default language, else any).
    pub fn title_in(&self, lang: &Lang) -> &str {
        lang.pick(&self.title)
    }

    /// The landing page's site path in `lang` (else in the default language, else any).
    pub fn url_in(&self, lang: &Lang) -> Option<&str> {
        Some(lang.pick(&self.urls)).filter(|u| !u.is_empty())
    }
}

/// The calendar's entries, sorted by time (then year): every release announced in
/// `calendar.yaml` and every release folder `content/releases/<year>/`, published or withheld.
///
/// - A release is public when its landing page (`_index`) is among the published pages; it
///   is listed with its own title (where its `_index` has a file) and its URLs.
/// - A release that is not public shows none of its content: the title is the announced
///   one, else `neutral(lang, year)`. A withheld release is listed only when it is announced
///   or its `_index` has a `publish_at`.
/// - The moment is the `_index`'s `publish_at`, else the announced moment, else the `_index`'s
///   `date` (at 00:00 in the site's time zone); a release with none of these (a public
///   release without dates) gets no entry.
pub fn entries(site: &Site, neutral: &dyn Fn(&Lang, i32) -> String) -> Vec<Entry> {
    let config = &site.config;
    let landing = |p: &&Page| p.kind == PageKind::Section && p.release.is_some() && p.key.matches('/').count() == 1;
    let lang_order = |p: &Page| config.languages.iter().position(|l| *l == p.lang).unwrap_or(usize::MAX);
    // Landing pages by year, default language first: (published, withheld).
    let mut years: BTreeMap<i32, (Vec<&Page>, Vec<&Page>)> = BTreeMap::new();
    for &y in site.calendar.releases.keys() {
        years.entry(y).or_default();
    }
    for p in site.pages.iter().filter(landing) {
        years.entry(p.release.unwrap_or_default()).or_default().0.push(p);
    }
    for p in site.withheld.iter().filter(landing) {
        years.entry(p.release.unwrap_or_default()).or_default().1.push(p);
    }
    let mut out = Vec::new();
    for (year, (mut published, mut withheld)) in years {
        published.sort_by_key(|p| lang_order(p));
        withheld.sort_by_key(|p| lang_order(p));
        let announced = site.calendar.releases.get(&year);
        let public = !published.is_empty();
        let publish_at = published.iter().chain(&withheld).find_map(|p| p.front.publish_at.as_ref());
        if !public && announced.is_none() && publish_at.is_none() {
            continue; // a draft nobody announced: not even its year is shown
        }
        let dated = published.iter().find_map(|p| p.front.date.as_ref());
        let (moment, timed) = match (publish_at, announced, dated) {
            (Some(at), _, _) => (at, true),
            (None, Some(a), _) => (&a.publish_at, true),
            (None, None, Some(d)) => (d, false),
            (None, None, None) => continue,
        };
        let title = config
            .languages
            .iter()
            .map(|l| {
                let own = published.iter().find(|p| p.lang == *l && !p.generated).map(|p| p.front.title.clone());
                let t = own
                    .or_else(|| announced.map(|a| a.title.get(l).to_string()))
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| neutral(l, year));
                (l.code().to_string(), t)
            })
            .collect();
        let title = Text::PerLang(title);
        let urls = Text::PerLang(published.iter().map(|p| (p.lang.code().to_string(), p.url.clone())).collect());
        out.push(Entry { year, moment: moment.with_time_zone(config.timezone.clone()), timed, title, public, urls });
    }
    out.sort_by_key(|e| (e.moment.timestamp(), e.year));
    out
}
