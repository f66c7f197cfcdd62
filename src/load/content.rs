//! `content/` -> pages: file names to languages, keys and URLs; drafts and embargoes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{LoadOptions, frontmatter, read_text};
use crate::diag::{Diagnostic, Failure, Result};
use crate::model::{Lang, Page, PageKind, SiteConfig, page::Unpublished};

/// A Markdown file found under `content/`.
#[derive(Clone, Debug)]
pub struct ContentFile {
    /// Absolute path.
    pub path: PathBuf,
    /// Path relative to the site root: `content/about.zh.md`.
    pub rel: String,
}

/// A non-Markdown file under `content/` or `static/`, copied to the output as it is.
#[derive(Clone, Debug)]
pub struct StaticFile {
    /// Absolute path.
    pub path: PathBuf,
    /// Output path relative to the output folder: `releases/2022/photo.jpg`.
    pub out: String,
}

/// What [`scan`] found.
#[derive(Debug, Default)]
pub struct Scanned {
    /// The Markdown pages.
    pub pages: Vec<ContentFile>,
    /// Files copied as they are.
    pub statics: Vec<StaticFile>,
    /// Files that cannot be used as they are named (`.MD`, `.markdown`): reported with the
    /// other problems of the site, not instead of them.
    pub diags: Vec<Diagnostic>,
}

/// Lists the Markdown files and the other files of `content/` and `static/`, sorted.
/// Hidden files and editors' temporary files are skipped; symlinks are not followed.
pub fn scan(root: &Path) -> Result<Scanned> {
    let mut md = Vec::new();
    let mut other = Vec::new();
    let mut bad = Vec::new();
    for (dir, is_content) in [("content", true), ("static", false)] {
        let base = root.join(dir);
        if !base.is_dir() {
            continue;
        }
        let walker = walkdir::WalkDir::new(&base)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
        for entry in walker {
            let entry = entry
                .map_err(|e| anyhow::anyhow!(msg::cannot_read_because(&base.display().to_string(), &e.to_string())))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path().to_path_buf();
            let rel = super::relative(root, &path);
            if is_content && rel.ends_with(".md") {
                md.push(ContentFile { path, rel });
            } else if is_content && looks_like_markdown(&rel) {
                // Copied as it is, the source would be published: an embargoed text with it.
                bad.push(Diagnostic::error(&rel, 0, 0, msg::page_not_md()).with_hint(msg::page_not_md_hint()));
            } else {
                let out = super::relative(&base, &path);
                other.push(StaticFile { path, out });
            }
        }
    }
    Ok(Scanned { pages: md, statics: other, diags: bad })
}

/// A Markdown file by another spelling of the extension: `.MD`, `.Md`, `.markdown`, `.mdown`.
fn looks_like_markdown(rel: &str) -> bool {
    let ext = rel.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
    matches!(ext.as_str(), "md" | "markdown" | "mdown" | "mkd" | "mkdn")
}

fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.starts_with('#')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

/// Where a content file sits in the site, from its path alone.
#[derive(Debug, PartialEq, Eq)]
struct Placement {
    lang: Lang,
    key: String,
    kind: PageKind,
    parent: Option<String>,
}

