//! Matching through the normaliser and the lexicon parser: disguised text, variants, lexicon errors.

use jingwang::{BuildErrorKind, Evasion, Filter, LexiconErrorKind, Severity};

fn spans(filter: &Filter, text: &str) -> Vec<String> {
    filter
        .find_all(text)
        .iter()
        .map(|m| text[m.span().range()].to_string())
        .collect()
}

#[test]
fn junk_between_cjk_chars_is_skipped() {
    let f = Filter::new(["军火"]).unwrap();
    let text = "出售军.火，便宜";
    let ms = f.find_all(text);
    assert_eq!(spans(&f, text), ["军.火"]);
    assert!(
        ms[0].evasions().contains(Evasion::SEPARATOR),
        "{:?}",
        ms[0].evasions()
    );
    assert_eq!(f.mask(text), "出售***，便宜");
}

#[test]
fn traditional_text_matches_simplified_terms() {
    let f = Filter::new(["军火"]).unwrap();
    let ms = f.find_all("軍火");
    assert_eq!(ms.len(), 1);
    assert!(ms[0].evasions().contains(Evasion::TRADITIONAL));
    // And the other way round: terms are normalised too.
    let g = Filter::new(["軍火"]).unwrap();
    assert_eq!(spans(&g, "出售军火"), ["军火"]);
}

#[test]
fn spaced_latin() {
    let f = Filter::new(["gun"]).unwrap();
    assert_eq!(spans(&f, "buy the g u n now"), ["g u n"]);
    assert_eq!(spans(&f, "buy g.u.n now"), ["g.u.n"]);
}

#[test]
fn fullwidth_latin() {
    let f = Filter::new(["gun"]).unwrap();
    assert_eq!(spans(&f, "ＧＵＮ"), ["ＧＵＮ"]);
}

#[test]
fn hard_boundary_splits_terms() {
    let f = Filter::new(["军火"]).unwrap();
    assert!(f.find_all("军。火").is_empty());
}

#[test]
fn junk_only_term_is_an_empty_term_error() {
    let err = Filter::builder()
        .add_lexicon("[weapons]\n军火\n★★\n", "tenant.lex")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), BuildErrorKind::EmptyTerm);
    let loc = err.location().unwrap();
    assert_eq!((loc.line, loc.column), (3, 1));
    assert_eq!(
        err.to_string(),
        "tenant.lex:3:1: term \"★★\" normalises to nothing"
    );
}

#[test]
fn split_character_variants_match() {
    let f = Filter::new(["枪"]).unwrap();
    let ms = f.find_all("卖木仓");
    assert_eq!(ms.len(), 1, "{ms:?}");
    assert!(ms[0].evasions().contains(Evasion::SPLIT));
}

/// Split forms are composed while searching: in any combination within a term, across junk and
/// other disguises, with the span of the form as written, and `is_match` agrees with `find_all`.
#[test]
fn split_forms_compose_in_any_combination() {
    let f = Filter::builder()
        .add_term("炸弹", "explosives", Severity::High)
        .add_term("出售枪支", "weapons", Severity::High)
        .add_term("哥哥货", "drugs", Severity::High)
        .add_lexicon("[x]\n弹弓 | novariants\n", "x.lex")
        .build()
        .unwrap();
    for (text, want) in [
        ("火乍弹", vec!["火乍弹"]),
        ("炸弓单", vec!["炸弓单"]),
        ("有火乍弓单吗", vec!["火乍弓单"]),
        ("火 乍 弓*单", vec!["火 乍 弓*单"]),
        ("出售木仓支", vec!["出售木仓支"]),
        ("出售木仓支 出售枪支", vec!["出售木仓支", "出售枪支"]),
        // Traditional characters and full-width junk inside the form.
        ("出售木倉支", vec!["出售木倉支"]),
        // 弹弓 takes no split forms (`novariants`), 哥哥货 none either (reduplicated).
        ("弓单弓", vec![]),
        ("哥哥化贝", vec![]),
        // A form split by a sentence end is not composed.
        ("火乍。弓单", vec![]),
        ("火。乍弹", vec![]),
    ] {
        assert_eq!(spans(&f, text), want, "{text}");
        assert_eq!(f.is_match(text), !want.is_empty(), "{text}");
        for m in f.find_all(text) {
            let plain = ["炸弹", "出售枪支"].contains(&&text[m.span().range()]);
            assert_eq!(m.evasions().contains(Evasion::SPLIT), !plain, "{text}");
        }
    }
    // `max_variants(0)` turns split forms off.
    let off = Filter::builder()
        .add_term("炸弹", "explosives", Severity::High)
        .max_variants(0)
        .build()
        .unwrap();
    assert!(off.find_all("火乍弓单").is_empty());
    assert_eq!(spans(&off, "炸弹"), ["炸弹"]);
    // A saved filter composes the same.
    let loaded = Filter::from_bytes(&f.to_bytes()).unwrap();
    for text in ["有火乍弓单吗", "出售木仓支 出售枪支", "弓单弓"] {
        assert_eq!(spans(&loaded, text), spans(&f, text), "{text}");
    }
}

