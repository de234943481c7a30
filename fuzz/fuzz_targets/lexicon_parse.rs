//! The lexicon parser on arbitrary text: never panics, every error has a line inside the text and a
//! column inside (or just past) that line, and a lexicon that parses also builds or fails with an error.
#![no_main]

use jingwang::{Filter, Lexicon};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (lexicon, errors) = Lexicon::parse_all(text, "fuzz");
    let lines: Vec<&str> = text.split('\n').collect();
    for e in &errors {
        let line = e.line() as usize;
        assert!(
            line >= 1 && line <= lines.len(),
            "line {line} outside 1..={}: {e}",
            lines.len()
        );
        let width = lines[line - 1].trim_end_matches('\r').chars().count();
        let column = e.column() as usize;
        assert!(
            column >= 1 && column <= lines[line - 1].chars().count() + 1,
            "column {column} outside line {line} of {width} chars: {e}"
        );
        assert!(!e.to_string().is_empty());
    }
    match Lexicon::parse(text, "fuzz") {
        Ok(l) => {
            assert!(
                errors.is_empty(),
                "parse succeeded but parse_all reported {errors:?}"
            );
            assert_eq!(l, lexicon);
        }
        Err(first) => {
            let e = errors
                .first()
                .expect("parse failed but parse_all reported nothing");
            assert_eq!((first.line(), first.column()), (e.line(), e.column()));
        }
    }
    if errors.is_empty() && text.len() < 512 {
        let mut b = Filter::builder();
        b.add_parsed(lexicon).regex_size_limit(1 << 20);
        if let Ok(f) = b.build() {
            let m = f.find_all(text);
            for x in m {
                assert!(text.is_char_boundary(x.start()) && text.is_char_boundary(x.end()));
            }
        }
    }
});
