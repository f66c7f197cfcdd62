//! Every message vitrine prints, in Chinese and in English: one catalogue.
//!
//! Each message is a function of the catalogue (`msg::unknown_dataset(id)`), declared with
//! [`catalogue!`] with its English and its Chinese text side by side; the macro does not accept
//! an entry without both, so a message cannot lack a translation (and a test checks that every
//! Chinese text is Chinese and uses the same `{placeholders}` as the English one). A function
//! returns a [`Said`]: the message in both languages, so that a [`crate::diag::Diagnostic`]
//! carries both and the language is chosen where it is printed.
//!
//! The message language ([`Locale`]) is chosen once by `main.rs` ([`Locale::resolve`]:
//! `--lang`, `VITRINE_LANG`, the site's default language, the locale, English) and set with
//! [`set_locale`] before any work starts; it is never changed afterwards. Until it is set
//! (library use, unit tests) messages print in English. Nothing here decides anything about
//! the site: the language of pages comes from `model::Lang`.

use std::fmt;
use std::sync::OnceLock;

mod cli;
mod content;
mod yaml;

pub use cli::*;
pub use content::*;
pub use yaml::*;

/// The language messages are printed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Chinese (simplified).
    Zh,
}

impl Locale {
    /// `zh` or `en` (as `--lang` takes them; `zh-CN`, `zh_TW.UTF-8`, `EN` also read); `None`
    /// for anything else.
    pub fn parse(s: &str) -> Option<Locale> {
        let s = s.trim().to_ascii_lowercase();
        if s == "zh" || s.starts_with("zh-") || s.starts_with("zh_") || s.starts_with("zh.") {
            Some(Locale::Zh)
        } else if s == "en" || s.starts_with("en-") || s.starts_with("en_") || s.starts_with("en.") {
            Some(Locale::En)
        } else {
            None
        }
    }

    /// The message language, by the first that says: `--lang` (`flag`), `VITRINE_LANG`
    /// (`env`), the site's default language (`site_chinese`: `None` outside a site), the
    /// locale (`LC_ALL`, else `LANG`, starting with `zh`), else English.
    pub fn resolve(flag: Option<&str>, env: Option<&str>, site_chinese: Option<bool>, locale: Option<&str>) -> Locale {
        if let Some(l) = flag.and_then(Locale::parse).or_else(|| env.and_then(Locale::parse)) {
            return l;
        }
        match site_chinese {
            Some(true) => Locale::Zh,
            Some(false) => Locale::En,
            None if locale.is_some_and(|l| l.trim().to_ascii_lowercase().starts_with("zh")) => Locale::Zh,
            None => Locale::En,
        }
    }
}

static LOCALE: OnceLock<Locale> = OnceLock::new();

/// Sets the message language for the rest of the process (the first call wins).
pub fn set_locale(locale: Locale) {
    let _ = LOCALE.set(locale);
}

/// The message language: the one set by `main.rs`, else English.
pub fn locale() -> Locale {
    LOCALE.get().copied().unwrap_or_default()
}

/// A message in both languages. It prints (`Display`) in the language set with
/// [`set_locale`]; [`Said::get`] picks one explicitly. It dereferences to the English text,
/// for tests and for comparisons that do not depend on the reader's language. One pointer
/// wide, so that a diagnostic carrying a message and a hint stays small.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Said(Box<[String; 2]>);

impl Said {
    /// The message with its English and its Chinese text.
    pub fn new(en: String, zh: String) -> Said {
        Said(Box::new([en, zh]))
    }

    /// The same text in both languages: a file name, a library's own words (Tera's template
    /// errors), or nothing.
    pub fn same(s: impl Into<String>) -> Said {
        let s = s.into();
        Said::new(s.clone(), s)
    }

    /// The English text.
    pub fn en(&self) -> &str {
        &self.0[0]
    }

    /// The Chinese text.
    pub fn zh(&self) -> &str {
        &self.0[1]
    }

