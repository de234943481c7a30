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
