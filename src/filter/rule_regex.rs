//! One regex rule, compiled for how it runs. A rule with trigger literals only ever runs anchored at
//! a trigger, so it needs a forward lazy DFA alone (the match starts at the trigger), with a PikeVM
//! over the same NFA for when the lazy DFA gives up. That is one NFA to compile instead of the
//! forward and reverse NFAs, prefilter and strategy of a meta regex: compiling the default lexicon's
//! rules takes a third of the time. Rules without triggers keep a meta regex, as they are searched
//! unanchored.
//!
//! A loaded filter compiles each rule when it is first searched ([`Rule`]): compiling the default
//! lexicon's 69 rules was three quarters of `Filter::from_bytes`, and on ordinary text most rules
//! are never searched at all.

use std::sync::OnceLock;

use regex_automata::hybrid::dfa::{self as lazy, DFA};
use regex_automata::nfa::thompson::{self, pikevm::PikeVM, WhichCaptures, NFA};
use regex_automata::util::syntax;
use regex_automata::{meta, Anchored, Input};
use regex_syntax::hir::Hir;

/// How rule patterns are parsed: Unicode, case-sensitive, UTF-8 only.
pub(crate) fn syntax_config() -> syntax::Config {
    syntax::Config::new()
        .unicode(true)
        .case_insensitive(false)
        .utf8(true)
}

/// The meta regexes' configuration within `limit` bytes of NFA and of lazy DFA cache.
pub(crate) fn meta_config(limit: u64) -> meta::Config {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    meta::Config::new()
        .backtrack(false)
        .nfa_size_limit(Some(limit))
        .hybrid_cache_capacity(limit)
}

/// Why a rule did not compile: the message, and whether it exceeded the size limit.
#[derive(Clone, Debug)]
pub(crate) struct CompileError {
    pub(crate) too_big: bool,
    pub(crate) message: String,
}

/// A regex rule, compiled now (by the builder, which must report a rule that does not compile) or
/// when it is first searched (by a loaded filter, whose rules all compiled when it was built). A
/// rule that fails to compile then (only possible in a file not written by `Filter::to_bytes`)
/// matches nothing; `Filter::compile_regex_rules` reports it.
#[derive(Debug)]
pub(crate) struct Rule {
    pattern: Box<str>,
    triggered: bool,
    limit: u64,
    compiled: OnceLock<Result<RuleRegex, CompileError>>,
}

impl Rule {
    /// A rule compiled when first searched.
    pub(crate) fn lazy(pattern: &str, triggered: bool, limit: u64) -> Rule {
        Rule {
            pattern: pattern.into(),
            triggered,
            limit,
            compiled: OnceLock::new(),
        }
    }

    /// A rule compiled from its parsed pattern now.
    pub(crate) fn now(
        pattern: &str,
        hir: &Hir,
        triggered: bool,
        limit: u64,
    ) -> Result<Rule, CompileError> {
        let rule = Rule::lazy(pattern, triggered, limit);
        let regex = RuleRegex::new(hir, triggered, limit)?;
        // A fresh cell: never set before.
        let _ = rule.compiled.set(Ok(regex));
        Ok(rule)
    }

    /// The compiled rule, compiling it first if need be.
    pub(crate) fn compiled(&self) -> Result<&RuleRegex, &CompileError> {
        self.compiled
            .get_or_init(|| {
                let hir = syntax::parse_with(&self.pattern, &syntax_config()).map_err(|e| {
                    CompileError {
                        too_big: false,
                        message: e.to_string(),
                    }
                })?;
                if hir.properties().minimum_len() == Some(0) {
                    return Err(CompileError {
                        too_big: false,
                        message: "it can match the empty string".to_string(),
                    });
                }
                RuleRegex::new(&hir, self.triggered, self.limit)
            })
            .as_ref()
    }

    /// The leftmost-first match in `input` (see [`RuleRegex::search`]); the cache is made on first
    /// use. `None` also for a rule that does not compile.
    #[inline]
    pub(crate) fn search(
        &self,
        cache: &mut Option<RuleCache>,
        input: &Input<'_>,
    ) -> Option<(usize, usize)> {
        let regex = self.compiled().ok()?;
        let cache = cache.get_or_insert_with(|| regex.create_cache());
        regex.search(cache, input)
    }

    /// Heap memory, in bytes: the pattern, and the compiled rule once it is.
    pub(crate) fn memory_usage(&self) -> usize {
        self.pattern.len()
            + self
                .compiled
                .get()
                .and_then(|c| c.as_ref().ok())
                .map_or(0, RuleRegex::memory_usage)
    }
}

