//! Composes the generated tables with a [`NormalizeConfig`] into one lookup per character.

use std::sync::{Arc, OnceLock};

use super::tables::{self, class};
use super::{Evasion, NormalizeConfig};

/// What one (mapped) character is to the stream machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Kind {
    /// A letter of a script that separates words with spaces (Latin after folding, Cyrillic, …).
    Letter,
    /// An ASCII digit.
    Digit,
    /// A leetspeak symbol (`@ $ ! | €`): a letter inside a Latin word, junk elsewhere.
    Leet,
    /// A CJK character (Han, kana, hangul) or anything else kept as is without word spacing.
    Han,
    /// A Chinese numeral (value in `Entry::extra`), a digit inside a number.
    Numeral,
    /// Junk between characters: spaces, punctuation, symbols.
    Junk,
    /// Emoji and their modifiers.
    Emoji,
    /// Invisible characters (zero-width, bidi controls, variation selectors) and combining marks.
    Invisible,
    /// A line break: always a hard boundary.
    HardBreak,
    /// A sentence end (。！？；): a hard boundary, except between two Latin words or numbers (www。a。com).
    SoftBreak,
    /// Prose pause punctuation (，、quotes, brackets): kept as [`PAUSE`](super::PAUSE) between Chinese
    /// words so no term joins across it, while rules may still look past it; junk between Latin words.
    Pause,
    /// The entry expands to several entries (`Entry::out` indexes `Table::multi`, `extra` is the count).
    Multi,
}

/// One table entry: eight bytes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    /// The mapped character (or the first index into `Table::multi` for `Kind::Multi`).
    pub(crate) out: u32,
    pub(crate) kind: Kind,
    /// Numeral value, or the length of a multi expansion.
    pub(crate) extra: u8,
    /// `Evasion` bits of the folding that produced `out`.
    pub(crate) flags: u16,
}

impl Entry {
    pub(crate) fn ch(&self) -> char {
        char::from_u32(self.out).unwrap_or('\u{FFFD}')
    }
    pub(crate) fn evasions(&self) -> Evasion {
        Evasion::from_bits_truncate(u32::from(self.flags))
    }
}

/// The composed lookup for one configuration.
#[derive(Debug)]
pub(crate) struct Table {
    config: NormalizeConfig,
    bmp: Box<[Entry]>,
    /// Entries of the astral blocks common in real text (emoji, symbols, mathematical
    /// alphanumerics), so they skip the binary searches of [`Table::expand`].
    astral: Box<[Entry]>,
    multi: Vec<Entry>,
    /// What each byte of UTF-8 text is to the ASCII fast path of the stream machine.
    bytes: [ByteClass; 256],
    /// How runs of plain ASCII words fold, when the stream machine may copy them in bulk.
    ascii_words: AsciiWords,
    /// The evasion flags of each ASCII letter in such a copy (a space, a word boundary, has none).
    ascii_flags: [Evasion; 256],
}

/// How the ASCII letters of a configuration fold, for the bulk copy of plain words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AsciiWords {
    /// Every letter maps to its lower case, and a space is junk that ends a token.
    Lowercase,
    /// Every letter maps to itself, and a space is junk that ends a token.
    Unchanged,
    /// Neither: words go one by one.
    NoBulk,
}

/// What one byte of UTF-8 text is to the ASCII word loop of the stream machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ByteClass {
    /// An ASCII letter that folds to an ASCII letter.
    Letter,
    /// An ASCII leetspeak symbol (`@ $ ! |` when leetspeak is on).
    Leet,
    /// An ASCII character that ends a Latin token (not a letter, digit, leetspeak symbol or
    /// invisible character).
    EndsToken,
    /// Anything else, including every byte of a non-ASCII character.
    Other,
}

/// The astral ranges held in `Table::astral`, as (first, one past the last) code points.
const ASTRAL_RANGES: [(u32, u32); 2] = [(0x1D400, 0x1D800), (0x1F000, 0x1FB00)];

const MAX_EXPANSION: usize = 32;

/// A small fixed buffer for the expansion of one character (never allocates).
pub(crate) struct Expansion {
    items: [Entry; MAX_EXPANSION],
    len: usize,
}

