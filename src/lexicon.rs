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
    /// Do not match the term with characters written as their split forms (木仓 for 枪).
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

/// The longest term, phrase, allow entry or regex pattern accepted, in characters.
pub const MAX_TERM_CHARS: usize = 10_000;

/// The largest `within N` window of a co-occurrence rule.
const MAX_WITHIN: u32 = 10_000;

/// The location source of entries added through [`Lexicon::add_term`] and [`Lexicon::add_allow`].
const API_SOURCE: &str = "<api>";

/// What went wrong while reading or parsing a lexicon.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexiconErrorKind {
    /// The file could not be read.
    Io,
    /// The file is not valid UTF-8; the location names the first bad byte.
    InvalidUtf8,
    /// A section header is malformed: empty, unclosed, or with a bad name.
    BadSection,
    /// An attribute key is not one the lexicon format knows.
    UnknownAttribute,
    /// An attribute has a bad value, lacks a needed value, or does not apply to this kind of entry.
    BadAttributeValue,
    /// A `severity=` value is not `low`, `medium`, `high`, `critical` or 1 to 4.
    UnknownSeverity,
    /// A term or allow entry is empty.
    EmptyTerm,
    /// A backslash escape is unknown or malformed.
    BadEscape,
    /// A regex or co-occurrence rule is malformed (empty pattern, empty phrase, bad `within`, too few phrases).
    BadRule,
    /// A term, phrase, allow entry or pattern is longer than [`MAX_TERM_CHARS`] characters.
    TooLong,
}

/// An error reading or parsing a lexicon, with the source name, line and column where it happened.
///
/// `Display` writes `{source}:{line}:{column}: {message}`, e.g.
/// `tenant.lex:3:10: unknown attribute "foo"`. Errors that belong to no line (I/O errors) have line
/// and column 0 and display as `{source}: {message}`.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", DisplayError(self))]
pub struct LexiconError {
    kind: LexiconErrorKind,
    location: Location,
    message: String,
}

struct DisplayError<'a>(&'a LexiconError);

impl fmt::Display for DisplayError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.0;
        if e.location.line == 0 {
            write!(f, "{}: {}", e.location.source, e.message)
        } else {
            write!(f, "{}: {}", e.location, e.message)
        }
    }
}

