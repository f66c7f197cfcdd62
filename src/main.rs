//! The `vitrine` binary: parse arguments, run a command, print diagnostics, choose the exit
//! code (0 success, 1 content or environment errors, 2 wrong usage).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use vitrine::build::{self, BuildOptions};
use vitrine::cli::{BuildArgs, Cli, Command};
use vitrine::diag::{Diagnostic, Failure, Severity};
use vitrine::msg::{self, Locale};

mod scaffold;
mod usage;

// Building allocates many small strings and maps on every core; mimalloc is much faster at
// that than the system allocator (measured: see the benchmark in scripts/bench.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Keeps the memory a build holds close to what it uses (issue 23): on Linux, transparent huge
/// pages are turned off for this process. With the kernel's `always` setting (Debian's default),
/// each 2 MiB region mimalloc touches is made resident and zeroed whole, so a build's peak
/// counted memory for what it never used. Measured on the 10,000-pair corpus with search: peak
/// 1.12 -> 0.90 GB, less time zeroing pages. If the call fails the build works the same.
fn tune_allocator() {
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

fn main() -> ExitCode {
    tune_allocator();
    // The message language is chosen before anything is said, usage errors included: from
    // `--lang` and `--root` as typed, `VITRINE_LANG`, the site's `site.yaml`, the locale.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let typed = usage::Typed::scan(&args);
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let site = vitrine::root::find(typed.root.as_deref(), &cwd);
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let locale = Locale::resolve(
        typed.lang.as_deref(),
        env("VITRINE_LANG").as_deref(),
        if typed.init {
            // The site to be made speaks its first language (`--languages`; clap's default,
            // `zh,en`, is Chinese first).
            let first = typed.languages.as_deref().map(|l| l.split(',').next().unwrap_or("").to_string());
            Some(first.is_none_or(|c| Locale::parse(&c) == Some(Locale::Zh)))
        } else {
            vitrine::root::site_is_chinese(&site.path)
        },
        env("LC_ALL").or_else(|| env("LC_MESSAGES")).or_else(|| env("LANG")).as_deref(),
    );
    msg::set_locale(locale);
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return usage::report(e, locale),
    };
    let root = site.path.clone();
    let quiet = cli.global.quiet;
    if site.found_above && !quiet {
        // Said where it can be seen, and not on stdout, which scripts may read.
        eprintln!("{}", msg::site_found_above(&root.display().to_string()));
    }
    let result = match cli.command {
        None => run_build(&root, &BuildArgs::default(), quiet, cli.global.verbose),
        Some(Command::Build(args)) => run_build(&root, &args, quiet, cli.global.verbose),
        Some(Command::Check(args)) => run_check(&root, args.strict, quiet),
        Some(Command::New(args)) => scaffold::run(&root, &args.what).map(|created| {
            if !quiet {
                for f in created {
                    println!("{}", msg::created(&f));
                }
            }
        }),
        Some(Command::Freeze(args)) => run_freeze(&root, i32::from(args.year), quiet),
        Some(Command::Init(args)) => run_init(&args, quiet),
        Some(Command::Serve(args)) => {
            vitrine::serve::run(&root, args.port, !args.no_search, quiet).map_err(Failure::Other)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Content(diags)) => {
            print_diagnostics(&diags);
            ExitCode::from(1)
        }
        Err(Failure::Other(e)) => {
            eprintln!("{}{e}", msg::error_label());
            for cause in e.chain().skip(1) {
                eprintln!("{}{cause}", msg::caused_by());
            }
            ExitCode::from(1)
        }
    }
}

fn run_init(args: &vitrine::cli::InitArgs, quiet: bool) -> Result<(), Failure> {
    let opts = vitrine::init::InitOptions {
        languages: args.languages.clone(),
        title: args.title.clone(),
        from_example: args.from_example,
    };
    let created = vitrine::init::run(&args.dir, &opts)?;
    if !quiet {
        for f in &created {
            println!("{}", msg::created(f));
        }
        println!("{}", msg::init_done(&args.dir.display().to_string()));
    }
    Ok(())
}

fn print_diagnostics(diags: &[Diagnostic]) {
    let diags = vitrine::diag::Diagnostics(diags.to_vec()).sorted();
    for d in &diags {
        eprintln!("{d}");
    }
    let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diags.len() - errors;
    eprintln!("{}", msg::nothing_written(&msg::errors_count(errors), &msg::warnings_count(warnings)));
}

