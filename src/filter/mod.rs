//! The filter: lexicons compiled into automata, scanning, masking and saved filters.
//!
//! Terms, allow phrases and co-occurrence phrases are normalised with the filter's [`Normalizer`] and put in
//! one character-wise double-array Aho-Corasick automaton (built by daachorse, searched by `charwise`)
//! over the canonical stream; regex rules run on the same stream with regex-automata, each only in the
//! segments where the automaton saw one of its trigger literals (the literals every match starts with)
//! when it has them. Every hit is mapped back to the original text (see [`Normalized::origin`]) through
//! a cursor that follows the automaton's hits in order.
//!
//! Allow entries: a deny match (term, rule or co-occurrence) whose canonical range overlaps an occurrence of
//! an allow phrase is suppressed, even when the deny match reaches outside the allowed phrase (an allow
//! entry `枪支管理法` suppresses the term `枪支` inside the law's title, and `水枪` suppresses `枪`).

mod ascii;
mod automaton;
mod builder;
mod charwise;
mod error;
mod pending;
mod rule_regex;
mod scan;
mod serial;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use ascii::AsciiAutomaton;
use regex_automata::meta;

pub use self::builder::FilterBuilder;
pub use self::error::{BuildError, BuildErrorKind, LoadError, LoadErrorKind};
pub use self::scan::Scratch;
use crate::lexicon::Severity;
use crate::normalize::{Evasion, Normalizer};
use crate::span::Span;

/// The id of a term or rule of a [`Filter`]; see [`Filter::term`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TermId(u32);

impl TermId {
    /// The id as an index (0-based, below [`Filter::term_count`]).
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The raw id.
    pub fn as_u32(self) -> u32 {
        self.0
    }
}

/// The id of a category of a [`Filter`]; see [`Filter::category_name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CategoryId(u32);

impl CategoryId {
    /// The id as an index (0-based).
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The raw id.
    pub fn as_u32(self) -> u32 {
        self.0
    }
}

/// What produced a [`Match`].
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// A deny term (or one of its variants).
    Term,
    /// A regex rule.
    Rule,
    /// A co-occurrence rule.
    CoOccurrence,
}

impl MatchKind {
    /// The lower-case name: `term`, `rule` or `co-occurrence`.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Term => "term",
            MatchKind::Rule => "rule",
            MatchKind::CoOccurrence => "co-occurrence",
        }
    }

    fn to_u8(self) -> u8 {
        match self {
            MatchKind::Term => 0,
            MatchKind::Rule => 1,
            MatchKind::CoOccurrence => 2,
        }
    }

    fn from_u8(n: u8) -> Option<MatchKind> {
        match n {
            0 => Some(MatchKind::Term),
            1 => Some(MatchKind::Rule),
            2 => Some(MatchKind::CoOccurrence),
            _ => None,
        }
    }
}

/// One match: where in the original text, what matched, and which disguises were undone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Match {
    span: Span,
    term: TermId,
    category: CategoryId,
    severity: Severity,
    kind: MatchKind,
    evasions: Evasion,
}

impl Match {
    /// The byte range of the original text (always on char boundaries).
    pub fn span(&self) -> Span {
        self.span
    }

    /// The first byte of the match in the original text.
    pub fn start(&self) -> usize {
        self.span.start()
    }

    /// One past the last byte of the match in the original text.
    pub fn end(&self) -> usize {
        self.span.end()
    }

    /// The term or rule that matched.
    pub fn term(&self) -> TermId {
        self.term
    }

    /// The category of the term or rule.
    pub fn category(&self) -> CategoryId {
        self.category
    }

    /// The severity of the term or rule.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Whether a term, a regex rule or a co-occurrence rule matched.
    pub fn kind(&self) -> MatchKind {
        self.kind
    }

    /// The disguises undone inside the match (plus [`Evasion::SPLIT`] or [`Evasion::PINYIN`] when a
    /// variant of the term matched).
    pub fn evasions(&self) -> Evasion {
        self.evasions
    }
}

/// What a match of a term needs, packed in 8 bytes so that the scan's lookups stay in cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TermMeta {
    pub(crate) category: u32,
    pub(crate) severity: Severity,
    pub(crate) kind: MatchKind,
}

/// Every term and rule as written, with its category, severity and kind, stored flat: one string
/// for all texts (a `String` per term was two thirds of this table's memory for dictionary-sized
/// lexicons), and the data in runs of terms that share it (a lexicon's terms come in sections, and
/// a dictionary is often one run: 8 bytes per term were 8% of a filter of 100,000 terms).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct TermTable {
    text: String,
    /// End of term `i`'s text in `text`.
    ends: Vec<u32>,
    /// (first term, its data) of each run of terms with the same data, in id order.
    runs: Vec<(u32, TermMeta)>,
}

