//! The texts of the prose warnings: each a message and its hint from the catalogue
//! (`crate::msg`), in both languages.

use crate::msg::{self, List, Said};

/// A typed figure that is a digit slip of a dataset's figure.
pub(super) fn near_miss(text: &str, data: &str, series: &str, key: &str, shown: &str, call: &str) -> (Said, Said) {
    (msg::near_miss(text, data, shown, series, key), msg::near_miss_hint(call))
}

/// A figure the other language version does not state.
pub(super) fn pair_missing(text: &str, lang: &str, twin: &str) -> (Said, Said) {
    (msg::pair_missing(text, lang), msg::pair_missing_hint(twin))
}

/// A figure the other language version states differently.
pub(super) fn pair_differs(text: &str, lang: &str, other: &str, twin: &str) -> (Said, Said) {
    (msg::pair_differs(text, lang, other), msg::pair_differs_hint(twin))
}

/// A translation that uses a variant the glossary says to avoid.
pub(super) fn glossary_avoided(variant: &str, term: &str, preferred: &str) -> (Said, Said) {
    (msg::glossary_avoided(variant, term), msg::glossary_avoided_hint(preferred))
}

/// A term whose translation uses none of the glossary's renderings.
pub(super) fn glossary_missing(term: &str, lang: &str, accepted: &[String], twin: &str) -> (Said, Said) {
    let list = List(accepted.iter().map(|a| format!("`{a}`")).collect());
    (msg::glossary_missing(term, lang, &list), msg::glossary_missing_hint(twin))
}
