//! jingwang (净网, "clean net") finds prohibited content in Chinese and English text even when it is
//! disguised, and says exactly where it is.

mod capi;
mod compile;
mod default_lexicon;
mod filter;
mod lexicon;
mod normalize;
mod span;

pub use default_lexicon::{default_lexicon, DEFAULT_LEXICON_FILES};
pub use filter::{
    BuildError, BuildErrorKind, CategoryId, Filter, FilterBuilder, LoadError, LoadErrorKind, Match,
    MatchKind, Scratch, TermId,
};
pub use lexicon::{
    AllowEntry, CoRule, Lexicon, LexiconError, LexiconErrorKind, Location, ParseSeverityError,
    RegexRule, Severity, Term, TermOptions, MAX_TERM_CHARS,
};
pub use normalize::{
    CanonChar, Evasion, NormalizeConfig, Normalized, Normalizer, BREAK, PAUSE, UNICODE_VERSION,
};
pub use span::Span;