impl TermTable {
    pub(crate) fn with_capacity(terms: usize) -> TermTable {
        TermTable {
            text: String::new(),
            ends: Vec::with_capacity(terms),
            runs: Vec::new(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Appends a term; its id is the table's length before.
    pub(crate) fn push(&mut self, text: &str, meta: TermMeta) {
        if self.runs.last().map_or(true, |r| r.1 != meta) {
            self.runs.push((self.ends.len() as u32, meta));
        }
        self.text.push_str(text);
        self.ends.push(self.text.len() as u32);
    }

    /// Term `i` as written (empty when there is none).
    pub(crate) fn text(&self, i: usize) -> &str {
        PatternTable::bounds(&self.ends, i)
            .and_then(|(a, b)| self.text.get(a..b))
            .unwrap_or("")
    }

    /// What a match of term `i` needs; `None` when there is no term `i`.
    #[inline]
    pub(crate) fn meta(&self, i: usize) -> Option<&TermMeta> {
        if i >= self.len() {
            return None;
        }
        let run = self.runs.partition_point(|r| r.0 as usize <= i);
        self.runs.get(run.checked_sub(1)?).map(|r| &r.1)
    }

    /// Every term's text and data, in id order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &TermMeta)> + '_ {
        self.runs
            .iter()
            .enumerate()
            .flat_map(move |(k, (first, meta))| {
                let end = self.runs.get(k + 1).map_or(self.len(), |r| r.0 as usize);
                (*first as usize..end).map(move |i| (self.text(i), meta))
            })
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.runs.shrink_to_fit();
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.ends.capacity() * 4
            + self.runs.capacity() * std::mem::size_of::<(u32, TermMeta)>()
    }
}

/// Automaton values with this bit set stand for one deny term: the term id in the low
/// [`DIRECT_ID_BITS`] bits, its whole-word flags (`WORD_START | WORD_END | PLURAL`) at
/// [`DIRECT_WORD_SHIFT`], [`DIRECT_SPLIT`] or [`DIRECT_PINYIN`] for a variant, and
/// [`DIRECT_SPLITS`] when split forms count. Most patterns are such (a term, its pinyin forms, an
/// English word), so a scan seldom looks at the pattern table and the table keeps no targets for
/// them. Values without the bit are pattern indices.
pub(crate) const DIRECT_TERM: u32 = 1 << 31;
/// Where a direct value keeps its whole-word flags (three bits).
const DIRECT_WORD_SHIFT: u32 = 28;
/// A direct value of a split-character variant (`Evasion::SPLIT`).
const DIRECT_SPLIT: u32 = 1 << 27;
/// A direct value of a pinyin variant (`Evasion::PINYIN`).
const DIRECT_PINYIN: u32 = 1 << 26;
/// A direct value of a term whose characters count when written as their split forms
/// (`Target::splits`).
pub(crate) const DIRECT_SPLITS: u32 = 1 << 25;
/// Bits of the term id in a direct value: terms with larger ids go through the pattern table.
const DIRECT_ID_BITS: u32 = 25;
const DIRECT_ID: u32 = (1 << DIRECT_ID_BITS) - 1;

/// The direct automaton value of a pattern with `targets`, when it has one (see [`DIRECT_TERM`]).
fn direct_value(targets: &[Target]) -> Option<u32> {
    let [t] = targets else {
        return None;
    };
    let evasion = if t.evasion.is_empty() {
        0
    } else if t.evasion == Evasion::SPLIT {
        DIRECT_SPLIT
    } else if t.evasion == Evasion::PINYIN {
        DIRECT_PINYIN
    } else {
        return None;
    };
    let splits = if t.splits { DIRECT_SPLITS } else { 0 };
    (t.kind == TARGET_DENY && t.repeat == 0 && t.slot == 0 && t.word < 8 && t.id <= DIRECT_ID)
        .then(|| DIRECT_TERM | u32::from(t.word) << DIRECT_WORD_SHIFT | evasion | splits | t.id)
}

/// The deny target a direct automaton value stands for.
pub(crate) fn direct_target(value: u32) -> Target {
    let mut evasion = Evasion::empty();
    if value & DIRECT_SPLIT != 0 {
        evasion |= Evasion::SPLIT;
    }
    if value & DIRECT_PINYIN != 0 {
        evasion |= Evasion::PINYIN;
    }
    Target {
        kind: TARGET_DENY,
        word: (value >> DIRECT_WORD_SHIFT & 7) as u8,
        id: value & DIRECT_ID,
        slot: 0,
        evasion,
        repeat: 0,
        splits: value & DIRECT_SPLITS != 0,
    }
}

/// What a literal pattern of the automaton stands for.
pub(crate) const TARGET_DENY: u8 = 0;
pub(crate) const TARGET_ALLOW: u8 = 1;
pub(crate) const TARGET_CO_ALL: u8 = 2;
pub(crate) const TARGET_CO_NONE: u8 = 3;
/// A literal every match of regex rule `id` starts with: the rule runs only in segments where one
/// occurs (see `builder::trigger_literals`).
pub(crate) const TARGET_REGEX: u8 = 4;
/// A literal every match of regex rule `id` ends with (a rule without start literals): the rule
/// runs over the segments where one occurs (see `builder::segment_literals`).
pub(crate) const TARGET_REGEX_SEGMENT: u8 = 5;
/// A literal every match of triggered regex rule `id` contains (see `builder::gate_literals`): the
/// rule is searched at its triggers only in segments where one of these occurs too. A pattern's
/// gate targets come after its other targets (see `PatternTable::push`), so a scan notes the
/// pattern once, whatever the number of rules it gates.
pub(crate) const TARGET_REGEX_GATE: u8 = 6;

/// The canonical character before the pattern must not be an ASCII letter or digit.
pub(crate) const WORD_START: u8 = 1;
/// The canonical character after the pattern must not be an ASCII letter or digit.
pub(crate) const WORD_END: u8 = 2;
/// With `WORD_END`: the word may also end in a plural `s` or `es` (checked when matching, so plurals
/// cost no patterns).
pub(crate) const PLURAL: u8 = 4;

/// One meaning of a literal pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Target {
    /// `TARGET_*`.
    pub(crate) kind: u8,
    /// `WORD_START | WORD_END`.
    pub(crate) word: u8,
    /// Term id (deny), co-rule index (co) or allow entry index (allow).
    pub(crate) id: u32,
    /// The phrase slot of a co-rule (index into its `all` or `none` list).
    pub(crate) slot: u32,
    /// Evasion flags added to matches (SPLIT, PINYIN).
    pub(crate) evasion: Evasion,
    /// Bit `i` set: canonical character `i` of the pattern stands for a collapsed run in the phrase as
    /// written (哥哥 → 哥), so the text must have a collapsed run there too. Keeps reduplicated words
    /// from matching their single character.
    pub(crate) repeat: u64,
    /// The phrase also matches with its characters written as their split forms (木仓 for 枪),
    /// which the search composes (see `charwise`).
    pub(crate) splits: bool,
}

/// The distinct canonical strings of the automaton and what each stands for, stored flat. Pattern
/// `i` has a direct automaton value (see [`DIRECT_TERM`]), which says all there is to say about it,
/// or automaton value `i` and a run of targets; only the latter are kept in `targets`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PatternTable {
    text: String,
    /// End of pattern `i`'s text in `text` (no text of its own when it is its term's: see
    /// `from_term`).
    text_ends: Vec<u32>,
    /// Bit `i` set: pattern `i` has a direct value and its text is its term's as written, kept
    /// once, in the term table (most dictionary words are already canonical).
    from_term: Vec<u64>,
    /// Pattern `i`'s direct value, or (without [`DIRECT_TERM`]) its number `k` among the patterns
    /// with targets.
    slots: Vec<u32>,
    targets: Vec<Target>,
    /// End of the targets of the `k`-th pattern with targets in `targets`.
    target_ends: Vec<u32>,
}

