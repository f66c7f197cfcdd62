//! Tests of the whole renderer: SVG structure per kind, determinism, escaping, gaps, odd input.

use super::*;
use crate::numfmt::{self, UnitKind};
use frame::{HEIGHT, WIDTH};

const COUNT_ZH: Unit<'static> = Unit { kind: UnitKind::Count, label: "件", currency: None, precision: None };
const COUNT_EN: Unit<'static> = Unit { kind: UnitKind::Count, label: "patents", currency: None, precision: None };

fn years(from: u32, to: u32) -> Vec<String> {
    (from..=to).map(|y| y.to_string()).collect()
}

fn series(label: &str, values: &[Option<f64>]) -> SeriesData {
    SeriesData { label: label.to_string(), values: values.to_vec(), hollow: Vec::new() }
}

fn chart(kind: ChartKind, categories: Vec<String>, series: Vec<SeriesData>) -> ChartInput<'static> {
    ChartInput {
        id: "chart-test-1",
        kind,
        title: "专利授权量",
        style: Style::Chinese,
        unit: COUNT_ZH,
        categories,
        series,
        breaks: Vec::new(),
        notes: String::new(),
    }
}

fn grants() -> Vec<SeriesData> {
    vec![
        series("专利授权总量", &[Some(74_000.0), Some(110_000.0), Some(155_000.0)]),
        series("发明专利", &[Some(14_000.0), Some(17_574.0), Some(22_400.0)]),
    ]
}

/// Number of elements of `tag` whose fill is the colour of series `index`, or for rectangles of
/// later series, its pattern.
fn filled(svg: &str, tag: &str, index: usize) -> usize {
    let fill = format!("fill=\"{}\"", palette::hex(palette::color(index)));
    let pattern = format!("fill=\"url(#chart-test-1-p{index})\"");
    svg.lines()
        .filter(|l| {
            l.starts_with(&format!("<{tag} ")) && (l.contains(&fill) || (tag == "rect" && l.contains(&pattern)))
        })
        .count()
}

/// Number of polylines drawn in the colour of series `index`.
fn lines_of(svg: &str, index: usize) -> usize {
    let stroke = format!("stroke=\"{}\"", palette::hex(palette::color(index)));
    svg.lines().filter(|l| l.starts_with("<polyline ") && l.contains(&stroke)).count()
}

/// Checks what every chart must have: root attributes, title and desc first, one root.
fn assert_structure(svg: &str, id: &str) {
    assert!(svg.starts_with(&format!("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} ")), "{svg}");
    let root = svg.lines().next().unwrap_or_default();
    assert!(root.contains(" role=\"img\""));
    assert!(root.contains(&format!(" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\"")));
    assert!(root.contains("font-family=\"'PingFang SC',") || root.contains("font-family=\"system-ui,"));
    assert!(!root.contains(" width=") && !root.contains(" height="));
    let mut lines = svg.lines().skip(1);
    assert!(lines.next().unwrap_or_default().starts_with(&format!("<title id=\"{id}-title\">")));
    assert!(lines.next().unwrap_or_default().starts_with(&format!("<desc id=\"{id}-desc\">")));
    assert_eq!(svg.matches("<svg").count(), 1);
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(!svg.contains("vitrine-cjk-metrics"), "the metrics font must not reach the reader");
    assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
}

fn view_box(svg: &str) -> (f64, f64) {
    let start = svg.find("viewBox=\"0 0 ").map_or(0, |i| i + 13);
    let rest = &svg[start..];
    let mut it = rest.split(['"', ' ']).map(|n| n.parse::<f64>().unwrap_or(0.0));
    (it.next().unwrap_or(0.0), it.next().unwrap_or(0.0))
}

#[test]
fn kinds_parse_and_name_round_trip() {
    for kind in ChartKind::ALL {
        assert_eq!(ChartKind::parse(kind.name()), Some(kind));
    }
    assert_eq!(ChartKind::parse("grouped-bar"), Some(ChartKind::GroupedBar));
    assert_eq!(ChartKind::parse("Bar"), None);
    assert_eq!(ChartKind::parse("pie"), None);
}

