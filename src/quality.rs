//! Checks of what datasets say about their figures' quality: a break in series must fall on
//! a period of the data. (Statuses and breaks themselves are in [`crate::model::quality`].)
//!
//! A break at a period the dataset has no row for is a warning, not an error: the figures
//! still build, but the break marks nothing, and it is most likely a mistyped period.

use crate::diag::Diagnostic;
use crate::model::Dataset;

/// Warnings for the breaks of `datasets` that fall outside their data.
pub fn warnings<'a>(datasets: impl IntoIterator<Item = &'a Dataset>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for d in datasets {
        for b in &d.breaks {
            if d.row_index(&b.period).is_none() {
                let keys: Vec<&str> = d.rows.iter().map(|r| r.key.as_str()).collect();
                out.push(
                    Diagnostic::warning(
                        &d.source_path,
                        b.line,
                        1,
                        format!("the break at {} falls outside the data of `{}`: no row has that {}", b.period, d.id, d.key.kind.name()),
                    )
                    .with_hint(format!(
                        "give the first {} counted the new way, one of: {} (add a row with `null` values if its figures are missing)",
                        d.key.kind.name(),
                        keys.join(", ")
                    )),
                );
            } else if d.rows.first().is_some_and(|r| r.key == b.period) {
                out.push(
                    Diagnostic::warning(
                        &d.source_path,
                        b.line,
                        1,
                        format!(
                            "the break at {} is at the first row of `{}`: there is nothing before it to compare",
                            b.period, d.id
                        ),
                    )
                    .with_hint("say in `notes` how the figures were counted, and remove the break"),
                );
            }
        }
    }
    out
}
