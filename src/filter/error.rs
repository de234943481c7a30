//! Errors of building and loading filters.

use std::fmt;

use super::pending::LexiconError;
use crate::lexicon::Location;

/// What went wrong while building a [`Filter`](super::Filter).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BuildErrorKind {
    /// A lexicon could not be parsed.
    Lexicon,
    /// A lexicon file could not be read.
    Io,
    /// A term, allow entry or phrase normalises to nothing (it is all junk, such as `★★`).
    EmptyTerm,
    /// A regex rule does not compile, can match the empty string, or a term crosses a hard boundary.
    InvalidPattern,
    /// The regex rules need more memory than the configured size limit.
    SizeLimit,
}

/// The error of [`FilterBuilder::build`](super::FilterBuilder::build) and [`Filter::new`](super::Filter::new).
///
/// `Display` writes `{source}:{line}:{column}: {message}` when the place is known, for example
/// `tenant.lex:3:1: term "★★" normalises to nothing`.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{}", DisplayBuildError(self))]
pub struct BuildError {
    kind: BuildErrorKind,
    location: Option<Location>,
    lexicon: Option<LexiconError>,
    message: String,
}

struct DisplayBuildError<'a>(&'a BuildError);

impl fmt::Display for DisplayBuildError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.0;
        if let Some(lex) = &e.lexicon {
            return write!(f, "{lex}");
        }
        match &e.location {
            Some(loc) => write!(f, "{loc}: {}", e.message),
            None => f.write_str(&e.message),
        }
    }
}

impl BuildError {
    pub(crate) fn new(
        kind: BuildErrorKind,
        location: Option<&Location>,
        message: impl Into<String>,
    ) -> BuildError {
        BuildError {
            kind,
            location: location.cloned(),
            lexicon: None,
            message: message.into(),
        }
    }

    pub(crate) fn from_lexicon(error: LexiconError) -> BuildError {
        let kind = if super::pending::is_io_error(&error) {
            BuildErrorKind::Io
        } else {
            BuildErrorKind::Lexicon
        };
        BuildError {
            kind,
            location: Some(error.location().clone()),
            message: error.to_string(),
            lexicon: Some(error),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> BuildErrorKind {
        self.kind
    }

    /// Where the offending entry was written, when known.
    pub fn location(&self) -> Option<&Location> {
        self.location.as_ref()
    }

    /// The parse error, when the error is a lexicon (or lexicon file) error.
    pub fn lexicon_error(&self) -> Option<&LexiconError> {
        self.lexicon.as_ref()
    }

    /// The message without the location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// What went wrong while loading a saved filter.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LoadErrorKind {
    /// The data does not start with the `JINGWANG` magic bytes.
    BadMagic,
    /// The data was written by a newer format version than this library reads.
    UnsupportedVersion,
    /// The data ends before the header or payload is complete.
    Truncated,
    /// The payload does not match its checksum.
    ChecksumMismatch,
    /// The payload is inconsistent (bad UTF-8, ids out of range, bad counts, patterns that do not compile).
    Corrupt,
}

/// The error of [`Filter::from_bytes`](super::Filter::from_bytes).
#[derive(Clone, Debug, thiserror::Error)]
#[error("{message}")]
pub struct LoadError {
    kind: LoadErrorKind,
    message: String,
}

impl LoadError {
    pub(crate) fn new(kind: LoadErrorKind, message: impl Into<String>) -> LoadError {
        LoadError {
            kind,
            message: message.into(),
        }
    }

    pub(crate) fn corrupt(what: &str) -> LoadError {
        LoadError::new(
            LoadErrorKind::Corrupt,
            format!("corrupt saved filter: {what}"),
        )
    }

    /// What went wrong.
    pub fn kind(&self) -> LoadErrorKind {
        self.kind
    }
}
