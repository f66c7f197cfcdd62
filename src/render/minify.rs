//! HTML minification (minify-html), behind the `minify` cargo feature.
//!
//! Only `.html` goes through it: its output is not XML, so SVG files, feeds and sitemaps are
//! written as they are.

/// Minifies one HTML document (returns it unchanged when the feature is off).
#[cfg(feature = "minify")]
pub fn html(input: &str) -> Vec<u8> {
    let mut cfg = minify_html::Cfg::new();
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    // `<!doctypehtml>` and unquoted oddities are not valid HTML: keep the output compliant.
    cfg.minify_doctype = false;
    cfg.allow_noncompliant_unquoted_attribute_values = false;
    cfg.allow_removing_spaces_between_attributes = false;
    minify_html::minify(input.as_bytes(), &cfg)
}

/// Minifies one HTML document (returns it unchanged when the feature is off).
#[cfg(not(feature = "minify"))]
pub fn html(input: &str) -> Vec<u8> {
    input.as_bytes().to_vec()
}
