//! `calendar.yaml` -> [`Calendar`]: the releases announced before their content exists.
//!
//! Every problem is a diagnostic at the entry's line: a `publish_at` without a time of day or
//! without a time-zone offset (journalists in other time zones read the calendar, so the
//! announced moment must say which zone it is in), a year that is not a 4-digit year, a year
//! announced twice, a missing title, and an announcement whose release folder's `_index` page
//! has another `publish_at`.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::read_text;
use crate::diag::{Diagnostic, Failure, Result};
use crate::model::calendar::{Announcement, Calendar};
use crate::model::{Page, PageKind, SiteConfig, Text};
use crate::msg::{self, Said};
use crate::yaml;

/// The file, relative to the site root.
pub const PATH: &str = "calendar.yaml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    #[serde(default)]
    releases: Vec<Spanned<RawRelease>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelease {
    #[serde(default)]
    year: Option<Spanned<serde_json::Value>>,
    #[serde(default)]
    title: Option<Text>,
    #[serde(default)]
    publish_at: Option<Spanned<serde_json::Value>>,
}

/// Reads `<root>/calendar.yaml` if there is one and checks it against the release folders'
/// `_index` pages (`pages`: published and withheld alike). No file gives an empty calendar.
pub fn calendar(root: &Path, config: &SiteConfig, pages: &[&Page]) -> Result<Calendar> {
    let file = root.join(PATH);
    if !file.is_file() {
        return Ok(Calendar::default());
    }
    let text = read_text(&file, PATH)?;
    from_text(&text, config, pages)
}

/// Parses and validates the text of `calendar.yaml`; see [`calendar`].
pub(crate) fn from_text(text: &str, config: &SiteConfig, pages: &[&Page]) -> Result<Calendar> {
    let raw: RawCalendar = if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        RawCalendar { releases: Vec::new() }
    } else {
        yaml::parse(text, PATH, 1, text)?
    };
    let mut diags = Vec::new();
    let at = |loc: &serde_saphyr::Location, message: Said, hint: Said| {
        let (l, c) = yaml::location_of(loc);
        Diagnostic::error(PATH, l, c, message).with_hint(hint).with_source(text)
    };
    let mut releases: BTreeMap<i32, Announcement> = BTreeMap::new();
    for entry in &raw.releases {
        let r = &entry.value;
        let entry_at = &entry.referenced;
        let Some(year_value) = &r.year else {
            diags.push(at(entry_at, msg::release_no_year(), msg::release_no_year_hint()));
            continue;
        };
        let Some(year) = year_of(&year_value.value) else {
            diags.push(at(&year_value.referenced, msg::not_a_year(&shown(&year_value.value)), msg::not_a_year_hint()));
            continue;
        };
        let Some(title) = &r.title else {
            diags.push(at(entry_at, msg::release_no_title(year), msg::release_no_title_hint()));
            continue;
        };
        let Some(publish_at) = &r.publish_at else {
            diags.push(at(entry_at, msg::release_no_publish_at(year), msg::release_no_publish_at_hint()));
            continue;
        };
        let moment = match moment_of(&publish_at.value, &config.timezone) {
            Ok(m) => m,
            Err((message, hint)) => {
                diags.push(at(&publish_at.referenced, message, hint));
                continue;
            }
        };
        let (line, _) = yaml::location_of(entry_at);
        if let Some(first) = releases.get(&year) {
            diags.push(at(&year_value.referenced, msg::release_twice(year, first.line), msg::release_twice_hint()));
            continue;
        }
        if let Some((page, at_page)) = differing_index(year, &moment, pages) {
            diags.push(at(
                &publish_at.referenced,
                msg::release_differs(
                    year,
                    &shown_moment(&moment, config),
                    &page.source,
                    &shown_moment(at_page, config),
                ),
                msg::release_differs_hint(),
            ));
            continue;
        }
        releases.insert(year, Announcement { year, title: title.clone(), publish_at: moment, line });
    }
    if diags.is_empty() { Ok(Calendar { present: true, releases }) } else { Err(Failure::Content(diags)) }
}

/// A 4-digit year (1000–9999), written as a number or as a quoted number.
fn year_of(v: &serde_json::Value) -> Option<i32> {
    let s = match v {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.trim().to_string(),
        _ => return None,
    };
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0')).then(|| s.parse().ok()).flatten()
}

