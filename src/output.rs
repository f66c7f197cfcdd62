//! Rendered files -> the output folder, all or nothing.
//!
//! Files are written into a fresh sibling folder; only when every write succeeded is it
//! swapped in for the old one. A failed or killed build leaves the previous output untouched.
//!
//! An [`Output`] either keeps its files in memory (`serve`, `check`, tests) or, made with
//! [`Output::staged`], writes each file into the staging folder as soon as it is added and
//! keeps only its path and size, so that a build's memory does not grow with the site;
//! [`Output::commit`] then swaps the staging folder in.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

/// Everything a build produces: output path (`en/about/index.html`) -> bytes, sorted.
#[derive(Debug, Default)]
pub struct Output {
    /// The files, when they are kept in memory (empty for a staged output: see [`Output::staged`]).
    pub files: BTreeMap<String, Vec<u8>>,
    /// Where files go as they are added, for a staged output.
    stage: Option<Stage>,
    /// The path root-relative links of HTML files are moved under as they are added (`/ip`).
    base: Option<String>,
}

impl Output {
    /// An output that writes every file into a staging folder beside `out_dir` as soon as
    /// it is added, keeping only paths and sizes; [`Output::commit`] swaps it in. Dropped
    /// without a commit (a failed build), the staging folder is removed.
    pub fn staged(out_dir: &Path) -> Result<Output> {
        Ok(Output { stage: Some(Stage::begin(out_dir)?), ..Output::default() })
    }

    /// Whether files are written to the staging folder as they are added.
    pub fn is_staged(&self) -> bool {
        self.stage.is_some()
    }

    /// Where a staged output puts text aside until the build needs it again (see [`Scratch`]);
    /// `None` for an output in memory, or where no scratch file could be made: the caller
    /// then keeps its text in memory.
    pub fn scratch(&self) -> Option<Arc<Scratch>> {
        self.stage.as_ref().and_then(|s| s.scratch.clone())
    }

    /// Adds a file; a later file with the same path replaces an earlier one. A staged output
    /// writes it now; a write that fails is reported by [`Output::commit`].
    pub fn add(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        let (path, bytes) = (path.into(), bytes.into());
        let bytes = self.relocated(&path, bytes);
        match &self.stage {
            Some(stage) => stage.put(path, &bytes),
            None => {
                self.files.insert(path, bytes);
            }
        }
    }

    /// Adds a file from any thread: written now for a staged output; for one in memory,
    /// handed back to be added with [`Output::add`].
    pub fn put(&self, path: String, bytes: Vec<u8>) -> Option<(String, Vec<u8>)> {
        match &self.stage {
            Some(stage) => {
                stage.put(path.clone(), &self.relocated(&path, bytes));
                None
            }
            None => Some((path, bytes)),
        }
    }

    /// Moves root-relative links of the HTML files added from now on under `base` (a base
    /// URL's path such as `/ip`; empty: none).
    pub fn relocate_html(&mut self, base: &str) {
        self.base = (!base.is_empty()).then(|| base.to_string());
    }

    fn relocated(&self, path: &str, bytes: Vec<u8>) -> Vec<u8> {
        let Some(base) = self.base.as_deref().filter(|_| path.ends_with(".html")) else {
            return bytes;
        };
        match std::str::from_utf8(&bytes) {
            Ok(html) => crate::render::relocate::relocate(html, base).into_bytes(),
            Err(_) => bytes,
        }
    }

    /// Whether a file was added at `path`.
    pub fn contains(&self, path: &str) -> bool {
        match &self.stage {
            Some(stage) => stage.lock_written().contains_key(path),
            None => self.files.contains_key(path),
        }
    }

    /// The paths of every file added, sorted.
    pub fn paths(&self) -> Vec<String> {
        match &self.stage {
            Some(stage) => stage.lock_written().keys().cloned().collect(),
            None => self.files.keys().cloned().collect(),
        }
    }

    /// The bytes of one file: from memory, or read back from the staging folder.
    pub fn read(&self, path: &str) -> Result<Vec<u8>> {
        match &self.stage {
            Some(stage) => {
                let file = stage.dir.join(path);
                std::fs::read(&file).with_context(|| format!("cannot read back `{}`", file.display()))
            }
            None => self.files.get(path).cloned().with_context(|| format!("no file `{path}` in the output")),
        }
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        match &self.stage {
            Some(stage) => stage.lock_written().len(),
            None => self.files.len(),
        }
    }

