//! The embedded default lexicon: it parses, builds, flags the illegal offers of our own test set and leaves
//! the ordinary lines of the negative set alone.

use jingwang::{default_lexicon, Filter, Lexicon, DEFAULT_LEXICON_FILES};

fn default_filter() -> Filter {
    let mut b = Filter::builder();
    b.add_parsed(default_lexicon().expect("default lexicon parses"));
    b.build().expect("default lexicon builds")
}

#[test]
fn every_file_parses_without_errors() {
    for (name, text) in DEFAULT_LEXICON_FILES {
        let (_, errors) = Lexicon::parse_all(text, name);
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}

#[test]
fn every_deny_entry_has_a_known_category_and_no_default() {
    let lexicon = default_lexicon().unwrap();
    assert!(
        lexicon.terms.len() > 1000,
        "only {} terms",
        lexicon.terms.len()
    );
    for t in &lexicon.terms {
        assert_ne!(t.category, "default", "{} at {}", t.text, t.location);
    }
    for r in &lexicon.regexes {
        assert_ne!(r.category, "default", "{} at {}", r.pattern, r.location);
    }
}

#[test]
fn positive_set_is_flagged() {
    let filter = default_filter();
    let text = include_str!("data/default_positive.txt");
    let missed: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter(|l| {
            !filter
                .find_all(l)
                .iter()
                .any(|m| filter.category_name(m.category()) != "contact")
        })
        .collect();
    assert!(
        missed.is_empty(),
        "missed {} lines:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

#[test]
fn negative_set_is_not_flagged() {
    let filter = default_filter();
    let text = include_str!("data/default_negative.txt");
    let flagged: Vec<String> = text
        .lines()
        .filter_map(|l| {
            let m = filter
                .find_all(l)
                .into_iter()
                .find(|m| filter.category_name(m.category()) != "contact")?;
            Some(format!(
                "{l}  <- {:?} ({})",
                &l[m.span().range()],
                filter.term(m.term())
            ))
        })
        .collect();
    assert!(
        flagged.is_empty(),
        "flagged {} lines:\n{}",
        flagged.len(),
        flagged.join("\n")
    );
}

#[test]
fn contact_detectors_see_through_disguises() {
    let filter = default_filter();
    for line in [
        "联系13800138000",
        "电话 138-0013-8000",
        "壹叁捌零零壹叁捌零零零",
        "①③⑧⓪⓪①③⑧⓪⓪⓪",
        "１３８００１３８０００",
        "电话l38OOl38OOO",
        "加QQ 123456789",
        "扣扣：987654321",
        "企鹅 12345678",
        "vx: abc_12345",
        "薇信 goodseller88",
        "www。example。com",
        "example点com",
        "١٣٨٠٠١٣٨٠٠٠",
        "加賴 abc123",
        "LINE ID：gun_888",
    ] {
        let found = filter
            .find_all(line)
            .iter()
            .any(|m| filter.category_name(m.category()) == "contact");
        assert!(found, "no contact match in {line:?}");
    }
    for line in [
        "今年是2024年",
        "订单号 202401011234567890",
        "价格 3500 元",
        "I waited in line id say an hour",
    ] {
        assert!(
            !filter
                .find_all(line)
                .iter()
                .any(|m| filter.category_name(m.category()) == "contact"),
            "contact match in ordinary {line:?}"
        );
    }
}
