//! Generates `src/normalize/tables.rs`, the character tables of the normaliser, from the data in `data/`.
//!
//! Run `cargo run --example gen_tables` after changing this file or the data. `tests/tables_fresh.rs`
//! fails when the committed tables differ from a fresh generation. See `THIRD_PARTY.md` for the data.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use unicode_general_category::{get_general_category, GeneralCategory as Gc};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

const OTHER: u8 = 0;
const LETTER: u8 = 1;
const HAN: u8 = 2;
const DIGIT: u8 = 3;
const MARK: u8 = 4;
const SPACE: u8 = 5;
const PUNCT: u8 = 6;
const SYMBOL: u8 = 7;
const INVISIBLE: u8 = 8;
const EMOJI: u8 = 9;
const BREAK: u8 = 10;

/// Whole blocks of CJK ideographs (every code point, so ideographs of later Unicode versions count too).
const IDEOGRAPH_BLOCKS: &[(u32, u32)] = &[
    (0x3400, 0x4DBF),   // Extension A
    (0x4E00, 0x9FFF),   // Unified Ideographs
    (0xF900, 0xFAFF),   // Compatibility Ideographs
    (0x20000, 0x2A6DF), // Extension B
    (0x2A700, 0x2EE5F), // Extensions C, D, E, F, I
    (0x2F800, 0x2FA1F), // Compatibility Ideographs Supplement
    (0x30000, 0x323AF), // Extensions G, H
];

/// One-stroke ideographs that are not words of their own and that Chinese web text uses as
/// separators (经典丶微小说, 标题丨副标题): 丨 丶 丿 乀 乁 亅. Punctuation, so junk between characters.
const STROKE_SEPARATORS: &[u32] = &[0x4E28, 0x4E36, 0x4E3F, 0x4E40, 0x4E41, 0x4E85];

/// Blocks of the other CJK scripts (kana, hangul, bopomofo) and CJK symbols; their letters are HAN.
const CJK_SCRIPT_BLOCKS: &[(u32, u32)] = &[
    (0x1100, 0x11FF),   // Hangul Jamo
    (0x3000, 0x303F),   // CJK Symbols and Punctuation (々 〆 〇 〡-〩 〸-〺 〻)
    (0x3040, 0x30FF),   // Hiragana, Katakana
    (0x3100, 0x312F),   // Bopomofo
    (0x3130, 0x318F),   // Hangul Compatibility Jamo
    (0x31A0, 0x31BF),   // Bopomofo Extended
    (0x31F0, 0x31FF),   // Katakana Phonetic Extensions
    (0xA960, 0xA97F),   // Hangul Jamo Extended-A
    (0xAC00, 0xD7FF),   // Hangul Syllables, Hangul Jamo Extended-B
    (0xFF66, 0xFFDF),   // Halfwidth Katakana and Hangul
    (0x1AFF0, 0x1B16F), // Kana Extended-B, Kana Supplement, Kana Extended-A, Small Kana Extension
];

/// CJK Radicals Supplement and Kangxi Radicals.
const RADICAL_BLOCKS: &[(u32, u32)] = &[(0x2E80, 0x2EFF), (0x2F00, 0x2FDF)];

/// Blocks whose So/Sk symbols are emoji pictographs.
const EMOJI_BLOCKS: &[(u32, u32)] = &[(0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF)];

/// Sentence ends that are hard boundaries: 。！？；｡ and their presentation forms.
const BREAK_PUNCT: &[u32] = &[
    0x3002, 0xFE12, 0xFE14, 0xFE15, 0xFE16, 0xFF01, 0xFF1B, 0xFF1F, 0xFF61,
];

/// Blocks of CJK symbols that never act as Latin look-alikes.
const CJK_SYMBOL_BLOCKS: &[(u32, u32)] = &[
    (0x2E80, 0x2FFF),   // radicals, ideographic description characters
    (0x3000, 0x33FF), // CJK symbols, kana, bopomofo, hangul jamo, kanbun, strokes, enclosed CJK, CJK compatibility
    (0xFE30, 0xFE4F), // CJK Compatibility Forms
    (0x1F200, 0x1F2FF), // Enclosed Ideographic Supplement
];

/// Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, ...): their letters resemble Latin ones
/// only in isolation, and mapping them would turn ordinary Arabic or Hebrew text into Latin letters.
const RTL_BLOCKS: &[(u32, u32)] = &[
    (0x0590, 0x08FF),
    (0xFB1D, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x10800, 0x10FFF),
    (0x1E800, 0x1EFFF),
];

/// The names of the classes in the generated `class` module, indexed by value.
const CLASS_NAMES: [&str; 11] = [
    "OTHER",
    "LETTER",
    "HAN",
    "DIGIT",
    "MARK",
    "SPACE",
    "PUNCT",
    "SYMBOL",
    "INVISIBLE",
    "EMOJI",
    "BREAK",
];

fn in_blocks(cp: u32, blocks: &[(u32, u32)]) -> bool {
    blocks.iter().any(|&(a, b)| (a..=b).contains(&cp))
}

fn is_noncharacter(cp: u32) -> bool {
    (0xFDD0..=0xFDEF).contains(&cp) || cp & 0xFFFE == 0xFFFE
}

fn is_letter(gc: Gc) -> bool {
    matches!(
        gc,
        Gc::UppercaseLetter
            | Gc::LowercaseLetter
            | Gc::TitlecaseLetter
            | Gc::ModifierLetter
            | Gc::OtherLetter
    )
}

fn class_of(cp: u32) -> u8 {
    static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
    let table = TABLE.get_or_init(|| (0..=0x10FFFF).map(compute_class).collect());
    table.get(cp as usize).copied().unwrap_or(OTHER)
}

