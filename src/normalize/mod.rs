//! The canonical stream: one table-driven pass from raw text to canonical text plus an origin map.

mod compose;
mod evasion;
#[cfg(test)]
mod reference;
mod stream;
pub(crate) mod tables;

use std::sync::Arc;

pub use evasion::Evasion;
pub(crate) use stream::decode3;

use crate::span::Span;

/// Which disguises the [`Normalizer`] undoes. Every class is on by default.
///
/// ```
/// use jingwang::{NormalizeConfig, Normalizer};
/// let mut config = NormalizeConfig::default();
/// config.leet = false;
/// let n = Normalizer::new(config);
/// assert_eq!(n.normalize("W3AP0N").text(), "w3ap0n");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct NormalizeConfig {
    /// Full-width and compatibility forms (NFKC): ＧＵＮ → gun, ① → 1, ㈠ → 一.
    pub width: bool,
    /// Case folding: GuN → gun.
    pub case: bool,
    /// Diacritics removed from Latin letters: wéapön → weapon; also a hook, stroke or bar drawn into
    /// a letter: ɓ → b, ƶ → z.
    pub diacritics: bool,
    /// Traditional Chinese characters to simplified: 軍火 → 军火.
    pub traditional: bool,
    /// Variant and radical forms of Chinese characters: 鎗 → 枪, ⺡ → 氵.
    pub variants: bool,
    /// Look-alike letters from other scripts and styled alphabets: Cyrillic а → a, 𝐠 → g, ⓖ → g,
    /// small capital ɢ → g.
    pub homoglyphs: bool,
    /// Leetspeak digits and symbols inside Latin words: w3ap0n → weapon. With `homoglyphs`, symbols
    /// that look like letters are such symbols too: e×plosive → explosive, but 军×火 → 军火. And the
    /// other way round, in a number: l38OOl38OOO → 13800138000.
    pub leet: bool,
    /// Skip junk (spaces, punctuation, symbols, emoji, invisible characters) between characters.
    pub skip_junk: bool,
    /// Join single Latin letters spaced out by junk: g u n → gun; a wider gap than the one
    /// between the first two letters sets words apart (g u n s  f o r → guns for).
    pub join_spaced: bool,
    /// Chinese and styled numerals inside numbers become digits: 壹叁捌 → 138.
    pub numerals: bool,
    /// Collapse runs of one repeated letter or Chinese character: weeeapon → weapon.
    pub collapse_repeats: bool,
    /// The most skipped characters that may stand between two kept ones before they are treated as
    /// separated by a hard boundary (so distant characters never join into a match).
    pub max_gap: usize,
}

impl Default for NormalizeConfig {
    fn default() -> NormalizeConfig {
        NormalizeConfig {
            width: true,
            case: true,
            diacritics: true,
            traditional: true,
            variants: true,
            homoglyphs: true,
            leet: true,
            skip_junk: true,
            join_spaced: true,
            numerals: true,
            collapse_repeats: true,
            max_gap: 8,
        }
    }
}

/// Where one character of the canonical stream came from. The character itself is in
/// [`Normalized::text`] at `offset` ([`Normalized::iter`] pairs them): 16 bytes per character, as the
/// origin map of a long text is the normaliser's largest output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CanonChar {
    /// Its byte offset in [`Normalized::text`].
    pub offset: u32,
    /// The first byte of the original character(s) it came from.
    pub start: u32,
    /// One past the last byte of the original character(s) it came from.
    pub end: u32,
    /// What was undone to produce it.
    pub evasions: Evasion,
}

impl CanonChar {
    /// The original bytes this character came from.
    pub fn origin(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// Flags that describe skipped junk before a character rather than the character itself.
const GAP_FLAGS: Evasion = Evasion::SEPARATOR
    .union(Evasion::INVISIBLE)
    .union(Evasion::EMOJI)
    .union(Evasion::SPACED);

/// The canonical pause mark: prose punctuation (，、, quotes, brackets) between two Chinese words.
/// Terms do not match across it (说，出 is not 说出); regex rules and co-occurrence windows see past it.
pub const PAUSE: char = '，';

/// The Unicode version of the character data the normaliser was generated from (NFKC mappings).
pub const UNICODE_VERSION: (u8, u8, u8) = tables::UNICODE_VERSION;

/// The canonical text `break` character: a hard boundary no match may cross.
pub const BREAK: char = '\n';

/// The canonical form of a text together with its origin map. Reusable: [`Normalizer::normalize_into`]
/// clears and refills it without giving back its memory.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    text: String,
    chars: Vec<CanonChar>,
    work: stream::Work,
}

impl Normalized {
    /// An empty buffer.
    pub fn new() -> Normalized {
        Normalized::default()
    }

    /// The canonical text. Hard boundaries appear as [`BREAK`].
    pub fn text(&self) -> &str {
        &self.text
    }

    /// One entry per character of [`Normalized::text`], in order.
    pub fn chars(&self) -> &[CanonChar] {
        &self.chars
    }

    /// Each canonical character with its entry of [`Normalized::chars`].
    ///
    /// ```
    /// let n = jingwang::Normalizer::default();
    /// let out = n.normalize("Ｇ u n");
    /// let first = out.iter().next().unwrap();
    /// assert_eq!(first.0, 'g');
    /// assert_eq!(first.1.origin().range(), 0..3);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (char, &CanonChar)> + '_ {
        self.text.chars().zip(self.chars.iter())
    }

    /// Empties the buffer, keeping its memory.
    pub fn clear(&mut self) {
        self.text.clear();
        self.chars.clear();
    }

