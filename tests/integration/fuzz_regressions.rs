//! Inputs that once made vitrine panic or write broken output, found with the fuzz targets in
//! `fuzz/` (see fuzz/README.md). Each must now give diagnostics or a correct result.

use vitrine::diag::Failure;

/// The diagnostics' messages of a dataset text that must fail to validate.
fn dataset_errors(text: &str) -> Vec<String> {
    match vitrine::fuzzing::dataset("fuzz", text) {
        Ok(_) => panic!("the dataset validated"),
        Err(Failure::Content(diags)) => diags.iter().map(|d| d.to_string()).collect(),
        Err(Failure::Other(e)) => panic!("{e:#}"),
    }
}

/// A quarter key of seven bytes whose fifth byte falls inside a character was sliced at byte 4:
/// a panic. Seen while writing the `dataset` target (not found by it in 30 minutes) and
/// confirmed with its binary.
#[test]
fn quarter_key_with_multibyte_characters() {
    let text = "title: t\nsource: {name: s}\nkey: {id: q, kind: quarter}\n\
                series:\n  - {id: v, label: V, unit: {kind: count}}\nrows:\n  - {q: \"ab中Q1\", v: 1}\n";
    let errors = dataset_errors(text);
    assert!(errors.iter().any(|e| e.contains("`ab中Q1` is not a valid quarter key")), "{errors:?}");
}

/// A control character in a unit label reached the SVG (`<desc>` and the unit line): XML 1.0
/// forbids it, so the standalone chart file did not parse. Found by `chart_render`.
#[test]
fn chart_unit_label_with_control_character() {
    use vitrine::chart::{ChartInput, ChartKind, SeriesData, render_svg};
    use vitrine::numfmt::{Style, Unit, UnitKind};
    for (label, currency) in [("\u{2}", None), ("件\u{FFFF}", None), ("", Some("X\u{1b}\u{FFFE}"))] {
        let kind = if currency.is_some() { UnitKind::Currency } else { UnitKind::Count };
        for style in [Style::Chinese, Style::English] {
            let svg = render_svg(&ChartInput {
                id: "chart-1",
                kind: ChartKind::Line,
                title: "\u{FFFE}t",
                style,
                unit: Unit { kind, label, currency, precision: None },
                categories: vec!["a\u{2}".into()],
                series: vec![SeriesData { label: "s".into(), values: vec![Some(0.0)], hollow: vec![true] }],
                breaks: vec![0],
                notes: "\u{2}".into(),
            });
            let forbidden = |c: char| {
                (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || ('\u{FFFE}'..='\u{FFFF}').contains(&c)
            };
            assert_eq!(svg.chars().find(|&c| forbidden(c)), None, "{svg}");
        }
    }
}