/// `content/releases/2022/white-paper.zh.md` -> (zh, `releases/2022/white-paper`, Page).
fn place(rel: &str, config: &SiteConfig) -> Result<Placement, Diagnostic> {
    let inner = rel.strip_prefix("content/").unwrap_or(rel);
    let stem = inner.strip_suffix(".md").unwrap_or(inner);
    let (dir, file) = stem.rsplit_once('/').unwrap_or(("", stem));
    let (name, lang) = match file.rsplit_once('.') {
        Some((name, code)) if let Some(l) = config.language(code) => (name, l.clone()),
        Some((_, code)) if looks_like_lang(code) => {
            let codes = List(config.languages.iter().map(|l| format!("`{l}`")).collect());
            return Err(Diagnostic::error(rel, 0, 0, msg::page_language_unknown(code))
                .with_hint(msg::page_language_unknown_hint(&codes)));
        }
        _ => (file, config.default_lang().clone()),
    };
    // The first folder must not be one whose URLs the build makes itself.
    let top = dir.split('/').next().filter(|t| !t.is_empty()).unwrap_or(if name == "_index" { "" } else { name });
    if RESERVED_TOP.contains(&top) {
        return Err(Diagnostic::error(rel, 0, 0, msg::page_takes_site_folder(top))
            .with_hint(msg::page_takes_site_folder_hint(top)));
    }
    // The release calendar's pages, which the build makes from `calendar.yaml` and the releases.
    let path = if name == "_index" { dir.to_string() } else { format!("{dir}/{name}") };
    if path == CALENDAR || path.starts_with(&format!("{CALENDAR}/")) {
        return Err(Diagnostic::error(rel, 0, 0, msg::page_takes_calendar(&path, CALENDAR))
            .with_hint(msg::page_takes_calendar_hint(CALENDAR)));
    }
    if config.languages.iter().skip(1).any(|l| *l == top) {
        return Err(Diagnostic::error(rel, 0, 0, msg::page_in_language_folder(top))
            .with_hint(msg::page_in_language_folder_hint(top)));
    }
    // Every folder on the way is part of the URL too.
    for part in dir.split('/').filter(|_| !dir.is_empty()).chain([name]) {
        if !url_safe(part) {
            return Err(Diagnostic::error(rel, 0, 0, msg::not_url_part(part)).with_hint(msg::not_url_part_hint()));
        }
    }
    if name == "_index" {
        if dir.is_empty() {
            return Ok(Placement { lang, key: String::new(), kind: PageKind::Home, parent: None });
        }
        let parent = dir.rsplit_once('/').map_or("", |(p, _)| p).to_string();
        return Ok(Placement { lang, key: dir.to_string(), kind: PageKind::Section, parent: Some(parent) });
    }
    let key = if dir.is_empty() { name.to_string() } else { format!("{dir}/{name}") };
    Ok(Placement { lang, key, kind: PageKind::Page, parent: Some(dir.to_string()) })
}

