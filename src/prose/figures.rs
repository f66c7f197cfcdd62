//! Figures typed by hand in a page's Markdown: `15.6万件`, `1,631 cases`, `54.4%`,
//! `50.26亿元`, `5.03 billion yuan`, each normalised to base units with the precision it is
//! written to.
//!
//! The Markdown is parsed with pulldown-cmark and only text events are read, so code spans,
//! code blocks, raw HTML, link targets and images are skipped, and offsets are exact.
//! `{{ value(…) }}` calls are blanked out first (same length, so offsets hold).
//!
//! Not figures: years (`2021年`, `in 2021`), ordinals (`第14个`, `the 22nd`), dates
//! (`4月26日`, `25 April`), document numbers (`〔2022〕7号`, `No. 20220022`), phone numbers
//! and other bare numbers with no unit, magnitude or `%`, and numbers inside URLs.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What kind of quantity a figure is, so that it is compared only with like figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// A number of things, or a rate such as 件/万人.
    Count,
    /// An amount of money (`元`, `yuan`).
    Money,
    /// A percentage (`%`, `per cent`): a share, a rate or a relative change.
    Percent,
    /// A difference in percentage points (`个百分点`, `percentage points`).
    Points,
}

/// A figure as written in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Byte range in the Markdown body, from the first digit to the end of the unit.
    pub range: Range<usize>,
    /// The value in base units (yuan, things; a percentage as 54.4).
    pub value: f64,
    /// The place value of the last digit written, in base units: `15.6万` -> 1,000;
    /// `155,000` -> 1,000 (trailing zeros of a whole number are taken as rounding).
    pub step: f64,
    /// Significant digits written (`156` for `15.6万`).
    pub digits: usize,
    /// What it counts.
    pub class: Class,
    /// The unit word after the number, lowercased: `件`, `家`, `cases` (empty if none).
    pub unit: String,
    /// Whether it is a bound or an approximation (`5亿余元`, `超过`, `more than`, `about`).
    pub approximate: bool,
    /// The text as written.
    pub text: String,
    /// A bare number (no unit, magnitude or `%`): not judged, but it may confirm that a
    /// translation states a figure (`1,508 of which`).
    pub bare: bool,
}

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_HEADING_ATTRIBUTES)
    .union(Options::ENABLE_GFM);

/// The body with every `{{ … }}` call replaced by spaces of the same byte length.
pub fn blank_shortcodes(body: &str) -> String {
    let mut out = body.as_bytes().to_vec();
    let mut pos = 0;
    while let Some(found) = body[pos..].find("{{") {
        let start = pos + found;
        let Some(len) = body[start..].find("}}") else { break };
        let end = start + len + 2;
        out[start..end].fill(b' ');
        pos = end;
    }
    // Only ASCII bytes of whole `{{ … }}` runs were replaced, so the text stays UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| body.to_string())
}

/// Byte ranges of the prose text of a Markdown body: text events outside code, links'
/// targets, images and raw HTML (`body` should have its shortcodes blanked).
pub fn text_ranges(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut skip = 0usize; // inside a code block, an image, or an autolink
    for (ev, r) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        match ev {
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::HtmlBlock) => skip = skip.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type: pulldown_cmark::LinkType::Autolink | pulldown_cmark::LinkType::Email,
                ..
            }) => skip += 1,
            Event::End(TagEnd::Link) if skip > 0 && body[r.clone()].starts_with('<') => skip -= 1,
            Event::Text(_) if skip == 0 => out.push(r),
            _ => {}
        }
    }
    out
}

/// Every figure in the prose of a Markdown body.
pub fn extract(body: &str) -> Vec<Figure> {
    let mut all = extract_with_bare(body);
    all.retain(|f| !f.bare);
    all
}

/// Every figure and every bare number (not a year, date or ordinal) of a Markdown body.
pub fn extract_with_bare(body: &str) -> Vec<Figure> {
    let masked = blank_shortcodes(body);
    let mut out = Vec::new();
    for r in text_ranges(&masked) {
        scan(&masked[r.clone()], r.start, &mut out);
    }
    out
}

