//! Rendered files -> the output folder, all or nothing.
//!
//! Files are written into a fresh sibling folder; only when every write succeeded is it
//! swapped in for the old one. A failed or killed build leaves the previous output untouched.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

/// Everything a build produces: output path (`en/about/index.html`) -> bytes, sorted.
#[derive(Debug, Default)]
pub struct Output {
    /// The files.
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Output {
    /// Adds a file; a later file with the same path replaces an earlier one.
    pub fn add(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), bytes.into());
    }

    /// Total size in bytes.
    pub fn size(&self) -> usize {
        self.files.values().map(Vec::len).sum()
    }
}

/// Writes `output` to `out_dir`, replacing what was there only once everything is written.
pub fn write_atomically(output: &Output, out_dir: &Path) -> Result<()> {
    let parent = out_dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).with_context(|| crate::msg::cannot_create(&parent.display().to_string()))?;
    let name = out_dir.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().to_string());
    let staging = parent.join(format!(".{name}.vitrine-new-{}", std::process::id()));
    let old = parent.join(format!(".{name}.vitrine-old-{}", std::process::id()));
    if staging.exists() {
        std::fs::remove_dir_all(&staging).with_context(|| crate::msg::cannot_remove(&staging.display().to_string()))?;
    }
    recover(parent, &name, out_dir);
    let result = write_all(output, &staging).and_then(|()| swap(&staging, out_dir, &old));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    clean_leftovers(parent, &name);
    result
}

fn write_all(output: &Output, dir: &Path) -> Result<()> {
    let mut dirs: Vec<PathBuf> =
        output.files.keys().filter_map(|p| Path::new(p).parent().map(|d| dir.join(d))).collect();
    dirs.push(dir.to_path_buf());
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        std::fs::create_dir_all(d).with_context(|| crate::msg::cannot_create(&d.display().to_string()))?;
    }
    output.files.par_iter().try_for_each(|(path, bytes)| {
        if path.split('/').any(|c| c == ".." || c.is_empty()) {
            bail!(crate::msg::outside_out(path));
        }
        let file = dir.join(path);
        std::fs::write(&file, bytes).with_context(|| crate::msg::cannot_write(&file.display().to_string()))
    })
}

fn swap(staging: &Path, out_dir: &Path, old: &Path) -> Result<()> {
    // Linux swaps the two folders in one step, so no moment exists without a complete site.
    #[cfg(target_os = "linux")]
    if out_dir.is_dir() {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, staging, CWD, out_dir, RenameFlags::EXCHANGE).is_ok() {
            // The staging name now holds the previous site.
            return std::fs::remove_dir_all(staging)
                .with_context(|| crate::msg::cannot_remove_previous(&staging.display().to_string()));
        }
        // File systems without RENAME_EXCHANGE: two renames, as elsewhere.
    }
    if out_dir.exists() {
        std::fs::rename(out_dir, old).with_context(|| crate::msg::cannot_move_aside(&out_dir.display().to_string()))?;
    }
    if let Err(e) = std::fs::rename(staging, out_dir) {
        let _ = std::fs::rename(old, out_dir);
        return Err(e).with_context(|| crate::msg::cannot_move_in(&out_dir.display().to_string()));
    }
    if old.exists() {
        std::fs::remove_dir_all(old).with_context(|| crate::msg::cannot_remove(&old.display().to_string()))?;
    }
    Ok(())
}

/// Puts back a previous site that a build killed between its two renames left aside (where
/// the folders cannot be exchanged in one step), so that it is not lost if this build fails.
fn recover(parent: &Path, name: &str, out_dir: &Path) {
    if out_dir.exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let mut aside: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&format!(".{name}.vitrine-old-")))
        .map(|e| e.path())
        .collect();
    aside.sort();
    if let Some(last) = aside.last() {
        let _ = std::fs::rename(last, out_dir);
    }
}

/// Removes staging folders that a killed earlier build left behind.
fn clean_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().to_string();
        if n.starts_with(&format!(".{name}.vitrine-new-")) || n.starts_with(&format!(".{name}.vitrine-old-")) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_whole_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        std::fs::create_dir_all(out.join("stale")).unwrap();
        std::fs::write(out.join("stale/x.html"), "old").unwrap();
        let mut o = Output::default();
        o.add("index.html", "new");
        o.add("en/index.html", "en");
        write_atomically(&o, &out).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert!(!out.join("stale").exists());
        let names: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "no staging folders left: {names:?}");
    }
}
