//! Allow entries suppress deny matches that overlap them.

use jingwang::{Filter, Severity};

fn spans(filter: &Filter, text: &str) -> Vec<String> {
    filter
        .find_all(text)
        .iter()
        .map(|m| text[m.span().range()].to_string())
        .collect()
}

#[test]
fn water_gun_is_allowed() {
    let f = Filter::builder()
        .add_term("枪", "weapons", Severity::High)
        .add_allow("水枪")
        .build()
        .unwrap();
    assert!(spans(&f, "儿童水枪玩具").is_empty());
    assert!(!f.is_match("儿童水枪玩具"));
    assert_eq!(spans(&f, "水枪和真枪"), ["枪"]);
    assert!(f.is_match("出售枪"));
    assert_eq!(f.mask("水枪和真枪"), "水枪和真*");
}

#[test]
fn law_title_allows_a_longer_overlap() {
    let f = Filter::builder()
        .add_term("枪支", "weapons", Severity::High)
        .add_term("管理法规", "other", Severity::Low)
        .add_allow("枪支管理法")
        .build()
        .unwrap();
    // 枪支 lies inside the allowed title; 管理法规 only overlaps it and is still suppressed.
    assert!(spans(&f, "学习枪支管理法规定").is_empty());
    assert_eq!(spans(&f, "出售枪支"), ["枪支"]);
}

#[test]
fn allow_suppresses_rules_too() {
    let f = Filter::builder()
        .add_regex("出售.{0,4}枪", Some("sell-gun"), "weapons", Severity::High)
        .add_allow("水枪")
        .build()
        .unwrap();
    assert!(spans(&f, "出售水枪").is_empty());
    assert_eq!(spans(&f, "出售真枪"), ["出售真枪"]);
}

#[test]
fn latin_allow_is_whole_word() {
    let f = Filter::builder()
        .add_term("gun", "weapons", Severity::High)
        .add_allow("glue gun")
        .build()
        .unwrap();
    assert!(spans(&f, "a glue gun").is_empty());
    assert_eq!(spans(&f, "a gun"), ["gun"]);
}
