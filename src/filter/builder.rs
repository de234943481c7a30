//! `FilterBuilder`: lexicons and options in, compiled [`Filter`] out.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use daachorse::CharwiseDoubleArrayAhoCorasick;
use regex_automata::{meta, util::syntax};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};

use super::ascii::AsciiAutomaton;
use super::automaton;
use super::charwise::TermAutomaton;
use super::error::{BuildError, BuildErrorKind};
use super::rule_regex::{meta_config, syntax_config, Rule};
use super::{
    next_filter_id, pending, CoEntry, Filter, Inner, MatchKind, PatternTable, RegexEntry, Regexes,
    Settings, Target, TermMeta, TermTable, PLURAL, TARGET_ALLOW, TARGET_CO_ALL, TARGET_CO_NONE,
    TARGET_DENY, TARGET_REGEX, TARGET_REGEX_GATE, TARGET_REGEX_SEGMENT, WORD_END, WORD_START,
};
use crate::lexicon::{AllowEntry, Lexicon, Location, RegexRule, Severity, Term, TermOptions};
use crate::normalize::{Evasion, NormalizeConfig, Normalized, Normalizer, BREAK};

/// One thing added to a builder, kept until [`FilterBuilder::build`].
#[derive(Clone, Debug)]
enum Source {
    Text { text: String, source: String },
    File(PathBuf),
    Parsed(Lexicon),
    Default,
}

/// Builds a [`Filter`] from lexicons, single terms, allow entries and regex rules. Reusable: `build`
/// does not consume it.
///
/// # Example
///
/// ```
/// use jingwang::{Filter, Severity};
/// let filter = Filter::builder()
///     .add_term("枪", "weapons", Severity::High)
///     .add_allow("水枪")
///     .build()
///     .unwrap();
/// assert!(filter.is_match("卖枪"));
/// assert!(!filter.is_match("儿童水枪"));
/// ```
#[derive(Clone, Debug)]
pub struct FilterBuilder {
    sources: Vec<Source>,
    inline: Lexicon,
    config: NormalizeConfig,
    settings: Settings,
}

impl Default for FilterBuilder {
    fn default() -> FilterBuilder {
        FilterBuilder::new()
    }
}

impl FilterBuilder {
    /// An empty builder with default options.
    pub fn new() -> FilterBuilder {
        FilterBuilder {
            sources: Vec::new(),
            inline: Lexicon::default(),
            config: NormalizeConfig::default(),
            settings: Settings::default(),
        }
    }

    /// Adds lexicon text; it is parsed by [`FilterBuilder::build`]. `source` names it in errors.
    pub fn add_lexicon(&mut self, text: &str, source: &str) -> &mut Self {
        self.flush_inline();
        self.sources.push(Source::Text {
            text: text.to_string(),
            source: source.to_string(),
        });
        self
    }

    /// Adds a lexicon file; it is read and parsed by [`FilterBuilder::build`].
    pub fn add_lexicon_file(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.flush_inline();
        self.sources.push(Source::File(path.as_ref().to_path_buf()));
        self
    }

    /// Adds an already parsed lexicon.
    pub fn add_parsed(&mut self, lexicon: Lexicon) -> &mut Self {
        self.flush_inline();
        self.sources.push(Source::Parsed(lexicon));
        self
    }

    /// Adds the embedded default lexicon: illegal online trade and fraud in Chinese and English, with
    /// contact detectors (see `docs/default-lexicon.md` and [`crate::DEFAULT_LEXICON_FILES`]).
    ///
    /// ```
    /// let filter = jingwang::Filter::builder().add_default_lexicon().build().unwrap();
    /// assert!(filter.is_match("出售仿真槍，货到付款"));
    /// assert!(!filter.is_match("今天天气不错"));
    /// ```
    pub fn add_default_lexicon(&mut self) -> &mut Self {
        self.flush_inline();
        self.sources.push(Source::Default);
        self
    }

    /// Adds one deny term with default options.
    pub fn add_term(&mut self, text: &str, category: &str, severity: Severity) -> &mut Self {
        self.add_term_with(text, category, severity, TermOptions::default())
    }

    /// Adds one deny term with options.
    pub fn add_term_with(
        &mut self,
        text: &str,
        category: &str,
        severity: Severity,
        options: TermOptions,
    ) -> &mut Self {
        let location = self.next_location();
        self.inline.terms.push(Term {
            text: text.to_string(),
            category: category.to_string(),
            severity,
            options,
            location,
        });
        self
    }

    /// Adds an allow phrase: deny matches overlapping its occurrences are suppressed.
    pub fn add_allow(&mut self, text: &str) -> &mut Self {
        let location = self.next_location();
        self.inline.allows.push(AllowEntry {
            text: text.to_string(),
            location,
        });
        self
    }

    /// Adds a regex rule, run on the canonical stream. `name` is what [`Filter::term`] reports (the
    /// pattern when `None`).
    pub fn add_regex(
        &mut self,
        pattern: &str,
        name: Option<&str>,
        category: &str,
        severity: Severity,
    ) -> &mut Self {
        let location = self.next_location();
        self.inline.regexes.push(RegexRule {
            pattern: pattern.to_string(),
            name: name.map(str::to_string),
            category: category.to_string(),
            severity,
            location,
        });
        self
    }

    /// Sets the normaliser configuration used for terms and text.
    pub fn normalize_config(&mut self, config: NormalizeConfig) -> &mut Self {
        self.config = config;
        self
    }

    /// Whether terms that do not say otherwise also match in pinyin (default `false`): written
    /// wholly in pinyin (军火 as junhuo, jun huo), or, for terms of two to five Chinese characters,
    /// partly (jun火, 出售qiang支; first readings, every combination).
    pub fn pinyin(&mut self, yes: bool) -> &mut Self {
        self.settings.pinyin = yes;
        self
    }

    /// The most whole-pinyin variants generated per term (default 4: the joined and spaced forms of
    /// the first readings, then other readings of heteronyms); the forms partly in pinyin are not
    /// counted. Split characters (木仓 for 枪) are not generated but composed while searching, in any
    /// combination (up to four in one match); 0 turns pinyin and split forms off.
    pub fn max_variants(&mut self, n: usize) -> &mut Self {
        self.settings.max_variants = u32::try_from(n).unwrap_or(u32::MAX);
        self
    }

