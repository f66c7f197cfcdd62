//! The cache of a site's last build, so that a repeat build (an author rebuilds many times in a
//! release week) reuses what has not changed. Today it holds the search records: each indexed
//! page as Pagefind keeps it after parsing, keyed by its URL and a hash of its HTML (see
//! [`crate::search::Indexer::with_cache`]).
//!
//! The cache is outside the site folder, in the user's cache folder, one folder per site
//! (`~/.cache/vitrine/<site>-<hash of its path>/` on Linux, `%LOCALAPPDATA%\vitrine\…` on
//! Windows, `~/Library/Caches/vitrine/…` on macOS), so it is never published or committed. It can
//! be deleted at any time: the next build makes it again. `VITRINE_CACHE_DIR` puts it elsewhere;
//! `VITRINE_CACHE_DIR=off` turns it off. The output is byte-identical with or without it.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// The cache folder for the site in `root`, or `None` when caching is off or no cache folder is
/// known (no home folder).
pub fn dir(root: &Path) -> Option<PathBuf> {
    let base = match std::env::var_os("VITRINE_CACHE_DIR") {
        Some(v) if v.is_empty() || v == "off" => return None,
        Some(v) => PathBuf::from(v),
        None => user_cache_dir()?.join("vitrine"),
    };
    Some(site_dir(&base, root))
}

/// The folder in `base` for the site in `root`: its name and a hash of its full path.
fn site_dir(base: &Path, root: &Path) -> PathBuf {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let digest = Sha256::digest(root.to_string_lossy().as_bytes());
    let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    // The site folder's name, for a person looking in the cache, kept to safe characters.
    let name: String = root
        .file_name()
        .map(|n| {
            n.to_string_lossy().chars().filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_')).take(40).collect()
        })
        .unwrap_or_default();
    base.join(if name.is_empty() { hash } else { format!("{name}-{hash}") })
}

/// The user's cache folder: `%LOCALAPPDATA%` on Windows, `~/Library/Caches` on macOS,
/// `$XDG_CACHE_HOME` or `~/.cache` elsewhere.
fn user_cache_dir() -> Option<PathBuf> {
    let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    if cfg!(windows) {
        var("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|h| h.join("Library").join("Caches"))
    } else {
        var("XDG_CACHE_HOME").or_else(|| var("HOME").map(|h| h.join(".cache")))
    }
}

/// What a cache file written by this binary starts with: a format name and the binary's
/// version, size and modification time, so that a rebuilt vitrine (whose Pagefind may parse
/// differently) never reads what another one wrote.
pub fn stamp(format: &str) -> Vec<u8> {
    let exe = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok());
    let (size, modified) = exe.map_or((0, 0), |m| {
        let modified = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        (m.len(), modified.map_or(0, |d| d.as_nanos()))
    });
    format!("{format} vitrine {} {size} {modified}\n", env!("CARGO_PKG_VERSION")).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_folder_per_site_named_after_it() {
        let base = Path::new("/cache");
        let a = site_dir(base, Path::new("/nonexistent/some site/年报-2024"));
        let b = site_dir(base, Path::new("/nonexistent/other/年报-2024"));
        let a = a.strip_prefix(base).unwrap().to_string_lossy().to_string();
        let b = b.strip_prefix(base).unwrap().to_string_lossy().to_string();
        assert!(a.starts_with("年报-2024-") && a.len() == "年报-2024-".len() + 16, "{a}");
        assert_ne!(a, b);
        assert_eq!(site_dir(base, Path::new("/")).strip_prefix(base).unwrap().to_string_lossy().len(), 16);
    }

    #[test]
    fn stamp_names_the_format_and_version() {
        let s = String::from_utf8(stamp("search")).unwrap();
        assert!(s.starts_with(&format!("search vitrine {} ", env!("CARGO_PKG_VERSION"))), "{s}");
        assert!(s.ends_with('\n'));
    }
}
