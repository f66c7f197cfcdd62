//! [`Lang`]: a language of the site, resolved once when `site.yaml` is loaded, and
//! [`Localized`], one value per language of the site.
//!
//! Everything the code needs to know about a language comes from here: the code used in file
//! names, the BCP 47 tag for `lang` and `hreflang`, the URL prefix, the number rules and the
//! default language that bilingual text falls back to. No language code is written into the
//! code outside tests and the theme's own files.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use super::Text;
use crate::numfmt::Style;

/// A language of the site. Cheap to clone (shared); compared, ordered and hashed by its code.
#[derive(Clone)]
pub struct Lang(Arc<Resolved>);

struct Resolved {
    code: String,
    name: String,
    tag: String,
    prefix: String,
    style: Style,
    own_rules: bool,
    default_code: String,
    line: usize,
}

impl Lang {
    /// A language with `code` (`zh`), `name` (`中文`) and BCP 47 `tag` (`zh-Hans`) on a site whose
    /// default language is `default_code`.
    pub fn new(code: &str, name: &str, tag: &str, default_code: &str) -> Lang {
        Lang(Arc::new(Resolved {
            code: code.to_string(),
            name: name.to_string(),
            tag: tag.to_string(),
            prefix: if code == default_code { String::new() } else { format!("/{code}") },
            style: Style::for_lang(code),
            own_rules: Style::own(code).is_some(),
            default_code: default_code.to_string(),
            line: 0,
        }))
    }

    /// The language, listed at `line` of site.yaml.
    pub fn at_line(mut self, line: usize) -> Lang {
        if let Some(inner) = Arc::get_mut(&mut self.0) {
            inner.line = line;
        }
        self
    }

    /// The line of site.yaml that lists the language (0 when not known).
    pub fn line(&self) -> usize {
        self.0.line
    }

    /// The short code of file names and URLs: `zh`, `en`.
    pub fn code(&self) -> &str {
        &self.0.code
    }

    /// The name in the language switch, in the language itself: `中文`, `English`.
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// The BCP 47 tag for `lang` and `hreflang`: `zh-Hans` (the code when site.yaml gives none).
    pub fn tag(&self) -> &str {
        &self.0.tag
    }

    /// The URL path prefix: `""` for the default language, `/en` for the others.
    pub fn prefix(&self) -> &str {
        &self.0.prefix
    }

    /// Whether this is the site's default language (served at `/`).
    pub fn is_default(&self) -> bool {
        self.0.prefix.is_empty()
    }

    /// The number rules the language is written with (English for a language without its own).
    pub fn style(&self) -> Style {
        self.0.style
    }

    /// Whether vitrine has number rules written for this language (`check` says when not).
    pub fn has_own_number_rules(&self) -> bool {
        self.0.own_rules
    }

    /// Whether the language writes numbers and dates the Chinese way.
    pub fn is_chinese(&self) -> bool {
        self.0.style == Style::Chinese
    }

    /// `text` in this language, else in the site's default language, else any.
    pub fn pick<'a>(&self, text: &'a Text) -> &'a str {
        text.get_or(&self.0.code, &self.0.default_code)
    }

    /// The site path of a page key in this language: `""` -> `/` or `/en/`,
    /// `releases/2022` -> `/releases/2022/` or `/en/releases/2022/`.
    pub fn url(&self, key: &str) -> String {
        if key.is_empty() { format!("{}/", self.prefix()) } else { format!("{}/{key}/", self.prefix()) }
    }
}

impl PartialEq for Lang {
    fn eq(&self, other: &Lang) -> bool {
        self.0.code == other.0.code
    }
}

impl Eq for Lang {}

impl PartialEq<str> for Lang {
    fn eq(&self, other: &str) -> bool {
        self.0.code == other
    }
}

impl PartialEq<&str> for Lang {
    fn eq(&self, other: &&str) -> bool {
        self.0.code == *other
    }
}

impl PartialOrd for Lang {
    fn partial_cmp(&self, other: &Lang) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Lang {
    fn cmp(&self, other: &Lang) -> Ordering {
        self.0.code.cmp(&other.0.code)
    }
}

impl Hash for Lang {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.code.hash(state);
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.0.code)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.code)
    }
}

/// One value per language of the site, in the order site.yaml lists them (the default first):
/// UI strings, shared listings, a dataset's text resolved for each language.
#[derive(Clone, Debug)]
pub struct Localized<T> {
    entries: Vec<(Lang, T)>,
}

impl<T> Localized<T> {
    /// `make` called once for each language.
    pub fn new(langs: &[Lang], make: impl FnMut(&Lang) -> T) -> Self {
        let mut make = make;
        Localized { entries: langs.iter().map(|l| (l.clone(), make(l))).collect() }
    }

    /// The value of `lang`.
    ///
    /// # Panics
    /// When `lang` is not a language of the site: languages come from the site's own
    /// configuration, so that is a bug, not bad input.
    pub fn get(&self, lang: &Lang) -> &T {
        match self.entries.iter().find(|(l, _)| l == lang) {
            Some((_, v)) => v,
            None => panic!("{lang} is not a language of the site"),
        }
    }

    /// Each language with its value, default language first.
    pub fn iter(&self) -> impl Iterator<Item = (&Lang, &T)> {
        self.entries.iter().map(|(l, v)| (l, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolved_once() {
        let zh = Lang::new("zh", "中文", "zh-Hans", "zh");
        let fr = Lang::new("fr", "Français", "fr", "zh");
        assert_eq!((zh.prefix(), zh.url(""), zh.url("about")), ("", "/".to_string(), "/about/".to_string()));
        assert_eq!((fr.prefix(), fr.url(""), fr.url("about")), ("/fr", "/fr/".to_string(), "/fr/about/".to_string()));
        assert!(zh.is_chinese() && zh.has_own_number_rules() && zh.is_default());
        assert!(!fr.is_chinese() && !fr.has_own_number_rules() && !fr.is_default());
        assert_eq!(fr.style(), Style::English);
    }

    #[test]
    fn text_falls_back_to_the_default_language() {
        let zh = Lang::new("zh", "中文", "zh", "zh");
        let fr = Lang::new("fr", "fr", "fr", "zh");
        let t = Text::PerLang([("zh".to_string(), "专利".to_string()), ("en".into(), "Patents".into())].into());
        assert_eq!(zh.pick(&t), "专利");
        assert_eq!(fr.pick(&t), "专利");
    }

    #[test]
    fn localized_values_by_language() {
        let langs = [Lang::new("zh", "中文", "zh", "zh"), Lang::new("en", "English", "en", "zh")];
        let l = Localized::new(&langs, |l| l.code().len() + l.prefix().len());
        assert_eq!(*l.get(&langs[1]), 5);
        assert_eq!(l.iter().map(|(l, _)| l.code()).collect::<Vec<_>>(), ["zh", "en"]);
    }
}
