//! Pages and the loaded site.

use std::collections::BTreeMap;

use super::{Calendar, Dataset, Glossary, Lang, SiteConfig, Text};

/// What a Markdown file is to the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PageKind {
    /// `content/_index.<lang>.md`: the home page.
    Home,
    /// `content/<path>/_index.<lang>.md`: the page of a section (folder).
    Section,
    /// `content/<path>/<slug>.<lang>.md`: an ordinary page.
    Page,
}

/// Validated front matter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrontMatter {
    /// Page title (required).
    pub title: String,
    /// Publication date, in the site's time zone.
    pub date: Option<jiff::Zoned>,
    /// Summary for listings, feeds and the meta description.
    pub summary: Option<String>,
    /// Order within a section: lower first, then date (newest first).
    pub weight: Option<i64>,
    /// Left out unless `--drafts`.
    pub draft: bool,
    /// Embargo: left out before this instant unless `--future`.
    pub publish_at: Option<jiff::Zoned>,
    /// Template file overriding the default for this kind of page.
    pub template: Option<String>,
    /// A release landing page's headline figures (`key_figures:`), as written.
    pub key_figures: Vec<KeyFigureSpec>,
}

/// One entry of `key_figures:` as written: a figure of a dataset, checked against the data
/// when the page is rendered (see [`crate::keyfig`]).
#[derive(Clone, Debug, PartialEq)]
pub struct KeyFigureSpec {
    /// Dataset id.
    pub data: Placed,
    /// Series id.
    pub series: Placed,
    /// Period (the row's key).
    pub period: Placed,
    /// The label shown instead of the series label.
    pub label: Option<Text>,
}

/// A value written in front matter, with where it was written (for messages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// The value, trimmed.
    pub value: String,
    /// 1-based line in the source file.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// The source line, for the caret under it.
    pub source_line: String,
}

impl Placed {
    /// An error at this value.
    pub fn error(&self, path: &str, message: crate::msg::Said) -> crate::diag::Diagnostic {
        let mut d = crate::diag::Diagnostic::error(path, self.line, self.col, message);
        d.source_line = Some(self.source_line.clone());
        d
    }
}

/// One page in one language.
#[derive(Clone, Debug)]
pub struct Page {
    /// Source path relative to the site root: `content/releases/2022/white-paper.zh.md`.
    pub source: String,
    /// The page's language.
    pub lang: Lang,
    /// Path key shared by the translations of one page: `""` (home), `releases/2022`
    /// (a section), `releases/2022/white-paper` (a page).
    pub key: String,
    /// Home, section or page.
    pub kind: PageKind,
    /// Key of the section the page belongs to (`None` for the home page).
    pub parent: Option<String>,
    /// Front matter.
    pub front: FrontMatter,
    /// Markdown body (BOM removed, line ends normalised to `\n`).
    pub body: String,
    /// 1-based line in the source file at which `body` starts (after the front matter).
    pub body_line: usize,
    /// Site path of the page: `/releases/2022/white-paper/`, `/en/releases/2022/white-paper/`.
    pub url: String,
    /// The release year when the page is, or is inside, `content/releases/<year>/`.
    pub release: Option<i32>,
    /// Why the page would normally be left out (shown in serve mode with `--drafts --future`).
    pub unpublished: Option<Unpublished>,
    /// Made by vitrine for a folder without an `_index` file (no source file exists).
    pub generated: bool,
}

/// Why a page is not public yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unpublished {
    /// `draft: true` (on the page or its section).
    Draft,
    /// `publish_at` lies in the future (on the page or its section).
    Embargo(jiff::Zoned),
}

impl Page {
    /// The ids of the datasets the page uses: named in its body (see
    /// [`crate::markdown::datasets_named`]) or in its key figures.
    pub fn datasets_named(&self) -> std::collections::BTreeSet<String> {
        let mut ids = crate::markdown::datasets_named(&self.body);
        ids.extend(self.front.key_figures.iter().map(|k| k.data.value.clone()));
        ids
    }

    /// The date used for sorting and display: `date`, else `publish_at`.
    pub fn sort_date(&self) -> Option<&jiff::Zoned> {
        self.front.date.as_ref().or(self.front.publish_at.as_ref())
    }
}

/// The loaded and validated site: what `render` turns into files.
#[derive(Debug)]
pub struct Site {
    /// Settings from `site.yaml`.
    pub config: SiteConfig,
    /// Published pages (after draft and embargo filtering), sorted by key then language order.
    pub pages: Vec<Page>,
    /// Datasets by id.
    pub datasets: BTreeMap<String, Dataset>,
    /// Pages this build leaves out (drafts, embargoes), with `unpublished` set. Nothing of
    /// them is rendered; they are kept so that the data they use stays out too, and so that
    /// the release calendar can announce them.
    pub withheld: Vec<Page>,
    /// For each release with frozen figures that this build shows: the data its pages are
    /// rendered with (each dataset the release froze at its newest version, the others as in
    /// [`Site::datasets`]).
    pub release_data: BTreeMap<i32, BTreeMap<String, Dataset>>,
    /// The published versions of each dataset (frozen versions of releases this build shows),
    /// by dataset id, oldest first.
    pub versions: BTreeMap<String, Vec<Dataset>>,
    /// The releases announced in `calendar.yaml` (empty without the file).
    pub calendar: Calendar,
    /// The terms of `glossary.yaml` (empty without the file).
    pub glossary: Glossary,
}

impl Site {
    /// The data a page is rendered with: its release's frozen figures, else the public data.
    pub fn data_for(&self, page: &Page) -> &BTreeMap<String, Dataset> {
        page.release.and_then(|y| self.release_data.get(&y)).unwrap_or(&self.datasets)
    }

    /// The moment a release is published: its landing page's `publish_at`, else its `date`
    /// (the default language's page first), whether this build shows it or not.
    pub fn release_moment(&self, year: i32) -> Option<jiff::Zoned> {
        let key = format!("releases/{year}");
        let mut landing: Vec<&Page> =
            self.pages.iter().chain(&self.withheld).filter(|p| p.key == key && !p.generated).collect();
        let default = &self.config.default_lang().code();
        landing.sort_by_key(|p| (&p.lang != default, p.lang.clone()));
        landing.iter().find_map(|p| p.front.publish_at.clone().or_else(|| p.front.date.clone()))
    }
}
