//! Number formatting: every function of `numfmt` on arbitrary `f64`s (NaN, infinities,
//! negatives, subnormals), in both languages and all unit kinds, with any precision.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use vitrine::numfmt::{self, MISSING, Period, Style, Unit, UnitKind};

#[derive(Arbitrary, Debug)]
struct Input {
    value: Option<f64>,
    previous: Option<f64>,
    step: f64,
    ticks: Vec<f64>,
    kind: u8,
    label: String,
    currency: Option<String>,
    precision: Option<u8>,
    lang: String,
}

/// A formatted number: no `NaN`/`inf`, and no minus sign on a value that shows as zero.
fn check_number(s: &str, v: f64) {
    if !v.is_finite() {
        assert_eq!(s, MISSING, "non-finite {v}");
        return;
    }
    assert!(!s.contains("NaN") && !s.contains("inf"), "{v} -> {s:?}");
    if s.starts_with('-') {
        assert!(s.chars().any(|c| ('1'..='9').contains(&c)), "negative zero: {v} -> {s:?}");
    }
}

fuzz_target!(|input: Input| {
    let kinds = [UnitKind::Count, UnitKind::Currency, UnitKind::Percent, UnitKind::Rate];
    let kind = kinds[usize::from(input.kind) % kinds.len()];
    // Any precision a dataset may declare (`precision: 255` included).
    let precision = input.precision;
    let unit = Unit { kind, label: &input.label, currency: input.currency.as_deref(), precision };
    let bare = Unit { label: "", currency: None, ..unit };
    // The style of an arbitrary language code, and both styles explicitly.
    for style in [Style::for_lang(&input.lang), Style::Chinese, Style::English] {
        let v = numfmt::value(input.value, &unit, style);
        assert!(!v.is_empty());
        if input.value.is_none_or(|v| !v.is_finite()) {
            assert_eq!(v, MISSING);
        }
        if let Some(x) = input.value {
            check_number(&numfmt::value(Some(x), &bare, style), x);
            check_number(&numfmt::table(Some(x), &unit, style), x);
            check_number(&numfmt::tick(x, input.step, &unit, style), x);
        }
        for period in [Period::Year, Period::Other] {
            let c = numfmt::change(input.value, input.previous, &unit, period, style);
            assert!(!c.is_empty());
            assert!(!c.contains("NaN") && !c.contains("inf"), "{c:?}");
            if input.value.is_none_or(|v| !v.is_finite()) || input.previous.is_none_or(|v| !v.is_finite()) {
                assert_eq!(c, MISSING);
            }
        }
        let axis = numfmt::axis_ticks(&input.ticks, input.step, &unit, style);
        assert_eq!(axis.len(), input.ticks.len());
        for (s, &x) in axis.iter().zip(&input.ticks) {
            check_number(s, x);
        }
    }
});
