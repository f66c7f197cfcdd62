//! Thin public wrappers around crate-private entry points, for the fuzz targets in `fuzz/`.
//!
//! Not part of the API (hidden from the docs): each function does what the loader does with a
//! file's text, without the disk.

use crate::diag::{Diagnostic, Failure};
use crate::model::{Dataset, FrontMatter, Lang, SiteConfig, Text};

/// A page's front matter as the loader reads it: split off the Markdown (see
/// `load::frontmatter::split`), then parsed and validated in time zone `tz`. On success also
/// returns the body and the 1-based line at which it starts.
pub fn front_matter<'a>(text: &'a str, tz: &jiff::tz::TimeZone) -> Result<(FrontMatter, &'a str, usize), Diagnostic> {
    let split = crate::load::frontmatter::split(text, "content/fuzz.md")?;
    let front = crate::load::frontmatter::parse(&split, text, "content/fuzz.md", tz)?;
    Ok((front, split.body, split.body_line))
}

/// The text of `data/<id>.yaml`, parsed and validated as the loader does (against a fixed
/// bilingual site configuration).
pub fn dataset(id: &str, text: &str) -> Result<Dataset, Failure> {
    crate::load::data::from_text(id.to_string(), &format!("data/{id}.yaml"), text, &config())
}

/// A minimal bilingual (`zh`, `en`) site configuration.
pub fn config() -> SiteConfig {
    let lang = |code: &str, name: &str| Lang::new(code, name, code, "zh");
    SiteConfig {
        title: Text::Plain("fuzz".into()),
        description: Text::Plain(String::new()),
        base_url: "https://example.org".into(),
        languages: vec![lang("zh", "中文"), lang("en", "English")],
        publisher: Text::Plain("fuzz".into()),
        license: "CC-BY-4.0".into(),
        timezone: jiff::tz::TimeZone::UTC,
        timezone_name: "UTC".into(),
        theme: "default".into(),
        filing: Default::default(),
    }
}