fn compute_class(cp: u32) -> u8 {
    let Some(c) = char::from_u32(cp) else {
        return OTHER;
    };
    let gc = get_general_category(c);
    if is_noncharacter(cp) {
        return INVISIBLE;
    }
    if matches!(cp, 0x0A..=0x0D | 0x85 | 0x2028 | 0x2029) || BREAK_PUNCT.contains(&cp) {
        return BREAK;
    }
    if cp == 0x09 {
        return SPACE;
    }
    if matches!(
        cp,
        0x115F | 0x1160 | 0x3164 | 0xFFA0 | 0x034F | 0x180B..=0x180D | 0x180F
    ) || (0xFE00..=0xFE0F).contains(&cp)
        || (0xE0100..=0xE01EF).contains(&cp)
        || (0xE0000..=0xE007F).contains(&cp)
    {
        return INVISIBLE;
    }
    if STROKE_SEPARATORS.contains(&cp) {
        return PUNCT;
    }
    if in_blocks(cp, IDEOGRAPH_BLOCKS) {
        return HAN;
    }
    if in_blocks(cp, RADICAL_BLOCKS) && gc != Gc::Unassigned {
        return HAN;
    }
    if in_blocks(cp, CJK_SCRIPT_BLOCKS) && (is_letter(gc) || gc == Gc::LetterNumber) {
        return HAN;
    }
    match gc {
        // A modifier letter that is no letter in compatibility form (the tone marks ˉ ˊ ˇ ˋ, ˈ, ꜜ,
        // the Arabic tatweel) is a sign beside letters, not one of them: junk between characters
        // (军ˉ火). One with a letter form (ʰ) is that letter; the CJK ones (ー, 々) are CJK above.
        Gc::ModifierLetter if c.nfkc().eq(std::iter::once(c)) => SYMBOL,
        Gc::DecimalNumber => DIGIT,
        Gc::NonspacingMark | Gc::SpacingMark | Gc::EnclosingMark => MARK,
        Gc::SpaceSeparator => SPACE,
        Gc::LineSeparator | Gc::ParagraphSeparator => BREAK,
        Gc::Control | Gc::Format => INVISIBLE,
        Gc::ConnectorPunctuation
        | Gc::DashPunctuation
        | Gc::OpenPunctuation
        | Gc::ClosePunctuation
        | Gc::InitialPunctuation
        | Gc::FinalPunctuation
        | Gc::OtherPunctuation => PUNCT,
        Gc::OtherSymbol | Gc::ModifierSymbol if in_blocks(cp, EMOJI_BLOCKS) => EMOJI,
        Gc::MathSymbol | Gc::CurrencySymbol | Gc::ModifierSymbol | Gc::OtherSymbol => SYMBOL,
        _ if is_letter(gc) => LETTER,
        _ => OTHER,
    }
}

fn all_chars() -> impl Iterator<Item = char> {
    (0..=0x10FFFFu32).filter_map(char::from_u32)
}

fn classes() -> Vec<(u32, u32, u8)> {
    let mut out: Vec<(u32, u32, u8)> = Vec::new();
    for cp in 0..=0x10FFFFu32 {
        let class = class_of(cp);
        if class == OTHER {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.1 + 1 == cp && last.2 == class => last.1 = cp,
            _ => out.push((cp, cp, class)),
        }
    }
    out
}

/// NFKC plus forms NFKC leaves alone: negative, dingbat and double circled digits, negative circled and
/// squared Latin capitals, regional indicators.
fn compat() -> BTreeMap<u32, String> {
    let mut out = BTreeMap::new();
    for c in all_chars() {
        if get_general_category(c) == Gc::Unassigned {
            continue;
        }
        let folded: String = c.nfkc().collect();
        if folded.chars().ne(std::iter::once(c)) {
            out.insert(c as u32, folded);
        }
    }
    let mut extra: Vec<(u32, String)> = Vec::new();
    let numbered = |first: u32, last: u32, from: u32, extra: &mut Vec<(u32, String)>| {
        for (i, cp) in (first..=last).enumerate() {
            extra.push((cp, (from + i as u32).to_string()));
        }
    };
    numbered(0x2776, 0x277F, 1, &mut extra); // ❶-❿ dingbat negative circled digits
    numbered(0x2780, 0x2789, 1, &mut extra); // ➀-➉ dingbat circled sans-serif digits
    numbered(0x278A, 0x2793, 1, &mut extra); // ➊-➓ dingbat negative circled sans-serif digits
    numbered(0x24EB, 0x24F4, 11, &mut extra); // ⓫-⓴ negative circled numbers
    numbered(0x24F5, 0x24FE, 1, &mut extra); // ⓵-⓾ double circled digits
    numbered(0x24FF, 0x24FF, 0, &mut extra); // ⓿ negative circled digit zero
    numbered(0x1F10B, 0x1F10C, 0, &mut extra); // 🄋 🄌 dingbat circled sans-serif zero
    for (first, last) in [(0x1F150, 0x1F169), (0x1F170, 0x1F189), (0x1F1E6, 0x1F1FF)] {
        // negative circled, negative squared Latin capitals, regional indicators -> A-Z
        for (i, cp) in (first..=last).enumerate() {
            extra.push((cp, char::from(b'A' + i as u8).to_string()));
        }
    }
    for (cp, value) in extra {
        let previous = out.insert(cp, value);
        assert!(
            previous.is_none(),
            "hand-added compatibility form U+{cp:04X} is already folded by NFKC"
        );
    }
    // Decimal digits of every script are the ASCII digit of their value (١٣٨ and १३८ are 138), so
    // that numbers in them are found as numbers. Unicode encodes each script's digits as a run
    // from zero to nine, so the value is the position in the run.
    for c in all_chars() {
        let cp = c as u32;
        if c.is_ascii() || get_general_category(c) != Gc::DecimalNumber || out.contains_key(&cp) {
            continue;
        }
        let run_start = (0..cp)
            .rev()
            .take_while(|&p| {
                char::from_u32(p).is_some_and(|d| get_general_category(d) == Gc::DecimalNumber)
            })
            .count() as u32;
        out.insert(cp, char::from(b'0' + (run_start % 10) as u8).to_string());
    }
    // The trade mark and service mark signs follow a name and are not letters of it (Glock™ is
    // glock, not glocktm): symbols, junk between characters.
    for cp in [0x2122, 0x2120] {
        assert!(out.remove(&cp).is_some(), "U+{cp:04X} has no NFKC form");
    }
    out
}

