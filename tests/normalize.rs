//! Normalisation: every evasion class of issue 2, in Chinese and English, and the origin map.

use jingwang::{Evasion, NormalizeConfig, Normalizer, BREAK};
use proptest::prelude::*;

fn canon(s: &str) -> String {
    Normalizer::default().normalize_to_string(s)
}

/// (disguised, plain): the disguised form must come out exactly as the plain form does.
const SAME_AS_PLAIN: &[(&str, &str)] = &[
    // full-width and compatibility forms
    ("ＧＵＮ", "gun"),
    ("ｇｕｎ", "gun"),
    ("①②③", "123"),
    ("⑴⑵⑶", "123"),
    ("⒈⒉⒊", "123"),
    ("❶❷❸", "123"),
    ("㈠", "一"),
    ("出售ｇｕｎ", "出售gun"),
    // case
    ("GuN", "gun"),
    ("WEAPON", "weapon"),
    // diacritics
    ("wéapön", "weapon"),
    ("ĝűñ", "gun"),
    // traditional and variant characters
    ("軍火", "军火"),
    ("鎗", "枪"),
    ("槍支", "枪支"),
    ("砲", "炮"),
    ("彈夾", "弹夹"),
    ("出売弾薬", "出卖弹药"), // Japanese forms
    ("覚醒剤", "觉醒剂"),
    ("賣槍", "卖枪"),
    // junk between characters
    ("军 火", "军火"),
    ("军*火", "军火"),
    ("军-火", "军火"),
    ("军.火", "军火"),
    ("军/火", "军火"),
    ("军_火", "军火"),
    ("军\u{3000}火", "军火"),
    ("军~~火", "军火"),
    ("军#火", "军火"),
    ("军+火", "军火"),
    ("军|火", "军火"),
    ("军=火", "军火"),
    // invisible characters
    ("军\u{200B}火", "军火"),
    ("军\u{200C}火", "军火"),
    ("军\u{200D}火", "军火"),
    ("军\u{2060}火", "军火"),
    ("军\u{FEFF}火", "军火"),
    ("军\u{00AD}火", "军火"),
    ("军\u{202E}火", "军火"),
    ("军\u{FE0F}火", "军火"),
    ("g\u{200B}un", "gun"),
    ("gu\u{00AD}n", "gun"),
    ("w\u{200D}eapon", "weapon"),
    // emoji and symbols between characters
    ("军😀火", "军火"),
    ("军❤️火", "军火"),
    ("军👍🏻火", "军火"),
    ("军★火", "军火"),
    ("军ˉ火", "军火"), // modifier letters that are no letter: tone marks, stress marks
    ("军ˇ火", "军火"),
    ("军ˈ火", "军火"),
    ("军ꜜ火", "军火"),
    ("ʰello", "hello"), // but one with a letter form is that letter
    ("军🈲火", "军火"), // emoji that show a Chinese character are emoji
    ("军㊙️火", "军火"),
    ("出售🈶枪支", "出售枪支"),
    ("军™火", "军火"),  // a trade mark sign is a symbol, not "tm"
    ("军丶火", "军火"), // one-stroke ideographs used as separators
    ("标题丨副标题", "标题副标题"),
    ("军×火", "军火"), // symbols that look like letters are junk between Chinese characters
    ("军©火", "军火"),
    ("军∣火", "军火"),
    ("军🦊火", "军火"),
    ("🇬 🇺 🇳", "gun"), // regional indicators apart are letters
    ("🇬\u{200B}🇺\u{200B}🇳", "gun"),
    ("军🇨🇳火", "军火"), // a flag is an emoji
    ("i love 🇺🇸 guns", "i love guns"),
    // look-alike letters
    ("weаpon", "weapon"), // Cyrillic а
    ("wеаpоn", "weapon"), // Cyrillic е а о
    ("𝐰𝐞𝐚𝐩𝐨𝐧", "weapon"),
    ("𝒘𝒆𝒂𝒑𝒐𝒏", "weapon"),
    ("ⓦⓔⓐⓟⓞⓝ", "weapon"),
    ("⒲⒠⒜⒫⒪⒩", "weapon"),
    ("ＷＥＡＰＯＮ", "weapon"),
    ("𝔤𝔲𝔫", "gun"),
    ("PΙSTOL", "pistol"), // Greek capital iota: a capital that looks like l is a capital I
    ("PІSTOL", "pistol"), // Cyrillic
    ("ᏞSD", "lsd"),       // but Cherokee Ꮮ looks like L
    ("ϹΟϹΑΙΝΕ", "cocaine"), // lunate sigma, Σ by NFKC, looks like C
    ("ᴡᴇᴀᴘᴏɴ", "weapon"), // small capitals
    ("ɢᴜɴ", "gun"),
    ("ꜰɪʀᴇᴀʀᴍ", "firearm"),
    ("ʙᴜʟʟᴇᴛ ꜱʜᴇʟʟ", "bullet shell"),
    ("ɓuɭɭɇt", "bullet"), // letters with a hook, a stroke, a bar
    ("ǥuƞ", "gun"),
    ("ƤƗSŦØȽ", "pistol"),
    ("тnт", "tnt"), // Cyrillic and Greek letters shaped like small capitals
    ("мeтн", "meth"),
    ("вomв", "bomb"),
    ("нeroin", "heroin"),
    ("κnife", "knife"),
    // leetspeak inside Latin words
    ("w3ap0n", "weapon"),
    ("we@pon", "weapon"),
    ("bu11et", "bullet"),
    ("$hell", "shell"),
    ("e×plosive", "explosive"), // and letters inside Latin words
    ("bu∣∣et", "bullet"),
    ("w 3 a p 0 n", "weapon"),
    ("h3r0in", "heroin"),
    ("p1stol", "pistol"),
    ("3xpl0s1v3", "explosive"), // a digit at an end of a word with leetspeak inside
    ("5h0tgun", "shotgun"),
    ("h3ll0!", "hello"),
    ("3 x p l 0 s 1 v 3", "explosive"),
    // spaced-out Latin letters
    ("w e a p o n", "weapon"),
    ("w.e.a.p.o.n", "weapon"),
    ("w-e-a-p-o-n", "weapon"),
    ("w_e_a_p_o_n", "weapon"),
    ("buy g u n now", "buy gun now"),
    // numerals in numbers
    ("壹叁捌", "138"),
    ("壹叁捌零零壹叁捌零零零", "13800138000"),
    ("一三八零零一三八零零零", "13800138000"),
    ("①③⑧⓪⓪①③⑧⓪⓪⓪", "13800138000"),
    ("１３８００１３８０００", "13800138000"),
    ("幺叁捌", "138"),
    ("١٣٨٠٠١٣٨٠٠٠", "13800138000"), // Arabic-Indic digits
    ("۱۳۸۰۰۱۳۸۰۰۰", "13800138000"), // Persian digits
    ("१३८००१३८०००", "13800138000"), // Devanagari digits
    ("๑๓๘๐๐๑๓๘๐๐๐", "13800138000"), // Thai digits
    // repeated characters
    ("weeeapon", "weapon"),
    ("gunnnn", "gun"),
    ("军军火", "军火"),
    ("军军军火火", "军火"),
];

