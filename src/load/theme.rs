//! The theme: templates, UI strings per language, static files.
//!
//! The default theme (`themes/default/`) is compiled into the binary. A site may override it
//! file by file: `<root>/themes/<name>/…` (for `theme: <name>` in site.yaml) and, for
//! templates, `<root>/templates/<file>`, which wins over both.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::{Diagnostic, Failure, Result};
use crate::numfmt::Style;
use crate::yaml;

/// A loaded theme.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Template name (`page.html`) -> source text.
    pub templates: BTreeMap<String, String>,
    /// Language code -> UI string key -> text.
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
    /// Static files: output path (`style.css`) -> bytes.
    pub files: BTreeMap<String, Vec<u8>>,
}

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../../themes/default/", $path)))),*]
    };
}

/// The files of the built-in default theme.
const DEFAULT: &[(&str, &[u8])] = embed![
    "templates/base.html",
    "templates/home.html",
    "templates/section.html",
    "templates/page.html",
    "templates/release.html",
    "templates/releases.html",
    "templates/404.html",
    "templates/data-list.html",
    "templates/dataset.html",
    "templates/search.html",
    "templates/calendar.html",
    "templates/glossary.html",
    "i18n/zh.yaml",
    "i18n/en.yaml",
    "static/style.css",
    "static/favicon.svg",
    "static/og-image.png",
    "static/search.js",
];

/// Loads the built-in theme and the site's overrides.
pub fn theme(root: &Path, name: &str) -> Result<Theme> {
    let mut files: BTreeMap<String, (String, Vec<u8>)> = BTreeMap::new();
    for (path, bytes) in DEFAULT {
        files.insert(path.to_string(), (format!("(built-in theme)/{path}"), bytes.to_vec()));
    }
    let site_theme = root.join("themes").join(name);
    if name != "default" && !site_theme.is_dir() {
        return Err(Diagnostic::error("site.yaml", 1, 1, format!("theme `{name}` not found"))
            .with_hint(format!("create `themes/{name}/`, or write `theme: default`"))
            .into());
    }
    for (dir, prefix) in [(site_theme, ""), (root.join("templates"), "templates/")] {
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(|e| anyhow::anyhow!("cannot read `{}`: {e}", dir.display()))?;
            if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{}", super::relative(&dir, entry.path()));
            let bytes = std::fs::read(entry.path())
                .map_err(|e| anyhow::anyhow!("cannot read `{}`: {e}", entry.path().display()))?;
            files.insert(rel, (super::relative(root, entry.path()), bytes));
        }
    }
    let mut theme = Theme::default();
    let mut diags = Vec::new();
    for (rel, (source, bytes)) in files {
        if let Some(t) = rel.strip_prefix("templates/") {
            match super::decode(bytes, &source) {
                Ok(text) => {
                    theme.templates.insert(t.to_string(), text);
                }
                Err(d) => diags.push(d),
            }
        } else if let Some(lang) = rel.strip_prefix("i18n/").and_then(|f| f.strip_suffix(".yaml")) {
            let parsed = super::decode(bytes, &source)
                .and_then(|text| yaml::parse::<BTreeMap<String, String>>(&text, &source, 1, &text));
            match parsed {
                Ok(map) => {
                    theme.strings.insert(lang.to_string(), map);
                }
                Err(d) => diags.push(d),
            }
        } else if let Some(out) = rel.strip_prefix("static/") {
            theme.files.insert(out.to_string(), bytes);
        }
    }
    if diags.is_empty() { Ok(theme) } else { Err(Failure::Content(diags)) }
}

impl Theme {
    /// UI strings for `lang`: the theme's strings in that language, over those of the
    /// language whose number rules `lang` is written with ([`Style::for_lang`]: English for a
    /// language the theme has no strings for, such as `fr`), over those of any other language.
    pub fn strings_for(&self, lang: &str) -> BTreeMap<String, String> {
        let stand_in = Style::for_lang(lang).code();
        let order = [lang, stand_in].into_iter().chain(self.strings.keys().map(String::as_str));
        let mut out = BTreeMap::new();
        for code in order {
            for (k, v) in self.strings.get(code).into_iter().flatten() {
                out.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        out
    }

    /// The language whose UI strings stand in for `lang`'s, when the theme has none in `lang`
    /// (`en` for `fr`); `None` when it has them.
    pub fn strings_stand_in(&self, lang: &str) -> Option<&'static str> {
        (!self.strings.contains_key(lang)).then(|| Style::for_lang(lang).code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_without_strings_borrows_those_of_its_number_rules() {
        let strings = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let theme = Theme {
            strings: BTreeMap::from([
                ("en".to_string(), strings(&[("home", "Home"), ("search", "Search")])),
                ("fr".to_string(), strings(&[("home", "Accueil")])),
                ("zh".to_string(), strings(&[("home", "首页"), ("search", "搜索"), ("only_zh", "仅中文")])),
            ]),
            ..Theme::default()
        };
        let fr = theme.strings_for("fr");
        assert_eq!(
            (fr["home"].as_str(), fr["search"].as_str(), fr["only_zh"].as_str()),
            ("Accueil", "Search", "仅中文")
        );
        assert_eq!(theme.strings_for("de")["search"], "Search");
        assert_eq!(theme.strings_for("zh-Hant")["search"], "搜索");
        assert_eq!(theme.strings_stand_in("fr"), None);
        assert_eq!(theme.strings_stand_in("de"), Some("en"));
        assert_eq!(theme.strings_stand_in("zh-Hant"), Some("zh"));
    }
}
