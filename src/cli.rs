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
    #[arg(long, value_name = "URL")]
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
        year: u16,
    },
    /// A page: content/<path>.<lang>.md in every language.
    Page {
        /// Path under content/, e.g. releases/2026/white-paper.
        path: String,
    },
    /// A dataset: data/<id>.yaml.
    Dataset {
        /// Dataset id (lowercase letters, digits, hyphens).
        id: String,
    },
}
