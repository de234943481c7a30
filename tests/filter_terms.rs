//! Deny terms: whole words, plurals, CJK, duplicates, options, errors.

use std::sync::Arc;

use jingwang::{BuildErrorKind, Filter, Lexicon, Location, MatchKind, Severity, Term, TermOptions};

fn found(filter: &Filter, text: &str) -> Vec<String> {
    filter
        .find_all(text)
        .iter()
        .map(|m| text[m.span().range()].to_string())
        .collect()
}

fn loc(source: &str, line: u32, column: u32) -> Location {
    Location {
        source: Arc::from(source),
        line,
        column,
    }
}

#[test]
fn filter_is_send_sync_clone_unwind_safe() {
    fn assert_traits<
        T: Send + Sync + Clone + std::panic::UnwindSafe + std::panic::RefUnwindSafe,
    >() {
    }
    assert_traits::<Filter>();
    fn assert_send<T: Send>() {}
    assert_send::<jingwang::Scratch>();
    assert_send::<jingwang::FilterBuilder>();
}

#[test]
fn latin_terms_match_whole_words() {
    let f = Filter::new(["gun"]).unwrap();
    for (text, want) in [
        ("begun", vec![]),
        ("gunner", vec![]),
        ("a gun.", vec!["gun"]),
        ("guns for sale", vec!["guns"]),
        ("gun", vec!["gun"]),
        ("GUN!", vec!["GUN"]),
        ("2gun", vec![]),
        ("卖gun", vec!["gun"]),
    ] {
        assert_eq!(found(&f, text), want, "{text:?}");
    }
}

#[test]
fn plural_es_matches() {
    let f = Filter::new(["box"]).unwrap();
    assert_eq!(found(&f, "two boxes"), ["boxes"]);
    assert_eq!(found(&f, "boxer"), Vec::<String>::new());
}

#[test]
fn cjk_terms_match_anywhere() {
    let f = Filter::new(["军火"]).unwrap();
    assert_eq!(found(&f, "出售军火库存"), ["军火"]);
    assert_eq!(found(&f, "abc军火def"), ["军火"]);
}

#[test]
fn substring_and_word_options() {
    let mut b = Filter::builder();
    b.add_term_with(
        "gun",
        "weapons",
        Severity::High,
        TermOptions {
            word: Some(false),
            ..TermOptions::default()
        },
    );
    b.add_term_with(
        "枪",
        "weapons",
        Severity::High,
        TermOptions {
            word: Some(true),
            ..TermOptions::default()
        },
    );
    let f = b.build().unwrap();
    assert_eq!(found(&f, "begun"), ["gun"]);
    assert_eq!(found(&f, "卖枪"), ["枪"]);
    assert_eq!(found(&f, "a枪"), Vec::<String>::new());
}

#[test]
fn overlapping_terms_and_find_iter() {
    let f = Filter::new(["枪支", "枪", "支弹"]).unwrap();
    let text = "枪支弹药";
    assert_eq!(found(&f, text), ["枪", "枪支", "支弹"]);
    let iter: Vec<&str> = f
        .find_iter(text)
        .iter()
        .map(|m| &text[m.span().range()])
        .collect();
    assert_eq!(iter, ["枪支"]);
    assert!(f.is_match(text));
    assert!(!f.is_match("弹药"));
}

#[test]
fn duplicate_terms_in_two_categories_are_both_reported() {
    let f = Filter::builder()
        .add_term("军火", "weapons", Severity::High)
        .add_term("军火", "trade", Severity::Low)
        .add_term("军火", "weapons", Severity::High)
        .build()
        .unwrap();
    let ms = f.find_all("军火");
    assert_eq!(ms.len(), 2);
    let cats: Vec<&str> = ms.iter().map(|m| f.category_name(m.category())).collect();
    assert_eq!(cats, ["weapons", "trade"]);
    assert_eq!(ms[0].severity(), Severity::High);
    assert_eq!(ms[1].severity(), Severity::Low);
    assert!(ms
        .iter()
        .all(|m| f.term(m.term()) == "军火" && m.kind() == MatchKind::Term));
    assert_eq!(f.term_count(), 2);
    let names: Vec<&str> = f.categories().map(|(_, n)| n).collect();
    assert_eq!(names, ["weapons", "trade"]);
}

#[test]
fn empty_term_error_names_its_location() {
    // "★★" needs the real normaliser to vanish (see filter_normalized.rs); whitespace always does.
    let lex2 = Lexicon {
        terms: vec![Term {
            text: "   ".into(),
            category: "default".into(),
            severity: Severity::Medium,
            options: TermOptions::default(),
            location: loc("tenant.lex", 4, 2),
        }],
        ..Lexicon::default()
    };
    let err = Filter::builder().add_parsed(lex2).build().unwrap_err();
    assert_eq!(err.kind(), BuildErrorKind::EmptyTerm);
    let l = err.location().unwrap();
    assert_eq!((&*l.source, l.line, l.column), ("tenant.lex", 4, 2));
    assert_eq!(
        err.to_string(),
        "tenant.lex:4:2: term \"   \" normalises to nothing"
    );
    assert!(err.lexicon_error().is_none());
}

#[test]
fn term_crossing_a_hard_boundary_is_rejected() {
    let err = Filter::new(["军\n火"]).unwrap_err();
    assert_eq!(err.kind(), BuildErrorKind::InvalidPattern);
    assert!(err.to_string().contains("crosses a hard boundary"), "{err}");
}

#[test]
fn empty_filter_matches_nothing() {
    let f = Filter::new(Vec::<String>::new()).unwrap();
    assert!(f.find_all("anything").is_empty());
    assert!(!f.is_match("anything"));
    assert_eq!(f.mask("anything"), "anything");
    assert_eq!(f.pattern_count(), 0);
}

#[test]
fn builder_is_reusable_and_scratch_reuse_gives_same_results() {
    let mut b = Filter::builder();
    b.add_term("军火", "weapons", Severity::High);
    let f1 = b.build().unwrap();
    b.add_term("gun", "weapons", Severity::High);
    let f2 = b.build().unwrap();
    let text = "军火 and gun";
    assert_eq!(f1.find_all(text).len(), 1);
    assert_eq!(f2.find_all(text).len(), 2);
    let mut scratch = jingwang::Scratch::new();
    let mut out = Vec::new();
    for _ in 0..3 {
        f2.find_all_with(text, &mut scratch, &mut out);
        assert_eq!(out, f2.find_all(text));
        f1.find_all_with(text, &mut scratch, &mut out);
        assert_eq!(out, f1.find_all(text));
    }
    assert!(f2.heap_bytes() > 0);
    let f3 = f2.clone();
    assert_eq!(f3.find_all(text), f2.find_all(text));
}