/// A value as the author wrote it, for messages.
fn shown(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => msg::nothing().to_string(),
        other => other.to_string(),
    }
}

/// `2027-04-26 10:00 +08:00`: a moment in the site's time zone, for messages.
fn shown_moment(z: &jiff::Zoned, config: &SiteConfig) -> String {
    z.with_time_zone(config.timezone.clone()).strftime("%Y-%m-%d %H:%M %:z").to_string()
}

/// The moment of a `publish_at`: an RFC 3339 date and time with an offset (`+08:00` or `Z`).
/// A date alone, or a time without an offset, is refused with a message and a hint.
fn moment_of(v: &serde_json::Value, tz: &jiff::tz::TimeZone) -> std::result::Result<jiff::Zoned, (Said, Said)> {
    let s = shown(v);
    let s = s.trim();
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        return Ok(ts.to_zoned(tz.clone()));
    }
    if s.len() == 10 && s.parse::<jiff::civil::Date>().is_ok() {
        return Err((msg::publish_at_no_time(s), msg::publish_at_no_time_hint()));
    }
    if s.replacen(' ', "T", 1).parse::<jiff::civil::DateTime>().is_ok() {
        return Err((msg::publish_at_no_zone(s), msg::publish_at_no_zone_hint(&s.replacen(' ', "T", 1))));
    }
    Err((msg::not_a_moment(s), msg::not_a_moment_hint()))
}

/// The first `_index` page of `content/releases/<year>/` (any language) whose `publish_at`
/// is another moment than `moment`.
fn differing_index<'a>(year: i32, moment: &jiff::Zoned, pages: &[&'a Page]) -> Option<(&'a Page, &'a jiff::Zoned)> {
    let key = format!("releases/{year}");
    pages.iter().copied().filter(|p| p.kind == PageKind::Section && p.key == key && !p.generated).find_map(|p| {
        let at = p.front.publish_at.as_ref()?;
        (at.timestamp() != moment.timestamp()).then_some((p, at))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tz() -> jiff::tz::TimeZone {
        jiff::tz::TimeZone::fixed(jiff::tz::offset(8))
    }

    #[test]
    fn moments_need_a_time_and_a_zone() {
        let m = moment_of(&"2027-04-26T10:00:00+08:00".into(), &tz()).unwrap();
        assert_eq!(m.timestamp().to_string(), "2027-04-26T02:00:00Z");
        assert!(moment_of(&"2027-04-26T02:00:00Z".into(), &tz()).is_ok());
        assert!(moment_of(&"2027-04-26".into(), &tz()).unwrap_err().0.contains("no time of day"));
        let (msg, hint) = moment_of(&"2027-04-26T10:00:00".into(), &tz()).unwrap_err();
        assert!(msg.contains("no time zone"), "{msg}");
        assert!(hint.contains("2027-04-26T10:00:00+08:00"), "{hint}");
        assert!(moment_of(&"26/04/2027".into(), &tz()).unwrap_err().0.contains("not a date and time"));
        assert!(moment_of(&serde_json::Value::Null, &tz()).is_err());
    }

    #[test]
    fn years_have_four_digits() {
        assert_eq!(year_of(&2027.into()), Some(2027));
        assert_eq!(year_of(&"2027".into()), Some(2027));
        for bad in
            [serde_json::json!(27), serde_json::json!(20270), serde_json::json!(-2027), serde_json::json!(2027.5)]
        {
            assert_eq!(year_of(&bad), None, "{bad}");
        }
        assert_eq!(year_of(&"二〇二七".into()), None);
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text gives a calendar or diagnostics at `calendar.yaml`, never a panic.
        #[test]
        fn calendar_never_panics(text in "(releases:\n)?(  - |    )?[a-z_：: \n\"'\\-+0-9TZ年{}\\[\\],]{0,120}") {
            match from_text(&text, &crate::fuzzing::config(), &[]) {
                Ok(_) => {}
                Err(Failure::Content(d)) => prop_assert!(d.iter().all(|d| d.path == PATH)),
                Err(e) => prop_assert!(false, "{e:?}"),
            }
        }
    }
}
