//! Saved filters: round trip and rejection of damaged data.

use std::sync::Arc;

use jingwang::{
    CoRule, Filter, FilterBuilder, Lexicon, LoadErrorKind, Location, Severity, TermOptions,
};

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
    results_for(f, TEXTS)
}

/// Every match in each of `texts` (span, term, category, severity, kind, evasions) and the mask.
fn results_for(f: &Filter, texts: &[&str]) -> Vec<String> {
    texts
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
        err.to_string().contains("version 7") && err.to_string().contains("version 6"),
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
    // Every header byte and about 2,000 payload positions (loading compiles the regex rules, which is
    // slow in debug builds).
    let step = (bytes.len() / 2000).max(1);
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

/// Where the saved term automaton starts in a saved filter: after a `1` flag and its length as a
/// u64, and (format version 6) before the split forms, a count and 16 bytes each.
fn automaton_start(v: &[u8]) -> usize {
    let version = u32_at(v, 8);
    (28..v.len() - 9)
        .find(|&p| {
            if v[p] != 1 {
                return false;
            }
            let len = u64::from_le_bytes(v[p + 1..p + 9].try_into().unwrap()) as usize;
            let Some(end) = (p + 9).checked_add(len).filter(|&e| e <= v.len()) else {
                return false;
            };
            if version < 6 {
                return end == v.len();
            }
            end + 4 <= v.len() && end + 4 + 16 * u32_at(v, end) as usize == v.len()
        })
        .map(|p| p + 9)
        .expect("a saved automaton")
}

/// Rewrites the header's payload length and checksum to fit the (changed) payload.
fn reseal(v: &mut [u8]) {
    let len = (v.len() - 28) as u64;
    v[16..24].copy_from_slice(&len.to_le_bytes());
    let crc = crc32(&v[28..]);
    v[24..28].copy_from_slice(&crc.to_le_bytes());
}

/// Where `needle` occurs in `bytes`.
fn occurrences(bytes: &[u8], needle: &[u8]) -> Vec<usize> {
    bytes
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect()
}

fn u32_at(v: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(v[at..at + 4].try_into().unwrap())
}

/// A forged saved filter (checksum recomputed) whose automaton would loop forever or report a match
/// starting before the text is rejected; one whose change is unreachable behaves like the original.
#[test]
fn forged_automata_are_rejected_or_harmless() {
    let f = filter();
    let want = results(&f);
    let bytes = f.to_bytes();
    // The saved automaton (`automaton::pack`): a `1` tag, then daachorse's states as it writes them.
    let a = automaton_start(&bytes);
    assert_eq!(bytes[a], 1, "the automaton is packed");
    let a = a + 1;
    let n = u32_at(&bytes, a) as usize;
    let state = |s: usize| a + 4 + 16 * s;
    assert!(n > 10, "{n} states");
    let mut rejected = 0;
    for s in 1..n {
        // A failure link to the state itself: following it would never end.
        let mut v = bytes.clone();
        let at = state(s) + 8;
        if u32_at(&v, at) as usize == s {
            continue;
        }
        v[at..at + 4].copy_from_slice(&(s as u32).to_le_bytes());
        reseal(&mut v);
        match Filter::from_bytes(&v) {
            Err(e) => {
                assert_eq!(e.kind(), LoadErrorKind::Corrupt, "state {s}: {e}");
                rejected += 1;
            }
            Ok(g) => assert_eq!(results(&g), want, "state {s} is reachable but was accepted"),
        }
    }
    assert!(rejected > 5, "only {rejected} self-loops were rejected");

    // Every output made longer than its pattern: a match would start before the text.
    // Then the character map: its length, a form byte, and sparse entries (form 1) or the table.
    let mapper = a + 4 + 16 * n;
    let m = u32_at(&bytes, mapper) as usize;
    let after_map = match bytes[mapper + 4] {
        1 => mapper + 5 + 4 + 8 * u32_at(&bytes, mapper + 5) as usize,
        _ => mapper + 5 + 4 * m,
    };
    let outputs = after_map + 4;
    let k = u32_at(&bytes, outputs) as usize;
    assert!(k > 3, "{k} outputs");
    for o in 0..k {
        let mut v = bytes.clone();
        let at = outputs + 4 + 12 * o + 4;
        v[at..at + 4].copy_from_slice(&1000u32.to_le_bytes());
        reseal(&mut v);
        let e = Filter::from_bytes(&v).expect_err("a 1000-byte output length was accepted");
        assert_eq!(e.kind(), LoadErrorKind::Corrupt);
    }
    // An output naming a pattern that does not exist.
    let mut v = bytes.clone();
    v[outputs + 4..outputs + 8].copy_from_slice(&u32::MAX.to_le_bytes());
    reseal(&mut v);
    assert_eq!(
        Filter::from_bytes(&v).unwrap_err().kind(),
        LoadErrorKind::Corrupt
    );
}

/// A filter saved by format version 1 (no automaton saved: it is rebuilt) still loads and behaves
/// the same. Version 1 is version 2 without the automaton field (flag, length, bytes), so one is
/// made from the version 4 fixture (see `version_4_files_still_load`).
#[test]
fn version_1_files_still_load() {
    let bytes = std::fs::read("tests/data/format4.jwf").unwrap();
    let f = Filter::from_bytes(&bytes).expect("a version 4 file loads");
    let texts = [
        "出售木仓支，有意者私聊",
        "卖弓单药",
        "有 junhuo 也有 jun huo",
        "cheap guns and rifles, begun, shotgun",
        "水枪 water gun 哥哥货",
        "代办身份证",
    ];
    let want = results_for(&f, &texts);
    assert!(
        want.iter().filter(|r| !r.is_empty()).count() >= 5,
        "{want:?}"
    );
    let a = automaton_start(&bytes);
    let mut v = bytes[..a - 9].to_vec();
    v[8..12].copy_from_slice(&1u32.to_le_bytes());
    reseal(&mut v);
    let g = Filter::from_bytes(&v).expect("a version 1 file loads");
    assert_eq!(results_for(&g, &texts), want);
    // A version 2 file without its automaton is corrupt, not silently rebuilt.
    let mut v = bytes[..a - 9].to_vec();
    v.push(0);
    v[8..12].copy_from_slice(&2u32.to_le_bytes());
    reseal(&mut v);
    assert_eq!(
        Filter::from_bytes(&v).unwrap_err().kind(),
        LoadErrorKind::Corrupt
    );
}

/// A filter saved by format version 4 (`tests/data/format4.jwf`, written by `jingwang compile
/// --no-default --lexicon tests/data/format4.lex` before version 5), whose automaton names
/// whole-word, plural, split-character and pinyin patterns by index where version 5 gives them
/// direct values (and which holds split-character variants as patterns, where version 6 composes
/// split forms in the search), still loads and finds exactly what the same lexicon built now finds.
#[test]
fn version_4_files_still_load() {
    let saved = std::fs::read("tests/data/format4.jwf").unwrap();
    assert_eq!(u32_at(&saved, 8), 4, "the fixture is a version 4 file");
    let old = Filter::from_bytes(&saved).expect("a version 4 file loads");
    let new = Filter::builder()
        .add_lexicon_file("tests/data/format4.lex")
        .build()
        .unwrap();
    assert_eq!(u32_at(&new.to_bytes(), 8), 6);
    assert_eq!(old.term_count(), new.term_count());
    // Built now, the rule `出售.{0,10}[枪弹]` is also gated on 枪 and 弹 (single CJK characters
    // became gate literals after this file was saved): two patterns more, which spare searches, not
    // change matches. And the 19 split-character variants of the file's terms are no patterns since
    // format version 6: the search composes split forms. The six forms of 军火, 冰毒 and 哥哥货 partly
    // in pinyin (jun火, 军huo, …) are patterns since.
    assert_eq!(old.pattern_count() + 2 - 19 + 6, new.pattern_count());
    let texts = [
        "出售木仓支，有意者私聊",
        "卖弓单药",
        "有 junhuo 也有 jun huo",
        "bingdu 到货",
        "cheap guns and rifles, begun, shotgun, rifleman",
        "meth, meths, methane",
        "哥哥货 哥货",
        "水枪 water gun water guns",
        "代办身份证，代办身份证挂失",
        "出售 仿真 枪支 弹药",
        "fake invoices 代开发票",
    ];
    let want = results_for(&new, &texts);
    assert_eq!(results_for(&old, &texts), want);
    // The texts reach the patterns that changed encoding.
    let all = want.join("\n");
    for evasion in ["split", "pinyin"] {
        assert!(all.contains(evasion), "no {evasion} match in {all}");
    }
    assert!(all.contains("rifle") && all.contains("meth"), "{all}");
}

/// A "seller phrase near item" rule: triggered, with gate literals.
fn sell_gun(b: &mut FilterBuilder) -> &mut FilterBuilder {
    b.add_regex(
        "出售[^\\n]{0,6}(?:枪支|弹药)",
        Some("sell-gun"),
        "weapons",
        Severity::High,
    )
}

/// Gate literals of triggered regex rules (format version 4) survive a round trip, and a file that
/// claims an older version cannot carry them.
#[test]
fn gate_literals_round_trip_and_need_version_4() {
    let f = sell_gun(&mut Filter::builder()).build().unwrap();
    let texts = [
        "出售仿真枪支",
        "出售。枪支",
        "出售 二手 弹药 出售",
        "出售车辆，枪支展览",
    ];
    let want: Vec<_> = texts.iter().map(|t| f.find_all(t)).collect();
    // A hard boundary ends the segment: no match across it.
    assert_eq!(
        want.iter().map(|m| m.is_empty()).collect::<Vec<_>>(),
        [false, true, false, false]
    );
    let bytes = f.to_bytes();
    let g = Filter::from_bytes(&bytes).expect("loads");
    let got: Vec<_> = texts.iter().map(|t| g.find_all(t)).collect();
    assert_eq!(got, want);
    let mut v = bytes;
    v[8..12].copy_from_slice(&3u32.to_le_bytes());
    reseal(&mut v);
    assert_eq!(
        Filter::from_bytes(&v).unwrap_err().kind(),
        LoadErrorKind::Corrupt
    );
}

/// A loaded filter compiles a triggered rule when first needed. A rule that does not compile can
/// only come from data not written by `to_bytes` (here: a forged pattern with a valid checksum): the
/// filter loads, the rule matches nothing, the other rules work, and `compile_regex_rules` names it.
#[test]
fn regex_rules_compile_on_first_use_and_a_forged_rule_is_reported() {
    let f = sell_gun(&mut Filter::builder())
        .add_regex(
            "收购[^\\n]{0,6}雷管",
            Some("buy-det"),
            "explosives",
            Severity::High,
        )
        .build()
        .unwrap();
    f.compile_regex_rules()
        .expect("a built filter's rules compile");
    let text = "出售仿真枪支，收购电子雷管";
    let want = f.find_all(text);
    assert_eq!(want.len(), 2);
    let bytes = f.to_bytes();
    let g = Filter::from_bytes(&bytes).expect("loads");
    let lazy = g.heap_bytes();
    assert_eq!(g.find_all(text), want);
    assert!(g.heap_bytes() > lazy, "the first scan compiled the rules");
    g.compile_regex_rules().expect("compiles");

    // "{0,6}" of the second rule becomes "{6,0}", which does not parse.
    let at = bytes
        .windows("收购[^\\n]{0,6}".len())
        .position(|w| w == "收购[^\\n]{0,6}".as_bytes())
        .expect("the pattern is stored as text")
        + "收购[^\\n]".len();
    let mut v = bytes.clone();
    v[at..at + 5].copy_from_slice(b"{6,0}");
    reseal(&mut v);
    let forged = Filter::from_bytes(&v).expect("rules are not compiled when loading");
    let got = forged.find_all(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0], want[0]);
    let e = forged.compile_regex_rules().unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Corrupt);
    assert!(e.to_string().contains("regex rule 1"), "{e}");
}

