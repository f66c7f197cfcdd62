//! Markdown -> HTML, with data in prose.
//!
//! CommonMark plus tables, footnotes, strikethrough and heading attributes (pulldown-cmark),
//! smart punctuation off (it would turn a Chinese closing ” into an opening “), and the
//! Chinese fixes of [`cjk`]. `{{ value() }}`/`{{ change() }}` calls become formatted figures
//! ([`shortcode`]); ```` ```chart ```` blocks become figures ([`figure`]). Headings get stable
//! ids that work for Chinese text, and long pages a table of contents.
//!
//! This module reads no files: datasets and theme strings come in through [`Context`].

pub mod cjk;
pub mod figure;
pub mod marks;
pub mod shortcode;
mod tables;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::diag::{Diagnostic, LineIndex};
use crate::model::{Dataset, Lang};
pub use figure::{Figure, FigureText};

/// What a page's Markdown needs from the rest of the site.
pub struct Context<'a> {
    /// All datasets by id.
    pub datasets: &'a BTreeMap<String, Dataset>,
    /// The page's language.
    pub lang: &'a Lang,
    /// Source path relative to the site root, for diagnostics.
    pub path: &'a str,
    /// Line of the file at which the Markdown body starts.
    pub body_line: usize,
    /// Page key, from which chart file names are made.
    pub key: &'a str,
    /// Figure strings in the page's language.
    pub text: FigureText<'a>,
    /// The site's absolute base URL (for the embed snippets of charts).
    pub base_url: &'a str,
}

/// One entry of the table of contents.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TocEntry {
    /// 2 or 3.
    pub level: u8,
    /// The heading's id.
    pub id: String,
    /// The heading's text.
    pub title: String,
}

/// A page's body as HTML, with what it contains.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// `##` and `###` headings, when the page is long enough for a table of contents.
    pub toc: Vec<TocEntry>,
    /// Charts drawn on the page.
    pub figures: Vec<Figure>,
    /// Ids of datasets the page uses (in figures and in prose).
    pub datasets: BTreeSet<String>,
    /// Plain text of the first paragraph, for summaries.
    pub first_paragraph: String,
    /// What the author should look at (figures that met a missing value).
    pub warnings: Vec<Diagnostic>,
    /// A release landing page's key figures, worked out for its language (set by
    /// `render::page_markdown`, not by [`render`]: they live in the front matter).
    pub key_figures: Vec<crate::keyfig::KeyFigure>,
}

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_HEADING_ATTRIBUTES)
    .union(Options::ENABLE_GFM);

/// Placeholder delimiters (private-use characters: never in real text, untouched by Markdown).
const PH_OPEN: char = '\u{E000}';
const PH_CLOSE: char = '\u{E001}';

/// The ids of the datasets a page body names, in `{{ value(data=…) }}` calls and in the `data:`
/// line of chart blocks, found without rendering (for pages a build leaves out, whose data
/// must stay out too). It may name more than the page really uses (a call inside code, say):
/// for keeping data back, more is the safe side.
pub fn datasets_named(body: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = body;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let end = after.find("}}").unwrap_or(after.len());
        if let Ok(call) = shortcode::parse(&after[..end]) {
            out.extend(call.args.into_iter().filter(|(k, _)| k == "data").map(|(_, v)| v));
        }
        rest = &after[end.min(after.len())..];
    }
    let mut fence: Option<&str> = None;
    for line in body.lines() {
        let t = line.trim_start();
        match fence {
            None => {
                for f in ["```", "~~~"] {
                    if let Some(info) = t.strip_prefix(f) {
                        fence = Some(f);
                        if info.trim_start_matches(['`', '~']).split_whitespace().next() != Some("chart") {
                            fence = Some(if f == "```" { "```!" } else { "~~~!" });
                        }
                        break;
                    }
                }
            }
            Some(f) => {
                if t.starts_with(&f[..3]) {
                    fence = None;
                } else if !f.ends_with('!')
                    && let Some(v) = t.strip_prefix("data:")
                {
                    let v = v.split(" #").next().unwrap_or("").trim().trim_matches(['"', '\'']);
                    if !v.is_empty() {
                        out.insert(v.to_string());
                    }
                }
            }
        }
    }
    out
}