    /// The text in `locale`.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => self.en(),
            Locale::Zh => self.zh(),
        }
    }
}

impl std::ops::Deref for Said {
    type Target = str;
    fn deref(&self) -> &str {
        self.en()
    }
}

impl PartialEq<&str> for Said {
    fn eq(&self, other: &&str) -> bool {
        self.en() == *other
    }
}

impl PartialEq<str> for Said {
    fn eq(&self, other: &str) -> bool {
        self.en() == other
    }
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get(locale()))
    }
}

impl std::error::Error for Said {}

/// A value put into a message, as it reads in one language.
pub trait Arg {
    /// The value's text in `locale`.
    fn pick(&self, locale: Locale) -> String;
}

macro_rules! plain_args {
    ($($t:ty),*) => {
        $(impl Arg for $t {
            fn pick(&self, _: Locale) -> String {
                self.to_string()
            }
        })*
    };
}
plain_args!(String, str, char, usize, u8, u16, u32, u64, i32, i64, f64, std::path::Display<'_>);

impl<T: Arg + ?Sized> Arg for &T {
    fn pick(&self, locale: Locale) -> String {
        (**self).pick(locale)
    }
}

impl Arg for Said {
    fn pick(&self, locale: Locale) -> String {
        self.get(locale).to_string()
    }
}

/// A list of ids or keys: `a, b, c` in English, `a、b、c` in Chinese.
#[derive(Clone, Debug, Default)]
pub struct List(pub Vec<String>);

impl List {
    /// The items, each as written.
    pub fn of<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> List {
        List(items.into_iter().map(|s| s.as_ref().to_string()).collect())
    }
}

impl Arg for List {
    fn pick(&self, locale: Locale) -> String {
        self.0.join(if locale == Locale::Zh { "、" } else { ", " })
    }
}

/// One entry of the catalogue as written, for the test that checks translations and for the
/// list of messages (`cargo test --lib msg::tests::list -- --ignored --nocapture`).
#[derive(Debug)]
pub struct Entry {
    /// The function's name.
    pub id: &'static str,
    /// The English text (a format string, or a block for the few that choose words).
    pub en: &'static str,
    /// The Chinese text.
    pub zh: &'static str,
}

/// Every entry of the catalogue.
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    yaml::ENTRIES.iter().chain(content::ENTRIES).chain(cli::ENTRIES)
}

/// The text of one language of an entry: a format string with `{name}` placeholders filled
/// from the entry's arguments, or a block.
macro_rules! body {
    ($l:literal) => {
        format!($l)
    };
    ($b:block) => {
        $b
    };
}
pub(crate) use body;

/// Declares messages: `name(args) { en: "…{arg}…", zh: "…{arg}…" }`. Each becomes
/// `pub fn name(args) -> Said`, its arguments put in with [`Arg::pick`] for each language.
macro_rules! catalogue {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) { en: $en:tt, zh: $zh:tt $(,)? }
    )*) => {
        $(
            $(#[doc = $doc])*
            #[doc = concat!("The message ", stringify!($en), ".")]
            #[allow(unused_variables, clippy::useless_format)]
            pub fn $name($($arg: $ty),*) -> $crate::msg::Said {
                $crate::msg::Said::new(
                    {
                        $(let $arg = $crate::msg::Arg::pick(&$arg, $crate::msg::Locale::En);)*
                        $crate::msg::body!($en)
                    },
                    {
                        $(let $arg = $crate::msg::Arg::pick(&$arg, $crate::msg::Locale::Zh);)*
                        $crate::msg::body!($zh)
                    },
                )
            }
        )*
        /// The entries declared in this file.
        pub(crate) const ENTRIES: &[$crate::msg::Entry] = &[
            $($crate::msg::Entry { id: stringify!($name), en: stringify!($en), zh: stringify!($zh) }),*
        ];
    };
}
pub(crate) use catalogue;

#[cfg(test)]
mod tests;