/// A compiled rule (see the module documentation).
#[derive(Debug)]
pub(crate) enum RuleRegex {
    Forward(Box<Forward>),
    Meta(meta::Regex),
}

/// A forward lazy DFA and a PikeVM over one NFA.
#[derive(Debug)]
pub(crate) struct Forward {
    dfa: DFA,
    pike: PikeVM,
}

/// The mutable search state of one [`RuleRegex`].
#[derive(Debug)]
pub(crate) enum RuleCache {
    Forward(Box<ForwardCache>),
    Meta(Box<meta::Cache>),
}

#[derive(Debug)]
pub(crate) struct ForwardCache {
    dfa: lazy::Cache,
    pike: thompson::pikevm::Cache,
}

impl RuleRegex {
    /// `hir` compiled as a rule that runs anchored at its triggers (`triggered`) or unanchored,
    /// within `limit` bytes of NFA and of lazy DFA cache.
    pub(crate) fn new(hir: &Hir, triggered: bool, limit: u64) -> Result<RuleRegex, CompileError> {
        if triggered {
            let size = usize::try_from(limit).unwrap_or(usize::MAX);
            return RuleRegex::forward(hir, size)
                .map_err(|(too_big, message)| CompileError { too_big, message });
        }
        meta::Regex::builder()
            .configure(meta_config(limit))
            .build_from_hir(hir)
            .map(RuleRegex::Meta)
            .map_err(|e| CompileError {
                too_big: e.size_limit().is_some(),
                message: e.to_string(),
            })
    }

    /// The forward-only form of `hir`, within `limit` bytes of NFA and of lazy DFA cache. Errors
    /// say whether the limit was exceeded, and why.
    pub(crate) fn forward(hir: &Hir, limit: usize) -> Result<RuleRegex, (bool, String)> {
        let nfa: NFA = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .nfa_size_limit(Some(limit))
                    .which_captures(WhichCaptures::Implicit),
            )
            .build_from_hir(hir)
            .map_err(|e| (e.size_limit().is_some(), e.to_string()))?;
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .cache_capacity(limit)
                    // A Unicode word boundary makes the lazy DFA give up on non-ASCII text, and
                    // the PikeVM answer instead.
                    .unicode_word_boundary(true),
            )
            .build_from_nfa(nfa.clone())
            // The only way a lazy DFA fails to build is a cache capacity too small for it.
            .map_err(|e| (true, e.to_string()))?;
        let pike = PikeVM::new_from_nfa(nfa).map_err(|e| (false, e.to_string()))?;
        Ok(RuleRegex::Forward(Box::new(Forward { dfa, pike })))
    }

    pub(crate) fn create_cache(&self) -> RuleCache {
        match self {
            RuleRegex::Forward(f) => RuleCache::Forward(Box::new(ForwardCache {
                dfa: f.dfa.create_cache(),
                pike: f.pike.create_cache(),
            })),
            RuleRegex::Meta(re) => RuleCache::Meta(Box::new(re.create_cache())),
        }
    }

    /// The leftmost-first match in `input`, as a meta regex would find it, as `(start, end)`.
    pub(crate) fn search(
        &self,
        cache: &mut RuleCache,
        input: &Input<'_>,
    ) -> Option<(usize, usize)> {
        match (self, cache) {
            (RuleRegex::Forward(f), RuleCache::Forward(c)) => {
                if input.get_anchored() == Anchored::Yes {
                    if let Ok(end) = f.dfa.try_search_fwd(&mut c.dfa, input) {
                        return end.map(|h| (input.start(), h.offset()));
                    }
                }
                // Unanchored (never asked of a triggered rule) or the lazy DFA gave up.
                f.pike
                    .find(&mut c.pike, input.clone())
                    .map(|m| (m.start(), m.end()))
            }
            (RuleRegex::Meta(re), RuleCache::Meta(c)) => {
                re.search_with(c, input).map(|m| (m.start(), m.end()))
            }
            // Caches are made by `create_cache` of the same rule.
            _ => None,
        }
    }

    /// Heap memory, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        match self {
            RuleRegex::Forward(f) => {
                std::mem::size_of::<Forward>()
                    + f.dfa.memory_usage()
                    + f.pike.get_nfa().memory_usage()
            }
            RuleRegex::Meta(re) => re.memory_usage(),
        }
    }
}
