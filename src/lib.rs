//! jingwang (净网, "clean net") finds prohibited content in Chinese and English text even when it is
//! disguised, and says exactly where it is.

mod capi;
mod compile;
mod lexicon;
mod normalize;
mod span;

pub use lexicon::{
    AllowEntry, CoRule, Lexicon, LexiconError, LexiconErrorKind, Location, ParseSeverityError,
    RegexRule, Severity, Term, TermOptions, MAX_TERM_CHARS,
};
pub use normalize::{CanonChar, Evasion, NormalizeConfig, Normalized, Normalizer, BREAK};
pub use span::Span;
