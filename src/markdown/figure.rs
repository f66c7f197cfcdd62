//! ```` ```chart ```` blocks -> `<figure>`: the chart as inline SVG, a caption, the source,
//! a table of the same numbers, and links to the data files.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::shortcode::escape;
use crate::chart::{self, ChartInput, ChartKind, SeriesData};
use crate::diag::Diagnostic;
use crate::model::dataset::KeyKind;
use crate::model::{Dataset, Lang, Text};
use crate::msg::{self, List, Said};
use crate::numfmt::{self, Style, Unit};
use crate::yaml;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChart {
    data: Spanned<String>,
    kind: Spanned<String>,
    #[serde(default)]
    series: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    from: Option<Spanned<serde_json::Value>>,
    #[serde(default)]
    to: Option<Spanned<serde_json::Value>>,
    #[serde(default)]
    title: Option<Text>,
}

/// A validated chart block: which dataset, which series, which rows.
#[derive(Debug)]
pub struct ChartSpec<'d> {
    /// The dataset.
    pub dataset: &'d Dataset,
    /// Kind of chart.
    pub kind: ChartKind,
    /// Series indices in the dataset, in the order asked for.
    pub series: Vec<usize>,
    /// Row range (inclusive start, exclusive end).
    pub rows: std::ops::Range<usize>,
    /// Title override.
    pub title: Option<Text>,
}

/// A rendered chart, also written to `/charts/<name>.<lang>.svg`.
#[derive(Debug, Clone)]
pub struct Figure {
    /// Stable file name stem, shared by the page's languages.
    pub name: String,
    /// Dataset id.
    pub dataset: String,
    /// Chart title in the page's language.
    pub title: String,
    /// The standalone SVG document.
    pub svg: String,
    /// The chart as its embed page (`/embed/<name>/`) shows it: caption, inline SVG, source
    /// and licence, as HTML (every value escaped).
    pub embed: String,
}

/// Parses and validates a chart block's YAML body. `first_line` is the file line of the body.
pub fn parse_spec<'d>(
    body: &str,
    datasets: &'d BTreeMap<String, Dataset>,
    path: &str,
    first_line: usize,
    file_text: &str,
) -> Result<ChartSpec<'d>, Diagnostic> {
    let raw: RawChart = yaml::parse(body, path, first_line, file_text)?;
    let at = |loc: &serde_saphyr::Location, message: Said, hint: Said| {
        let (l, c) = yaml::location_of(loc);
        Diagnostic::error(path, l + first_line - 1, c, message).with_hint(hint).with_source(file_text)
    };
    let Some(dataset) = datasets.get(&raw.data.value) else {
        let ids: Vec<&str> = datasets.keys().map(String::as_str).collect();
        let hint = match yaml::nearest(&raw.data.value, &ids) {
            Some(k) => msg::datasets_did_you_mean(k, &List::of(&ids)),
            None => msg::datasets_are_files(&List::of(&ids)),
        };
        return Err(at(&raw.data.referenced, msg::unknown_dataset(&raw.data.value), hint));
    };
    let Some(kind) = ChartKind::parse(&raw.kind.value) else {
        return Err(at(
            &raw.kind.referenced,
            msg::unknown_chart_kind(&raw.kind.value),
            msg::use_one_of(&List::of(["bar", "grouped-bar", "stacked-bar", "line", "horizontal-bar"])),
        ));
    };
    if !kind_fits(kind, dataset.key.kind) {
        return Err(at(
            &raw.kind.referenced,
            msg::chart_needs_time(kind.name(), &dataset.id),
            msg::chart_needs_time_hint(),
        ));
    }
    let series = match &raw.series {
        None => (0..dataset.series.len()).collect(),
        Some(list) => {
            let mut out = Vec::new();
            for id in &list.value {
                let Some((i, _)) = dataset.series(id) else {
                    let ids: Vec<&str> = dataset.series.iter().map(|s| s.id.as_str()).collect();
                    return Err(at(
                        &list.referenced,
                        msg::no_such_series(&dataset.id, id),
                        msg::its_series_are(&List::of(&ids)),
                    ));
                };
                out.push(i);
            }
            if out.is_empty() {
                return Err(at(&list.referenced, msg::series_empty(), msg::series_empty_hint()));
            }
            out
        }
    };
    let first_kind = dataset.series[series[0]].unit.kind;
    if let Some(&other) = series.iter().find(|&&i| dataset.series[i].unit.kind != first_kind) {
        let loc = raw.series.as_ref().map_or(raw.kind.referenced, |s| s.referenced);
        return Err(at(
            &loc,
            msg::units_differ(&dataset.series[series[0]].id, &dataset.series[other].id),
            msg::units_differ_hint(),
        ));
    }
    let find = |v: &Option<Spanned<serde_json::Value>>, default: usize| -> Result<usize, Diagnostic> {
        let Some(v) = v else { return Ok(default) };
        let key = match &v.value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        dataset.row_index(&key).ok_or_else(|| {
            let first = dataset.rows.first().map_or("", |r| r.key.as_str());
            let last = dataset.rows.last().map_or("", |r| r.key.as_str());
            at(
                &v.referenced,
                msg::outside_data(&key, &dataset.id),
                msg::data_runs(&msg::key_kind(dataset.key.kind), first, last),
            )
        })
    };
    if dataset.rows.is_empty() {
        return Err(at(&raw.data.referenced, msg::no_rows(&dataset.id), msg::no_rows_hint(&dataset.id)));
    }
    let start = find(&raw.from, 0)?;
    let end = find(&raw.to, dataset.rows.len().saturating_sub(1))? + 1;
    if start >= end {
        let loc = raw.from.as_ref().map_or(raw.data.referenced, |f| f.referenced);
        return Err(at(&loc, msg::from_after_to(), msg::from_after_to_hint()));
    }
    Ok(ChartSpec { dataset, kind, series, rows: start..end, title: raw.title })
}

