//! [`Theme`]: templates, UI strings per language and static files, as plain data. Loaded by
//! `load::theme`, used by `render/`.

use std::collections::BTreeMap;

use super::Lang;

/// A loaded theme: the built-in default with the site's overrides.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Template name (`page.html`) -> source text.
    pub templates: BTreeMap<String, String>,
    /// Language code -> UI string key -> text.
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
    /// Static files: output path (`style.css`) -> bytes.
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// UI strings for `lang`: the theme's strings in that language, over those of the
    /// language whose number rules `lang` is written with ([`Lang::style`]: English for a
    /// language the theme has no strings for, such as `fr`), over those of any other language.
    pub fn strings_for(&self, lang: &Lang) -> BTreeMap<String, String> {
        let stand_in = lang.style().code();
        let order = [lang.code(), stand_in].into_iter().chain(self.strings.keys().map(String::as_str));
        let mut out = BTreeMap::new();
        for code in order {
            for (k, v) in self.strings.get(code).into_iter().flatten() {
                out.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        out
    }

    /// The language whose UI strings stand in for `lang`'s, when the theme has none in `lang`
    /// (`en` for `fr`); `None` when it has them.
    pub fn strings_stand_in(&self, lang: &Lang) -> Option<&'static str> {
        (!self.strings.contains_key(lang.code())).then(|| lang.style().code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        Lang::new(code, code, code, "zh")
    }

    #[test]
    fn a_language_without_strings_borrows_those_of_its_number_rules() {
        let strings = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let theme = Theme {
            strings: BTreeMap::from([
                ("en".to_string(), strings(&[("home", "Home"), ("search", "Search")])),
                ("fr".to_string(), strings(&[("home", "Accueil")])),
                ("zh".to_string(), strings(&[("home", "首页"), ("search", "搜索"), ("only_zh", "仅中文")])),
            ]),
            ..Theme::default()
        };
        let fr = theme.strings_for(&lang("fr"));
        assert_eq!(
            (fr["home"].as_str(), fr["search"].as_str(), fr["only_zh"].as_str()),
            ("Accueil", "Search", "仅中文")
        );
        assert_eq!(theme.strings_for(&lang("de"))["search"], "Search");
        assert_eq!(theme.strings_for(&lang("zh-Hant"))["search"], "搜索");
        assert_eq!(theme.strings_stand_in(&lang("fr")), None);
        assert_eq!(theme.strings_stand_in(&lang("de")), Some("en"));
        assert_eq!(theme.strings_stand_in(&lang("zh-Hant")), Some("zh"));
    }
}