/// What one pattern stands for: the target of a direct value, or a run of the table's targets.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Targets<'a> {
    One(Target),
    Many(&'a [Target]),
}

impl std::ops::Deref for Targets<'_> {
    type Target = [Target];
    fn deref(&self) -> &[Target] {
        match self {
            Targets::One(t) => std::slice::from_ref(t),
            Targets::Many(ts) => ts,
        }
    }
}

impl PatternTable {
    pub(crate) fn len(&self) -> usize {
        self.text_ends.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.text_ends.is_empty()
    }

    /// Appends a pattern. Its `TARGET_REGEX_GATE` targets go last, in order of rule (see
    /// [`PatternTable::gated_rules`]); the others keep their order.
    pub(crate) fn push(&mut self, text: &str, targets: &[Target]) {
        self.text.push_str(text);
        self.text_ends.push(self.text.len() as u32);
        self.push_targets(targets);
    }

    /// Appends the targets of the next pattern, whose text comes with [`PatternTable::set_texts`].
    pub(crate) fn push_targets(&mut self, targets: &[Target]) {
        if let Some(value) = direct_value(targets) {
            self.slots.push(value);
            return;
        }
        self.slots.push(self.target_ends.len() as u32);
        let first_gate = self.targets.len()
            + targets
                .iter()
                .filter(|t| t.kind != TARGET_REGEX_GATE)
                .count();
        self.targets
            .extend(targets.iter().filter(|t| t.kind != TARGET_REGEX_GATE));
        self.targets
            .extend(targets.iter().filter(|t| t.kind == TARGET_REGEX_GATE));
        self.targets[first_gate..].sort_unstable_by_key(|t| t.id);
        self.target_ends.push(self.targets.len() as u32);
    }