/// Renders a page body. All problems are returned together.
pub fn render(body: &str, ctx: &Context<'_>) -> Result<Rendered, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut out = Rendered::default();
    let lines = LineIndex::new(body);
    let at = |offset: usize| {
        let (l, c) = lines.position(offset);
        (l + ctx.body_line - 1, c)
    };

    // 1. Shortcodes outside code -> placeholders.
    // Most pages hold no shortcode: skip the extra parse that finds code spans.
    let code = if body.contains("{{") { code_ranges(body) } else { Vec::new() };
    let mut source = String::with_capacity(body.len());
    let mut snippets: Vec<String> = Vec::new();
    let mut pos = 0;
    while let Some(found) = body[pos..].find("{{") {
        let start = pos + found;
        if let Some(r) = code.iter().find(|r| r.contains(&start)) {
            source.push_str(&body[pos..r.end]);
            pos = r.end;
            continue;
        }
        // A `{{` whose `}}` is missing, or lies beyond another `{{` or a blank line, is not
        // closed: report it here rather than swallow the text up to some later `}}`.
        // A blank line inside ends the search (files are decoded with LF line ends).
        let closing = body[start..].find("}}").map(|len| start + len + 2);
        let Some(end) = closing.filter(|&end| {
            let inner = &body[start + 2..end - 2];
            !inner.contains("{{") && !inner.contains("\n\n")
        }) else {
            let (l, c) = at(start);
            diags.push(
                Diagnostic::error(ctx.path, l, c, crate::msg::braces_not_closed())
                    .with_hint(crate::msg::braces_not_closed_hint()),
            );
            source.push_str(&body[pos..start + 2]);
            pos = start + 2;
            continue;
        };
        let inner = &body[start + 2..end - 2];
        source.push_str(&body[pos..start]);
        let result = shortcode::parse(inner).and_then(|c| shortcode::eval(&c, ctx.datasets, ctx.lang));
        match result {
            Ok(shortcode::Evaluated { html, dataset: ds, gap }) => {
                if let Some((message, hint)) = gap {
                    let (l, c) = at(start);
                    out.warnings.push(Diagnostic::warning(ctx.path, l, c, message).with_hint(hint));
                }
                out.datasets.insert(ds);
                source.push(PH_OPEN);
                source.push_str(&snippets.len().to_string());
                source.push(PH_CLOSE);
                snippets.push(html);
            }
            Err(e) => {
                let (l, c) = at(start);
                let mut d = Diagnostic::error(ctx.path, l, c, e.message);
                d.hint = e.hint;
                diags.push(d);
            }
        }
        pos = end;
    }
    source.push_str(&body[pos..]);

    // 2. Parse, then fix Chinese emphasis and line joins.
    let mut events: Vec<(Event<'_>, Range<usize>)> = Parser::new_ext(&source, OPTIONS).into_offset_iter().collect();
    cjk::repair_emphasis(&mut events, &source);
    cjk::join_cjk_lines(&mut events);
    let src_lines = LineIndex::new(&source);

    // 3. Walk the events: placeholders, chart blocks, heading ids.
    let mut html_events: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut ids: BTreeSet<String> = BTreeSet::new();
    let mut headings: Vec<TocEntry> = Vec::new();
    let mut chart_count = 0;
    let mut i = 0;
    while i < events.len() {
        let (ev, range) = &events[i];
        match ev {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.split_whitespace().next() == Some("chart") =>
            {
                let mut body = String::new();
                let mut j = i + 1;
                while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::CodeBlock)) {
                    if let Event::Text(t) = &events[j].0 {
                        body.push_str(t);
                    }
                    j += 1;
                }
                let (fence_line, _) = src_lines.position(range.start);
                let first_line = fence_line + ctx.body_line;
                chart_count += 1;
                // A block without its closing ``` runs on to the end of the page, or to the
                // next block's closing fence: say so, not what the YAML reader makes of the
                // text it swallowed.
                let block = source.get(range.clone()).unwrap_or("").trim_end();
                let fence = |l: &str| l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~");
                let closed = block.lines().count() > 1 && block.lines().last().is_some_and(fence);
                if !closed || body.lines().any(fence) {
                    let mut d = Diagnostic::error(ctx.path, first_line - 1, 1, crate::msg::chart_not_closed())
                        .with_hint(crate::msg::chart_not_closed_hint());
                    d.source_line = block.lines().next().map(str::to_string);
                    diags.push(d);
                    i = j + 1;
                    continue;
                }
                match figure::parse_spec(&body, ctx.datasets, ctx.path, first_line, "") {
                    Ok(spec) => {
                        let base = if ctx.key.is_empty() { "home".to_string() } else { ctx.key.replace('/', "-") };
                        let mut name = format!("{base}-{}", spec.dataset.id);
                        let mut n = 2;
                        while out.figures.iter().any(|f| f.name == name) {
                            name = format!("{base}-{}-{n}", spec.dataset.id);
                            n += 1;
                        }
                        let element_id = format!("chart-{chart_count}");
                        let place = figure::Place {
                            lang: ctx.lang,
                            text: &ctx.text,
                            on_dataset_page: false,
                            base_url: ctx.base_url,
                        };
                        let (html, fig) = figure::render(&spec, &name, &element_id, &place);
                        out.datasets.insert(fig.dataset.clone());
                        out.figures.push(fig);
                        html_events.push(Event::Html(CowStr::from(html)));
                    }
                    Err(d) => diags.push(d),
                }
                i = j + 1;
                continue;
            }
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                let mut j = i + 1;
                while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::Heading(_))) {
                    j += 1;
                }
                let text = restore_plain(&cjk::plain_text(&events[i + 1..j]), &snippets);
                let wanted = id.as_ref().map(|s| s.to_string()).unwrap_or_else(|| slugify(&text));
                let base = if wanted.is_empty() { format!("section-{}", headings.len() + 1) } else { wanted };
                let mut unique = base.clone();
                let mut n = 1;
                while !ids.insert(unique.clone()) {
                    unique = format!("{base}-{n}");
                    n += 1;
                }
                let lvl = *level as u8;
                if (2..=3).contains(&lvl) {
                    headings.push(TocEntry { level: lvl, id: unique.clone(), title: text });
                }
                html_events.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(unique)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::Text(t) if t.contains(PH_OPEN) => {
                push_with_placeholders(t, &snippets, &mut html_events);
            }
            Event::Start(Tag::Paragraph) if out.first_paragraph.is_empty() => {
                let mut j = i + 1;
                while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::Paragraph)) {
                    j += 1;
                }
                out.first_paragraph = restore_plain(&cjk::plain_text(&events[i + 1..j]), &snippets);
                html_events.push(ev.clone());
            }
            _ => html_events.push(ev.clone()),
        }
        i += 1;
    }
    if !diags.is_empty() {
        // Source lines under the messages, taken from the body (lines are counted in the file).
        for d in &mut diags {
            if d.source_line.is_none() && d.line >= ctx.body_line {
                d.source_line = body.lines().nth(d.line - ctx.body_line).map(str::to_string);
            }
        }
        return Err(diags);
    }
    if headings.len() >= 3 {
        out.toc = headings;
    }
    // Markdown tables scroll sideways inside a wrapper on narrow screens (display:block on the
    // table itself would lose its table semantics in some screen readers). Figures' tables
    // have their wrapper already; raw HTML tables are the author's.
    let wrapped = html_events.into_iter().flat_map(|ev| match ev {
        Event::Start(Tag::Table(_)) => [Some(Event::Html("<div class=\"table-wrap\">".into())), Some(ev)],
        Event::End(TagEnd::Table) => [Some(ev), Some(Event::Html("</div>".into()))],
        ev => [Some(ev), None],
    });
    pulldown_cmark::html::push_html(&mut out.html, wrapped.flatten());
    out.html = tables::annotate(&out.html, ctx.text.table);
    // Table alignment as classes, not inline styles, so the site's CSP can forbid inline styles.
    if out.html.contains(" style=\"text-align: ") {
        out.html = out
            .html
            .replace(" style=\"text-align: left\"", " class=\"align-left\"")
            .replace(" style=\"text-align: center\"", " class=\"align-center\"")
            .replace(" style=\"text-align: right\"", " class=\"align-right\"");
    }
    Ok(out)
}