    /// Whether no file was added.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Total size in bytes.
    pub fn size(&self) -> usize {
        match &self.stage {
            Some(stage) => stage.lock_written().values().sum(),
            None => self.files.values().map(Vec::len).sum(),
        }
    }

    /// Swaps a staged output's folder in for the output folder, if every write succeeded
    /// (otherwise the staging folder is removed and the output folder left as it was).
    /// An output in memory is written with [`write_atomically`].
    pub fn commit(mut self, out_dir: &Path) -> Result<()> {
        match self.stage.take() {
            Some(stage) => stage.commit(),
            None => write_atomically(&self, out_dir),
        }
    }
}

/// A staging folder being filled: the files written so far, and the first write that failed.
#[derive(Debug)]
struct Stage {
    /// The staging folder (`.public.vitrine-new-<pid>` beside the output folder).
    dir: PathBuf,
    out_dir: PathBuf,
    /// Where the previous site is moved aside where folders cannot be exchanged in one step.
    old: PathBuf,
    parent: PathBuf,
    name: String,
    /// Path -> size of every file written.
    written: Mutex<BTreeMap<String, usize>>,
    /// Folders already made in the staging folder.
    dirs: Mutex<HashSet<PathBuf>>,
    /// The first write that failed.
    failed: Mutex<Option<anyhow::Error>>,
    /// Text put aside while the build runs (Unix only).
    scratch: Option<Arc<Scratch>>,
    committed: bool,
}

impl Stage {
    fn begin(out_dir: &Path) -> Result<Stage> {
        let (parent, name, staging, old) = staging_names(out_dir)?;
        if staging.exists() {
            std::fs::remove_dir_all(&staging).with_context(|| format!("cannot remove `{}`", staging.display()))?;
        }
        recover(&parent, &name, out_dir);
        std::fs::create_dir_all(&staging).with_context(|| format!("cannot create `{}`", staging.display()))?;
        let scratch = Scratch::new_in(&staging).map(Arc::new);
        Ok(Stage {
            scratch,
            dir: staging,
            out_dir: out_dir.to_path_buf(),
            old,
            parent,
            name,
            written: Mutex::default(),
            dirs: Mutex::default(),
            failed: Mutex::default(),
            committed: false,
        })
    }

