//! `site.yaml` -> [`SiteConfig`].

use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::read_text;
use crate::diag::{Diagnostic, Result};
use crate::model::{Filing, Lang, SiteConfig, Text};
use crate::msg::{self, Said};
use crate::yaml;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Spanned<Text>,
    #[serde(default)]
    description: Option<Spanned<Text>>,
    base_url: String,
    languages: Vec<Spanned<RawLanguage>>,
    #[serde(default)]
    publisher: Option<Spanned<Text>>,
    #[serde(default)]
    license: Option<String>,
    #[serde(default)]
    timezone: Option<String>,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    filing: Option<RawFiling>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFiling {
    #[serde(default)]
    icp: Option<Text>,
    #[serde(default)]
    police: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    code: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    tag: Option<String>,
}

const PATH: &str = "site.yaml";

/// Reads and validates `<root>/site.yaml`; `base_url` overrides the file's `base_url`.
pub fn config(root: &Path, base_url: Option<&str>) -> Result<SiteConfig> {
    config_checked(root, base_url).map(|(c, _)| c)
}

/// [`config`], with what deserves a look in a valid `site.yaml`: texts missing a language
/// (see [`super::texts`]), and languages without number rules of their own (once each, at
/// the language's line).
pub fn config_checked(root: &Path, base_url: Option<&str>) -> Result<(SiteConfig, Vec<Diagnostic>)> {
    let file = root.join(PATH);
    if !file.exists() {
        return Err(Diagnostic::error(PATH, 0, 0, msg::no_site_yaml())
            .with_hint(msg::no_site_yaml_hint(&root.display().to_string()))
            .into());
    }
    let text = read_text(&file, PATH)?;
    let raw: RawConfig = yaml::parse(&text, PATH, 1, &text)?;
    let mut texts = Vec::new();
    for (field, t) in [
        (msg::field_title(), Some(&raw.title)),
        (msg::field_description(), raw.description.as_ref()),
        (msg::field_publisher(), raw.publisher.as_ref()),
    ] {
        if let Some(t) = t.filter(|t| !matches!(&t.value, Text::Plain(s) if s.is_empty())) {
            texts.push((field, t.value.clone(), yaml::location_of(&t.referenced).0));
        }
    }
    let config = validate(raw, &text, base_url)?;
    let written: Vec<super::texts::Written<'_>> = texts
        .iter()
        .map(|(field, text, line)| super::texts::Written { field: field.clone(), text, line: *line })
        .collect();
    let mut warnings = super::texts::warnings(PATH, &text, &written, &config);
    for l in config.languages.iter().filter(|l| !l.has_own_number_rules()) {
        let rules = l.style().code();
        warnings.push(
            Diagnostic::warning(PATH, l.line(), 1, msg::no_number_rules(l.code(), rules))
                .with_hint(msg::no_number_rules_hint())
                .with_source(&text),
        );
    }
    Ok((config, warnings))
}

fn validate(raw: RawConfig, text: &str, base_url: Option<&str>) -> Result<SiteConfig, Diagnostic> {
    let at = |key: &str| {
        let line = text.lines().position(|l| l.starts_with(key)).map_or(1, |i| i + 1);
        move |message: Said| Diagnostic::error(PATH, line, 1, message).with_source(text)
    };
    if raw.languages.is_empty() {
        return Err(at("languages")(msg::languages_empty()).with_hint(msg::languages_empty_hint()));
    }
    let default_code = raw.languages[0].value.code.clone();
    let mut languages: Vec<Lang> = Vec::new();
    let at_entry = |line: usize, message: Said| Diagnostic::error(PATH, line, 1, message).with_source(text);
    for spanned in raw.languages {
        let line = yaml::location_of(&spanned.referenced).0;
        let l = spanned.value;
        let ok = !l.code.is_empty()
            && l.code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && l.code.chars().all(|c| !c.is_ascii_uppercase())
            && l.code.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if !ok {
            return Err(at_entry(line, msg::bad_language_code(&l.code)).with_hint(msg::bad_language_code_hint()));
        }
        if languages.iter().any(|x| x.code() == l.code) {
            return Err(at_entry(line, msg::language_twice(&l.code)).with_hint(msg::language_twice_hint()));
        }
        if let Some(tag) = l.tag.as_deref().filter(|t| !is_language_tag(t)) {
            return Err(at_entry(line, msg::bad_language_tag(tag)).with_hint(msg::bad_language_tag_hint()));
        }
        let name = l.name.as_deref().unwrap_or(&l.code);
        languages.push(Lang::new(&l.code, name, l.tag.as_deref().unwrap_or(&l.code), &default_code).at_line(line));
    }
    let base = base_url.map_or(raw.base_url, str::to_string);
    let base = base.trim_end_matches('/').to_string();
    if !(base.starts_with("https://") || base.starts_with("http://")) || base.len() < 10 {
        return Err(at("base_url")(msg::bad_base_url(&base)).with_hint(msg::bad_base_url_hint()));
    }
    let timezone_name = raw.timezone.unwrap_or_else(|| "+00:00".into());
    let timezone = parse_timezone(&timezone_name)
        .ok_or_else(|| at("timezone")(msg::bad_timezone(&timezone_name)).with_hint(msg::bad_timezone_hint()))?;
    Ok(SiteConfig {
        title: raw.title.value,
        description: raw.description.map(|t| t.value).unwrap_or_default(),
        base_url: base,
        languages,
        publisher: raw.publisher.map(|t| t.value).unwrap_or_default(),
        license: raw.license.unwrap_or_else(|| "CC-BY-4.0".into()),
        timezone,
        timezone_name,
        theme: raw.theme.unwrap_or_else(|| "default".into()),
        filing: raw.filing.map_or_else(Filing::default, |f| {
            let given = |t: Option<Text>| t.filter(|t| !matches!(t, Text::Plain(s) if s.trim().is_empty()));
            Filing { icp: given(f.icp), police: given(f.police) }
        }),
    })
}

/// Whether `tag` has the shape of a BCP 47 language tag: a language of 2–3 (or 5–8) letters,
/// then subtags of 1–8 letters or digits, joined by `-` (`zh-Hans`, `zh-Hant-TW`, `en-GB`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("");
    matches!(lang.len(), 2 | 3 | 5..=8)
        && lang.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// `+08:00`, `-05:30`, `Z`, `UTC` or an IANA name.
fn parse_timezone(s: &str) -> Option<jiff::tz::TimeZone> {
    let s = s.trim();
    if s == "Z" || s.eq_ignore_ascii_case("utc") {
        return Some(jiff::tz::TimeZone::UTC);
    }
    if let Some(rest) = s.strip_prefix(['+', '-']) {
        let sign = if s.starts_with('-') { -1 } else { 1 };
        let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
        let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
        if h > 18 || m > 59 {
            return None;
        }
        let offset = jiff::tz::Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()?;
        return Some(jiff::tz::TimeZone::fixed(offset));
    }
    jiff::tz::TimeZone::get(s).ok()
}
