//! Tests of the lexicon file format, grouped by concern.

use jingwang::{Lexicon, LexiconErrorKind, Severity, TermOptions};
use proptest::prelude::*;

/// Parses text that must be valid.
fn parse(text: &str) -> Lexicon {
    match Lexicon::parse(text, "t.lex") {
        Ok(lex) => lex,
        Err(err) => panic!("unexpected error for {text:?}: {err}"),
    }
}

fn term_texts(lex: &Lexicon) -> Vec<&str> {
    lex.terms.iter().map(|t| t.text.as_str()).collect()
}

#[test]
fn simple_list_with_comments_blank_lines_bom_and_crlf() {
    let cases: &[(&str, &[&str])] = &[
        ("枪支\ngun\n", &["枪支", "gun"]),
        ("\u{feff}枪支\r\ngun\r\n", &["枪支", "gun"]),
        ("# comment\n\n   \n  # indented comment\n弹药\n", &["弹药"]),
        ("  padded term  \n\tgun\t\n", &["padded term", "gun"]),
        ("no newline at end", &["no newline at end"]),
        ("\u{3000}全角空格\u{3000}\n", &["全角空格"]),
        ("", &[]),
        ("\u{feff}", &[]),
    ];
    for (text, expected) in cases {
        let lex = parse(text);
        assert_eq!(term_texts(&lex), *expected, "text {text:?}");
        for term in &lex.terms {
            assert_eq!(term.category, "default");
            assert_eq!(term.severity, Severity::Medium);
            assert_eq!(term.options, TermOptions::default());
        }
    }
}

#[test]
fn locations_of_terms() {
    let lex = parse("\u{feff}枪支\r\n# c\n   gun\n");
    let locs: Vec<String> = lex.terms.iter().map(|t| t.location.to_string()).collect();
    assert_eq!(locs, ["t.lex:1:1", "t.lex:3:4"]);
}

#[test]
fn sections_and_attributes() {
    let text = "top\n[firearms severity=high]\n枪支\n[narcotics severity=critical pinyin]\n冰毒\n\
                [枪支 word novariants]\ngun\n[a.b_c-1 severity=1 substring nopinyin variants]\nx\n";
    let lex = parse(text);
    let got: Vec<(&str, &str, Severity, TermOptions)> = lex
        .terms
        .iter()
        .map(|t| (t.text.as_str(), t.category.as_str(), t.severity, t.options))
        .collect();
    let opts = |word, pinyin, no_variants| TermOptions {
        word,
        pinyin,
        no_variants,
    };
    assert_eq!(
        got,
        [
            ("top", "default", Severity::Medium, opts(None, None, false)),
            ("枪支", "firearms", Severity::High, opts(None, None, false)),
            (
                "冰毒",
                "narcotics",
                Severity::Critical,
                opts(None, Some(true), false)
            ),
            (
                "gun",
                "枪支",
                Severity::Medium,
                opts(Some(true), None, true)
            ),
            (
                "x",
                "a.b_c-1",
                Severity::Low,
                opts(Some(false), Some(false), false)
            ),
        ]
    );
}

#[test]
fn per_line_overrides() {
    let text = "[contact severity=low pinyin]\n出售枪支 | severity=critical\ngun | substring\n军火 | nopinyin\n\
                qq号 | novariants category=fraud\nx | severity=4 word\ny |\n";
    let lex = parse(text);
    let t = &lex.terms;
    assert_eq!(
        term_texts(&lex),
        ["出售枪支", "gun", "军火", "qq号", "x", "y"]
    );
    assert_eq!(
        (t[0].severity, t[0].category.as_str()),
        (Severity::Critical, "contact")
    );
    assert_eq!(t[1].options.word, Some(false));
    assert_eq!(t[1].options.pinyin, Some(true));
    assert_eq!(t[2].options.pinyin, Some(false));
    assert_eq!(
        (t[3].category.as_str(), t[3].options.no_variants),
        ("fraud", true)
    );
    assert_eq!(t[3].severity, Severity::Low);
    assert_eq!(
        (t[4].severity, t[4].options.word),
        (Severity::Critical, Some(true))
    );
    assert_eq!(t[5].severity, Severity::Low);
}