    /// Sets the texts of patterns added with [`PatternTable::push_targets`]: pattern `i` is
    /// `text[ends[i - 1]..ends[i]]`. Loading a saved filter checks all texts at once this way
    /// rather than one by one. Fails unless there is one end per pattern and every end, in order,
    /// is a character boundary.
    pub(crate) fn set_texts(&mut self, text: String, ends: Vec<u32>) -> Result<(), &'static str> {
        if ends.len() != self.slots.len() {
            return Err("pattern texts and targets differ in number");
        }
        let mut last = 0;
        for &end in &ends {
            if end < last || !text.is_char_boundary(end as usize) {
                return Err("a pattern's text is not on character boundaries");
            }
            last = end;
        }
        if last as usize != text.len() {
            return Err("pattern texts and targets differ in number");
        }
        self.text = text;
        self.text_ends = ends;
        Ok(())
    }

    /// The regex rules pattern `i` is a gate literal of (its `TARGET_REGEX_GATE` targets, which
    /// come last).
    pub(crate) fn gated_rules(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        let targets = match self.targets(i) {
            Some(Targets::Many(ts)) => ts,
            _ => &[],
        };
        let first_gate = targets.partition_point(|t| t.kind != TARGET_REGEX_GATE);
        targets[first_gate..].iter().map(|t| t.id)
    }

    fn bounds(ends: &[u32], i: usize) -> Option<(usize, usize)> {
        let end = *ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { ends[i - 1] as usize };
        Some((start, end))
    }

    /// The canonical text of pattern `i` (empty when there is none), whose terms are `terms`.
    pub(crate) fn text<'a>(&'a self, i: usize, terms: &'a TermTable) -> &'a str {
        if self
            .from_term
            .get(i >> 6)
            .is_some_and(|w| w >> (i & 63) & 1 != 0)
        {
            return terms.text(direct_target(self.value(i)).id as usize);
        }
        Self::bounds(&self.text_ends, i)
            .and_then(|(a, b)| self.text.get(a..b))
            .unwrap_or("")
    }

    /// Drops the texts of the patterns with a direct value whose text is their term's as written:
    /// [`PatternTable::text`] finds it in `terms`.
    pub(crate) fn share_term_texts(&mut self, terms: &TermTable) {
        let mut text = String::with_capacity(self.text.len());
        let mut ends = Vec::with_capacity(self.text_ends.len());
        let mut from_term = vec![0u64; self.len().div_ceil(64)];
        for i in 0..self.len() {
            let own = Self::bounds(&self.text_ends, i)
                .and_then(|(a, b)| self.text.get(a..b))
                .unwrap_or("");
            let value = self.value(i);
            if value & DIRECT_TERM != 0 && terms.text(direct_target(value).id as usize) == own {
                from_term[i >> 6] |= 1 << (i & 63);
            } else {
                text.push_str(own);
            }
            ends.push(text.len() as u32);
        }
        text.shrink_to_fit();
        self.text = text;
        self.text_ends = ends;
        self.from_term = from_term;
    }

    /// The automaton value of pattern `i`: its direct value, or `i`.
    pub(crate) fn value(&self, i: usize) -> u32 {
        match self.slots.get(i) {
            Some(&v) if v & DIRECT_TERM != 0 => v,
            _ => i as u32,
        }
    }

    /// What pattern `i` stands for; `None` when there is no pattern `i`.
    #[inline]
    pub(crate) fn targets(&self, i: usize) -> Option<Targets<'_>> {
        let slot = *self.slots.get(i)?;
        if slot & DIRECT_TERM != 0 {
            return Some(Targets::One(direct_target(slot)));
        }
        Self::bounds(&self.target_ends, slot as usize)
            .and_then(|(a, b)| self.targets.get(a..b))
            .map(Targets::Many)
    }

    /// Every pattern's text and targets, in value order (`terms`: its terms).
    pub(crate) fn iter<'a>(
        &'a self,
        terms: &'a TermTable,
    ) -> impl Iterator<Item = (&'a str, Targets<'a>)> + 'a {
        (0..self.len()).map(move |i| {
            let targets = self.targets(i).unwrap_or(Targets::Many(&[]));
            (self.text(i, terms), targets)
        })
    }

    /// The targets of the patterns without a direct value (so no deny target of a plain term or
    /// its variants).
    pub(crate) fn indirect_targets(&self) -> &[Target] {
        &self.targets
    }

    /// The term ids of the patterns with a direct value.
    pub(crate) fn direct_terms(&self) -> impl Iterator<Item = u32> + '_ {
        self.slots
            .iter()
            .filter(|&&slot| slot & DIRECT_TERM != 0)
            .map(|&slot| direct_target(slot).id)
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.text_ends.shrink_to_fit();
        self.from_term.shrink_to_fit();
        self.slots.shrink_to_fit();
        self.targets.shrink_to_fit();
        self.target_ends.shrink_to_fit();
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.from_term.capacity() * 8
            + (self.text_ends.capacity() + self.slots.capacity() + self.target_ends.capacity()) * 4
            + self.targets.capacity() * std::mem::size_of::<Target>()
    }
}

