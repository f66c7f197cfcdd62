//! Loads the theme ([`Theme`]): templates, UI strings per language, static files.
//!
//! The default theme (`themes/default/`) is compiled into the binary. A site may override it
//! file by file: `<root>/themes/<name>/…` (for `theme: <name>` in site.yaml) and, for
//! templates, `<root>/templates/<file>`, which wins over both.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::{Diagnostic, Failure, Result};
use crate::model::Theme;
use crate::msg;
use crate::yaml;

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
    "templates/partials/print.html",
    "templates/cite.html",
    "templates/embed.html",
    "templates/key-figures.html",
    "templates/summary.html",
    "i18n/zh.yaml",
    "i18n/en.yaml",
    "static/style.css",
    "static/favicon.svg",
    "static/og-image.png",
    "static/search.js",
    "static/print.js",
];

/// Loads the built-in theme and the site's overrides.
pub fn theme(root: &Path, name: &str) -> Result<Theme> {
    let mut files: BTreeMap<String, (String, Vec<u8>)> = BTreeMap::new();
    for (path, bytes) in DEFAULT {
        files.insert(path.to_string(), (format!("(built-in theme)/{path}"), bytes.to_vec()));
    }
    let site_theme = root.join("themes").join(name);
    if name != "default" && !site_theme.is_dir() {
        return Err(Diagnostic::error("site.yaml", 1, 1, msg::theme_not_found(name))
            .with_hint(msg::theme_not_found_hint(name))
            .into());
    }
    for (dir, prefix) in [(site_theme, ""), (root.join("templates"), "templates/")] {
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry
                .map_err(|e| anyhow::anyhow!(msg::cannot_read_because(&dir.display().to_string(), &e.to_string())))?;
            if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{}", super::relative(&dir, entry.path()));
            let bytes = std::fs::read(entry.path()).map_err(|e| {
                anyhow::anyhow!(msg::cannot_read_because(&entry.path().display().to_string(), &e.to_string()))
            })?;
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
