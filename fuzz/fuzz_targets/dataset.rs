//! Datasets: arbitrary bytes as the text of `data/fuzz.yaml`, decoded, parsed and validated as
//! the loader does. A dataset that validates is then exported as CSV and drawn as a chart.
#![no_main]

#[path = "../common.rs"]
mod common;

use std::collections::{BTreeMap, BTreeSet};

use libfuzzer_sys::fuzz_target;
use vitrine::diag::Failure;
use vitrine::markdown::figure;

fuzz_target!(|data: &[u8]| {
    let text = match vitrine::load::decode(data.to_vec(), "data/fuzz.yaml") {
        Ok(t) => t,
        Err(d) => {
            let _ = d.to_string();
            return;
        }
    };
    let ds = match vitrine::fuzzing::dataset("fuzz", &text) {
        Ok(ds) => ds,
        Err(Failure::Content(diags)) => {
            assert!(!diags.is_empty(), "failure without a diagnostic");
            for d in diags {
                let _ = d.to_string();
            }
            return;
        }
        Err(Failure::Other(e)) => panic!("environment failure from text alone: {e:#}"),
    };
    // What validation promises.
    assert!(!ds.series.is_empty());
    let mut keys = BTreeSet::new();
    for row in &ds.rows {
        assert_eq!(row.values.len(), ds.series.len(), "row `{}`", row.key);
        assert!(row.values.iter().flatten().all(|v| v.is_finite()), "row `{}`", row.key);
        assert!(keys.insert(row.key.as_str()), "key `{}` twice", row.key);
    }
    vitrine::export::csv(&ds).expect("CSV export");
    // Drawn as a chart block would draw it.
    let kinds = ["bar", "grouped-bar", "stacked-bar", "line", "horizontal-bar"];
    let kind = kinds[data.len() % kinds.len()];
    let datasets = BTreeMap::from([("fuzz".to_string(), ds)]);
    let body = format!("data: fuzz\nkind: {kind}\n");
    let Ok(spec) = figure::parse_spec(&body, &datasets, "content/fuzz.md", 1, &body) else { return };
    for lang in ["zh", "en"] {
        let ctx = common::context(&datasets, lang);
        let place = figure::Place {
            lang,
            default_lang: "zh",
            lang_prefix: ctx.lang_prefix,
            text: &ctx.text,
            on_dataset_page: false,
        };
        let (_, fig) = figure::render(&spec, "fuzz", "chart-1", &place);
        common::check_svg(&fig.svg);
    }
});