/// A regex rule: the term entry it reports and its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RegexEntry {
    pub(crate) term: u32,
    pub(crate) pattern: String,
}

/// A compiled co-occurrence rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CoEntry {
    pub(crate) term: u32,
    pub(crate) all: u32,
    pub(crate) none: u32,
    pub(crate) within: Option<u32>,
}

/// Builder settings kept with the filter (and in saved filters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Settings {
    pub(crate) mask_char: char,
    pub(crate) max_variants: u32,
    pub(crate) regex_size_limit: u64,
    pub(crate) pinyin: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            mask_char: '*',
            max_variants: 4,
            regex_size_limit: 10 << 20,
            pinyin: false,
        }
    }
}

/// The compiled regex rules. Rules with trigger literals in the automaton (`TARGET_REGEX`) run
/// anchored at each trigger; rules with segment literals (`TARGET_REGEX_SEGMENT`) over each segment
/// where one occurred. For the others (`untriggered`, by rule index), `any` says
/// whether one matches anywhere in the text (a leftmost search that stops at the first match, so
/// clean text costs one pass) and `combined` which of them match a segment. One regex per rule
/// (`each`) finds that rule's matches.
#[derive(Debug)]
pub(crate) struct Regexes {
    pub(crate) untriggered: Vec<u32>,
    pub(crate) any: Option<meta::Regex>,
    pub(crate) combined: Option<meta::Regex>,
    pub(crate) each: Vec<rule_regex::Rule>,
    /// Per rule: whether its triggers count only in segments holding one of its
    /// `TARGET_REGEX_GATE` literals.
    pub(crate) needs_gate: Vec<bool>,
}

/// The compiled, immutable data of a filter.
pub(crate) struct Inner {
    /// Unique per compiled filter, so a [`Scratch`] knows whether its regex caches fit.
    pub(crate) id: u64,
    pub(crate) normalizer: Normalizer,
    pub(crate) categories: Vec<String>,
    pub(crate) terms: TermTable,
    pub(crate) patterns: PatternTable,
    pub(crate) automaton: Option<charwise::TermAutomaton>,
    /// The byte DFA of the ASCII patterns: made by the builder, or by a loaded filter when a scan
    /// first meets ASCII text ([`Inner::ascii_automaton`]).
    pub(crate) ascii: OnceLock<Option<AsciiAutomaton>>,
    pub(crate) regex_rules: Vec<RegexEntry>,
    pub(crate) regexes: Option<Regexes>,
    pub(crate) co_rules: Vec<CoEntry>,
    pub(crate) allow_count: u32,
    pub(crate) settings: Settings,
}

impl Inner {
    /// The DFA for canonical text that is all ASCII, made on first use; `None` when the filter
    /// has no ASCII patterns or too many.
    pub(crate) fn ascii_automaton(&self) -> Option<&AsciiAutomaton> {
        self.ascii
            .get_or_init(|| AsciiAutomaton::build(&self.patterns, &self.terms))
            .as_ref()
    }
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Filter")
            .field("terms", &self.terms.len())
            .field("patterns", &self.patterns.len())
            .field("regex_rules", &self.regex_rules.len())
            .field("co_rules", &self.co_rules.len())
            .field("allows", &self.allow_count)
            .finish()
    }
}

fn next_filter_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// An immutable, compiled set of terms and rules that finds matches in text.
///
/// Cloning is cheap (a reference-count bump); a filter may be used from any number of threads at once.
///
/// # Example
///
/// ```
/// use jingwang::Filter;
/// let filter = Filter::new(["军火", "gun"]).unwrap();
/// let text = "出售军火 and a gun";
/// let found: Vec<&str> = filter.find_all(text).iter().map(|m| &text[m.span().range()]).collect();
/// assert_eq!(found, ["军火", "gun"]);
/// assert_eq!(filter.mask(text), "出售** and a ***");
/// ```
#[derive(Clone, Debug)]
pub struct Filter(Arc<Inner>);

