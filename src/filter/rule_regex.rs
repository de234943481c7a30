//! One regex rule, compiled for how it runs. A rule with trigger literals only ever runs anchored at
//! a trigger, so it needs a forward lazy DFA alone (the match starts at the trigger), with a PikeVM
//! over the same NFA for when the lazy DFA gives up. That is one NFA to compile instead of the
//! forward and reverse NFAs, prefilter and strategy of a meta regex: compiling the default lexicon's
//! rules, which every `Filter::from_bytes` does, takes a third of the time. Rules without triggers
//! keep a meta regex, as they are searched unanchored.

use regex_automata::hybrid::dfa::{self as lazy, DFA};
use regex_automata::nfa::thompson::{self, pikevm::PikeVM, WhichCaptures, NFA};
use regex_automata::{meta, Anchored, Input};
use regex_syntax::hir::Hir;

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
