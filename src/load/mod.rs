//! Disk -> model: `site.yaml`, the pages under `content/`, the datasets under `data/`.
//!
//! Only this module parses YAML and reads the site's source files. Every problem becomes a
//! [`Diagnostic`] naming the file, line and column; loading goes on past a bad file so that
//! all problems are reported in one run.

mod calendar;
mod config;
mod content;
pub(crate) mod data;
pub mod frontmatter;
pub mod frozen;
mod glossary;
mod texts;
mod theme;

use std::path::Path;

use anyhow::Context;

pub use calendar::calendar;
pub use config::{config, config_checked};
pub use content::{ContentFile, LoadedPages, Scanned, StaticFile, page, pages, scan, url_safe};
pub use data::{dataset, datasets, datasets_partial, is_safe_id};
pub use glossary::glossary;
pub use theme::theme;

use crate::diag::{Diagnostic, LineIndex, Result};

/// What `build`, `serve` and `check` ask the loader for.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Include pages marked `draft: true`.
    pub drafts: bool,
    /// Include pages whose `publish_at` lies after `now`.
    pub future: bool,
    /// The instant embargoes are judged against (passed in so tests can fix it).
    pub now: jiff::Timestamp,
}

/// Reads a source file as UTF-8 text: BOM removed, CRLF and CR line ends turned into LF.
/// Invalid UTF-8 (a file saved as GBK, say) is a diagnostic at the first bad byte.
pub fn read_text(file: &Path, rel: &str) -> Result<String> {
    let bytes = std::fs::read(file).with_context(|| crate::msg::cannot_read(&file.display().to_string()))?;
    decode(bytes, rel).map_err(Into::into)
}

/// Decodes file bytes; see [`read_text`].
pub fn decode(bytes: Vec<u8>, rel: &str) -> Result<String, Diagnostic> {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let bytes = e.as_bytes();
            let good = e.utf8_error().valid_up_to();
            let prefix = std::str::from_utf8(&bytes[..good]).unwrap_or("");
            let (line, col) = LineIndex::new(prefix).position(prefix.len());
            return Err(
                Diagnostic::error(rel, line, col, crate::msg::not_utf8()).with_hint(crate::msg::not_utf8_hint())
            );
        }
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    Ok(if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text })
}

/// Path of `file` relative to `root`, with `/` separators, for diagnostics and keys.
pub fn relative(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).unwrap_or(file);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_just_work() {
        let t = decode(b"\xef\xbb\xbf---\r\ntitle: a\r\n---\r\n".to_vec(), "a.md").unwrap();
        assert_eq!(t, "---\ntitle: a\n---\n");
    }

    #[test]
    fn gbk_is_reported_with_position() {
        // "标题" in GBK is B1 EA CC E2.
        let d = decode(b"---\ntitle: \xb1\xea\xcc\xe2\n".to_vec(), "a.md").unwrap_err();
        assert_eq!((d.line, d.col), (2, 8));
        assert!(d.hint.unwrap().contains("UTF-8"));
    }
}