/// Strings of the theme that a figure shows, already in the page's language.
pub struct FigureText<'a> {
    /// "来源" / "Source".
    pub source: &'a str,
    /// "数据表" / "Data table".
    pub table: &'a str,
    /// "数据集" / "Dataset".
    pub dataset: &'a str,
    /// "单位" / "Unit".
    pub unit: &'a str,
    /// "下载" / "Download".
    pub download: &'a str,
    /// "许可协议" / "Licence".
    pub license: &'a str,
    /// "PNG 图片" / "PNG image".
    pub png: &'a str,
    /// The page's absolute address, written at the foot of its standalone charts.
    pub address: &'a str,
}

/// Where a figure is drawn: the page's language and strings.
pub struct Place<'a> {
    /// The page's language.
    pub lang: &'a Lang,
    /// Theme strings.
    pub text: &'a FigureText<'a>,
    /// On the dataset's own page (no link to itself).
    pub on_dataset_page: bool,
    /// The site's absolute base URL, for the embed snippet (`https://example.org`).
    pub base_url: &'a str,
}

/// Renders a chart block to its `<figure>` HTML and the standalone SVG.
pub fn render(spec: &ChartSpec<'_>, name: &str, element_id: &str, place: &Place<'_>) -> (String, Figure) {
    let Place { lang, text, on_dataset_page, base_url } = *place;
    let lang_prefix = lang.prefix();
    let ds = spec.dataset;
    let style = lang.style();
    let title = spec.title.as_ref().unwrap_or(&ds.title).get(lang);
    let first = &ds.series[spec.series[0]];
    let unit_label = first.unit.label.get(lang);
    let unit = Unit {
        kind: first.unit.kind,
        label: unit_label,
        currency: first.unit.currency.as_deref(),
        precision: first.precision,
    };
    let rows = &ds.rows[spec.rows.clone()];
    let categories: Vec<String> = rows.iter().map(|r| ds.key_label(&r.key, lang)).collect();
    let series: Vec<SeriesData> = spec
        .series
        .iter()
        .map(|&i| SeriesData {
            label: ds.series[i].label.get(lang).to_string(),
            values: rows.iter().map(|r| r.values[i]).collect(),
            hollow: rows.iter().map(|r| r.status.get(i).copied().flatten().is_some()).collect(),
        })
        .collect();
    let row_ids: Vec<usize> = spec.rows.clone().collect();
    let breaks = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            ds.breaks.iter().any(|b| b.period == r.key && spec.series.iter().any(|&i| b.covers(&ds.series[i].id)))
        })
        .map(|(j, _)| j)
        .collect();
    let bars = spec.kind != crate::chart::ChartKind::Line;
    let notes = super::marks::chart_notes(ds, &row_ids, &spec.series, lang, bars);
    let input = ChartInput {
        id: element_id,
        kind: spec.kind,
        title,
        style,
        unit,
        categories: categories.clone(),
        series,
        breaks,
        notes,
    };
    let sep = if style == Style::Chinese { "：" } else { ": " };
    let credit = [
        format!("{}{sep}{}", text.source, ds.source.name.get(lang)),
        format!("{}{sep}{}", text.license, ds.license),
        text.address.to_string(),
    ];
    let svg = chart::render_svg_credited(&input, &credit);
    let inline_svg = chart::render_svg_inline(&input);

    let unit_text = numfmt::unit_name(&unit, style);
    let (colon, open, close) = if style == Style::Chinese { ("：", "（", "）") } else { (": ", "(", ")") };
    // Links and the table's disclosure are named for their chart ("专利授权量：数据表"), the
    // chart's title read before the short visible label.
    let named = format!("<span class=\"visually-hidden\">{}{colon}</span>", escape(title));
    let mut html = String::with_capacity(svg.len() + 2048);
    html.push_str(&format!("<figure class=\"chart chart-{}\" id=\"{}\">", spec.kind.name(), escape(name)));
    // The title and unit in HTML, where they wrap and follow the reader's text settings; the
    // inline SVG does not draw them again (the standalone file does).
    // On the dataset's own page the chart's title is the page's heading, just above: it is
    // said once, and kept here only for screen readers (the caption names the figure).
    let title_class = if on_dataset_page { "chart-title visually-hidden" } else { "chart-title" };
    html.push_str(&format!("<figcaption><span class=\"{title_class}\">{}</span>", escape(title)));
    if !unit_text.is_empty() {
        html.push_str(&format!(
            " <span class=\"chart-unit\">{open}{}{colon}{}{close}</span>",
            escape(text.unit),
            escape(unit_text)
        ));
    }
    html.push_str("</figcaption>");
    html.push_str(&format!("<div class=\"chart-svg\">{inline_svg}</div>"));
    // The same numbers as a table, for screen readers and for copying. The table and its
    // scrolling region are named by the disclosure's label.
    let table_id = format!("{element_id}-table");
    let table_at = html.len();
    html.push_str(&format!(
        "<details class=\"chart-data\"><summary id=\"{table_id}\">{named}{}</summary>\
         <div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{table_id}\">\
         <table aria-labelledby=\"{table_id}\"><thead><tr>",
        escape(text.table)
    ));
    html.push_str(&format!("<th scope=\"col\">{}</th>", escape(ds.key.label.get(lang))));
    for &i in &spec.series {
        html.push_str(&format!("<th scope=\"col\">{}</th>", escape(ds.series[i].label.get(lang))));
    }
    html.push_str("</tr></thead><tbody>");
    for ((row, cat), &ri) in rows.iter().zip(&categories).zip(&row_ids) {
        html.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(cat)));
        for &i in &spec.series {
            let s = &ds.series[i];
            let u = Unit {
                kind: s.unit.kind,
                label: s.unit.label.get(lang),
                currency: s.unit.currency.as_deref(),
                precision: s.precision,
            };
            html.push_str(&format!(
                "<td>{}{}</td>",
                escape(&numfmt::table(row.values[i], &u, style)),
                super::marks::cell(ds, ri, i, style)
            ));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table></div></details>");
    // What the hollow marks and the dashed line mean: visible, under the chart.
    html.push_str(&super::marks::legend(ds, &row_ids, &spec.series, lang));
    // On the dataset's own page, the page's table (`dataset.html`, under the heading
    // `#table-title`) holds the same numbers, legend included: the figure points to it rather
    // than repeating it.
    if on_dataset_page {
        html.truncate(table_at);
        html.push_str(&format!(
            "<p class=\"chart-table-link\"><a href=\"#table-title\">{named}{}</a></p>",
            escape(text.table)
        ));
    }
    // Figures corrected since the release first published them.
    for r in ds.revisions.iter().filter(|r| spec.series.contains(&r.series)) {
        let Some(row) = rows.iter().find(|row| row.key == r.key) else { continue };
        let s = &ds.series[r.series];
        let u = Unit {
            kind: s.unit.kind,
            label: s.unit.label.get(lang),
            currency: s.unit.currency.as_deref(),
            precision: s.precision,
        };
        let label = escape(&numfmt::correction_label(r.date, style));
        let period = escape(&ds.key_label(&row.key, lang));
        let series = escape(s.label.get(lang));
        let was = escape(&numfmt::table(r.original, &u, style));
        let link = format!("{lang_prefix}/data/{}/#versions", ds.id);
        // `2021` -> `2021年`; quarters and months are already written as Chinese periods.
        let year = if ds.key.kind == KeyKind::Year { "年" } else { "" };
        let unit = if r.original.is_some() { escape(numfmt::unit_name(&u, style)) } else { String::new() };
        html.push_str(&match style {
            Style::Chinese => format!(
                "<p class=\"correction\"><a href=\"{link}\">{label}</a>：{period}{year}{series}原发布为{was}{unit}。</p>"
            ),
            Style::English => format!(
                "<p class=\"correction\"><a href=\"{link}\">{label}</a>: {series}, {period}, was originally published as {was}.</p>"
            ),
        });
    }
    // Source and downloads.
    html.push_str(&format!("<p class=\"chart-meta\">{}{sep}", escape(text.source)));
    let source_name = escape(ds.source.name.get(lang));
    match ds.source.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
        Some(url) => html.push_str(&format!("<a href=\"{}\" rel=\"external\">{source_name}</a>", escape(url))),
        None => html.push_str(&source_name),
    }
    // The dataset page's own chart does not link to itself.
    let dataset_link = if on_dataset_page {
        String::new()
    } else {
        format!("<a href=\"{lang_prefix}/data/{}/\">{named}{}</a> · ", ds.id, escape(text.dataset))
    };
    let source_line_end = html.len();
    html.push_str(&format!(
        " <span class=\"chart-links\">{dataset_link}{} <a href=\"{files}.csv\">{named}CSV</a> <a href=\"{files}.xlsx\">{named}XLSX</a> <a href=\"/charts/{name}.{lang}.svg\">{named}SVG</a> <a href=\"/charts/{name}.{lang}.png\">{named}{}</a></span></p>",
        escape(text.download),
        escape(text.png),
        // A frozen release's figures link the files of the version they show.
        files = match &ds.frozen {
            Some(f) => format!("/data/{}/{}/v{}", ds.id, f.release, f.version),
            None => format!("/data/{}", ds.id),
        },
        name = escape(name),
    ));
    // The embed page: the caption, the chart, its source and licence (the page adds the link back).
    let caption_end = html.find("</figcaption>").map_or(0, |i| i + "</figcaption>".len());
    let caption_start = html.find("<figcaption>").unwrap_or(0);
    let license = escape(&ds.license);
    let license_word = if style == Style::Chinese { "许可协议" } else { "Licence" };
    let embed = format!(
        "{}<div class=\"chart-svg\">{inline_svg}</div>{}</p><p class=\"chart-meta\">{license_word}{sep}<a href=\"{}\" rel=\"license\">{license}</a></p>",
        // An embed travels alone: its title is shown (on the dataset page the page's heading
        // names the chart, and the caption's title is for screen readers only) and is the
        // embed page's one heading.
        html[caption_start..caption_end].replacen(
            &format!("<span class=\"{title_class}\">{}</span>", escape(title)),
            &format!("<h1 class=\"chart-title\">{}</h1>", escape(title)),
            1
        ),
        &html[html[..source_line_end].rfind("<p class=\"chart-meta\">").unwrap_or(source_line_end)..source_line_end],
        escape(&crate::export::license_url(&ds.license)),
    );
    // The snippet to embed the chart elsewhere: an <iframe> of its embed page, to copy.
    let (embed_label, embed_hint) = match style {
        Style::Chinese => ("嵌入本图表", "复制以下代码，粘贴到网页中："),
        Style::English => ("Embed this chart", "Copy this code into a web page:"),
    };
    let iframe = format!(
        "<iframe src=\"{base_url}{lang_prefix}/embed/{name}/\" title=\"{}\" width=\"100%\" height=\"560\" loading=\"lazy\"></iframe>",
        escape(title),
    );
    html.push_str(&format!(
        "<details class=\"embed-code\"><summary>{named}{embed_label}</summary><p>{embed_hint}</p><pre><code>{}</code></pre></details></figure>",
        escape(&iframe)
    ));
    (html, Figure { name: name.to_string(), dataset: ds.id.clone(), title: title.to_string(), svg, embed })
}

/// Whether a chart kind suits the dataset's key (horizontal bars are for categories).
pub fn kind_fits(kind: ChartKind, key: KeyKind) -> bool {
    !(kind == ChartKind::Line && key == KeyKind::Category)
}
