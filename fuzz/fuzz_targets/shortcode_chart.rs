//! Data in prose and chart blocks: arbitrary text as the inside of a `{{ … }}` call, as the YAML
//! body of a ```` ```chart ```` block, and as a whole page body rendered against a small fixed
//! set of real datasets (so `{{ value(...) }}`, `{{ change(...) }}` and chart blocks resolve).
#![no_main]

#[path = "../common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use vitrine::markdown::{self, figure, shortcode};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let datasets = common::datasets();
    let lang = if data.first().is_some_and(|b| b & 1 == 1) { "en" } else { "zh" };
    let ctx = common::context(datasets, lang);

    // 1. The inside of `{{ … }}`.
    if let Ok(call) = shortcode::parse(text) {
        match shortcode::eval(&call, datasets, lang, "zh", "") {
            Ok(shortcode::Evaluated { html, dataset: id, .. }) => {
                assert!(datasets.contains_key(&id));
                common::check_fragment(&html);
            }
            Err(e) => assert!(!e.message.is_empty()),
        }
    }

    // 2. The body of a chart block.
    match figure::parse_spec(text, datasets, "content/fuzz.md", 5, text) {
        Ok(spec) => {
            assert!(!spec.series.is_empty() && spec.rows.start < spec.rows.end);
            assert!(spec.rows.end <= spec.dataset.rows.len());
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
        Err(d) => {
            let _ = d.to_string();
        }
    }

    // 3. A whole page body.
    match markdown::render(text, &ctx) {
        Ok(out) => {
            for fig in &out.figures {
                common::check_svg(&fig.svg);
            }
            for id in &out.datasets {
                assert!(datasets.contains_key(id));
            }
        }
        Err(diags) => {
            assert!(!diags.is_empty());
            for d in diags {
                let _ = d.to_string();
            }
        }
    }
});