/// Letters without a canonical decomposition that readers take for ASCII letters.
/// Canadian syllabics of the "fancy text" alphabet (ᗩᗷᑕᗪEᖴGᕼIᒍKᒪᗰᑎOᑭᑫᖇᔕTᑌᐯᗯ᙭Yᘔ) that UTS #39 does
/// not pair with the letter they stand for, and the turned w (ʍ, an upside-down m); the others of the
/// alphabet are confusables already.
const FANCY_LETTERS: &[(char, u8)] = &[
    ('ᗩ', b'a'),
    ('ᑕ', b'c'),
    ('ᗴ', b'e'),
    ('ᑎ', b'n'),
    ('ᑫ', b'q'),
    ('ᔕ', b's'),
    ('ᗯ', b'w'),
    ('ᘔ', b'z'),
    ('ʍ', b'm'),
];

const LETTERS_WITHOUT_DECOMPOSITION: &[(char, &str)] = &[
    ('ø', "o"),
    ('Ø', "O"),
    ('đ', "d"),
    ('Đ', "D"),
    ('ł', "l"),
    ('Ł', "L"),
    ('ħ', "h"),
    ('Ħ', "H"),
    ('ß', "ss"),
    ('ẞ', "SS"),
    ('æ', "ae"),
    ('Æ', "AE"),
    ('œ', "oe"),
    ('Œ', "OE"),
    ('ı', "i"),
    ('ĸ', "k"),
    ('þ', "th"),
    ('Þ', "TH"),
];

/// The letter a Unicode name spells after `prefix`, when the name goes on with nothing but
/// `" WITH …"` marks drawn into it (not a second letter, as in "D WITH SMALL LETTER Z") or ends
/// there: "B WITH HOOK" is `B`, "B" is `B`; "TURNED E", "OE" and "D WITH SMALL LETTER Z" are none.
fn named_letter(name: &str, prefix: &str) -> Option<char> {
    let rest = name.strip_prefix(prefix)?;
    let mut chars = rest.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let tail = chars.as_str();
    match tail.strip_prefix(" WITH ") {
        Some(marks) if !marks.contains("LETTER") => Some(letter),
        None if tail.is_empty() => Some(letter),
        _ => None,
    }
}

/// Latin letters that their Unicode names describe as an ASCII letter with a mark drawn into it
/// (`ɓ` LATIN SMALL LETTER B WITH HOOK, `ƶ` Z WITH STROKE, `ᶅ` L WITH PALATAL HOOK), which have no
/// decomposition, as that letter in its case; and the small capitals (`ᴀ` LATIN LETTER SMALL
/// CAPITAL A, `ꜰ`), a styled alphabet, as the lowercase letter. From the names of
/// `unicode/UnicodeData.txt`.
fn named_letters(data_dir: &Path) -> NamedLetters {
    let text = read(data_dir, "unicode/UnicodeData.txt");
    let (mut marked, mut small_capitals, mut latin) =
        (BTreeMap::new(), BTreeMap::new(), BTreeSet::new());
    for line in text.lines() {
        let mut fields = line.split(';');
        let (Some(cp), Some(name)) = (fields.next(), fields.next()) else {
            continue;
        };
        let Some(c) = u32::from_str_radix(cp, 16).ok().and_then(char::from_u32) else {
            continue;
        };
        if name.starts_with("LATIN ") {
            latin.insert(c as u32);
        }
        let small = named_letter(name, "LATIN SMALL LETTER ");
        let capital = named_letter(name, "LATIN CAPITAL LETTER ");
        if let Some(l) = small.map(|l| l.to_ascii_lowercase()).or(capital) {
            if name.contains(" WITH ") {
                marked.insert(c as u32, l.to_string());
            }
        }
        let small_capital = [
            "LATIN LETTER SMALL CAPITAL ",
            "LATIN SMALL CAPITAL LETTER ",
            "LATIN CAPITAL LETTER SMALL CAPITAL ",
        ]
        .iter()
        .find_map(|prefix| named_letter(name, prefix));
        if let Some(l) = small_capital {
            small_capitals.insert(c as u32, l.to_ascii_lowercase() as u8);
        }
    }
    NamedLetters {
        marked,
        small_capitals,
        latin,
    }
}

/// What [`named_letters`] reads from the character names.
struct NamedLetters {
    /// Letters with a mark drawn into them, as their ASCII letter.
    marked: BTreeMap<u32, String>,
    /// Small capitals, as their ASCII lowercase letter.
    small_capitals: BTreeMap<u32, u8>,
    /// Every character named `LATIN …`.
    latin: BTreeSet<u32>,
}