impl LexiconError {
    fn new(kind: LexiconErrorKind, location: Location, message: impl Into<String>) -> LexiconError {
        LexiconError {
            kind,
            location,
            message: message.into(),
        }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> LexiconErrorKind {
        self.kind
    }

    /// Where the error is: source name, 1-based line and 1-based column in characters
    /// (line and column are 0 for I/O errors).
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The 1-based line of the error (0 for I/O errors).
    pub fn line(&self) -> u32 {
        self.location.line
    }

    /// The 1-based column of the error, counted in characters of the original line (0 for I/O errors).
    pub fn column(&self) -> u32 {
        self.location.column
    }

    /// The name of the lexicon: the path as given, or the name passed to [`Lexicon::parse`].
    pub fn source_name(&self) -> &str {
        &self.location.source
    }

    /// The message without the location prefix, e.g. `unknown attribute "foo"`.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl Lexicon {
    /// Parses lexicon text and returns the first error, if any. `source` names the text in locations
    /// and errors: a path, or a name such as `"<tenant-a>"`. The syntax is described in `docs/lexicon.md`.
    ///
    /// # Example
    ///
    /// ```
    /// use jingwang::{Lexicon, Severity};
    ///
    /// let lex = Lexicon::parse("[firearms severity=high]\n枪支\ngun | substring\nallow: 水枪\n", "<demo>").unwrap();
    /// assert_eq!(lex.terms[0].text, "枪支");
    /// assert_eq!(lex.terms[1].category, "firearms");
    /// assert_eq!(lex.terms[1].severity, Severity::High);
    /// assert_eq!(lex.allows[0].text, "水枪");
    /// ```
    ///
    /// # Errors
    ///
    /// The first malformed line, as a [`LexiconError`] naming its line and column.
    pub fn parse(text: &str, source: &str) -> Result<Lexicon, LexiconError> {
        let mut parser = Parser::new(source, true);
        parser.run(text);
        match parser.errors.into_iter().next() {
            Some(err) => Err(err),
            None => Ok(parser.lexicon),
        }
    }

    /// Parses lexicon text and collects every error (one per bad line), for tools such as
    /// `check-lexicon`. The returned lexicon holds every good line.
    ///
    /// # Example
    ///
    /// ```
    /// use jingwang::{Lexicon, LexiconErrorKind};
    ///
    /// let (lex, errors) = Lexicon::parse_all("gun | foo\n枪支\n[]\n", "tenant.lex");
    /// assert_eq!(lex.terms.len(), 1);
    /// assert_eq!(errors.len(), 2);
    /// assert_eq!(errors[0].to_string(), "tenant.lex:1:7: unknown attribute \"foo\"");
    /// assert_eq!(errors[1].kind(), LexiconErrorKind::BadSection);
    /// ```
    pub fn parse_all(text: &str, source: &str) -> (Lexicon, Vec<LexiconError>) {
        let mut parser = Parser::new(source, false);
        parser.run(text);
        (parser.lexicon, parser.errors)
    }

    /// Reads and parses a lexicon file; the path as given names it in locations and errors.
    ///
    /// # Errors
    ///
    /// [`LexiconErrorKind::Io`] when the file cannot be read, [`LexiconErrorKind::InvalidUtf8`] (naming
    /// the line and column of the first bad byte) when it is not UTF-8, or the first parse error.
    pub fn from_file(path: impl AsRef<std::path::Path>) -> Result<Lexicon, LexiconError> {
        let path = path.as_ref();
        let source = path.display().to_string();
        let text = read_text(path, &source)?;
        Lexicon::parse(&text, &source)
    }

    /// Like [`Lexicon::from_file`] but collects every parse error. An I/O or UTF-8 error is returned as
    /// the single error, with an empty lexicon.
    pub fn from_file_all(path: impl AsRef<std::path::Path>) -> (Lexicon, Vec<LexiconError>) {
        let path = path.as_ref();
        let source = path.display().to_string();
        match read_text(path, &source) {
            Ok(text) => Lexicon::parse_all(&text, &source),
            Err(err) => (Lexicon::default(), vec![err]),
        }
    }

    /// Appends another lexicon's entries after this one's (a base lexicon plus a tenant's).
    pub fn extend(&mut self, other: Lexicon) {
        self.terms.extend(other.terms);
        self.allows.extend(other.allows);
        self.regexes.extend(other.regexes);
        self.co_rules.extend(other.co_rules);
    }

    /// The number of entries of all kinds: terms, allow entries, regex rules and co-occurrence rules.
    pub fn len(&self) -> usize {
        self.terms.len() + self.allows.len() + self.regexes.len() + self.co_rules.len()
    }

    /// Whether the lexicon has no entries at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds a deny term from code. Its location is `<api>`, line = the number of entries after adding
    /// it, column 1. The text is taken as is (no escapes, no validation; the compiler rejects empty terms).
    ///
    /// # Example
    ///
    /// ```
    /// use jingwang::{Lexicon, Severity, TermOptions};
    ///
    /// let mut lex = Lexicon::default();
    /// lex.add_term("枪支", "firearms", Severity::High, TermOptions::default())
    ///     .add_allow("水枪");
    /// assert_eq!(lex.len(), 2);
    /// assert_eq!(lex.allows[0].location.to_string(), "<api>:2:1");
    /// ```
    pub fn add_term(
        &mut self,
        text: &str,
        category: &str,
        severity: Severity,
        options: TermOptions,
    ) -> &mut Self {
        let location = self.api_location();
        self.terms.push(Term {
            text: text.to_string(),
            category: category.to_string(),
            severity,
            options,
            location,
        });
        self
    }

    /// Adds an allow entry from code, located like [`Lexicon::add_term`].
    pub fn add_allow(&mut self, text: &str) -> &mut Self {
        let location = self.api_location();
        self.allows.push(AllowEntry {
            text: text.to_string(),
            location,
        });
        self
    }

    fn api_location(&self) -> Location {
        Location {
            source: Arc::from(API_SOURCE),
            line: u32::try_from(self.len() + 1).unwrap_or(u32::MAX),
            column: 1,
        }
    }
}

/// Reads a file as UTF-8, turning failures into located errors.
fn read_text(path: &std::path::Path, source: &str) -> Result<String, LexiconError> {
    let bytes = std::fs::read(path).map_err(|err| {
        LexiconError::new(
            LexiconErrorKind::Io,
            Location {
                source: Arc::from(source),
                line: 0,
                column: 0,
            },
            format!("cannot read lexicon: {err}"),
        )
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let bytes = err.as_bytes();
            let bad = err.utf8_error().valid_up_to();
            let prefix = &bytes[..bad];
            let line_start = prefix
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let mut line_text = std::str::from_utf8(&prefix[line_start..]).unwrap_or("");
            if line_start == 0 {
                line_text = line_text.strip_prefix('\u{feff}').unwrap_or(line_text);
            }
            let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = line_text.chars().count() + 1;
            Err(LexiconError::new(
                LexiconErrorKind::InvalidUtf8,
                Location {
                    source: Arc::from(source),
                    line: u32::try_from(line).unwrap_or(u32::MAX),
                    column: u32::try_from(column).unwrap_or(u32::MAX),
                },
                format!("invalid utf-8 (byte 0x{:02x})", bytes[bad]),
            ))
        }
    }
}

/// The defaults a section header sets for the entries below it.
#[derive(Clone, Debug)]
struct Section {
    category: String,
    severity: Severity,
    options: TermOptions,
}

impl Default for Section {
    fn default() -> Section {
        Section {
            category: "default".to_string(),
            severity: Severity::Medium,
            options: TermOptions::default(),
        }
    }
}

/// One parsed attribute.
enum Attr {
    Severity(Severity),
    Category(String),
    Name(String),
    /// A flag such as `word`; `key` is its lower-case name.
    Flag(&'static str),
}

/// An attribute with the byte offset (in the line) of its key.
struct AttrAt {
    attr: Attr,
    at: usize,
}

/// The line being parsed: its text (CR and, on line 1, BOM removed) and number.
struct Line<'a> {
    raw: &'a str,
    number: u32,
    source: &'a Arc<str>,
}

impl Line<'_> {
    fn location(&self, byte: usize) -> Location {
        let byte = byte.min(self.raw.len());
        let column = self
            .raw
            .get(..byte)
            .map_or(byte, |prefix| prefix.chars().count())
            + 1;
        Location {
            source: Arc::clone(self.source),
            line: self.number,
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }

    fn error(
        &self,
        kind: LexiconErrorKind,
        byte: usize,
        message: impl Into<String>,
    ) -> LexiconError {
        LexiconError::new(kind, self.location(byte), message)
    }

    /// Whether the char ending just before `byte` is whitespace (or `byte` is `start`).
    fn space_before(&self, byte: usize, start: usize) -> bool {
        byte == start
            || self.raw[..byte]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace)
    }