#[test]
fn last_pipe_starts_attributes() {
    let cases: &[(&str, &str, Severity)] = &[
        ("a | b | severity=high", "a | b", Severity::High),
        ("a|b", "a|b", Severity::Medium),
        ("a \\| severity=high", "a | severity=high", Severity::Medium),
        ("|x", "|x", Severity::Medium),
    ];
    for (text, term, severity) in cases {
        let lex = parse(text);
        assert_eq!(term_texts(&lex), [*term], "text {text:?}");
        assert_eq!(lex.terms[0].severity, *severity, "text {text:?}");
    }
}

#[test]
fn allow_entries() {
    let lex = parse("allow: 水枪\nALLOW:玩具枪\n  Allow:   water gun  \n\\allow: x\n");
    let allows: Vec<&str> = lex.allows.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(allows, ["水枪", "玩具枪", "water gun"]);
    assert_eq!(term_texts(&lex), ["allow: x"]);
    assert_eq!(lex.allows[0].location.to_string(), "t.lex:1:8");
    assert_eq!(lex.allows[2].location.column, 12);
}

#[test]
fn regex_rules() {
    let lex = parse(
        "[trade severity=low]\nregex: 出售.{0,10}[枪弹] | name=sell-gun severity=high\n\
         REGEX:  a\\d+b  \nregex: x|y | category=other\n",
    );
    let r = &lex.regexes;
    assert_eq!(r.len(), 3);
    assert_eq!(r[0].pattern, "出售.{0,10}[枪弹]");
    assert_eq!(r[0].name.as_deref(), Some("sell-gun"));
    assert_eq!(
        (r[0].severity, r[0].category.as_str()),
        (Severity::High, "trade")
    );
    assert_eq!(r[1].pattern, "a\\d+b", "patterns are verbatim");
    assert_eq!((r[1].name.as_deref(), r[1].severity), (None, Severity::Low));
    assert_eq!(
        (r[2].pattern.as_str(), r[2].category.as_str()),
        ("x|y", "other")
    );
    assert_eq!(r[0].location.to_string(), "t.lex:2:8");
    assert!(lex.terms.is_empty());
}

#[test]
fn co_occurrence_rules() {
    /// Rule text, expected `all`, `none` and `within`.
    type Case<'a> = (&'a str, &'a [&'a str], &'a [&'a str], Option<u32>);
    let cases: &[Case] = &[
        (
            "all: 出售 & 枪支 within 10",
            &["出售", "枪支"],
            &[],
            Some(10),
        ),
        (
            "all: 代办 & 身份证 ! 挂失 ! 补办",
            &["代办", "身份证"],
            &["挂失", "补办"],
            None,
        ),
        ("all: 代办 ! 挂失", &["代办"], &["挂失"], None),
        (
            "ALL: buy & cheap gun & now WITHIN 10000",
            &["buy", "cheap gun", "now"],
            &[],
            Some(10000),
        ),
        ("all: a\\&b & c\\!d", &["a&b", "c!d"], &[], None),
        ("all: a&b & c!d", &["a&b", "c!d"], &[], None),
    ];
    for (text, all, none, within) in cases {
        let lex = parse(text);
        assert_eq!(lex.co_rules.len(), 1, "text {text:?}");
        let rule = &lex.co_rules[0];
        assert_eq!(rule.all, *all, "text {text:?}");
        assert_eq!(rule.none, *none, "text {text:?}");
        assert_eq!(rule.within, *within, "text {text:?}");
    }
    let lex = parse("[fraud severity=high]\nall: a & b | name=ab severity=low category=x\n");
    let rule = &lex.co_rules[0];
    assert_eq!(rule.name.as_deref(), Some("ab"));
    assert_eq!(
        (rule.severity, rule.category.as_str()),
        (Severity::Low, "x")
    );
    assert_eq!(rule.location.to_string(), "t.lex:2:1");
}

#[test]
fn escapes() {
    let cases: &[(&str, &str)] = &[
        ("\\#hashtag", "#hashtag"),
        ("a\\\\b", "a\\b"),
        ("x \\| y", "x | y"),
        ("\\u{67aa}支", "枪支"),
        ("\\u{1F52B}", "\u{1F52B}"),
        ("\\u{41}\\u{000042}", "AB"),
        ("a\\&b\\!c", "a&b!c"),
        ("\\[not a section]", "[not a section]"),
        ("\\regex: x", "regex: x"),
        ("\\ALL: x", "ALL: x"),
        ("100%#", "100%#"),
    ];
    for (text, expected) in cases {
        assert_eq!(term_texts(&parse(text)), [*expected], "text {text:?}");
    }
}