impl Expansion {
    fn new() -> Expansion {
        Expansion {
            items: [Entry {
                out: 0,
                kind: Kind::Invisible,
                extra: 0,
                flags: 0,
            }; MAX_EXPANSION],
            len: 0,
        }
    }
    fn push(&mut self, e: Entry) {
        if self.len < MAX_EXPANSION {
            self.items[self.len] = e;
            self.len += 1;
        }
    }
    pub(crate) fn as_slice(&self) -> &[Entry] {
        &self.items[..self.len]
    }
}

/// Whether the ASCII letters of a composed table all fold to lower case or all stay, with a space
/// that is junk ending a token: then a run of plain words can be copied and folded in bulk.
fn ascii_words(bmp: &[Entry], bytes: &[ByteClass; 256]) -> AsciiWords {
    let space = bmp[usize::from(b' ')];
    if space.kind != Kind::Junk || bytes[usize::from(b' ')] != ByteClass::EndsToken {
        return AsciiWords::NoBulk;
    }
    let letters = || (0u8..0x80).filter(|&b| bytes[usize::from(b)] == ByteClass::Letter);
    // The bulk copy finds words eight bytes at a time, by the letters' code points.
    if !(0u8..0x80).all(|b| (bytes[usize::from(b)] == ByteClass::Letter) == b.is_ascii_alphabetic())
    {
        return AsciiWords::NoBulk;
    }
    if letters().all(|b| bmp[usize::from(b)].out == u32::from(b.to_ascii_lowercase())) {
        AsciiWords::Lowercase
    } else if letters().all(|b| bmp[usize::from(b)].out == u32::from(b)) {
        AsciiWords::Unchanged
    } else {
        AsciiWords::NoBulk
    }
}

