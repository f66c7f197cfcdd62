//! vitrine: a static site generator for bilingual public transparency reports.
//!
//! The build is a pipeline of values, each stage taking one and returning the next:
//!
//! ```text
//! load::config   site.yaml                      -> SiteConfig
//! load::site     content/, data/                -> Site (pages + datasets, validated)
//! publication    Site + frozen versions         -> Site (what is public, each page's data)
//! render::site   Site + Theme                   -> Output (sorted map: path -> bytes)
//! search::index  rendered HTML pages            -> Pagefind bundle (added to Output)
//! output::write  Output                         -> public/ (staged, then swapped in)
//! ```
//!
//! See ARCHITECTURE.md for the map of modules and the invariants they keep.

pub mod build;
pub mod chart;
pub mod check;
pub mod cli;
pub mod diag;
pub mod export;
pub mod freeze;
#[doc(hidden)]
pub mod fuzzing;
pub mod linkcheck;
pub mod load;
pub mod markdown;
pub mod model;
pub mod numfmt;
pub mod output;
pub mod prose;
pub mod publication;
pub mod rebuild;
pub mod render;
pub mod search;
pub mod serve;
pub(crate) mod yaml;
