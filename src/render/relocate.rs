//! Sites published under a path (`base_url: https://example.org/ip/`): root-relative links
//! moved under it.
//!
//! Templates, Markdown and figures link within the site by root-relative URLs (`/data/`,
//! `/en/releases/2022/`). Where `base_url` has a path, every such URL in every generated HTML
//! page is prefixed with it (`/ip/data/`), so that the site works wherever it is served.
//! Absolute URLs (feeds, sitemap, canonical links) already carry the path, through
//! [`crate::model::SiteConfig::absolute`]. Files copied from `static/` are left as they are.

use lol_html::{RewriteStrSettings, element, rewrite_str};

/// Attributes that hold one URL.
const URL_ATTRIBUTES: &[&str] = &["href", "src", "action", "poster", "data", "data-bundle", "xlink:href"];

/// Prefixes every root-relative URL of `html` with `base` (`/ip`, no trailing slash); returns
/// `html` unchanged if `base` is empty. A URL already under `base` is left alone, so the
/// rewrite can be applied to a page twice.
pub fn relocate(html: &str, base: &str) -> String {
    if base.is_empty() {
        return html.to_string();
    }
    let mut handlers = Vec::new();
    for &attr in URL_ATTRIBUTES {
        let selector = format!("[{}]", attr.replace(':', "\\:"));
        handlers.push(element!(selector, move |el| {
            if let Some(url) = el.get_attribute(attr)
                && let Some(moved) = moved(&url, base)
            {
                el.set_attribute(attr, &moved)?;
            }
            Ok(())
        }));
    }
    handlers.push(element!("[srcset]", move |el| {
        if let Some(set) = el.get_attribute("srcset") {
            let parts: Vec<String> = set
                .split(',')
                .map(|candidate| {
                    let trimmed = candidate.trim_start();
                    let url = trimmed.split_whitespace().next().unwrap_or("");
                    match moved(url, base) {
                        Some(m) => format!("{m}{}", &trimmed[url.len()..]),
                        None => trimmed.to_string(),
                    }
                })
                .collect();
            el.set_attribute("srcset", &parts.join(", "))?;
        }
        Ok(())
    }));
    let settings = handlers.into_iter().fold(RewriteStrSettings::new(), |s, h| s.append_element_content_handler(h));
    // The pages are our own well-formed output; should the rewriter refuse one, keep it as is.
    rewrite_str(html, settings).unwrap_or_else(|_| html.to_string())
}

/// `url` under `base`, if it is root-relative and not already there.
fn moved(url: &str, base: &str) -> Option<String> {
    let root_relative = url.starts_with('/') && !url.starts_with("//");
    let already = url == base || url.starts_with(&format!("{base}/"));
    (root_relative && !already).then(|| format!("{base}{url}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_root_relative_urls_only() {
        let html = r##"<a href="/data/">d</a><a href="https://x.org/a">x</a><a href="#top">t</a><a href="//cdn/x">c</a><img src="/charts/a.zh.svg" alt=""><img srcset="/a.png 1x, /b.png 2x" alt=""><div data-bundle="/pagefind/"></div><a href="rel/">r</a>"##;
        let out = relocate(html, "/ip");
        assert_eq!(
            out,
            r##"<a href="/ip/data/">d</a><a href="https://x.org/a">x</a><a href="#top">t</a><a href="//cdn/x">c</a><img src="/ip/charts/a.zh.svg" alt=""><img srcset="/ip/a.png 1x, /ip/b.png 2x" alt=""><div data-bundle="/ip/pagefind/"></div><a href="rel/">r</a>"##
        );
        assert_eq!(relocate(&out, "/ip"), out, "applying it twice changes nothing");
        assert_eq!(relocate(html, ""), html);
    }

    #[test]
    fn minified_markup_and_text_are_kept() {
        let html = "<p>see /data/ here</p><a href=/en/>English</a><svg><use href=\"#m\"/></svg>";
        assert_eq!(
            relocate(html, "/sub/dir"),
            "<p>see /data/ here</p><a href=\"/sub/dir/en/\">English</a><svg><use href=\"#m\"/></svg>"
        );
    }
}