fn run_build(root: &std::path::Path, args: &BuildArgs, quiet: bool, verbose: bool) -> Result<(), Failure> {
    let mut opts = BuildOptions::new(root);
    if let Some(out) = &args.out {
        opts.out = out.clone();
    }
    opts.drafts = args.drafts;
    opts.future = args.future;
    opts.base_url = args.base_url.clone();
    opts.render.search = !args.no_search;
    opts.cache = vitrine::cache::dir(root);
    // The first few warnings are shown, all of them with --verbose; `vitrine check` lists them
    // all too. Only those shown are kept: a big site may have hundreds of thousands.
    const SHOWN: usize = 5;
    opts.warnings_kept = (!verbose).then_some(SHOWN);
    let spinner = (!quiet && std::io::stderr().is_terminal()).then(|| {
        let s = indicatif::ProgressBar::new_spinner();
        s.set_message(msg::building().to_string());
        s.enable_steady_tick(std::time::Duration::from_millis(100));
        s
    });
    let result = build::build(&opts);
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    let report = result?;
    for d in &report.warnings {
        eprintln!("{d}");
    }
    if !quiet && report.warnings_total > 0 {
        let more = report.warnings_total - report.warnings.len();
        if more > 0 {
            eprintln!("{}", msg::warnings_not_shown(report.warnings_total, more));
        } else {
            eprintln!("{}", msg::warnings_total(report.warnings_total));
        }
    }
    if !quiet {
        println!("{}", site_line(root));
        let mb = format!("{:.1}", report.bytes as f64 / 1e6);
        let ms = report.elapsed.as_millis() as u64;
        println!("{}", msg::built(report.pages, report.files, &mb, &opts.out.display().to_string(), ms));
    }
    if let Some((at, key)) = &report.next_embargo
        && !quiet
    {
        let key = if key.is_empty() { "/" } else { key };
        println!("{}", msg::next_embargo(key, &at.strftime("%Y-%m-%d %H:%M %:z").to_string()));
    }
    if verbose {
        for (stage, took) in &report.stages {
            println!("  {stage:<7} {:>6} ms", took.as_millis());
        }
    }
    Ok(())
}

/// "site: 湖北省知识产权保护状况 (/path/to/site)": which site was built, by its title in the
/// message language and its folder.
fn site_line(root: &std::path::Path) -> String {
    let folder = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let title = vitrine::load::config(root, None).ok().map(|c| {
        let chinese = msg::locale() == Locale::Zh;
        let lang = c.languages.iter().find(|l| l.is_chinese() == chinese).unwrap_or(c.default_lang());
        lang.pick(&c.title).to_string()
    });
    msg::site_line(&title.unwrap_or_default(), &folder.display().to_string()).to_string()
}

fn run_freeze(root: &std::path::Path, year: i32, quiet: bool) -> Result<(), Failure> {
    use vitrine::freeze::Outcome;
    let report = vitrine::freeze::run(root, year)?;
    if quiet {
        return Ok(());
    }
    let mut wrote = false;
    for (id, outcome) in &report.datasets {
        match outcome {
            Outcome::Written { path, version, left_out } => {
                wrote = true;
                println!("{}", msg::froze(id, *version, path));
                if !left_out.is_empty() {
                    println!("{}", msg::froze_left_out(year, &msg::List::of(left_out)));
                }
            }
            Outcome::Unchanged { version } => println!("{}", msg::froze_unchanged(id, *version)),
        }
    }
    if report.datasets.is_empty() {
        println!("{}", msg::froze_nothing(year));
    } else if wrote {
        println!("{}", msg::froze_commit());
    }
    Ok(())
}

fn run_check(root: &std::path::Path, strict: bool, quiet: bool) -> Result<(), Failure> {
    let opts = BuildOptions::new(root);
    let report = vitrine::check::run(&opts)?;
    let warnings: Vec<Diagnostic> = report.warnings;
    if !quiet {
        for line in &report.schedule {
            println!("{line}");
        }
    }
    if strict && !warnings.is_empty() {
        // --strict: every warning is an error.
        let errors = warnings.into_iter().map(|d| Diagnostic { severity: Severity::Error, ..d }).collect();
        return Err(Failure::Content(errors));
    }
    for d in &warnings {
        eprintln!("{d}");
    }
    if !quiet {
        println!("{}", msg::check_passed(report.pages, report.datasets, warnings.len()));
    }
    Ok(())
}
