//! The canonical stream: one table-driven pass from raw text to canonical text plus an origin map.

mod evasion;
pub(crate) mod tables;

pub use evasion::Evasion;

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
    /// Diacritics removed from Latin letters: wéapön → weapon.
    pub diacritics: bool,
    /// Traditional Chinese characters to simplified: 軍火 → 军火.
    pub traditional: bool,
    /// Variant and radical forms of Chinese characters: 鎗 → 枪, ⺡ → 氵.
    pub variants: bool,
    /// Look-alike letters from other scripts and styled alphabets: Cyrillic а → a, 𝐠 → g, ⓖ → g.
    pub homoglyphs: bool,
    /// Leetspeak digits and symbols inside Latin words: w3ap0n → weapon.
    pub leet: bool,
    /// Skip junk (spaces, punctuation, symbols, emoji, invisible characters) between characters.
    pub skip_junk: bool,
    /// Join single Latin letters spaced out by junk: g u n → gun.
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

/// One character of the canonical stream and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CanonChar {
    /// The canonical character.
    pub ch: char,
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

/// The canonical text `break` character: a hard boundary no match may cross.
pub const BREAK: char = '\n';

/// The canonical form of a text together with its origin map. Reusable: [`Normalizer::normalize_into`]
/// clears and refills it without giving back its memory.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    text: String,
    chars: Vec<CanonChar>,
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
        let last = if end == self.text.len() {
            self.chars.len() - 1
        } else {
            self.char_index(end)? - 1
        };
        let mut evasions = Evasion::empty();
        for c in &self.chars[first..=last] {
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
        self.text.capacity() + self.chars.capacity() * std::mem::size_of::<CanonChar>()
    }
}

/// Turns raw text into the canonical stream. Cheap to clone; immutable once built, so one
/// normaliser may serve any number of threads.
#[derive(Clone, Debug)]
pub struct Normalizer {
    config: NormalizeConfig,
}

impl Default for Normalizer {
    fn default() -> Normalizer {
        Normalizer::new(NormalizeConfig::default())
    }
}

impl Normalizer {
    /// A normaliser with the given configuration.
    pub fn new(config: NormalizeConfig) -> Normalizer {
        Normalizer { config }
    }

    /// The configuration this normaliser was built with.
    pub fn config(&self) -> &NormalizeConfig {
        &self.config
    }

    /// Normalises `input` into a new buffer.
    pub fn normalize(&self, input: &str) -> Normalized {
        let mut out = Normalized::new();
        self.normalize_into(input, &mut out);
        out
    }

    /// Normalises `input` into `out`, replacing what it held.
    pub fn normalize_into(&self, input: &str, out: &mut Normalized) {
        out.clear();
        for (i, ch) in input.char_indices() {
            for lc in ch.to_lowercase() {
                out.chars.push(CanonChar {
                    ch: lc,
                    offset: out.text.len() as u32,
                    start: i as u32,
                    end: (i + ch.len_utf8()) as u32,
                    evasions: Evasion::empty(),
                });
                out.text.push(lc);
            }
        }
    }
}