    /// The size limit of the regex rules' compiled NFA and of each lazy DFA cache (default 10 MiB).
    pub fn regex_size_limit(&mut self, bytes: usize) -> &mut Self {
        self.settings.regex_size_limit = bytes as u64;
        self
    }

    /// The character [`Filter::mask`] writes (default `*`).
    pub fn mask_char(&mut self, c: char) -> &mut Self {
        self.settings.mask_char = c;
        self
    }

    /// Parses the lexicons and compiles everything into a filter.
    ///
    /// # Errors
    ///
    /// A [`BuildError`] naming the file, line and column of the first bad entry: a lexicon that does
    /// not parse or cannot be read, a term that normalises to nothing or crosses a hard boundary, a
    /// regex that does not compile or can match the empty string, or regexes over the size limit.
    pub fn build(&self) -> Result<Filter, BuildError> {
        let mut lexicon = Lexicon::default();
        for source in &self.sources {
            let lex = match source {
                Source::Text { text, source } => {
                    pending::parse_lexicon(text, source).map_err(BuildError::from_lexicon)?
                }
                Source::File(path) => {
                    pending::parse_lexicon_file(path).map_err(BuildError::from_lexicon)?
                }
                Source::Parsed(lex) => lex.clone(),
                Source::Default => {
                    crate::default_lexicon::default_lexicon().map_err(BuildError::from_lexicon)?
                }
            };
            append(&mut lexicon, lex);
        }
        append(&mut lexicon, self.inline.clone());
        compile(&lexicon, &self.config, self.settings).map(Filter::from_inner)
    }

    fn flush_inline(&mut self) {
        if !is_empty(&self.inline) {
            let inline = std::mem::take(&mut self.inline);
            self.sources.push(Source::Parsed(inline));
        }
    }

    fn next_location(&self) -> Location {
        let n = self.inline.terms.len()
            + self.inline.allows.len()
            + self.inline.regexes.len()
            + self.inline.co_rules.len();
        Location {
            source: Arc::from("<builder>"),
            line: u32::try_from(n + 1).unwrap_or(u32::MAX),
            column: 1,
        }
    }
}

fn is_empty(l: &Lexicon) -> bool {
    l.terms.is_empty() && l.allows.is_empty() && l.regexes.is_empty() && l.co_rules.is_empty()
}

fn append(into: &mut Lexicon, from: Lexicon) {
    into.terms.extend(from.terms);
    into.allows.extend(from.allows);
    into.regexes.extend(from.regexes);
    into.co_rules.extend(from.co_rules);
}

/// Everything a distinct canonical string stands for, while compiling: nearly always one target,
/// kept inline.
struct Pattern {
    first: Target,
    more: Vec<Target>,
}

/// Collects distinct canonical patterns and their targets. A pattern's text is kept once, as its
/// key in `index` (its value is the pattern's position in `list`).
struct Patterns {
    index: HashMap<String, u32, WordHash>,
    list: Vec<Pattern>,
}

/// The builder's hash maps of patterns and terms: a third of a million short keys for 100,000
/// terms, where SipHash was 6% of a build.
type WordHash = BuildHasherDefault<WordHasher>;

/// A multiply-rotate hasher (the scheme of rustc's FxHash). The keys come from the lexicon, which
/// whoever builds the filter controls, so flooding resistance buys nothing.
#[derive(Clone, Copy, Debug, Default)]
struct WordHasher(u64);

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Patterns {
    fn with_capacity(n: usize) -> Patterns {
        Patterns {
            index: HashMap::with_capacity_and_hasher(n, WordHash::default()),
            list: Vec::with_capacity(n),
        }
    }

    fn add(&mut self, text: &str, target: Target) {
        match self.index.get(text) {
            Some(&id) => {
                let p = &mut self.list[id as usize];
                if p.first != target && !p.more.contains(&target) {
                    p.more.push(target);
                }
            }
            None => {
                self.index.insert(text.to_string(), self.list.len() as u32);
                self.list.push(Pattern {
                    first: target,
                    more: Vec::new(),
                });
            }
        }
    }

    /// The flat table the filter keeps.
    fn into_table(self) -> PatternTable {
        let mut texts = vec![""; self.list.len()];
        for (text, &id) in &self.index {
            texts[id as usize] = text;
        }
        let mut table = PatternTable::default();
        let mut targets = Vec::new();
        for (text, p) in texts.iter().zip(&self.list) {
            targets.clear();
            targets.push(p.first);
            targets.extend_from_slice(&p.more);
            table.push(text, &targets);
        }
        table.shrink_to_fit();
        table
    }
}

struct Compiler {
    normalizer: Normalizer,
    buf: Normalized,
    settings: Settings,
    categories: Vec<String>,
    category_index: HashMap<String, u32>,
    terms: TermTable,
    patterns: Patterns,
    /// The characters of terms that take split forms (see `Compiler::add_with_variants`).
    split_chars: Vec<char>,
}

