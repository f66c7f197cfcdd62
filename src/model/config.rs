//! Site settings from `site.yaml`, validated.

use super::{Lang, Text};

/// Validated site settings.
#[derive(Clone, Debug)]
pub struct SiteConfig {
    /// Site title.
    pub title: Text,
    /// Site description (meta description of the home page, feeds).
    pub description: Text,
    /// Absolute base URL without a trailing slash: `https://example.org`.
    pub base_url: String,
    /// The languages; the first is the default, served at the root.
    pub languages: Vec<Lang>,
    /// Who publishes the site and its datasets.
    pub publisher: Text,
    /// SPDX licence id; the default licence of every dataset.
    pub license: String,
    /// Offset for dates and `publish_at` without one, e.g. `+08:00`.
    pub timezone: jiff::tz::TimeZone,
    /// The timezone as written, for display.
    pub timezone_name: String,
    /// Theme name (a folder under `themes/`; `default` is built in).
    pub theme: String,
    /// The filing numbers a site hosted in mainland China shows in its footer.
    pub filing: Filing,
}

/// `filing:` in site.yaml: the numbers under which the site is filed, both optional.
#[derive(Clone, Debug, Default)]
pub struct Filing {
    /// The ICP filing number (`鄂ICP备00000000号`), linked to the MIIT's filing site.
    pub icp: Option<Text>,
    /// The public security filing number (`鄂公网安备42000000000000号`), shown as text.
    pub police: Option<Text>,
}

/// The MIIT's ICP filing site, where the footer's ICP number links to.
pub const ICP_FILING_SITE: &str = "https://beian.miit.gov.cn/";

impl SiteConfig {
    /// The default language (the first listed).
    pub fn default_lang(&self) -> &Lang {
        &self.languages[0]
    }

    /// Looks up a language by code.
    pub fn language(&self, code: &str) -> Option<&Lang> {
        self.languages.iter().find(|l| l.code() == code)
    }

    /// Absolute URL for a site path such as `/en/about/`.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// The path of `base_url` that the site is published under, without a trailing slash:
    /// `/ip` for `https://example.org/ip/`, `""` for a site at the root of its host.
    pub fn base_path(&self) -> &str {
        let after_scheme = self.base_url.split_once("://").map_or(self.base_url.as_str(), |(_, rest)| rest);
        after_scheme.find('/').map_or("", |i| after_scheme[i..].trim_end_matches('/'))
    }
}