    /// Whether the char at `byte` is whitespace (or `byte` is `end`).
    fn space_at(&self, byte: usize, end: usize) -> bool {
        byte >= end
            || self.raw[byte..]
                .chars()
                .next()
                .is_some_and(char::is_whitespace)
    }

    /// Byte offsets of `sep` chars in `start..end` that stand alone between whitespace (or the ends).
    fn separators(&self, start: usize, end: usize, seps: &[char]) -> Vec<(usize, char)> {
        self.raw[start..end]
            .char_indices()
            .map(|(i, c)| (start + i, c))
            .filter(|&(i, c)| {
                seps.contains(&c) && self.space_before(i, start) && self.space_at(i + 1, end)
            })
            .collect()
    }

    /// The byte range `start..end` with whitespace trimmed from both sides.
    fn trim(&self, start: usize, end: usize) -> (usize, usize) {
        let s = &self.raw[start..end];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            (start, start)
        } else {
            (start + lead, end - trail)
        }
    }
}

struct Parser {
    source: Arc<str>,
    stop_at_first: bool,
    section: Section,
    lexicon: Lexicon,
    errors: Vec<LexiconError>,
}

impl Parser {
    fn new(source: &str, stop_at_first: bool) -> Parser {
        Parser {
            source: Arc::from(source),
            stop_at_first,
            section: Section::default(),
            lexicon: Lexicon::default(),
            errors: Vec::new(),
        }
    }