/// The collapsed-run positions of the phrase just normalised into `buf` (see `Target::repeat`).
fn repeat_mask(buf: &Normalized) -> u64 {
    let lead = buf.text().len() - buf.text().trim_start_matches(' ').len();
    let mut mask = 0;
    for (i, c) in buf.chars().iter().skip(lead).take(64).enumerate() {
        if c.evasions.contains(Evasion::REPEAT) {
            mask |= 1 << i;
        }
    }
    mask
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

impl Compiler {
    fn category(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.category_index.get(name) {
            return id;
        }
        let id = self.categories.len() as u32;
        self.categories.push(name.to_string());
        self.category_index.insert(name.to_string(), id);
        id
    }

    /// The canonical form of a phrase, or the error naming it.
    fn canonical(
        &mut self,
        text: &str,
        what: &str,
        location: &Location,
    ) -> Result<String, BuildError> {
        self.normalizer.normalize_into(text, &mut self.buf);
        let canon = self.buf.text().trim_matches(' ');
        if canon.is_empty() {
            return Err(BuildError::new(
                BuildErrorKind::EmptyTerm,
                Some(location),
                format!("{what} {text:?} normalises to nothing"),
            ));
        }
        if canon.contains(BREAK) {
            return Err(BuildError::new(
                BuildErrorKind::InvalidPattern,
                Some(location),
                format!("{what} {text:?} crosses a hard boundary"),
            ));
        }
        Ok(canon.to_string())
    }

    /// The whole-word flags of a canonical phrase.
    fn word_flags(canon: &str, word: Option<bool>) -> u8 {
        match word {
            Some(true) => WORD_START | WORD_END,
            Some(false) => 0,
            None => {
                let mut w = 0;
                if canon
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    w |= WORD_START;
                }
                if canon
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    w |= WORD_END;
                }
                w
            }
        }
    }

    /// Adds a canonical phrase with its plural forms when it is a whole word ending in a letter.
    fn add_phrase(&mut self, canon: &str, target: Target) {
        add_phrase(&mut self.patterns, canon, target);
    }

    /// Adds a deny term with its variants. Split forms (木仓 for 枪) are not patterns: the search
    /// composes them (`charwise::Splits`) for targets marked `splits`, and the characters they
    /// stand for are gathered here.
    fn add_with_variants(&mut self, canon: &str, mut target: Target, options: TermOptions) {
        let limit = self.settings.max_variants as usize;
        let cjk = limit > 0 && canon.chars().any(is_cjk);
        // A reduplicated term (哥哥, canonical 哥) has no split forms: they would lose the repeat.
        if cjk && !options.no_variants && target.repeat == 0 {
            for c in canon.chars() {
                if pending::usable_split_forms(c).next().is_some() {
                    self.split_chars.push(c);
                    target.splits = true;
                }
            }
        }
        self.add_phrase(canon, target);
        if cjk && options.pinyin.unwrap_or(self.settings.pinyin) {
            let target = Target {
                splits: false,
                ..target
            };
            for v in pending::pinyin_variants(canon, limit) {
                self.add_variant(&v, target, Evasion::PINYIN, true);
            }
            // Some characters in pinyin, the others as they are (出售qiang支): whole words only
            // where the form begins or ends with Latin letters.
            for v in pending::mixed_pinyin_variants(canon) {
                self.add_variant(&v, target, Evasion::PINYIN, false);
            }
        }
    }

    /// The split forms of the characters gathered by `add_with_variants` that read as their
    /// components: forms whose components are characters in their own right (亻可 normalises to 人可,
    /// which reads as ordinary words) and that the normaliser leaves alone (木木 would collapse).
    fn split_forms(&mut self) -> Vec<([u32; 3], u32)> {
        let mut chars = std::mem::take(&mut self.split_chars);
        chars.sort_unstable();
        chars.dedup();
        let mut forms = Vec::new();
        for c in chars {
            for form in pending::usable_split_forms(c) {
                if form.chars().count() > 3 {
                    continue;
                }
                let mut parts = [0u32; 3];
                for (p, ch) in parts.iter_mut().zip(form.chars()) {
                    *p = u32::from(ch);
                }
                self.normalizer.normalize_into(form, &mut self.buf);
                if self.buf.text() == form {
                    forms.push((parts, u32::from(c)));
                }
            }
        }
        forms
    }

    /// Adds a variant of a term: `whole` matches it as whole words only, else only at ends that
    /// are Latin letters or digits.
    fn add_variant(&mut self, text: &str, target: Target, flag: Evasion, whole: bool) {
        self.normalizer.normalize_into(text, &mut self.buf);
        let canon = self.buf.text().trim_matches(' ');
        if canon.is_empty() || canon.contains(BREAK) {
            return;
        }
        let word = Compiler::word_flags(canon, whole.then_some(true));
        let t = Target {
            word,
            evasion: target.evasion | flag,
            repeat: repeat_mask(&self.buf),
            ..target
        };
        add_phrase(&mut self.patterns, canon, t);
    }
}

/// [`Compiler::add_phrase`], for callers that hold a borrow of the compiler's normalised buffer.
fn add_phrase(patterns: &mut Patterns, canon: &str, mut target: Target) {
    if target.word & WORD_END != 0
        && canon
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphabetic())
    {
        target.word |= PLURAL;
    }
    patterns.add(canon, target);
}