#[test]
fn bar_chart_draws_one_bar_per_present_value() {
    let input = chart(
        ChartKind::Bar,
        years(2017, 2021),
        vec![series("专利授权总量", &[Some(46_000.0), None, Some(74_000.0), Some(110_000.0), Some(155_000.0)])],
    );
    let svg = render_svg(&input);
    assert_structure(&svg, "chart-test-1");
    assert_eq!(filled(&svg, "rect", 0), 4, "a missing value is a gap, not a bar");
    assert_eq!(svg.matches(">无数据</text>").count(), 1, "and it is marked as missing");
    assert_eq!(view_box(&svg), (WIDTH, HEIGHT));
    // Chinese ticks all with 万, the unit as a caption, no legend for one series.
    for tick in ["0", "5万", "10万", "15万", "20万"] {
        assert!(svg.contains(&format!(">{tick}</text>")), "{tick}");
    }
    assert!(svg.contains(">单位：件</text>"));
    assert!(!svg.contains(">专利授权总量</text>"));
    assert!(svg.contains(">2021</text>"));
}

#[test]
fn grouped_bars_and_legend() {
    let svg = render_svg(&chart(ChartKind::GroupedBar, years(2019, 2021), grants()));
    assert_structure(&svg, "chart-test-1");
    // Three bars per series plus one legend swatch each.
    assert_eq!(filled(&svg, "rect", 0), 4);
    assert_eq!(filled(&svg, "rect", 1), 4);
    assert!(svg.contains(">专利授权总量</text>") && svg.contains(">发明专利</text>"));
    // Bar with several series is the same drawing.
    let bar = render_svg(&chart(ChartKind::Bar, years(2019, 2021), grants()));
    assert_eq!(filled(&bar, "rect", 1), 4);
}

#[test]
fn stacked_bars_leave_negatives_out() {
    let input = chart(
        ChartKind::StackedBar,
        years(2019, 2021),
        vec![series("A", &[Some(10.0), Some(20.0), None]), series("B", &[Some(5.0), Some(-3.0), Some(7.0)])],
    );
    let svg = render_svg(&input);
    assert_structure(&svg, "chart-test-1");
    // Segments, the legend's swatch, and for A the key of its missing-value mark on 2021's stack.
    assert_eq!(filled(&svg, "rect", 0), 2 + 1 + 1);
    assert_eq!(filled(&svg, "rect", 1), 2 + 1);
    assert_eq!(svg.matches(">无数据</text>").count(), 1);
    assert!(svg.contains("负值未计入堆积。"));
}

#[test]
fn line_chart_breaks_at_gaps_and_marks_points() {
    let input = chart(
        ChartKind::Line,
        years(2015, 2021),
        vec![
            series("专利授权总量", &[Some(1.0), Some(2.0), None, Some(3.0), Some(4.0), None, Some(5.0)]),
            series("发明专利", &[None; 7]),
        ],
    );
    let svg = render_svg(&input);
    assert_structure(&svg, "chart-test-1");
    // Two segments (the lone last point has none) plus the legend's line.
    assert_eq!(lines_of(&svg, 0), 2 + 1);
    // A circle per point plus the legend's.
    assert_eq!(filled(&svg, "circle", 0), 5 + 1);
    // The all-missing series draws nothing but its legend entry, which says so.
    assert_eq!(lines_of(&svg, 1), 1);
    assert_eq!(filled(&svg, "polygon", 1), 1);
    assert!(svg.contains(">发明专利（无数据）</text>"));
    // Each gap of the other series is marked, without a key (no other series has data there).
    assert_eq!(marks(&svg), 2);
}

#[test]
fn missing_values_are_marked_the_same_way_in_every_kind() {
    let values = [Some(1_500.0), None, Some(1_490.0), Some(1_691.0)];
    for kind in ChartKind::ALL {
        let mut input = chart(kind, years(2018, 2021), vec![series("PCT", &values)]);
        let svg = render_svg(&input);
        assert_eq!(svg.matches(">无数据</text>").count(), 1, "{}", kind.name());
        input.style = Style::English;
        input.unit = COUNT_EN;
        let svg = render_svg(&input);
        assert_eq!(svg.matches(">n/a</text>").count(), 1, "{}", kind.name());
        assert!(!svg.contains(&format!(">{}</text>", numfmt::MISSING)), "{}", kind.name());
    }
}

/// Number of missing-value marks in a Chinese chart: written across, or downwards.
fn marks(svg: &str) -> usize {
    svg.matches(">无数据</text>").count() + svg.matches(">无</text>").count()
}