    fn run(&mut self, text: &str) {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let source = Arc::clone(&self.source);
        for (index, raw) in text.split('\n').enumerate() {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let line = Line {
                raw,
                number: u32::try_from(index + 1).unwrap_or(u32::MAX),
                source: &source,
            };
            if let Err(err) = self.line(&line) {
                self.errors.push(err);
                if self.stop_at_first {
                    return;
                }
            }
        }
    }

    fn line(&mut self, line: &Line<'_>) -> Result<(), LexiconError> {
        let (start, end) = line.trim(0, line.raw.len());
        let text = &line.raw[start..end];
        if text.is_empty() || text.starts_with('#') {
            return Ok(());
        }
        if text.starts_with('[') {
            return self.header(line, start, end);
        }
        let (body_end, attrs) = match line.separators(start, end, &['|']).last() {
            Some(&(bar, _)) => (bar, Some((bar + 1, end))),
            None => (end, None),
        };
        let (start, body_end) = line.trim(start, body_end);
        let body = &line.raw[start..body_end];
        let attrs = match attrs {
            Some((s, e)) => parse_attrs(line, s, e)?,
            None => Vec::new(),
        };
        if let Some(kw_end) = keyword(body, "allow:") {
            self.allow(line, start + kw_end, body_end, &attrs)
        } else if let Some(kw_end) = keyword(body, "regex:") {
            self.regex(line, start + kw_end, body_end, &attrs)
        } else if let Some(kw_end) = keyword(body, "all:") {
            self.co_rule(line, start, start + kw_end, body_end, &attrs)
        } else {
            let literal_keyword = body.starts_with('\\')
                && ["allow:", "regex:", "all:"]
                    .iter()
                    .any(|kw| keyword(&body[1..], kw).is_some());
            let text_start = if literal_keyword { start + 1 } else { start };
            self.term(line, start, text_start, body_end, &attrs)
        }
    }

    fn header(&mut self, line: &Line<'_>, start: usize, end: usize) -> Result<(), LexiconError> {
        let text = &line.raw[start..end];
        if !text.ends_with(']') {
            return Err(match text.find(']') {
                Some(i) => line.error(
                    LexiconErrorKind::BadSection,
                    start + i + 1,
                    "unexpected text after `]` of a section header",
                ),
                None => line.error(
                    LexiconErrorKind::BadSection,
                    start,
                    "section header has no closing `]`",
                ),
            });
        }
        let (inner_start, inner_end) = line.trim(start + 1, end - 1);
        let inner = &line.raw[inner_start..inner_end];
        let name_len = inner.find(char::is_whitespace).unwrap_or(inner.len());
        let name = &inner[..name_len];
        if name.is_empty() {
            return Err(line.error(
                LexiconErrorKind::BadSection,
                start,
                "section header has no name",
            ));
        }
        if let Some((i, c)) = name.char_indices().find(|&(_, c)| !is_name_char(c)) {
            return Err(line.error(
                LexiconErrorKind::BadSection,
                inner_start + i,
                format!("bad character {c:?} in section name {name:?}"),
            ));
        }
        let mut section = Section {
            category: name.to_string(),
            ..Section::default()
        };
        for AttrAt { attr, at } in parse_attrs(line, inner_start + name_len, inner_end)? {
            match attr {
                Attr::Severity(s) => section.severity = s,
                Attr::Flag(flag) => apply_flag(&mut section.options, flag),
                Attr::Category(_) => {
                    return Err(line.error(
                        LexiconErrorKind::BadAttributeValue,
                        at,
                        "category= is not allowed in a section header (the section name is the category)",
                    ))
                }
                Attr::Name(_) => {
                    return Err(line.error(
                        LexiconErrorKind::BadAttributeValue,
                        at,
                        "name= is only for rules",
                    ))
                }
            }
        }
        self.section = section;
        Ok(())
    }

