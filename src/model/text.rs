//! Bilingual text: a plain string for every language, or a map from language code to string.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// A reader-visible string: one for all languages, or one per language code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Text {
    /// The same string in every language.
    Plain(String),
    /// One string per language code (`zh`, `en`); a missing language falls back to the default.
    PerLang(BTreeMap<String, String>),
}

impl Text {
    /// The string for `lang`, else for the site's default language, else any string, else "".
    pub fn get(&self, lang: &super::Lang) -> &str {
        lang.pick(self)
    }

    /// The string for the language `code`, else for `default`, else any string, else "".
    pub(crate) fn get_or<'a>(&'a self, code: &str, default: &str) -> &'a str {
        match self {
            Text::Plain(s) => s,
            Text::PerLang(m) => {
                m.get(code).or_else(|| m.get(default)).or_else(|| m.values().next()).map_or("", String::as_str)
            }
        }
    }

    /// Whether any of its strings, in any language, is `s`.
    pub fn mentions(&self, s: &str) -> bool {
        match self {
            Text::Plain(t) => t.trim() == s,
            Text::PerLang(m) => m.values().any(|t| t.trim() == s),
        }
    }

    /// Whether `lang` has its own string (a plain string counts for every language).
    pub fn has(&self, lang: &str) -> bool {
        match self {
            Text::Plain(_) => true,
            Text::PerLang(m) => m.contains_key(lang),
        }
    }

    /// The language codes a per-language map names (empty for a plain string).
    pub fn langs(&self) -> impl Iterator<Item = &str> {
        let keys = match self {
            Text::Plain(_) => None,
            Text::PerLang(m) => Some(m.keys().map(String::as_str)),
        };
        keys.into_iter().flatten()
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::Plain(String::new())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or a map from language code to string such as {zh: …, en: …}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text::Plain(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text::Plain(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text::Plain(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, PlainString>()? {
                    out.insert(k, v.0);
                }
                Ok(Text::PerLang(out))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

/// A scalar read as a string (numbers too: a title may be `2021`).
struct PlainString(String);

impl<'de> Deserialize<'de> for PlainString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = PlainString;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PlainString, E> {
                Ok(PlainString(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<PlainString, E> {
                Ok(PlainString(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<PlainString, E> {
                Ok(PlainString(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<PlainString, E> {
                Ok(PlainString(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_default_language() {
        let t = Text::PerLang(BTreeMap::from([("zh".to_string(), "标题".to_string())]));
        let en = crate::model::Lang::new("en", "English", "en", "zh");
        assert_eq!(t.get(&en), "标题");
        assert!(!t.has("en"));
        assert_eq!(Text::Plain("x".into()).get(&en), "x");
    }
}
