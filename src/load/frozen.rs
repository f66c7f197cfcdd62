//! `data/frozen/`: the figures each release published, as `vitrine freeze` recorded them.
//!
//! ```text
//! data/frozen/SHA256SUMS                      one line per file: checksum, two spaces, path
//! data/frozen/2022/patent-grants.v1.yaml      the dataset as the 2022 release published it
//! data/frozen/2022/patent-grants.v2.yaml      the same after a correction
//! ```
//!
//! A frozen file is an ordinary dataset file with a `frozen: {release, version, date}` entry.
//! Its checksum (SHA-256 of the text with LF line ends, so that Git's line-end conversion on
//! Windows does not matter) is kept in `SHA256SUMS`: a file edited by hand no longer matches
//! what was published, and that is an error.

use std::collections::BTreeMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::{read_text, relative};
use crate::diag::{Diagnostic, Failure, Result};
use crate::model::{Dataset, SiteConfig};
use crate::msg;

/// The folder under the site root.
pub const DIR: &str = "data/frozen";
/// The checksum list inside [`DIR`].
pub const SUMS: &str = "SHA256SUMS";

/// The SHA-256 of a frozen file's text, as hex.
pub fn checksum(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads `SHA256SUMS`: path under `data/frozen/` -> (checksum, line).
pub fn read_sums(root: &Path) -> Result<BTreeMap<String, (String, usize)>> {
    let file = root.join(DIR).join(SUMS);
    let rel = format!("{DIR}/{SUMS}");
    if !file.is_file() {
        return Ok(BTreeMap::new());
    }
    let text = read_text(&file, &rel)?;
    let mut out = BTreeMap::new();
    let mut diags = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once("  ") {
            Some((sum, path)) if sum.len() == 64 && sum.bytes().all(|b| b.is_ascii_hexdigit()) => {
                out.insert(path.trim().to_string(), (sum.to_ascii_lowercase(), i + 1));
            }
            _ => diags.push(
                Diagnostic::error(&rel, i + 1, 1, msg::sums_bad_line())
                    .with_hint(msg::sums_bad_line_hint())
                    .with_source(&text),
            ),
        }
    }
    if diags.is_empty() { Ok(out) } else { Err(Failure::Content(diags)) }
}

/// Loads every frozen version, sorted by dataset id, release and version. A file that does
/// not match its checksum, a missing or extra file, or a version out of sequence is an error.
pub fn versions(root: &Path, config: &SiteConfig) -> Result<Vec<Dataset>> {
    let dir = root.join(DIR);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let sums = read_sums(root)?;
    let mut diags = Vec::new();
    let mut out: Vec<Dataset> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut entries: Vec<_> = walkdir::WalkDir::new(&dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    entries.sort();
    for path in entries {
        let rel = relative(root, &path);
        let inner = rel.strip_prefix(&format!("{DIR}/")).unwrap_or(&rel).to_string();
        if inner == SUMS {
            continue;
        }
        let Some((year, id, version)) = parse_name(&inner) else {
            diags.push(
                Diagnostic::error(&rel, 1, 1, msg::not_a_frozen_version(&rel))
                    .with_hint(msg::not_a_frozen_version_hint(DIR)),
            );
            continue;
        };
        seen.insert(inner.clone());
        let text = match read_text(&path, &rel) {
            Ok(t) => t,
            Err(Failure::Content(d)) => {
                diags.extend(d);
                continue;
            }
            Err(e) => return Err(e),
        };
        match sums.get(&inner) {
            None => {
                diags.push(
                    Diagnostic::error(&rel, 1, 1, msg::frozen_not_listed(&rel, &format!("{DIR}/{SUMS}")))
                        .with_hint(msg::frozen_not_listed_hint()),
                );
                continue;
            }
            Some((sum, _)) if *sum != checksum(&text) => {
                diags.push(
                    Diagnostic::error(&rel, 1, 1, msg::frozen_changed(&rel, year))
                        .with_hint(msg::frozen_changed_hint(&rel, &id, year)),
                );
                continue;
            }
            Some(_) => {}
        }
        match super::data::from_text(id.clone(), &rel, &text, config) {
            Ok(d) => match &d.frozen {
                Some(f) if f.release == year && f.version == version => out.push(d),
                Some(f) => diags.push(Diagnostic::error(
                    &rel,
                    1,
                    1,
                    msg::frozen_says_other(f.release, f.version, year, version),
                )),
                None => diags.push(
                    Diagnostic::error(&rel, 1, 1, msg::frozen_entry_missing()).with_hint(msg::restore_from_vcs()),
                ),
            },
            Err(Failure::Content(d)) => diags.extend(d),
            Err(e) => return Err(e),
        }
    }
    for (path, (_, line)) in &sums {
        if !seen.contains(path) {
            diags.push(
                Diagnostic::error(format!("{DIR}/{SUMS}"), *line, 1, msg::frozen_missing(&format!("{DIR}/{path}")))
                    .with_hint(msg::frozen_missing_hint()),
            );
        }
    }
    out.sort_by(|a, b| {
        (&a.id, a.frozen.as_ref().map(|f| (f.release, f.version)))
            .cmp(&(&b.id, b.frozen.as_ref().map(|f| (f.release, f.version))))
    });
    // Versions of one release count 1, 2, 3 without gaps.
    let mut expected: BTreeMap<(&str, i32), u32> = BTreeMap::new();
    for d in &out {
        let f = d.frozen.as_ref().expect("frozen versions have `frozen`");
        let next = expected.entry((d.id.as_str(), f.release)).or_insert(1);
        if f.version != *next {
            diags.push(
                Diagnostic::error(&d.source_path, 1, 1, msg::frozen_gap(f.version, &d.id, f.release, *next))
                    .with_hint(msg::frozen_gap_hint()),
            );
        }
        *next = f.version + 1;
    }
    if diags.is_empty() { Ok(out) } else { Err(Failure::Content(diags)) }
}

/// `2022/patent-grants.v1.yaml` -> (2022, `patent-grants`, 1).
pub fn parse_name(inner: &str) -> Option<(i32, String, u32)> {
    let (year, file) = inner.split_once('/')?;
    let year: i32 = (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())).then(|| year.parse().ok())??;
    let stem = file.strip_suffix(".yaml")?;
    let (id, v) = stem.rsplit_once(".v")?;
    let version: u32 = v.parse().ok().filter(|&n| n >= 1)?;
    super::is_safe_id(id).then(|| (year, id.to_string(), version))
}

/// The path of a frozen version under the site root.
pub fn path_of(year: i32, id: &str, version: u32) -> String {
    format!("{DIR}/{year}/{id}.v{version}.yaml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(parse_name("2022/patent-grants.v1.yaml"), Some((2022, "patent-grants".into(), 1)));
        assert_eq!(parse_name("2022/patent-grants.v12.yaml"), Some((2022, "patent-grants".into(), 12)));
        assert_eq!(parse_name("2022/patent-grants.yaml"), None);
        assert_eq!(parse_name("2022/patent-grants.v0.yaml"), None);
        assert_eq!(parse_name("22/a.v1.yaml"), None);
        assert_eq!(parse_name("2022/x/a.v1.yaml"), None);
        assert_eq!(path_of(2022, "a", 2), "data/frozen/2022/a.v2.yaml");
    }
}