    fn term(
        &mut self,
        line: &Line<'_>,
        start: usize,
        text_start: usize,
        end: usize,
        attrs: &[AttrAt],
    ) -> Result<(), LexiconError> {
        let text = unescape(line, text_start, end)?;
        check_text(
            line,
            start,
            &text,
            LexiconErrorKind::EmptyTerm,
            "empty term",
        )?;
        let mut category = self.section.category.clone();
        let mut severity = self.section.severity;
        let mut options = self.section.options;
        for AttrAt { attr, at } in attrs {
            match attr {
                Attr::Severity(s) => severity = *s,
                Attr::Category(c) => category.clone_from(c),
                Attr::Flag(flag) => apply_flag(&mut options, flag),
                Attr::Name(_) => {
                    return Err(line.error(
                        LexiconErrorKind::BadAttributeValue,
                        *at,
                        "name= is only for rules",
                    ))
                }
            }
        }
        self.lexicon.terms.push(Term {
            text,
            category,
            severity,
            options,
            location: line.location(start),
        });
        Ok(())
    }

    fn allow(
        &mut self,
        line: &Line<'_>,
        after_keyword: usize,
        end: usize,
        attrs: &[AttrAt],
    ) -> Result<(), LexiconError> {
        if let Some(first) = attrs.first() {
            return Err(line.error(
                LexiconErrorKind::BadAttributeValue,
                first.at,
                "allow entries take no attributes",
            ));
        }
        let (start, end) = line.trim(after_keyword, end);
        let text = unescape(line, start, end)?;
        check_text(
            line,
            start,
            &text,
            LexiconErrorKind::EmptyTerm,
            "empty allow entry",
        )?;
        self.lexicon.allows.push(AllowEntry {
            text,
            location: line.location(start),
        });
        Ok(())
    }

    /// The category, severity and name a rule gets from its section and attributes.
    fn rule_attrs(
        &self,
        line: &Line<'_>,
        attrs: &[AttrAt],
    ) -> Result<(String, Severity, Option<String>), LexiconError> {
        let mut category = self.section.category.clone();
        let mut severity = self.section.severity;
        let mut name = None;
        for AttrAt { attr, at } in attrs {
            match attr {
                Attr::Severity(s) => severity = *s,
                Attr::Category(c) => category.clone_from(c),
                Attr::Name(n) => name = Some(n.clone()),
                Attr::Flag(flag) => {
                    return Err(line.error(
                        LexiconErrorKind::BadAttributeValue,
                        *at,
                        format!("{flag} is only for terms"),
                    ))
                }
            }
        }
        Ok((category, severity, name))
    }

    fn regex(
        &mut self,
        line: &Line<'_>,
        after_keyword: usize,
        end: usize,
        attrs: &[AttrAt],
    ) -> Result<(), LexiconError> {
        let (start, end) = line.trim(after_keyword, end);
        let pattern = &line.raw[start..end];
        check_text(
            line,
            start,
            pattern,
            LexiconErrorKind::BadRule,
            "empty regex pattern",
        )?;
        let (category, severity, name) = self.rule_attrs(line, attrs)?;
        self.lexicon.regexes.push(RegexRule {
            pattern: pattern.to_string(),
            name,
            category,
            severity,
            location: line.location(start),
        });
        Ok(())
    }