#[test]
fn each_error_kind_with_line_column_and_display() {
    use LexiconErrorKind::*;
    let cases: &[(&str, LexiconErrorKind, u32, u32, &str)] = &[
        ("ok\n[]\n", BadSection, 2, 1, "section header has no name"),
        ("[ ]", BadSection, 1, 1, "section header has no name"),
        (
            "  [firearms",
            BadSection,
            1,
            3,
            "section header has no closing `]`",
        ),
        (
            "[a] b",
            BadSection,
            1,
            4,
            "unexpected text after `]` of a section header",
        ),
        (
            "[a/b]",
            BadSection,
            1,
            3,
            "bad character '/' in section name \"a/b\"",
        ),
        (
            "a\nb\ngun | word foo",
            UnknownAttribute,
            3,
            12,
            "unknown attribute \"foo\"",
        ),
        (
            "[x colour=red]",
            UnknownAttribute,
            1,
            4,
            "unknown attribute \"colour\"",
        ),
        (
            "x | severity=huge",
            UnknownSeverity,
            1,
            14,
            "unknown severity \"huge\" (expected low, medium, high, critical or 1 to 4)",
        ),
        (
            "x | severity=5",
            UnknownSeverity,
            1,
            14,
            "unknown severity \"5\" (expected low, medium, high, critical or 1 to 4)",
        ),
        (
            "x | severity=",
            BadAttributeValue,
            1,
            5,
            "severity= needs a severity (low, medium, high, critical or 1 to 4)",
        ),
        (
            "x | name=n",
            BadAttributeValue,
            1,
            5,
            "name= is only for rules",
        ),
        (
            "[s name=n]",
            BadAttributeValue,
            1,
            4,
            "name= is only for rules",
        ),
        (
            "[s category=c]",
            BadAttributeValue,
            1,
            4,
            "category= is not allowed in a section header (the section name is the category)",
        ),
        (
            "x | category=a/b",
            BadAttributeValue,
            1,
            15,
            "bad character '/' in category name \"a/b\"",
        ),
        (
            "x | word=yes",
            BadAttributeValue,
            1,
            5,
            "word takes no value",
        ),
        (
            "regex: a | pinyin",
            BadAttributeValue,
            1,
            12,
            "pinyin is only for terms",
        ),
        (
            "allow: 水枪 | severity=high",
            BadAttributeValue,
            1,
            13,
            "allow entries take no attributes",
        ),
        ("| severity=high", EmptyTerm, 1, 1, "empty term"),
        ("allow:", EmptyTerm, 1, 7, "empty allow entry"),
        ("ab\\qc", BadEscape, 1, 3, "unknown escape \"\\q\""),
        (
            "枪\\",
            BadEscape,
            1,
            2,
            "backslash at the end of a term (write \\\\ for a backslash)",
        ),
        (
            "\\u{110000}",
            BadEscape,
            1,
            1,
            "bad unicode escape (expected \\u{X} with 1 to 6 hex digits naming a valid character)",
        ),
        (
            "x\\u{D800}",
            BadEscape,
            1,
            2,
            "bad unicode escape (expected \\u{X} with 1 to 6 hex digits naming a valid character)",
        ),
        (
            "\\u{}",
            BadEscape,
            1,
            1,
            "bad unicode escape (expected \\u{X} with 1 to 6 hex digits naming a valid character)",
        ),
        (
            "\\u41",
            BadEscape,
            1,
            1,
            "bad unicode escape (expected \\u{X} with 1 to 6 hex digits naming a valid character)",
        ),
        (
            "\\u{1234567}",
            BadEscape,
            1,
            1,
            "bad unicode escape (expected \\u{X} with 1 to 6 hex digits naming a valid character)",
        ),
        ("regex:   | name=x", BadRule, 1, 7, "empty regex pattern"),
        (
            "all: a &  & b",
            BadRule,
            1,
            9,
            "empty phrase in co-occurrence rule",
        ),
        (
            "all: a & b ! ",
            BadRule,
            1,
            13,
            "empty phrase in co-occurrence rule",
        ),
        (
            "all: 出售",
            BadRule,
            1,
            1,
            "a co-occurrence rule needs two phrases joined by `&`, or a phrase and a `!` exclusion",
        ),
        (
            "all: ! 挂失 & x",
            BadRule,
            1,
            6,
            "empty phrase in co-occurrence rule",
        ),
        (
            "all: a & b within 0",
            BadRule,
            1,
            19,
            "within needs a whole number from 1 to 10000, not \"0\"",
        ),
        (
            "all: a & b within 10001",
            BadRule,
            1,
            19,
            "within needs a whole number from 1 to 10000, not \"10001\"",
        ),
        (
            "all: a & b within",
            BadRule,
            1,
            18,
            "within needs a whole number from 1 to 10000",
        ),
        ("all: a & b\\x", BadEscape, 1, 11, "unknown escape \"\\x\""),
    ];
    for (text, kind, line, column, message) in cases {
        let err = Lexicon::parse(text, "tenant.lex").expect_err(text);
        assert_eq!(err.kind(), *kind, "text {text:?}: {err}");
        assert_eq!(
            (err.line(), err.column()),
            (*line, *column),
            "text {text:?}: {err}"
        );
        assert_eq!(err.message(), *message, "text {text:?}");
        assert_eq!(err.source_name(), "tenant.lex");
        assert_eq!(err.location().line, *line);
        assert_eq!(
            err.to_string(),
            format!("tenant.lex:{line}:{column}: {message}"),
            "text {text:?}"
        );
    }
}