fn lookup<T: Copy>(table: &[(u32, T)], cp: u32) -> Option<T> {
    table
        .binary_search_by_key(&cp, |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

fn class_of(cp: u32) -> u8 {
    let i = tables::CLASSES.partition_point(|&(first, _, _)| first <= cp);
    if i == 0 {
        return class::OTHER;
    }
    let (first, last, c) = tables::CLASSES[i - 1];
    if first <= cp && cp <= last {
        c
    } else {
        class::OTHER
    }
}

/// REGIONAL INDICATOR SYMBOL LETTER A; the 26 letters follow it.
const REGIONAL_A: u32 = 0x1F1E6;

/// Whether `cp` is a regional indicator (🇦 to 🇿): a letter alone, half of a flag in a pair.
pub(crate) fn is_regional_indicator(cp: u32) -> bool {
    (REGIONAL_A..REGIONAL_A + 26).contains(&cp)
}

fn is_leet_symbol(c: char) -> bool {
    matches!(c, '@' | '$' | '!' | '|' | '€')
}

/// The digit a letter stands for in a number written partly with letters (o is 0; l and i are 1).
pub(crate) fn digit_lookalike(c: char) -> Option<char> {
    match c {
        'o' => Some('0'),
        'l' | 'i' => Some('1'),
        _ => None,
    }
}

/// Whether a Latin token (its canonical characters) is a number written partly with letters that
/// look like digits (l38OOl38OOO for 13800138000): seven characters or more, only digits and the
/// letters of [`digit_lookalike`], at least two digits from 2 to 9 (lolololo and l0l0l0l0 are not
/// numbers), and such letters between two digits somewhere (oil2023 is a word and a year).
pub(crate) fn is_disguised_number(token: impl Iterator<Item = char>) -> bool {
    let (mut len, mut high_digits, mut between) = (0, 0, false);
    // Whether the previous character is a digit, and whether the current run of letters began
    // right after one.
    let (mut prev_digit, mut run_after_digit) = (false, false);
    for c in token {
        len += 1;
        if c.is_ascii_digit() {
            high_digits += usize::from(c >= '2');
            between |= run_after_digit;
            (prev_digit, run_after_digit) = (true, false);
        } else if digit_lookalike(c).is_some() {
            run_after_digit |= prev_digit;
            prev_digit = false;
        } else {
            return false;
        }
    }
    len >= 7 && high_digits >= 2 && between
}

/// Whether `s` is one letter, not an ASCII one.
fn is_other_letter(s: &str) -> bool {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => !c.is_ascii() && class_of(c as u32) == class::LETTER,
        _ => false,
    }
}

/// The letter a symbol that looks like one stands for (× is x, © is c, ∣ is l), from the
/// look-alikes table: with leetspeak on, such a symbol is a letter only inside a Latin word, as
/// leetspeak symbols are, and junk anywhere else (军×火 is 军火).
pub(crate) fn symbol_letter(c: char) -> Option<char> {
    if c.is_ascii() || class_of(c as u32) != class::SYMBOL {
        return None;
    }
    // Only letters: a symbol that looks like a digit (𝈆 is 3) is that digit, which leetspeak may
    // read as a letter in turn.
    lookup(tables::HOMOGLYPH, c as u32)
        .filter(u8::is_ascii_lowercase)
        .map(char::from)
}

/// Pause punctuation of ordinary Chinese prose (，、quotes and brackets, ……, and the ASCII ,;()[]"
/// typed in their place; colons stay junk, since "微信：abc" labels a contact): a
/// boundary between Chinese words, not junk inside one, so 说，出 is not 说出. Between Latin words or
/// numbers it is still only a separator. Evaders use ASCII and symbol junk, which stays junk.
fn is_cjk_pause(c: char) -> bool {
    matches!(
        c,
        '，' | '、'
            | ','
            | ';'
            | '('
            | ')'
            | '['
            | ']'
            | '"'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '「'
            | '」'
            | '『'
            | '』'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '【'
            | '】'
            | '（'
            | '）'
            | '…'
            | '⋯'
            | '﹐'
            | '﹑'
    )
}

fn is_hard_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

impl Table {
    /// The table for `config`; the default configuration's table is built once per process.
    pub(crate) fn get(config: &NormalizeConfig) -> Arc<Table> {
        static DEFAULT: OnceLock<Arc<Table>> = OnceLock::new();
        if *config == NormalizeConfig::default() {
            return DEFAULT
                .get_or_init(|| Arc::new(Table::build(NormalizeConfig::default())))
                .clone();
        }
        Arc::new(Table::build(config.clone()))
    }

    fn build(config: NormalizeConfig) -> Table {
        let mut table = Table {
            config,
            bmp: Vec::new().into_boxed_slice(),
            astral: Vec::new().into_boxed_slice(),
            multi: Vec::new(),
            bytes: [ByteClass::Other; 256],
            ascii_words: AsciiWords::NoBulk,
            ascii_flags: [Evasion::empty(); 256],
        };
        let mut bmp = Vec::with_capacity(0x10000);
        for cp in 0..0x10000u32 {
            let entry = table.compose(cp);
            bmp.push(entry);
        }
        let mut astral = Vec::new();
        for (first, end) in ASTRAL_RANGES {
            for cp in first..end {
                let entry = table.compose(cp);
                astral.push(entry);
            }
        }
        for (b, class) in table.bytes.iter_mut().enumerate().take(0x80) {
            let e = bmp[b];
            *class = match e.kind {
                Kind::Letter if e.out < 0x80 => ByteClass::Letter,
                Kind::Leet => ByteClass::Leet,
                Kind::Letter | Kind::Digit | Kind::Invisible | Kind::Multi => ByteClass::Other,
                _ => ByteClass::EndsToken,
            };
        }
        table.ascii_words = ascii_words(&bmp, &table.bytes);
        for (b, flags) in table.ascii_flags.iter_mut().enumerate() {
            if table.bytes[b] == ByteClass::Letter {
                *flags = bmp[b].evasions();
            }
        }
        table.bmp = bmp.into_boxed_slice();
        table.astral = astral.into_boxed_slice();
        table
    }

    /// The entry of one code point; expansions to several entries go to `multi`.
    fn compose(&mut self, cp: u32) -> Entry {
        let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
        let exp = self.expand(c);
        let items = exp.as_slice();
        if items.len() == 1 {
            items[0]
        } else {
            let start = self.multi.len() as u32;
            self.multi.extend_from_slice(items);
            Entry {
                out: start,
                kind: Kind::Multi,
                extra: items.len() as u8,
                flags: 0,
            }
        }
    }

    /// How plain ASCII words fold (whether the stream machine may copy them in bulk).
    #[inline]
    pub(crate) fn ascii_words(&self) -> AsciiWords {
        self.ascii_words
    }

    /// The evasion flags of ASCII byte `b` copied with plain words: its own for a letter, none
    /// for a space.
    #[inline]
    pub(crate) fn ascii_flags(&self, b: u8) -> Evasion {
        self.ascii_flags[usize::from(b)]
    }

    /// What byte `b` of UTF-8 text is to the ASCII word loop.
    #[inline]
    pub(crate) fn byte_class(&self, b: u8) -> ByteClass {
        self.bytes[usize::from(b)]
    }

    /// The entry of a code point below U+10000.
    #[inline]
    pub(crate) fn bmp(&self, cp: u32) -> Entry {
        self.bmp[cp as usize & 0xFFFF]
    }

    /// The entries a `Kind::Multi` entry stands for.
    #[inline]
    pub(crate) fn multi(&self, e: Entry) -> &[Entry] {
        let start = e.out as usize;
        self.multi
            .get(start..start + usize::from(e.extra))
            .unwrap_or(&[])
    }

    /// The single precomputed entry of a code point (BMP or a held astral block); `None` for
    /// other astral code points.
    #[inline]
    pub(crate) fn entry(&self, cp: u32) -> Option<Entry> {
        if cp < 0x10000 {
            Some(self.bmp(cp))
        } else {
            self.astral(cp)
        }
    }

    /// The precomputed entry of an astral code point, if its block is held.
    #[inline]
    fn astral(&self, cp: u32) -> Option<Entry> {
        let mut base = 0;
        for (first, end) in ASTRAL_RANGES {
            if first <= cp && cp < end {
                return self.astral.get(base + (cp - first) as usize).copied();
            }
            base += (end - first) as usize;
        }
        None
    }

    /// Calls `f` for each entry `c` becomes. Allocation-free.
    #[inline]
    pub(crate) fn for_each(&self, c: char, mut f: impl FnMut(Entry)) {
        let cp = c as u32;
        if cp < 0x10000 {
            let e = self.bmp[cp as usize];
            if e.kind == Kind::Multi {
                let start = e.out as usize;
                for &m in &self.multi[start..start + usize::from(e.extra)] {
                    f(m);
                }
            } else {
                f(e);
            }
        } else if let Some(e) = self.astral(cp) {
            if e.kind == Kind::Multi {
                for &m in self.multi(e) {
                    f(m);
                }
            } else {
                f(e);
            }
        } else {
            let exp = self.expand(c);
            for &m in exp.as_slice() {
                f(m);
            }
        }
    }

    /// The full folding of one character, slow path (binary searches).
    fn expand(&self, c: char) -> Expansion {
        let cfg = &self.config;
        let cp = c as u32;
        let mut out = Expansion::new();
        let mut flags = Evasion::empty();
        // Step 1: compatibility forms.
        let mut buf = [0u8; 4];
        // Sentence ends keep their meaning even where NFKC would fold them (！ → !).
        let compat: &str = if cfg.width && class_of(cp) != class::BREAK && !is_cjk_pause(c) {
            match lookup(tables::COMPAT, cp) {
                // A look-alike whose compatibility form is another letter, not an ASCII one,
                // reads as what it looks like: Ϲ (lunate sigma, Σ by NFKC) is c.
                Some(s)
                    if cfg.homoglyphs
                        && lookup(tables::HOMOGLYPH, cp).is_some()
                        && is_other_letter(s) =>
                {
                    self.fold(c, flags, &mut out);
                    return out;
                }
                Some(s) => {
                    let single_ascii_letter = s.len() == 1 && s.as_bytes()[0].is_ascii_alphabetic();
                    if (0xFF00..=0xFFEF).contains(&cp) || !single_ascii_letter {
                        flags |= Evasion::FULLWIDTH;
                    } else {
                        flags |= Evasion::HOMOGLYPH;
                    }
                    s
                }
                None => c.encode_utf8(&mut buf),
            }
        } else {
            c.encode_utf8(&mut buf)
        };
        for d in compat.chars() {
            self.fold(d, flags, &mut out);
        }
        out
    }

    /// Folds one character that is already past the compatibility step.
    fn fold(&self, d: char, mut flags: Evasion, out: &mut Expansion) {
        let cfg = &self.config;
        let cp = d as u32;
        // With width folding off, forms that are compatibility variants (ｇ) stay as they are.
        let homoglyph_allowed = cfg.width || lookup(tables::COMPAT, cp).is_none();
        if cfg.homoglyphs && !d.is_ascii() && homoglyph_allowed {
            if let Some(b) = lookup(tables::HOMOGLYPH, cp) {
                // A symbol that looks like a letter goes on as a leetspeak symbol (see
                // `symbol_letter`).
                if !(cfg.leet && symbol_letter(d).is_some()) {
                    flags |= Evasion::HOMOGLYPH;
                    self.classify(char::from(b), flags, out);
                    return;
                }
            }
        }
        if cfg.diacritics && !d.is_ascii() {
            if let Some(s) = lookup(tables::DIACRITIC, cp) {
                flags |= Evasion::DIACRITIC;
                for e in s.chars() {
                    self.case_then_classify(e, flags, out);
                }
                return;
            }
        }
        self.case_then_classify(d, flags, out);
    }

    fn case_then_classify(&self, d: char, flags: Evasion, out: &mut Expansion) {
        if self.config.case && d.is_uppercase() {
            let mut lower = d.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => self.fold_lower(l, flags | Evasion::CASE, out),
                _ => {
                    for l in d.to_lowercase() {
                        self.classify(l, flags | Evasion::CASE, out);
                    }
                }
            }
            return;
        }
        self.classify(d, flags, out);
    }

    /// Homoglyph and diacritic folding of a character that is already lower case.
    fn fold_lower(&self, l: char, flags: Evasion, out: &mut Expansion) {
        if l.is_ascii() {
            self.classify(l, flags, out);
            return;
        }
        if self.config.homoglyphs {
            if let Some(b) = lookup(tables::HOMOGLYPH, l as u32) {
                self.classify(char::from(b), flags | Evasion::HOMOGLYPH, out);
                return;
            }
        }
        if self.config.diacritics {
            if let Some(s) = lookup(tables::DIACRITIC, l as u32) {
                for e in s.chars() {
                    self.classify(e, flags | Evasion::DIACRITIC, out);
                }
                return;
            }
        }
        self.classify(l, flags, out);
    }

    /// Decides the stream kind of a folded character (and does the Chinese foldings).
    fn classify(&self, d: char, mut flags: Evasion, out: &mut Expansion) {
        let cfg = &self.config;
        let mut ch = d;
        let entry = |ch: char, kind: Kind, extra: u8, flags: Evasion| Entry {
            out: ch as u32,
            kind,
            extra,
            flags: flags.bits() as u16,
        };
        if d.is_ascii() {
            let kind = match d {
                'a'..='z' | 'A'..='Z' => Kind::Letter,
                '0'..='9' => Kind::Digit,
                c if cfg.leet && is_leet_symbol(c) => Kind::Leet,
                c if is_hard_break(c) => Kind::HardBreak,
                c if cfg.skip_junk && is_cjk_pause(c) => Kind::Pause,
                c if c.is_ascii_control() => {
                    flags |= Evasion::INVISIBLE;
                    Kind::Invisible
                }
                _ => {
                    flags |= Evasion::SEPARATOR;
                    Kind::Junk
                }
            };
            out.push(entry(d, self.junk_or_kept(kind), 0, flags));
            return;
        }
        if cfg.leet && (is_leet_symbol(d) || (cfg.homoglyphs && symbol_letter(d).is_some())) {
            out.push(entry(d, Kind::Leet, 0, flags));
            return;
        }
        let c = class_of(d as u32);
        let kind = match c {
            class::LETTER => Kind::Letter,
            class::DIGIT => Kind::Letter,
            class::HAN => {
                if cfg.variants {
                    if let Some(v) = lookup(tables::VARIANT, ch as u32) {
                        ch = char::from_u32(v).unwrap_or(ch);
                        flags |= Evasion::VARIANT;
                    }
                }
                if cfg.traditional {
                    if let Some(v) = lookup(tables::TRADITIONAL, ch as u32) {
                        ch = char::from_u32(v).unwrap_or(ch);
                        flags |= Evasion::TRADITIONAL;
                    }
                }
                if cfg.numerals {
                    if let Some(v) = lookup(tables::NUMERAL, ch as u32) {
                        out.push(entry(ch, Kind::Numeral, v, flags));
                        return;
                    }
                }
                Kind::Han
            }
            class::MARK if !cfg.diacritics => Kind::Letter,
            class::MARK => {
                flags |= Evasion::DIACRITIC;
                Kind::Invisible
            }
            class::INVISIBLE => {
                flags |= Evasion::INVISIBLE;
                Kind::Invisible
            }
            class::PUNCT if cfg.skip_junk && is_cjk_pause(d) => Kind::Pause,
            class::SPACE | class::PUNCT | class::SYMBOL => {
                flags |= Evasion::SEPARATOR;
                Kind::Junk
            }
            class::EMOJI => {
                flags |= Evasion::EMOJI;
                Kind::Emoji
            }
            class::BREAK => {
                if is_hard_break(d) {
                    Kind::HardBreak
                } else {
                    Kind::SoftBreak
                }
            }
            _ => Kind::Han,
        };
        out.push(entry(ch, self.junk_or_kept(kind), 0, flags));
    }

    /// With junk skipping off, junk is kept verbatim (as a character without word spacing).
    fn junk_or_kept(&self, kind: Kind) -> Kind {
        if !self.config.skip_junk && matches!(kind, Kind::Junk | Kind::Emoji | Kind::Invisible) {
            Kind::Han
        } else {
            kind
        }
    }

    /// Whether the regional indicators `a` and `b` (code points) are a flag emoji (🇨🇳), which is
    /// junk like any emoji, rather than the letters they stand for: a pair of the RGI flag list,
    /// with width folding (which reads regional indicators as letters) and junk skipping on.
    pub(crate) fn is_flag(&self, a: u32, b: u32) -> bool {
        self.config.width
            && self.config.skip_junk
            && is_regional_indicator(a)
            && is_regional_indicator(b)
            && tables::FLAGS
                .binary_search(&(((a - REGIONAL_A) * 26 + (b - REGIONAL_A)) as u16))
                .is_ok()
    }

    /// The entry of a flag emoji (see [`Table::is_flag`]): an emoji.
    pub(crate) fn flag_entry(&self) -> Entry {
        Entry {
            out: 0x1F3F4,
            kind: Kind::Emoji,
            extra: 0,
            flags: Evasion::EMOJI.bits() as u16,
        }
    }

    pub(crate) fn config(&self) -> &NormalizeConfig {
        &self.config
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        (self.bmp.len() + self.astral.len()) * std::mem::size_of::<Entry>()
            + self.multi.capacity() * std::mem::size_of::<Entry>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(table: &Table, c: char) -> Vec<(u32, Kind, u8, u16)> {
        let mut out = Vec::new();
        table.for_each(c, |e| out.push((e.out, e.kind, e.extra, e.flags)));
        out
    }

    #[test]
    fn precomputed_entries_equal_the_slow_expansion() {
        let configs = [
            NormalizeConfig::default(),
            NormalizeConfig {
                width: false,
                homoglyphs: false,
                ..NormalizeConfig::default()
            },
            NormalizeConfig {
                skip_junk: false,
                case: false,
                ..NormalizeConfig::default()
            },
        ];
        for config in configs {
            let table = Table::build(config);
            let ranges = [(0, 0x10000), (0x1D000, 0x1E000), (0x1EF00, 0x20010)];
            for (first, end) in ranges {
                for cp in first..end {
                    let Some(c) = char::from_u32(cp) else {
                        continue;
                    };
                    let slow: Vec<_> = table
                        .expand(c)
                        .as_slice()
                        .iter()
                        .map(|e| (e.out, e.kind, e.extra, e.flags))
                        .collect();
                    assert_eq!(entries(&table, c), slow, "U+{cp:04X}");
                }
            }
        }
    }

    #[test]
    fn table_build_is_fast() {
        let t = std::time::Instant::now();
        let table = Table::build(NormalizeConfig::default());
        let elapsed = t.elapsed();
        assert!(table.heap_bytes() > 0x10000);
        // Generous for a debug build on a busy machine; the release build takes a few milliseconds.
        assert!(elapsed.as_millis() < 2000, "table build took {elapsed:?}");
    }
}