/// Look-alikes of the small capitals (`т` CYRILLIC SMALL LETTER TE and Greek `τ` look like `ᴛ`,
/// `в` like `ʙ`, `н` like `ʜ`): the letter that small capital is, where the confusables pair a
/// character with small capitals of one letter only, directly or through one Latin letter that is
/// not one (`м` is paired with `ʍ` TURNED W, and that with `ᴍ`; `к` with `ĸ` KRA, and that with
/// `ᴋ`). Latin letters themselves are read by their names only (`ʍ` is upside-down w).
fn small_capital_lookalikes(
    pairs: &[(String, String)],
    small_capitals: &BTreeMap<u32, u8>,
    latin: &BTreeSet<u32>,
) -> BTreeMap<u32, u8> {
    let mut neighbours: BTreeMap<char, BTreeSet<char>> = BTreeMap::new();
    for (source, target) in pairs {
        if let (Some(c), Some(t)) = (single_char(source), single_char(target)) {
            neighbours.entry(c).or_default().insert(t);
        }
    }
    let small = |c: &char| small_capitals.get(&(*c as u32)).copied();
    let is_latin = |c: &char| latin.contains(&(*c as u32));
    let mut out = BTreeMap::new();
    for (c, next) in &neighbours {
        if is_latin(c) || small(c).is_some() || !homoglyph_source_allowed(*c) {
            continue;
        }
        let through = next
            .iter()
            .filter(|m| is_latin(m) && !m.is_ascii() && small(m).is_none())
            .flat_map(|m| neighbours.get(m).into_iter().flatten());
        let letters: BTreeSet<u8> = next.iter().chain(through).filter_map(small).collect();
        if let (1, Some(&l)) = (letters.len(), letters.first()) {
            out.insert(*c as u32, l);
        }
    }
    out
}

fn diacritic() -> BTreeMap<u32, String> {
    let mut out = BTreeMap::new();
    for c in all_chars() {
        if c.is_ascii() || !is_letter(get_general_category(c)) {
            continue;
        }
        let mut base = String::new();
        for d in c.nfd().filter(|&d| !is_combining_mark(d)) {
            match LETTERS_WITHOUT_DECOMPOSITION.iter().find(|&&(l, _)| l == d) {
                Some(&(_, ascii)) => base.push_str(ascii),
                None => base.push(d),
            }
        }
        if !base.is_empty() && base.bytes().all(|b| b.is_ascii_alphabetic()) {
            out.insert(c as u32, base);
        }
    }
    out
}

/// A minimal JSON value: enough for `confusables.json` (objects, arrays, strings).
enum Json {
    Object(Vec<(String, Json)>),
    Array(Vec<Json>),
    String(String),
}

struct JsonParser<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl JsonParser<'_> {
    fn skip_ws(&mut self) {
        while self.chars.next_if(|c| c.is_whitespace()).is_some() {}
    }

    fn expect(&mut self, want: char) {
        self.skip_ws();
        let got = self.chars.next();
        assert_eq!(got, Some(want), "malformed JSON");
    }

    fn value(&mut self) -> Json {
        self.skip_ws();
        match self.chars.peek() {
            Some('{') => {
                self.chars.next();
                let mut members = Vec::new();
                loop {
                    self.skip_ws();
                    if self.chars.next_if_eq(&'}').is_some() {
                        break;
                    }
                    let key = self.string();
                    self.expect(':');
                    members.push((key, self.value()));
                    self.skip_ws();
                    self.chars.next_if_eq(&',');
                }
                Json::Object(members)
            }
            Some('[') => {
                self.chars.next();
                let mut items = Vec::new();
                loop {
                    self.skip_ws();
                    if self.chars.next_if_eq(&']').is_some() {
                        break;
                    }
                    items.push(self.value());
                    self.skip_ws();
                    self.chars.next_if_eq(&',');
                }
                Json::Array(items)
            }
            _ => Json::String(self.string()),
        }
    }

    fn hex4(&mut self) -> u32 {
        let hex: String = (0..4).filter_map(|_| self.chars.next()).collect();
        u32::from_str_radix(&hex, 16).expect("malformed JSON \\u escape")
    }

    fn string(&mut self) -> String {
        self.expect('"');
        let mut out = String::new();
        loop {
            match self.chars.next().expect("unterminated JSON string") {
                '"' => return out,
                '\\' => match self.chars.next().expect("unterminated JSON escape") {
                    'u' => {
                        let mut cp = self.hex4();
                        if (0xD800..0xDC00).contains(&cp) {
                            self.expect('\\');
                            self.expect('u');
                            let low = self.hex4();
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        }
                        out.push(char::from_u32(cp).expect("JSON escape is not a scalar value"));
                    }
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{C}'),
                    other => out.push(other),
                },
                c => out.push(c),
            }
        }
    }
}

/// The single ASCII lowercase letter or digit a string stands for after NFKC and lowercasing, if any.
fn ascii_target(s: &str) -> Option<u8> {
    let s: String = s
        .chars()
        .filter(|&c| c != '\u{200E}' && c != '\u{200F}')
        .collect();
    let folded: String = s.nfkc().collect::<String>().to_lowercase();
    match folded.as_bytes() {
        &[b] if b.is_ascii_lowercase() || b.is_ascii_digit() => Some(b),
        _ => None,
    }
}