#[test]
fn partly_missing_categories_mark_each_missing_series() {
    let two = vec![
        series("受理", &[Some(10_300.0), None, Some(9_800.0), Some(19_500.0)]),
        series("审结", &[None, None, Some(9_200.0), Some(16_700.0)]),
    ];
    // Grouped bars: one mark where the missing bar stands, one for the empty category.
    let svg = render_svg(&chart(ChartKind::GroupedBar, years(2018, 2021), two.clone()));
    assert_eq!(marks(&svg), 2);
    // Lines: the same, the partly missing category's mark keyed by the missing series' marker
    // (series 1 draws squares: legend, key).
    let svg = render_svg(&chart(ChartKind::Line, years(2018, 2021), two.clone()));
    assert_eq!(svg.matches(">无数据</text>").count(), 2);
    assert_eq!(filled(&svg, "polygon", 1), 2 + 1 + 1);
    // Stacks: keyed by a swatch on top of the partial stack.
    let svg = render_svg(&chart(ChartKind::StackedBar, years(2018, 2021), two));
    assert_eq!(svg.matches(">无数据</text>").count(), 2);
    assert_eq!(filled(&svg, "rect", 1), 2 + 1 + 1);
}

#[test]
fn marks_on_the_highest_stack_stay_inside_the_chart() {
    // The stack of 2021 reaches the top of the axis exactly; its mark needs room above it.
    let two = vec![series("A", &[Some(5.0), Some(20.0)]), series("B", &[Some(5.0), None])];
    let svg = render_svg(&chart(ChartKind::StackedBar, years(2020, 2021), two));
    let mark = svg.lines().find(|l| l.ends_with(">无数据</text>")).unwrap_or_default();
    let legend = svg.lines().find(|l| l.ends_with(">单位：件</text>")).unwrap_or_default();
    let y = |line: &str| line.split("y=\"").nth(1).and_then(|r| r.split('"').next()?.parse::<f64>().ok());
    assert!(y(mark).zip(y(legend)).is_some_and(|(m, l)| m > l + 20.0), "{svg}");
    assert!(view_box(&svg).1 > HEIGHT);
}

#[test]
fn narrow_missing_bars_are_written_downwards_or_dashed() {
    let three = |n: usize| -> Vec<SeriesData> {
        (0..3)
            .map(|j| {
                let mut values = vec![Some(2.0); n];
                if j == 1 {
                    values[0] = None;
                }
                series(&format!("s{j}"), &values)
            })
            .collect()
    };
    // Four groups of three bars: too narrow for "无数据" across, wide enough for one character.
    let svg = render_svg(&chart(ChartKind::GroupedBar, years(2018, 2021), three(4)));
    assert!(svg.contains(">无</text>") && svg.contains(">数</text>") && svg.contains(">据</text>"), "{svg}");
    let mut en = chart(ChartKind::GroupedBar, years(2016, 2021), three(6));
    en.style = Style::English;
    assert!(render_svg(&en).contains(&format!(">{}</text>", numfmt::MISSING)));
    // Nine groups: a dash.
    let svg = render_svg(&chart(ChartKind::GroupedBar, years(2013, 2021), three(9)));
    assert_eq!(svg.matches(&format!(">{}</text>", numfmt::MISSING)).count(), 1);
}

#[test]
fn horizontal_bars_with_values_and_growing_height() {
    let names = ["商标侵权案件", "专利侵权纠纷", "假冒专利", "地理标志", "集成电路布图设计", "其他"];
    let values = [Some(412.0), Some(1_203.0), Some(88.0), None, Some(3.0), Some(57.0)];
    let input =
        chart(ChartKind::HorizontalBar, names.iter().map(|s| s.to_string()).collect(), vec![series("案件数", &values)]);
    let svg = render_svg(&input);
    assert_structure(&svg, "chart-test-1");
    assert_eq!(filled(&svg, "rect", 0), 5);
    assert!(svg.contains(">商标侵权案件</text>"));
    // Values as in Chinese prose (no thousands separator), the missing one marked.
    assert!(svg.contains(">1203</text>") && !svg.contains("1,203"));
    assert!(svg.contains(">无数据</text>"));
    let many: Vec<String> = (0..60).map(|i| format!("类别{i}")).collect();
    let tall = render_svg(&chart(ChartKind::HorizontalBar, many, vec![series("x", &[Some(1.0); 60])]));
    assert!(view_box(&tall).1 > 60.0 * 20.0);
    assert!(view_box(&tall).1 > view_box(&svg).1);
}

