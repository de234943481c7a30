//! Saved filters: round trip and rejection of damaged data.

use std::sync::Arc;

use jingwang::{CoRule, Filter, Lexicon, LoadErrorKind, Location, Severity, TermOptions};

fn filter() -> Filter {
    let lex = Lexicon {
        co_rules: vec![CoRule {
            all: vec!["代办".into(), "信用卡".into()],
            none: vec!["银行".into()],
            within: Some(10),
            name: None,
            category: "fraud".into(),
            severity: Severity::High,
            location: Location {
                source: Arc::from("x.lex"),
                line: 1,
                column: 1,
            },
        }],
        ..Lexicon::default()
    };
    Filter::builder()
        .add_term("军火", "weapons", Severity::Critical)
        .add_term_with(
            "gun",
            "weapons",
            Severity::High,
            TermOptions {
                pinyin: Some(true),
                ..TermOptions::default()
            },
        )
        .add_term("枪", "weapons", Severity::High)
        .add_allow("水枪")
        .add_regex(r"1[3-9]\d{9}", Some("phone"), "contact", Severity::Low)
        .add_parsed(lex)
        .mask_char('#')
        .build()
        .unwrap()
}

const TEXTS: &[&str] = &[
    "出售军火 guns 13812345678",
    "水枪和真枪",
    "代办信用卡",
    "银行代办信用卡",
    "nothing here",
    "",
];

fn results(f: &Filter) -> Vec<String> {
    TEXTS
        .iter()
        .map(|t| {
            let ms: Vec<String> = f
                .find_all(t)
                .iter()
                .map(|m| {
                    format!(
                        "{} {} {} {} {:?} {}",
                        m.span(),
                        f.term(m.term()),
                        f.category_name(m.category()),
                        m.severity(),
                        m.kind(),
                        m.evasions()
                    )
                })
                .collect();
            format!("{ms:?} {}", f.mask(t))
        })
        .collect()
}

#[test]
fn round_trip_gives_the_same_results() {
    let f = filter();
    let bytes = f.to_bytes();
    assert_eq!(&bytes[..8], b"JINGWANG");
    let g = Filter::from_bytes(&bytes).unwrap();
    assert_eq!(results(&f), results(&g));
    assert_eq!(g.to_bytes(), bytes);
    assert_eq!(f.term_count(), g.term_count());
    assert_eq!(f.pattern_count(), g.pattern_count());
    assert!(results(&f).iter().any(|r| r.contains("phone")));
    assert!(results(&f)[2].contains("CoOccurrence"));
}

#[test]
fn empty_filter_round_trips() {
    let f = Filter::new(Vec::<&str>::new()).unwrap();
    let g = Filter::from_bytes(&f.to_bytes()).unwrap();
    assert!(g.find_all("anything").is_empty());
}

#[test]
fn header_errors() {
    let bytes = filter().to_bytes();
    assert_eq!(
        Filter::from_bytes(b"").unwrap_err().kind(),
        LoadErrorKind::Truncated
    );
    assert_eq!(
        Filter::from_bytes(b"NOTAFILTERATALL!").unwrap_err().kind(),
        LoadErrorKind::BadMagic
    );
    let mut v = bytes.clone();
    v[8..12].copy_from_slice(&7u32.to_le_bytes());
    let err = Filter::from_bytes(&v).unwrap_err();
    assert_eq!(err.kind(), LoadErrorKind::UnsupportedVersion);
    assert!(
        err.to_string().contains('7') && err.to_string().contains('1'),
        "{err}"
    );
    let mut v = bytes.clone();
    let last = v.len() - 1;
    v[last] ^= 0x40;
    assert_eq!(
        Filter::from_bytes(&v).unwrap_err().kind(),
        LoadErrorKind::ChecksumMismatch
    );
    let mut v = bytes;
    v.push(0);
    assert_eq!(
        Filter::from_bytes(&v).unwrap_err().kind(),
        LoadErrorKind::Corrupt
    );
}

#[test]
fn every_truncation_is_rejected() {
    let bytes = filter().to_bytes();
    for n in 0..bytes.len() {
        assert!(Filter::from_bytes(&bytes[..n]).is_err(), "truncated to {n}");
    }
}

#[test]
fn every_single_byte_change_is_rejected_or_harmless() {
    let f = filter();
    let want = results(&f);
    let bytes = f.to_bytes();
    // Every header byte and about 300 payload positions (loading rebuilds the automata, which is slow
    // in debug builds).
    let step = (bytes.len() / 300).max(1);
    for i in (0..bytes.len()).filter(|&i| i < 28 || i % step == 0) {
        for x in [0x01u8, 0x80, 0xFF] {
            let mut v = bytes.clone();
            v[i] ^= x;
            if let Ok(g) = Filter::from_bytes(&v) {
                assert_eq!(results(&g), want, "byte {i} ^ {x:#x}");
            }
        }
    }
}

fn crc32(data: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}

#[test]
fn payload_changes_with_a_fixed_checksum_never_panic() {
    let f = filter();
    let want = results(&f);
    let bytes = f.to_bytes();
    assert_eq!(
        u32::from_le_bytes(bytes[24..28].try_into().unwrap()),
        crc32(&bytes[28..])
    );
    let mut loaded = 0;
    let step = (bytes.len() / 300).max(1);
    let mut tried = 0;
    for i in (28..bytes.len()).filter(|&i| i % step == 0) {
        tried += 2;
        for x in [0x01u8, 0xFF] {
            let mut v = bytes.clone();
            v[i] ^= x;
            let crc = crc32(&v[28..]);
            v[24..28].copy_from_slice(&crc.to_le_bytes());
            match Filter::from_bytes(&v) {
                Ok(g) => {
                    loaded += 1;
                    // Scanning a filter with altered metadata must not panic either.
                    let _ = results(&g);
                }
                Err(e) => assert_eq!(e.kind(), LoadErrorKind::Corrupt, "byte {i}: {e}"),
            }
        }
    }
    assert!(loaded < tried);
    assert_eq!(results(&Filter::from_bytes(&bytes).unwrap()), want);
}