/// Pattern texts are checked for UTF-8 all at once when loading: a forged one (checksum
/// recomputed) that is not UTF-8 is `Corrupt`, and the intact file loads.
#[test]
fn a_pattern_text_that_is_not_utf8_is_corrupt() {
    // Written in Traditional, so the canonical pattern 仿真枪 is stored only as a pattern.
    let f = Filter::builder()
        .add_term("仿真槍", "weapons", Severity::High)
        .add_term("gun", "weapons", Severity::High)
        .build()
        .unwrap();
    let bytes = f.to_bytes();
    let canon = "仿真枪".as_bytes();
    let at = occurrences(&bytes, canon);
    assert_eq!(at.len(), 1, "the canonical text is stored once");
    assert_eq!(
        Filter::from_bytes(&bytes)
            .unwrap()
            .find_all("出售仿真槍")
            .len(),
        1
    );
    let mut v = bytes.clone();
    // The last byte of 枪 becomes ASCII: the sequence is cut short.
    v[at[0] + canon.len() - 1] = b'A';
    reseal(&mut v);
    let e = Filter::from_bytes(&v).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Corrupt);
    assert!(e.to_string().contains("UTF-8"), "{e}");
}

/// A forged pattern target that names no deny term (a regex rule's entry, or a term past the end)
/// is corrupt, for patterns that get a direct automaton value (a plain term, a whole word) too.
#[test]
fn a_pattern_target_naming_no_deny_term_is_corrupt() {
    let f = Filter::builder()
        .add_term("仿真槍", "weapons", Severity::High)
        .add_term("gun", "weapons", Severity::High)
        .add_regex(r"1[3-9]\d{9}", Some("phone"), "contact", Severity::Low)
        .build()
        .unwrap();
    let rule = f.find_all("13812345678")[0].term().as_u32();
    let past_the_end = f.term_count() as u32;
    let bytes = f.to_bytes();
    // Whole-word flags: 0 for the Chinese term, WORD_START | WORD_END | PLURAL for "gun".
    for (text, word) in [("仿真枪", 0u8), ("gun", 7)] {
        // The pattern's text, one target, kind 0 (deny), its whole-word flags, then the term id.
        let mut needle = (text.len() as u32).to_le_bytes().to_vec();
        needle.extend_from_slice(text.as_bytes());
        needle.extend_from_slice(&1u32.to_le_bytes());
        needle.extend_from_slice(&[0, word]);
        let at = occurrences(&bytes, &needle);
        assert_eq!(at.len(), 1, "pattern {text} once");
        let id_at = at[0] + needle.len();
        for bad in [rule, past_the_end] {
            let mut v = bytes.clone();
            v[id_at..id_at + 4].copy_from_slice(&bad.to_le_bytes());
            reseal(&mut v);
            let e = Filter::from_bytes(&v).unwrap_err();
            assert_eq!(e.kind(), LoadErrorKind::Corrupt, "{text} -> {bad}");
            assert!(e.to_string().contains("pattern target"), "{e}");
        }
    }
}
