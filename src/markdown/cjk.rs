//! Chinese text as the author meant it, on top of CommonMark.
//!
//! Two CommonMark rules misfire on Chinese:
//! - emphasis next to full-width punctuation: in `这是**“重要”**内容` the opening `**` is
//!   followed by punctuation and preceded by a letter, so it is not "left-flanking" and
//!   pulldown-cmark leaves both runs as literal text. [`repair_emphasis`] pairs such leftover
//!   runs within one inline container.
//! - a soft line break inside a hard-wrapped Chinese paragraph renders as a space between two
//!   characters; [`join_cjk_lines`] drops soft breaks between two CJK characters.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Whether `c` is a Han character, kana, hangul, or full-width/CJK punctuation.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x312F | 0x3190..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Drops soft breaks whose neighbouring characters are both CJK.
pub fn join_cjk_lines(events: &mut Vec<(Event<'_>, Range<usize>)>) {
    let mut out = Vec::with_capacity(events.len());
    let n = events.len();
    let mut last_char: Option<char> = None;
    for i in 0..n {
        let (ev, _) = &events[i];
        if matches!(ev, Event::SoftBreak) {
            let next_char = events[i + 1..].iter().find_map(|(e, _)| match e {
                Event::Text(t) | Event::Code(t) => t.chars().next(),
                Event::SoftBreak | Event::HardBreak => None,
                _ => None,
            });
            if let (Some(a), Some(b)) = (last_char, next_char)
                && is_cjk(a)
                && is_cjk(b)
            {
                continue;
            }
        }
        match ev {
            Event::Text(t) | Event::Code(t) => last_char = t.chars().last().or(last_char),
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => last_char = None,
            _ => {}
        }
        out.push(i);
    }
    if out.len() != n {
        let mut keep = out.into_iter().peekable();
        let mut idx = 0;
        events.retain(|_| {
            let k = keep.peek() == Some(&idx);
            if k {
                keep.next();
            }
            idx += 1;
            k
        });
    }
}

/// A run of unmatched `*` left as text by the parser.
struct Run {
    /// Index of the first `*` event.
    first: usize,
    len: usize,
    container: usize,
    can_open: bool,
    can_close: bool,
}

/// Turns leftover `*`/`**` runs into emphasis where they pair up within one container.
/// `source` is the text the offsets refer to; escaped `\*` is never touched.
pub fn repair_emphasis<'a>(events: &mut Vec<(Event<'a>, Range<usize>)>, source: &str) {
    let bytes = source.as_bytes();
    let is_star = |ev: &Event<'_>, r: &Range<usize>| {
        matches!(ev, Event::Text(t) if t.as_ref() == "*")
            && r.len() == 1
            && bytes.get(r.start) == Some(&b'*')
            && (r.start == 0 || bytes[r.start - 1] != b'\\')
    };
    // Find runs, tracking which container (innermost open tag) each belongs to.
    let mut runs: Vec<Run> = Vec::new();
    let mut stack: Vec<usize> = vec![0];
    let mut next_container = 1;
    let mut i = 0;
    while i < events.len() {
        let (ev, r) = &events[i];
        match ev {
            Event::Start(_) => {
                stack.push(next_container);
                next_container += 1;
            }
            Event::End(_) => {
                stack.pop();
            }
            _ if is_star(ev, r) => {
                let first = i;
                let mut end = r.end;
                let mut j = i + 1;
                while j < events.len() && is_star(&events[j].0, &events[j].1) && events[j].1.start == end {
                    end = events[j].1.end;
                    j += 1;
                }
                let start = events[first].1.start;
                let before = source[..start].chars().next_back();
                let after = source[end..].chars().next();
                runs.push(Run {
                    first,
                    len: j - first,
                    container: *stack.last().unwrap_or(&0),
                    can_open: after.is_some_and(|c| !c.is_whitespace()),
                    can_close: before.is_some_and(|c| !c.is_whitespace()),
                });
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if runs.len() < 2 {
        return;
    }
    // Pair closers with the nearest earlier opener of the same length and container.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (k, run) in runs.iter().enumerate() {
        if run.can_close
            && let Some(pos) = open.iter().rposition(|&o| runs[o].container == run.container && runs[o].len == run.len)
        {
            pairs.push((open[pos], k));
            open.truncate(pos);
            continue;
        }
        if run.can_open && run.len <= 3 {
            open.push(k);
        }
    }
    if pairs.is_empty() {
        return;
    }
    let mut replace: Vec<(usize, usize, bool)> = Vec::new(); // (first event, len, is_open)
    for (o, c) in pairs {
        replace.push((runs[o].first, runs[o].len, true));
        replace.push((runs[c].first, runs[c].len, false));
    }
    replace.sort();
    let mut out = Vec::with_capacity(events.len());
    let mut it = replace.into_iter().peekable();
    let mut idx = 0;
    let old = std::mem::take(events);
    let mut iter = old.into_iter();
    while let Some(ev) = iter.next() {
        if let Some(&(first, len, is_open)) = it.peek()
            && first == idx
        {
            it.next();
            let range = ev.1.start..ev.1.start + len;
            for _ in 1..len {
                iter.next();
            }
            idx += len;
            let tags: &[Tag] = match len {
                1 => &[Tag::Emphasis],
                2 => &[Tag::Strong],
                _ => &[Tag::Emphasis, Tag::Strong],
            };
            if is_open {
                out.extend(tags.iter().map(|t| (Event::Start(t.clone()), range.clone())));
            } else {
                out.extend(tags.iter().rev().map(|t| (Event::End(t.to_end()), range.clone())));
            }
            continue;
        }
        out.push(ev);
        idx += 1;
    }
    *events = out;
}

/// Plain text of inline events (for heading ids and the table of contents).
pub fn plain_text(events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut s = String::new();
    for (e, _) in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::InlineHtml(CowStr::Borrowed(_)) => {}
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s
}