#[test]
fn disguised_forms_come_out_as_the_plain_form() {
    let mut failures = Vec::new();
    for &(disguised, plain) in SAME_AS_PLAIN {
        let (d, p) = (canon(disguised), canon(plain));
        if d != p {
            failures.push(format!("{disguised:?} -> {d:?}, but {plain:?} -> {p:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Exact canonical forms.
const EXACT: &[(&str, &str)] = &[
    ("軍火", "军火"),
    ("ＧＵＮ", "gun"),
    ("w3ap0n", "weapon"),
    ("bu11et", "bullet"),
    ("the gun", "the gun"),
    ("the  gun!", "the gun"),
    ("13800138000", "13800138000"),
    ("l38OOl38OOO", "13800138000"), // letters that look like digits, in a number
    ("微信13800l38000", "微信13800138000"),
    ("qq 8O8O8O8O8", "qq 808080808"),
    ("🇬🇺🇳", "n"),           // a flag (🇬🇺, Guam) and a letter, as it shows
    ("🇩🇷🇺🇬", "dr"),         // two letters and a flag (🇺🇬): pairs from the first
    ("oil2023", "oil2023"), // but not in a word before a number
    ("lolololo", "lolololo"),
    ("100000lol", "100000lol"),
    ("138-0013-8000", "138 0013 8000"),
    ("in 2024 a gun", "in 2024 a gun"),
    ("mp3", "mp3"),
    ("Glock™ 19", "glock 19"),
    ("ᗩᗰᗰO ᖴOᖇ ᔕᗩᒪᗴ", "ammo for sale"), // the Canadian syllabics "fancy text" alphabet
    ("ᗩᗷᑕᗪEᖴGᕼIᒍKᒪᗰᑎOᑭᑫᖇᔕTᑌᐯᗯ᙭Yᘔ", "abcdefghijklmnopqrstuvwxyz"),
    // spaced-out words set apart by a wider gap than their letters
    ("g.u.n.s f.o.r s.a.l.e", "guns for sale"),
    ("G U N S  F O R  S A L E", "guns for sale"),
    ("w.e-a.p-o.n", "weapon"), // separators of one width, one word
    ("g u n s f o r", "gunsfor"),
    ("c0vid19", "covid19"), // two digits at the end: a number, even after leetspeak inside
    ("12h3ll0", "12hello"),
    ("5hotgun", "5hotgun"), // no leetspeak inside: the digit is a number
    ("win10", "win10"),
    ("amm0", "ammo"), // a zero at an end of three letters or more, the only digit
    ("0pium", "opium"),
    ("eth01", "eth01"),
    ("mp0", "mp0"),
    ("ak47", "ak47"),
    ("壹叁捌", "138"),
    ("一个人", "一个人"),
    ("三八", "三八"),
    ("weeeapon", "weapon"),
    ("bullet", "bullet"),
    ("军军火", "军火"),
    ("出售 gun", "出售gun"),
    ("www。example。com", "www example com"),
];

#[test]
fn exact_canonical_forms() {
    for &(input, expected) in EXACT {
        assert_eq!(canon(input), expected, "input {input:?}");
    }
}

#[test]
fn digits_stay_digits_outside_words() {
    assert_eq!(canon("13800138000"), "13800138000");
    assert_eq!(canon("2024"), "2024");
    assert_eq!(canon("价格 3500 元"), "价格3500元");
    assert_eq!(canon("call 13800138000 now"), "call 13800138000 now");
}

#[test]
fn hard_boundaries_are_breaks() {
    for s in [
        "军。火",
        "军！火",
        "军？火",
        "军；火",
        "军\n火",
        "军\r\n火",
        "gun\nshop",
    ] {
        let c = canon(s);
        assert!(c.contains(BREAK), "{s:?} -> {c:?} has no break");
    }
    // Consecutive boundaries collapse, and none is emitted at the ends.
    assert_eq!(canon("\n\n军。。\n火\n"), "军\n火");
}

#[test]
fn prose_pauses_separate_chinese_words_but_not_latin_ones() {
    // 说，出 in ordinary prose is not 说出; ASCII commas typed in Chinese text alike.
    for s in ["说，出", "说,出", "说、出", "说（出", "《说》出"] {
        assert_eq!(canon(s), "说，出", "{s:?}");
    }
    assert_eq!(canon("gun, ammo"), "gun ammo");
    assert_eq!(canon("1,000"), "1 000");
    assert_eq!(canon("g,u,n"), "gun");
}

#[test]
fn far_apart_characters_do_not_join() {
    let far = format!("手{}枪", " ".repeat(20));
    assert_eq!(canon(&far), "手\n枪");
    let near = format!("手{}枪", " ".repeat(3));
    assert_eq!(canon(&near), "手枪");
    let mut config = NormalizeConfig::default();
    config.max_gap = 30;
    assert_eq!(Normalizer::new(config).normalize_to_string(&far), "手枪");
}

#[test]
fn latin_word_boundaries_are_kept() {
    assert_eq!(canon("the gun"), "the gun");
    assert_eq!(canon("begun"), "begun");
    assert_eq!(canon("a gun"), "a gun");
    assert_eq!(canon("gun, ammo"), "gun ammo");
}

#[test]
fn every_class_can_be_switched_off() {
    let off = |f: fn(&mut NormalizeConfig)| {
        let mut c = NormalizeConfig::default();
        f(&mut c);
        Normalizer::new(c)
    };
    assert_eq!(
        off(|c| c.width = false).normalize_to_string("ｇｕｎ"),
        "ｇｕｎ"
    );
    assert_eq!(off(|c| c.case = false).normalize_to_string("GuN"), "GuN");
    assert_eq!(off(|c| c.diacritics = false).normalize_to_string("é"), "é");
    assert_eq!(
        off(|c| c.traditional = false).normalize_to_string("軍"),
        "軍"
    );
    assert_eq!(off(|c| c.homoglyphs = false).normalize_to_string("а"), "а");
    assert_eq!(
        off(|c| c.leet = false).normalize_to_string("w3ap0n"),
        "w3ap0n"
    );
    assert_eq!(
        off(|c| c.skip_junk = false).normalize_to_string("军 火"),
        "军 火"
    );
    assert_eq!(
        off(|c| c.join_spaced = false).normalize_to_string("g u n"),
        "g u n"
    );
    assert_eq!(
        off(|c| c.numerals = false).normalize_to_string("壹叁捌"),
        "壹叁捌"
    );
    assert_eq!(
        off(|c| c.collapse_repeats = false).normalize_to_string("weeeapon"),
        "weeeapon"
    );
}

#[test]
fn origins_point_at_the_original_characters() {
    let text = "买 軍*火 and w3ap0n";
    let n = Normalizer::default().normalize(text);
    let c = n.text();
    let start = c.find('军').unwrap();
    let end = c.find('火').unwrap() + '火'.len_utf8();
    let (span, ev) = n.origin(start, end).unwrap();
    assert_eq!(&text[span.range()], "軍*火");
    assert!(ev.contains(Evasion::TRADITIONAL));
    assert!(ev.contains(Evasion::SEPARATOR));
    let w = c.find("weapon").unwrap();
    let (span, ev) = n.origin(w, w + 6).unwrap();
    assert_eq!(&text[span.range()], "w3ap0n");
    assert!(ev.contains(Evasion::LEET));
    assert!(
        !ev.contains(Evasion::SEPARATOR),
        "junk before a range is not inside it"
    );
}

#[test]
fn one_to_many_and_many_to_one_origins() {
    // One original character, several canonical ones: ß → ss.
    let n = Normalizer::default().normalize("ß");
    assert_eq!(n.text(), "ss");
    assert!(n.chars().iter().all(|c| (c.start, c.end) == (0, 2)));
    // Several original characters, one canonical: a collapsed run.
    let n = Normalizer::default().normalize("军军火");
    assert_eq!((n.chars()[0].start, n.chars()[0].end), (0, 6));
    assert!(n.chars()[0].evasions.contains(Evasion::REPEAT));
}

#[test]
fn evasion_flags_name_what_was_undone() {
    let flags = |s: &str| {
        let n = Normalizer::default().normalize(s);
        n.origin(0, n.text().len()).unwrap().1
    };
    assert!(flags("ＧＵＮ").contains(Evasion::FULLWIDTH));
    assert!(flags("軍火").contains(Evasion::TRADITIONAL));
    assert!(flags("weаpon").contains(Evasion::HOMOGLYPH));
    assert!(flags("ɢᴜɴ").contains(Evasion::HOMOGLYPH));
    assert!(flags("ɓullet").contains(Evasion::DIACRITIC));
    assert!(flags("w3ap0n").contains(Evasion::LEET));
    assert!(flags("g u n").contains(Evasion::SPACED));
    assert!(flags("壹叁捌").contains(Evasion::NUMERAL));
    assert!(flags("军😀火").contains(Evasion::EMOJI));
    assert!(flags("军\u{200B}火").contains(Evasion::INVISIBLE));
    assert!(flags("weeeapon").contains(Evasion::REPEAT));
    assert!(flags("gun").is_empty());
    assert!(flags("军火").is_empty());
}

/// Every letter that Unicode names as an ASCII letter with a mark drawn into it ("LATIN SMALL
/// LETTER B WITH HOOK") or as a small capital ("LATIN LETTER SMALL CAPITAL A") reads as that
/// letter: the whole class, from the names in the committed data, not the examples above.
#[test]
fn letters_named_after_an_ascii_letter_read_as_it() {
    let data = include_str!("../data/unicode/UnicodeData.txt");
    let n = Normalizer::default();
    let mut checked = 0;
    let mut failures = Vec::new();
    for line in data.lines() {
        let mut fields = line.split(';');
        let (Some(cp), Some(name)) = (fields.next(), fields.next()) else {
            continue;
        };
        let Some(c) = u32::from_str_radix(cp, 16).ok().and_then(char::from_u32) else {
            continue;
        };
        let letter = [
            "LATIN SMALL LETTER ",
            "LATIN CAPITAL LETTER ",
            "LATIN LETTER SMALL CAPITAL ",
            "LATIN SMALL CAPITAL LETTER ",
        ]
        .iter()
        .find_map(|prefix| {
            let rest = name.strip_prefix(prefix)?;
            let (letter, tail) = rest.split_at_checked(1)?;
            let plain = tail.is_empty() && prefix.contains("SMALL CAPITAL");
            let marked = tail
                .strip_prefix(" WITH ")
                .is_some_and(|marks| !marks.contains("LETTER"));
            (letter.bytes().all(|b| b.is_ascii_uppercase()) && (plain || marked))
                .then(|| letter.to_ascii_lowercase())
        });
        let Some(letter) = letter else { continue };
        // Where NFKC spells the letter and a mark apart (ŀ is l and ·), or the confusables read
        // it as another letter (ʋ looks like u), those win.
        if name.contains("MIDDLE DOT") || name.contains("HALF RING") || "ʋƲᶌ".contains(c) {
            continue;
        }
        // Between two other letters, so that it is not read as a spaced letter, nor collapsed.
        let pad = if letter == "k" { 'm' } else { 'k' };
        let got = n.normalize_to_string(&format!("{pad}{c}{pad}"));
        checked += 1;
        if got != format!("{pad}{letter}{pad}") {
            failures.push(format!("U+{cp} {name}: {got:?}"));
        }
    }
    assert!(checked > 700, "only {checked} named letters in the data");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn buffer_reuse_gives_the_same_result() {
    let n = Normalizer::default();
    let mut buf = jingwang::Normalized::new();
    for s in ["軍火 w3ap0n", "", "x", "壹叁捌 and more text here"] {
        n.normalize_into(s, &mut buf);
        assert_eq!(buf.text(), n.normalize(s).text());
        assert_eq!(buf.chars(), n.normalize(s).chars());
    }
}

fn check_invariants(input: &str) -> Result<(), TestCaseError> {
    let n = Normalizer::default();
    let out = n.normalize(input);
    let mut prev = (0u32, 0u32);
    let mut offset = 0usize;
    prop_assert_eq!(out.chars().len(), out.text().chars().count());
    for ((ch, c), text_ch) in out.iter().zip(out.text().chars()) {
        prop_assert_eq!(ch, text_ch);
        prop_assert_eq!(c.offset as usize, offset);
        offset += ch.len_utf8();
        prop_assert!(c.start <= c.end, "empty-or-reversed origin {:?}", c);
        prop_assert!(
            input.is_char_boundary(c.start as usize),
            "start off boundary {:?}",
            c
        );
        prop_assert!(
            input.is_char_boundary(c.end as usize),
            "end off boundary {:?}",
            c
        );
        prop_assert!((c.end as usize) <= input.len());
        prop_assert!(
            c.start >= prev.0 && c.end >= prev.1,
            "not monotone: {:?} after {:?}",
            c,
            prev
        );
        prev = (c.start, c.end);
    }
    let again = n.normalize_to_string(out.text());
    prop_assert_eq!(&again, out.text(), "not idempotent for {:?}", input);
    check_text_only(&n, input, &out)
}

/// `normalize_text_into` gives the text of `normalize_into`, and no entries.
fn check_text_only(
    n: &Normalizer,
    input: &str,
    full: &jingwang::Normalized,
) -> Result<(), TestCaseError> {
    let mut buf = jingwang::Normalized::new();
    // A used buffer: its old entries must go.
    n.normalize_into("軍火 g u n", &mut buf);
    n.normalize_text_into(input, &mut buf);
    prop_assert_eq!(buf.text(), full.text(), "text-only differs for {:?}", input);
    prop_assert!(buf.chars().is_empty());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn invariants_hold_for_arbitrary_unicode(input in "\\PC{0,40}") {
        check_invariants(&input)?;
    }

    #[test]
    fn invariants_hold_for_evasion_alphabet(
        input in "[a-zA-Z0-9 .*@$!|_\\-军火枪支軍槍壹叁捌一三八零。！\n\u{200B}\u{FE0F}😀👍🏻①ＧｕⓝéаΑ×∣ᴀɓˉʰ٣]{0,40}"
    ) {
        check_invariants(&input)?;
    }

    #[test]
    fn text_only_matches_under_every_config(
        input in "[a-zA-Z0-9 .*@$!|_\\-军火枪支軍槍哥壹叁捌一三八零，。！\n\u{200B}\u{FE0F}😀①ＧｕⓝéаΑ×∣ᴀɓˉʰ٣]{0,60}",
        switches in prop::collection::vec(any::<bool>(), 11),
        max_gap in 0usize..4,
    ) {
        let mut config = NormalizeConfig::default();
        let fields = [
            &mut config.width,
            &mut config.case,
            &mut config.diacritics,
            &mut config.traditional,
            &mut config.variants,
            &mut config.homoglyphs,
            &mut config.leet,
            &mut config.skip_junk,
            &mut config.join_spaced,
            &mut config.numerals,
            &mut config.collapse_repeats,
        ];
        for (field, on) in fields.into_iter().zip(&switches) {
            *field = *on;
        }
        config.max_gap = max_gap;
        let n = Normalizer::new(config);
        check_text_only(&n, &input, &n.normalize(&input))?;
    }

    #[test]
    fn plain_ascii_lowercase_maps_to_itself(words in prop::collection::vec("[a-z]{2,8}", 1..8)) {
        // Plain words: no letter three times in a row (that is a collapsed repeat).
        let words: Vec<String> = words.into_iter().filter(|w| {
            let b = w.as_bytes();
            !b.windows(3).any(|x| x[0] == x[1] && x[1] == x[2])
        }).collect();
        let text = words.join(" ");
        let out = Normalizer::default().normalize(&text);
        prop_assert_eq!(out.text(), text.as_str());
        for (i, c) in out.chars().iter().enumerate() {
            prop_assert_eq!((c.start as usize, c.end as usize), (i, i + 1));
            prop_assert!(c.evasions.is_empty());
        }
    }
}
