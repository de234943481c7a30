//! Helpers shared by the fuzz targets: turning fuzz bytes into small texts, terms and options that hit
//! the interesting corners (CJK, Latin words, junk, look-alikes, hard boundaries) often.

use jingwang::{NormalizeConfig, Normalized, Normalizer, Span};
use libfuzzer_sys::arbitrary::Unstructured;

/// Pieces texts and terms are made of: Latin letters (plural `s`/`es` included), leet digits, CJK and
/// traditional forms, full-width letters, junk, zero-width characters, a combining mark, a Cyrillic
/// look-alike, sentence ends and line breaks.
pub const PIECES: &[&str] = &[
    "a", "b", "g", "u", "n", "s", "e", "o", " ", "-", ".", "0", "3", "枪", "支", "槍", "军", "火",
    "軍", "木", "仓", "冰", "毒", "Ａ", "Ｇ", "\u{200b}", "\u{fe0f}", "\u{301}", "а", "。", "\n",
    "！", "😀", "ß", "İ", "1", "壹", "g u n", "gun",
];

/// A string of up to `max` pieces, or (one time in eight) arbitrary UTF-8 from the fuzz bytes.
pub fn text(u: &mut Unstructured<'_>, max: usize) -> String {
    if u.ratio(1, 8).unwrap_or(false) {
        let n = u.int_in_range(0..=max * 4).unwrap_or(0);
        let bytes = u.bytes(n.min(u.len())).unwrap_or(&[]);
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let n = u.int_in_range(0..=max).unwrap_or(0);
    let mut s = String::new();
    for _ in 0..n {
        let i = u.choose_index(PIECES.len()).unwrap_or(0);
        s.push_str(PIECES[i]);
    }
    s
}

/// A normaliser configuration with every switch and the gap taken from the fuzz bytes.
///
/// A non-default configuration costs a lookup-table build (about a millisecond, a hundred times more
/// under the sanitizer), which would dominate every run: the filter targets use the default
/// configuration, and the normaliser target memoises its normalisers with [`normalizer`].
pub fn config(u: &mut Unstructured<'_>) -> NormalizeConfig {
    let mut c = NormalizeConfig::default();
    let bits: u16 = u.arbitrary().unwrap_or(0xFFFF);
    let bit = |i: u16| bits & (1 << i) != 0;
    c.width = bit(0);
    c.case = bit(1);
    c.diacritics = bit(2);
    c.traditional = bit(3);
    c.variants = bit(4);
    c.homoglyphs = bit(5);
    c.leet = bit(6);
    c.skip_junk = bit(7);
    c.join_spaced = bit(8);
    c.numerals = bit(9);
    c.collapse_repeats = bit(10);
    c.max_gap = u.int_in_range(0..=12).unwrap_or(8);
    c
}

/// A normaliser for `config`, built once per configuration and process.
pub fn normalizer(config: NormalizeConfig) -> Normalizer {
    thread_local! {
        static CACHE: std::cell::RefCell<std::collections::HashMap<NormalizeConfig, Normalizer>> =
            Default::default();
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        // Each table is a few hundred KiB: keep at most a few dozen.
        if c.len() >= 32 {
            c.clear();
        }
        c.entry(config.clone())
            .or_insert_with(|| Normalizer::new(config))
            .clone()
    })
}

/// Checks that a span lies inside `text` on char boundaries.
pub fn check_span(text: &str, span: Span) {
    assert!(span.start() <= span.end(), "reversed span {span:?}");
    assert!(
        span.end() <= text.len(),
        "span {span:?} past the end of {text:?}"
    );
    assert!(
        text.is_char_boundary(span.start()),
        "span {span:?} start off a char boundary of {text:?}"
    );
    assert!(
        text.is_char_boundary(span.end()),
        "span {span:?} end off a char boundary of {text:?}"
    );
}

/// Checks the normaliser invariants on one input: one `CanonChar` per canonical char with the right
/// offset, origins on char boundaries of the input and monotone, and normalising twice changes nothing.
pub fn check_normalizer(n: &Normalizer, input: &str) {
    let out = n.normalize(input);
    assert_eq!(out.chars().len(), out.text().chars().count());
    let mut prev = (0u32, 0u32);
    let mut offset = 0usize;
    for ((ch, c), text_ch) in out.iter().zip(out.text().chars()) {
        assert_eq!(ch, text_ch);
        assert_eq!(c.offset as usize, offset);
        offset += ch.len_utf8();
        check_span(input, c.origin());
        assert!(
            c.start >= prev.0 && c.end >= prev.1,
            "not monotone: {c:?} after {prev:?} in {input:?}"
        );
        prev = (c.start, c.end);
    }
    let again = n.normalize_to_string(out.text());
    assert_eq!(
        again,
        out.text(),
        "not idempotent for {input:?} with {:?}",
        n.config()
    );
    let mut text_only = Normalized::new();
    n.normalize_text_into(input, &mut text_only);
    assert_eq!(
        text_only.text(),
        out.text(),
        "text-only normalisation differs for {input:?} with {:?}",
        n.config()
    );
    assert!(text_only.chars().is_empty());
}