#[test]
fn columns_count_chars_not_bytes_and_skip_the_bom() {
    let err = Lexicon::parse("\u{feff}枪支枪支 | foo", "t").unwrap_err();
    assert_eq!((err.line(), err.column()), (1, 8));
    let err = Lexicon::parse("ok\r\n\t 枪 | severity=x\r\n", "t").unwrap_err();
    assert_eq!((err.line(), err.column()), (2, 16));
    assert_eq!(
        err.to_string(),
        "t:2:16: unknown severity \"x\" (expected low, medium, high, critical or 1 to 4)"
    );
}

#[test]
fn too_long() {
    let long = "枪".repeat(10_001);
    let just_right = "枪".repeat(10_000);
    assert_eq!(parse(&just_right).terms[0].text.chars().count(), 10_000);
    for text in [
        format!("ok\n  {long}"),
        format!("ok\n  allow: {long}"),
        format!("ok\n  regex: {long}"),
        format!("ok\n  all: a & {long}"),
    ] {
        let err = Lexicon::parse(&text, "t").unwrap_err();
        assert_eq!(err.kind(), LexiconErrorKind::TooLong);
        assert_eq!(err.line(), 2);
        assert!(err.message().contains("10001 characters"), "{err}");
    }
    let err = Lexicon::parse(&format!("  {long}"), "t").unwrap_err();
    assert_eq!(err.column(), 3);
}

#[test]
fn parse_all_collects_errors_and_keeps_good_lines() {
    let text = "枪支\ngun | foo\n[firearms severity=high]\n弹药\n[]\nx\\q\nallow: 水枪\nall: a\nregex: r\n";
    let (lex, errors) = Lexicon::parse_all(text, "tenant.lex");
    let got: Vec<(LexiconErrorKind, u32, u32)> = errors
        .iter()
        .map(|e| (e.kind(), e.line(), e.column()))
        .collect();
    assert_eq!(
        got,
        [
            (LexiconErrorKind::UnknownAttribute, 2, 7),
            (LexiconErrorKind::BadSection, 5, 1),
            (LexiconErrorKind::BadEscape, 6, 2),
            (LexiconErrorKind::BadRule, 8, 1),
        ]
    );
    assert_eq!(term_texts(&lex), ["枪支", "弹药"]);
    assert_eq!(lex.terms[1].category, "firearms");
    assert_eq!(lex.allows.len(), 1);
    assert_eq!(lex.regexes.len(), 1);
    assert_eq!(lex.len(), 4);
    // parse stops at the first error.
    let err = Lexicon::parse(text, "tenant.lex").unwrap_err();
    assert_eq!(err.to_string(), errors[0].to_string());
    // Good text: no errors, same result as parse.
    let (lex, errors) = Lexicon::parse_all("a\nb\n", "t.lex");
    assert!(errors.is_empty());
    assert_eq!(lex, parse("a\nb\n"));
}

