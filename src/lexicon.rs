//! The lexicon file format: terms, categories, severities, allow entries and rules.
//!
//! The syntax is documented in `docs/lexicon.md`. Parsing never touches automata; it only turns text into
//! [`Lexicon`] entries, each with the place it came from, or into errors that name file, line and column.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// How bad a match is. Ordered from least to most severe.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Severity {
    /// Worth a look; often legitimate.
    Low = 1,
    /// Probably prohibited (the default).
    #[default]
    Medium = 2,
    /// Prohibited trade or fraud.
    High = 3,
    /// The worst: weapons, explosives, organ trade offered for sale.
    Critical = 4,
}

impl Severity {
    /// Every severity, least severe first.
    pub const ALL: [Severity; 4] = [
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    /// The lower-case name used in lexicons and output (`low`, `medium`, `high`, `critical`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// The severity with this number (1 to 4, as in the C API), if any.
    pub fn from_u8(n: u8) -> Option<Severity> {
        Severity::ALL.get(usize::from(n).wrapping_sub(1)).copied()
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Severity`] from an unknown name.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown severity {0:?} (expected low, medium, high or critical)")]
pub struct ParseSeverityError(String);

impl FromStr for Severity {
    type Err = ParseSeverityError;
    fn from_str(s: &str) -> Result<Severity, ParseSeverityError> {
        match s.to_ascii_lowercase().as_str() {
            "low" | "1" => Ok(Severity::Low),
            "medium" | "2" => Ok(Severity::Medium),
            "high" | "3" => Ok(Severity::High),
            "critical" | "4" => Ok(Severity::Critical),
            _ => Err(ParseSeverityError(s.to_string())),
        }
    }
}

/// Where a lexicon entry or error came from: the source name (a file path or a name the caller gave),
/// and the 1-based line and column (in characters).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    /// The file path or name of the lexicon.
    pub source: Arc<str>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.source, self.line, self.column)
    }
}

/// Per-term matching options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TermOptions {
    /// `Some(true)`: match whole words only; `Some(false)`: match anywhere; `None`: the default
    /// (whole words for Latin-script terms, anywhere for CJK terms).
    pub word: Option<bool>,
    /// Also match the term written in pinyin (with and without spaces). `None` means the builder's default.
    pub pinyin: Option<bool>,
    /// Do not expand split-character variants (木仓 for 枪).
    pub no_variants: bool,
}

/// A deny term: a phrase that is reported wherever it appears (after normalisation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The term as written in the lexicon (unescaped, trimmed).
    pub text: String,
    /// The category name.
    pub category: String,
    /// How bad a match is.
    pub severity: Severity,
    /// Matching options.
    pub options: TermOptions,
    /// Where the term was written.
    pub location: Location,
}

/// An allow entry: a phrase inside which deny matches are suppressed (水枪 is a toy).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllowEntry {
    /// The allowed phrase as written.
    pub text: String,
    /// Where it was written.
    pub location: Location,
}

/// A regular-expression rule, run over the canonical stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegexRule {
    /// The pattern (regex-automata syntax) as written.
    pub pattern: String,
    /// The name reported as the match's term; the pattern itself when `None`.
    pub name: Option<String>,
    /// The category name.
    pub category: String,
    /// How bad a match is.
    pub severity: Severity,
    /// Where the rule was written.
    pub location: Location,
}

/// A co-occurrence rule: every phrase of `all` present, none of `none`, optionally within a window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoRule {
    /// Phrases that must all be present.
    pub all: Vec<String>,
    /// Phrases whose presence cancels the rule ("A unless B").
    pub none: Vec<String>,
    /// When set, every phrase of `all` must fall inside a window of this many canonical characters,
    /// and `none` is looked for inside the same window; otherwise anywhere in the document.
    pub within: Option<u32>,
    /// The name reported as the match's term; the rule text when `None`.
    pub name: Option<String>,
    /// The category name.
    pub category: String,
    /// How bad a match is.
    pub severity: Severity,
    /// Where the rule was written.
    pub location: Location,
}

/// A parsed lexicon: terms, allow entries and rules, in the order written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// Deny terms.
    pub terms: Vec<Term>,
    /// Allow entries.
    pub allows: Vec<AllowEntry>,
    /// Regex rules.
    pub regexes: Vec<RegexRule>,
    /// Co-occurrence rules.
    pub co_rules: Vec<CoRule>,
}
