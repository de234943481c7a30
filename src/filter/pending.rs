//! Calls into code other modules provide (the lexicon parser, variant expansion), gathered in one place.

use crate::lexicon::Lexicon;
pub(crate) use crate::lexicon::LexiconError;
use std::path::Path;

/// Parses lexicon text.
pub(crate) fn parse_lexicon(text: &str, source: &str) -> Result<Lexicon, LexiconError> {
    Lexicon::parse(text, source)
}

/// Reads and parses a lexicon file.
pub(crate) fn parse_lexicon_file(path: &Path) -> Result<Lexicon, LexiconError> {
    Lexicon::from_file(path)
}

/// Whether a lexicon error is an I/O error.
pub(crate) fn is_io_error(e: &LexiconError) -> bool {
    e.kind() == crate::lexicon::LexiconErrorKind::Io
}

/// The split forms of `c` a filter composes (木仓 for 枪).
pub(crate) fn usable_split_forms(c: char) -> impl Iterator<Item = &'static str> {
    crate::compile::variants::usable_split_forms(c)
}

/// Pinyin spellings of a canonical CJK term, joined and spaced.
pub(crate) fn pinyin_variants(term: &str, limit: usize) -> Vec<String> {
    crate::compile::variants::pinyin_variants(term, limit)
}

/// A canonical CJK term with some of its characters in pinyin (出售qiang支).
pub(crate) fn mixed_pinyin_variants(term: &str) -> Vec<String> {
    crate::compile::variants::mixed_pinyin_variants(term)
}