#[test]
fn extend_len_and_api_entries() {
    let mut base = parse("枪支\nallow: 水枪\n");
    assert_eq!(base.len(), 2);
    assert!(!base.is_empty());
    assert!(Lexicon::default().is_empty());
    let tenant = Lexicon::parse("regex: a+\nall: a & b\n", "<tenant-a>").unwrap();
    base.extend(tenant);
    assert_eq!(base.len(), 4);
    assert_eq!(&*base.co_rules[0].location.source, "<tenant-a>");

    let mut lex = Lexicon::default();
    lex.add_term("gun", "firearms", Severity::High, TermOptions::default())
        .add_allow("water gun")
        .add_term("枪", "firearms", Severity::Critical, TermOptions::default());
    assert_eq!(lex.len(), 3);
    let locs: Vec<String> = lex.terms.iter().map(|t| t.location.to_string()).collect();
    assert_eq!(locs, ["<api>:1:1", "<api>:3:1"]);
    assert_eq!(lex.allows[0].location.to_string(), "<api>:2:1");
    assert_eq!(
        (lex.terms[1].category.as_str(), lex.terms[1].severity),
        ("firearms", Severity::Critical)
    );
}

fn temp_path(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("jingwang-lexicon-{}-{name}", std::process::id()))
}

#[test]
fn from_file_reads_and_names_the_path() {
    let path = temp_path("good.lex");
    std::fs::write(&path, "\u{feff}[firearms]\r\n枪支\r\ngun | foo\r\n").unwrap();
    let err = Lexicon::from_file(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}:3:7: unknown attribute \"foo\"", path.display())
    );
    let (lex, errors) = Lexicon::from_file_all(&path);
    assert_eq!(errors.len(), 1);
    assert_eq!(term_texts(&lex), ["枪支"]);
    std::fs::write(&path, "枪支\n").unwrap();
    assert_eq!(term_texts(&Lexicon::from_file(&path).unwrap()), ["枪支"]);
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn from_file_invalid_utf8_names_line_and_column() {
    let cases: &[(&[u8], u32, u32)] = &[
        (b"ok\n\xe6\x9e\xaa\xff\n", 2, 2),
        (b"\xff", 1, 1),
        (b"\xef\xbb\xbfab\xc3", 1, 3),
        (b"a\r\nb\r\n  c\x80", 3, 4),
    ];
    for (i, (bytes, line, column)) in cases.iter().enumerate() {
        let path = temp_path(&format!("bad{i}.lex"));
        std::fs::write(&path, bytes).unwrap();
        let err = Lexicon::from_file(&path).unwrap_err();
        assert_eq!(err.kind(), LexiconErrorKind::InvalidUtf8, "case {i}");
        assert_eq!(
            (err.line(), err.column()),
            (*line, *column),
            "case {i}: {err}"
        );
        assert!(err.to_string().starts_with(&format!(
            "{}:{line}:{column}: invalid utf-8",
            path.display()
        )));
        let (lex, errors) = Lexicon::from_file_all(&path);
        assert!(lex.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind(), LexiconErrorKind::InvalidUtf8);
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn from_file_missing_is_io() {
    let path = temp_path("missing.lex");
    let err = Lexicon::from_file(&path).unwrap_err();
    assert_eq!(err.kind(), LexiconErrorKind::Io);
    assert_eq!(err.source_name(), path.display().to_string());
    assert!(err
        .to_string()
        .starts_with(&format!("{}: cannot read lexicon: ", path.display())));
    let (lex, errors) = Lexicon::from_file_all(&path);
    assert!(lex.is_empty());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].kind(), LexiconErrorKind::Io);
}

fn lexicon_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just(" | ".to_string()),
        Just(" & ".to_string()),
        Just(" ! ".to_string()),
        Just("\\".to_string()),
        Just("\\u{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("allow:".to_string()),
        Just("regex:".to_string()),
        Just("all:".to_string()),
        Just("within ".to_string()),
        Just("severity=".to_string()),
        Just("name=".to_string()),
        Just("\u{feff}".to_string()),
        "[a-z0-9 =#]{0,4}",
        "\\PC{0,3}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn parse_never_panics_and_errors_are_on_real_lines(text in lexicon_like()) {
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let lines: Vec<&str> = body.split('\n').collect();
        let (lex, errors) = Lexicon::parse_all(&text, "p");
        for err in &errors {
            prop_assert!(err.line() >= 1 && err.line() as usize <= lines.len(), "{err}");
            let line = lines[err.line() as usize - 1];
            prop_assert!(err.column() >= 1 && err.column() as usize <= line.chars().count() + 1, "{err}");
        }
        for term in &lex.terms {
            prop_assert!(!term.text.is_empty());
            prop_assert!(term.location.line as usize <= lines.len());
        }
        match Lexicon::parse(&text, "p") {
            Ok(parsed) => { prop_assert!(errors.is_empty()); prop_assert_eq!(parsed, lex); }
            Err(err) => prop_assert_eq!(err.to_string(), errors[0].to_string()),
        }
    }
}
