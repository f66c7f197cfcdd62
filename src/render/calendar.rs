//! The release calendar's pages (`/releases/calendar/`, `/en/releases/calendar/`) and its
//! iCalendar file (`/releases/calendar.ics`), from [`crate::model::calendar::entries`].
//!
//! A release that is not public in this build appears with its year, its moment and the
//! announced title (or a neutral one from the theme's UI strings), and nothing else of it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::pages::{LangShared, display_date, finished, generated_context};
use super::{RenderContext, ics};
use crate::diag::Result;
use crate::model::calendar::{self, Entry};
use crate::model::layout::page_file;
use crate::model::{Lang, Localized, Site};

/// The calendar pages' key: `/releases/calendar/` in the default language.
pub(crate) const KEY: &str = "releases/calendar";

/// The iCalendar file's output path.
pub(crate) const ICS_PATH: &str = "releases/calendar.ics";

/// The calendar page's site path in `lang`: `/releases/calendar/`, `/en/releases/calendar/`.
pub(crate) fn page_url(lang: &Lang) -> String {
    lang.url(KEY)
}

/// The calendar's entries, with neutral titles (`{year}年发布`, `The {year} release`) from the
/// theme's UI strings for releases that are neither public nor announced with a title.
pub(crate) fn entries(site: &Site, langs: &Localized<LangShared>) -> Vec<Entry> {
    let neutral = |lang: &Lang, year: i32| {
        let template = langs.get(lang).t.get("calendar_release").map_or("{year}", String::as_str);
        template.replace("{year}", &year.to_string())
    };
    calendar::entries(site, &neutral)
}

/// Whether the build makes the calendar: the site has a `calendar.yaml` or a release to list.
pub(crate) fn made(site: &Site, entries: &[Entry]) -> bool {
    site.calendar.present || !entries.is_empty()
}

/// When a release is, for readers of `lang`, in the site's time zone:
/// `2027年4月26日 10:00（北京时间）`, `26 April 2027, 10:00 (Beijing time, UTC+8)`, or with
/// `UTC+HH:MM` for another offset; the date alone for a release known only by its date.
pub(crate) fn when(e: &Entry, lang: &Lang, t: &BTreeMap<String, String>) -> String {
    let date = display_date(&e.moment, lang);
    if !e.timed {
        return date;
    }
    let seconds = e.moment.offset().seconds();
    let key = if seconds == 8 * 3600 { "calendar_moment_beijing" } else { "calendar_moment" };
    let template = t.get(key).map_or("{date} {time} (UTC{offset})", String::as_str);
    let sign = if seconds < 0 { '-' } else { '+' };
    let offset = format!("{sign}{:02}:{:02}", seconds.abs() / 3600, seconds.abs() % 3600 / 60);
    template
        .replace("{date}", &date)
        .replace("{time}", &e.moment.strftime("%H:%M").to_string())
        .replace("{offset}", &offset)
}

/// An entry as the template sees it.
#[derive(Serialize)]
struct EntryCtx {
    year: i32,
    title: String,
    /// The landing page, for a public release.
    url: Option<String>,
    /// Display form of the moment.
    when: String,
    /// Machine form for `<time datetime>`: `2027-04-26T10:00:00+08:00`, or a date.
    datetime: String,
}

