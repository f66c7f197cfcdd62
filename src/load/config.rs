//! `site.yaml` -> [`SiteConfig`].

use std::path::Path;

use serde::Deserialize;

use super::read_text;
use crate::diag::{Diagnostic, Result};
use crate::model::{Language, SiteConfig, Text};
use crate::yaml;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Text,
    #[serde(default)]
    description: Option<Text>,
    base_url: String,
    languages: Vec<RawLanguage>,
    #[serde(default)]
    publisher: Option<Text>,
    #[serde(default)]
    license: Option<String>,
    #[serde(default)]
    timezone: Option<String>,
    #[serde(default)]
    theme: Option<String>,
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
    let file = root.join(PATH);
    if !file.exists() {
        return Err(Diagnostic::error(PATH, 0, 0, "no `site.yaml` in the site folder")
            .with_hint(format!("run vitrine in a site folder, or pass `--root DIR`; looked in `{}`", root.display()))
            .into());
    }
    let text = read_text(&file, PATH)?;
    let raw: RawConfig = yaml::parse(&text, PATH, 1, &text)?;
    validate(raw, &text, base_url).map_err(Into::into)
}

fn validate(raw: RawConfig, text: &str, base_url: Option<&str>) -> Result<SiteConfig, Diagnostic> {
    let at = |key: &str| {
        let line = text.lines().position(|l| l.starts_with(key)).map_or(1, |i| i + 1);
        move |msg: String| Diagnostic::error(PATH, line, 1, msg).with_source(text)
    };
    if raw.languages.is_empty() {
        return Err(at("languages")("`languages` is empty".into())
            .with_hint("list at least one language, e.g. `languages: [{code: zh, name: 中文}]`"));
    }
    let mut languages: Vec<Language> = Vec::new();
    let at_entry =
        |code: &str, msg: String| Diagnostic::error(PATH, language_line(text, code), 1, msg).with_source(text);
    for l in raw.languages {
        let ok = !l.code.is_empty()
            && l.code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && l.code.chars().all(|c| !c.is_ascii_uppercase())
            && l.code.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if !ok {
            return Err(at_entry(&l.code, format!("`{}` is not a usable language code", l.code))
                .with_hint("use a short lowercase code such as `zh` or `en`"));
        }
        if languages.iter().any(|x| x.code == l.code) {
            return Err(at_entry(&l.code, format!("language `{}` is listed twice", l.code))
                .with_hint("list each language once"));
        }
        if let Some(tag) = l.tag.as_deref().filter(|t| !is_language_tag(t)) {
            return Err(at_entry(&l.code, format!("`{tag}` is not a language tag")).with_hint(
                "write a BCP 47 tag such as `zh-Hans`, `zh-CN` or `en-GB` (letters and digits joined by `-`)",
            ));
        }
        languages.push(Language {
            name: l.name.unwrap_or_else(|| l.code.clone()),
            tag: l.tag.unwrap_or_else(|| l.code.clone()),
            code: l.code,
        });
    }
    let base = base_url.map_or(raw.base_url, str::to_string);
    let base = base.trim_end_matches('/').to_string();
    if !(base.starts_with("https://") || base.starts_with("http://")) || base.len() < 10 {
        return Err(at("base_url")(format!("`base_url` must be an absolute URL, not `{base}`"))
            .with_hint("write it with the scheme, e.g. `base_url: https://example.org`"));
    }
    let timezone_name = raw.timezone.unwrap_or_else(|| "+00:00".into());
    let timezone = parse_timezone(&timezone_name).ok_or_else(|| {
        at("timezone")(format!("`{timezone_name}` is not a time zone"))
            .with_hint("write an offset such as `\"+08:00\"` or a zone name such as `Asia/Shanghai`")
    })?;
    Ok(SiteConfig {
        title: raw.title,
        description: raw.description.unwrap_or_default(),
        base_url: base,
        languages,
        publisher: raw.publisher.unwrap_or_default(),
        license: raw.license.unwrap_or_else(|| "CC-BY-4.0".into()),
        timezone,
        timezone_name,
        theme: raw.theme.unwrap_or_else(|| "default".into()),
    })
}

/// The line of `site.yaml` (its text) where the language `code` is listed: the first line
/// after `languages:` that names the code; the `languages:` line when none does.
pub fn language_line(text: &str, code: &str) -> usize {
    let start = text.lines().position(|l| l.starts_with("languages")).unwrap_or(0);
    let line = text
        .lines()
        .skip(start)
        .position(|l| l.split(|c: char| !(c.is_alphanumeric() || c == '-')).any(|w| w == code) && l.contains("code"));
    line.map_or(start + 1, |i| start + i + 1)
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
