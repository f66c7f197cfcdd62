//! Front matter: arbitrary bytes decoded as the loader decodes a file, split into front matter
//! and body, the YAML parsed and validated. Never a panic; errors print.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = match vitrine::load::decode(data.to_vec(), "content/fuzz.md") {
        Ok(t) => t,
        Err(d) => {
            let _ = d.to_string();
            return;
        }
    };
    let tz = jiff::tz::TimeZone::fixed(jiff::tz::offset(8));
    match vitrine::fuzzing::front_matter(&text, &tz) {
        Ok((front, body, body_line)) => {
            assert!(!front.title.is_empty(), "empty title accepted");
            assert_eq!(front.title, front.title.trim());
            assert!(text.ends_with(body), "body is not the end of the file");
            // `body_line` is the line of the file at which the body starts.
            let before = &text[..text.len() - body.len()];
            if !body.is_empty() {
                assert_eq!(before.matches('\n').count() + 1, body_line, "body_line");
            }
        }
        Err(d) => {
            assert!(!d.message.is_empty());
            let _ = d.to_string();
        }
    }
});
