//! Where things are: the folders of a site on disk, the folders the build makes, and the file
//! a page's URL is written to. Named once here, used by `load/`, `render/`, `build` and `serve`.

/// The folders of a site's source (SPEC §1): `serve` watches them, and no output folder may
/// be one of them.
pub const SOURCE_FOLDERS: &[&str] = &["content", "data", "themes", "templates", "static"];

/// The settings files at a site's root, which `serve` watches too.
pub const SOURCE_FILES: &[&str] = &["site.yaml", "calendar.yaml"];

/// The search bundle's folder in the output (`/pagefind/`).
pub const SEARCH_BUNDLE: &str = "pagefind";

/// Top-level output folders the build makes itself: no content folder may take their names.
pub const GENERATED_FOLDERS: &[&str] = &["data", "charts", "search", SEARCH_BUNDLE];

/// The output file of a page's site path: `/` -> `index.html`,
/// `/en/releases/2022/` -> `en/releases/2022/index.html`.
pub fn page_file(url: &str) -> String {
    format!("{}index.html", url.trim_start_matches('/'))
}

/// The site path of a dataset's page in a language whose prefix is `prefix` (`""`, `/en`).
pub fn dataset_url(prefix: &str, id: &str) -> String {
    format!("{prefix}/data/{id}/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_files() {
        assert_eq!(page_file("/"), "index.html");
        assert_eq!(page_file("/en/"), "en/index.html");
        assert_eq!(page_file("/en/releases/2022/"), "en/releases/2022/index.html");
        assert_eq!(dataset_url("/en", "patent-grants"), "/en/data/patent-grants/");
    }
}
