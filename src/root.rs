//! Which site a command works on, and which language its messages speak.
//!
//! Without `--root`, vitrine looks for `site.yaml` in the current folder and then in each
//! folder above it, as git and cargo look for their own files, so that it can be run from
//! `content/` or `data/` as well as from the site's folder. The message language is read
//! from that site's `site.yaml` (its first language), even when the rest of the file has
//! errors, so that the errors themselves reach the author in the site's language.

use std::path::{Path, PathBuf};

use crate::msg::Locale;

/// The file that makes a folder a site.
const SITE_FILE: &str = "site.yaml";

/// Where the site is, and how it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteRoot {
    /// The site folder (`--root`, or the nearest folder with `site.yaml`; else the current
    /// folder, where the build then reports the missing `site.yaml`).
    pub path: PathBuf,
    /// Whether it was found above the current folder (vitrine says so).
    pub found_above: bool,
}

/// The site folder: `given` (`--root`), else the nearest of `cwd` and the folders above it
/// that holds `site.yaml`, else `cwd` itself.
pub fn find(given: Option<&Path>, cwd: &Path) -> SiteRoot {
    if let Some(p) = given {
        return SiteRoot { path: p.to_path_buf(), found_above: false };
    }
    match cwd.ancestors().find(|dir| dir.join(SITE_FILE).is_file()) {
        Some(dir) if dir != cwd => SiteRoot { path: dir.to_path_buf(), found_above: true },
        _ => SiteRoot { path: PathBuf::from("."), found_above: false },
    }
}

/// Whether the site's default language (the first under `languages:` in `site.yaml`) is
/// Chinese; `None` without a readable `site.yaml` or a language listed in it. Read from the
/// text, not parsed, so that a `site.yaml` with errors still decides.
pub fn site_is_chinese(root: &Path) -> Option<bool> {
    let text = std::fs::read_to_string(root.join(SITE_FILE)).ok()?;
    first_language(&text).map(|code| Locale::parse(code) == Some(Locale::Zh))
}

/// The code of the first language under `languages:` (`code: zh`), from the text.
fn first_language(text: &str) -> Option<&str> {
    let start = text.lines().position(|l| l.starts_with("languages"))?;
    let rest = text.lines().skip(start).collect::<Vec<_>>();
    rest.iter().find_map(|l| {
        let i = l.find("code:")?;
        let v = l[i + 5..].trim_start();
        let end = v.find([',', '}', ' ', '#']).unwrap_or(v.len());
        Some(v[..end].trim_matches(['"', '\'']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_language_is_read_from_the_text() {
        assert_eq!(first_language("title: x\nlanguages:\n  - {code: zh, name: 中文}\n  - {code: en}\n"), Some("zh"));
        assert_eq!(first_language("languages: [{code: \"en\"}, {code: zh}]\n"), Some("en"));
        assert_eq!(first_language("languages:\n  - code: en\n    name: English\n"), Some("en"));
        assert_eq!(first_language("title: x\n"), None);
    }

    #[test]
    fn the_site_is_found_in_a_folder_above() {
        let tmp = std::env::temp_dir().join(format!("vitrine-root-{}", std::process::id()));
        let inner = tmp.join("content/releases");
        std::fs::create_dir_all(&inner).unwrap();
        std::fs::write(tmp.join("site.yaml"), "title: t\n").unwrap();
        assert_eq!(find(None, &inner), SiteRoot { path: tmp.clone(), found_above: true });
        assert_eq!(find(None, &tmp), SiteRoot { path: PathBuf::from("."), found_above: false });
        assert_eq!(find(Some(Path::new("x")), &inner).path, PathBuf::from("x"));
        std::fs::remove_dir_all(&tmp).unwrap();
    }
}