fn single_char(s: &str) -> Option<char> {
    let s: String = s
        .chars()
        .filter(|&c| c != '\u{200E}' && c != '\u{200F}')
        .collect();
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

fn homoglyph_source_allowed(c: char) -> bool {
    let cp = c as u32;
    if c.is_ascii() || in_blocks(cp, CJK_SYMBOL_BLOCKS) || in_blocks(cp, RTL_BLOCKS) {
        return false;
    }
    if c.nfkc().any(|d| class_of(d as u32) == HAN) {
        return false;
    }
    matches!(class_of(cp), LETTER | DIGIT | SYMBOL | EMOJI | OTHER)
}

/// Every pair of `unicode/confusables.json`, both ways (a confusable of X is a look-alike of X
/// and X of it), as (source, target) strings.
fn confusable_pairs(data_dir: &Path) -> Vec<(String, String)> {
    let text = read(data_dir, "unicode/confusables.json");
    let mut parser = JsonParser {
        chars: text.chars().peekable(),
    };
    let Json::Object(entries) = parser.value() else {
        panic!("confusables.json is not an object");
    };
    let mut pairs = Vec::new();
    for (key, value) in &entries {
        let Json::Array(items) = value else { continue };
        for item in items {
            let Json::Object(fields) = item else { continue };
            let Some((_, Json::String(other))) = fields.iter().find(|(name, _)| name == "c") else {
                continue;
            };
            pairs.push((key.clone(), other.clone()));
            pairs.push((other.clone(), key.clone()));
        }
    }
    pairs
}

fn homoglyph(pairs: &[(String, String)]) -> BTreeMap<u32, u8> {
    // A confusable of an ASCII letter is a look-alike of it.
    let mut candidates: BTreeMap<char, BTreeSet<u8>> = BTreeMap::new();
    for (source, target) in pairs {
        if let (Some(c), Some(t)) = (single_char(source), ascii_target(target)) {
            // UTS #39 reads I as l: a capital paired with a lower-case l (Greek Ι,
            // Cyrillic І) looks like a capital I. One paired with L (Cherokee Ꮮ) is L.
            let lower_l = target.nfkc().eq("l".chars());
            let t = if c.is_uppercase() && lower_l { b'i' } else { t };
            candidates.entry(c).or_default().insert(t);
        }
    }
    let mut out = BTreeMap::new();
    for (c, targets) in candidates {
        if !homoglyph_source_allowed(c) {
            continue;
        }
        // The character's own compatibility form wins; then a letter over a digit (О is o, not 0);
        // among several letters the data is ambiguous and the character is left alone.
        let own = ascii_target(&c.to_string());
        // A digit stands for a digit (Arabic-Indic one is 1, not l).
        let digit_source = class_of(c as u32) == DIGIT;
        let preferred: Vec<u8> = targets
            .iter()
            .copied()
            .filter(|t| t.is_ascii_digit() == digit_source)
            .collect();
        let chosen = own.or(match (preferred.as_slice(), targets.len()) {
            ([one], _) => Some(*one),
            ([], 1) if !digit_source => targets.first().copied(),
            _ => None,
        });
        if let Some(t) = chosen {
            out.insert(c as u32, t);
        }
    }
    // Styled alphabets NFKC folds to one ASCII letter or digit (mathematical, fullwidth, enclosed ⓐ),
    // and parenthesized letters (⒜ is "(a)").
    for c in all_chars() {
        if homoglyph_source_allowed(c) && !out.contains_key(&(c as u32)) {
            let folded: String = c.nfkc().collect();
            if folded != c.to_string() {
                let inner = folded.strip_prefix('(').and_then(|f| f.strip_suffix(')'));
                let letter = inner.and_then(ascii_target).filter(u8::is_ascii_lowercase);
                if let Some(t) = ascii_target(&folded).or(letter) {
                    out.insert(c as u32, t);
                }
            }
        }
    }
    out
}

fn read(data_dir: &Path, name: &str) -> String {
    let path = data_dir.join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// OpenCC dictionary lines: key and candidates, single characters only.
fn opencc(data_dir: &Path, name: &str) -> Vec<(char, Vec<char>)> {
    let mut out = Vec::new();
    for line in read(data_dir, name).lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((key, values)) = line.split_once('\t') else {
            continue;
        };
        let Some(key) = single_char(key) else {
            continue;
        };
        let values: Vec<char> = values.split(' ').filter_map(single_char).collect();
        if !values.is_empty() {
            out.push((key, values));
        }
    }
    out
}

fn parse_code_point(s: &str) -> Option<char> {
    let hex = s.strip_prefix("U+")?;
    let hex = hex.split('<').next()?;
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

fn traditional(data_dir: &Path) -> BTreeMap<char, char> {
    let mut out = BTreeMap::new();
    for (key, values) in opencc(data_dir, "opencc/TSCharacters.txt") {
        if values[0] != key {
            out.insert(key, values[0]);
        }
    }
    out
}

fn variant(data_dir: &Path, trad: &BTreeMap<char, char>) -> BTreeMap<char, char> {
    // GB 2312 is the set of common simplified characters: never a source, the goal of a Unihan mapping.
    let mut gb2312 = BTreeSet::new();
    for line in read(data_dir, "unihan/Unihan_GB0.txt").lines() {
        let mut fields = line.split('\t');
        if let (Some(cp), Some("kGB0")) = (fields.next(), fields.next()) {
            gb2312.extend(parse_code_point(cp));
        }
    }
    let st = opencc(data_dir, "opencc/STCharacters.txt");
    let mut simplified: BTreeSet<char> = trad.values().copied().collect();
    simplified.extend(st.iter().map(|(k, _)| *k));
    simplified.extend(gb2312.iter().copied());
    // OpenCC keys it keeps unchanged (乾, 瞭, 祇) are deliberate: they are never variant keys either.
    let ts_keys: BTreeSet<char> = opencc(data_dir, "opencc/TSCharacters.txt")
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let to_simplified = |c: char| trad.get(&c).copied().unwrap_or(c);
    let usable_source = |c: char| !ts_keys.contains(&c) && !simplified.contains(&c);

    // Proposals in priority order; the first for a source wins. Except for radicals, a target must be a
    // common simplified character (GB 2312), and a source must not be one.
    let mut proposals: Vec<(char, char)> = Vec::new();
    // OpenCC Taiwan, Hong Kong and Japanese (shinjitai: 弾, 薬, 売) variants, reversed: variant ->
    // standard form.
    for name in [
        "opencc/TWVariants.txt",
        "opencc/HKVariants.txt",
        "opencc/JPVariants.txt",
    ] {
        for (standard, variants) in opencc(data_dir, name) {
            for v in variants {
                if v != standard {
                    proposals.push((v, to_simplified(standard)));
                }
            }
        }
    }
    // OpenCC Simplified -> Traditional, later candidates reversed: 枪 -> 槍 鎗 makes 鎗 -> 枪.
    for (key, values) in &st {
        for &v in values {
            proposals.push((v, *key));
        }
    }
    // CJK Radicals Supplement -> equivalent unified ideograph.
    for line in read(data_dir, "unicode/EquivalentUnifiedIdeograph.txt").lines() {
        let line = line.split('#').next().unwrap_or("");
        let Some((range, target)) = line.split_once(';') else {
            continue;
        };
        let Ok(target) = u32::from_str_radix(target.trim(), 16) else {
            continue;
        };
        let Some(target) = char::from_u32(target) else {
            continue;
        };
        let (first, last) = match range.trim().split_once("..") {
            Some((a, b)) => (a, b),
            None => (range.trim(), range.trim()),
        };
        let (Ok(first), Ok(last)) = (
            u32::from_str_radix(first, 16),
            u32::from_str_radix(last, 16),
        ) else {
            continue;
        };
        for cp in first..=last {
            if (0x2E80..=0x2EFF).contains(&cp) {
                if let Some(c) = char::from_u32(cp) {
                    proposals.push((c, to_simplified(target)));
                }
            }
        }
    }
    // Unihan variants: the first target that (made simplified) is a common simplified character.
    let mut unihan: BTreeMap<(usize, char), Vec<char>> = BTreeMap::new();
    const FIELDS: [&str; 4] = [
        "kZVariant",
        "kSimplifiedVariant",
        "kSemanticVariant",
        "kSpoofingVariant",
    ];
    for line in read(data_dir, "unihan/Unihan_Variants.txt").lines() {
        let mut fields = line.split('\t');
        let (Some(cp), Some(field), Some(values)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let (Some(rank), Some(c)) = (
            FIELDS.iter().position(|&f| f == field),
            parse_code_point(cp),
        ) else {
            continue;
        };
        unihan
            .entry((rank, c))
            .or_default()
            .extend(values.split(' ').filter_map(parse_code_point));
    }
    for ((_, source), targets) in &unihan {
        if let Some(t) = targets
            .iter()
            .map(|&t| to_simplified(t))
            .find(|t| gb2312.contains(t))
        {
            proposals.push((*source, t));
        }
    }

    let mut out: BTreeMap<char, char> = BTreeMap::new();
    for (source, target) in proposals {
        let radical = (0x2E80..=0x2EFF).contains(&(source as u32));
        let usable = if radical {
            true
        } else {
            usable_source(source) && gb2312.contains(&target)
        };
        if source == target || out.contains_key(&source) || !usable {
            continue;
        }
        out.insert(source, target);
    }
    // Make every value stable: follow chains, drop cycles and values that are still sources.
    let mut stable = BTreeMap::new();
    for (&source, &first) in &out {
        let mut target = first;
        let mut steps = 0;
        while let Some(&next) = out.get(&target).or_else(|| trad.get(&target)) {
            target = next;
            steps += 1;
            if steps > 8 {
                break;
            }
        }
        if target != source && !out.contains_key(&target) && !trad.contains_key(&target) {
            stable.insert(source, target);
        }
    }
    stable
}

/// Chinese numerals that stand for one digit (a fact table: ordinary, financial, old and Hangzhou forms).
const NUMERALS: &[(char, u8)] = &[
    ('〇', 0),
    ('零', 0),
    ('一', 1),
    ('壹', 1),
    ('弌', 1),
    ('壱', 1),
    ('幺', 1),
    ('〡', 1),
    ('二', 2),
    ('贰', 2),
    ('貳', 2),
    ('貮', 2),
    ('弍', 2),
    ('弐', 2),
    ('两', 2),
    ('兩', 2),
    ('〢', 2),
    ('三', 3),
    ('叁', 3),
    ('參', 3),
    ('叄', 3),
    ('弎', 3),
    ('〣', 3),
    ('四', 4),
    ('肆', 4),
    ('〤', 4),
    ('五', 5),
    ('伍', 5),
    ('〥', 5),
    ('六', 6),
    ('陆', 6),
    ('陸', 6),
    ('〦', 6),
    ('七', 7),
    ('柒', 7),
    ('〧', 7),
    ('八', 8),
    ('捌', 8),
    ('〨', 8),
    ('九', 9),
    ('玖', 9),
    ('〩', 9),
];

/// The text of `src/normalize/tables.rs` generated from the data files under `data_dir`.
pub fn generate(data_dir: &Path) -> String {
    let classes = classes();
    let mut compat = compat();
    // Emoji whose compatibility form is Chinese (🈲 is 禁, ㊙ is 秘) are pictures, junk between
    // characters like any other emoji (军🈲火 is 军火), not the character they show.
    let emoji = basic_emoji(data_dir);
    compat.retain(|cp, s| !(emoji.contains(cp) && s.chars().any(|c| class_of(c as u32) == HAN)));
    let mut diacritic = diacritic();
    let pairs = confusable_pairs(data_dir);
    let mut homoglyph = homoglyph(&pairs);
    // Letters named after an ASCII letter, where neither NFKC, a decomposition nor the
    // confusables already give one.
    let named = named_letters(data_dir);
    // (Nor its lower case: Ʋ stays what ʋ is.)
    let unmapped = |cp: &u32, homoglyph: &BTreeMap<u32, u8>, diacritic: &BTreeMap<u32, String>| {
        let lower =
            char::from_u32(*cp).map(|c| c.to_lowercase().map(u32::from).collect::<Vec<_>>());
        std::iter::once(*cp)
            .chain(lower.into_iter().flatten())
            .all(|k| {
                !compat.contains_key(&k)
                    && !homoglyph.contains_key(&k)
                    && !diacritic.contains_key(&k)
            })
    };
    let marked: Vec<(u32, String)> = (named.marked.iter())
        .filter(|(cp, _)| unmapped(cp, &homoglyph, &diacritic))
        .map(|(&cp, l)| (cp, l.clone()))
        .collect();
    let small_capitals: BTreeMap<u32, u8> = (named.small_capitals.iter())
        .filter(|(cp, _)| unmapped(cp, &homoglyph, &diacritic))
        .map(|(&cp, &l)| (cp, l))
        .collect();
    // Then what looks like one of those small capitals (т, τ like ᴛ), where nothing else reads it.
    let lookalikes: Vec<(u32, u8)> =
        small_capital_lookalikes(&pairs, &named.small_capitals, &named.latin)
            .into_iter()
            .filter(|(cp, _)| unmapped(cp, &homoglyph, &diacritic))
            .collect();
    diacritic.extend(marked);
    homoglyph.extend(small_capitals);
    homoglyph.extend(lookalikes);
    for &(c, l) in FANCY_LETTERS {
        let cp = c as u32;
        assert!(
            unmapped(&cp, &homoglyph, &diacritic),
            "fancy letter U+{cp:04X} is read by another table"
        );
        homoglyph.insert(cp, l);
    }
    let trad = traditional(data_dir);
    let variant = variant(data_dir, &trad);
    let mut numeral: Vec<(u32, u8)> = NUMERALS.iter().map(|&(c, d)| (c as u32, d)).collect();
    numeral.sort_unstable();

    let (major, minor, patch) = unicode_normalization::UNICODE_VERSION;
    let (gc_major, gc_minor, gc_patch) = unicode_general_category::UNICODE_VERSION;
    let mut s = String::new();
    let w = &mut s;
    let _ = writeln!(
        w,
        "// DO NOT EDIT. Generated by: cargo run --example gen_tables"
    );
    let _ = writeln!(
        w,
        "//! Character tables of the normaliser, generated by `tools/gen_tables.rs` from `data/`."
    );
    let _ = writeln!(w, "//!");
    let _ = writeln!(
        w,
        "//! Every table is sorted by code point, without duplicate keys."
    );
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "/// Unicode version of the normalisation data (compatibility forms, decompositions) used;"
    );
    let _ = writeln!(
        w,
        "/// general categories are from Unicode {gc_major}.{gc_minor}.{gc_patch}."
    );
    let _ = writeln!(
        w,
        "pub(crate) const UNICODE_VERSION: (u8, u8, u8) = ({major}, {minor}, {patch});"
    );
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "/// Character classes (`class::*`) as sorted non-overlapping inclusive ranges"
    );
    let _ = writeln!(
        w,
        "/// `(first, last, class)`; code points not covered are `class::OTHER`."
    );
    let _ = writeln!(w, "#[rustfmt::skip]");
    let _ = writeln!(w, "pub(crate) static CLASSES: &[(u32, u32, u8)] = &[");
    for (a, b, c) in &classes {
        let name = CLASS_NAMES[usize::from(*c)];
        let _ = writeln!(w, "    (0x{a:04X}, 0x{b:04X}, class::{name}),");
    }
    let _ = writeln!(w, "];");
    let _ = writeln!(w);
    let _ = writeln!(w, "/// The character classes of [`CLASSES`].");
    let _ = writeln!(w, "pub(crate) mod class {{");
    let docs = [
        "Anything else, kept as is (other numbers, private use, unassigned).",
        "Letters of scripts written with word spaces.",
        "CJK ideographs and radicals, kana, hangul, bopomofo.",
        "Decimal digits of any script.",
        "Combining marks (variation selectors are `INVISIBLE`).",
        "Spaces and tabs (not line breaks).",
        "Punctuation that is not a `BREAK`.",
        "Symbols that are not `EMOJI`.",
        "Format and control characters, variation selectors, fillers, noncharacters.",
        "Emoji pictographs, skin tones, regional indicators.",
        "Hard boundaries: line breaks and CJK sentence ends.",
    ];
    for (value, (name, doc)) in CLASS_NAMES.iter().zip(docs).enumerate() {
        let _ = writeln!(w, "    /// {doc}");
        let _ = writeln!(w, "    pub(crate) const {name}: u8 = {value};");
    }
    let _ = writeln!(w, "}}");
    let tables: [Table; 6] = [
        Table {
            name: "COMPAT",
            ty: "&str",
            doc: "Compatibility folding: NFKC where it differs, plus circled digits and enclosed capitals NFKC misses.",
            rows: quoted(compat),
        },
        Table {
            name: "DIACRITIC",
            ty: "&str",
            doc: "Latin letters with diacritics, letters like ø ß æ and letters named after an ASCII letter with a hook, stroke or bar (ɓ ƶ) -> ASCII letters.",
            rows: quoted(diacritic),
        },
        Table {
            name: "HOMOGLYPH",
            ty: "u8",
            doc: "Look-alikes from other scripts and styled alphabets (small capitals too) -> one ASCII lowercase letter or digit.",
            rows: homoglyph.iter().map(|(&k, &v)| (k, format!("b'{}'", v as char))).collect(),
        },
        Table {
            name: "TRADITIONAL",
            ty: "u32",
            doc: "Traditional -> simplified Chinese characters (OpenCC, first candidate).",
            rows: trad.iter().map(|(&k, &v)| (k as u32, hex(v))).collect(),
        },
        Table {
            name: "VARIANT",
            ty: "u32",
            doc: "Variant and radical forms -> standard simplified characters.",
            rows: variant.iter().map(|(&k, &v)| (k as u32, hex(v))).collect(),
        },
        Table {
            name: "NUMERAL",
            ty: "u8",
            doc: "Chinese numerals -> digit value.",
            rows: numeral.iter().map(|&(k, v)| (k, v.to_string())).collect(),
        },
    ];
    let flags = flags(data_dir);
    for Table {
        name,
        ty,
        doc,
        rows,
    } in tables
    {
        let _ = writeln!(w);
        let _ = writeln!(w, "/// {doc}");
        let _ = writeln!(w, "#[rustfmt::skip]");
        let _ = writeln!(w, "pub(crate) static {name}: &[(u32, {ty})] = &[");
        for (k, v) in rows {
            let _ = writeln!(w, "    (0x{k:04X}, {v}),");
        }
        let _ = writeln!(w, "];");
    }
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "/// Flag emoji: the pairs of regional indicators of the RGI flag list, each as `26 * first + second`"
    );
    let _ = writeln!(w, "/// with the letters A-Z numbered 0-25, sorted.");
    let _ = writeln!(w, "#[rustfmt::skip]");
    let _ = writeln!(w, "pub(crate) static FLAGS: &[u16] = &[");
    for chunk in flags.chunks(16) {
        let row: Vec<String> = chunk.iter().map(u16::to_string).collect();
        let _ = writeln!(w, "    {},", row.join(", "));
    }
    let _ = writeln!(w, "];");
    s
}

