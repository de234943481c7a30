//! Calls into code other modules provide (the lexicon parser, variant expansion), gathered in one place.
//! Stand-ins until the parser and variant tables are merged.

use crate::lexicon::{Lexicon, Location};
use std::path::Path;

/// Stand-in for the lexicon parser's error.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{location}: {message}")]
pub struct LexiconError {
    location: Location,
    message: String,
}

impl LexiconError {
    /// Where it happened.
    pub fn location(&self) -> &Location {
        &self.location
    }
}

/// Parses lexicon text.
pub(crate) fn parse_lexicon(_text: &str, source: &str) -> Result<Lexicon, LexiconError> {
    Err(LexiconError {
        location: Location {
            source: source.into(),
            line: 0,
            column: 0,
        },
        message: "lexicon parsing is not available".into(),
    })
}

/// Reads and parses a lexicon file.
pub(crate) fn parse_lexicon_file(path: &Path) -> Result<Lexicon, LexiconError> {
    let text = std::fs::read_to_string(path).map_err(|e| LexiconError {
        location: Location {
            source: path.display().to_string().into(),
            line: 0,
            column: 0,
        },
        message: e.to_string(),
    })?;
    parse_lexicon(&text, &path.display().to_string())
}

/// Whether a lexicon error is an I/O error.
pub(crate) fn is_io_error(e: &LexiconError) -> bool {
    e.location.line == 0
}

/// Split-character variants of a canonical CJK term (木仓 for 枪).
pub(crate) fn split_variants(_term: &str, _limit: usize) -> Vec<String> {
    Vec::new()
}

/// Pinyin spellings of a canonical CJK term, joined and spaced.
pub(crate) fn pinyin_variants(_term: &str, _limit: usize) -> Vec<String> {
    Vec::new()
}
