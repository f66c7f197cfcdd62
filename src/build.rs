//! The build, stage by stage: load, render, write. Thin glue over the library's modules,
//! shared by the `build`, `serve` and `check` commands.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::diag::{Diagnostics, Failure, Result};
use crate::load::{self, LoadOptions, StaticFile};
use crate::model::Site;
use crate::model::Theme;
use crate::output::Output;
use crate::render::{self, RenderOptions};

/// What to build and how.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The site folder (with `site.yaml`).
    pub root: PathBuf,
    /// Where to write; `<root>/public` by default.
    pub out: PathBuf,
    /// Include drafts.
    pub drafts: bool,
    /// Include embargoed pages.
    pub future: bool,
    /// Override `base_url` of site.yaml.
    pub base_url: Option<String>,
    /// The instant embargoes are judged against.
    pub now: jiff::Timestamp,
    /// Render options (minify, injected script).
    pub render: RenderOptions,
    /// How many of its warnings a build's [`Report`] keeps, the first in order (`None`: all);
    /// every warning is counted.
    pub warnings_kept: Option<usize>,
    /// The cache folder for repeat builds (see [`crate::cache`]); `None` (the default): none.
    pub cache: Option<PathBuf>,
}

impl BuildOptions {
    /// Defaults for a site folder: output in `<root>/public`, minified, embargoes judged now.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        BuildOptions {
            out: root.join("public"),
            root,
            drafts: false,
            future: false,
            base_url: None,
            now: now(),
            render: RenderOptions { minify: true, inject: None, search: true, pages: None },
            warnings_kept: None,
            cache: None,
        }
    }
}

/// The instant embargoes are judged against: the clock, or `VITRINE_NOW` (an RFC 3339
/// timestamp such as `2025-04-26T10:00:00+08:00`) when it is set, so that tests and an office
/// rehearsing a release can see the site as it will be at a given moment. The only place
/// vitrine reads the clock for publishing decisions.
pub fn now() -> jiff::Timestamp {
    std::env::var("VITRINE_NOW").ok().and_then(|s| s.trim().parse().ok()).unwrap_or_else(jiff::Timestamp::now)
}

/// Today's date in the site's time zone, by [`now`].
pub fn now_date(config: &crate::model::SiteConfig) -> jiff::civil::Date {
    now().to_zoned(config.timezone.clone()).date()
}

/// The loaded site and what goes with it.
pub struct Loaded {
    /// Pages and datasets.
    pub site: Site,
    /// The theme.
    pub theme: Theme,
    /// Files copied as they are (from `static/` and `content/`).
    pub statics: Vec<StaticFile>,
    /// What deserves the author's attention but does not stop the build.
    pub warnings: Vec<crate::diag::Diagnostic>,
}

