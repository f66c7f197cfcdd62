//! The search index of a staged build, fed from the staging folder one page at a time.
//!
//! A build writes each page to its staging folder as soon as it is rendered (see
//! [`crate::output::Output::staged`]), so the pages are never all in memory. The index is then
//! made by reading them back, one at a time, and handing each to [`crate::search::Indexer`].
//! Pagefind numbers pages in the order they are added, so the order is fixed: the pages of
//! each language by URL, the languages taken in turn (one page of each), so that every
//! language's indexing thread has work at once.

use crate::diag::Result;
use crate::model::SiteConfig;
use crate::output::Output;

/// Reads back the staged HTML pages marked for search, indexes them and adds the Pagefind
/// bundle to `output`; with a `cache` folder, reusing the search records of the last build kept
/// there (see [`crate::search::Indexer::with_cache`]).
pub fn add_index(output: &mut Output, config: &SiteConfig, cache: Option<&std::path::Path>) -> Result<()> {
    let mut indexer = crate::search::Indexer::with_cache(cache.map(std::path::Path::to_path_buf));
    let prefixes: Vec<String> = config.languages.iter().map(|l| l.prefix().to_string()).collect();
    for path in feed_order(&output.paths(), &prefixes) {
        let bytes = output.read(&path)?;
        let Ok(html) = std::str::from_utf8(&bytes) else { continue };
        let html = crate::build::searched_part(html);
        if !html.contains("data-pagefind-body") {
            continue;
        }
        let dir = path.strip_suffix("index.html").unwrap_or_default();
        indexer.add(format!("/{dir}"), html.to_string())?;
    }
    for (path, bytes) in indexer.finish()? {
        output.add(path, bytes);
    }
    Ok(())
}

/// The `index.html` files among `paths`, by URL, grouped by the language whose URL prefix
/// (`""`, `/en`) they start with (the longest), the groups taken in turn.
fn feed_order(paths: &[String], prefixes: &[String]) -> Vec<String> {
    let mut prefixes: Vec<&str> = prefixes.iter().map(|p| p.trim_start_matches('/')).collect();
    // Longest first, so that `en/` is not taken for the default language's `""`.
    prefixes.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    prefixes.dedup();
    let mut groups: Vec<Vec<&String>> = vec![Vec::new(); prefixes.len() + 1];
    // By URL (`/a/` before `/a/b/`), not by file path (`a/b/index.html` before `a/index.html`).
    let mut pages: Vec<&String> = paths.iter().filter(|p| p.ends_with("index.html")).collect();
    pages.sort_by_key(|p| p.strip_suffix("index.html"));
    for path in pages {
        let lang = prefixes
            .iter()
            .position(|pre| pre.is_empty() || path.strip_prefix(*pre).is_some_and(|rest| rest.starts_with('/')));
        groups[lang.unwrap_or(prefixes.len())].push(path);
    }
    let longest = groups.iter().map(Vec::len).max().unwrap_or(0);
    let mut order = Vec::with_capacity(groups.iter().map(Vec::len).sum());
    for i in 0..longest {
        order.extend(groups.iter().filter_map(|g| g.get(i).map(|p| (*p).clone())));
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_in_turn_each_by_url() {
        let paths: Vec<String> = [
            "a/index.html",
            "b/index.html",
            "a/b/index.html",
            "en/a/index.html",
            "en/index.html",
            "index.html",
            "style.css",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut sorted = paths.clone();
        sorted.sort();
        assert_eq!(
            feed_order(&sorted, &["".to_string(), "/en".to_string()]),
            ["en/index.html", "index.html", "en/a/index.html", "a/index.html", "a/b/index.html", "b/index.html"]
        );
    }
}