/// Compiles a merged lexicon.
pub(crate) fn compile(
    lexicon: &Lexicon,
    config: &NormalizeConfig,
    settings: Settings,
) -> Result<Inner, BuildError> {
    let mut c = Compiler {
        normalizer: Normalizer::new(config.clone()),
        buf: Normalized::new(),
        settings,
        categories: Vec::new(),
        category_index: HashMap::new(),
        terms: TermTable::with_capacity(lexicon.terms.len()),
        patterns: Patterns::with_capacity(lexicon.terms.len() + lexicon.allows.len()),
        split_chars: Vec::new(),
    };
    let mut seen_terms: HashMap<(&str, u32, Severity, TermOptions), u32, WordHash> =
        HashMap::with_capacity_and_hasher(lexicon.terms.len(), WordHash::default());
    for term in &lexicon.terms {
        let canon = c.canonical(&term.text, "term", &term.location)?;
        let category = c.category(&term.category);
        let key = (term.text.as_str(), category, term.severity, term.options);
        if seen_terms.contains_key(&key) {
            continue;
        }
        let id = c.terms.len() as u32;
        seen_terms.insert(key, id);
        c.terms.push(
            &term.text,
            TermMeta {
                category,
                severity: term.severity,
                kind: MatchKind::Term,
            },
        );
        let target = Target {
            kind: TARGET_DENY,
            word: Compiler::word_flags(&canon, term.options.word),
            id,
            slot: 0,
            evasion: Evasion::empty(),
            repeat: repeat_mask(&c.buf),
            splits: false,
        };
        c.add_with_variants(&canon, target, term.options);
    }
    for (i, allow) in lexicon.allows.iter().enumerate() {
        let canon = c.canonical(&allow.text, "allow entry", &allow.location)?;
        let target = Target {
            kind: TARGET_ALLOW,
            word: Compiler::word_flags(&canon, None),
            id: i as u32,
            slot: 0,
            evasion: Evasion::empty(),
            repeat: repeat_mask(&c.buf),
            splits: false,
        };
        c.add_phrase(&canon, target);
    }
    let mut regex_rules = Vec::new();
    for rule in &lexicon.regexes {
        let category = c.category(&rule.category);
        let term = c.terms.len() as u32;
        c.terms.push(
            rule.name.as_deref().unwrap_or(&rule.pattern),
            TermMeta {
                category,
                severity: rule.severity,
                kind: MatchKind::Rule,
            },
        );
        regex_rules.push(RegexEntry {
            term,
            pattern: rule.pattern.clone(),
        });
    }
    let mut co_rules = Vec::new();
    for (index, rule) in lexicon.co_rules.iter().enumerate() {
        let category = c.category(&rule.category);
        let term = c.terms.len() as u32;
        let text = rule
            .name
            .clone()
            .unwrap_or_else(|| co_rule_text(&rule.all, &rule.none, rule.within));
        c.terms.push(
            &text,
            TermMeta {
                category,
                severity: rule.severity,
                kind: MatchKind::CoOccurrence,
            },
        );
        for (kind, phrases) in [(TARGET_CO_ALL, &rule.all), (TARGET_CO_NONE, &rule.none)] {
            for (slot, phrase) in phrases.iter().enumerate() {
                let canon = c.canonical(phrase, "phrase", &rule.location)?;
                let target = Target {
                    kind,
                    word: Compiler::word_flags(&canon, None),
                    id: index as u32,
                    slot: slot as u32,
                    evasion: Evasion::empty(),
                    repeat: repeat_mask(&c.buf),
                    splits: false,
                };
                c.add_phrase(&canon, target);
            }
        }
        co_rules.push(CoEntry {
            term,
            all: rule.all.len() as u32,
            none: rule.none.len() as u32,
            within: rule.within,
        });
    }
    for (i, rule) in regex_rules.iter().enumerate() {
        // Parsed once for the three kinds of literals.
        let Some(hir) = parse_for_literals(&rule.pattern) else {
            continue;
        };
        let (kind, literals) = match word_start_triggers_of(&hir) {
            Some(literals) => {
                let texts: Vec<String> = literals.iter().map(|(l, _)| l.clone()).collect();
                if let Some(gates) = gate_literals_of(&hir, &texts) {
                    for literal in gates {
                        c.patterns.add(&literal, rule_target(TARGET_REGEX_GATE, i));
                    }
                }
                (TARGET_REGEX, literals)
            }
            None => match segment_literals_of(&hir) {
                Some(literals) => (
                    TARGET_REGEX_SEGMENT,
                    literals.into_iter().map(|l| (l, false)).collect(),
                ),
                None => continue,
            },
        };
        for (literal, word_start) in literals {
            let mut target = rule_target(kind, i);
            if word_start {
                target.word = WORD_START;
            }
            c.patterns.add(&literal, target);
        }
    }
    let split_forms = c.split_forms();
    let mut patterns = c.patterns.into_table();
    patterns.share_term_texts(&c.terms);
    let regexes = build_regexes(
        &regex_rules,
        &patterns,
        settings.regex_size_limit,
        Compile::Now,
    )
    .map_err(|(kind, index, message)| {
        BuildError::new(kind, index.map(|i| &lexicon.regexes[i].location), message)
    })?;
    // Made now, not on first use: building is when a filter pays for what it needs.
    let ascii = AsciiAutomaton::build(&patterns, &c.terms);
    let mut automaton = build_automaton(&patterns, &c.terms)
        .map_err(|e| BuildError::new(BuildErrorKind::SizeLimit, None, e))?;
    if let Some(a) = automaton.as_mut() {
        a.set_splits(&split_forms);
    }
    Ok(Inner {
        id: next_filter_id(),
        normalizer: c.normalizer,
        categories: c.categories,
        terms: {
            let mut terms = c.terms;
            terms.shrink_to_fit();
            terms
        },
        patterns,
        automaton,
        ascii: std::sync::OnceLock::from(ascii),
        regex_rules,
        regexes,
        co_rules,
        allow_count: lexicon.allows.len() as u32,
        settings,
    })
}

/// The pattern target of a literal of regex rule `rule` (`TARGET_REGEX*`).
fn rule_target(kind: u8, rule: usize) -> Target {
    Target {
        kind,
        word: 0,
        id: rule as u32,
        slot: 0,
        evasion: Evasion::empty(),
        repeat: 0,
        splits: false,
    }
}

fn co_rule_text(all: &[String], none: &[String], within: Option<u32>) -> String {
    let mut s = all.join(" & ");
    for n in none {
        s.push_str(" ! ");
        s.push_str(n);
    }
    if let Some(w) = within {
        s.push_str(&format!(" within {w}"));
    }
    s
}

/// The literal automaton over the canonical patterns (whose terms are `terms`); `None` when there
/// are none.
pub(crate) fn build_automaton(
    patterns: &PatternTable,
    terms: &TermTable,
) -> Result<Option<TermAutomaton>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let pairs = patterns
        .iter(terms)
        .enumerate()
        .map(|(i, (text, _))| (text, patterns.value(i)));
    let built: CharwiseDoubleArrayAhoCorasick<u32> =
        daachorse::CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(daachorse::MatchKind::Standard)
            .build_with_values(pairs)
            .map_err(|e| format!("cannot build the term automaton: {e}"))?;
    // Searched in its own arrays (`charwise`), read from daachorse's serialisation (daachorse's
    // copy dropped first: a large automaton is held twice at most, not three times).
    let raw = built.serialize();
    drop(built);
    automaton::from_raw(&raw)
        .map(Some)
        .map_err(|e| format!("cannot read the term automaton: {e}"))
}

type RegexError = (BuildErrorKind, Option<usize>, String);

/// The most trigger literals one regex rule may have; a rule with more runs untriggered.
const MAX_TRIGGERS: usize = 256;

/// The shortest segment literal (in bytes) worth gating a rule on; see `segment_literals`.
const MIN_SEGMENT_LITERAL: usize = 3;

/// The shortest gate literal (in bytes) of a triggered rule; see `gate_literals`. A gate never adds
/// a search, it only spares some, but every hit of one costs a little on every text, clean ones
/// included: three letters (` me`, `sor`) occur on most lines of English, `goip` rarely. A single
/// CJK character (`铊`, `弩`, even `卡`) is fine: most are rare, and a common one only costs a push
/// now and then (see `is_gate`).
const MIN_GATE_LITERAL: usize = 4;

