//! The `vitrine` binary: parse arguments, run a command, print diagnostics, choose the exit
//! code (0 success, 1 content or environment errors, 2 wrong usage).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use vitrine::build::{self, BuildOptions};
use vitrine::cli::{BuildArgs, Cli, Command};
use vitrine::diag::{Diagnostic, Failure, Severity};

mod scaffold;

// Building allocates many small strings and maps on every core; mimalloc is much faster at
// that than the system allocator (measured: see the benchmark in scripts/bench.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = cli.global.root.clone().unwrap_or_else(|| PathBuf::from("."));
    let quiet = cli.global.quiet;
    let result = match cli.command {
        None => run_build(&root, &BuildArgs::default(), quiet, cli.global.verbose),
        Some(Command::Build(args)) => run_build(&root, &args, quiet, cli.global.verbose),
        Some(Command::Check(args)) => run_check(&root, args.strict, quiet),
        Some(Command::New(args)) => scaffold::run(&root, &args.what).map(|created| {
            if !quiet {
                for f in created {
                    println!("created {f}");
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
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
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
        let zh = args.languages.first().is_some_and(|c| c.starts_with("zh"));
        for f in &created {
            println!("{} {f}", if zh { "已创建" } else { "created" });
        }
        let dir = args.dir.display();
        if zh {
            println!("新网站已创建在 `{dir}`。预览：vitrine serve --root {dir}；检查：vitrine check --root {dir}");
        } else {
            println!(
                "The new site is in `{dir}`. Preview: vitrine serve --root {dir}; check: vitrine check --root {dir}"
            );
        }
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
    let plural = |n: usize, w: &str| {
        if n == 1 { format!("{n} {w}") } else { format!("{n} {w}s") }
    };
    eprintln!("{}, {}; nothing was written", plural(errors, "error"), plural(warnings, "warning"));
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
    let spinner = (!quiet && std::io::stderr().is_terminal()).then(|| {
        let s = indicatif::ProgressBar::new_spinner();
        s.set_message("building…");
        s.enable_steady_tick(std::time::Duration::from_millis(100));
        s
    });
    let result = build::build(&opts);
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    let report = result?;
    // The first few warnings, all of them with --verbose; `vitrine check` lists them all too.
    const SHOWN: usize = 5;
    let shown = if verbose { report.warnings.len() } else { SHOWN.min(report.warnings.len()) };
    for d in &report.warnings[..shown] {
        eprintln!("{d}");
    }
    if !quiet && !report.warnings.is_empty() {
        let more = report.warnings.len() - shown;
        if more > 0 {
            eprintln!(
                "{} warning(s), {more} not shown: `vitrine check` or `--verbose` lists them all",
                report.warnings.len()
            );
        } else {
            eprintln!("{} warning(s)", report.warnings.len());
        }
    }
    if !quiet {
        println!(
            "built {} pages, {} files ({:.1} MB) into {} in {} ms",
            report.pages,
            report.files,
            report.bytes as f64 / 1e6,
            opts.out.display(),
            report.elapsed.as_millis()
        );
    }
    if let Some((at, key)) = &report.next_embargo
        && !quiet
    {
        println!(
            "embargo: `{}` becomes public at {}; the site changes only when it is built again, so rebuild it then",
            if key.is_empty() { "/" } else { key },
            at.strftime("%Y-%m-%d %H:%M %:z")
        );
    }
    if verbose {
        for (stage, took) in &report.stages {
            println!("  {stage:<7} {:>6} ms", took.as_millis());
        }
    }
    Ok(())
}

fn run_freeze(root: &std::path::Path, year: i32, quiet: bool) -> Result<(), Failure> {
    use vitrine::freeze::Outcome;
    let report = vitrine::freeze::run(root, year)?;
    if quiet {
        return Ok(());
    }
    let zh = vitrine::load::config(root, None).is_ok_and(|c| c.default_lang().is_chinese());
    let mut wrote = false;
    for (id, outcome) in &report.datasets {
        match outcome {
            Outcome::Written { path, version, left_out } => {
                wrote = true;
                if zh {
                    println!("已冻结 {id} 第{version}版：{path}");
                } else {
                    println!("froze {id} version {version}: {path}");
                }
                if !left_out.is_empty() {
                    if zh {
                        println!("  未收入（统计期在{year}年发布之后结束）：{}", left_out.join("、"));
                    } else {
                        println!("  left out (periods that ended after the {year} release): {}", left_out.join(", "));
                    }
                }
            }
            Outcome::Unchanged { version } => {
                if zh {
                    println!("{id} 未变化，仍为第{version}版");
                } else {
                    println!("{id} unchanged: version {version}");
                }
            }
        }
    }
    if report.datasets.is_empty() {
        if zh {
            println!("{year}年发布的页面未引用任何数据集，无需冻结");
        } else {
            println!("the {year} release's pages use no dataset: nothing to freeze");
        }
    } else if wrote {
        if zh {
            println!("请将 data/frozen/ 提交到版本库，然后重新构建网站。");
        } else {
            println!("commit data/frozen/ to version control, then build the site again");
        }
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
        println!("check passed: {} pages, {} datasets, {} warning(s)", report.pages, report.datasets, warnings.len());
    }
    Ok(())
}
