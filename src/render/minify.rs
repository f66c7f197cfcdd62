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

/// Re-escapes `<` and `>` inside quoted attribute values.
///
/// minify-html decodes `&lt;` in attribute values (a raw `<` is valid there and inert), so a
/// dataset title such as `</script><script>…` would reappear verbatim inside a `title="…"`.
/// Browsers do not run it, but people and tools that search pages for `<script` would be
/// misled; writing it back as `&lt;` costs one pass over the bytes.
pub fn escape_attribute_brackets(html: Vec<u8>) -> Vec<u8> {
    #[derive(PartialEq)]
    enum State {
        Text,
        Tag,
        Quoted(u8),
        Raw,
        Rcdata,
        Comment,
    }
    let mut out = Vec::with_capacity(html.len() + 16);
    let mut state = State::Text;
    let mut raw_end: &[u8] = b"";
    let mut tag_start = 0;
    let mut i = 0;
    while i < html.len() {
        // Runs of bytes that change nothing are copied whole (memchr): text up to the next
        // tag, a tag up to a quote or its end, script and style up to the next `<`, attribute
        // values up to their quote.
        let skip = match state {
            State::Text | State::Raw | State::Rcdata => memchr::memchr(b'<', &html[i..]),
            State::Quoted(q) => memchr::memchr3(q, b'<', b'>', &html[i..]),
            State::Comment => memchr::memmem::find(&html[i..], b"-->").map(|n| n + 2),
            State::Tag => memchr::memchr3(b'"', b'\'', b'>', &html[i..]),
        };
        let Some(skip) = skip else {
            out.extend_from_slice(&html[i..]);
            break;
        };
        out.extend_from_slice(&html[i..i + skip]);
        i += skip;
        let b = html[i];
        match state {
            State::Text => {
                if html[i..].starts_with(b"<!--") {
                    state = State::Comment;
                    out.extend_from_slice(b"<!--");
                    i += 4;
                    continue;
                }
                state = State::Tag;
                tag_start = i;
                out.push(b);
            }
            State::Comment => {
                out.push(b);
                state = State::Text;
            }
            State::Tag => {
                out.push(b);
                match b {
                    b'"' | b'\'' => state = State::Quoted(b),
                    b'>' => {
                        let name: Vec<u8> = html[tag_start + 1..]
                            .iter()
                            .take_while(|c| c.is_ascii_alphanumeric())
                            .map(u8::to_ascii_lowercase)
                            .collect();
                        state = State::Text;
                        if name == b"script" {
                            state = State::Raw;
                            raw_end = b"</script";
                        } else if name == b"style" {
                            state = State::Raw;
                            raw_end = b"</style";
                        } else if name == b"title" || name == b"textarea" {
                            // Text only: minify-html writes a `<` here unescaped, too.
                            state = State::Rcdata;
                            raw_end = if name == b"title" { b"</title" } else { b"</textarea" };
                        }
                    }
                    _ => {}
                }
            }
            State::Quoted(q) => match b {
                b'<' => out.extend_from_slice(b"&lt;"),
                b'>' => out.extend_from_slice(b"&gt;"),
                _ => {
                    out.push(b);
                    if b == q {
                        state = State::Tag;
                    }
                }
            },
            State::Rcdata => {
                if html[i..].len() >= raw_end.len() && html[i..i + raw_end.len()].eq_ignore_ascii_case(raw_end) {
                    state = State::Tag;
                    tag_start = i;
                    out.push(b);
                } else {
                    out.extend_from_slice(b"&lt;");
                }
            }
            State::Raw => {
                if html[i..].len() >= raw_end.len() && html[i..i + raw_end.len()].eq_ignore_ascii_case(raw_end) {
                    state = State::Tag;
                    tag_start = i;
                }
                out.push(b);
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_in_attributes_are_escaped_again() {
        let html = br#"<title>a</script><b></title><p title="</script><b>">a < b</p><script type=x>if (a<b) {}</script><i data-x='>'>"#.to_vec();
        let out = String::from_utf8(escape_attribute_brackets(html)).unwrap();
        assert_eq!(
            out,
            r#"<title>a&lt;/script>&lt;b></title><p title="&lt;/script&gt;&lt;b&gt;">a < b</p><script type=x>if (a<b) {}</script><i data-x='&gt;'>"#
        );
    }

    #[test]
    fn comments_unfinished_input_and_plain_pages() {
        let html = br#"<!-- <a title="<x>"> --><a title="<y>">t</a><!-- open"#.to_vec();
        let out = String::from_utf8(escape_attribute_brackets(html)).unwrap();
        assert_eq!(out, r#"<!-- <a title="<x>"> --><a title="&lt;y&gt;">t</a><!-- open"#);
        for cut in [&b"<p title=\"a<"[..], b"<p", b"text", b"", b"<title>a<", b"<script>x<"] {
            let out = escape_attribute_brackets(cut.to_vec());
            assert!(out.len() >= cut.len(), "{:?}", String::from_utf8_lossy(cut));
        }
        let page = b"<!DOCTYPE html><html lang=zh><p class=x>\xe4\xb8\xad</p></html>".to_vec();
        assert_eq!(escape_attribute_brackets(page.clone()), page);
    }
}
