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

/// The finished (minified) pages of the last build, reused for pages whose HTML from the
/// templates is unchanged: finishing a page (minifying it) is most of the cost of rendering it.
///
/// The bytes are not copied into the cache: they are read from the last build's output folder,
/// which a build leaves untouched until it succeeds. The cache keeps only a list, `pages.list`:
/// for each page, a hash of its HTML from the templates (with the options that change how it is
/// finished), its path in the output and a hash of the bytes written. A page is reused only if
/// its file in the last output still has those bytes (read and hashed again), so a file edited
/// or removed by hand since is made again. The list is replaced when a build succeeds.
pub struct Pages {
    /// The output folder the list describes.
    out: PathBuf,
    /// Where the list is kept.
    list: PathBuf,
    /// Last build's: key of the HTML -> (path in the output, hash of the bytes).
    old: std::collections::HashMap<[u8; 32], (String, [u8; 32])>,
    /// This build's, as pages are finished (from the rendering threads).
    new: std::sync::Mutex<Vec<Finished>>,
}

impl std::fmt::Debug for Pages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pages").field("out", &self.out).field("old", &self.old.len()).finish()
    }
}

/// A finished page: key of its HTML, path in the output, hash of its bytes.
type Finished = ([u8; 32], String, [u8; 32]);

/// The first line of `pages.list`.
fn pages_stamp(out: &Path) -> Vec<u8> {
    let mut stamp = stamp("pages-1");
    stamp.pop();
    stamp.extend_from_slice(format!(" {}\n", out.display()).as_bytes());
    stamp
}

impl Pages {
    /// The list kept in `cache` for builds into `out` (none if there is none, it was written by
    /// another vitrine binary or for another output folder, or it is damaged).
    pub fn open(cache: &Path, out: &Path) -> Pages {
        let out = std::fs::canonicalize(out).unwrap_or_else(|_| out.to_path_buf());
        let list = cache.join("pages.list");
        let mut old = std::collections::HashMap::new();
        if let Ok(bytes) = std::fs::read(&list) {
            let stamp = pages_stamp(&out);
            if let Some(mut rest) = bytes.strip_prefix(stamp.as_slice()) {
                // Each entry: key (32), hash (32), path length (u32 LE), path.
                while rest.len() >= 68 {
                    let (key, tail) = rest.split_at(32);
                    let (hash, tail) = tail.split_at(32);
                    let (len, tail) = tail.split_at(4);
                    let len = u32::from_le_bytes(len.try_into().expect("4 bytes")) as usize;
                    let Some((path, tail)) = (len <= tail.len()).then(|| tail.split_at(len)) else {
                        old.clear();
                        break;
                    };
                    let Ok(path) = std::str::from_utf8(path) else {
                        old.clear();
                        break;
                    };
                    old.insert(
                        key.try_into().expect("32 bytes"),
                        (path.to_string(), hash.try_into().expect("32 bytes")),
                    );
                    rest = tail;
                }
                if !rest.is_empty() {
                    old.clear();
                }
            }
        }
        Pages { out, list, old, new: std::sync::Mutex::new(Vec::new()) }
    }

    /// The bytes of the page at `path` whose HTML from the templates is `html`: last build's if
    /// they are still in its output, else `finish(html)`. `options` names what else changes how
    /// a page is finished.
    pub fn finish(&self, path: &str, html: String, options: &str, finish: impl FnOnce(String) -> Vec<u8>) -> Vec<u8> {
        let mut hasher = Sha256::new();
        hasher.update(options.as_bytes());
        hasher.update([0]);
        hasher.update(html.as_bytes());
        let key: [u8; 32] = hasher.finalize().into();
        let reused = self.old.get(&key).and_then(|(old_path, hash)| {
            // Paths in the list are the output's own (`a/b/index.html`): nothing above it.
            if old_path.split('/').any(|c| c == ".." || c.is_empty()) {
                return None;
            }
            let bytes = std::fs::read(self.out.join(old_path)).ok()?;
            let found: [u8; 32] = Sha256::digest(&bytes).into();
            (found == *hash).then_some((bytes, found))
        });
        let (bytes, hash) = reused.unwrap_or_else(|| {
            let bytes = finish(html);
            let hash: [u8; 32] = Sha256::digest(&bytes).into();
            (bytes, hash)
        });
        self.new.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push((key, path.to_string(), hash));
        bytes
    }

    /// Keeps this build's list for the next build; called once its output is in place. A list
    /// that cannot be written is left out (the next build finishes every page).
    pub fn save(&self) {
        let mut new = std::mem::take(&mut *self.new.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
        new.sort_by(|a, b| a.1.cmp(&b.1));
        let out = std::fs::canonicalize(&self.out).unwrap_or_else(|_| self.out.clone());
        let mut bytes = pages_stamp(&out);
        for (key, path, hash) in &new {
            bytes.extend_from_slice(key);
            bytes.extend_from_slice(hash);
            bytes.extend_from_slice(&(path.len() as u32).to_le_bytes());
            bytes.extend_from_slice(path.as_bytes());
        }
        let Some(dir) = self.list.parent() else { return };
        let tmp = dir.join(format!("pages.list.{}.tmp", std::process::id()));
        let written = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&tmp, &bytes));
        if written.is_err() || std::fs::rename(&tmp, &self.list).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
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
    fn finished_pages_are_reused_only_while_their_file_is_unchanged() {
        let cache = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        let made = std::cell::Cell::new(0);
        let minify = |html: String| {
            made.set(made.get() + 1);
            html.to_uppercase().into_bytes()
        };
        let build = |pages: &[(&str, &str)]| {
            let cache = Pages::open(cache.path(), out.path());
            for (path, html) in pages {
                let bytes = cache.finish(path, html.to_string(), "minify=true", minify);
                std::fs::create_dir_all(out.path().join(path).parent().unwrap()).unwrap();
                std::fs::write(out.path().join(path), bytes).unwrap();
            }
            cache.save();
        };
        build(&[("index.html", "<p>a"), ("b/index.html", "<p>b")]);
        assert_eq!(made.get(), 2);
        build(&[("index.html", "<p>a"), ("b/index.html", "<p>b")]);
        assert_eq!(made.get(), 2, "both reused");
        build(&[("index.html", "<p>a2"), ("b/index.html", "<p>b")]);
        assert_eq!(made.get(), 3, "only the changed page made again");
        std::fs::write(out.path().join("b/index.html"), "edited by hand").unwrap();
        build(&[("index.html", "<p>a2"), ("b/index.html", "<p>b")]);
        assert_eq!(made.get(), 4, "a file edited by hand is made again");
        assert_eq!(std::fs::read_to_string(out.path().join("b/index.html")).unwrap(), "<P>B");
        let other = Pages::open(cache.path(), cache.path());
        other.finish("index.html", "<p>a2".into(), "minify=true", minify);
        assert_eq!(made.get(), 5, "another output folder: nothing reused");
        let reused = Pages::open(cache.path(), out.path());
        reused.finish("index.html", "<p>a2".into(), "minify=false", minify);
        assert_eq!(made.get(), 6, "other options: not reused");
    }

    #[test]
    fn stamp_names_the_format_and_version() {
        let s = String::from_utf8(stamp("search")).unwrap();
        assert!(s.starts_with(&format!("search vitrine {} ", env!("CARGO_PKG_VERSION"))), "{s}");
        assert!(s.ends_with('\n'));
    }
}
