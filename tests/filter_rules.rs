//! Regex rules and co-occurrence rules.

use std::sync::Arc;

use jingwang::{BuildErrorKind, CoRule, Filter, Lexicon, Location, MatchKind, RegexRule, Severity};

fn loc(line: u32) -> Location {
    Location {
        source: Arc::from("rules.lex"),
        line,
        column: 1,
    }
}

fn spans(filter: &Filter, text: &str) -> Vec<String> {
    filter
        .find_all(text)
        .iter()
        .map(|m| text[m.span().range()].to_string())
        .collect()
}

#[test]
fn regex_rule_reports_the_original_span() {
    let f = Filter::builder()
        .add_regex(r"1[3-9]\d{9}", Some("phone"), "contact", Severity::Medium)
        .build()
        .unwrap();
    let text = "加我 13812345678 谢谢";
    let ms = f.find_all(text);
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].span().range(), 7..18);
    assert_eq!(&text[ms[0].span().range()], "13812345678");
    assert_eq!(ms[0].kind(), MatchKind::Rule);
    assert_eq!(f.term(ms[0].term()), "phone");
    assert_eq!(f.category_name(ms[0].category()), "contact");
    assert!(f.is_match(text));
    assert!(!f.is_match("12345"));
}

#[test]
fn regex_without_name_reports_its_pattern_and_rules_overlap() {
    let f = Filter::builder()
        .add_regex("出售.{0,6}枪", None, "weapons", Severity::High)
        .add_regex("枪支?", None, "weapons", Severity::High)
        .build()
        .unwrap();
    let text = "出售各种枪支";
    let ms = f.find_all(text);
    let got: Vec<(&str, &str)> = ms
        .iter()
        .map(|m| (&text[m.span().range()], f.term(m.term())))
        .collect();
    assert_eq!(got, [("出售各种枪", "出售.{0,6}枪"), ("枪支", "枪支?")]);
}

#[test]
fn regex_does_not_cross_a_hard_boundary() {
    let f = Filter::builder()
        .add_regex("出售[^x]{0,6}枪", None, "weapons", Severity::High)
        .build()
        .unwrap();
    assert!(f.find_all("出售\n枪").is_empty());
    assert_eq!(spans(&f, "出售\n出售枪"), ["出售枪"]);
}

#[test]
fn regex_errors_name_the_rule_location() {
    let lex = Lexicon {
        regexes: vec![
            RegexRule {
                pattern: "ok".into(),
                name: None,
                category: "c".into(),
                severity: Severity::Low,
                location: loc(1),
            },
            RegexRule {
                pattern: "(unclosed".into(),
                name: None,
                category: "c".into(),
                severity: Severity::Low,
                location: loc(2),
            },
        ],
        ..Lexicon::default()
    };
    let err = Filter::builder()
        .add_parsed(lex.clone())
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), BuildErrorKind::InvalidPattern);
    assert_eq!(err.location().unwrap().line, 2);
    assert!(
        err.to_string().starts_with("rules.lex:2:1: invalid regex"),
        "{err}"
    );

    let mut empty = lex;
    empty.regexes[1].pattern = "a*".into();
    let err = Filter::builder().add_parsed(empty).build().unwrap_err();
    assert_eq!(err.kind(), BuildErrorKind::InvalidPattern);
    assert!(err.to_string().contains("empty string"), "{err}");
}

#[test]
fn regex_size_limit() {
    let err = Filter::builder()
        .add_regex(r"\w{50}\d{50}", None, "c", Severity::Low)
        .regex_size_limit(1000)
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), BuildErrorKind::SizeLimit, "{err}");
}

fn co(all: &[&str], none: &[&str], within: Option<u32>) -> Filter {
    let lex = Lexicon {
        co_rules: vec![CoRule {
            all: all.iter().map(|s| s.to_string()).collect(),
            none: none.iter().map(|s| s.to_string()).collect(),
            within,
            name: Some("rule".into()),
            category: "fraud".into(),
            severity: Severity::High,
            location: loc(1),
        }],
        ..Lexicon::default()
    };
    Filter::builder().add_parsed(lex).build().unwrap()
}

#[test]
fn co_occurrence_anywhere() {
    let f = co(&["代办", "信用卡"], &[], None);
    let text = "专业代办，各种业务都可以，包括信用卡";
    let ms = f.find_all(text);
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].kind(), MatchKind::CoOccurrence);
    assert_eq!(f.term(ms[0].term()), "rule");
    assert_eq!(
        &text[ms[0].span().range()],
        "代办，各种业务都可以，包括信用卡"
    );
    assert!(f.find_all("只有代办").is_empty());
    assert!(f.is_match(text));
    assert!(!f.is_match("只有信用卡"));
}

#[test]
fn co_occurrence_within_a_window() {
    // The window runs from the first phrase's start to the last one's end: 7 characters here.
    let f = co(&["代办", "信用卡"], &[], Some(7));
    assert_eq!(spans(&f, "代办大额信用卡"), ["代办大额信用卡"]);
    assert!(co(&["代办", "信用卡"], &[], Some(6))
        .find_all("代办大额信用卡")
        .is_empty());
    assert!(f.find_all("代办各种各样的业务以及信用卡").is_empty());
    // Two separate occurrences give two matches; the smallest window is used.
    assert_eq!(
        spans(&f, "代办代办信用卡，很多很多很多很多字，信用卡代办"),
        ["代办信用卡", "信用卡代办"]
    );
}

#[test]
fn co_occurrence_negative_phrases() {
    let f = co(&["代办", "信用卡"], &["银行"], None);
    assert!(f.find_all("银行代办信用卡").is_empty());
    assert_eq!(spans(&f, "代办信用卡"), ["代办信用卡"]);
    let g = co(&["代办", "信用卡"], &["银行"], Some(5));
    assert!(g.find_all("代办银行信用卡").is_empty());
    assert_eq!(
        spans(&g, "银行，很多很多很多很多字，代办信用卡"),
        ["代办信用卡"]
    );
}

#[test]
fn co_occurrence_with_latin_phrases_is_whole_word() {
    let f = co(&["cash", "card"], &[], Some(20));
    assert_eq!(spans(&f, "fast cash for your card"), ["cash for your card"]);
    assert!(f.find_all("cashew cardigan").is_empty());
}