    fn lock_written(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, usize>> {
        self.written.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Writes one file; the first failure is kept for [`Stage::commit`] and stops later writes.
    fn put(&self, path: String, bytes: &[u8]) {
        let failed = || self.failed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if failed().is_some() {
            return;
        }
        if let Err(e) = self.write(&path, bytes) {
            failed().get_or_insert(e);
            return;
        }
        self.lock_written().insert(path, bytes.len());
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        if path.split('/').any(|c| c == ".." || c.is_empty()) {
            bail!("refusing to write `{path}` outside the output folder");
        }
        let file = self.dir.join(path);
        if let Some(d) = file.parent() {
            let made = self.dirs.lock().unwrap_or_else(std::sync::PoisonError::into_inner).contains(d);
            if !made {
                std::fs::create_dir_all(d).with_context(|| format!("cannot create `{}`", d.display()))?;
                self.dirs.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(d.to_path_buf());
            }
        }
        std::fs::write(&file, bytes).with_context(|| format!("cannot write `{}`", file.display()))
    }

    fn commit(mut self) -> Result<()> {
        let failed = self.failed.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        let result = match failed {
            Some(e) => Err(e),
            None => swap(&self.dir, &self.out_dir, &self.old),
        };
        self.committed = result.is_ok();
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
        clean_leftovers(&self.parent, &self.name);
        result
    }
}

impl Drop for Stage {
    /// A staging folder that is not committed (the build failed) is removed.
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Text a staged build puts aside on disk until it needs it again: its pages' rendered
/// Markdown, between the pass that renders every page's Markdown (listings need them all) and
/// the pass that puts each page through its template. A file made in the staging folder and
/// unlinked at once, so that it is never part of the output and a killed build leaves
/// nothing behind; the kernel's page cache, not the build's memory, holds what is read back.
#[derive(Debug)]
pub struct Scratch {
    file: std::fs::File,
    /// Where the next text goes.
    end: std::sync::atomic::AtomicU64,
}

/// Where a text put aside is in the [`Scratch`] file.
#[derive(Clone, Copy, Debug)]
pub struct Aside {
    at: u64,
    len: usize,
}

impl Scratch {
    /// An unnamed scratch file in `dir` (Unix only: elsewhere `None`, and text stays in memory).
    #[cfg(unix)]
    fn new_in(dir: &Path) -> Option<Scratch> {
        let path = dir.join(".vitrine-scratch");
        let file = std::fs::OpenOptions::new().read(true).write(true).create_new(true).open(&path).ok()?;
        std::fs::remove_file(&path).ok()?;
        Some(Scratch { file, end: 0.into() })
    }

    #[cfg(not(unix))]
    fn new_in(_dir: &Path) -> Option<Scratch> {
        None
    }

    /// Writes `text` at the end of the file (from any thread).
    #[cfg(unix)]
    pub fn put(&self, text: &str) -> std::io::Result<Aside> {
        use std::os::unix::fs::FileExt;
        let len = text.len();
        let at = self.end.fetch_add(len as u64, std::sync::atomic::Ordering::Relaxed);
        self.file.write_all_at(text.as_bytes(), at)?;
        Ok(Aside { at, len })
    }

    /// Reads back a text put aside (from any thread).
    #[cfg(unix)]
    pub fn get(&self, aside: Aside) -> Result<String> {
        use std::os::unix::fs::FileExt;
        let mut bytes = vec![0; aside.len];
        self.file.read_exact_at(&mut bytes, aside.at).context("cannot read back the build's scratch file")?;
        String::from_utf8(bytes).context("the build's scratch file changed under it")
    }

    #[cfg(not(unix))]
    pub fn put(&self, _text: &str) -> std::io::Result<Aside> {
        Err(std::io::ErrorKind::Unsupported.into())
    }

    #[cfg(not(unix))]
    pub fn get(&self, _aside: Aside) -> Result<String> {
        bail!("no scratch file on this system")
    }
}

/// The output folder's parent and name, and its staging and set-aside siblings' paths.
fn staging_names(out_dir: &Path) -> Result<(PathBuf, String, PathBuf, PathBuf)> {
    let parent = out_dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).with_context(|| crate::msg::cannot_create(&parent.display().to_string()))?;
    let name = out_dir.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().to_string());
    let staging = parent.join(format!(".{name}.vitrine-new-{}", std::process::id()));
    let old = parent.join(format!(".{name}.vitrine-old-{}", std::process::id()));
    Ok((parent.to_path_buf(), name, staging, old))
}

/// Writes `output` to `out_dir`, replacing what was there only once everything is written.
pub fn write_atomically(output: &Output, out_dir: &Path) -> Result<()> {
    let (parent, name, staging, old) = staging_names(out_dir)?;
    let parent = parent.as_path();
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

    #[test]
    fn a_staged_output_writes_as_it_goes_and_swaps_on_commit() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("index.html"), "old").unwrap();
        let mut o = Output::staged(&out).unwrap();
        o.add("index.html", "first");
        o.add("en/a/index.html", "en");
        o.add("index.html", "new");
        let staging = tmp.path().join(format!(".public.vitrine-new-{}", std::process::id()));
        assert_eq!(std::fs::read_to_string(staging.join("en/a/index.html")).unwrap(), "en", "written when added");
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "old", "public/ untouched until commit");
        assert!(o.files.is_empty(), "nothing kept in memory");
        assert_eq!((o.len(), o.size()), (2, 5));
        assert!(o.contains("en/a/index.html") && !o.contains("en/index.html"));
        assert_eq!(o.read("index.html").unwrap(), b"new");
        o.commit(&out).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "no staging folders left: {names:?}");
    }

    #[test]
    fn a_failed_staged_build_leaves_the_output_as_it_was() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("index.html"), "old").unwrap();
        // A bad path fails at commit, and nothing is swapped in.
        let mut o = Output::staged(&out).unwrap();
        o.add("index.html", "new");
        o.add("../escape.html", "x");
        let err = o.commit(&out).unwrap_err();
        assert!(err.to_string().contains("outside the output folder"), "{err}");
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert!(!tmp.path().join("escape.html").exists());
        // A build that stops before its commit (dropped) leaves no staging folder.
        let mut o = Output::staged(&out).unwrap();
        o.add("index.html", "new");
        drop(o);
        let names: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "no staging folders left: {names:?}");
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "old");
    }
}
