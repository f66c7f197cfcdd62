//! The texts of the prose warnings, in one place (English for now; the messages of every
//! module are to be translated together).

/// A typed figure that is a digit slip of a dataset's figure.
pub(super) fn near_miss(text: &str, data: &str, series: &str, key: &str, shown: &str, call: &str) -> (String, String) {
    (
        format!(
            "`{text}` is close to, but not, the figure in the data: `{data}` gives {shown} for series `{series}` in {key}"
        ),
        format!(
            "if the text means that figure, write `{call}`, which always agrees with the data; if it is another figure, check it against its source"
        ),
    )
}

/// A figure the other language version does not state.
pub(super) fn pair_missing(text: &str, lang: &str, twin: &str) -> (String, String) {
    (
        format!("`{text}` is not stated in the `{lang}` version of the page"),
        format!(
            "give the same figure in `{twin}`, or remove it here; with `{{{{ value(…) }}}}` in both versions the figures always agree"
        ),
    )
}

/// A figure the other language version states differently.
pub(super) fn pair_differs(text: &str, lang: &str, other: &str, twin: &str) -> (String, String) {
    (
        format!("`{text}` is stated differently in the `{lang}` version of the page: `{other}`"),
        format!(
            "make `{twin}` and this page give the same figure; with `{{{{ value(…) }}}}` in both they always agree"
        ),
    )
}

/// A translation that uses a variant the glossary says to avoid.
pub(super) fn glossary_avoided(variant: &str, term: &str, preferred: &str) -> (String, String) {
    (
        format!("`{variant}` renders `{term}`, which the glossary says to avoid"),
        format!("write `{preferred}`, as `glossary.yaml` has it"),
    )
}

/// A term whose translation uses none of the glossary's renderings.
pub(super) fn glossary_missing(term: &str, lang: &str, accepted: &[String], twin: &str) -> (String, String) {
    let list: Vec<String> = accepted.iter().map(|a| format!("`{a}`")).collect();
    (
        format!(
            "`{term}` is used here, but the `{lang}` version uses none of its renderings in the glossary ({})",
            list.join(", ")
        ),
        format!(
            "use the glossary's rendering in `{twin}`, or add the rendering it uses to the term in `glossary.yaml`"
        ),
    )
}
