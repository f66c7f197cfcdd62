//! vitrine: a static site generator for bilingual public transparency reports.
//!
//! The build is a pipeline of values, each stage taking one and returning the next:
//!
//! ```text
//! load           site.yaml, content/, data/, theme -> SiteConfig, pages, datasets, Theme
//! publication    the loaded site + frozen versions -> Site (what is public, each page's data)
//! render         Site + Theme -> RenderContext -> Output (sorted map: path -> bytes)
//! search::index  rendered HTML pages            -> Pagefind bundle (added to Output)
//! output         Output                         -> public/ (staged, then swapped in)
//! ```
//!
//! See ARCHITECTURE.md for the map of modules and the invariants they keep.

pub mod build;
pub mod cache;
pub mod chart;
pub mod check;
pub mod cite;
pub mod cli;
pub mod diag;
pub mod export;
pub mod freeze;
#[doc(hidden)]
pub mod fuzzing;
pub mod init;
pub mod keyfig;
pub mod linkcheck;
pub mod load;
pub mod markdown;
pub mod model;
pub mod msg;
pub mod numfmt;
pub mod output;
pub mod prose;
pub mod publication;
pub mod quality;
pub mod raster;
pub mod rebuild;
pub mod render;
pub mod root;
pub mod search;
pub mod search_feed;
pub mod serve;
pub(crate) mod yaml;
