//! Checks of what datasets say about their figures' quality: a break in series must fall on
//! a period of the data. (Statuses and breaks themselves are in [`crate::model::quality`].)
//!
//! A break at a period the dataset has no row for is a warning, not an error: the figures
//! still build, but the break marks nothing, and it is most likely a mistyped period.

use crate::diag::Diagnostic;
use crate::model::Dataset;
use crate::msg;

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
                        msg::break_outside(&b.period, &d.id, &msg::key_kind(d.key.kind)),
                    )
                    .with_hint(msg::break_outside_hint(&msg::key_kind(d.key.kind), &msg::List::of(&keys))),
                );
            } else if d.rows.first().is_some_and(|r| r.key == b.period) {
                out.push(
                    Diagnostic::warning(&d.source_path, b.line, 1, msg::break_at_first_row(&b.period, &d.id))
                        .with_hint(msg::break_at_first_row_hint()),
                );
            }
        }
    }
    out
}
