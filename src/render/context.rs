//! The values templates see. Every field is always present (null when empty), so templates
//! can test it without Tera's "undefined variable" error.

use serde::Serialize;

use crate::markdown::TocEntry;
use crate::model::{Lang, Site};

/// `site` in templates.
#[derive(Serialize, Clone)]
pub struct SiteCtx {
    pub title: String,
    pub description: String,
    pub publisher: String,
    pub base_url: String,
    /// `base_url`'s scheme and host (`https://example.org`), which root-relative links (already
    /// under `base_url`'s path) follow when printed as addresses.
    pub origin: String,
    pub license: String,
    pub license_url: String,
    pub languages: Vec<LangCtx>,
    pub default_lang: String,
    pub has_data: bool,
    /// The glossary page of this language, when the site has a glossary.
    pub glossary_url: Option<String>,
    /// The search page of this language (`/search/`, `/en/search/`), when search is built.
    pub search_url: Option<String>,
    /// The absolute URL of the image shown when a page is shared (the theme's `og-image.png`,
    /// or the site's own), if there is one.
    pub og_image: Option<String>,
    /// How many top-level pages and sections the main navigation shows.
    pub nav_entries: usize,
    /// The filing numbers shown in the footer (`filing:` in site.yaml), if any.
    pub filing: Option<FilingCtx>,
}

/// `site.filing`: the ICP number (linked to the MIIT's filing site) and the public security
/// filing number (plain text), each in the page's language.
#[derive(Serialize, Clone)]
pub struct FilingCtx {
    pub icp: Option<String>,
    pub icp_url: &'static str,
    pub police: Option<String>,
}

/// A language, with the URL of its home page.
#[derive(Serialize, Clone)]
pub struct LangCtx {
    pub code: String,
    pub name: String,
    pub tag: String,
    pub home: String,
    /// The Open Graph locale, `language_TERRITORY`: `zh_CN`, `en_US`.
    pub og_locale: String,
}

impl LangCtx {
    /// The context of a language.
    pub fn of(l: &Lang) -> LangCtx {
        LangCtx {
            code: l.code().to_string(),
            name: l.name().to_string(),
            tag: l.tag().to_string(),
            home: l.url(""),
            og_locale: super::pages::og_locale(l.tag()),
        }
    }
}

/// A page as a link in a listing.
#[derive(Serialize, Clone)]
pub struct PageRef {
    pub title: String,
    pub url: String,
    pub permalink: String,
    pub summary: Option<String>,
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub kind: &'static str,
    pub release: Option<i32>,
}

/// `page` in templates: the page being rendered.
#[derive(Serialize, Clone)]
pub struct PageCtx {
    #[serde(flatten)]
    pub link: PageRef,
    pub content: String,
    pub toc: Vec<TocEntry>,
    pub key: String,
    pub lang: String,
    /// "draft" or "embargo" (serve mode), else null.
    pub unpublished: Option<String>,
    /// When an embargoed page goes live, for the serve-mode banner.
    pub publish_at: Option<String>,
    pub description: String,
}

impl PageCtx {
    /// The context of a page the build makes (404, search, data, calendar pages): every field
    /// a Markdown page's context has, so that templates can rely on them all.
    pub fn generated(site: &Site, lang: &Lang, title: String, url: String, description: String) -> PageCtx {
        PageCtx {
            link: PageRef {
                title,
                permalink: site.config.absolute(&url),
                url,
                summary: None,
                date: None,
                date_iso: None,
                kind: "generated",
                release: None,
            },
            content: String::new(),
            toc: Vec::new(),
            key: String::new(),
            lang: lang.code().to_string(),
            unpublished: None,
            publish_at: None,
            description,
        }
    }
}

/// One entry of the language switcher and of the hreflang alternates.
#[derive(Serialize, Clone)]
pub struct Alternate {
    pub code: String,
    pub name: String,
    pub tag: String,
    pub url: String,
    pub permalink: String,
    pub current: bool,
    /// Whether this is the same page in that language (not a fallback to a section).
    pub translated: bool,
}

impl Alternate {
    /// The entry of language `l` at site path `url`, seen from a page in `current`.
    pub fn new(site: &Site, l: &Lang, current: &Lang, url: String, translated: bool) -> Alternate {
        Alternate {
            code: l.code().to_string(),
            name: l.name().to_string(),
            tag: l.tag().to_string(),
            permalink: site.config.absolute(&url),
            url,
            current: l == current,
            translated,
        }
    }
}

/// A link with a title (breadcrumbs, navigation).
#[derive(Serialize, Clone)]
pub struct Link {
    pub title: String,
    pub url: String,
    pub active: bool,
}

/// A chart shown as an image in a listing (home, release landing).
#[derive(Serialize, Clone)]
pub struct ChartRef {
    pub title: String,
    pub src: String,
    pub page_url: String,
    pub page_title: String,
}

/// A dataset as a link.
#[derive(Serialize, Clone)]
pub struct DatasetRef {
    pub id: String,
    pub title: String,
    pub url: String,
    pub description: Option<String>,
    pub updated: Option<String>,
}

/// A release with its pages, for the archive and the home page.
#[derive(Serialize, Clone)]
pub struct ReleaseCtx {
    #[serde(flatten)]
    pub link: PageRef,
    pub year: i32,
    pub content: String,
    pub pages: Vec<PageRef>,
    pub charts: Vec<ChartRef>,
    pub datasets: Vec<DatasetRef>,
    /// How to cite the release (GB/T 7714 or APA), with its `cite.*` files.
    pub citation: super::citations::CiteCtx,
    /// The key figures of the release's `_index` front matter, for tiles.
    pub key_figures: Vec<crate::keyfig::KeyFigure>,
    /// The release's one-page summary in this language (`/releases/<year>/summary/`).
    pub summary_url: String,
}