/// Byte ranges of code spans and code blocks (where `{{` stays literal).
fn code_ranges(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut block_start = None;
    for (ev, r) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        match ev {
            Event::Code(_) => out.push(r),
            Event::Start(Tag::CodeBlock(_)) => block_start = Some(r),
            Event::End(TagEnd::CodeBlock) => {
                if let Some(s) = block_start.take() {
                    out.push(s);
                }
            }
            _ => {}
        }
    }
    out
}

/// Splits text at placeholders into text and inline HTML events.
fn push_with_placeholders<'a>(t: &str, snippets: &[String], out: &mut Vec<Event<'a>>) {
    let mut rest = t;
    while let Some(open) = rest.find(PH_OPEN) {
        if open > 0 {
            out.push(Event::Text(CowStr::from(rest[..open].to_string())));
        }
        let after = &rest[open + PH_OPEN.len_utf8()..];
        let Some(close) = after.find(PH_CLOSE) else {
            break;
        };
        if let Some(html) = after[..close].parse::<usize>().ok().and_then(|n| snippets.get(n)) {
            out.push(Event::InlineHtml(CowStr::from(html.clone())));
        }
        rest = &after[close + PH_CLOSE.len_utf8()..];
    }
    if !rest.is_empty() {
        out.push(Event::Text(CowStr::from(rest.to_string())));
    }
}

