//! Site search: the Pagefind index, built by `vitrine build` itself.
//!
//! [`index`] hands every rendered HTML page to the [Pagefind](https://pagefind.app) library
//! and returns the files of its search bundle (`pagefind/…`), to be written beside the pages.
//! Pagefind builds one index per language, taken from each page's `<html lang>`; Chinese text is
//! segmented into words (the `extended` feature), so 质押融资 finds 知识产权质押融资. Only the
//! content inside an element marked `data-pagefind-body` (the theme puts it on `<main>` of every
//! page but the search pages and 404) is indexed; pages without it are left out, and `<nav>`,
//! `<footer>`, `<form>` and `<svg>` inside it are skipped. A result's title is the page's first
//! `<h1>`.
//!
//! In the browser, `themes/default/static/search.js` loads `/pagefind/pagefind.js` (Pagefind's
//! low-level JS API, which picks the index for the search page's own `<html lang>`), searches
//! for `?q=` and replaces the search page's plain list of links with the results: those of
//! Pagefind's results whose text holds every word typed, as typed. Without
//! JavaScript the list stays. The bundle runs WebAssembly, so a Content-Security-Policy must
//! allow `script-src 'self' 'wasm-unsafe-eval'`; everything is loaded from the site's own host.
//!
//! Pagefind's library API is async (tokio); [`index`] runs it on a private current-thread
//! runtime, on a thread of its own when called from inside another runtime (`vitrine serve`
//! builds inside `spawn_blocking`, where starting a runtime would panic).

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Context, Result, bail};
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use sha2::Digest;

/// Files to write: path relative to the output root, bytes.
type Bundle = Vec<(String, Vec<u8>)>;

/// The folder, relative to the output root, that holds the search bundle.
pub const BUNDLE_DIR: &str = crate::model::layout::SEARCH_BUNDLE;

/// Files of Pagefind's own ready-made user interfaces, which vitrine does not use (its search
/// page uses the low-level API through `search.js`); left out of the output.
const UNUSED_FILES: &[&str] = &[
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
];

/// One HTML page to index.
#[derive(Debug, Clone, Copy)]
pub struct SearchPage<'a> {
    /// The page's URL path as readers see it, e.g. `/en/releases/2022/white-paper/`; search
    /// results link to it unchanged.
    pub url: &'a str,
    /// The full rendered page, with `<html lang="…">`; only the part inside an element marked
    /// `data-pagefind-body` is indexed.
    pub html: &'a str,
}

