//! Charts: `chart::render_svg` on arbitrary datasets as a chart block hands them over (one value
//! or `None` per category, finite numbers), and now and then on raw input (NaN, infinities,
//! ragged series). The SVG must be well-formed XML with finite geometry.
#![no_main]

#[path = "../common.rs"]
mod common;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use vitrine::chart::{self, ChartInput, ChartKind, SeriesData};
use vitrine::numfmt::{Style, Unit, UnitKind};

#[derive(Arbitrary, Debug)]
struct Input {
    kind: u8,
    chinese: bool,
    /// Pass values and lengths through untouched (NaN, ±inf, ragged series).
    raw: bool,
    id: String,
    title: String,
    unit_kind: u8,
    label: String,
    currency: Option<String>,
    precision: Option<u8>,
    categories: Vec<String>,
    series: Vec<(String, Vec<Option<f64>>)>,
}

const KINDS: [&str; 5] = ["bar", "grouped-bar", "stacked-bar", "line", "horizontal-bar"];

fuzz_target!(|input: Input| {
    let kind = ChartKind::parse(KINDS[usize::from(input.kind) % KINDS.len()]).unwrap();
    let unit_kinds = [UnitKind::Count, UnitKind::Currency, UnitKind::Percent, UnitKind::Rate];
    let unit = Unit {
        kind: unit_kinds[usize::from(input.unit_kind) % unit_kinds.len()],
        label: &input.label,
        currency: input.currency.as_deref(),
        precision: input.precision,
    };
    // Sizes of real reports (a dozen years, a few series), with room to spare.
    let mut categories = input.categories;
    categories.truncate(60);
    let mut series: Vec<SeriesData> =
        input.series.into_iter().take(10).map(|(label, values)| SeriesData { label, values }).collect();
    if !input.raw {
        // As a validated dataset gives them: unique categories, one finite value or None each,
        // and a precision the YAML would take (u8).
        let mut seen = std::collections::BTreeSet::new();
        categories.retain(|c| seen.insert(c.clone()));
        for s in &mut series {
            s.values.resize(categories.len(), None);
            for v in &mut s.values {
                *v = v.filter(|x| x.is_finite());
            }
        }
    }
    let chart = ChartInput {
        id: &input.id,
        kind,
        title: &input.title,
        style: if input.chinese { Style::Chinese } else { Style::English },
        unit,
        categories,
        series,
    };
    let svg = chart::render_svg(&chart);
    common::check_svg(&svg);
});