/// Whether `literal` is rare enough in ordinary text to gate a rule on: long enough (see
/// `MIN_GATE_LITERAL`), not ASCII, or two ASCII characters or more without a vowel, `y` or space
/// (`c4`, `tnt`, `ak47`: English words and their joins nearly always hold one).
fn is_gate(literal: &str) -> bool {
    literal.len() >= MIN_GATE_LITERAL
        || !literal.is_ascii()
        || (literal.len() >= 2
            && !literal
                .bytes()
                .any(|b| b"aeiouy ".contains(&b.to_ascii_lowercase())))
}

/// Literals such that every match of `pattern` starts with one of them (regex-syntax's prefix
/// extraction), to put in the automaton as triggers; `None` when there is no such finite set of
/// non-empty literals (a rule that may start anywhere, such as `[^\n]?x`).
#[cfg(test)]
pub(crate) fn trigger_literals(pattern: &str) -> Option<Vec<String>> {
    literals(pattern, ExtractKind::Prefix)
}

/// The trigger literals of `pattern` (literals every match starts with, as `trigger_literals`
/// finds them, taken branch by branch of a leading alternation), each with whether every match
/// starting with it starts at an ASCII word boundary before a word character: a `(?-u:\b)` opens
/// each branch it comes from, and it starts with a letter, digit or `_`. Such a literal right
/// after an ASCII letter or digit cannot start a match, so its hit is a trigger only at the start
/// of a word, as a whole-word term's is (`WORD_START`): `wa` and `tel` of a phone-marker rule
/// occur inside many English words (`want`, `hotel`), each a search. `None` when there are no
/// trigger literals.
#[cfg(test)]
pub(crate) fn word_start_triggers(pattern: &str) -> Option<Vec<(String, bool)>> {
    word_start_triggers_of(&parse_for_literals(pattern)?)
}

/// `word_start_triggers` of a rule parsed by `parse_for_literals`.
fn word_start_triggers_of(hir: &Hir) -> Option<Vec<(String, bool)>> {
    let whole = || {
        hir_literals(hir, ExtractKind::Prefix)
            .map(|ls| ls.into_iter().map(|l| (l, false)).collect::<Vec<_>>())
    };
    let mut found = Vec::new();
    if !boundary_prefixes(hir, &mut found) || found.is_empty() {
        return whole();
    }
    // One entry per literal, at a boundary only if it is so in every branch it comes from.
    let mut literals: Vec<(String, bool)> = Vec::new();
    for (literal, at_boundary) in found {
        let at_boundary = at_boundary
            && literal
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
        match literals.iter_mut().find(|(l, _)| *l == literal) {
            Some((_, b)) => *b &= at_boundary,
            None => literals.push((literal, at_boundary)),
        }
    }
    if literals.len() > MAX_TRIGGERS {
        return whole();
    }
    Some(literals)
}

/// Adds to `out` literals every match of `hir` starts with, each with whether its branch opens
/// with an ASCII word boundary (see `word_start_triggers`). False when some branch has no finite
/// set of such literals.
fn boundary_prefixes(hir: &Hir, out: &mut Vec<(String, bool)>) -> bool {
    let mut push = |h: &Hir, at_boundary: bool| match hir_literals(h, ExtractKind::Prefix) {
        Some(literals) => {
            out.extend(literals.into_iter().map(|l| (l, at_boundary)));
            true
        }
        None => false,
    };
    // Taken apart only where some branch opens with a boundary (building copies each branch
    // with the rest of the rule).
    if !opens_with_boundary(hir) {
        return push(hir, false);
    }
    match hir.kind() {
        HirKind::Capture(c) => boundary_prefixes(&c.sub, out),
        HirKind::Alternation(branches) => branches.iter().all(|b| boundary_prefixes(b, out)),
        HirKind::Concat(parts) if !parts.is_empty() => {
            let with_rest = |first: &Hir| {
                let mut all = vec![first.clone()];
                all.extend_from_slice(&parts[1..]);
                Hir::concat(all)
            };
            match parts[0].kind() {
                HirKind::Look(look) if opens_ascii_word(*look) => push(hir, true),
                HirKind::Capture(c) => boundary_prefixes(&with_rest(&c.sub), out),
                HirKind::Alternation(branches) => branches
                    .iter()
                    .all(|b| boundary_prefixes(&with_rest(b), out)),
                _ => push(hir, false),
            }
        }
        _ => push(hir, false),
    }
}

/// Whether `look` before a word character wants a non-word character (or nothing) before it:
/// `(?-u:\b)`, `(?-u:\<)`, `(?-u:\b{start-half})`.
fn opens_ascii_word(look: Look) -> bool {
    matches!(
        look,
        Look::WordAscii | Look::WordStartAscii | Look::WordStartHalfAscii
    )
}

/// Whether some branch of `hir` opens with an ASCII word boundary (see `boundary_prefixes`).
fn opens_with_boundary(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(look) => opens_ascii_word(*look),
        HirKind::Capture(c) => opens_with_boundary(&c.sub),
        HirKind::Concat(parts) => parts.first().is_some_and(opens_with_boundary),
        HirKind::Alternation(branches) => branches.iter().any(opens_with_boundary),
        _ => false,
    }
}

/// Literals such that every match of `pattern` contains one of them, so a match lies in a segment
/// where one occurs: the literals every match ends with (suffix extraction), or, for a
/// concatenation, those the rest of a match starts with from some part on (`[a-z]+(?:点|dot)com`:
/// `点com`, `dotcom`). Only sets of literals of at least `MIN_SEGMENT_LITERAL` bytes are taken: a
/// short literal (`me`, `co`) occurs on most lines of ordinary text, and each line where one occurs
/// costs a search of the line, when one pass over the whole text is cheaper. `None` when there is
/// no such set.
#[cfg(test)]
pub(crate) fn segment_literals(pattern: &str) -> Option<Vec<String>> {
    segment_literals_of(&parse_for_literals(pattern)?)
}

