//! The release calendar: `calendar.yaml`, `/releases/calendar/` in every language and
//! `/releases/calendar.ics`. An announced or embargoed release shows its time and nothing of
//! its content; bad announcements are errors at their line.

use crate::support::{Site, count, html_lang, main_of};

/// The clock for these tests: before the 2024 release, after the 2023 one.
const NOW: &str = "2024-01-10T00:00:00+08:00";

/// Words of the embargoed 2024 release that must appear in no output file.
const SECRETS: &[&str] =
    &["绝密标题甲", "绝密摘要乙", "绝密正文丙", "Secret title X", "Secret summary Y", "Secret body Z"];

const CALENDAR: &str = "# 发布日程\nreleases:\n  - year: 2024\n    title: {zh: 2024年“4·26”发布预告, en: \"The 2024 release, announced\"}\n    publish_at: 2024-04-26T10:00:00+08:00\n";

/// The basic fixture (the 2023 release is public) with an announced, embargoed 2024 release,
/// an embargoed 2025 release nobody announced, and a draft 2026 release.
fn site() -> Site {
    let site = Site::fixture("basic");
    site.write("calendar.yaml", CALENDAR);
    for (lang, title, summary, body) in
        [("zh", SECRETS[0], SECRETS[1], SECRETS[2]), ("en", SECRETS[3], SECRETS[4], SECRETS[5])]
    {
        site.write(
            &format!("content/releases/2024/_index.{lang}.md"),
            format!("---\ntitle: {title}\ndate: 2024-04-26\nsummary: {summary}\npublish_at: 2024-04-26T10:00:00+08:00\n---\n\n{body}\n"),
        );
        site.write(
            &format!("content/releases/2024/report.{lang}.md"),
            format!("---\ntitle: {title} 2\n---\n\n{body}\n"),
        );
    }
    site.write(
        "content/releases/2025/_index.zh.md",
        "---\ntitle: 未预告的绝密发布\npublish_at: 2025-04-26T09:30:00+08:00\n---\n\n绝密。\n",
    );
    site.write("content/releases/2026/_index.zh.md", "---\ntitle: 草稿发布\ndraft: true\n---\n\n草稿。\n");
    site
}

fn build(site: &Site, args: &[&str]) {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let r = site.run_with(&all, &[("VITRINE_NOW", NOW)]);
    assert_eq!(r.code, 0, "build failed:\n{}", r.stderr);
}

/// Every file of the output folder, by path relative to it.
fn output_files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let public = site.root().join("public");
    walkdir::WalkDir::new(&public)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(&public).unwrap().display().to_string();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn calendar_pages_announce_releases_without_their_content() {
    let site = site();
    build(&site, &[]);
    let zh = site.read("releases/calendar/index.html");
    let en = site.read("en/releases/calendar/index.html");
    // The announced release: its announced title and time, in the site's time zone.
    assert!(zh.contains("2024年“4·26”发布预告"), "{}", main_of(&zh));
    assert!(
        zh.contains("<time datetime=2024-04-26T10:00:00+08:00>2024年4月26日 10:00（北京时间）</time>"),
        "{}",
        main_of(&zh)
    );
    assert!(en.contains("The 2024 release, announced"), "{}", main_of(&en));
    assert!(en.contains("26 April 2024, 10:00 (Beijing time, UTC+8)"), "{}", main_of(&en));
    // An embargoed release nobody announced: a neutral title and its time.
    assert!(zh.contains("2025年发布"), "{}", main_of(&zh));
    assert!(zh.contains("2025年4月26日 09:30（北京时间）"), "{}", main_of(&zh));
    assert!(en.contains("The 2025 release"), "{}", main_of(&en));
    assert!(!zh.contains("未预告的绝密发布"));
    // A draft nobody announced is not listed at all.
    assert!(!zh.contains("2026年发布") && !zh.contains("草稿发布"), "{}", main_of(&zh));
    // The published release is a past release, with its own title and a link.
    let past = &zh[zh.find("id=past-title").unwrap()..];
    assert!(past.contains("<a href=/releases/2023/>2023年发布</a>"), "{past}");
    assert!(en[en.find("id=past-title").unwrap()..].contains("<a href=/en/releases/2023/>"), "{en}");
    // Upcoming first, soonest first.
    let (a, b) = (zh.find("2024年4月26日").unwrap(), zh.find("2025年4月26日").unwrap());
    assert!(a < b && b < zh.find("id=past-title").unwrap());
    // Each page: its language, canonical, both alternates, the ICS, a way there from the archive.
    assert!(html_lang(&zh) == "zh-Hans" && html_lang(&en) == "en");
    assert!(zh.contains("<link href=https://test.example.org/releases/calendar/ rel=canonical>"));
    assert!(zh.contains("href=https://test.example.org/en/releases/calendar/ hreflang=en rel=alternate"));
    assert!(en.contains("href=https://test.example.org/releases/calendar/ hreflang=x-default rel=alternate"));
    assert!(
        zh.contains("<link href=/releases/calendar.ics rel=alternate title=订阅日程（iCalendar） type=text/calendar>"),
        "{zh}"
    );
    assert!(main_of(&zh).contains("订阅日程（iCalendar）") && main_of(&en).contains("Subscribe (iCalendar)"));
    assert!(site.read("releases/index.html").contains("href=/releases/calendar/"));
    assert!(site.read("en/releases/index.html").contains("href=/en/releases/calendar/"));
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://test.example.org/en/releases/calendar/</loc>"), "{sitemap}");
    // Nothing of the embargoed release, anywhere.
    for (path, bytes) in output_files(&site) {
        let text = String::from_utf8_lossy(&bytes);
        for secret in SECRETS.iter().chain(&["未预告的绝密发布", "草稿发布"]) {
            assert!(!text.contains(secret), "`{secret}` leaked into {path}");
        }
    }
    assert!(!site.exists("releases/2024/index.html"));
}