    /// The index in [`Normalized::chars`] of the character starting at canonical byte `offset`.
    pub fn char_index(&self, offset: usize) -> Option<usize> {
        self.chars
            .binary_search_by_key(&offset, |c| c.offset as usize)
            .ok()
    }

    /// The original span and the evasions of the canonical byte range `start..end` (char boundaries
    /// of [`Normalized::text`]). `None` when the range is empty or not on char boundaries.
    pub fn origin(&self, start: usize, end: usize) -> Option<(Span, Evasion)> {
        if start >= end {
            return None;
        }
        let first = self.char_index(start)?;
        let next = if end == self.text.len() {
            self.chars.len()
        } else {
            self.char_index(end)?
        };
        self.origin_of_chars(first, next)
    }

    /// [`Normalized::origin`] of the characters `first..next` (indices into [`Normalized::chars`]).
    /// `None` when the range is empty or out of bounds.
    pub(crate) fn origin_of_chars(&self, first: usize, next: usize) -> Option<(Span, Evasion)> {
        if first >= next || next > self.chars.len() {
            return None;
        }
        let last = next - 1;
        // Gap flags on the first character describe junk before the range, not inside it.
        let mut evasions =
            Evasion::from_bits_truncate(self.chars[first].evasions.bits() & !GAP_FLAGS.bits());
        for c in &self.chars[first + 1..=last] {
            evasions |= c.evasions;
        }
        let span = Span::new(
            self.chars[first].start as usize,
            self.chars[last].end as usize,
        );
        Some((span, evasions))
    }

    /// The heap memory held, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.chars.capacity() * std::mem::size_of::<CanonChar>()
            + self.work.heap_bytes()
    }
}

/// Turns raw text into the canonical stream. Cheap to clone (the composed lookup table is shared);
/// immutable once built, so one normaliser may serve any number of threads.
///
/// ```
/// use jingwang::Normalizer;
/// let n = Normalizer::default();
/// assert_eq!(n.normalize("軍 火").text(), "军火");
/// assert_eq!(n.normalize("ＧｕＮ").text(), "gun");
/// let out = n.normalize("买 w3ap0n");
/// let (span, evasions) = out.origin(out.text().find('w').unwrap(), out.text().len()).unwrap();
/// assert_eq!(&"买 w3ap0n"[span.range()], "w3ap0n");
/// assert!(evasions.contains(jingwang::Evasion::LEET));
/// ```
#[derive(Clone, Debug)]
pub struct Normalizer {
    table: Arc<compose::Table>,
}

impl Default for Normalizer {
    fn default() -> Normalizer {
        Normalizer::new(NormalizeConfig::default())
    }
}

impl Normalizer {
    /// A normaliser with the given configuration. Building the lookup takes about a millisecond;
    /// the default configuration's is built once per process and shared.
    pub fn new(config: NormalizeConfig) -> Normalizer {
        Normalizer {
            table: compose::Table::get(&config),
        }
    }

    /// The configuration this normaliser was built with.
    pub fn config(&self) -> &NormalizeConfig {
        self.table.config()
    }

    /// Normalises `input` into a new buffer.
    pub fn normalize(&self, input: &str) -> Normalized {
        let mut out = Normalized::new();
        self.normalize_into(input, &mut out);
        out
    }

    /// Normalises `input` into `out`, replacing what it held. Allocation-free once `out` has grown
    /// to the size of the input.
    ///
    /// # Panics
    ///
    /// Never for valid `&str` input; inputs of 4 GiB or more are not supported (offsets are `u32`)
    /// and panic.
    pub fn normalize_into(&self, input: &str, out: &mut Normalized) {
        assert!(
            input.len() < u32::MAX as usize,
            "jingwang normalises at most 4 GiB at once"
        );
        out.clear();
        let Normalized { text, chars, work } = out;
        stream::Machine::new(self.table.config(), text, chars, work).run(&self.table, input);
    }

    /// The canonical text of `input` into `out`, without the origin map: `out.text()` is exactly what
    /// [`Normalizer::normalize_into`] gives, and `out.chars()` is left empty (so
    /// [`Normalized::origin`] answers `None`). Cheaper, because no entry is written per character:
    /// for callers that only need the text, such as [`crate::Filter::is_match`] on text that turns
    /// out clean.
    ///
    /// ```
    /// let n = jingwang::Normalizer::default();
    /// let mut out = jingwang::Normalized::new();
    /// n.normalize_text_into("軍 火 Ｗ3ａｐ0ｎ", &mut out);
    /// assert_eq!(out.text(), "军火weapon");
    /// assert!(out.chars().is_empty());
    /// ```
    ///
    /// # Panics
    ///
    /// As [`Normalizer::normalize_into`]: only for inputs of 4 GiB or more.
    pub fn normalize_text_into(&self, input: &str, out: &mut Normalized) {
        assert!(
            input.len() < u32::MAX as usize,
            "jingwang normalises at most 4 GiB at once"
        );
        out.clear();
        let Normalized { text, work, .. } = out;
        stream::Machine::new(self.table.config(), text, &mut stream::NoOrigins, work)
            .run(&self.table, input);
    }

    /// The canonical text of `input` alone.
    pub fn normalize_to_string(&self, input: &str) -> String {
        let mut out = Normalized::new();
        self.normalize_text_into(input, &mut out);
        out.text
    }

    /// The heap memory of the lookup table, in bytes (shared between clones).
    pub fn heap_bytes(&self) -> usize {
        self.table.heap_bytes()
    }
}