/// `segment_literals` of a rule parsed by `parse_for_literals`.
fn segment_literals_of(hir: &Hir) -> Option<Vec<String>> {
    contained_literals(hir, |l| l.len() >= MIN_SEGMENT_LITERAL, |_| true)
}

/// Literals, each of them `usable`, such that every match of `hir` contains one of them (see
/// `segment_literals`), and that `wanted` accepts. Of the sets found (the suffixes; the prefixes
/// of each tail of a concatenation) the one whose shortest literal is longest, then the one with
/// the fewest literals, then the first: short literals and long lists both let more text through
/// (in `(?:开|出)…(?:发票|专票)…(?:个点|加微)` the invoice words, not the contact phrases every
/// seller's line has).
fn contained_literals(
    hir: &Hir,
    usable: fn(&str) -> bool,
    wanted: impl Fn(&[String]) -> bool,
) -> Option<Vec<String>> {
    let selective = |l: &Vec<String>| l.iter().all(|l| usable(l)) && wanted(l);
    let tails: &[Hir] = match hir.kind() {
        HirKind::Concat(parts) => parts,
        _ => &[],
    };
    let suffixes = std::iter::once(hir_literals(hir, ExtractKind::Suffix));
    let prefixes = (1..tails.len())
        .map(|i| hir_literals(&Hir::concat(tails[i..].to_vec()), ExtractKind::Prefix));
    suffixes
        .chain(prefixes)
        .flatten()
        .filter(selective)
        .min_by_key(|l| {
            let shortest = l.iter().map(String::len).min().unwrap_or(0);
            (std::cmp::Reverse(shortest), l.len())
        })
}

/// For a rule with trigger literals: literals every match contains (as `segment_literals` finds
/// them, but each `is_gate`), when they say more than the triggers do. A trigger is searched only
/// when one of them starts at or after it in its segment, which spares the searches of "seller
/// phrase near item" rules at a seller phrase with no item after it. `None` when there are no
/// such literals or each is one of the rule's triggers. (A literal that canonical text never holds,
/// such as `é`, gates nothing away: the rule could not match there either.)
#[cfg(test)]
pub(crate) fn gate_literals(pattern: &str, triggers: &[String]) -> Option<Vec<String>> {
    gate_literals_of(&parse_for_literals(pattern)?, triggers)
}

/// `gate_literals` of a rule parsed by `parse_for_literals`.
fn gate_literals_of(hir: &Hir, triggers: &[String]) -> Option<Vec<String>> {
    contained_literals(hir, is_gate, |gates| {
        !gates.iter().all(|g| triggers.contains(g))
    })
}

#[cfg(test)]
fn literals(pattern: &str, kind: ExtractKind) -> Option<Vec<String>> {
    let hir = parse_for_literals(pattern)?;
    hir_literals(&hir, kind)
}

/// The most times a repeated literal may repeat for `spell_out_repeats` to write the repetition out.
const MAX_SPELLED_REPEAT: u32 = 4;

/// `pattern` parsed for literal extraction: its bounded repetitions of a literal spelled out.
fn parse_for_literals(pattern: &str) -> Option<Hir> {
    let hir = syntax::parse_with(pattern, &syntax_config()).ok()?;
    Some(if has_small_repeat(&hir) {
        spell_out_repeats(&hir)
    } else {
        hir
    })
}

/// Whether `spell_out_repeats` writes `rep` out: a literal, at most `MAX_SPELLED_REPEAT` times.
fn spelled_out(rep: &regex_syntax::hir::Repetition) -> bool {
    matches!(rep.sub.kind(), HirKind::Literal(_))
        && rep
            .max
            .is_some_and(|max| max >= rep.min && max <= MAX_SPELLED_REPEAT)
}

/// Whether `hir` holds a repetition `spell_out_repeats` writes out.
fn has_small_repeat(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Repetition(rep) => spelled_out(rep) || has_small_repeat(&rep.sub),
        HirKind::Capture(c) => has_small_repeat(&c.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().any(has_small_repeat),
        _ => false,
    }
}

/// `hir` with each repetition of a literal at most `MAX_SPELLED_REPEAT` times (`w{1,3}`, `l{1,2}`)
/// written out as an alternation of its counts, most first when greedy. regex-syntax's extractor
/// stops at such a repetition (`w{1,3} ` gives the trigger `w`, which starts a tenth of all English
/// words; written out, `www `, `ww ` and `w `). The language is the same, so literals every match
/// starts with (or contains) are still that.
fn spell_out_repeats(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Repetition(rep) if spelled_out(rep) => {
            let max = rep.max.unwrap_or(rep.min);
            let mut counts: Vec<u32> = (rep.min..=max).collect();
            if rep.greedy {
                counts.reverse();
            }
            Hir::alternation(
                counts
                    .into_iter()
                    .map(|k| Hir::concat(vec![(*rep.sub).clone(); k as usize]))
                    .collect(),
            )
        }
        HirKind::Repetition(rep) => Hir::repetition(regex_syntax::hir::Repetition {
            sub: Box::new(spell_out_repeats(&rep.sub)),
            ..rep.clone()
        }),
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(spell_out_repeats).collect()),
        HirKind::Alternation(branches) => {
            Hir::alternation(branches.iter().map(spell_out_repeats).collect())
        }
        HirKind::Capture(c) => Hir::capture(regex_syntax::hir::Capture {
            sub: Box::new(spell_out_repeats(&c.sub)),
            ..c.clone()
        }),
        _ => hir.clone(),
    }
}

fn hir_literals(hir: &Hir, kind: ExtractKind) -> Option<Vec<String>> {
    let seq = Extractor::new().kind(kind).extract(hir);
    let literals = seq.literals()?;
    if literals.is_empty() || literals.len() > MAX_TRIGGERS {
        return None;
    }
    literals
        .iter()
        .map(|l| {
            let text = std::str::from_utf8(l.as_bytes()).ok()?;
            (!text.is_empty() && !text.contains(BREAK)).then(|| text.to_string())
        })
        .collect()
}

/// When [`build_regexes`] compiles each rule's own regex.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Compile {
    /// Now, reporting a rule that does not compile (building from a lexicon).
    Now,
    /// When the rule is first searched (loading a saved filter, whose rules compiled when it was
    /// built).
    OnFirstUse,
}

