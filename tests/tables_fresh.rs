//! The committed character tables of the normaliser are fresh and sane.

#[path = "../tools/gen_tables.rs"]
mod gen_tables;

#[allow(dead_code)] // the lead's normaliser uses every table; each test here reads only some of them
#[path = "../src/normalize/tables.rs"]
mod tables;

use std::path::Path;

use tables::class;

#[test]
fn tables_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fresh = gen_tables::generate(&root.join("data"));
    let committed =
        std::fs::read_to_string(root.join("src/normalize/tables.rs")).unwrap_or_default();
    assert!(
        committed == fresh,
        "src/normalize/tables.rs is stale: run `cargo run --example gen_tables` and commit the result"
    );
}

fn find<V: Copy>(table: &[(u32, V)], c: char) -> Option<V> {
    table
        .binary_search_by_key(&(c as u32), |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

fn class_of(c: char) -> u8 {
    let cp = c as u32;
    let i = tables::CLASSES.partition_point(|&(_, last, _)| last < cp);
    match tables::CLASSES.get(i) {
        Some(&(first, _, class)) if first <= cp => class,
        _ => class::OTHER,
    }
}

fn assert_sorted_unique<V>(name: &str, table: &[(u32, V)]) {
    assert!(!table.is_empty(), "{name} is empty");
    assert!(
        table.windows(2).all(|w| w[0].0 < w[1].0),
        "{name} is not sorted and unique"
    );
}

#[test]
fn tables_are_sorted_and_unique() {
    let classes = tables::CLASSES;
    assert!(classes
        .iter()
        .all(|&(a, b, c)| a <= b && c != class::OTHER && c <= class::BREAK));
    assert!(
        classes.windows(2).all(|w| w[0].1 < w[1].0),
        "CLASSES ranges overlap or are unsorted"
    );
    assert_sorted_unique("COMPAT", tables::COMPAT);
    assert_sorted_unique("DIACRITIC", tables::DIACRITIC);
    assert_sorted_unique("HOMOGLYPH", tables::HOMOGLYPH);
    assert_sorted_unique("TRADITIONAL", tables::TRADITIONAL);
    assert_sorted_unique("VARIANT", tables::VARIANT);
    assert_sorted_unique("NUMERAL", tables::NUMERAL);
    assert!(tables::UNICODE_VERSION >= (15, 0, 0));
}

#[test]
fn classes_of_examples() {
    assert_eq!(class_of('a'), class::LETTER);
    assert_eq!(class_of('é'), class::LETTER);
    assert_eq!(class_of('军'), class::HAN);
    assert_eq!(class_of('〇'), class::HAN);
    assert_eq!(class_of('か'), class::HAN);
    assert_eq!(class_of('한'), class::HAN);
    assert_eq!(class_of('⺡'), class::HAN);
    assert_eq!(class_of('5'), class::DIGIT);
    assert_eq!(class_of('٣'), class::DIGIT);
    assert_eq!(class_of('\u{301}'), class::MARK);
    assert_eq!(class_of(' '), class::SPACE);
    assert_eq!(class_of('\t'), class::SPACE);
    assert_eq!(class_of('\u{3000}'), class::SPACE);
    assert!(matches!(class_of('*'), class::PUNCT | class::SYMBOL));
    assert_eq!(class_of('，'), class::PUNCT);
    assert_eq!(class_of('+'), class::SYMBOL);
    // Modifier letters without a letter form are signs; with one (ʰ is h), letters; CJK ones CJK.
    for c in ['ˉ', 'ˊ', 'ˇ', 'ˋ', 'ˈ', 'ꜜ', '\u{640}'] {
        assert_eq!(class_of(c), class::SYMBOL, "U+{:04X}", c as u32);
    }
    assert_eq!(class_of('ʰ'), class::LETTER);
    assert_eq!(class_of('ー'), class::HAN);
    assert_eq!(class_of('😀'), class::EMOJI);
    assert_eq!(class_of('\u{1F3FB}'), class::EMOJI);
    assert_eq!(class_of('\u{1F1E8}'), class::EMOJI);
    for c in [
        '\u{200B}',
        '\u{200D}',
        '\u{FE0F}',
        '\u{FEFF}',
        '\u{AD}',
        '\u{E0100}',
        '\u{3164}',
        '\u{1}',
    ] {
        assert_eq!(class_of(c), class::INVISIBLE, "U+{:04X}", c as u32);
    }
    for c in [
        '。', '！', '？', '；', '｡', '\n', '\r', '\u{2028}', '\u{85}',
    ] {
        assert_eq!(class_of(c), class::BREAK, "U+{:04X}", c as u32);
    }
    assert_eq!(class_of('\u{E000}'), class::OTHER);
}

#[test]
fn compat_examples() {
    let cases = [
        ('Ｇ', "G"),
        ('①', "1"),
        ('⑴', "(1)"),
        ('⒈', "1."),
        ('㈠', "(一)"),
        ('㊀', "一"),
    ];
    for (c, want) in cases {
        assert_eq!(find(tables::COMPAT, c), Some(want), "{c}");
    }
    let cases = [
        ('❶', "1"),
        ('➓', "10"),
        ('⓴', "20"),
        ('⓿', "0"),
        ('🅐', "A"),
        ('🆉', "Z"),
        ('🇦', "A"),
    ];
    for (c, want) in cases {
        assert_eq!(find(tables::COMPAT, c), Some(want), "{c}");
    }
    // Decimal digits of other scripts are the ASCII digit of their value.
    let cases = [
        ('٠', "0"),
        ('٣', "3"),
        ('۸', "8"),
        ('१', "1"),
        ('๙', "9"),
        ('০', "0"),
        ('၈', "8"),
        ('\u{1E950}', "0"), // Adlam digit zero
        ('\u{1E959}', "9"),
    ];
    for (c, want) in cases {
        assert_eq!(find(tables::COMPAT, c), Some(want), "{c}");
    }
    assert_eq!(find(tables::COMPAT, '\u{F900}'), Some("豈"));
    assert_eq!(find(tables::COMPAT, 'a'), None);
    assert_eq!(find(tables::COMPAT, '军'), None);
}

#[test]
fn diacritic_examples() {
    let cases = [
        ('é', "e"),
        ('Ö', "O"),
        ('ø', "o"),
        ('ǿ', "o"),
        ('ß', "ss"),
        ('ł', "l"),
        ('þ', "th"),
    ];
    for (c, want) in cases {
        assert_eq!(find(tables::DIACRITIC, c), Some(want), "{c}");
    }
    assert_eq!(find(tables::DIACRITIC, 'ж'), None);
    assert!(tables::DIACRITIC
        .iter()
        .all(|&(_, v)| v.bytes().all(|b| b.is_ascii_alphabetic())));
}

#[test]
fn homoglyph_examples() {
    let cases = [
        ('а', b'a'),
        ('О', b'o'),
        ('ο', b'o'),
        ('𝐠', b'g'),
        ('ⓖ', b'g'),
        ('⒢', b'g'),
        ('ａ', b'a'),
    ];
    for (c, want) in cases {
        assert_eq!(find(tables::HOMOGLYPH, c), Some(want), "{c}");
    }
    assert_eq!(find(tables::HOMOGLYPH, 'a'), None);
    for &(k, v) in tables::HOMOGLYPH {
        assert!(k > 0x7F, "ASCII key U+{k:04X}");
        assert!(
            v.is_ascii_lowercase() || v.is_ascii_digit(),
            "U+{k:04X} -> {v}"
        );
        let c = char::from_u32(k).unwrap_or('\0');
        assert_ne!(class_of(c), class::HAN, "Han key U+{k:04X}");
        assert!(!(0x3000..=0x33FF).contains(&k), "CJK symbol key U+{k:04X}");
    }
}

#[test]
fn chinese_examples() {
    assert_eq!(find(tables::TRADITIONAL, '軍'), Some('军' as u32));
    assert_eq!(find(tables::TRADITIONAL, '槍'), Some('枪' as u32));
    assert_eq!(find(tables::TRADITIONAL, '夾'), Some('夹' as u32));
    assert_eq!(find(tables::TRADITIONAL, '彈'), Some('弹' as u32));
    assert_eq!(find(tables::TRADITIONAL, '军'), None);
    assert!(tables::TRADITIONAL.iter().all(|&(k, v)| k != v));

    let via_traditional = |c: char| {
        let v = find(tables::VARIANT, c).unwrap_or(c as u32);
        find(tables::TRADITIONAL, char::from_u32(v).unwrap_or('\0')).unwrap_or(v)
    };
    assert_eq!(via_traditional('鎗'), '枪' as u32);
    assert_eq!(find(tables::VARIANT, '砲'), Some('炮' as u32));
    assert_eq!(find(tables::VARIANT, '⺡'), Some('氵' as u32));
    assert_eq!(find(tables::VARIANT, '⻖'), Some('阝' as u32));
    // Japanese forms (shinjitai) are their Chinese character; those that are also common simplified
    // characters (写, 台, 欠) keep their Chinese reading.
    for (japanese, chinese) in [
        ('弾', '弹'),
        ('薬', '药'),
        ('売', '卖'),
        ('覚', '觉'),
        ('対', '对'),
    ] {
        assert_eq!(via_traditional(japanese), chinese as u32, "{japanese}");
    }
    for c in ['写', '台', '欠', '芸', '弁'] {
        assert_eq!(find(tables::VARIANT, c), None, "{c}");
    }
    for c in ['枪', '炮', '军', '干', '后', '里', '写', '台'] {
        assert_eq!(
            find(tables::VARIANT, c),
            None,
            "common character {c} is a variant key"
        );
    }
    for &(k, v) in tables::VARIANT {
        let value = char::from_u32(v).unwrap_or('\0');
        assert_ne!(k, v);
        assert_eq!(
            find(tables::VARIANT, value),
            None,
            "unstable value of U+{k:04X}"
        );
        assert_eq!(
            find(tables::TRADITIONAL, value),
            None,
            "traditional value of U+{k:04X}"
        );
    }

    assert_eq!(find(tables::NUMERAL, '壹'), Some(1));
    assert_eq!(find(tables::NUMERAL, '捌'), Some(8));
    assert_eq!(find(tables::NUMERAL, '〇'), Some(0));
    assert_eq!(find(tables::NUMERAL, '两'), Some(2));
    assert_eq!(find(tables::NUMERAL, '十'), None);
    assert!(tables::NUMERAL.iter().all(|&(_, d)| d <= 9));
}

#[test]
fn every_decimal_digit_is_an_ascii_digit() {
    use unicode_general_category::{get_general_category, GeneralCategory};
    let digits = (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|&c| !c.is_ascii() && get_general_category(c) == GeneralCategory::DecimalNumber);
    let mut count = 0;
    for c in digits {
        count += 1;
        let folded = find(tables::COMPAT, c).unwrap_or_else(|| panic!("U+{:04X}", c as u32));
        let mut chars = folded.chars();
        let (Some(d), None) = (chars.next(), chars.next()) else {
            panic!("U+{:04X} -> {folded:?}", c as u32)
        };
        assert!(d.is_ascii_digit(), "U+{:04X} -> {folded:?}", c as u32);
        // Scripts encode their digits zero to nine in a row: a digit after zero is one more.
        let before = char::from_u32(c as u32 - 1).and_then(|p| find(tables::COMPAT, p));
        if d != '0' {
            let want = ((d as u8) - 1) as char;
            assert_eq!(before, Some(&*want.to_string()), "U+{:04X}", c as u32);
        }
    }
    assert!(count > 600, "only {count} decimal digits");
}