#[test]
fn horizontal_percentages_keep_their_sign() {
    let pct = Unit { kind: UnitKind::Percent, label: "", currency: None, precision: None };
    let mut input = chart(
        ChartKind::HorizontalBar,
        vec!["武汉".into(), "襄阳".into()],
        vec![series("增速", &[Some(40.9), Some(-12.3)])],
    );
    input.unit = pct;
    let svg = render_svg(&input);
    assert!(svg.contains(&format!(">{}</text>", numfmt::value(Some(40.9), &pct, Style::Chinese))));
    assert!(svg.contains(&format!(">{}</text>", numfmt::value(Some(-12.3), &pct, Style::Chinese))));
    assert!(!svg.contains("单位"));
}

#[test]
fn same_input_same_bytes() {
    for kind in ChartKind::ALL {
        let input = chart(kind, years(2019, 2021), grants());
        assert_eq!(render_svg(&input), render_svg(&input), "{}", kind.name());
    }
}

#[test]
fn every_string_is_escaped_once() {
    let evil = r#"<script>alert(1)</script> & "q""#;
    let mut input =
        chart(ChartKind::Bar, vec![evil.to_string(), "b".into()], vec![series(evil, &[Some(1.0), Some(2.0)])]);
    input.title = evil;
    for kind in ChartKind::ALL {
        input.kind = kind;
        let svg = render_svg(&input);
        assert_structure(&svg, "chart-test-1");
        assert!(!svg.contains("<script"), "{}", kind.name());
        assert!(!svg.contains("&amp;lt;") && !svg.contains("&amp;amp;"), "double escaping");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"));
    }
}

#[test]
fn desc_summarises_the_data_in_the_chart_language() {
    let svg = render_svg(&chart(ChartKind::Bar, years(2019, 2021), grants()));
    let value = numfmt::value(Some(155_000.0), &COUNT_ZH, Style::Chinese);
    assert!(svg.contains("。柱状图，2019年至2021年。专利授权总量：2019年"));
    assert!(svg.contains(&format!("2021年{value}")));
    let mut en = chart(ChartKind::Line, years(2019, 2021), grants());
    en.style = Style::English;
    en.unit = COUNT_EN;
    en.title = "Patents granted";
    let svg = render_svg(&en);
    let value = numfmt::value(Some(155_000.0), &COUNT_EN, Style::English);
    assert!(svg.contains(". Line chart, 2019 to 2021. 专利授权总量 — 2019: "));
    assert!(svg.contains(&format!("2021: {value}")));
    assert!(svg.contains(">Patents</text>"));
}

#[test]
fn unlabelled_series_read_without_a_dangling_colon() {
    let svg = render_svg(&chart(ChartKind::Bar, years(2020, 2021), vec![series("", &[Some(1.0), None])]));
    assert!(svg.contains("柱状图，2020年至2021年。2020年1件，2021年无数据。</desc>"));
}

#[test]
fn long_series_are_summarised_by_extremes() {
    let values: Vec<Option<f64>> = (0..60).map(|i| Some(f64::from(i) * 10.0)).collect();
    let svg = render_svg(&chart(ChartKind::Line, years(1962, 2021), vec![series("s", &values)]));
    assert_structure(&svg, "chart-test-1");
    assert!(svg.contains("最高为2021年"));
    assert!(svg.contains("最低为1962年0件"));
}

#[test]
fn no_data_charts_say_so() {
    let empty = chart(ChartKind::Bar, Vec::new(), grants());
    let svg = render_svg(&empty);
    assert_structure(&svg, "chart-test-1");
    assert!(svg.contains(">无数据</text>"));
    assert!(svg.contains("柱状图，无数据。"));
    let mut en = chart(ChartKind::Line, years(2019, 2020), vec![series("x", &[None, None])]);
    en.style = Style::English;
    let svg = render_svg(&en);
    assert!(svg.contains(">No data</text>"));
    let none = render_svg(&chart(ChartKind::HorizontalBar, years(2019, 2020), Vec::new()));
    assert!(none.contains(">无数据</text>"));
}

