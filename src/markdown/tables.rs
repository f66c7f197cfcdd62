//! Markdown tables made navigable: each named, its header cells scoped, each row's first cell a
//! row header, and its scrolling wrapper focusable and named (WCAG 1.3.1, 2.1.1).
//!
//! pulldown-cmark writes bare `<table>`s; `render` wraps each in `<div class="table-wrap">`.
//! This pass, over the Markdown's own HTML (never a page's), names a table and its wrapper by
//! the heading it stands under (`aria-labelledby`), or by the theme's "数据表" / "Data table"
//! where no heading comes before it; sets `scope="col"` on header cells; and turns the first
//! cell of each body row, which in a report's table names the row, into `<th scope="row">`.
//! Tables written as raw HTML are the author's and keep what they say.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::{RewriteStrSettings, element, rewrite_str};

/// Names and scopes the tables of `html` (a page body rendered from Markdown). `fallback` names
/// a table that no heading precedes.
pub(super) fn annotate(html: &str, fallback: &str) -> String {
    if !html.contains("<div class=\"table-wrap\"><table>") {
        return html.to_string();
    }
    let heading: Rc<RefCell<Option<String>>> = Rc::new(RefCell::new(None));
    let seen = Rc::clone(&heading);
    let fallback = fallback.to_string();
    let name = move || match heading.borrow().as_ref() {
        Some(id) => ("aria-labelledby", id.clone()),
        None => ("aria-label", fallback.clone()),
    };
    let name_wrap = name.clone();
    let handlers = vec![
        element!("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]", move |el| {
            *seen.borrow_mut() = el.get_attribute("id");
            Ok(())
        }),
        element!("div.table-wrap", move |el| {
            // Only the wrappers `render` wrote (no attribute but the class).
            if el.attributes().len() == 1 {
                el.set_attribute("role", "region")?;
                el.set_attribute("tabindex", "0")?;
                let (attr, value) = name_wrap();
                el.set_attribute(attr, &value)?;
            }
            Ok(())
        }),
        element!("div.table-wrap > table", move |el| {
            if !el.attributes().is_empty() {
                return Ok(());
            }
            let (attr, value) = name();
            el.set_attribute(attr, &value)?;
            Ok(())
        }),
        element!("div.table-wrap > table > thead > tr > th", |el| {
            el.set_attribute("scope", "col")?;
            Ok(())
        }),
        element!("div.table-wrap > table > tbody > tr > td:first-child", |el| {
            el.set_tag_name("th")?;
            el.set_attribute("scope", "row")?;
            Ok(())
        }),
    ];
    let settings = handlers.into_iter().fold(RewriteStrSettings::new(), |s, h| s.append_element_content_handler(h));
    // The HTML is pulldown-cmark's own; should the rewriter refuse it, keep it as it is.
    rewrite_str(html, settings).unwrap_or_else(|_| html.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_named_by_their_heading_and_scoped() {
        let html = "<h2 id=\"summary\">概况</h2>\n<div class=\"table-wrap\"><table><thead><tr><th>指标</th><th>2021年</th></tr></thead>\
                    <tbody><tr><td>专利授权量</td><td>15.5万件</td></tr></tbody></table></div>";
        let out = annotate(html, "数据表");
        assert!(out.contains("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"summary\"><table aria-labelledby=\"summary\">"), "{out}");
        assert!(out.contains("<th scope=\"col\">指标</th><th scope=\"col\">2021年</th>"), "{out}");
        assert!(out.contains("<tr><th scope=\"row\">专利授权量</th><td>15.5万件</td></tr>"), "{out}");
    }

    #[test]
    fn a_table_before_any_heading_gets_the_theme_name() {
        let html = "<div class=\"table-wrap\"><table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></div>";
        let out = annotate(html, "Data \"table\"");
        assert!(out.contains("aria-label=\"Data &quot;table&quot;\""), "{out}");
        assert!(!out.contains("aria-labelledby"));
    }

    #[test]
    fn raw_html_tables_are_left_alone() {
        let html = "<table class=\"mine\"><tbody><tr><td>1</td></tr></tbody></table>";
        assert_eq!(annotate(html, "x"), html);
    }
}
