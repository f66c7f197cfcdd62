//! The site as plain data: configuration, languages, pages and datasets. No I/O here.
//!
//! `load/` builds these values from disk; `render/` turns them into files. Everything that a
//! reader sees and that may differ by language is a [`Text`].

pub mod calendar;
mod config;
pub mod dataset;
pub mod glossary;
mod lang;
pub mod layout;
pub mod page;
pub mod quality;
mod text;
mod theme;

pub use calendar::Calendar;
pub use config::{Filing, ICP_FILING_SITE, SiteConfig};
pub use dataset::Dataset;
pub use glossary::Glossary;
pub use lang::{Lang, Localized};
pub use page::{FrontMatter, Page, PageKind, Site, Unpublished};
pub use text::Text;
pub use theme::Theme;
