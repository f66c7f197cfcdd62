//! Helpers: copy a fixture into a temporary folder, run the binary, read the output.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fixture site copied into a temporary folder.
pub struct Site {
    pub dir: tempfile::TempDir,
}

/// What a run of the binary printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        if rel.starts_with("public") || rel.starts_with("target") || rel.starts_with(".git") {
            continue;
        }
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

impl Site {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Site {
        Site::copy_of(&fixtures().join(name))
    }

    /// A copy of the bundled example site (the repository root).
    pub fn example() -> Site {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().unwrap();
        for sub in ["content", "data", "site.yaml", "calendar.yaml", "glossary.yaml"] {
            let from = root.join(sub);
            if from.is_dir() {
                copy_dir(&from, &dir.path().join(sub));
            } else {
                std::fs::copy(&from, dir.path().join(sub)).unwrap();
            }
        }
        Site { dir }
    }

    pub fn copy_of(from: &Path) -> Site {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(from, dir.path());
        Site { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes (or replaces) a file of the site.
    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> &Self {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    /// Replaces the first `from` in a file of the site with `to` (which must be there).
    pub fn replace(&self, rel: &str, from: &str, to: &str) {
        let path = self.root().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} does not contain {from}");
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    }

    /// Runs `vitrine <args> --root <site>`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    /// Runs `vitrine <args> --root <site>` with the clock set to `now` (RFC 3339).
    pub fn run_at(&self, now: &str, args: &[&str]) -> Run {
        self.run_with(args, &[("VITRINE_NOW", now)])
    }

    /// Runs `vitrine <args> --root <site>` with environment variables set (`VITRINE_NOW`);
    /// without one, the clock is the real one.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_vitrine"))
            .args(args)
            .arg("--root")
            .arg(self.root())
            .env("NO_COLOR", "1")
            .env_remove("VITRINE_NOW")
            // No cache of the last build (kept in the user's cache folder) unless a test gives
            // one: each test's site is a new temporary folder.
            .env("VITRINE_CACHE_DIR", "off")
            // Messages in English unless a test asks for another language.
            .env("VITRINE_LANG", "en")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).to_string(),
            stderr: String::from_utf8_lossy(&out.stderr).replace(&self.root().display().to_string(), "[ROOT]"),
        }
    }

    /// `vitrine build`, asserting success.
    pub fn build(&self, args: &[&str]) -> &Self {
        let mut all = vec!["build"];
        all.extend_from_slice(args);
        let r = self.run(&all);
        assert_eq!(r.code, 0, "build failed:\n{}", r.stderr);
        self
    }

    /// A file of the output folder as text.
    pub fn read(&self, rel: &str) -> String {
        let p = self.root().join("public").join(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
    }

    pub fn bytes(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.root().join("public").join(rel)).unwrap()
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.root().join("public").join(rel).exists()
    }
}

/// The part of an HTML page inside `<main>`, so that theme edits do not churn assertions.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").unwrap_or(0);
    let end = html.rfind("</main>").unwrap_or(html.len());
    &html[start..end]
}

/// Counts non-overlapping occurrences.
pub fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// `path:line:col` at the start of a message line, if the line starts with one.
fn position(line: &str) -> Option<&str> {
    let (at, _) = line.split_once(": ")?;
    let mut parts = at.rsplitn(3, ':');
    let (col, row) = (parts.next()?, parts.next()?);
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (numeric(col) && numeric(row) && parts.next().is_some()).then_some(at)
}

/// The run `en` again with messages in Chinese (`VITRINE_LANG=zh`): the same exit code and
/// the same `path:line:col` positions, line for line, and Chinese text. Returns the run,
/// for its snapshot.
pub fn in_chinese(site: &Site, args: &[&str], env: &[(&str, &str)], en: &Run) -> Run {
    let mut env = env.to_vec();
    env.push(("VITRINE_LANG", "zh"));
    let zh = site.run_with(args, &env);
    assert_eq!(zh.code, en.code, "the exit code differs in Chinese:\n{}", zh.stderr);
    let at = |s: &str| s.lines().filter_map(position).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(at(&zh.stderr), at(&en.stderr), "positions differ in Chinese:\n{}\n{}", en.stderr, zh.stderr);
    assert!(
        zh.stderr.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && !en.stderr.contains(c)),
        "{}",
        zh.stderr
    );
    assert!(!zh.stderr.contains("panicked"), "{}", zh.stderr);
    zh
}

/// The `lang` attribute of a page's `<html>` start tag, quoted or not (`""` if it has none);
/// the tag carries other attributes too (`data-print-*`, in an order minification chooses).
pub fn html_lang(html: &str) -> &str {
    let Some(start) = html.find("<html") else { return "" };
    let tag = &html[start..];
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    let Some(at) = tag.find(" lang=") else { return "" };
    let value = &tag[at + 6..];
    match value.strip_prefix('"') {
        Some(quoted) => &quoted[..quoted.find('"').unwrap_or(quoted.len())],
        None => &value[..value.find([' ', '>']).unwrap_or(value.len())],
    }
}