/// A folder or file name that can stand in a URL path as it is: not empty, not `.` or `..`,
/// no white space, control characters, or characters with a meaning in URLs and HTML.
pub fn url_safe(part: &str) -> bool {
    !part.is_empty()
        && part != "."
        && part != ".."
        && !part.contains(['?', '#', '%', '"', '<', '>', '\\', '\'', '`', '^', '{', '}', '|', '[', ']'])
        && !part.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// First path segments whose URLs the build makes itself (data catalogue and dataset pages,
/// charts, search page and index).
use crate::model::layout::GENERATED_FOLDERS as RESERVED_TOP;
use crate::msg::{self, List};

/// The key of the release calendar's pages (`/releases/calendar/`), made by the build.
const CALENDAR: &str = "releases/calendar";

fn looks_like_lang(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The release year of a key inside `releases/<year>`.
fn release_of(key: &str) -> Option<i32> {
    let rest = key.strip_prefix("releases/")?;
    let year = rest.split('/').next()?;
    (year.len() == 4).then(|| year.parse().ok()).flatten()
}

/// The pages of a site: those this build publishes, and those it leaves out.
#[derive(Debug, Default)]
pub struct LoadedPages {
    /// Published under the build's options (drafts and embargoes applied), sorted.
    pub published: Vec<Page>,
    /// Drafts and embargoed pages this build leaves out, with `unpublished` set: what they
    /// are and which data they use must still be known, so that none of it leaks.
    pub withheld: Vec<Page>,
}

/// Loads every page, separates those that are published under `opts` from those withheld,
/// and checks that no two files make the same URL. All problems are reported together.
pub fn pages(files: &[ContentFile], config: &SiteConfig, opts: &LoadOptions) -> Result<LoadedPages> {
    let results: Vec<Result<Page>> = files.par_iter().map(|f| load_page(f, config, Some(opts.now))).collect();
    let mut diags = Vec::new();
    let mut pages = Vec::new();
    for r in results {
        match r {
            Ok(p) => pages.push(p),
            Err(Failure::Content(d)) => diags.extend(d),
            Err(other) => return Err(other),
        }
    }
    let lang_order = |lang: &Lang| config.languages.iter().position(|l| l == lang).unwrap_or(usize::MAX);
    pages.sort_by(|a, b| (&a.key, lang_order(&a.lang), &a.source).cmp(&(&b.key, lang_order(&b.lang), &b.source)));

    // Two files for one URL.
    let mut seen: BTreeMap<(&str, &Lang), &str> = BTreeMap::new();
    for p in &pages {
        if let Some(first) = seen.insert((&p.key, &p.lang), &p.source) {
            diags.push(
                Diagnostic::error(&p.source, 0, 0, msg::two_files_one_page(first, &p.source, &p.url))
                    .with_hint(msg::two_files_one_page_hint()),
            );
        }
    }
    if !diags.is_empty() {
        return Err(Failure::Content(diags));
    }
    mark_unpublished(&mut pages, config, opts);
    let (mut published, withheld): (Vec<Page>, Vec<Page>) = pages.into_iter().partition(|p| match &p.unpublished {
        None => true,
        Some(Unpublished::Draft) => opts.drafts,
        Some(Unpublished::Embargo(_)) => opts.future,
    });
    add_missing_sections(&mut published, config);
    published.sort_by(|a, b| (&a.key, lang_order(&a.lang), &a.source).cmp(&(&b.key, lang_order(&b.lang), &b.source)));
    Ok(LoadedPages { published, withheld })
}

/// Every folder that holds published pages gets a section page, and every language with pages
/// a home page, even without an `_index` file, so that listings, breadcrumbs and the language
/// switch always have somewhere to go.
fn add_missing_sections(pages: &mut Vec<Page>, config: &SiteConfig) {
    let existing: std::collections::BTreeSet<(String, Lang)> =
        pages.iter().map(|p| (p.key.clone(), p.lang.clone())).collect();
    // Every language has a home page, even a site with no content yet.
    let mut wanted: std::collections::BTreeSet<(String, Lang)> =
        config.languages.iter().map(|l| (String::new(), l.clone())).collect();
    for p in pages.iter() {
        let mut parent = p.parent.clone();
        while let Some(key) = parent {
            wanted.insert((key.clone(), p.lang.clone()));
            parent = if key.is_empty() { None } else { Some(key.rsplit_once('/').map_or("", |(a, _)| a).to_string()) };
        }
    }
    for (key, lang) in wanted {
        if existing.contains(&(key.clone(), lang.clone())) {
            continue;
        }
        let (kind, parent, title) = if key.is_empty() {
            (PageKind::Home, None, config.title.get(&lang).to_string())
        } else {
            let (parent, last) = key.rsplit_once('/').unwrap_or(("", key.as_str()));
            (PageKind::Section, Some(parent.to_string()), last.to_string())
        };
        let url = lang.url(&key);
        let source = if key.is_empty() {
            format!("content/_index.{lang}.md")
        } else {
            format!("content/{key}/_index.{lang}.md")
        };
        pages.push(Page {
            source,
            lang,
            release: release_of(&key),
            key,
            kind,
            parent,
            front: crate::model::FrontMatter { title, ..Default::default() },
            body: String::new(),
            body_line: 1,
            url,
            unpublished: None,
            generated: true,
        });
    }
}

/// Loads one page file again (for `serve`'s incremental rebuilds); `unpublished` is left unset.
pub fn page(file: &ContentFile, config: &SiteConfig) -> Result<Page> {
    load_page(file, config, None)
}

/// Loads one page; with `now`, a draft whose `publish_at` has passed is an error.
fn load_page(file: &ContentFile, config: &SiteConfig, now: Option<jiff::Timestamp>) -> Result<Page> {
    let place = place(&file.rel, config)?;
    let text = read_text(&file.path, &file.rel)?;
    // A NUL in the front matter is the YAML reader's to report, with its position there; one
    // elsewhere (the body, or a file that is not text at all) is reported here.
    let split = frontmatter::split(&text, &file.rel).map_err(|e| nul_error(&text, &file.rel).map_or(e, Into::into))?;
    let front = frontmatter::parse(&split, &text, &file.rel, &config.timezone)?;
    if let Some(d) = nul_error(&text, &file.rel) {
        return Err(d.into());
    }
    // A draft whose embargo has passed was meant to be public: one of the two is a mistake,
    // and the page is missing from the site until someone notices.
    if let (true, Some(at), Some(now)) = (front.draft, &front.publish_at, now)
        && at.timestamp() <= now
    {
        let line = text.lines().position(|l| l.trim_start().starts_with("draft:")).map_or(1, |i| i + 1);
        return Err(Diagnostic::error(
            &file.rel,
            line,
            1,
            msg::draft_past_publish_at(&at.strftime("%Y-%m-%d %H:%M %:z").to_string()),
        )
        .with_hint(msg::draft_past_publish_at_hint())
        .with_source(&text)
        .into());
    }
    let url = place.lang.url(&place.key);
    Ok(Page {
        source: file.rel.clone(),
        release: release_of(&place.key),
        lang: place.lang,
        key: place.key,
        kind: place.kind,
        parent: place.parent,
        front,
        body: split.body.to_string(),
        body_line: split.body_line,
        url,
        unpublished: None,
        generated: false,
    })
}

/// An error at the first NUL character of a page's text, if it has one: Markdown would
/// build it silently into a page that shows nothing there (or, for a file that is not text,
/// a page of garbage).
fn nul_error(text: &str, rel: &str) -> Option<Diagnostic> {
    let at = text.find('\0')?;
    let (line, col) = crate::diag::LineIndex::new(text).position(at);
    let mut d = Diagnostic::error(rel, line, col, msg::nul_in_text()).with_hint(msg::nul_in_page_hint());
    d.source_line = text.lines().nth(line - 1).map(|l| l.replace('\0', "␀"));
    Some(d)
}

/// Sets `unpublished` on drafts and embargoed pages, and on every page inside a section
/// whose `_index` page is a draft or embargoed (in the same language).
fn mark_unpublished(pages: &mut [Page], config: &SiteConfig, opts: &LoadOptions) {
    let now = opts.now;
    let own = |p: &Page| -> Option<Unpublished> {
        if p.front.draft {
            return Some(Unpublished::Draft);
        }
        match &p.front.publish_at {
            Some(at) if at.timestamp() > now => Some(Unpublished::Embargo(at.clone())),
            _ => None,
        }
    };
    let sections: BTreeMap<(String, Lang), Option<Unpublished>> =
        pages.iter().filter(|p| p.kind != PageKind::Page).map(|p| ((p.key.clone(), p.lang.clone()), own(p))).collect();
    let _ = config;
    for p in pages.iter_mut() {
        let mut status = own(p);
        let mut parent = p.parent.clone();
        while status.is_none() {
            let Some(key) = parent else { break };
            if let Some(Some(s)) = sections.get(&(key.clone(), p.lang.clone())) {
                status = Some(s.clone());
            }
            parent = if key.is_empty() { None } else { Some(key.rsplit_once('/').map_or("", |(a, _)| a).to_string()) };
        }
        p.unpublished = status;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, Text};

    fn config() -> SiteConfig {
        let lang = |c: &str| Lang::new(c, c, c, "zh");
        SiteConfig {
            title: Text::default(),
            description: Text::default(),
            base_url: "https://example.org".into(),
            languages: vec![lang("zh"), lang("en")],
            publisher: Text::default(),
            license: "CC-BY-4.0".into(),
            timezone: jiff::tz::TimeZone::UTC,
            timezone_name: "UTC".into(),
            theme: "default".into(),
            filing: Default::default(),
        }
    }

    #[test]
    fn places_files() {
        let c = config();
        let p = place("content/releases/2022/white-paper.en.md", &c).unwrap();
        assert_eq!((p.lang.code(), p.key.as_str(), p.kind), ("en", "releases/2022/white-paper", PageKind::Page));
        assert_eq!(p.parent.as_deref(), Some("releases/2022"));
        let p = place("content/about.md", &c).unwrap();
        assert_eq!((p.lang.code(), p.key.as_str()), ("zh", "about"));
        let p = place("content/_index.en.md", &c).unwrap();
        assert_eq!(p.kind, PageKind::Home);
        let p = place("content/releases/_index.zh.md", &c).unwrap();
        assert_eq!((p.kind, p.parent.as_deref()), (PageKind::Section, Some("")));
        assert!(place("content/about.fr.md", &c).unwrap_err().message.contains("`fr`"));
        assert_eq!(place("content/v1.2.md", &c).unwrap().key, "v1.2");
        assert_eq!(release_of("releases/2022/white-paper"), Some(2022));
        assert_eq!(release_of("releases"), None);
        let e = place("content/my notes/a.zh.md", &c).unwrap_err();
        assert!(e.message.contains("`my notes`"), "{}", e.message);
        assert!(place("content/a#b/c.md", &c).is_err());
        assert_eq!(place("content/新闻/通稿.en.md", &c).unwrap().key, "新闻/通稿");
        for reserved in
            ["content/releases/calendar/_index.md", "content/releases/calendar.en.md", "content/releases/calendar/x.md"]
        {
            assert!(place(reserved, &c).unwrap_err().message.contains("release calendar"), "{reserved}");
        }
        assert!(place("content/releases/calendars.md", &c).is_ok());
    }

    proptest::proptest! {
        /// Any Unicode path is either refused with a message or placed at a key that is
        /// stable and can stand in a URL: non-empty segments, none `.` or `..`, nothing
        /// a URL or an HTML attribute would read differently.
        #[test]
        fn any_path_gives_a_clean_stable_key_or_a_message(
            segments in proptest::collection::vec("\\PC{0,12}", 1..4),
            lang in proptest::sample::select(vec!["", ".zh", ".en", ".fr"]),
        ) {
            let rel = format!("content/{}{lang}.md", segments.join("/"));
            let c = config();
            match place(&rel, &c) {
                Ok(p) => {
                    proptest::prop_assert_eq!(&place(&rel, &c).unwrap(), &p);
                    for part in p.key.split('/').filter(|_| !p.key.is_empty()) {
                        proptest::prop_assert!(url_safe(part), "{:?} from {:?}", p.key, rel);
                    }
                    proptest::prop_assert!(c.language(p.lang.code()).is_some());
                }
                Err(d) => proptest::prop_assert!(!d.message.is_empty() && d.hint.is_some(), "{:?}", d.message),
            }
        }

        /// Distinct names in one folder make distinct keys (the same name in two languages
        /// makes one key, as it must: the two are one page's translations).
        #[test]
        fn distinct_names_make_distinct_keys(a in "[\\p{L}\\p{N}-]{1,10}", b in "[\\p{L}\\p{N}-]{1,10}") {
            let c = config();
            let ka = place(&format!("content/s/{a}.zh.md"), &c).map(|p| p.key);
            let kb = place(&format!("content/s/{b}.en.md"), &c).map(|p| p.key);
            if let (Ok(ka), Ok(kb)) = (ka, kb) {
                proptest::prop_assert_eq!(ka == kb, a == b);
            }
        }
    }
}
