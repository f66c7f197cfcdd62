//! The site's glossary (`glossary.yaml`): each term in every language, with the renderings
//! accepted and the variants to avoid.

use std::collections::BTreeMap;

use super::Text;

/// The glossary: terms in file order.
#[derive(Clone, Debug, Default)]
pub struct Glossary {
    /// The terms, as listed.
    pub terms: Vec<Term>,
}

/// One term.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// Line of the entry in `glossary.yaml`.
    pub line: usize,
    /// Accepted renderings by language code, the preferred one first; the default
    /// language's first rendering is the term itself.
    pub renderings: BTreeMap<String, Vec<String>>,
    /// Variants to avoid, by language code.
    pub avoid: BTreeMap<String, Vec<String>>,
    /// An optional definition or usage note.
    pub note: Option<Text>,
}

impl Term {
    /// The preferred rendering in `lang` (empty if it has none).
    pub fn preferred(&self, lang: &str) -> &str {
        self.renderings.get(lang).and_then(|r| r.first()).map_or("", String::as_str)
    }
}
