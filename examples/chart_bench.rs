//! Benchmark (not a test): renders 1,000 charts of every kind in both languages and reports
//! the time per chart.
//!
//! ```sh
//! cargo run --release --no-default-features --example chart_bench
//! ```

use std::time::Instant;

use vitrine::chart::{ChartInput, ChartKind, SeriesData, render_svg};
use vitrine::numfmt::{Style, Unit, UnitKind};

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let kinds =
        [ChartKind::Bar, ChartKind::GroupedBar, ChartKind::StackedBar, ChartKind::Line, ChartKind::HorizontalBar];
    let unit = Unit { kind: UnitKind::Count, label: "件", currency: None, precision: None };
    let ids: Vec<String> = (0..n).map(|i| format!("chart-{i}")).collect();
    let inputs: Vec<ChartInput<'_>> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let kind = kinds[i % kinds.len()];
            let years = 4 + i % 9;
            let categories: Vec<String> = if kind == ChartKind::HorizontalBar {
                (0..years).map(|k| format!("类别{k} 行政裁决案件")).collect()
            } else {
                (0..years).map(|k| (2010 + k).to_string()).collect()
            };
            let series = (0..1 + i % 3)
                .map(|s| SeriesData {
                    label: format!("系列 {s}"),
                    values: (0..years)
                        .map(|k| {
                            if (k + s + i) % 11 == 0 {
                                None
                            } else {
                                Some(((k * 7919 + s * 104729 + i) % 200_000) as f64)
                            }
                        })
                        .collect(),
                    hollow: Vec::new(),
                })
                .collect();
            ChartInput {
                id,
                kind,
                title: "专利授权量 Patents granted",
                style: if i % 2 == 0 { Style::Chinese } else { Style::English },
                unit,
                categories,
                series,
                breaks: Vec::new(),
                notes: String::new(),
            }
        })
        .collect();
    let start = Instant::now();
    let bytes: usize = inputs.iter().map(|input| render_svg(input).len()).sum();
    let elapsed = start.elapsed();
    println!(
        "{n} charts in {:.1} ms: {:.3} ms per chart ({:.0} KB of SVG, single thread)",
        elapsed.as_secs_f64() * 1e3,
        elapsed.as_secs_f64() * 1e3 / n as f64,
        bytes as f64 / 1024.0
    );
}