/// The calendar page of every language: output path -> HTML.
pub(crate) fn pages(cx: &RenderContext<'_>) -> Result<Vec<(String, Vec<u8>)>> {
    let c = &cx.site.config;
    let mut out = Vec::new();
    for lang in &c.languages {
        let sh = cx.langs.get(lang);
        let (url, mut ctx) = generated_context(cx, lang, KEY, ("calendar_title", "calendar_intro"), &["", "releases"]);
        let to_ctx = |e: &Entry| EntryCtx {
            year: e.year,
            title: e.title_in(lang).to_string(),
            url: e.public.then(|| e.url_in(lang).map(str::to_string)).flatten(),
            when: when(e, lang, &sh.t),
            datetime: if e.timed {
                e.moment.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
            } else {
                e.moment.date().to_string()
            },
        };
        let upcoming: Vec<EntryCtx> = cx.calendar.iter().filter(|e| !e.public).map(to_ctx).collect();
        let past: Vec<EntryCtx> = cx.calendar.iter().rev().filter(|e| e.public).map(to_ctx).collect();
        ctx.insert("upcoming", &upcoming);
        ctx.insert("past", &past);
        ctx.insert("searchable", &cx.opts.search);
        ctx.insert("ics_url", &format!("/{ICS_PATH}"));
        let html = cx.templates.render("calendar.html", &ctx)?;
        out.push(finished(page_file(&url), html, cx.opts));
    }
    Ok(out)
}

/// The iCalendar file: one event per entry, titles of all languages joined by ` / `.
pub(crate) fn ics(cx: &RenderContext<'_>) -> String {
    let c = &cx.site.config;
    let joined = |key: &str| {
        let mut parts: Vec<String> = Vec::new();
        for l in &c.languages {
            let Some(s) = cx.langs.get(l).t.get(key) else { continue };
            let s = s.replace("{site}", c.title.get(l));
            if !parts.contains(&s) {
                parts.push(s);
            }
        }
        parts.join("\n")
    };
    let text =
        ics::EventText { public: joined("calendar_event_public"), announced: joined("calendar_event_announced") };
    ics::calendar(c, &cx.calendar, &text, &page_url(c.default_lang()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    /// An entry at `moment` (RFC 3339), in the time zone of its written offset (`+HH:MM`).
    fn entry(moment: &str, timed: bool) -> Entry {
        let ts: jiff::Timestamp = moment.parse().unwrap();
        let tail = &moment[moment.len() - 6..];
        let sign = if tail.starts_with('-') { -1 } else { 1 };
        let seconds = sign * (tail[1..3].parse::<i32>().unwrap() * 3600 + tail[4..6].parse::<i32>().unwrap() * 60);
        let offset = jiff::tz::Offset::from_seconds(seconds).unwrap();
        Entry {
            year: 2027,
            moment: ts.to_zoned(jiff::tz::TimeZone::fixed(offset)),
            timed,
            title: Text::default(),
            public: false,
            urls: Text::default(),
        }
    }

    fn strings(lang: &str) -> BTreeMap<String, String> {
        let yaml = match lang {
            "zh" => include_str!("../../themes/default/i18n/zh.yaml"),
            _ => include_str!("../../themes/default/i18n/en.yaml"),
        };
        serde_saphyr::from_str(yaml).unwrap()
    }

    #[test]
    fn moments_in_beijing_time_and_other_offsets() {
        let zh = Lang::new("zh", "中文", "zh", "zh");
        let en = Lang::new("en", "English", "en", "zh");
        let beijing = entry("2027-04-26T10:00:00+08:00", true);
        assert_eq!(when(&beijing, &zh, &strings("zh")), "2027年4月26日 10:00（北京时间）");
        assert_eq!(when(&beijing, &en, &strings("en")), "26 April 2027, 10:00 (Beijing time, UTC+8)");
        let delhi = entry("2027-04-26T10:00:00+05:30", true);
        assert_eq!(when(&delhi, &zh, &strings("zh")), "2027年4月26日 10:00（UTC+05:30）");
        assert_eq!(when(&delhi, &en, &strings("en")), "26 April 2027, 10:00 (UTC+05:30)");
        let west = entry("2027-04-26T10:00:00-03:00", true);
        assert_eq!(when(&west, &en, &strings("en")), "26 April 2027, 10:00 (UTC-03:00)");
        assert_eq!(when(&entry("2027-04-26T00:00:00+08:00", false), &zh, &strings("zh")), "2027年4月26日");
    }
}