/// Compiles the regex rules; `None` when there are none. How each rule runs follows from its
/// literals' targets in `patterns` (as built, or as loaded). The rules without literals are
/// compiled together now either way (`Regexes::any`, `Regexes::combined`); each rule's own regex
/// as `compile` says. Errors name the kind, the rule index and a message.
pub(crate) fn build_regexes(
    rules: &[RegexEntry],
    patterns: &PatternTable,
    limit: u64,
    compile: Compile,
) -> Result<Option<Regexes>, RegexError> {
    if rules.is_empty() {
        return Ok(None);
    }
    let mut triggered = vec![false; rules.len()];
    let mut gated = vec![false; rules.len()];
    let mut needs_gate = vec![false; rules.len()];
    // (Regex targets never have a direct value.)
    for t in patterns.indirect_targets() {
        let flags = match t.kind {
            TARGET_REGEX => &mut triggered,
            TARGET_REGEX_SEGMENT => &mut gated,
            TARGET_REGEX_GATE => &mut needs_gate,
            _ => continue,
        };
        if let Some(x) = flags.get_mut(t.id as usize) {
            *x = true;
        }
    }
    let untriggered: Vec<u32> = (0..rules.len())
        .filter(|&i| !triggered[i] && !gated[i])
        .map(|i| i as u32)
        .collect();
    let syn = syntax_config();
    let parse = |i: usize| -> Result<Hir, RegexError> {
        let pattern = &rules[i].pattern;
        let hir = syntax::parse_with(pattern, &syn).map_err(|e| {
            (
                BuildErrorKind::InvalidPattern,
                Some(i),
                format!("invalid regex {pattern:?}: {}", first_line(&e.to_string())),
            )
        })?;
        if hir.properties().minimum_len() == Some(0) {
            return Err((
                BuildErrorKind::InvalidPattern,
                Some(i),
                format!("regex {pattern:?} can match the empty string"),
            ));
        }
        Ok(hir)
    };
    // Parsed now: every rule to compile now, and the rules without literals.
    let hirs: Vec<Option<Hir>> = (0..rules.len())
        .map(|i| {
            let needed = compile == Compile::Now || untriggered.binary_search(&(i as u32)).is_ok();
            needed.then(|| parse(i)).transpose()
        })
        .collect::<Result<_, _>>()?;
    let too_big = |i: Option<usize>| {
        (
            BuildErrorKind::SizeLimit,
            i,
            format!("regex rules exceed the size limit of {limit} bytes"),
        )
    };
    let mut each = Vec::with_capacity(rules.len());
    for (i, (rule, hir)) in rules.iter().zip(&hirs).enumerate() {
        each.push(match (compile, hir) {
            (Compile::Now, Some(hir)) => Rule::now(&rule.pattern, hir, triggered[i], limit)
                .map_err(|e| {
                    if e.too_big {
                        too_big(Some(i))
                    } else {
                        (
                            BuildErrorKind::InvalidPattern,
                            Some(i),
                            format!("invalid regex: {}", first_line(&e.message)),
                        )
                    }
                })?,
            _ => Rule::lazy(&rule.pattern, triggered[i], limit),
        });
    }
    let (any, combined) = if untriggered.is_empty() {
        (None, None)
    } else {
        let hirs: Vec<&Hir> = untriggered
            .iter()
            .filter_map(|&i| hirs[i as usize].as_ref())
            .collect();
        let map_err = |e: meta::BuildError| -> RegexError {
            let index = e.pattern().map(|p| untriggered[p.as_usize()] as usize);
            match e.size_limit() {
                Some(_) => too_big(index),
                None => (
                    BuildErrorKind::InvalidPattern,
                    index,
                    format!("invalid regex: {}", first_line(&e.to_string())),
                ),
            }
        };
        // The combined regex only answers "which rules match this segment", which needs `All`
        // semantics.
        let combined = meta::Regex::builder()
            .configure(meta_config(limit).match_kind(regex_automata::MatchKind::All))
            .build_many_from_hir(&hirs)
            .map_err(map_err)?;
        let any = meta::Regex::builder()
            .configure(meta_config(limit))
            .build_many_from_hir(&hirs)
            .map_err(map_err)?;
        (Some(any), Some(combined))
    };
    Ok(Some(Regexes {
        untriggered,
        any,
        combined,
        each,
        needs_gate,
    }))
}