/// Text with placeholders replaced by the plain text of their HTML (for ids and summaries).
fn restore_plain(t: &str, snippets: &[String]) -> String {
    let mut out = String::new();
    let mut events = Vec::new();
    push_with_placeholders(t, snippets, &mut events);
    for e in events {
        match e {
            Event::Text(s) => out.push_str(&s),
            Event::InlineHtml(h) => out.push_str(&strip_tags(&h)),
            _ => {}
        }
    }
    out
}

/// Removes tags and decodes the few entities our own HTML uses.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// A stable heading id: letters and digits of any script kept (lowercased), other runs
/// turned into single hyphens. `二、保护效能` -> `二保护效能`, `Key figures` -> `key-figures`.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' || c == '_' || c.is_ascii_punctuation() {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    static ZH: std::sync::LazyLock<Lang> = std::sync::LazyLock::new(|| Lang::new("zh", "中文", "zh", "zh"));

    /// A Chinese page's context over `datasets`.
    pub(super) fn ctx<'a>(datasets: &'a BTreeMap<String, Dataset>) -> Context<'a> {
        Context {
            datasets,
            lang: &ZH,
            path: "content/a.md",
            body_line: 1,
            key: "a",
            base_url: "https://example.org",
            text: FigureText {
                source: "来源",
                table: "数据表",
                dataset: "数据集",
                unit: "单位",
                download: "下载",
                license: "许可协议",
                png: "PNG 图片",
                address: "https://example.org/a/",
            },
        }
    }

    fn md(body: &str) -> String {
        render(body, &ctx(&BTreeMap::new())).unwrap().html
    }

    #[test]
    fn bold_next_to_full_width_punctuation() {
        assert_eq!(md("这是**“重要”**内容"), "<p>这是<strong>“重要”</strong>内容</p>\n");
        assert_eq!(md("**“重要”**内容"), "<p><strong>“重要”</strong>内容</p>\n");
        assert_eq!(md("这是*“强调”*内容"), "<p>这是<em>“强调”</em>内容</p>\n");
        // Escaped stars stay literal; ordinary emphasis is untouched.
        assert_eq!(md(r"a \*\*b\*\* c"), "<p>a **b** c</p>\n");
        assert_eq!(md("a **b** c"), "<p>a <strong>b</strong> c</p>\n");
    }

    #[test]
    fn punctuation_is_untouched() {
        assert_eq!(md("他说：“好。”'a' \"b\" -- ..."), "<p>他说：“好。”'a' \"b\" -- ...</p>\n");
    }

    #[test]
    fn hard_wrapped_chinese_joins_without_space() {
        assert_eq!(md("第一行中文\n第二行中文"), "<p>第一行中文第二行中文</p>\n");
        assert_eq!(md("中文，\nEnglish"), "<p>中文，\nEnglish</p>\n");
        assert_eq!(md("English\nwords"), "<p>English\nwords</p>\n");
    }

    #[test]
    fn heading_ids() {
        assert_eq!(slugify("一、知识产权保护顶层设计"), "一知识产权保护顶层设计");
        assert_eq!(slugify("Key figures, 2021"), "key-figures-2021");
        let html = md("## 概况\n\n## 概况\n\n## Key figures {#key}\n");
        assert!(html.contains("<h2 id=\"概况\">"));
        assert!(html.contains("<h2 id=\"概况-1\">"));
        assert!(html.contains("<h2 id=\"key\">"));
    }

    #[test]
    fn shortcodes_in_code_stay_literal() {
        let html = md("`{{ value(data=\"x\") }}`\n\n```\n{{ change() }}\n```\n");
        assert!(html.contains("<code>{{ value(data=\"x\") }}</code>"), "{html}");
        assert!(html.contains("{{ change() }}"));
    }
}