/// The lines of `unicode/emoji-sequences.txt` of one type field (`Basic_Emoji`,
/// `RGI_Emoji_Flag_Sequence`): each line's code point field, and the line.
fn emoji_sequences(data_dir: &Path, kind: &str) -> Vec<(String, String)> {
    let text = read(data_dir, "unicode/emoji-sequences.txt");
    let mut out = Vec::new();
    for line in text.lines() {
        let mut fields = line.split(';');
        if let (Some(points), Some(k)) = (fields.next(), fields.next()) {
            if k.trim() == kind {
                out.push((points.to_string(), line.to_string()));
            }
        }
    }
    out
}

/// The characters that are emoji on their own (`Basic_Emoji` of `unicode/emoji-sequences.txt`,
/// with or without the emoji variation selector after them).
fn basic_emoji(data_dir: &Path) -> BTreeSet<u32> {
    let mut out = BTreeSet::new();
    for (points, line) in emoji_sequences(data_dir, "Basic_Emoji") {
        let hex = |p: &str| u32::from_str_radix(p.trim(), 16).expect("a code point in hex");
        let mut parts = points.split_whitespace();
        let first = parts.next().expect("a code point");
        match (first.split_once(".."), parts.next()) {
            (Some((a, b)), None) => out.extend(hex(a)..=hex(b)),
            (None, None | Some("FE0F")) => {
                out.insert(hex(first));
            }
            _ => panic!("a basic emoji that is not one character: {line}"),
        }
    }
    assert!(out.len() > 1000, "only {} basic emoji", out.len());
    out
}