impl Filter {
    /// A filter of deny terms (category `default`, severity medium, default options).
    ///
    /// # Errors
    ///
    /// A [`BuildError`] when a term normalises to nothing ([`BuildErrorKind::EmptyTerm`]) or crosses a
    /// hard boundary ([`BuildErrorKind::InvalidPattern`]).
    pub fn new<I, S>(terms: I) -> Result<Filter, BuildError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut builder = FilterBuilder::new();
        for t in terms {
            builder.add_term(t.as_ref(), "default", Severity::Medium);
        }
        builder.build()
    }

    /// A builder for filters made from lexicons, rules and options.
    pub fn builder() -> FilterBuilder {
        FilterBuilder::new()
    }

    pub(crate) fn from_inner(inner: Inner) -> Filter {
        Filter(Arc::new(inner))
    }

    /// Every match, overlapping ones included, sorted by `(start, end, term)`.
    pub fn find_all(&self, text: &str) -> Vec<Match> {
        let mut out = Vec::new();
        scan::with_thread_scratch(|scratch| self.find_all_with(text, scratch, &mut out));
        out
    }

    /// Leftmost-longest non-overlapping matches: from left to right, the longest match starting first,
    /// then the next one starting after it ends.
    pub fn find_iter(&self, text: &str) -> Vec<Match> {
        let mut out = Vec::new();
        scan::with_thread_scratch(|scratch| self.find_iter_with(text, scratch, &mut out));
        out
    }

    /// Whether anything matches: the same answer as `!find_all(text).is_empty()`, usually much
    /// cheaper. The text is normalised without its origin map and searched; allow entries are
    /// compared on the canonical text, and the search stops at the first hit that is surely a
    /// match. Only a text with a hit that needs the origin map (a pattern that requires a collapsed
    /// run, such as a reduplicated term) or a co-occurrence rule whose phrases all occur goes
    /// through the full [`Filter::find_all`] pipeline.
    pub fn is_match(&self, text: &str) -> bool {
        scan::with_thread_scratch(|scratch| self.is_match_with(text, scratch))
    }

    /// The character [`Filter::mask`] replaces matched characters with (`FilterBuilder::mask_char`,
    /// `*` by default).
    pub fn mask_char(&self) -> char {
        self.0.settings.mask_char
    }

    /// The text with every character inside a match replaced by the filter's mask character.
    pub fn mask(&self, text: &str) -> String {
        self.mask_with(text, self.0.settings.mask_char)
    }

    /// The text with every character inside a match replaced by `mask`.
    pub fn mask_with(&self, text: &str, mask: char) -> String {
        let mut out = String::new();
        scan::with_thread_scratch(|scratch| self.mask_into(text, mask, scratch, &mut out));
        out
    }

    /// Like [`Filter::find_all`], into `out` (cleared first); allocates nothing once `scratch` and `out`
    /// are warm.
    pub fn find_all_with(&self, text: &str, scratch: &mut Scratch, out: &mut Vec<Match>) {
        scan::find_all(&self.0, text, scratch, out);
    }

    /// Like [`Filter::find_iter`], into `out` (cleared first).
    pub fn find_iter_with(&self, text: &str, scratch: &mut Scratch, out: &mut Vec<Match>) {
        let mut all = std::mem::take(&mut scratch.matches);
        scan::find_all(&self.0, text, scratch, &mut all);
        scan::leftmost_longest(&all, out);
        scratch.matches = all;
    }

    /// Like [`Filter::is_match`], reusing `scratch`.
    pub fn is_match_with(&self, text: &str, scratch: &mut Scratch) -> bool {
        scan::is_match(&self.0, text, scratch)
    }

    /// Like [`Filter::mask_with`], into `out` (cleared first).
    pub fn mask_into(&self, text: &str, mask: char, scratch: &mut Scratch, out: &mut String) {
        let mut all = std::mem::take(&mut scratch.matches);
        scan::find_all(&self.0, text, scratch, &mut all);
        scan::mask(text, &all, mask, out);
        scratch.matches = all;
    }

    /// The term id with this index, if the filter has that many terms and rules (ids run from 0 to
    /// [`Filter::term_count`] − 1). For callers that keep ids as plain numbers, such as the C API.
    pub fn term_id(&self, index: usize) -> Option<TermId> {
        (index < self.0.terms.len()).then_some(TermId(index as u32))
    }

    /// The category id with this index, if the filter has that many categories.
    pub fn category_id(&self, index: usize) -> Option<CategoryId> {
        (index < self.0.categories.len()).then_some(CategoryId(index as u32))
    }

    /// The term or rule as written (for a rule: its name, or its pattern when it has none).
    ///
    /// # Panics
    ///
    /// Panics when `id` does not belong to this filter.
    pub fn term(&self, id: TermId) -> &str {
        let i = id.index();
        assert!(
            i < self.0.terms.len(),
            "term id {i} does not belong to this filter"
        );
        self.0.terms.text(i)
    }

    /// The category name.
    ///
    /// # Panics
    ///
    /// Panics when `id` does not belong to this filter.
    pub fn category_name(&self, id: CategoryId) -> &str {
        &self.0.categories[id.index()]
    }

    /// Every category with its id, in id order.
    pub fn categories(&self) -> impl Iterator<Item = (CategoryId, &str)> {
        self.0
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (CategoryId(i as u32), c.as_str()))
    }

    /// The number of term ids: deny terms, regex rules and co-occurrence rules.
    pub fn term_count(&self) -> usize {
        self.0.terms.len()
    }

    /// The number of distinct literal patterns in the automaton (terms with their variants and plurals,
    /// allow phrases, co-occurrence phrases), plus the number of regex rules.
    pub fn pattern_count(&self) -> usize {
        self.0.patterns.len() + self.0.regex_rules.len()
    }

    /// The normaliser applied to both terms and text.
    pub fn normalizer(&self) -> &Normalizer {
        &self.0.normalizer
    }

    /// The heap memory held by the filter, in bytes (approximate for the regexes; a loaded filter's
    /// grows as its regex rules compile).
    pub fn heap_bytes(&self) -> usize {
        let i = &*self.0;
        let mut n = i.categories.iter().map(|c| c.capacity()).sum::<usize>()
            + i.categories.capacity() * std::mem::size_of::<String>();
        n += i.terms.heap_bytes();
        n += i.patterns.heap_bytes();
        n += i.automaton.as_ref().map_or(0, |a| a.heap_bytes());
        n += i
            .ascii
            .get()
            .and_then(Option::as_ref)
            .map_or(0, |a| a.heap_bytes());
        n += i
            .regex_rules
            .iter()
            .map(|r| r.pattern.capacity())
            .sum::<usize>()
            + i.regex_rules.capacity() * std::mem::size_of::<RegexEntry>();
        if let Some(r) = &i.regexes {
            n += r.any.as_ref().map_or(0, |a| a.memory_usage())
                + r.combined.as_ref().map_or(0, |c| c.memory_usage())
                + r.untriggered.capacity() * 4
                + r.each.iter().map(|e| e.memory_usage()).sum::<usize>();
        }
        n + i.co_rules.capacity() * std::mem::size_of::<CoEntry>()
    }

    /// The filter as a versioned, checksummed byte string for [`Filter::from_bytes`]. This version
    /// writes format 5 and reads formats 1 to 5; a library that reads only older formats rejects the
    /// bytes with [`LoadErrorKind::UnsupportedVersion`](crate::LoadErrorKind::UnsupportedVersion), so
    /// save with the oldest library that has to read them.
    pub fn to_bytes(&self) -> Vec<u8> {
        serial::to_bytes(&self.0)
    }

    /// Loads a filter saved with [`Filter::to_bytes`]: no lexicon is parsed, nothing is normalised and
    /// the term automaton is not rebuilt. The saved automaton is checked before use, so that even a
    /// deliberately forged file (with a valid checksum) cannot make a scan loop or panic: every
    /// failure link must lead towards the root and every reported match must fit its pattern. Files
    /// of older format versions load too; those of version 1 (which did not store the automaton)
    /// have their automaton rebuilt.
    ///
    /// Regex rules without literals are compiled here; every other regex rule compiles when a scan
    /// first needs it (a fraction of a millisecond each, once per loaded filter), as most are never
    /// needed on ordinary text. [`Filter::compile_regex_rules`] compiles them all at once instead.
    ///
    /// # Errors
    ///
    /// A [`LoadError`] when the data is not a saved filter, was written by a newer version, is truncated,
    /// fails its checksum or is inconsistent.
    pub fn from_bytes(bytes: &[u8]) -> Result<Filter, LoadError> {
        serial::from_bytes(bytes).map(Filter::from_inner)
    }

    /// Compiles now every regex rule that would otherwise compile when a scan first needs it (see
    /// [`Filter::from_bytes`]), and the byte automaton of the ASCII patterns that a loaded filter
    /// otherwise makes when it first scans text whose canonical form is all ASCII: a first scan as
    /// fast as the next. A built filter has made them all already.
    ///
    /// ```
    /// let mut b = jingwang::Filter::builder();
    /// b.add_default_lexicon();
    /// let loaded = jingwang::Filter::from_bytes(&b.build().unwrap().to_bytes()).unwrap();
    /// let before = loaded.heap_bytes();
    /// loaded.compile_regex_rules().unwrap();
    /// assert!(loaded.heap_bytes() > before);
    /// ```
    ///
    /// # Errors
    ///
    /// A [`LoadError`] of kind `Corrupt` naming the first rule that does not compile. Only data not
    /// written by [`Filter::to_bytes`] can hold one; such a rule matches nothing.
    pub fn compile_regex_rules(&self) -> Result<(), LoadError> {
        self.0.ascii_automaton();
        let Some(regexes) = &self.0.regexes else {
            return Ok(());
        };
        for (i, rule) in regexes.each.iter().enumerate() {
            if let Err(e) = rule.compiled() {
                return Err(LoadError::corrupt(&format!(
                    "regex rule {i} ({:?}) does not compile: {}",
                    self.0.regex_rules[i].pattern, e.message
                )));
            }
        }
        Ok(())
    }
}

