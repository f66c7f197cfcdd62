//! Citations of a dataset or a release: the text shown on its page (GB/T 7714-2015 for
//! Chinese, APA 7 for other languages) and the files reference managers import (`cite.bib`,
//! `cite.ris`, `cite.json` as CSL-JSON). Pure functions: every value is escaped here, for
//! the format it is written in, and no clock is read (the date cited is the work's own).

use jiff::civil::Date;
use serde_json::json;

use crate::markdown::shortcode::escape;
use crate::numfmt::Style;

/// What is cited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A dataset (`/data/<id>/`): GB/T 7714 `[DS/OL]`, APA `[Data set]`, BibTeX `@dataset`,
    /// RIS `DATA`, CSL `dataset`.
    Dataset,
    /// A release (`/releases/<year>/`): GB/T 7714 `[EB/OL]`, BibTeX `@report`, RIS `RPRT`,
    /// CSL `report`.
    Release,
}

/// A work to cite, in one language.
#[derive(Clone, Debug)]
pub struct Work<'a> {
    /// Dataset or release.
    pub kind: Kind,
    /// The citation key (BibTeX key, CSL `id`): `patent-grants`, `release-2022`. Characters
    /// other than ASCII letters, digits, `-`, `_` and `:` are replaced.
    pub key: &'a str,
    /// Title in the page's language.
    pub title: &'a str,
    /// Who is responsible for the figures (the dataset's publisher, else the site's).
    pub author: &'a str,
    /// Who publishes them on this site; named only where it is not the author.
    pub publisher: &'a str,
    /// Publication or update date; also given as the date cited, so that the files do not
    /// depend on the day of the build.
    pub issued: Option<Date>,
    /// The absolute URL of the page.
    pub url: &'a str,
    /// The page's BCP 47 language tag.
    pub language: &'a str,
    /// Source and licence, already worded in the page's language.
    pub note: Option<String>,
}

/// Collapses every run of whitespace (newlines included) into one space and trims.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn key(w: &Work<'_>) -> String {
    let k: String = w
        .key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':') { c } else { '-' })
        .collect();
    if k.is_empty() { "item".into() } else { k }
}

/// The author differs from the publisher (court statistics republished by the IP office).
fn other_publisher<'a>(w: &Work<'a>) -> Option<&'a str> {
    (clean(w.publisher) != clean(w.author) && !w.publisher.trim().is_empty()).then_some(w.publisher)
}

/// Ends `s` with a full stop unless it already ends with one (or with `?`/`!`).
fn stop(s: String) -> String {
    if s.ends_with(['.', '?', '!', '。']) { s } else { s + "." }
}

/// The citation as HTML in the language's style: GB/T 7714-2015 for Chinese
/// (`责任者. 题名[DS/OL]. (更新日期)[引用日期]. URL.`), APA 7 otherwise
/// (`Author. (Year). <i>Title</i> [Data set]. Publisher. URL`).
pub fn html(w: &Work<'_>, style: Style) -> String {
    let (author, title, url) = (escape(&clean(w.author)), escape(&clean(w.title)), escape(&clean(w.url)));
    match style {
        Style::Chinese => {
            let mark = match w.kind {
                Kind::Dataset => "DS/OL",
                Kind::Release => "EB/OL",
            };
            let dates = w.issued.map(|d| format!(" ({d})[{d}].")).unwrap_or_default();
            format!("{}{title}[{mark}].{dates} {url}.", stop(author) + " ")
        }
        Style::English => {
            let year = w.issued.map_or_else(|| "n.d.".to_string(), |d| d.year().to_string());
            let what = match w.kind {
                Kind::Dataset => " [Data set]",
                Kind::Release => "",
            };
            let publisher = other_publisher(w).map(|p| stop(escape(&clean(p))) + " ").unwrap_or_default();
            format!("{} ({year}). <i>{title}</i>{what}. {publisher}{url}", stop(author))
        }
    }
}

/// Escapes text for a braced BibTeX field: the LaTeX special characters, braces included, so
/// that every field's braces balance; whitespace collapsed. Non-ASCII text stays UTF-8.
pub fn bibtex_escape(s: &str) -> String {
    let mut out = String::new();
    for c in clean(s).chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            c => out.push(c),
        }
    }
    out
}

/// A URL as a BibTeX `url` field takes it (verbatim): braces, backslashes, `%`-less
/// characters that would break the field percent-encoded.
fn bibtex_url(s: &str) -> String {
    clean(s)
        .chars()
        .map(|c| match c {
            '{' => "%7B".into(),
            '}' => "%7D".into(),
            '\\' => "%5C".into(),
            ' ' => "%20".into(),
            c => c.to_string(),
        })
        .collect()
}

