//! `glossary.yaml` -> [`Glossary`]: the site's terms in every language.
//!
//! ```yaml
//! terms:
//!   - zh: 知识产权质押融资
//!     en: [IP pledge financing, intellectual property pledge financing]
//!     avoid: {en: [IP mortgage financing, mortgage financing]}
//!     note: {zh: 以专利权、商标权等作担保取得融资。, en: Loans secured on patents, trademarks and other IP.}
//! ```
//!
//! Each entry names the term in the default language and its accepted renderings in the
//! others (a string, or a list with the preferred one first), the variants to `avoid`, and an
//! optional `note`. A term listed twice, an empty rendering, a language the site does not
//! have, or an entry without the default language is an error at its line.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::read_text;
use crate::diag::{Diagnostic, Failure, Result};
use crate::model::glossary::{Glossary, Term};
use crate::model::{SiteConfig, Text};
use crate::msg;
use crate::yaml;

/// The file, relative to the site root.
pub const PATH: &str = "glossary.yaml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGlossary {
    #[serde(default)]
    terms: Vec<Spanned<BTreeMap<String, Spanned<serde_json::Value>>>>,
}

/// Reads `<root>/glossary.yaml` if there is one; no file gives an empty glossary.
pub fn glossary(root: &Path, config: &SiteConfig) -> Result<Glossary> {
    let file = root.join(PATH);
    if !file.is_file() {
        return Ok(Glossary::default());
    }
    let text = read_text(&file, PATH)?;
    from_text(&text, config)
}

/// Parses and validates the text of `glossary.yaml`; see [`glossary`].
pub(crate) fn from_text(text: &str, config: &SiteConfig) -> Result<Glossary> {
    if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        return Ok(Glossary::default());
    }
    let raw: RawGlossary = yaml::parse(text, PATH, 1, text)?;
    let default = config.default_lang().code();
    let codes = msg::List(config.languages.iter().map(|l| format!("`{}`", l.code())).collect());
    let mut diags = Vec::new();
    let at = |loc: &serde_saphyr::Location, message: msg::Said, hint: msg::Said| {
        let (l, c) = yaml::location_of(loc);
        Diagnostic::error(PATH, l, c, message).with_hint(hint).with_source(text)
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut terms = Vec::new();
    for entry in &raw.terms {
        let (line, _) = yaml::location_of(&entry.referenced);
        let mut term = Term { line, renderings: BTreeMap::new(), avoid: BTreeMap::new(), note: None };
        let mut ok = true;
        for (key, value) in &entry.value {
            match key.as_str() {
                "note" => match serde_json::from_value::<Text>(value.value.clone()) {
                    Ok(t) => term.note = Some(t),
                    Err(_) => {
                        diags.push(at(&value.referenced, msg::glossary_note(), msg::glossary_note_hint()));
                        ok = false;
                    }
                },
                "avoid" => {
                    let serde_json::Value::Object(map) = &value.value else {
                        diags.push(at(&value.referenced, msg::glossary_avoid(), msg::glossary_avoid_hint()));
                        ok = false;
                        continue;
                    };
                    for (code, v) in map {
                        if config.language(code).is_none() {
                            diags.push(at(
                                &value.referenced,
                                msg::glossary_unknown_language(code),
                                msg::glossary_languages_hint(&codes),
                            ));
                            ok = false;
                        }
                        match strings(v) {
                            Some(list) if list.iter().all(|s| !s.trim().is_empty()) => {
                                term.avoid.insert(code.clone(), list);
                            }
                            _ => {
                                diags.push(at(&value.referenced, msg::glossary_avoid(), msg::glossary_avoid_hint()));
                                ok = false;
                            }
                        }
                    }
                }
                code if config.language(code).is_none() => {
                    diags.push(at(
                        &value.referenced,
                        msg::glossary_unknown_key(code),
                        msg::glossary_languages_hint(&codes),
                    ));
                    ok = false;
                }
                code => match strings(&value.value) {
                    Some(list) if !list.is_empty() && list.iter().all(|s| !s.trim().is_empty()) => {
                        term.renderings
                            .insert(code.to_string(), list.into_iter().map(|s| s.trim().to_string()).collect());
                    }
                    _ => {
                        diags.push(at(&value.referenced, msg::glossary_empty(code), msg::glossary_empty_hint(code)));
                        ok = false;
                    }
                },
            }
        }
        if !ok {
            continue;
        }
        let Some(name) = term.renderings.get(default).and_then(|r| r.first()).cloned() else {
            diags.push(at(&entry.referenced, msg::glossary_no_default(default), msg::glossary_empty_hint(default)));
            continue;
        };
        if let Some(first) = seen.get(&name) {
            diags.push(at(&entry.referenced, msg::glossary_twice(&name, *first), msg::glossary_duplicate_hint()));
            continue;
        }
        seen.insert(name, line);
        terms.push(term);
    }
    if diags.is_empty() { Ok(Glossary { terms }) } else { Err(Failure::Content(diags)) }
}

/// A string, or a list of strings.
fn strings(v: &serde_json::Value) -> Option<Vec<String>> {
    match v {
        serde_json::Value::String(s) => Some(vec![s.clone()]),
        serde_json::Value::Array(a) => a.iter().map(|x| x.as_str().map(str::to_string)).collect(),
        _ => None,
    }
}