#[test]
fn a_public_release_is_listed_with_its_own_title_once_out() {
    let site = site();
    let r = site.run_with(&["build"], &[("VITRINE_NOW", "2024-05-01T00:00:00+08:00")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let zh = site.read("releases/calendar/index.html");
    let past = &zh[zh.find("id=past-title").unwrap()..];
    assert!(past.contains(&format!("<a href=/releases/2024/>{}</a>", SECRETS[0])), "{past}");
    assert!(!zh.contains("2024年“4·26”发布预告"), "the announced title gives way to the release's own");
    let ics = site.read("releases/calendar.ics");
    assert!(ics.contains("URL:https://test.example.org/releases/2024/\r\n"), "{ics}");
}

#[test]
fn the_ics_file_is_rfc_5545() {
    let site = site();
    build(&site, &[]);
    let bytes = site.bytes("releases/calendar.ics");
    let ics = String::from_utf8(bytes.clone()).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{ics}");
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(count(&ics, "\n"), count(&ics, "\r\n"), "every line ends in CRLF");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    // 2023 (past), 2024 (announced), 2025 (embargoed); not the draft.
    assert_eq!(count(&ics, "BEGIN:VEVENT"), 3, "{ics}");
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("UID:release-2024@test.example.org\r\n"));
    assert!(unfolded.contains("DTSTART:20240426T020000Z\r\n"));
    assert!(unfolded.contains("SUMMARY:2024年“4·26”发布预告 / The 2024 release\\, announced\r\n"), "{unfolded}");
    assert!(unfolded.contains("SUMMARY:2025年发布 / The 2025 release\r\n"), "{unfolded}");
    assert!(unfolded.contains("URL:https://test.example.org/releases/calendar/\r\n"));
    assert!(unfolded.contains("X-WR-CALNAME:测试站点\r\n"));
    // The same input gives the same bytes.
    build(&site, &[]);
    assert_eq!(site.bytes("releases/calendar.ics"), bytes);
}

#[test]
fn the_ics_file_opens_in_python_icalendar() {
    let site = site();
    // A long title, to be folded between characters.
    site.replace(
        "calendar.yaml",
        "2024年“4·26”发布预告",
        &format!("2024年“4·26”发布预告：{}", "湖北省知识产权保护状况；".repeat(6)),
    );
    build(&site, &[]);
    // scripts/test.sh installs icalendar into target/test-venv.
    let venv = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-venv/bin/python");
    let fallback = if venv.exists() { venv.display().to_string() } else { "python3".into() };
    let python = std::env::var("VITRINE_TEST_PYTHON").unwrap_or(fallback);
    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
print(cal["X-WR-CALNAME"], cal["VERSION"], cal["METHOD"])
for e in cal.walk("VEVENT"):
    print(e["UID"], "|", e.decoded("DTSTART").isoformat(), "|", e.decoded("DURATION"), "|", e["SUMMARY"], "|", e["URL"])
"#;
    let out = std::process::Command::new(&python)
        .arg("-c")
        .arg(script)
        .arg(site.root().join("public/releases/calendar.ics"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python}: {e}; run `bash scripts/test.sh`, which installs icalendar"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "icalendar failed (run `bash scripts/test.sh` to install it):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("测试站点 2.0 PUBLISH"), "{stdout}");
    assert_eq!(count(&stdout, "@test.example.org |"), 3, "{stdout}");
    assert!(
        stdout.contains(&format!(
            "release-2024@test.example.org | 2024-04-26T02:00:00+00:00 | 1:00:00 | 2024年“4·26”发布预告：{} / The 2024 release, announced | https://test.example.org/releases/calendar/",
            "湖北省知识产权保护状况；".repeat(6)
        )),
        "{stdout}"
    );
}

#[test]
fn under_a_base_path_the_calendar_links_within_it() {
    let site = site();
    build(&site, &["--base-url", "https://host.example.org/ip/"]);
    let zh = site.read("releases/calendar/index.html");
    assert!(zh.contains("href=\"/ip/releases/calendar.ics\""), "{zh}");
    assert!(zh.contains("href=\"/ip/releases/2023/\""), "{zh}");
    let ics = site.read("releases/calendar.ics").replace("\r\n ", "");
    assert!(ics.contains("URL:https://host.example.org/ip/releases/2023/\r\n"), "{ics}");
    assert!(ics.contains("UID:release-2024@host.example.org\r\n"), "{ics}");
}

#[test]
fn a_site_without_releases_or_calendar_has_no_calendar() {
    let site = Site::fixture("basic");
    std::fs::remove_dir_all(site.root().join("content/releases")).unwrap();
    build(&site, &[]);
    assert!(!site.exists("releases/calendar/index.html"));
    assert!(!site.exists("releases/calendar.ics"));
}

/// `calendar.yaml` (written over the fixture's announcement) fails with `headline`, exit 1,
/// and leaves the previous `public/` as it was.
fn fails(name: &str, edit: impl Fn(&Site), headline: &str, hint: Option<&str>) {
    let site = site();
    site.write("public/index.html", "previous site");
    edit(&site);
    let r = site.run_with(&["build"], &[("VITRINE_NOW", NOW)]);
    assert_eq!(r.code, 1, "{name}: expected exit code 1, got {}\n{}", r.code, r.stderr);
    assert!(r.stderr.contains(headline), "{name}: expected `{headline}` in:\n{}", r.stderr);
    if let Some(h) = hint {
        assert!(r.stderr.contains(h), "{name}: expected hint `{h}` in:\n{}", r.stderr);
    }
    assert!(!r.stderr.contains("panicked"), "{name} panicked:\n{}", r.stderr);
    assert_eq!(site.read("index.html"), "previous site", "{name}: public/ was touched");
    assert!(!site.exists("releases/calendar.ics"), "{name}");
    insta::assert_snapshot!(format!("calendar_{name}"), r.stderr);
    let zh = crate::support::in_chinese(&site, &["build"], &[("VITRINE_NOW", NOW)], &r);
    assert!(!site.exists("releases/calendar.ics"), "{name}");
    insta::assert_snapshot!(format!("calendar_{name}_zh"), zh.stderr);
}

/// A calendar of one entry for 2024 with `publish_at` as given, and more lines after it.
fn entry(publish_at: &str, more: &str) -> String {
    format!("releases:\n  - year: 2024\n    title: {{zh: 预告, en: Announced}}\n    publish_at: {publish_at}\n{more}")
}

#[test]
fn publish_at_without_a_time_of_day() {
    fails(
        "no_time_of_day",
        |s| {
            s.write("calendar.yaml", entry("2024-04-26", ""));
        },
        "calendar.yaml:4:17: `publish_at: 2024-04-26` has no time of day",
        Some("2027-04-26T10:00:00+08:00"),
    );
}

#[test]
fn publish_at_without_a_time_zone() {
    fails(
        "no_time_zone",
        |s| {
            s.write("calendar.yaml", entry("2024-04-26T10:00:00", ""));
        },
        "calendar.yaml:4:17: `publish_at: 2024-04-26T10:00:00` has no time zone",
        Some("add the offset, e.g. `2024-04-26T10:00:00+08:00` for Beijing time"),
    );
}

#[test]
fn the_same_year_announced_twice() {
    fails(
        "year_twice",
        |s| {
            s.write(
                "calendar.yaml",
                entry(
                    "2024-04-26T10:00:00+08:00",
                    "  - year: 2024\n    title: {zh: 又一次, en: Again}\n    publish_at: 2024-04-27T10:00:00+08:00\n",
                ),
            );
        },
        "calendar.yaml:5:11: the 2024 release is announced twice (first on line 2)",
        None,
    );
}

#[test]
fn a_year_of_two_digits() {
    fails(
        "two_digit_year",
        |s| {
            s.write(
                "calendar.yaml",
                "releases:\n  - year: 24\n    title: 预告\n    publish_at: 2024-04-26T10:00:00+08:00\n",
            );
        },
        "calendar.yaml:2:11: `24` is not a year",
        Some("four digits"),
    );
}

#[test]
fn an_unknown_key() {
    fails(
        "unknown_key",
        |s| {
            s.write("calendar.yaml", entry("2024-04-26T10:00:00+08:00", "    summary: 摘要\n"));
        },
        "calendar.yaml:5:5: unknown key `summary`",
        None,
    );
}

#[test]
fn a_missing_title() {
    fails(
        "missing_title",
        |s| {
            s.write("calendar.yaml", "releases:\n  - year: 2024\n    publish_at: 2024-04-26T10:00:00+08:00\n");
        },
        "calendar.yaml:2:5: the 2024 release has no `title`",
        None,
    );
}

#[test]
fn a_time_other_than_the_release_folders() {
    fails(
        "differs_from_the_release",
        |s| {
            s.write("calendar.yaml", entry("2024-04-26T09:00:00+08:00", ""));
        },
        "calendar.yaml:4:17: the 2024 release is announced for 2024-04-26 09:00 +08:00, but \
         `content/releases/2024/_index.zh.md` has `publish_at: 2024-04-26 10:00 +08:00`",
        None,
    );
}

#[test]
fn a_content_folder_in_the_calendars_place() {
    let site = site();
    site.write("public/index.html", "previous site");
    site.write("content/releases/calendar/_index.zh.md", "---\ntitle: 日程\n---\n");
    site.write("content/releases/calendar.en.md", "---\ntitle: Calendar\n---\n");
    let r = site.run_with(&["build"], &[("VITRINE_NOW", NOW)]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("content/releases/calendar/_index.zh.md:1:1: a page at `/releases/calendar/` would take the place of the site's release calendar"), "{}", r.stderr);
    assert!(r.stderr.contains("content/releases/calendar.en.md:1:1:"), "{}", r.stderr);
    assert_eq!(site.read("index.html"), "previous site");
}

#[test]
fn the_example_announces_its_next_release() {
    let site = Site::example();
    let r = site.run_with(&["build"], &[("VITRINE_NOW", "2026-12-07T00:00:00+08:00")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let zh = site.read("releases/calendar/index.html");
    assert!(zh.contains("2027年4月26日 10:00（北京时间）"), "{}", main_of(&zh));
    let ics = site.read("releases/calendar.ics");
    assert!(ics.contains("UID:release-2027@ip.hubei.example.org\r\n"), "{ics}");
    assert_eq!(count(&ics, "BEGIN:VEVENT"), 3, "2021, 2022 and 2027");
}

#[test]
fn announced_titles_are_escaped_in_html_and_ics() {
    let site = site();
    site.replace(
        "calendar.yaml",
        "{zh: 2024年“4·26”发布预告, en: \"The 2024 release, announced\"}",
        "{zh: \"<script>alert(1)</script>\", en: \"a;b,c\\\\d\"}",
    );
    build(&site, &[]);
    let zh = site.read("releases/calendar/index.html");
    assert!(!zh.contains("<script>alert(1)"), "{}", main_of(&zh));
    assert!(zh.contains("&lt;script>alert(1)&lt;/script>"), "{}", main_of(&zh));
    let ics = site.read("releases/calendar.ics").replace("\r\n ", "");
    assert!(ics.contains("SUMMARY:<script>alert(1)</script> / a\\;b\\,c\\\\d\r\n"), "{ics}");
}