#[test]
fn odd_input_never_panics() {
    let cases: Vec<(Vec<String>, Vec<SeriesData>)> = vec![
        (Vec::new(), Vec::new()),
        (years(2021, 2021), vec![series("one", &[Some(5.0)])]),
        (years(2019, 2021), vec![series("nan", &[Some(f64::NAN), Some(f64::INFINITY), Some(f64::NEG_INFINITY)])]),
        (years(2019, 2021), vec![series("zero", &[Some(0.0); 3])]),
        (years(2019, 2021), vec![series("huge", &[Some(1e15), Some(2e15), Some(1e308)])]),
        (years(2019, 2021), vec![series("extreme", &[Some(-1e308), Some(1e308), Some(f64::MIN_POSITIVE)])]),
        (years(2019, 2021), vec![series("neg", &[Some(-5.0), Some(3.0), Some(-0.5)])]),
        (years(2019, 2021), vec![series("all negative", &[Some(-5.0), Some(-3.0), Some(-1.0)])]),
        (years(2019, 2021), vec![series("short", &[Some(1.0)]), series("long", &[Some(1.0); 9])]),
        (years(1962, 2021), (0..3).map(|j| series(&format!("s{j}"), &[Some(f64::from(j) + 1.0); 60])).collect()),
        (vec!["".into(), " ".into(), "\n\t".into()], vec![series("", &[Some(1.0), None, Some(2.0)])]),
        (vec!["很长很长的类别名称".repeat(8)], vec![series(&"Series ".repeat(40), &[Some(12.5)])]),
        (years(2019, 2020), (0..20).map(|j| series(&format!("系列{j}"), &[Some(1.0), Some(2.0)])).collect()),
    ];
    for (categories, series) in cases {
        for kind in ChartKind::ALL {
            let input = chart(kind, categories.clone(), series.clone());
            let svg = render_svg(&input);
            assert_structure(&svg, "chart-test-1");
            let (w, h) = view_box(&svg);
            assert!(w == WIDTH && h >= 100.0, "{} {w}x{h}", kind.name());
        }
    }
}

#[test]
fn nan_and_infinity_are_missing_not_zero() {
    let input =
        chart(ChartKind::Bar, years(2019, 2021), vec![series("x", &[Some(f64::NAN), Some(2.0), Some(f64::INFINITY)])]);
    let svg = render_svg(&input);
    assert_eq!(filled(&svg, "rect", 0), 1);
    assert!(svg.contains("2019年无数据"));
}

#[test]
fn huge_values_get_round_ticks() {
    let svg =
        render_svg(&chart(ChartKind::Bar, years(2019, 2021), vec![series("x", &[Some(2e14), Some(5e14), Some(1e15)])]));
    let ticks = numfmt::axis_ticks(&[0.0, 1e15], 2e14, &COUNT_ZH, Style::Chinese);
    assert!(svg.contains(&format!(">{}</text>", ticks[1])));
}

#[test]
fn ids_are_sanitised() {
    let mut input = chart(ChartKind::Bar, years(2020, 2021), grants());
    input.id = "Chart \"1\"";
    let svg = render_svg(&input);
    assert_structure(&svg, "-hart--1-");
    input.id = "";
    assert_structure(&render_svg(&input), "chart");
}

#[test]
fn text_sizes_stay_legible_on_a_phone() {
    // Shown 300 px wide on a 320 px phone, every text must be at least 12 px (and not huge at
    // the theme's widest, 448 px).
    for kind in ChartKind::ALL {
        let svg = render_svg(&chart(kind, years(2019, 2021), grants()));
        let (width, _) = view_box(&svg);
        for size in svg.split("font-size=\"").skip(1).filter_map(|s| s.split('"').next()) {
            let size: f64 = size.parse().unwrap_or(0.0);
            assert!(size * 300.0 / width >= 12.0, "font-size {size} in a {width} wide viewBox");
            assert!(size * 448.0 / width <= 21.0, "font-size {size} in a {width} wide viewBox");
        }
    }
}

#[test]
fn inline_charts_leave_title_and_unit_to_the_page() {
    let input = chart(ChartKind::Bar, years(2019, 2021), grants());
    let standalone = render_svg(&input);
    let inline = render_svg_inline(&input);
    assert_structure(&inline, "chart-test-1");
    assert!(standalone.contains(">专利授权量</text>") && standalone.contains(">单位：件</text>"));
    assert!(!inline.contains(">专利授权量</text>") && !inline.contains(">单位：件</text>"));
    // Named and described the same way.
    let head = |svg: &str| svg.lines().take(3).collect::<Vec<_>>().join("\n");
    assert_eq!(
        head(&standalone).replace("viewBox", ""),
        head(&inline).replace("viewBox", "").replace(&view_box_text(&inline), &view_box_text(&standalone))
    );
}

