//! Command-line arguments as the user typed them (clap types only).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// vitrine: bilingual static sites for public transparency reports.
#[derive(Parser, Debug)]
#[command(name = "vitrine", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do (default: build).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options shared by every command.
    #[command(flatten)]
    pub global: Global,
}

/// Options every command takes, before or after its own arguments.
#[derive(Args, Debug, Clone)]
pub struct Global {
    /// The site folder (with site.yaml); default: the current folder.
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Print only errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Print more about what is done.
    #[arg(long, short, global = true, conflicts_with = "quiet")]
    pub verbose: bool,
    /// The language of messages: zh or en (default: `VITRINE_LANG`, else the site's first
    /// language, else the locale).
    #[arg(long, global = true, value_name = "zh|en", value_parser = ["zh", "en"])]
    pub lang: Option<String>,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site into public/.
    Build(BuildArgs),
    /// Build, serve on 127.0.0.1, rebuild and reload on change.
    Serve(ServeArgs),
    /// Validate everything without writing.
    Check(CheckArgs),
    /// Scaffold a release, a page or a dataset in every language.
    New(NewArgs),
    /// Record the figures a release published (data/frozen/<year>/), or a correction to them.
    Freeze(FreezeArgs),
    /// Create a new site in DIR (new or empty): builds and passes `check --strict` at once.
    Init(InitArgs),
}

/// `vitrine init`.
#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to create the site in (new or empty); default: the current folder.
    #[arg(default_value = ".")]
    pub dir: std::path::PathBuf,
    /// The site's languages, the default first.
    #[arg(long, value_delimiter = ',', default_value = "zh,en", value_parser = language_code)]
    pub languages: Vec<String>,
    /// The site's title.
    #[arg(long)]
    pub title: Option<String>,
    /// Start from the bundled example site instead of the minimal one.
    #[arg(long)]
    pub from_example: bool,
}

/// A language code as site.yaml takes it: lowercase letters, digits and hyphens.
fn language_code(s: &str) -> Result<String, String> {
    let ok = s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok { Ok(s.to_string()) } else { Err(crate::msg::usage_language_codes_hint().to_string()) }
}

/// `vitrine freeze`.
#[derive(Args, Debug)]
pub struct FreezeArgs {
    /// The release year: content/releases/<year>/.
    #[arg(value_parser = clap::value_parser!(u16).range(1900..=2999))]
    pub year: u16,
}

/// `vitrine build`.
#[derive(Args, Debug, Default)]
pub struct BuildArgs {
    /// Output folder; default: <root>/public.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Include pages whose `publish_at` is in the future.
    #[arg(long)]
    pub future: bool,
    /// Override base_url of site.yaml.
    #[arg(long, value_name = "URL", value_parser = absolute_url)]
    pub base_url: Option<String>,
    /// Leave out the search page and index (faster builds of very large sites).
    #[arg(long)]
    pub no_search: bool,
}

/// `vitrine serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Port on 127.0.0.1.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Leave out the search page and index (faster previews of very large sites).
    #[arg(long)]
    pub no_search: bool,
}

/// `vitrine check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Treat warnings as errors (for CI).
    #[arg(long)]
    pub strict: bool,
}

/// `vitrine new`.
#[derive(Args, Debug)]
pub struct NewArgs {
    /// What to create.
    #[command(subcommand)]
    pub what: NewWhat,
}

/// What `vitrine new` creates.
#[derive(Subcommand, Debug)]
pub enum NewWhat {
    /// A release: content/releases/<year>/_index.<lang>.md in every language.
    Release {
        /// The release year.
        #[arg(value_parser = clap::value_parser!(u16).range(1900..=2999))]
        year: u16,
    },
    /// A page: content/<path>.<lang>.md in every language.
    Page {
        /// Path under content/, e.g. releases/2026/white-paper.
        #[arg(value_parser = page_path)]
        path: String,
    },
    /// A dataset: data/<id>.yaml.
    Dataset {
        /// Dataset id (lowercase letters, digits, hyphens).
        #[arg(value_parser = dataset_id)]
        id: String,
    },
}

/// `--base-url`: an absolute http(s) URL.
fn absolute_url(s: &str) -> Result<String, String> {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') && !s.contains(char::is_whitespace) => {
            Ok(s.to_string())
        }
        _ => Err(crate::msg::usage_url_hint().to_string()),
    }
}

/// `new page <PATH>`: folders and a name that can stand in a URL, inside `content/`.
fn page_path(s: &str) -> Result<String, String> {
    let path = s.trim_matches('/').trim_end_matches(".md");
    let ok = !path.is_empty()
        && !s.starts_with('/')
        && path.split('/').all(|part| crate::load::url_safe(part) && !part.starts_with('.') && !part.contains('.'));
    if ok { Ok(path.to_string()) } else { Err(crate::msg::usage_page_path_hint().to_string()) }
}

/// `new dataset <ID>`: a usable dataset id.
fn dataset_id(s: &str) -> Result<String, String> {
    if crate::load::is_safe_id(s) { Ok(s.to_string()) } else { Err(crate::msg::usage_dataset_id_hint().to_string()) }
}
