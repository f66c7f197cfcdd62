//! The site as plain data: configuration, languages, pages and datasets. No I/O here.
//!
//! `load/` builds these values from disk; `render/` turns them into files. Everything that a
//! reader sees and that may differ by language is a [`Text`].

pub mod calendar;
mod config;
pub mod dataset;
pub mod glossary;
pub mod page;
mod text;

pub use calendar::Calendar;
pub use config::{Language, SiteConfig};
pub use dataset::Dataset;
pub use glossary::Glossary;
pub use page::{FrontMatter, Page, PageKind, Site, Unpublished};
pub use text::Text;