#[cfg(test)]
mod props {
    use super::tests::ctx;
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text made of the characters that trip up emphasis, shortcodes and code spans
        /// renders or fails cleanly: never a panic.
        #[test]
        fn markdown_never_panics(body in "[*_`\\\\{}()=\"“”。中文a \n#-]{0,80}") {
            let datasets = BTreeMap::new();
            let _ = render(&body, &ctx(&datasets));
        }

        /// Heading ids are stable and usable in a URL fragment.
        #[test]
        fn slugs_are_stable_and_clean(title in "\\PC{0,40}") {
            let a = slugify(&title);
            prop_assert_eq!(&a, &slugify(&title));
            prop_assert!(!a.contains(char::is_whitespace));
            prop_assert!(!a.contains(['#', '?', '/', '"', '<', '>', '%']));
            prop_assert!(!a.starts_with('-') && !a.ends_with('-'));
        }

        /// Every heading of a page gets an id of its own, whatever the titles (repeated,
        /// empty after slugging, or colliding with a numbered one), the same on every run.
        #[test]
        fn heading_ids_are_unique_on_a_page(titles in proptest::collection::vec("(概况|a|-1|\\PC{0,12})", 1..12)) {
            let body: String = titles.iter().map(|t| format!("## {}\n\n", t.replace(['{', '}', '#', '`', '\\', '*', '_', '<', '[', '!'], ""))).collect();
            let datasets = BTreeMap::new();
            let first = render(&body, &ctx(&datasets)).unwrap().html;
            prop_assert_eq!(&first, &render(&body, &ctx(&datasets)).unwrap().html);
            let ids: Vec<&str> = first.split(" id=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
            let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
            prop_assert_eq!(unique.len(), ids.len(), "{:?}", ids);
            prop_assert!(ids.iter().all(|id| !id.is_empty() && !id.contains(char::is_whitespace)), "{:?}", ids);
        }
    }
}
