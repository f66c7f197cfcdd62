//! `/releases/calendar.ics`: the release calendar as an iCalendar file (RFC 5545), for
//! journalists to subscribe to in their calendar apps.
//!
//! Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character; TEXT
//! values are escaped. The output is deterministic: `DTSTAMP`, which RFC 5545 defines as the
//! moment the event data was created, is the release's own moment (in UTC), not the time of
//! the build, so two builds of the same input give the same bytes and a calendar app sees no
//! change where there is none.

use crate::model::SiteConfig;
use crate::model::calendar::Entry;

/// The most octets of a content line, line break excluded (RFC 5545, 3.1).
const MAX_OCTETS: usize = 75;

/// One event's words besides the title: the description, in every language, joined.
pub struct EventText {
    /// `DESCRIPTION` of a release that is public.
    pub public: String,
    /// `DESCRIPTION` of a release announced but not public yet.
    pub announced: String,
}

/// The iCalendar file of `entries`. `calendar_url` is the calendar page's site path in the
/// default language, linked from releases that are not public yet.
pub fn calendar(config: &SiteConfig, entries: &[Entry], text: &EventText, calendar_url: &str) -> String {
    let default = config.default_lang();
    let host = host_of(&config.base_url);
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//vitrine//release calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push(&mut out, line);
    }
    push(&mut out, &format!("X-WR-CALNAME:{}", escape_text(config.title.get(default))));
    for e in entries {
        let utc = e.moment.timestamp().strftime("%Y%m%dT%H%M%SZ").to_string();
        let titles: Vec<&str> = config.languages.iter().map(|l| e.title_in(l)).collect();
        let mut summary: Vec<&str> = Vec::new();
        for t in titles {
            if !summary.contains(&t) {
                summary.push(t);
            }
        }
        let url = match e.url_in(default) {
            Some(u) if e.public => config.absolute(u),
            _ => config.absolute(calendar_url),
        };
        push(&mut out, "BEGIN:VEVENT");
        push(&mut out, &format!("UID:release-{}@{host}", e.year));
        push(&mut out, &format!("DTSTAMP:{utc}"));
        push(&mut out, &format!("DTSTART:{utc}"));
        push(&mut out, "DURATION:PT1H");
        push(&mut out, &format!("SUMMARY:{}", escape_text(&summary.join(" / "))));
        let description = if e.public { &text.public } else { &text.announced };
        push(&mut out, &format!("DESCRIPTION:{}", escape_text(description)));
        push(&mut out, &format!("URL:{}", uri(&url)));
        push(&mut out, "END:VEVENT");
    }
    push(&mut out, "END:VCALENDAR");
    out
}

/// Appends a content line, folded, with its CRLF.
fn push(out: &mut String, line: &str) {
    out.push_str(&fold(line));
    out.push_str("\r\n");
}

/// The host of a base URL (`ip.hubei.example.org` for `https://ip.hubei.example.org/ip/`),
/// for the events' stable `UID`s.
fn host_of(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or("");
    if host.is_empty() { "localhost" } else { host }
}

/// A URI value: characters a content line cannot hold (controls, spaces) percent-encoded.
fn uri(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_control() || c == ' ' {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Escapes a TEXT value (RFC 5545, 3.3.11): `\` `;` `,` with a backslash, a line break as
/// `\n`; other control characters, which a TEXT value cannot hold, are left out.
pub fn escape_text(s: &str) -> String {
    let s = s.replace("\r\n", "\n");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line (without its line break) into lines of at most 75 octets: each
/// continuation starts with a space, which counts in its 75; a UTF-8 character is never split.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("one\ntwo\r\nthree"), r"one\ntwo\nthree");
        assert_eq!(escape_text("bell\u{7}"), "bell");
        assert_eq!(escape_text("发布：2027年，湖北"), "发布：2027年，湖北", "full-width punctuation stays");
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(fold("SUMMARY:abc"), "SUMMARY:abc");
        let exact = "X".repeat(75);
        assert_eq!(fold(&exact), exact);
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "湖北省知识产权保护状况".repeat(10));
        let folded = fold(&line);
        for (i, part) in folded.split("\r\n").enumerate() {
            assert!(part.len() <= 75, "line {i} has {} octets", part.len());
            assert!(i == 0 || part.starts_with(' '), "continuation {i} starts with a space");
        }
        // Unfolding (removing CRLF and one space) gives the line back.
        assert_eq!(folded.replace("\r\n ", ""), line);
        let ascii = "D".repeat(200);
        let f = fold(&ascii);
        let parts: Vec<&str> = f.split("\r\n").collect();
        assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), [75, 75, 52]);
    }

    #[test]
    fn hosts_of_base_urls() {
        assert_eq!(host_of("https://ip.hubei.example.org"), "ip.hubei.example.org");
        assert_eq!(host_of("https://www.example.gov.cn/zscq"), "www.example.gov.cn");
        assert_eq!(host_of("http://localhost:1111"), "localhost");
    }

    proptest::proptest! {
        /// Any text, escaped and folded, stays within 75 octets per line and unfolds back.
        #[test]
        fn folding_keeps_lines_short_and_text_whole(s in "\\PC{0,200}") {
            let line = format!("SUMMARY:{}", escape_text(&s));
            let folded = fold(&line);
            for part in folded.split("\r\n") {
                proptest::prop_assert!(part.len() <= 75);
            }
            proptest::prop_assert_eq!(folded.replace("\r\n ", ""), line);
        }
    }
}