fn first_line(s: &str) -> String {
    s.lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or(s)
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::{
        gate_literals, parse_for_literals, segment_literals, trigger_literals, word_start_triggers,
    };

    #[test]
    fn trigger_literals_cover_every_match_start() {
        let lits = trigger_literals("(?:出售|收购)[^\\n]{0,10}枪").expect("finite prefixes");
        assert!(lits.iter().any(|l| l.starts_with("出售")), "{lits:?}");
        assert!(lits.iter().any(|l| l.starts_with("收购")), "{lits:?}");
        assert!(lits
            .iter()
            .all(|l| l.starts_with("出售") || l.starts_with("收购")));
        // A word boundary before the literal does not hide it.
        let lits = trigger_literals(r"(?-u:\b)(?:buy|sell)(?-u:\b) guns?").expect("finite");
        assert!(lits
            .iter()
            .all(|l| l.starts_with("buy") || l.starts_with("sell")));
        // A rule that may start with any character has no triggers.
        assert_eq!(trigger_literals("[^\\n]?枪支"), None);
        assert_eq!(trigger_literals(r"\w+@\w+"), None);
        // Such a rule may still have literals every match ends with.
        let lits = segment_literals("[^\\n]?(?:枪支|弹药)").expect("finite suffixes");
        assert!(lits
            .iter()
            .all(|l| l.ends_with("枪支") || l.ends_with("弹药")));
        assert!(lits.iter().any(|l| l.ends_with("弹药")), "{lits:?}");
        assert_eq!(segment_literals(r"\w+@\w+"), None);
        // Short suffixes are not taken; literals from inside the rule are.
        let lits = segment_literals("[a-z]+(?:点|dot)(?:com|me)").expect("inner literals");
        assert!(
            lits.iter()
                .all(|l| l.starts_with("点") || l.starts_with("dot")),
            "{lits:?}"
        );
    }

    #[test]
    fn triggers_a_word_boundary_opens_need_a_word_start() {
        let marked = |p: &str| {
            let mut t = word_start_triggers(p).expect("triggers");
            t.sort();
            t
        };
        let owned = |l: &[(&str, bool)]| -> Vec<(String, bool)> {
            l.iter().map(|&(s, b)| (s.to_string(), b)).collect()
        };
        assert_eq!(
            marked(r"(?:(?-u:\b)(?:call|wa)(?-u:\b)|电话)\d{3}"),
            owned(&[("call", true), ("wa", true), ("电话", false)])
        );
        // A literal that some branch starts without a boundary, or one that does not start with a
        // word character (the boundary then wants a word character before it), is not marked.
        assert_eq!(marked(r"(?-u:\b)ab\d|ab[a-z]"), owned(&[("ab", false)]));
        assert_eq!(marked(r"(?-u:\b) com"), owned(&[(" com", false)]));
        assert_eq!(
            marked(r"x(?-u:\b)y?"),
            owned(&[("x", false), ("xy", false)])
        );
        // Inside groups, and with Unicode boundaries (not checked by the scan) left alone.
        assert_eq!(
            marked(r"((?-u:\b)(?:sell|buy)) now"),
            owned(&[("buy now", true), ("sell now", true)])
        );
        assert_eq!(marked(r"\bsell"), owned(&[("sell", false)]));
        // The literals are the rule's trigger literals, marked or not.
        for p in [
            r"(?:(?-u:\b)q{1,2}|扣{1,2})\d",
            r"(?:出售|收购)[^\n]{0,10}枪",
        ] {
            let mut plain = trigger_literals(p).expect("triggers");
            plain.sort();
            let words: Vec<String> = marked(p).into_iter().map(|(l, _)| l).collect();
            assert_eq!(words, plain, "{p}");
        }
    }

    #[test]
    fn spelled_out_repeats_match_what_the_repetition_matches() {
        // The extractor sees through a spelled-out repetition.
        let mut w = trigger_literals(r"(?-u:\b)w{1,3} [a-z0-9]{2}").expect("triggers");
        w.sort();
        assert_eq!(w, ["w ", "ww ", "www "]);
        let sell = trigger_literals(r"(?:sel{1,2}ing|buy)").expect("triggers");
        assert!(sell
            .iter()
            .all(|l| ["selling", "seling", "buy"].contains(&l.as_str())));
        // Same matches, same spans: greedy and lazy, optional, nested, and repeats left alone.
        let patterns = [
            r"(?-u:\b)w{1,3} [a-z]",
            r"a{0,2}b",
            r"a{2,4}?b?",
            r"(?:ab{1,2}){1,2}c",
            r"x(?:y{1,3}|z{0,1})",
            r"a{1,9}",
            r"[ab]{1,2}a",
        ];
        let alphabet = ["a", "b", "c", "w", "ww", "x", "y", "z", " ", "q"];
        let mut state = 0xabcd_u64;
        for p in patterns {
            let plain = regex_automata::meta::Regex::new(p).expect("valid");
            let hir = parse_for_literals(p).expect("parses");
            let spelled = regex_automata::meta::Regex::builder()
                .build_from_hir(&hir)
                .expect("builds");
            for _ in 0..3_000 {
                let n = (crate::filter::xorshift(&mut state) % 10) as usize;
                let text: String = (0..n)
                    .map(|_| {
                        alphabet
                            [(crate::filter::xorshift(&mut state) % alphabet.len() as u64) as usize]
                    })
                    .collect();
                let spans = |r: &regex_automata::meta::Regex| {
                    r.find_iter(&text).map(|m| m.range()).collect::<Vec<_>>()
                };
                assert_eq!(spans(&plain), spans(&spelled), "{p} on {text:?}");
            }
        }
    }

    #[test]
    fn gates_are_literals_every_match_holds_that_its_triggers_do_not_say() {
        let gates = |p: &str| gate_literals(p, &trigger_literals(p).expect("triggers"));
        // A seller phrase gated on the items after it, single rare characters included.
        let g = gates("(?:出售|收购)[^\\n]{0,10}(?:铊|毒药|弩)").expect("gated");
        for item in ["铊", "毒药", "弩"] {
            assert!(g.iter().any(|l| l.ends_with(item)), "{item}: {g:?}");
        }
        // Short ASCII literals with a vowel or a space occur on most lines of English: no gate.
        assert_eq!(gates("(?:sell|buy)[^\\n]{0,10}(?:sor| me|dynamite)"), None);
        assert_eq!(gates("(?:sell|buy)[^\\n]{0,10}(?:fly|dynamite)"), None);
        assert_eq!(gates("(?:sell|buy)[^\\n]{0,10}(?: x|dynamite)"), None);
        assert!(gates("(?:sell|buy)[^\\n]{0,10}(?:semtex|dynamite)").is_some());
        // Without one they are rare (c4, tnt): gates.
        let g = gates("(?:sell|buy)[^\\n]{0,10}(?:c4|tnt|dynamite)").expect("gated");
        for item in ["c4", "tnt", "dynamite"] {
            assert!(g.iter().any(|l| l.ends_with(item)), "{item}: {g:?}");
        }
        // Gates that are only the triggers again say nothing.
        assert_eq!(gates("出售[^\\n]{0,6}出售"), None);
        // Of several sets every match holds one of: the one with the longest shortest literal,
        // then the shortest list, then the suffixes (the first found).
        let invoice = "(?:开|出)[^\\n]{0,4}(?:发票|专票)[^\\n]{0,8}(?:个点|加v|加微)";
        assert_eq!(gates(invoice).expect("gated"), ["发票", "专票"]);
        let contact = "(?:开|出)[^\\n]{0,4}(?:发票|专票|普票)[^\\n]{0,8}(?:个点|加微)";
        assert_eq!(gates(contact).expect("gated"), ["个点", "加微"]);
        let first = "(?:开|出)[^\\n]{0,4}(?:发票|专票)[^\\n]{0,8}(?:个点|加微)";
        assert_eq!(gates(first).expect("gated"), ["个点", "加微"]);
    }
}
