//! Language of parts (WCAG 3.1.2): Chinese written inside a page in another language is marked
//! `<span lang="zh-Hans">…</span>`, so that a screen reader reads "50.26亿元" in a Chinese voice
//! on an English page instead of spelling out the characters or skipping them.
//!
//! How runs are found: in the text of `<body>` (not in `<head>`, scripts, styles, SVG or form
//! fields), under an element whose language (the nearest `lang`) is not Chinese, Japanese or
//! Korean, every run of Han characters and CJK punctuation, together with the digits and
//! decimal signs written against it ("2021年", "50.26亿元"), is wrapped. The tag is the site's own
//! for Chinese, read from the page's `hreflang` alternates (`zh-Hans`), else `zh`. Latin text
//! in Chinese pages (names, "PCT") is left as it is: WCAG exempts proper names and technical
//! terms, and Chinese voices read them.
//!
//! Runs on finished pages (after the templates, before minifying), never on data files.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, doc_text, element, rewrite_str};

/// Elements whose text is never marked: not reader text, or unable to hold a `<span>`.
const SKIPPED: &[&str] = &["head", "script", "style", "svg", "textarea", "title", "option", "template", "noscript"];

/// Whether a character belongs to a Chinese run: Han ideographs, CJK punctuation and full-width
/// forms.
fn is_han(c: char) -> bool {
    matches!(u32::from(c),
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0x20000..=0x3FFFD)
}

/// Digits and decimal signs that go with a Chinese run written against them ("50.26亿元").
fn is_numeric(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || c == ',' || c == '%'
}

/// Whether a language tag is one whose text may hold Han characters as its own.
fn is_cjk(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    matches!(primary.as_str(), "zh" | "ja" | "ko" | "yue" | "lzh" | "cmn" | "wuu" | "hak" | "nan")
}

/// The tag a page uses for Chinese: its first `hreflang="zh…"` alternate, else `zh`.
fn chinese_tag(html: &str) -> String {
    html.split("hreflang=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .find(|t| t.to_ascii_lowercase().starts_with("zh"))
        .unwrap_or("zh")
        .to_string()
}

/// `text` (HTML source text: entities as written) with its Chinese runs wrapped in `<span lang>`.
fn wrap_runs(text: &str, tag: &str) -> Option<String> {
    if !text.chars().any(is_han) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 32);
    let mut i = 0;
    while i < chars.len() {
        if !is_han(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // Take back the digits already written before the run (not an entity's: "&#12345;").
        let mut start = i;
        while start > 0 && is_numeric(chars[start - 1]) {
            start -= 1;
        }
        if start > 0 && matches!(chars[start - 1], '#' | '&') {
            start = i;
        }
        for _ in start..i {
            out.pop();
        }
        // The run goes on over digits between Chinese characters ("2021年3月").
        let mut end = i;
        loop {
            while end < chars.len() && is_han(chars[end]) {
                end += 1;
            }
            let digits = chars[end..].iter().take_while(|c| is_numeric(**c)).count();
            if digits > 0 && end + digits < chars.len() && is_han(chars[end + digits]) {
                end += digits;
            } else {
                break;
            }
        }
        let run: String = chars[start..end].iter().collect();
        out.push_str(&format!("<span lang=\"{tag}\">{run}</span>"));
        i = end;
    }
    Some(out)
}

/// Marks the Chinese runs of a page whose language is not Chinese (see the module docs).
pub(crate) fn mark(html: &str) -> String {
    if !html.chars().any(is_han) {
        return html.to_string();
    }
    let tag = chinese_tag(html);
    // The open elements: whether text inside is skipped, and the language in force.
    let stack: Rc<RefCell<Vec<(bool, String)>>> = Rc::new(RefCell::new(Vec::new()));
    let buffer = Rc::new(RefCell::new(String::new()));
    let push = Rc::clone(&stack);
    let read = Rc::clone(&stack);
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("*", move |el| {
            let name = el.tag_name().to_ascii_lowercase();
            let own_lang = el.get_attribute("lang");
            let Some(handlers) = el.end_tag_handlers() else { return Ok(()) };
            let (parent_skip, parent_lang) = push.borrow().last().cloned().unwrap_or((false, String::new()));
            let skip = parent_skip || SKIPPED.contains(&name.as_str());
            let lang = own_lang.unwrap_or(parent_lang);
            push.borrow_mut().push((skip, lang));
            let pop = Rc::clone(&push);
            handlers.push(Box::new(move |_end: &mut lol_html::html_content::EndTag<'_>| {
                pop.borrow_mut().pop();
                Ok(())
            }) as lol_html::EndTagHandler<'static>);
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |t| {
            let (skip, lang) = read.borrow().last().cloned().unwrap_or((true, String::new()));
            if skip || lang.is_empty() || is_cjk(&lang) {
                return Ok(());
            }
            let mut buf = buffer.borrow_mut();
            buf.push_str(t.as_str());
            if !t.last_in_text_node() {
                t.remove();
                return Ok(());
            }
            let text = std::mem::take(&mut *buf);
            match wrap_runs(&text, &tag) {
                Some(marked) => t.replace(&marked, ContentType::Html),
                None => t.replace(&text, ContentType::Html),
            }
            Ok(())
        }));
    // The page is our own well-formed output; should the rewriter refuse it, keep it as it is.
    rewrite_str(html, settings).unwrap_or_else(|_| html.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> String {
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><title>专利</title><link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"/\"></head><body>{body}</body></html>"
        )
    }

    #[test]
    fn chinese_in_english_text_is_marked_with_its_numbers() {
        let out = mark(&page("<p>Financing of 50.26亿元 (5.03 billion yuan) in 2021年.</p>"));
        assert!(out.contains("<p>Financing of <span lang=\"zh-Hans\">50.26亿元</span> (5.03 billion yuan) in <span lang=\"zh-Hans\">2021年</span>.</p>"), "{out}");
        assert!(out.contains("<title>专利</title>"), "{out}");
    }

    #[test]
    fn text_already_in_chinese_and_skipped_elements_are_left_alone() {
        let body = "<a lang=\"zh-Hans\" href=\"/\">中文</a><svg><rect x=\"1\"/><text>专利</text><path d=\"\"/></svg><script>let a = \"专利\";</script><p>A &amp; B 专利</p><ul><li>一<li>二</ul><p>三</p>";
        let out = mark(&page(body));
        assert!(out.contains("<a lang=\"zh-Hans\" href=\"/\">中文</a><svg><rect x=\"1\"/><text>专利</text><path d=\"\"/></svg><script>let a = \"专利\";</script>"), "{out}");
        assert!(out.contains("<p>A &amp; B <span lang=\"zh-Hans\">专利</span></p>"), "{out}");
        // Elements closed without an end tag do not throw the count off.
        assert!(out.contains("<p><span lang=\"zh-Hans\">三</span></p>"), "{out}");
        let zh = "<!DOCTYPE html><html lang=\"zh-Hans\"><body><p>专利 PCT</p></body></html>";
        assert_eq!(mark(zh), zh);
    }

    #[test]
    fn runs_split_by_latin_are_marked_apart_and_entities_kept() {
        assert_eq!(
            wrap_runs("武汉 Wuhan 襄阳", "zh").as_deref(),
            Some("<span lang=\"zh\">武汉</span> Wuhan <span lang=\"zh\">襄阳</span>")
        );
        assert_eq!(wrap_runs("&#12345;专利", "zh").as_deref(), Some("&#12345;<span lang=\"zh\">专利</span>"));
        assert_eq!(wrap_runs("plain", "zh"), None);
    }
}
