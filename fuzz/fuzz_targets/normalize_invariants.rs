//! Normaliser invariants for arbitrary text and every configuration: one `CanonChar` per canonical char,
//! origins on char boundaries of the input and monotone, `origin()` of any canonical range inside the
//! input, and normalising twice changes nothing.
#![no_main]

use jingwang_fuzz::{check_normalizer, check_span, config, normalizer, text};
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let n = normalizer(config(&mut u));
    let input = text(&mut u, 64);
    check_normalizer(&n, &input);
    // Raw UTF-8 from the rest of the bytes too.
    let raw = String::from_utf8_lossy(u.take_rest()).into_owned();
    check_normalizer(&n, &raw);
    let out = n.normalize(&raw);
    let canon = out.text();
    let bounds: Vec<usize> = canon
        .char_indices()
        .map(|(i, _)| i)
        .chain([canon.len()])
        .collect();
    for (k, &s) in bounds.iter().enumerate().take(16) {
        for &e in bounds[k + 1..].iter().take(16) {
            if let Some((span, _)) = out.origin(s, e) {
                check_span(&raw, span);
            }
        }
    }
    // Reusing a buffer gives the same result.
    let mut buf = jingwang::Normalized::new();
    n.normalize_into(&input, &mut buf);
    n.normalize_into(&raw, &mut buf);
    assert_eq!(buf.text(), canon);
    assert_eq!(buf.chars(), out.chars());
});