/// `cite.bib`: one biblatex entry (`@dataset` or `@report`), UTF-8. Corporate authors in
/// double braces, so that no style splits them into given and family names.
pub fn bibtex(w: &Work<'_>) -> String {
    let entry = match w.kind {
        Kind::Dataset => "dataset",
        Kind::Release => "report",
    };
    let mut fields: Vec<(&str, String)> = vec![
        ("author", format!("{{{}}}", bibtex_escape(w.author))),
        ("title", format!("{{{}}}", bibtex_escape(w.title))),
    ];
    if let Some(p) = other_publisher(w) {
        let name = if w.kind == Kind::Release { "institution" } else { "publisher" };
        fields.push((name, bibtex_escape(p)));
    } else if w.kind == Kind::Release {
        fields.push(("institution", bibtex_escape(w.author)));
    }
    if let Some(d) = w.issued {
        fields.push(("year", d.year().to_string()));
        fields.push(("date", d.to_string()));
        fields.push(("urldate", d.to_string()));
    }
    fields.push(("url", bibtex_url(w.url)));
    fields.push(("language", bibtex_escape(w.language)));
    if let Some(n) = &w.note {
        fields.push(("note", bibtex_escape(n)));
    }
    let mut out = format!("@{entry}{{{},\n", key(w));
    for (name, value) in fields {
        out.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    out.push_str("}\n");
    out
}

/// `cite.ris`: one RIS record (`TY  - DATA` or `RPRT` … `ER  - `), CRLF line ends, each
/// value on one line.
pub fn ris(w: &Work<'_>) -> String {
    let ty = match w.kind {
        Kind::Dataset => "DATA",
        Kind::Release => "RPRT",
    };
    let mut lines: Vec<(&str, String)> = vec![("TY", ty.into()), ("AU", clean(w.author)), ("TI", clean(w.title))];
    if let Some(d) = w.issued {
        lines.push(("PY", d.year().to_string()));
        lines.push(("DA", d.strftime("%Y/%m/%d/").to_string()));
        lines.push(("Y2", d.strftime("%Y/%m/%d/").to_string()));
    }
    lines.push(("PB", clean(other_publisher(w).unwrap_or(w.author))));
    lines.push(("UR", clean(w.url)));
    lines.push(("LA", clean(w.language)));
    if let Some(n) = &w.note {
        lines.push(("N1", clean(n)));
    }
    let mut out = String::new();
    for (tag, value) in lines.into_iter().filter(|(_, v)| !v.is_empty()) {
        out.push_str(&format!("{tag}  - {value}\r\n"));
    }
    out.push_str("ER  - \r\n");
    out
}

/// `cite.json`: CSL-JSON, an array of one item (`id`, `type`, `title`, `author`,
/// `publisher`, `issued`, `accessed`, `URL`, `language`, `note`).
pub fn csl_json(w: &Work<'_>) -> String {
    let parts = |d: Date| json!({"date-parts": [[d.year(), d.month(), d.day()]]});
    let mut item = json!({
        "id": key(w),
        "type": match w.kind { Kind::Dataset => "dataset", Kind::Release => "report" },
        "title": clean(w.title),
        "author": [{"literal": clean(w.author)}],
        "publisher": clean(other_publisher(w).unwrap_or(w.author)),
        "URL": clean(w.url),
        "language": clean(w.language),
    });
    if w.kind == Kind::Dataset {
        item["medium"] = json!("online");
    }
    if let Some(d) = w.issued {
        item["issued"] = parts(d);
        item["accessed"] = parts(d);
    }
    if let Some(n) = &w.note {
        item["note"] = json!(clean(n));
    }
    let mut s = serde_json::to_string_pretty(&json!([item])).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work(kind: Kind) -> Work<'static> {
        Work {
            kind,
            key: "patent-grants",
            title: "专利授权量",
            author: "湖北省知识产权局",
            publisher: "湖北省知识产权局",
            issued: Some(jiff::civil::date(2022, 4, 26)),
            url: "https://ip.example.org/data/patent-grants/",
            language: "zh-Hans",
            note: Some("许可协议：CC-BY-4.0".into()),
        }
    }

    fn hostile() -> Work<'static> {
        Work {
            kind: Kind::Dataset,
            key: "a b{c}",
            title: "Cases {won} & \"lost\" <b>50%</b>\n_x_ #1 $2 ~ ^ \\end",
            author: "Court }{ of\r\nAppeal",
            publisher: "Hubei IP <Office>",
            issued: Some(jiff::civil::date(2021, 12, 31)),
            url: "https://ip.example.org/data/x{y}/",
            language: "en",
            note: Some("Source: a\nb".into()),
        }
    }

    #[test]
    fn chinese_citation_follows_gb_t_7714() {
        let w = work(Kind::Dataset);
        assert_eq!(
            html(&w, Style::Chinese),
            "湖北省知识产权局. 专利授权量[DS/OL]. (2022-04-26)[2022-04-26]. https://ip.example.org/data/patent-grants/."
        );
        let r = Work { kind: Kind::Release, title: "2022年发布", ..work(Kind::Release) };
        assert!(html(&r, Style::Chinese).contains("2022年发布[EB/OL]. (2022-04-26)[2022-04-26]. https://"));
        let undated = Work { issued: None, ..work(Kind::Dataset) };
        assert_eq!(
            html(&undated, Style::Chinese),
            "湖北省知识产权局. 专利授权量[DS/OL]. https://ip.example.org/data/patent-grants/."
        );
    }

    #[test]
    fn english_citation_follows_apa() {
        let w = Work {
            title: "Patents granted",
            author: "Hubei Intellectual Property Administration",
            publisher: "Hubei Intellectual Property Administration",
            ..work(Kind::Dataset)
        };
        assert_eq!(
            html(&w, Style::English),
            "Hubei Intellectual Property Administration. (2022). <i>Patents granted</i> [Data set]. https://ip.example.org/data/patent-grants/"
        );
        let courts = Work { author: "Hubei High People's Court", ..w.clone() };
        assert!(
            html(&courts, Style::English).contains("[Data set]. Hubei Intellectual Property Administration. https://")
        );
        assert!(html(&Work { issued: None, ..w }, Style::English).contains("(n.d.)"));
    }

    #[test]
    fn hostile_values_are_escaped_in_html() {
        for style in [Style::Chinese, Style::English] {
            let h = html(&hostile(), style);
            assert!(!h.contains("<b>") && !h.contains("<Office>"), "{h}");
            assert!(h.contains("&lt;b&gt;"), "{h}");
            assert!(!h.contains('\n') && !h.contains('\r'), "{h}");
        }
    }

    #[test]
    fn bibtex_braces_balance_and_specials_are_escaped() {
        let b = bibtex(&hostile());
        let mut depth = 0i32;
        let mut prev = ' ';
        for c in b.chars() {
            if prev != '\\' {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                assert!(depth >= 0, "{b}");
            }
            prev = c;
        }
        assert_eq!(depth, 0, "{b}");
        assert!(b.starts_with("@dataset{a-b-c-,\n"), "{b}");
        assert!(
            b.contains("\\{won\\} \\& \"lost\" <b>50\\%</b> \\_x\\_ \\#1 \\$2 \\~{} \\^{} \\textbackslash{}end"),
            "{b}"
        );
        assert!(b.contains("author = {{Court \\}\\{ of Appeal}}"), "{b}");
        assert!(b.contains("url = {https://ip.example.org/data/x%7By%7D/}"), "{b}");
        assert!(b.contains("publisher = {Hubei IP <Office>}"), "{b}");
        assert_eq!(b.lines().count(), 11, "one field per line: {b}");
        let zh = bibtex(&work(Kind::Dataset));
        assert!(zh.contains("title = {{专利授权量}}") && zh.contains("year = {2022}"), "{zh}");
        assert!(!zh.contains("publisher"), "the author is the publisher: {zh}");
        assert!(bibtex(&work(Kind::Release)).starts_with("@report{patent-grants,"));
    }

    #[test]
    fn ris_has_one_value_per_line() {
        let r = ris(&hostile());
        assert!(r.starts_with("TY  - DATA\r\n"), "{r}");
        assert!(r.ends_with("\r\nER  - \r\n"), "{r}");
        for line in r.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() >= 6 && &line[2..6] == "  - ", "{line:?}");
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
        assert!(r.contains("AU  - Court }{ of Appeal\r\n"), "{r}");
        assert!(r.contains("DA  - 2021/12/31/\r\n") && r.contains("PY  - 2021\r\n"), "{r}");
        assert!(ris(&work(Kind::Release)).starts_with("TY  - RPRT\r\n"));
    }

    #[test]
    fn csl_json_is_json_with_the_required_fields() {
        let v: serde_json::Value = serde_json::from_str(&csl_json(&hostile())).unwrap();
        let item = &v[0];
        assert_eq!(item["id"], "a-b-c-");
        assert_eq!(item["type"], "dataset");
        assert_eq!(item["title"], "Cases {won} & \"lost\" <b>50%</b> _x_ #1 $2 ~ ^ \\end");
        assert_eq!(item["author"][0]["literal"], "Court }{ of Appeal");
        assert_eq!(item["publisher"], "Hubei IP <Office>");
        assert_eq!(item["issued"]["date-parts"][0], json!([2021, 12, 31]));
        assert_eq!(item["URL"], "https://ip.example.org/data/x{y}/");
        let r: serde_json::Value = serde_json::from_str(&csl_json(&work(Kind::Release))).unwrap();
        assert_eq!(r[0]["type"], "report");
    }

    #[test]
    fn same_work_same_bytes() {
        let w = work(Kind::Dataset);
        assert_eq!(bibtex(&w), bibtex(&w.clone()));
        assert_eq!(csl_json(&w), csl_json(&w.clone()));
    }
}