    fn co_rule(
        &mut self,
        line: &Line<'_>,
        keyword_start: usize,
        after_keyword: usize,
        end: usize,
        attrs: &[AttrAt],
    ) -> Result<(), LexiconError> {
        let (start, mut end) = line.trim(after_keyword, end);
        let mut within = None;
        let words: Vec<(usize, &str)> = line.raw[start..end]
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - line.raw.as_ptr() as usize, w))
            .collect();
        match words.as_slice() {
            [.., (at, w), (n_at, n)] if w.eq_ignore_ascii_case("within") => {
                within = match n.parse::<u32>() {
                    Ok(n) if (1..=MAX_WITHIN).contains(&n) => Some(n),
                    _ => {
                        return Err(line.error(
                            LexiconErrorKind::BadRule,
                            *n_at,
                            format!(
                                "within needs a whole number from 1 to {MAX_WITHIN}, not {n:?}"
                            ),
                        ))
                    }
                };
                end = line.trim(start, *at).1;
            }
            [.., (at, w)] if w.eq_ignore_ascii_case("within") => {
                return Err(line.error(
                    LexiconErrorKind::BadRule,
                    at + w.len(),
                    format!("within needs a whole number from 1 to {MAX_WITHIN}"),
                ))
            }
            _ => {}
        }
        let mut all = Vec::new();
        let mut none = Vec::new();
        let mut part_start = start;
        let mut negative = false;
        let seps = line.separators(start, end, &['&', '!']);
        let ends = seps
            .iter()
            .map(|&(at, c)| (at, Some(c)))
            .chain([(end, None)]);
        for (part_end, sep) in ends {
            let (s, e) = line.trim(part_start, part_end);
            let phrase = unescape(line, s, e)?;
            check_text(
                line,
                s,
                &phrase,
                LexiconErrorKind::BadRule,
                "empty phrase in co-occurrence rule",
            )?;
            if negative { &mut none } else { &mut all }.push(phrase);
            negative = sep == Some('!');
            part_start = part_end + 1;
        }
        if all.len() < 2 && none.is_empty() {
            return Err(line.error(
                LexiconErrorKind::BadRule,
                keyword_start,
                "a co-occurrence rule needs two phrases joined by `&`, or a phrase and a `!` exclusion",
            ));
        }
        let (category, severity, name) = self.rule_attrs(line, attrs)?;
        self.lexicon.co_rules.push(CoRule {
            all,
            none,
            within,
            name,
            category,
            severity,
            location: line.location(keyword_start),
        });
        Ok(())
    }
}

/// If `text` begins with `keyword` (ASCII case-insensitive), the byte length of that prefix.
fn keyword(text: &str, keyword: &str) -> Option<usize> {
    text.get(..keyword.len())
        .filter(|p| p.eq_ignore_ascii_case(keyword))
        .map(str::len)
}

/// Section and category names: letters, digits, `_`, `-` and `.`.
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.')
}

fn apply_flag(options: &mut TermOptions, flag: &str) {
    match flag {
        "word" => options.word = Some(true),
        "substring" => options.word = Some(false),
        "pinyin" => options.pinyin = Some(true),
        "nopinyin" => options.pinyin = Some(false),
        "novariants" => options.no_variants = true,
        _ => options.no_variants = false, // "variants"
    }
}

/// Rejects empty and over-long entry texts, pointing at `at`.
fn check_text(
    line: &Line<'_>,
    at: usize,
    text: &str,
    empty_kind: LexiconErrorKind,
    empty_message: &str,
) -> Result<(), LexiconError> {
    if text.is_empty() {
        return Err(line.error(empty_kind, at, empty_message));
    }
    let chars = text.chars().count();
    if chars > MAX_TERM_CHARS {
        return Err(line.error(
            LexiconErrorKind::TooLong,
            at,
            format!("text is {chars} characters long (at most {MAX_TERM_CHARS})"),
        ));
    }
    Ok(())
}