fn view_box_text(svg: &str) -> String {
    svg.split("viewBox=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or_default().to_string()
}

#[test]
fn desc_leads_with_the_takeaway() {
    let mut en = chart(ChartKind::Bar, years(2019, 2021), grants());
    en.style = Style::English;
    en.unit = COUNT_EN;
    en.series.truncate(1);
    en.series[0].label = "Patents granted".into();
    let svg = render_svg(&en);
    assert!(
        svg.contains("<desc id=\"chart-test-1-desc\">Patents granted: 155,000 patents in 2021, up 40.9% year on year. Bar chart, 2019 to 2021."),
        "{svg}"
    );
    // Categories: the largest and the smallest.
    let cities = vec!["武汉".to_string(), "襄阳".to_string(), "宜昌".to_string()];
    let zh = chart(ChartKind::HorizontalBar, cities, vec![series("案件", &[Some(412.0), Some(35.0), Some(90.0)])]);
    let svg = render_svg(&zh);
    assert!(
        svg.contains("<desc id=\"chart-test-1-desc\">案件最多的是武汉，为412件；最少的是襄阳，为35件。条形图，共3项。"),
        "{svg}"
    );
    // A fall is a fall, and a missing previous period gives no change.
    let zh = chart(
        ChartKind::Line,
        years(2019, 2021),
        vec![series("受理", &[Some(10.0), Some(20.0), Some(15.0)]), series("审结", &[Some(1.0), None, Some(2.0)])],
    );
    let svg = render_svg(&zh);
    assert!(svg.contains(">2021年受理为15件，同比下降25.0%。2021年审结为2件。折线图"), "{svg}");
}

#[test]
fn axes_use_one_magnitude() {
    let svg = render_svg(&chart(
        ChartKind::GroupedBar,
        years(2020, 2021),
        vec![series("a", &[Some(9_800.0), Some(19_500.0)]), series("b", &[Some(9_200.0), Some(16_700.0)])],
    ));
    for tick in ["0", "0.5万", "1万", "1.5万", "2万"] {
        assert!(svg.contains(&format!(">{tick}</text>")), "{tick}");
    }
    assert!(!svg.contains(">5000</text>"));
    let mut en = chart(ChartKind::Bar, years(2018, 2021), vec![series("a", &[Some(1_550.0), Some(1_691.0)])]);
    en.style = Style::English;
    en.unit = COUNT_EN;
    let svg = render_svg(&en);
    for tick in ["0", "500", "1,000", "1,500", "2,000"] {
        assert!(svg.contains(&format!(">{tick}</text>")), "{tick}");
    }
    assert!(!svg.contains("k</text>"));
}

#[test]
fn english_charts_use_latin_fonts_first() {
    let mut input = chart(ChartKind::Bar, years(2019, 2021), grants());
    assert!(render_svg(&input).lines().next().unwrap_or_default().contains("font-family=\"'PingFang SC',"));
    input.style = Style::English;
    assert!(render_svg(&input).lines().next().unwrap_or_default().contains("font-family=\"system-ui,"));
}

#[test]
fn long_horizontal_names_wrap_to_three_even_lines() {
    let names = ["Patent infringement rulings closed", "Counterfeiting and infringement crimes solved by police"];
    let mut en = chart(
        ChartKind::HorizontalBar,
        names.iter().map(|s| s.to_string()).collect(),
        vec![series("Cases", &[Some(1_631.0), Some(355.0)])],
    );
    en.style = Style::English;
    en.unit = COUNT_EN;
    let svg = render_svg(&en);
    assert!(!svg.contains('…'), "{svg}");
    assert!(svg.contains(">1,631</text>"));
    let zh = chart(
        ChartKind::HorizontalBar,
        vec!["办结专利侵权纠纷行政裁决案件".into(), "市场监管部门查处知识产权案件".into()],
        vec![series("案件", &[Some(1_631.0), Some(1_001.0)])],
    );
    let svg = render_svg(&zh);
    assert!(!svg.contains('…'));
    // Whatever the column width, no line holds a single character.
    let texts: Vec<&str> = svg.lines().filter_map(|l| l.strip_suffix("</text>")?.rsplit('>').next()).collect();
    assert!(texts.iter().all(|t| t.chars().count() != 1 || t.chars().all(|c| c.is_ascii_digit())), "{texts:?}");
    assert!(svg.contains(">1631</text>"));
}
