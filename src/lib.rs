//! jingwang (净网, "clean net") finds prohibited content in Chinese and English text even when it is
//! disguised, and says exactly where it is.

mod capi;
mod compile;
mod lexicon;
mod normalize;
mod span;

pub use lexicon::{ParseSeverityError, Severity};
pub use normalize::{CanonChar, Evasion, NormalizeConfig, Normalized, Normalizer, BREAK};
pub use span::Span;