#[test]
fn pinyin_variants_match_when_asked() {
    let f = Filter::builder()
        .add_term("军火", "weapons", Severity::High)
        .pinyin(true)
        .build()
        .unwrap();
    let text = "mai junhuo le";
    let ms = f.find_all(text);
    assert_eq!(spans(&f, text), ["junhuo"]);
    assert!(ms[0].evasions().contains(Evasion::PINYIN));
    assert!(Filter::new(["军火"]).unwrap().find_all(text).is_empty());
}

#[test]
fn pinyin_also_matches_terms_written_partly_in_pinyin() {
    let f = Filter::builder()
        .add_term("出售枪支", "weapons", Severity::High)
        .pinyin(true)
        .build()
        .unwrap();
    for text in [
        "出售qiang支",
        "出售 qiang 支",
        "出售qiangzhi",
        "出售qiang zhi",
        "chushou枪支",
        "chu售qiang支",
        "出售枪zhi",
        "出售枪-zhi",
    ] {
        let ms = f.find_all(text);
        assert_eq!(ms.len(), 1, "{text}: {ms:?}");
        assert_eq!(ms[0].span().range(), 0..text.len(), "{text}");
        assert!(ms[0].evasions().contains(Evasion::PINYIN), "{text}");
    }
    // Latin letters at an end of the form make a word boundary there; Chinese ones do not need one.
    for (text, want) in [("xchushou枪支", 0), ("出售枪zhix", 0), ("出售qiang支x", 1)] {
        assert_eq!(f.find_all(text).len(), want, "{text}");
    }
    // Only terms that opt in.
    let plain = Filter::new(["出售枪支"]).unwrap();
    assert!(plain.find_all("出售qiang支").is_empty());
}

#[test]
fn lexicon_text_builds_a_filter() {
    let lexicon = "\
[weapons severity=high]
军火
gun
allow: 水枪
枪 | severity=critical
regex: 出售.{0,6}弹 | name=sell-ammo
all: 代办 & 信用卡 within 10 | category=fraud
";
    let f = Filter::builder()
        .add_lexicon(lexicon, "t.lex")
        .build()
        .unwrap();
    let text = "出售军火和子弹，水枪，代办信用卡";
    let got: Vec<(String, &str, &str)> = f
        .find_all(text)
        .iter()
        .map(|m| {
            (
                text[m.span().range()].to_string(),
                f.term(m.term()),
                f.category_name(m.category()),
            )
        })
        .collect();
    assert!(got.contains(&("军火".into(), "军火", "weapons")), "{got:?}");
    assert!(
        got.contains(&("出售军火和子弹".into(), "sell-ammo", "weapons")),
        "{got:?}"
    );
    assert!(got.iter().any(|g| g.2 == "fraud"), "{got:?}");
    assert!(!got.iter().any(|g| g.1 == "枪"), "{got:?}");
}

#[test]
fn lexicon_errors_come_through() {
    let err = Filter::builder()
        .add_lexicon("ok\nbad | nosuchattr\n", "x.lex")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), BuildErrorKind::Lexicon);
    assert_eq!(
        err.lexicon_error().unwrap().kind(),
        LexiconErrorKind::UnknownAttribute
    );
    assert_eq!(err.location().unwrap().line, 2);
    let err = Filter::builder()
        .add_lexicon_file("/nonexistent/x.lex")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), BuildErrorKind::Io);
}

#[test]
fn default_lexicon_builds_and_round_trips() {
    let lexicon = jingwang::default_lexicon().unwrap();
    let f = Filter::builder().add_parsed(lexicon).build().unwrap();
    assert!(f.term_count() > 1000);
    let texts = ["出售军火，加微信", "今天天气很好", "买枪支弹药 13812345678"];
    let g = Filter::from_bytes(&f.to_bytes()).unwrap();
    for t in texts {
        let a = f.find_all(t);
        assert_eq!(a, g.find_all(t), "{t}");
        for m in &a {
            assert!(t.is_char_boundary(m.start()) && t.is_char_boundary(m.end()));
        }
    }
    assert!(f.is_match("出售军火"));
    assert!(!f.is_match("今天天气很好"));
}