/// Parses the space-separated attributes in `start..end` of the line.
fn parse_attrs(line: &Line<'_>, start: usize, end: usize) -> Result<Vec<AttrAt>, LexiconError> {
    const FLAGS: [&str; 6] = [
        "word",
        "substring",
        "pinyin",
        "nopinyin",
        "novariants",
        "variants",
    ];
    let base = line.raw.as_ptr() as usize;
    let mut attrs = Vec::new();
    for token in line.raw[start..end].split_whitespace() {
        let at = token.as_ptr() as usize - base;
        let (key, value) = match token.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (token, None),
        };
        let value_at = at + key.len() + 1;
        let lower = key.to_ascii_lowercase();
        let needs_value = |what: &str| match value {
            Some(v) if !v.is_empty() => Ok(v),
            _ => Err(line.error(
                LexiconErrorKind::BadAttributeValue,
                at,
                format!("{lower}= needs {what}"),
            )),
        };
        let attr = match lower.as_str() {
            "severity" => {
                let v = needs_value("a severity (low, medium, high, critical or 1 to 4)")?;
                Attr::Severity(v.parse().map_err(|_| {
                    line.error(
                        LexiconErrorKind::UnknownSeverity,
                        value_at,
                        format!("unknown severity {v:?} (expected low, medium, high, critical or 1 to 4)"),
                    )
                })?)
            }
            "category" => {
                let v = needs_value("a category name")?;
                if let Some((i, c)) = v.char_indices().find(|&(_, c)| !is_name_char(c)) {
                    return Err(line.error(
                        LexiconErrorKind::BadAttributeValue,
                        value_at + i,
                        format!("bad character {c:?} in category name {v:?}"),
                    ));
                }
                Attr::Category(v.to_string())
            }
            "name" => Attr::Name(needs_value("a rule name")?.to_string()),
            _ => match FLAGS.iter().find(|&&f| f == lower) {
                Some(flag) if value.is_none() => Attr::Flag(flag),
                Some(flag) => {
                    return Err(line.error(
                        LexiconErrorKind::BadAttributeValue,
                        at,
                        format!("{flag} takes no value"),
                    ))
                }
                None => {
                    return Err(line.error(
                        LexiconErrorKind::UnknownAttribute,
                        at,
                        format!("unknown attribute {key:?}"),
                    ))
                }
            },
        };
        attrs.push(AttrAt { attr, at });
    }
    Ok(attrs)
}

/// Unescapes the term or phrase in `start..end` of the line.
fn unescape(line: &Line<'_>, start: usize, end: usize) -> Result<String, LexiconError> {
    let text = &line.raw[start..end];
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let at = start + i;
        match chars.next() {
            Some((_, e @ ('\\' | '|' | '#' | '&' | '!' | '['))) => out.push(e),
            Some((j, 'u')) => {
                let rest = &text[j + 1..];
                let bad = || {
                    line.error(
                        LexiconErrorKind::BadEscape,
                        at,
                        "bad unicode escape (expected \\u{X} with 1 to 6 hex digits naming a valid character)",
                    )
                };
                let close = rest.find('}').ok_or_else(bad)?;
                let digits = rest
                    .strip_prefix('{')
                    .ok_or_else(bad)?
                    .get(..close - 1)
                    .ok_or_else(bad)?;
                if digits.is_empty()
                    || digits.len() > 6
                    || !digits.chars().all(|d| d.is_ascii_hexdigit())
                {
                    return Err(bad());
                }
                let value = u32::from_str_radix(digits, 16).map_err(|_| bad())?;
                out.push(char::from_u32(value).ok_or_else(bad)?);
                // Skip "{digits}".
                for _ in 0..close + 1 {
                    chars.next();
                }
            }
            Some((_, e)) => {
                return Err(line.error(
                    LexiconErrorKind::BadEscape,
                    at,
                    format!("unknown escape \"\\{e}\""),
                ))
            }
            None => {
                return Err(line.error(
                    LexiconErrorKind::BadEscape,
                    at,
                    "backslash at the end of a term (write \\\\ for a backslash)",
                ))
            }
        }
    }
    Ok(out)
}
