//! Usage errors in the message language, and what the command line says before it is parsed.
//!
//! clap's own words stay English in `--help` (see the README); its errors (an unknown
//! command or argument, a missing or invalid value) are said again here in Chinese when the
//! message language is Chinese, with the usage line, and exit with code 2 as clap's do.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use vitrine::msg::{self, List, Locale, Said};

/// `--lang` and `--root` as typed, read before the arguments are parsed, so that a usage
/// error is reported in the right language.
#[derive(Debug, Default)]
pub struct Typed {
    /// `--lang zh` or `--lang=zh`.
    pub lang: Option<String>,
    /// `--root DIR` or `--root=DIR`.
    pub root: Option<PathBuf>,
    /// `vitrine init`'s `--languages zh,en`: the first is the new site's language.
    pub languages: Option<String>,
    /// Whether the command is `init` (a site that does not exist yet).
    pub init: bool,
}

impl Typed {
    /// Scans the arguments (the program's name first).
    pub fn scan(args: &[OsString]) -> Typed {
        let mut typed = Typed::default();
        let mut it = args.iter().skip(1).map(|a| a.to_string_lossy().to_string());
        while let Some(a) = it.next() {
            if a == "--" {
                break;
            }
            typed.init |= a == "init";
            let mut value = |name: &str| -> Option<String> {
                match a.strip_prefix(name)? {
                    "" => it.next(),
                    rest => rest.strip_prefix('=').map(str::to_string),
                }
            };
            if let Some(v) = value("--lang") {
                typed.lang = Some(v);
            } else if let Some(v) = value("--root") {
                typed.root = Some(PathBuf::from(v));
            } else if let Some(v) = value("--languages") {
                typed.languages = Some(v);
            }
        }
        typed
    }
}

/// Prints a parse error (or the help, or the version) and gives the exit code.
pub fn report(e: clap::Error, locale: Locale) -> ExitCode {
    let is_error = !matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
    if locale == Locale::En || !is_error || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        if locale == Locale::Zh && e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            eprintln!("{}{}", msg::error_label(), msg::usage_missing_command());
            eprintln!("  = {}{}\n", msg::hint_label(), msg::usage_new_what());
        }
        let _ = e.print();
        return ExitCode::from(if is_error { 2 } else { 0 });
    }
    let (message, hint) = words(&e);
    eprintln!("{}{}", msg::error_label(), message.get(locale));
    if let Some(h) = hint {
        eprintln!("  = {}{}", msg::hint_label(), h.get(locale));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        eprintln!("\n{}{usage}", msg::usage_label());
    }
    eprintln!("\n{}", msg::usage_help_hint());
    ExitCode::from(2)
}

/// The error and a hint in plain words, from clap's error kind and context.
fn words(e: &clap::Error) -> (Said, Option<Said>) {
    let text = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let suggested = |k: ContextKind| text(k).map(|s| msg::usage_did_you_mean(&s));
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    match e.kind() {
        ErrorKind::UnknownArgument => (
            msg::usage_unknown_argument(&arg),
            suggested(ContextKind::SuggestedArg).or(suggested(ContextKind::SuggestedSubcommand)),
        ),
        ErrorKind::InvalidSubcommand => {
            let cmd = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            (
                msg::usage_unknown_command(&cmd),
                suggested(ContextKind::SuggestedSubcommand).or(Some(msg::usage_commands())),
            )
        }
        ErrorKind::MissingSubcommand => (msg::usage_missing_command(), Some(msg::usage_new_what())),
        ErrorKind::MissingRequiredArgument => (msg::usage_missing_argument(&arg), None),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let hint = match (e.get(ContextKind::ValidValue), std::error::Error::source(e)) {
                (Some(ContextValue::Strings(v)), _) => Some(msg::usage_possible_values(&List::of(v))),
                (_, Some(cause)) => Some(Said::same(cause.to_string())),
                _ => None,
            };
            let hint = hint.or_else(|| range_hint(e));
            if value.is_empty() {
                (msg::usage_value_missing(&arg), hint)
            } else {
                (msg::usage_bad_value(&value, &arg), hint)
            }
        }
        ErrorKind::ArgumentConflict => {
            let other = text(ContextKind::PriorArg).unwrap_or_default();
            (msg::usage_conflict(&arg, &other), None)
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            (msg::usage_too_many(&text(ContextKind::InvalidValue).unwrap_or(arg)), None)
        }
        _ => (msg::usage_other(), Some(Said::same(e.to_string().lines().next().unwrap_or("").to_string()))),
    }
}

/// The cause of a value out of range (`freeze 20222`), as clap words it: kept as it is.
fn range_hint(e: &clap::Error) -> Option<Said> {
    let rendered = e.to_string();
    let line = rendered.lines().next()?.trim_start_matches("error: ");
    Some(Said::same(line.to_string()))
}
