//! jingwang (净网, "clean net") finds prohibited content — illegal trade offers and fraud — in Chinese
//! and English text even when it is disguised, and says exactly where it is.
//!
//! # 中文示例
//!
//! ```
//! use jingwang::{Filter, Severity};
//!
//! let filter = Filter::builder()
//!     .add_lexicon("[枪支 severity=critical]\n枪支\n弹药\nallow: 水枪\n", "示例.lex")
//!     .build()
//!     .unwrap();
//! let text = "出售 槍*支，儿童水枪不算";
//! let found = filter.find_all(text);
//! assert_eq!(found.len(), 1);
//! let m = found[0];
//! assert_eq!(&text[m.span().range()], "槍*支");          // 原文中的字节范围
//! assert_eq!(filter.term(m.term()), "枪支");
//! assert_eq!(filter.category_name(m.category()), "枪支");
//! assert_eq!(m.severity(), Severity::Critical);
//! assert!(m.evasions().contains(jingwang::Evasion::TRADITIONAL));
//! assert_eq!(filter.mask(text), "出售 ***，儿童水枪不算");
//! ```
//!
//! # English example
//!
//! ```
//! use jingwang::Filter;
//!
//! let filter = Filter::new(["weapon", "gun"]).unwrap();
//! let text = "Selling a W3AP0N and g.u.n, but not begun";
//! let words: Vec<&str> = filter.find_all(text).iter().map(|m| &text[m.span().range()]).collect();
//! assert_eq!(words, ["W3AP0N", "g.u.n"]);
//!
//! // The embedded default lexicon covers illegal trade and fraud in both languages.
//! let default = Filter::builder().add_default_lexicon().build().unwrap();
//! assert!(default.is_match("selling glock pistols, cash on delivery"));
//! ```
//!
//! # Offsets
//!
//! Every [`Span`] is a half-open range of **bytes of the text you passed**, always on `char`
//! boundaries, so `&text[m.span().range()]` never panics. Matching happens on a canonical stream
//! ([`Normalizer`]); each canonical character remembers the original bytes it came from, and a match
//! spans from its first character's origin to its last one's, including the junk in between.
//!
//! # Thread safety
//!
//! A [`Filter`] is immutable, `Send + Sync`, and cheap to clone (an `Arc`): share one across threads and
//! swap in a rebuilt one when the lexicon changes. A [`Scratch`] holds the reusable buffers of one
//! thread's scans; with it (`find_all_with`, `is_match_with`, `mask_into`) a warm scan allocates
//! nothing.
//!
//! # Normalisation
//!
//! Text and lexicon terms go through the same one-pass normaliser, which undoes: full-width and
//! compatibility forms, case, diacritics, traditional and variant Chinese characters, junk, emoji and
//! invisible characters between characters, look-alike letters from other scripts, leetspeak inside
//! Latin words, spaced-out letters, Chinese and styled numerals in numbers, and repeated characters.
//! Each undone trick is recorded as an [`Evasion`] flag on the match. Characters written as their
//! split forms (木仓 for 枪) are composed while searching, and terms that opt in are also expanded
//! into pinyin at build time. Sentence ends and
//! line breaks are hard boundaries no match crosses; prose pauses (，、quotes, brackets) separate words.
//! See [`NormalizeConfig`] for the switches and `docs/lexicon.md` for the lexicon format.

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
