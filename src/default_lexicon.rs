//! The embedded default lexicon: illegal online trade and fraud, in Simplified Chinese and English.
//!
//! Written for this project (see `docs/default-lexicon.md`); one file per domain under `data/lexicon/`.

use crate::lexicon::{Lexicon, LexiconError};

/// The files of the default lexicon: (file name, text).
pub const DEFAULT_LEXICON_FILES: &[(&str, &str)] = &[
    ("allow.lex", include_str!("../data/lexicon/allow.lex")),
    ("banking.lex", include_str!("../data/lexicon/banking.lex")),
    (
        "chemicals.lex",
        include_str!("../data/lexicon/chemicals.lex"),
    ),
    ("contact.lex", include_str!("../data/lexicon/contact.lex")),
    (
        "explosives.lex",
        include_str!("../data/lexicon/explosives.lex"),
    ),
    ("firearms.lex", include_str!("../data/lexicon/firearms.lex")),
    ("forgery.lex", include_str!("../data/lexicon/forgery.lex")),
    ("fraud.lex", include_str!("../data/lexicon/fraud.lex")),
    ("gambling.lex", include_str!("../data/lexicon/gambling.lex")),
    ("jammers.lex", include_str!("../data/lexicon/jammers.lex")),
    ("knives.lex", include_str!("../data/lexicon/knives.lex")),
    (
        "narcotics.lex",
        include_str!("../data/lexicon/narcotics.lex"),
    ),
    ("organs.lex", include_str!("../data/lexicon/organs.lex")),
    (
        "personal_data.lex",
        include_str!("../data/lexicon/personal_data.lex"),
    ),
    (
        "surveillance.lex",
        include_str!("../data/lexicon/surveillance.lex"),
    ),
    ("telecom.lex", include_str!("../data/lexicon/telecom.lex")),
];

/// The default lexicon, parsed. Each entry's location names its file as `default/<file>.lex`.
///
/// # Errors
///
/// Never in a released build (a test parses every file); the `Result` keeps a broken edit from panicking.
///
/// ```
/// let lexicon = jingwang::default_lexicon().unwrap();
/// assert!(lexicon.len() > 1000);
/// ```
pub fn default_lexicon() -> Result<Lexicon, LexiconError> {
    let mut all = Lexicon::default();
    for (name, text) in DEFAULT_LEXICON_FILES {
        all.extend(Lexicon::parse(text, &format!("default/{name}"))?);
    }
    Ok(all)
}