/// Builds the Pagefind index for all pages (one index per language, as Pagefind does from
/// `<html lang>`) and returns the files to write, as (path relative to the output root,
/// bytes), sorted by path, e.g. `("pagefind/pagefind.js", …)`.
///
/// The output depends only on the pages (in any order) and the Pagefind version: the same
/// input gives byte-identical files. An empty `pages` gives an empty list. Two pages with the
/// same URL, or a URL that does not start with `/`, are an error.
pub fn index(pages: &[SearchPage<'_>]) -> Result<Vec<(String, Vec<u8>)>> {
    if pages.is_empty() {
        return Ok(Vec::new());
    }
    // Pagefind numbers pages in the order they are added, so add them in a fixed order.
    let mut sorted: Vec<&SearchPage<'_>> = pages.iter().collect();
    sorted.sort_by_key(|p| p.url);
    let mut seen = BTreeSet::new();
    for page in &sorted {
        if !page.url.starts_with('/') {
            bail!("search: page URL `{}` does not start with `/`", page.url);
        }
        if !seen.insert(page.url) {
            bail!("search: two pages have the URL `{}`", page.url);
        }
    }
    let mut indexer = Indexer::default();
    for page in sorted {
        indexer.add(page.url.to_string(), page.html.to_string())?;
    }
    indexer.finish()
}

/// Builds the index from pages handed over one at a time, so that they need not all be in
/// memory at once (the build reads them back from its staging folder): each language's pages
/// go, as they come, to a thread of its own that indexes them (Pagefind builds each index on
/// one core, so the languages use every core). Pagefind numbers pages in the order they are
/// added: the same pages added in the same order give byte-identical files.
#[derive(Default)]
pub struct Indexer {
    /// Per language (`<html lang>`): the channel to its thread, and the thread.
    langs: BTreeMap<String, Feed>,
    /// Every URL added, whatever its language.
    urls: BTreeSet<String>,
    /// The folder of the search records kept from the last build ([`Indexer::with_cache`]).
    cache: Option<std::path::PathBuf>,
}

struct Feed {
    pages: std::sync::mpsc::SyncSender<(String, String)>,
    thread: std::thread::JoinHandle<Result<Bundle>>,
}

/// Pages waiting for each language's thread: a few, so that reading and indexing overlap.
const QUEUED_PAGES: usize = 16;

impl Indexer {
    /// An indexer that reuses the search records of the last build kept in `cache` (see
    /// [`crate::cache`]), and keeps this build's there for the next.
    ///
    /// Parsing a page is most of the cost of indexing it. Each language's records are one file,
    /// `<cache>/search/<lang>.records`, in the order pages are added (by URL): a page whose URL
    /// and HTML (by its SHA-256) are those of a record is added from the record, without being
    /// parsed again; the index is the same byte for byte. The file is read along with the pages,
    /// so it is never all in memory, and this build's is written beside it and put in its place
    /// when the index is done. A missing, damaged or foreign file (another vitrine binary) is
    /// ignored, and a cache that cannot be written is left alone: the build never fails for it.
    pub fn with_cache(cache: Option<std::path::PathBuf>) -> Self {
        Indexer { cache: cache.map(|c| c.join("search")), ..Indexer::default() }
    }

    /// Adds one page: its URL path as readers see it (`/en/about/`) and its full HTML.
    ///
    /// A page without `data-pagefind-body` is kept out of the index (Pagefind would leave it out
    /// too). Of the others only what Pagefind reads is handed on: the element marked
    /// `data-pagefind-body`, in a shell with the page's `<html lang>` (the `<head>`, navigation
    /// and footer around it, which Pagefind would parse and then ignore, are dropped; the index
    /// is the same byte for byte).
    pub fn add(&mut self, url: String, html: String) -> Result<()> {
        if !url.starts_with('/') {
            bail!("search: page URL `{url}` does not start with `/`");
        }
        if !self.urls.insert(url.clone()) {
            bail!("search: two pages have the URL `{url}`");
        }
        if !html.contains("data-pagefind-body") {
            return Ok(());
        }
        let lang = html_lang(&html).to_string();
        let html = match body_part(&html) {
            Some(body) if lang.is_empty() => format!("<html><body>{body}</body></html>"),
            Some(body) => format!("<html lang=\"{lang}\"><body>{body}</body></html>"),
            None => html,
        };
        if !self.langs.contains_key(&lang) {
            let (tx, rx) = std::sync::mpsc::sync_channel::<(String, String)>(QUEUED_PAGES);
            let records = self.cache.as_ref().map(|dir| Records::open(dir, &lang));
            let thread = std::thread::Builder::new()
                .name("vitrine-search".into())
                .spawn(move || run(rx, records))
                .context("search: cannot start an indexing thread")?;
            self.langs.insert(lang.clone(), Feed { pages: tx, thread });
        }
        let Some(feed) = self.langs.get(&lang) else { unreachable!("inserted above") };
        if feed.pages.send((url, html)).is_err() {
            // The thread stopped: its error says why.
            let feed = self.langs.remove(&lang).expect("present");
            drop(feed.pages);
            join(feed.thread)?;
            bail!("search: the indexing of `{lang}` pages stopped");
        }
        Ok(())
    }

    /// Waits for every language's index and returns the files of the search bundle, as
    /// (path relative to the output root, bytes), sorted by path.
    pub fn finish(self) -> Result<Bundle> {
        let threads: Vec<_> = self
            .langs
            .into_values()
            .map(|f| {
                drop(f.pages);
                f.thread
            })
            .collect();
        let bundles: Vec<Bundle> = threads.into_iter().map(join).collect::<Result<_>>()?;
        merge(bundles)
    }
}

fn join(thread: std::thread::JoinHandle<Result<Bundle>>) -> Result<Bundle> {
    thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// The element marked `data-pagefind-body`, when it is the page's one `<main>` (as in the
/// default theme); `None` otherwise (the page is then handed to Pagefind whole).
fn body_part(html: &str) -> Option<&str> {
    let start = html.find("<main")?;
    if html[start + 5..].contains("<main") {
        return None;
    }
    let tag_end = start + html[start..].find('>')?;
    if !html[start..tag_end].contains("data-pagefind-body") {
        return None;
    }
    let end = html.rfind("</main>")? + "</main>".len();
    (end > tag_end).then(|| &html[start..end])
}

/// The `lang` attribute of a page's `<html>` element (`""` if it has none), which is how
/// Pagefind tells the languages apart.
fn html_lang(html: &str) -> &str {
    let Some(start) = html.find("<html") else {
        return "";
    };
    let tag = &html[start..];
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    let Some(at) = tag.find(" lang=") else {
        return "";
    };
    let value = &tag[at + 6..];
    match value.strip_prefix(['"', '\'']) {
        Some(quoted) => &quoted[..quoted.find(['"', '\'']).unwrap_or(quoted.len())],
        None => &value[..value.find([' ', '/', '>']).unwrap_or(value.len())],
    }
}

/// One bundle from the bundles of each language: their files together (the shared ones,
/// such as `pagefind.js`, are the same in each), and one `pagefind-entry.json` listing every
/// language's index.
fn merge(bundles: Vec<Bundle>) -> Result<Bundle> {
    let entry_path = format!("{BUNDLE_DIR}/pagefind-entry.json");
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut entry: Option<serde_json::Value> = None;
    for (path, bytes) in bundles.into_iter().flatten() {
        if path == entry_path {
            let this: serde_json::Value =
                serde_json::from_slice(&bytes).context("search: unreadable Pagefind entry")?;
            match entry.as_mut().and_then(|e| e["languages"].as_object_mut()) {
                None => entry = Some(this),
                Some(languages) => {
                    if let Some(more) = this["languages"].as_object() {
                        languages.extend(more.iter().map(|(k, v)| (k.clone(), v.clone())));
                    }
                }
            }
            continue;
        }
        if let Some(earlier) = files.get(&path)
            && *earlier != bytes
        {
            bail!("search: two languages' indexes disagree on `{path}`");
        }
        files.insert(path, bytes);
    }
    if let Some(mut entry) = entry {
        // Languages in a fixed order, whatever order the threads finished in.
        if let Some(languages) = entry["languages"].as_object_mut() {
            let mut sorted: Vec<(String, serde_json::Value)> = std::mem::take(languages).into_iter().collect();
            sorted.sort_by(|a, b| a.0.cmp(&b.0));
            languages.extend(sorted);
        }
        files.insert(entry_path, serde_json::to_vec(&entry).context("search: cannot write the Pagefind entry")?);
    }
    Ok(files.into_iter().collect())
}

/// Runs the async indexing of one language on a fresh current-thread runtime, page by page
/// as they arrive, until the channel closes.
fn run(pages: std::sync::mpsc::Receiver<(String, String)>, records: Option<Records>) -> Result<Vec<(String, Vec<u8>)>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .context("search: cannot start the runtime for Pagefind")?;
    runtime.block_on(build(pages, records))
}

async fn build(
    pages: std::sync::mpsc::Receiver<(String, String)>,
    mut records: Option<Records>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let options = PagefindServiceConfig::builder().keep_index_url(false).write_playground(false).build();
    let mut index = PagefindIndex::new(Some(options)).context("search: cannot set up Pagefind")?;
    for (url, html) in pages {
        let Some(records) = records.as_mut() else {
            index
                .add_html_file(None, Some(url.clone()), html)
                .await
                .with_context(|| format!("search: cannot index `{url}`"))?;
            continue;
        };
        let key: [u8; 32] = sha2::Sha256::digest(html.as_bytes()).into();
        let record = match records.take(&url, &key) {
            Some(record) => match index.add_page_record(record.clone()).await {
                Ok(()) => Ok(record),
                // A record that does not read back: parsed again (nothing was added).
                Err(_) => index.add_html_file_recorded(url.clone(), html).await,
            }
            .with_context(|| format!("search: cannot index `{url}`"))?,
            None => index
                .add_html_file_recorded(url.clone(), html)
                .await
                .with_context(|| format!("search: cannot index `{url}`"))?,
        };
        records.keep(&url, &key, &record);
    }
    if let Some(records) = records {
        records.finish();
    }
    let files = index.get_files().await.context("search: Pagefind could not build the index")?;
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let rel = file.filename.to_str().with_context(|| format!("search: odd file name {:?}", file.filename))?;
        let rel = rel.replace('\\', "/");
        if UNUSED_FILES.contains(&rel.as_str()) {
            continue;
        }
        out.push((format!("{BUNDLE_DIR}/{rel}"), file.contents));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    if let Some(w) = out.windows(2).find(|w| w[0].0 == w[1].0) {
        bail!("search: Pagefind produced `{}` twice", w[0].0);
    }
    Ok(out)
}

/// One language's search records: last build's, read along with the pages, and this build's,
/// written to a new file that replaces the old one when the index is done (see
/// [`Indexer::with_cache`]). Any trouble with the files turns the cache off, never the build.
struct Records {
    /// Last build's records, positioned at the next one, with that one read ahead.
    old: Option<std::io::BufReader<std::fs::File>>,
    ahead: Option<(String, [u8; 32], Vec<u8>)>,
    /// This build's, and where they go.
    new: Option<(std::io::BufWriter<std::fs::File>, std::path::PathBuf, std::path::PathBuf)>,
}

/// The first line of a records file: the format and the vitrine binary that wrote it.
fn records_stamp() -> Vec<u8> {
    crate::cache::stamp("search-records-2")
}

impl Records {
    fn open(dir: &std::path::Path, lang: &str) -> Records {
        let name: String = lang.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
        let path = dir.join(format!("{}.records", if name.is_empty() { "unknown" } else { &name }));
        let stamp = records_stamp();
        let old = std::fs::File::open(&path).ok().map(std::io::BufReader::new).and_then(|mut r| {
            let mut first = vec![0; stamp.len()];
            (std::io::Read::read_exact(&mut r, &mut first).is_ok() && first == stamp).then_some(r)
        });
        let tmp =
            dir.join(format!("{}.{}.tmp", path.file_name().unwrap_or_default().to_string_lossy(), std::process::id()));
        let new = std::fs::create_dir_all(dir).ok().and_then(|()| std::fs::File::create(&tmp).ok()).and_then(|f| {
            let mut w = std::io::BufWriter::new(f);
            std::io::Write::write_all(&mut w, &stamp).ok().map(|()| (w, tmp, path))
        });
        let mut records = Records { old, ahead: None, new };
        records.advance();
        records
    }

    /// Reads the next of last build's records into `ahead` (none at the end or on damage).
    fn advance(&mut self) {
        self.ahead = self.old.as_mut().and_then(read_record);
        if self.ahead.is_none() {
            self.old = None;
        }
    }

    /// Last build's record of the page at `url` if its HTML had the hash `key`. Records of URLs
    /// before `url` (pages gone since) are passed over.
    fn take(&mut self, url: &str, key: &[u8; 32]) -> Option<Vec<u8>> {
        while let Some((u, _, _)) = &self.ahead {
            match u.as_str().cmp(url) {
                std::cmp::Ordering::Less => self.advance(),
                std::cmp::Ordering::Equal => {
                    let (_, k, record) = self.ahead.take().expect("present");
                    self.advance();
                    return (k == *key).then_some(record);
                }
                std::cmp::Ordering::Greater => return None,
            }
        }
        None
    }

    /// Writes this build's record of a page.
    fn keep(&mut self, url: &str, key: &[u8; 32], record: &[u8]) {
        if let Some((w, _, _)) = &mut self.new {
            let mut head = Vec::with_capacity(url.len() + 48);
            head.extend_from_slice(&(url.len() as u32).to_le_bytes());
            head.extend_from_slice(url.as_bytes());
            head.extend_from_slice(key);
            head.extend_from_slice(&record_check(record));
            head.extend_from_slice(&(record.len() as u32).to_le_bytes());
            let ok = std::io::Write::write_all(w, &head).and_then(|()| std::io::Write::write_all(w, record));
            if ok.is_err() {
                self.drop_new();
            }
        }
    }

    /// Puts this build's records in place of last build's.
    fn finish(mut self) {
        if let Some((w, tmp, path)) = self.new.take() {
            let done = w.into_inner().map_err(|e| e.into_error()).and_then(|f| f.sync_all());
            if done.is_err() || std::fs::rename(&tmp, &path).is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
        }
    }

    fn drop_new(&mut self) {
        if let Some((_, tmp, _)) = self.new.take() {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

impl Drop for Records {
    /// A build that stops before the index is done leaves last build's records as they were.
    fn drop(&mut self) {
        self.drop_new();
    }
}

/// A check of a record's bytes (the first 8 bytes of their SHA-256), so that a record damaged on
/// disk is not added: its bytes could still read as a record, of other words.
fn record_check(record: &[u8]) -> [u8; 8] {
    let digest = sha2::Sha256::digest(record);
    let mut check = [0u8; 8];
    check.copy_from_slice(&digest[..8]);
    check
}

/// One record of a records file: URL, hash of the page's HTML, the record; `None` at the end of
/// the file, where it is cut short, or at a record that fails its check.
fn read_record(r: &mut std::io::BufReader<std::fs::File>) -> Option<(String, [u8; 32], Vec<u8>)> {
    use std::io::Read;
    let mut len = [0u8; 4];
    r.read_exact(&mut len).ok()?;
    let mut url = vec![0; u32::from_le_bytes(len) as usize];
    r.read_exact(&mut url).ok()?;
    let mut key = [0u8; 32];
    r.read_exact(&mut key).ok()?;
    let mut check = [0u8; 8];
    r.read_exact(&mut check).ok()?;
    r.read_exact(&mut len).ok()?;
    let n = u32::from_le_bytes(len) as usize;
    // A length no record has: the file is damaged.
    if n > 1 << 28 {
        return None;
    }
    let mut record = vec![0; n];
    r.read_exact(&mut record).ok()?;
    if record_check(&record) != check {
        return None;
    }
    Some((String::from_utf8(url).ok()?, key, record))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lang: &str, h1: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><head><title>{h1}</title></head><body>\
             <nav>navigation text</nav><main data-pagefind-body><h1>{h1}</h1><p>{body}</p></main>\
             <footer>footer text</footer></body></html>"
        )
    }

    fn sample() -> Vec<(String, String)> {
        vec![
            ("/".into(), "<html lang=\"zh-Hans\"><body><main><h1>首页</h1></main></body></html>".into()),
            ("/pledge/".into(), page("zh-Hans", "知识产权质押融资", "全省知识产权质押融资金额达到50.26亿元。")),
            ("/patents/".into(), page("zh-Hans", "专利授权", "全省专利授权15.5万件，其中发明专利2.24万件。")),
            ("/en/pledge/".into(), page("en", "IP pledge financing", "IP pledge financing reached 5.03 billion yuan.")),
            ("/en/patents/".into(), page("en", "Patents granted", "155,000 patents were granted in 2021.")),
        ]
    }

    fn run_sample(reverse: bool) -> Vec<(String, Vec<u8>)> {
        let owned = sample();
        let mut pages: Vec<SearchPage<'_>> = owned.iter().map(|(u, h)| SearchPage { url: u, html: h }).collect();
        if reverse {
            pages.reverse();
        }
        index(&pages).unwrap()
    }

    #[test]
    fn one_index_per_language_sorted_and_without_unused_files() {
        let files = run_sample(false);
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert!(paths.is_sorted(), "{paths:?}");
        assert!(paths.contains(&"pagefind/pagefind.js"));
        assert!(paths.contains(&"pagefind/pagefind-worker.js"));
        assert!(paths.contains(&"pagefind/wasm.en.pagefind"));
        assert!(paths.contains(&"pagefind/wasm.unknown.pagefind"));
        assert!(!paths.iter().any(|p| p.contains("-ui.")), "{paths:?}");
        let entry = &files.iter().find(|(p, _)| p == "pagefind/pagefind-entry.json").unwrap().1;
        let entry: serde_json::Value = serde_json::from_slice(entry).unwrap();
        let langs = entry["languages"].as_object().unwrap();
        assert_eq!(langs.keys().collect::<Vec<_>>(), ["en", "zh-hans"]);
        // The home page has no data-pagefind-body, so each language has its two pages.
        assert_eq!(langs["zh-hans"]["page_count"], 2);
        assert_eq!(langs["en"]["page_count"], 2);
    }

    #[test]
    fn deterministic_whatever_the_order() {
        assert_eq!(run_sample(false), run_sample(true));
    }

    #[test]
    fn works_inside_a_runtime() {
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let files = rt.block_on(async { run_sample(false) });
        assert_eq!(files, run_sample(false));
    }

    #[test]
    fn only_the_indexed_part_is_kept_and_the_index_is_the_same() {
        let full = page("en", "IP pledge financing", "IP pledge financing reached 5.03 billion yuan.");
        assert_eq!(
            body_part(&full),
            Some(
                "<main data-pagefind-body><h1>IP pledge financing</h1><p>IP pledge financing reached 5.03 billion yuan.</p></main>"
            )
        );
        // Not the theme's one <main>: the page is kept whole.
        assert_eq!(body_part("<html><body><article data-pagefind-body>x</article></body></html>"), None);
        assert_eq!(body_part("<main data-pagefind-body>a</main><main>b</main>"), None);
        assert_eq!(body_part("<title>data-pagefind-body</title><main>x</main>"), None);
        // The trimmed pages give the same bundle as the whole pages.
        let trimmed = run_sample(false);
        let whole = {
            let mut by_url = BTreeMap::new();
            for (url, html) in sample() {
                if html.contains("data-pagefind-body") {
                    by_url.entry(html_lang(&html).to_string()).or_insert_with(BTreeMap::new).insert(url, html);
                }
            }
            let feed = |group: BTreeMap<String, String>| {
                let (tx, rx) = std::sync::mpsc::sync_channel(group.len().max(1));
                for page in group {
                    tx.send(page).unwrap();
                }
                drop(tx);
                run(rx, None).unwrap()
            };
            merge(by_url.into_values().map(feed).collect()).unwrap()
        };
        assert_eq!(trimmed, whole);
    }

    #[test]
    fn records_are_read_back_in_order_by_url_and_hash() {
        let dir = tempfile::tempdir().unwrap();
        let key = |s: &str| -> [u8; 32] { sha2::Sha256::digest(s.as_bytes()).into() };
        let mut r = Records::open(dir.path(), "zh-Hans");
        assert!(r.take("/a/", &key("a")).is_none(), "nothing kept yet");
        for (url, html, rec) in [("/a/", "a", b"ra".as_slice()), ("/b/", "b", b"rb"), ("/c/", "c", b"rc")] {
            r.keep(url, &key(html), rec);
        }
        r.finish();
        assert!(dir.path().join("zh-Hans.records").is_file());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");

        let mut r = Records::open(dir.path(), "zh-Hans");
        assert_eq!(r.take("/a/", &key("a")).as_deref(), Some(b"ra".as_slice()));
        // /b/ changed: not reused; /bb/ is new; /c/ is found after both.
        assert!(r.take("/b/", &key("b2")).is_none());
        assert!(r.take("/bb/", &key("x")).is_none());
        assert_eq!(r.take("/c/", &key("c")).as_deref(), Some(b"rc".as_slice()));
        assert!(r.take("/d/", &key("d")).is_none());
        // Dropped before the index is done: last build's records stay.
        drop(r);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let mut r = Records::open(dir.path(), "zh-Hans");
        assert_eq!(r.take("/c/", &key("c")).as_deref(), Some(b"rc".as_slice()), "records before it passed over");
    }

    #[test]
    fn empty_and_bad_input() {
        assert!(index(&[]).unwrap().is_empty());
        let html = page("en", "A", "b");
        let dup = [SearchPage { url: "/a/", html: &html }, SearchPage { url: "/a/", html: &html }];
        assert!(index(&dup).is_err());
        assert!(index(&[SearchPage { url: "a/", html: &html }]).is_err());
    }
}