/// Chinese magnitudes, longest first.
const ZH_MAGNITUDES: &[(&str, f64)] = &[("万亿", 1e12), ("千万", 1e7), ("亿", 1e8), ("万", 1e4), ("千", 1e3)];
/// English magnitudes.
const EN_MAGNITUDES: &[(&str, f64)] = &[("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3)];
/// Chinese measure words and units that make a number a figure.
const ZH_UNITS: &str = "件元个家人名项户笔份种所座处批场位类部条起次宗亩吨台套款枚册篇支例";
/// Words after an English number that are not its unit.
const EN_NOT_UNITS: &[&str] = &[
    "and", "or", "of", "to", "in", "on", "at", "by", "for", "per", "the", "a", "an", "from", "with", "was", "were",
    "is", "are", "than", "as", "times", "years", "year", "months", "month", "days", "day", "hours", "am", "pm", "o",
];
/// Words before an English number that make it a bound or an approximation.
const EN_APPROX: &[&str] = &[
    "more than",
    "over",
    "nearly",
    "about",
    "around",
    "almost",
    "roughly",
    "some",
    "approximately",
    "up to",
    "at least",
    "less than",
    "under",
    "above",
    "below",
    "exceeding",
];
/// Chinese words before a number that make it a bound or an approximation.
const ZH_APPROX: &[&str] = &["超过", "逾", "近", "约", "超", "不足", "不到", "上万", "大约", "将近", "高于", "低于"];

/// Finds the figures in one text run that starts at byte `base` of the body.
fn scan(s: &str, base: usize, out: &mut Vec<Figure>) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        // The number: digits, `,ddd` groups, one decimal part.
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        let mut grouped = false;
        while j + 4 <= b.len()
            && b[j] == b','
            && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
            && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
        {
            grouped = true;
            j += 4;
        }
        let int_end = j;
        let mut decimals = 0;
        if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
            j += 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
                decimals += 1;
            }
        }
        let number_end = j;
        i = j.max(i + 1);
        if let Some(f) = figure_at(s, start, int_end, number_end, decimals, grouped) {
            out.push(Figure { range: base + f.range.start..base + f.range.end, ..f });
            i = i.max(f.range.end);
        }
    }
}

