//! Offsets and masking: spans are on char boundaries of the original text, masking touches only matches.

use jingwang::{Filter, Scratch, Severity};
use proptest::prelude::*;

fn small_filter() -> Filter {
    Filter::builder()
        .add_term("军火", "weapons", Severity::High)
        .add_term("枪", "weapons", Severity::High)
        .add_term("gun", "weapons", Severity::High)
        .add_term("ab", "test", Severity::Low)
        .add_allow("水枪")
        .add_regex(r"\d{5,}", Some("digits"), "contact", Severity::Medium)
        .build()
        .unwrap()
}

#[test]
fn spans_slice_the_original_text() {
    let f = small_filter();
    let text = "Ünïcödé 军火 and a GUN, 电话 1234567 ab";
    let got: Vec<&str> = f
        .find_all(text)
        .iter()
        .map(|m| &text[m.span().range()])
        .collect();
    assert_eq!(got, ["军火", "GUN", "1234567", "ab"]);
    let m = &f.find_all(text)[0];
    assert_eq!(m.start(), text.find("军火").unwrap());
    assert_eq!(m.end(), m.start() + "军火".len());
}

#[test]
fn mask_replaces_each_matched_char_once() {
    let f = small_filter();
    assert_eq!(f.mask("买军火和gun"), "买**和***");
    assert_eq!(f.mask_with("买军火", '█'), "买██");
    assert_eq!(f.mask_char(), '*');
    let hashed = Filter::builder()
        .add_term("军火", "w", Severity::High)
        .mask_char('#')
        .build()
        .unwrap();
    assert_eq!(hashed.mask_char(), '#');
    assert_eq!(hashed.mask("军火"), "##");
    let mut scratch = Scratch::new();
    let mut out = String::new();
    f.mask_into("水枪和枪", 'x', &mut scratch, &mut out);
    assert_eq!(out, "水枪和x");
}

#[test]
fn find_iter_is_non_overlapping() {
    let f = small_filter();
    let text = "军火枪 gun 123456";
    let all = f.find_all(text);
    let iter = f.find_iter(text);
    assert!(iter.len() <= all.len());
    for w in iter.windows(2) {
        assert!(w[0].end() <= w[1].start());
    }
    let mut scratch = Scratch::new();
    let mut out = Vec::new();
    f.find_iter_with(text, &mut scratch, &mut out);
    assert_eq!(out, iter);
    assert!(f.is_match_with(text, &mut scratch));
}

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "军", "火", "枪", "水", "g", "u", "n", "G", "U", "N", "a", "b", " ", ".", "1", "2", "3",
        "4", "5", "\n", "é", "Ｇ", "🔫", "\u{200b}", "ß", "İ", "军火", "gun", "水枪",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn spans_fall_on_char_boundaries(text in text_strategy()) {
        let f = small_filter();
        let ms = f.find_all(&text);
        for m in &ms {
            prop_assert!(m.start() < m.end());
            prop_assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
            prop_assert!(m.end() <= text.len());
        }
        for w in ms.windows(2) {
            prop_assert!((w[0].start(), w[0].end(), w[0].term()) <= (w[1].start(), w[1].end(), w[1].term()));
        }
        prop_assert_eq!(f.is_match(&text), !ms.is_empty());
    }

    #[test]
    fn mask_changes_only_matched_chars(text in text_strategy()) {
        let f = small_filter();
        let masked = f.mask(&text);
        prop_assert_eq!(masked.chars().count(), text.chars().count());
        let ms = f.find_all(&text);
        for ((i, a), b) in text.char_indices().zip(masked.chars()) {
            let inside = ms.iter().any(|m| m.start() <= i && i < m.end());
            if inside {
                prop_assert_eq!(b, '*');
            } else {
                prop_assert_eq!(a, b);
            }
        }
    }
}