/// The flag emoji of `unicode/emoji-sequences.txt` (its `RGI_Emoji_Flag_Sequence` lines: two
/// regional indicators each), as `26 * first + second` with A-Z numbered 0-25.
fn flags(data_dir: &Path) -> Vec<u16> {
    const A: u32 = 0x1F1E6;
    let mut out = Vec::new();
    for (points, line) in emoji_sequences(data_dir, "RGI_Emoji_Flag_Sequence") {
        let cps: Vec<u32> = points
            .split_whitespace()
            .map(|p| u32::from_str_radix(p, 16).expect("a code point in hex"))
            .collect();
        match cps[..] {
            [a, b] if (A..A + 26).contains(&a) && (A..A + 26).contains(&b) => {
                out.push(((a - A) * 26 + (b - A)) as u16);
            }
            _ => panic!("a flag that is not two regional indicators: {line}"),
        }
    }
    out.sort_unstable();
    out.dedup();
    assert!(out.len() > 250, "only {} flags", out.len());
    out
}

/// One generated `(u32, V)` table: its name, value type, doc line and rows (key, value literal).
struct Table {
    name: &'static str,
    ty: &'static str,
    doc: &'static str,
    rows: Vec<(u32, String)>,
}

fn quoted(map: BTreeMap<u32, String>) -> Vec<(u32, String)> {
    map.into_iter().map(|(k, v)| (k, quote(&v))).collect()
}

/// A Rust string literal; characters that are not visible by themselves are escaped.
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ if matches!(
                class_of(c as u32),
                LETTER | HAN | DIGIT | PUNCT | SYMBOL | EMOJI
            ) =>
            {
                out.push(c)
            }
            _ => {
                let _ = write!(out, "\\u{{{:X}}}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

fn hex(c: char) -> String {
    format!("0x{:04X}", c as u32)
}

/// Writes `src/normalize/tables.rs`.
#[allow(dead_code)] // the example's entry point; unused where tests include this file as a module
fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = generate(&root.join("data"));
    let out = root.join("src/normalize/tables.rs");
    fs::write(&out, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    println!("wrote {}", out.display());
}