/// The figure whose number is `s[start..number_end]`, if it is one.
fn figure_at(
    s: &str,
    start: usize,
    int_end: usize,
    number_end: usize,
    decimals: usize,
    grouped: bool,
) -> Option<Figure> {
    // Only the text just before the number matters: a bounded look back keeps a long
    // paragraph full of numbers linear.
    let mut from = start.saturating_sub(200);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let before = &s[from..start];
    let prev = before.chars().next_back();
    // Part of a word, a code, a URL, a version, a range or a date written with digits.
    if prev.is_some_and(|c| c.is_ascii_alphanumeric() || "._/-:#@&=+~%$\\".contains(c)) {
        return None;
    }
    if before.contains("://") && !before[before.rfind("://")?..].contains(char::is_whitespace) {
        return None;
    }
    let trimmed = before.trim_end();
    // Ordinals and document numbers: 第14个, 〔2022〕, No. 5.
    if trimmed.ends_with('第')
        || prev.is_some_and(|c| "〔[（(【".contains(c)) && s[number_end..].starts_with(['〕', ']', '】'])
        || trimmed.ends_with("No.")
        || trimmed.ends_with("no.")
        || trimmed.ends_with("No")
        || trimmed.ends_with("per")
        || trimmed.ends_with('每')
    {
        return None;
    }
    let rest = &s[number_end..];
    let next = rest.chars().next();
    // Ordinals (22nd), codes (G20, 5G), ranges and dates (2021-2035, 3/4, 4.26.).
    if next.is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // Ranges and dates written with digits: 2021-2035, 2021—2035, 3/4, 10:00.
    let mut chars = rest.chars();
    if chars.next().is_some_and(|c| "-/–—~～－.:至".contains(c)) && chars.next().is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let digits_text: String = s[start..number_end].chars().filter(|c| *c != ',').collect();
    let number: f64 = digits_text.parse().ok()?;

    // What follows: a magnitude, a qualifier, a unit.
    let mut pos = number_end;
    let after_space = |p: usize| {
        let t = &s[p..];
        let n = t.len() - t.trim_start_matches([' ', '\u{a0}']).len();
        (n <= 1).then_some(p + n)
    };
    let mut magnitude = 1.0;
    let mut class = Class::Count;
    let mut unit = String::new();
    let mut approximate = false;
    let mut percent = false;
    if let Some(p) = after_space(pos) {
        let t = &s[p..];
        if let Some(rest) = t.strip_prefix(['%', '％']) {
            percent = true;
            pos = s.len() - rest.len();
        } else if let Some((m, v)) = ZH_MAGNITUDES.iter().find(|(m, _)| t.starts_with(m)) {
            magnitude = *v;
            pos = p + m.len();
        } else if let Some((m, v)) = EN_MAGNITUDES
            .iter()
            .find(|(m, _)| t.starts_with(m) && !t[m.len()..].starts_with(|c: char| c.is_ascii_alphanumeric()))
        {
            magnitude = *v;
            pos = p + m.len();
        }
    }
    if !percent && let Some(p) = after_space(pos) {
        let t = &s[p..];
        if let Some(rest) = t.strip_prefix("个百分点") {
            class = Class::Points;
            unit = "个百分点".into();
            pos = s.len() - rest.len();
        } else if let Some(rest) = t.strip_prefix(['%', '％']) {
            percent = true;
            pos = s.len() - rest.len();
        } else if t.starts_with("per cent") || t.starts_with("percent") {
            percent = true;
            pos = p + if t.starts_with("per cent") { 8 } else { 7 };
            if s[pos..].starts_with("age point") {
                class = Class::Points;
                pos += s[pos..].find(|c: char| !c.is_ascii_alphabetic() && c != ' ').unwrap_or(s.len() - pos);
            }
        } else if let Some(after) = t.strip_prefix("percentage point") {
            class = Class::Points;
            pos = p + "percentage point".len() + usize::from(after.starts_with('s'));
        } else {
            // Chinese: 余/多 then a measure word.
            let mut q = p;
            if t.starts_with(['余', '多']) {
                approximate = true;
                q += '余'.len_utf8();
            }
            let c = s[q..].chars().next();
            if let Some(c) = c.filter(|c| ZH_UNITS.contains(*c)) {
                // 亿元, 万件: the unit; `元` marks money.
                unit.push(c);
                pos = q + c.len_utf8();
                if c == '元' {
                    class = Class::Money;
                }
            } else if approximate && magnitude == 1.0 {
                return None;
            } else if q == p && p > pos {
                // English: the next word is the unit (`1,631 cases`, `5.03 billion yuan`), after
                // an acronym that qualifies it (`16,013 IP cases`, `79 PCT applications`).
                let acronym: String = t.chars().take_while(char::is_ascii_uppercase).collect();
                let (p, t) = if (2..=4).contains(&acronym.len()) && t[acronym.len()..].starts_with(' ') {
                    (p + acronym.len() + 1, &t[acronym.len() + 1..])
                } else {
                    (p, t)
                };
                let word: String = t.chars().take_while(|c| c.is_ascii_alphabetic() || *c == '-').collect();
                let lower = word.to_ascii_lowercase();
                let is_word = !word.is_empty() && word.starts_with(|c: char| c.is_ascii_lowercase());
                if is_word && !EN_NOT_UNITS.contains(&lower.as_str()) {
                    if lower == "yuan" || lower == "rmb" {
                        class = Class::Money;
                    }
                    unit = lower;
                    pos = p + word.len();
                }
            } else if approximate {
                return None;
            }
        }
    }
    if percent && class != Class::Points {
        class = Class::Percent;
    }
    let bare = !percent && class != Class::Points && magnitude == 1.0 && unit.is_empty();
    // Dates, times, editions, articles: 4月, 26日, 7号, 10时, 第3条.
    if bare && (s[pos..].trim_start().starts_with(|c: char| "年月日号时分点岁届期版条款章节".contains(c)))
    {
        return None;
    }
    // Years: four digits 1900–2100, whole, not grouped, with no magnitude or `%`.
    let whole = decimals == 0 && !grouped;
    if whole
        && magnitude == 1.0
        && !percent
        && class != Class::Points
        && (1900.0..=2100.0).contains(&number)
        && int_end - start == 4
    {
        return None;
    }
    let lower_before = trimmed.to_ascii_lowercase();
    if EN_APPROX.iter().any(|w| lower_before.ends_with(w)) || ZH_APPROX.iter().any(|w| trimmed.ends_with(w)) {
        approximate = true;
    }
    if s[pos..].starts_with("以上") || s[pos..].starts_with("左右") || s[pos..].starts_with("多") {
        approximate = true;
    }
    // Precision: the place value of the last digit written.
    let int_digits: String = s[start..int_end].chars().filter(char::is_ascii_digit).collect();
    let frac_digits = &s[int_end..number_end].trim_start_matches('.');
    let all = format!("{int_digits}{frac_digits}");
    let significant = all.trim_start_matches('0');
    let (digits, step) = if decimals > 0 {
        (significant.len(), 10f64.powi(-(decimals as i32)) * magnitude)
    } else {
        let trailing = significant.len() - significant.trim_end_matches('0').len();
        (significant.trim_end_matches('0').len().max(1), 10f64.powi(trailing as i32) * magnitude)
    };
    Some(Figure {
        range: start..pos,
        value: number * magnitude,
        step,
        digits,
        class,
        unit,
        approximate,
        text: s[start..pos].to_string(),
        bare,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Option<(f64, f64, Class, String, bool)> {
        let f = extract(text);
        assert!(f.len() <= 1, "{text}: {f:?}");
        f.into_iter().next().map(|f| (f.value, f.step, f.class, f.unit, f.approximate))
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(1.0)
    }

    #[test]
    fn chinese_figures() {
        let (v, step, class, unit, _) = one("全省专利授权15.6万件，").unwrap();
        assert!(close(v, 156_000.0) && close(step, 1000.0), "{v} {step}");
        assert_eq!((class, unit.as_str()), (Class::Count, "件"));
        let (v, step, class, ..) = one("融资50.26亿元").unwrap();
        assert!(close(v, 5_026_000_000.0) && close(step, 1e6));
        assert_eq!(class, Class::Money);
        let (v, _, class, ..) = one("同比增长54.4%").unwrap();
        assert!(close(v, 54.4));
        assert_eq!(class, Class::Percent);
        assert_eq!(one("提高1.2个百分点").unwrap().2, Class::Points);
        assert!(one("涉案金额5亿余元").unwrap().4, "余 is a bound");
        assert!(one("超过84万件").unwrap().4);
        assert_eq!(one("企业1137家").unwrap().3, "家");
        assert_eq!(one("2022 年全国").map(|f| f.0), None, "a year with a space");
    }

    #[test]
    fn english_figures() {
        let (v, step, class, unit, _) = one("concluded 1,631 cases").unwrap();
        assert!(close(v, 1631.0) && close(step, 1.0));
        assert_eq!((class, unit.as_str()), (Class::Count, "cases"));
        let (v, step, class, ..) = one("reached 5.03 billion yuan").unwrap();
        assert!(close(v, 5.03e9) && close(step, 1e7));
        assert_eq!(class, Class::Money);
        let (v, step, ..) = one("granted 155,000 patents").unwrap();
        assert!(close(v, 155_000.0) && close(step, 1000.0));
        assert_eq!(one("up 40.9% year on year").unwrap().2, Class::Percent);
        assert_eq!(one("up 1.2 percentage points").unwrap().2, Class::Points);
        assert!(one("more than 500 million yuan").unwrap().4);
        assert_eq!(one("1.938 million infringing items").unwrap().3, "infringing");
        assert_eq!(one("concluded 16,013 IP cases").unwrap().3, "cases");
    }

    #[test]
    fn not_figures() {
        for text in [
            "2021年是开局之年",
            "In 2021 Hubei granted",
            "第14个五年规划",
            "the 22nd World IP Day",
            "鄂知发〔2022〕7号",
            "proposal No. 20220022 of",
            "电话：86759081、86759082",
            "2022年4月26日",
            "on 25 April 2022",
            "`15.6万件`",
            "```\n15.6万件\n```",
            "[link](https://example.org/15.6万件)",
            "<https://example.org/a/155000-patents>",
            "see https://example.org/2021/15万件 for",
            "2021—2035年",
            "{{ value(data=\"x\", series=\"y\", period=2021) }}",
            "27 April",
            "5G networks",
            "per 10,000 people",
        ] {
            assert_eq!(extract(text), vec![], "{text}");
        }
    }

    #[test]
    fn positions_are_exact() {
        let body = "前文`1万件`，专利15.6万件。";
        let f = extract(body);
        assert_eq!(f.len(), 1);
        assert_eq!(&body[f[0].range.clone()], "15.6万件");
    }
}