/// The next number of a xorshift64 sequence in `state` (nonzero): random but repeatable test data.
#[cfg(test)]
pub(crate) fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deny(id: u32, word: u8, evasion: Evasion) -> Target {
        Target {
            kind: TARGET_DENY,
            word,
            id,
            slot: 0,
            evasion,
            repeat: 0,
            splits: false,
        }
    }

    /// A single deny target with any whole-word flags, at most one variant flag and either
    /// `splits` has a direct value that gives it back; anything a direct value cannot say has none.
    #[test]
    fn direct_values_say_exactly_what_their_pattern_stands_for() {
        let evasions = [Evasion::empty(), Evasion::SPLIT, Evasion::PINYIN];
        let mut seen = std::collections::HashSet::new();
        for id in [0, 1, 12_345, DIRECT_ID] {
            for word in 0..8 {
                for evasion in evasions {
                    for splits in [false, true] {
                        let t = Target {
                            splits,
                            ..deny(id, word, evasion)
                        };
                        let v = direct_value(&[t]).expect("a direct value");
                        assert_ne!(v & DIRECT_TERM, 0);
                        assert_eq!(direct_target(v), t);
                        assert_eq!(
                            v == DIRECT_TERM | id,
                            word == 0 && evasion.is_empty() && !splits
                        );
                        assert!(seen.insert(v), "{v:#x} twice");
                    }
                }
            }
        }
        let plain = deny(7, 0, Evasion::empty());
        let not_direct = [
            vec![deny(DIRECT_ID + 1, 0, Evasion::empty())],
            vec![deny(7, 8, Evasion::empty())],
            vec![deny(7, 0, Evasion::SPLIT | Evasion::PINYIN)],
            vec![deny(7, 0, Evasion::HOMOGLYPH)],
            vec![Target { repeat: 1, ..plain }],
            vec![Target { slot: 1, ..plain }],
            vec![Target {
                kind: TARGET_ALLOW,
                ..plain
            }],
            vec![plain, deny(8, 0, Evasion::empty())],
            vec![],
        ];
        for targets in not_direct {
            assert_eq!(direct_value(&targets), None, "{targets:?}");
        }
    }

    /// Terms keep their data in runs: each term gets back exactly what it was pushed with, in
    /// order, and a run of equal data costs one entry.
    #[test]
    fn the_term_table_gives_each_term_its_own_data() {
        let meta = |category: u32, severity: Severity| TermMeta {
            category,
            severity,
            kind: MatchKind::Term,
        };
        let mut seed = 7u64;
        let mut next = |n: u32| (xorshift(&mut seed) % u64::from(n)) as u32;
        let mut table = TermTable::default();
        let mut want = Vec::new();
        for i in 0..2_000 {
            let m = if next(10) == 0 {
                meta(next(3), Severity::High)
            } else {
                want.last().map_or(meta(0, Severity::Low), |&(_, m)| m)
            };
            let text = format!("term{i}");
            table.push(&text, m);
            want.push((text, m));
        }
        assert_eq!(table.len(), want.len());
        for (i, (text, m)) in want.iter().enumerate() {
            assert_eq!(table.text(i), text);
            assert_eq!(table.meta(i), Some(m));
        }
        assert_eq!(table.meta(want.len()), None);
        let got: Vec<(String, TermMeta)> = table.iter().map(|(t, m)| (t.to_string(), *m)).collect();
        assert_eq!(got, want);
        let runs = want.windows(2).filter(|w| w[0].1 != w[1].1).count() + 1;
        assert_eq!(table.runs.len(), runs);
        assert!(runs < 400, "{runs} runs");
    }

    /// The table keeps targets only for patterns without a direct value, and answers both kinds.
    #[test]
    fn the_pattern_table_answers_direct_and_indexed_patterns() {
        let mut table = PatternTable::default();
        let split = deny(3, WORD_START | WORD_END, Evasion::SPLIT);
        let pair = [deny(1, 0, Evasion::empty()), deny(2, 0, Evasion::empty())];
        table.push("木仓", &[split]);
        table.push("枪", &pair);
        assert_eq!(table.len(), 2);
        assert_eq!(table.indirect_targets(), &pair);
        assert_eq!(table.value(0), direct_value(&[split]).unwrap());
        assert_eq!(table.value(1), 1);
        assert_eq!(&*table.targets(0).unwrap(), &[split]);
        assert_eq!(&*table.targets(1).unwrap(), &pair);
        assert_eq!(direct_target(table.value(0)), split);
        assert!(table.targets(2).is_none());
        assert_eq!(table.text(0, &TermTable::default()), "木仓");
    }
}