/// Loads and validates everything; all content problems are reported together: every stage
/// reports into one [`Diagnostics`], and a stage that fails does not stop the others.
pub fn load(opts: &BuildOptions) -> Result<Loaded> {
    let (config, config_warnings) = load::config_checked(&opts.root, opts.base_url.as_deref())?;
    let lopts = LoadOptions { drafts: opts.drafts, future: opts.future, now: opts.now };
    let load::Scanned { pages: files, statics, diags: scan_diags } = load::scan(&opts.root)?;
    let (pages, ((datasets, frozen), theme)) = rayon::join(
        || load::pages(&files, &config, &lopts),
        || {
            rayon::join(
                || {
                    rayon::join(
                        || load::datasets_partial(&opts.root, &config),
                        || load::frozen::versions(&opts.root, &config),
                    )
                },
                || load::theme(&opts.root, &config.theme),
            )
        },
    );
    let mut diags = Diagnostics::default();
    diags.extend(scan_diags);
    let (datasets, dataset_diags) = datasets?;
    let failed_datasets = dataset_diags.iter().any(|d| d.severity == crate::diag::Severity::Error);
    let (errors, mut warnings): (Vec<_>, Vec<_>) =
        dataset_diags.into_iter().partition(|d| d.severity == crate::diag::Severity::Error);
    diags.extend(errors);
    warnings.extend(config_warnings);
    let pages = diags.take(pages)?;
    let theme = diags.take(theme)?;
    if let Some(theme) = &theme {
        warnings.extend(theme_stand_ins(&config, theme));
    }
    // The calendar is checked against the release folders' `_index` pages, when they loaded.
    let all_pages: Vec<&crate::model::Page> =
        pages.iter().flat_map(|p| p.published.iter().chain(&p.withheld)).collect();
    let calendar = diags.take(load::calendar(&opts.root, &config, &all_pages))?;
    drop(all_pages);
    let frozen = diags.take(frozen)?;
    let glossary = diags.take(load::glossary(&opts.root, &config))?.unwrap_or_default();
    match (pages, theme, frozen, calendar) {
        (Some(pages), Some(theme), Some(frozen), Some(calendar)) if diags.is_empty() => {
            let mut site = Site {
                config,
                pages: pages.published,
                withheld: pages.withheld,
                datasets: datasets.into_iter().map(|d| (d.id.clone(), d)).collect(),
                release_data: Default::default(),
                versions: Default::default(),
                calendar,
                glossary,
            };
            warnings.extend(crate::quality::warnings(site.datasets.values()));
            warnings.extend(crate::publication::resolve(&mut site, frozen)?);
            Ok(Loaded { site, theme, statics, warnings })
        }
        (pages, theme, _, calendar) => {
            // Something failed to load. Check the pages' Markdown (figures, charts) against
            // the datasets that did load, so that one run reports the problems of every stage.
            if let (Some(pages), Some(theme)) = (pages, theme) {
                let failed_ids: Vec<String> = if failed_datasets {
                    diags
                        .0
                        .iter()
                        .filter_map(|d| {
                            d.path.strip_prefix("data/").and_then(|p| p.rsplit_once('.')).map(|(id, _)| id.to_string())
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                let site = Site {
                    config,
                    pages: pages.published.into_iter().chain(pages.withheld).collect(),
                    withheld: Vec::new(),
                    datasets: datasets.into_iter().map(|d| (d.id.clone(), d)).collect(),
                    release_data: Default::default(),
                    versions: Default::default(),
                    calendar: calendar.unwrap_or_default(),
                    glossary,
                };
                if let Err(Failure::Content(more)) = render::markdown(&site, &theme) {
                    // A dataset that failed to load is already reported; its uses are not news.
                    let about_failed = |d: &crate::diag::Diagnostic| {
                        failed_ids.iter().any(|id| d.message.contains(&format!("unknown dataset `{id}`")))
                    };
                    diags.extend(more.into_iter().filter(|d| !about_failed(d)));
                }
            }
            Err(Failure::Content(diags.sorted()))
        }
    }
}

/// Languages whose UI strings the theme lacks: one warning each, at the language's line in
/// site.yaml (not one per page).
fn theme_stand_ins(config: &crate::model::SiteConfig, theme: &Theme) -> Vec<crate::diag::Diagnostic> {
    let each = config.languages.iter().filter_map(|l| {
        let stand_in = theme.strings_stand_in(l)?;
        Some(
            crate::diag::Diagnostic::warning(
                "site.yaml",
                l.line(),
                1,
                crate::msg::theme_lacks_strings(l.code(), stand_in),
            )
            .with_hint(crate::msg::theme_lacks_strings_hint(&config.theme, l.code(), stand_in)),
        )
    });
    each.collect()
}

/// Renders a loaded site into files (nothing is written).
pub fn render(loaded: &Loaded, opts: &BuildOptions) -> Result<Output> {
    let rendered = render::markdown(&loaded.site, &loaded.theme)?;
    render_with(loaded, &rendered, opts)
}

/// Renders a loaded site whose Markdown is already rendered into files: pages, data, static
/// files and the search index.
pub fn render_with(loaded: &Loaded, rendered: &[render::PageOut<'_>], opts: &BuildOptions) -> Result<Output> {
    let mut output = render_pages(loaded, rendered, opts)?;
    if opts.render.search {
        add_search_index(&mut output, &loaded.site.config, opts.cache.as_deref())?;
    }
    Ok(output)
}

/// Everything [`render_with`] does but the search index.
fn render_pages(loaded: &Loaded, rendered: &[render::PageOut<'_>], opts: &BuildOptions) -> Result<Output> {
    let mut output = Output::default();
    render_pages_into(loaded, rendered, opts, &mut output)?;
    Ok(output)
}

/// [`render_pages`] into `output`, which may be staged (each file written as it is made).
fn render_pages_into(
    loaded: &Loaded,
    rendered: &[render::PageOut<'_>],
    opts: &BuildOptions,
    output: &mut Output,
) -> Result<()> {
    render::site_into(&loaded.site, &loaded.theme, rendered, &opts.render, output)?;
    let mut clashes = Vec::new();
    for f in &loaded.statics {
        // A copied file must not replace one the build made (a page, a data file, the index);
        // it may replace a theme's file (a site's own `favicon.svg`, `og-image.png`).
        let made_here = (output.contains(&f.out) && !loaded.theme.files.contains_key(&f.out))
            || f.out.starts_with(&format!("{}/", crate::search::BUNDLE_DIR));
        if made_here {
            let rel = load::relative(&opts.root, &f.path);
            clashes.push(
                crate::diag::Diagnostic::error(&rel, 0, 0, crate::msg::static_replaces(&rel, &f.out))
                    .with_hint(crate::msg::static_replaces_hint()),
            );
            continue;
        }
        let bytes = std::fs::read(&f.path).map_err(|e| {
            anyhow::anyhow!(crate::msg::cannot_read_because(&f.path.display().to_string(), &e.to_string()))
        })?;
        output.add(f.out.clone(), bytes);
    }
    if !clashes.is_empty() {
        return Err(Failure::Content(clashes));
    }
    // Which paths other sites may not frame: all but the embed pages (see `render::embed`).
    if !output.contains(render::HEADERS_FILE) {
        output.add(render::HEADERS_FILE, render::headers_file(&output.paths(), &loaded.site.config.languages));
    }
    Ok(())
}

/// Pages longer than this are indexed for search by their first part only: Pagefind's parsing
/// time grows faster than linearly with a page's length (a 50 MB page would take minutes).
const SEARCH_PAGE_BYTES: usize = 1 << 20;

/// Indexes the rendered HTML pages for search and adds the Pagefind bundle to the output.
///
/// Pages are indexed by their site paths (`/en/about/`): under a base URL with a path,
/// Pagefind's script puts the path of the bundle's folder in front of them itself.
fn add_search_index(output: &mut Output, config: &crate::model::SiteConfig, cache: Option<&Path>) -> Result<()> {
    if output.is_staged() {
        return crate::search_feed::add_index(output, config, cache);
    }
    let owned: Vec<(String, &str)> = output
        .files
        .iter()
        .filter_map(|(path, bytes)| {
            let dir = path.strip_suffix("index.html")?;
            let html = std::str::from_utf8(bytes).ok()?;
            let html = searched_part(html);
            html.contains("data-pagefind-body").then(|| (format!("/{dir}"), html))
        })
        .collect();
    let pages: Vec<crate::search::SearchPage<'_>> =
        owned.iter().map(|(url, html)| crate::search::SearchPage { url, html }).collect();
    let bundle = crate::search::index(&pages)?;
    for (path, bytes) in bundle {
        output.add(path, bytes);
    }
    Ok(())
}

/// The part of a page that is indexed: all of it, or for a page over [`SEARCH_PAGE_BYTES`]
/// the part before the last tag that starts within them (a `<` is ASCII, so the cut is on a
/// character boundary; the parser closes what is left open).
pub(crate) fn searched_part(html: &str) -> &str {
    if html.len() <= SEARCH_PAGE_BYTES {
        return html;
    }
    let cut = html.as_bytes()[..SEARCH_PAGE_BYTES].iter().rposition(|&b| b == b'<').unwrap_or(0);
    &html[..cut]
}

/// What a build did.
#[derive(Debug)]
pub struct Report {
    /// Pages rendered (all languages).
    pub pages: usize,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: usize,
    /// Wall time of the whole build.
    pub elapsed: std::time::Duration,
    /// Wall time of each stage, in order (for `--verbose`).
    pub stages: Vec<(&'static str, std::time::Duration)>,
    /// The next embargo to lift: when, and what (the page's path key), if any.
    pub next_embargo: Option<(jiff::Zoned, String)>,
    /// Warnings of the build (figures that may be public too early, unlogged changes): all
    /// of them, or the first [`BuildOptions::warnings_kept`].
    pub warnings: Vec<crate::diag::Diagnostic>,
    /// How many warnings the build found (exact duplicates once).
    pub warnings_total: usize,
}

/// The earliest embargo among the pages a build withholds.
pub fn next_embargo(site: &Site) -> Option<(jiff::Zoned, String)> {
    site.withheld
        .iter()
        .filter_map(|p| match &p.unpublished {
            Some(crate::model::Unpublished::Embargo(at)) => Some((at.clone(), p.key.clone())),
            _ => None,
        })
        .min_by(|a, b| (a.0.timestamp(), &a.1).cmp(&(b.0.timestamp(), &b.1)))
}

/// Loads, renders and writes the site; on any error the previous output stays untouched.
pub fn build(opts: &BuildOptions) -> Result<Report> {
    let start = Instant::now();
    check_out_dir(&opts.root, &opts.out)?;
    let loaded = load(opts)?;
    let t_load = start.elapsed();
    // Each file goes to the staging folder as soon as it is made, and each page's rendered
    // Markdown to a scratch file beside them until its page is rendered: memory holds the
    // site's sources and what listings need of each page, not its output.
    let mut output = Output::staged(&opts.out)?;
    let rendered = render::markdown_aside(&loaded.site, &loaded.theme, output.scratch().as_deref())?;
    // With a cache folder: the pages finished in the last build, reused where unchanged.
    let mut with_cache;
    let opts = match &opts.cache {
        Some(cache) => {
            with_cache = opts.clone();
            with_cache.render.pages = Some(std::sync::Arc::new(crate::cache::Pages::open(cache, &opts.out)));
            &with_cache
        }
        None => opts,
    };
    render_pages_into(&loaded, &rendered, opts, &mut output)?;
    // The same warnings `check` reports (links and anchors are checked in the built pages,
    // read back from the staging folder one at a time).
    // The loader's warnings (figures that may be public too early) first.
    // They are counted as they are found; only those the report keeps are kept.
    let mut tally = crate::diag::Tally::new(opts.warnings_kept);
    crate::check::warnings_into(&loaded, &rendered, &output, &mut |d| tally.add(d));
    let (found_total, found) = tally.finish();
    let warnings_total = loaded.warnings.len() + found_total;
    let mut warnings = loaded.warnings.clone();
    warnings.extend(found);
    warnings.truncate(opts.warnings_kept.unwrap_or(usize::MAX));
    drop(rendered);
    let t_render = start.elapsed();
    if opts.render.search {
        add_search_index(&mut output, &loaded.site.config, opts.cache.as_deref())?;
    }
    let t_search = start.elapsed();
    let (files, bytes) = (output.len(), output.size());
    output.commit(&opts.out)?;
    if let Some(pages) = &opts.render.pages {
        pages.save();
    }
    let elapsed = start.elapsed();
    Ok(Report {
        pages: loaded.site.pages.len(),
        files,
        bytes,
        elapsed,
        next_embargo: next_embargo(&loaded.site),
        warnings,
        warnings_total,
        stages: vec![
            ("load", t_load),
            ("render", t_render - t_load),
            ("search", t_search - t_render),
            ("write", elapsed - t_search),
        ],
    })
}

/// Refuses output folders that would replace the site's own sources, a file, or a folder of
/// other things: the output folder is replaced whole, so it must be new, empty, or a site.
fn check_out_dir(root: &Path, out: &Path) -> Result<()> {
    if out.exists() && !out.is_dir() {
        return Err(anyhow::anyhow!(crate::msg::out_is_file(&out.display().to_string())).into());
    }
    let has_entries = std::fs::read_dir(out).is_ok_and(|mut entries| entries.next().is_some());
    if has_entries && !out.join("index.html").is_file() {
        return Err(anyhow::anyhow!(crate::msg::out_not_a_site(&out.display().to_string())).into());
    }
    let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let (root_c, out_c) = (canon(root), canon(out));
    let dangerous = out_c == root_c
        || root_c.starts_with(&out_c)
        || crate::model::layout::SOURCE_FOLDERS.iter().chain(&["src"]).any(|d| out_c == root_c.join(d));
    if dangerous {
        return Err(anyhow::anyhow!(crate::msg::out_is_sources(&out.display().to_string())).into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_pages_are_cut_at_a_tag_not_inside_a_character() {
        // 900,000 bytes of Chinese, a tag, then more: byte 1 MiB falls inside a character.
        let html = format!("<p>{}</p><p>x{}</p>", "融".repeat(300_000), "融".repeat(100_000));
        assert!(!html.is_char_boundary(SEARCH_PAGE_BYTES));
        let part = searched_part(&html);
        assert_eq!(part.len(), 3 + 900_000 + 4, "cut before the second `<p>`");
        assert!(part.ends_with("</p>"));
        assert_eq!(searched_part("<p>short</p>"), "<p>short</p>");
        assert_eq!(searched_part(&"融".repeat(SEARCH_PAGE_BYTES)), "", "no tag at all: nothing to index");
    }
}
