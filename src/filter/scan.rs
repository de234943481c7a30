//! Scanning: literal and regex hits on the canonical stream, allow suppression, co-occurrence, and
//! mapping back to original spans.

use regex_automata::{meta, Anchored, Input, PatternSet};

use super::ascii::TermHits;
use super::charwise::Walk;
use super::rule_regex::RuleCache;
use super::{
    direct_target, CategoryId, CoEntry, Inner, Match, TermId, DIRECT_SPLITS, DIRECT_TERM, PLURAL,
    TARGET_ALLOW, TARGET_CO_ALL, TARGET_CO_NONE, TARGET_DENY, TARGET_REGEX, TARGET_REGEX_GATE,
    TARGET_REGEX_SEGMENT, WORD_END, WORD_START,
};
use crate::normalize::{Evasion, Normalized, BREAK};
use crate::span::Span;

/// A deny hit on the canonical stream: byte offsets, and the indices of its first character and of
/// the one after it in `Normalized::chars`.
#[derive(Clone, Copy, Debug)]
struct Hit {
    start: u32,
    end: u32,
    first: u32,
    next: u32,
    /// Pattern positions that must be collapsed runs (`Target::repeat`).
    repeat: u64,
    term: u32,
    evasion: Evasion,
}

/// A co-occurrence phrase hit.
#[derive(Clone, Copy, Debug)]
struct CoHit {
    rule: u32,
    negative: bool,
    slot: u32,
    start: u32,
    end: u32,
    start_char: u32,
    end_char: u32,
}

/// Regex caches, valid for the filter with the given id.
#[derive(Debug)]
struct RegexCaches {
    filter: u64,
    any: Option<meta::Cache>,
    combined: Option<meta::Cache>,
    /// Per rule, made when the rule is first searched.
    each: Vec<Option<RuleCache>>,
    set: PatternSet,
}

/// Reusable memory for scans: the canonical text and every intermediate list. Once warm (used for a few
/// texts of similar size with the same filter), scans with it allocate nothing.
///
/// A scratch belongs to one thread at a time; it may be used with different filters (its regex caches
/// are rebuilt when the filter changes). The methods without a scratch argument (`Filter::find_all`,
/// `find_iter`, `is_match`, `mask`, `mask_with`) use one kept per thread, whose buffers are given
/// back after a call that grew them past 1 MiB.
#[derive(Debug)]
pub struct Scratch {
    normalized: Normalized,
    hits: Vec<Hit>,
    allows: Vec<(u32, u32)>,
    co_hits: Vec<CoHit>,
    co_counts: Vec<u32>,
    /// Regex rules triggered by a literal: `position << 32 | rule` (see `run_triggers`); after
    /// them, untriggered rules that matched: `segment start << 32 | rule`.
    triggers: Vec<u64>,
    /// Per regex rule, where its last match ended (see `run_triggers`).
    rule_next: Vec<u32>,
    /// Segment literals of regex rules: `position << 32 | rule`, then `segment start << 32 | rule`
    /// (see `segment_keys`).
    gates: Vec<u64>,
    /// Gate literals of triggered regex rules: `position << 32 | pattern` (see `run_triggers`).
    trigger_gates: Vec<u64>,
    /// Per regex rule, the last segment whose gate literals open it and where the last of them
    /// starts (see `run_triggers`).
    gate_open: Vec<u64>,
    /// Positive co-occurrence phrases seen by `screen`: `rule << 32 | slot`.
    co_slots: Vec<u64>,
    /// Deny hits seen by `screen`, as canonical byte ranges.
    denies: Vec<(u32, u32)>,
    /// Allow ranges seen by `screen` that apply only on collapsed runs the origin map would tell.
    maybe_allows: Vec<(u32, u32)>,
    regex: Option<RegexCaches>,
    /// The term automaton's side walks (see `charwise::Walk`).
    walks: Vec<Walk>,
    pub(super) matches: Vec<super::Match>,
    /// The last `find_all` found nothing (see `find_all`).
    last_clean: bool,
}

impl Default for Scratch {
    fn default() -> Scratch {
        Scratch {
            normalized: Normalized::default(),
            hits: Vec::new(),
            allows: Vec::new(),
            co_hits: Vec::new(),
            co_counts: Vec::new(),
            triggers: Vec::new(),
            rule_next: Vec::new(),
            gates: Vec::new(),
            trigger_gates: Vec::new(),
            gate_open: Vec::new(),
            co_slots: Vec::new(),
            denies: Vec::new(),
            maybe_allows: Vec::new(),
            regex: None,
            walks: Vec::new(),
            matches: Vec::new(),
            // Most texts are clean: screen the first one.
            last_clean: true,
        }
    }
}

impl Scratch {
    /// An empty scratch.
    pub fn new() -> Scratch {
        Scratch::default()
    }

    /// The heap memory of the buffers (not the regex caches), in bytes.
    fn buffer_bytes(&self) -> usize {
        use std::mem::size_of;
        self.normalized.heap_bytes()
            + self.hits.capacity() * size_of::<Hit>()
            + (self.allows.capacity() + self.denies.capacity() + self.maybe_allows.capacity())
                * size_of::<(u32, u32)>()
            + self.co_hits.capacity() * size_of::<CoHit>()
            + (self.co_counts.capacity() + self.rule_next.capacity() + self.gate_open.capacity())
                * size_of::<u32>()
            + (self.triggers.capacity()
                + self.gates.capacity()
                + self.trigger_gates.capacity()
                + self.co_slots.capacity())
                * size_of::<u64>()
            + self.matches.capacity() * size_of::<Match>()
            + self.walks.capacity() * size_of::<Walk>()
    }
}

/// The buffers a thread's scratch may keep between calls of the convenience methods
/// (`Filter::find_all` and the like); above this they are given back after the call.
const THREAD_SCRATCH_KEEP: usize = 1 << 20;

thread_local! {
    static THREAD_SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::new());
}

/// Runs `f` with this thread's scratch, so that the methods without a `Scratch` argument do not
/// build regex caches on every call (with the default lexicon that costs about a thousand times
/// a warm scan of a short message). Buffers grown past `THREAD_SCRATCH_KEEP` by a long text are
/// given back afterwards; the regex caches are kept. A nested call (none happens inside the
/// library) gets a fresh scratch.
pub(super) fn with_thread_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    let mut f = Some(f);
    let mut run = |scratch: &mut Scratch| f.take().map(|f| f(scratch));
    let done = THREAD_SCRATCH
        .try_with(|cell| {
            let mut scratch = cell.try_borrow_mut().ok()?;
            let result = run(&mut scratch);
            if scratch.buffer_bytes() > THREAD_SCRATCH_KEEP {
                let regex = scratch.regex.take();
                *scratch = Scratch {
                    regex,
                    ..Scratch::new()
                };
            }
            result
        })
        .ok()
        .flatten();
    match done {
        Some(result) => result,
        None => run(&mut Scratch::new()).expect("`f` runs once: it did not run above"),
    }
}

/// Where a literal hit ends once its word boundaries are checked: `None` when an ASCII letter or digit
/// touches a whole-word end, `end + 1` or `end + 2` when a plural `s`/`es` completes the word.
fn word_end(text: &[u8], start: usize, end: usize, word: u8) -> Option<usize> {
    if word & WORD_START != 0 && start > 0 && text[start - 1].is_ascii_alphanumeric() {
        return None;
    }
    if word & WORD_END == 0 || end >= text.len() || !text[end].is_ascii_alphanumeric() {
        return Some(end);
    }
    if word & PLURAL != 0 {
        for suffix in [&b"s"[..], &b"es"[..]] {
            let e = end + suffix.len();
            if text[end..].starts_with(suffix)
                && (e == text.len() || !text[e].is_ascii_alphanumeric())
            {
                return Some(e);
            }
        }
    }
    None
}

/// Whether every pattern character marked in `repeat` (see `Target::repeat`) stands on a collapsed
/// run of the text; `first` is the index in `Normalized::chars` of the hit's first character.
fn repeat_ok(norm: &Normalized, first: u32, repeat: u64) -> bool {
    let chars = norm.chars();
    let first = first as usize;
    (0..64).filter(|i| repeat & (1 << i) != 0).all(|i| {
        chars
            .get(first + i)
            .is_some_and(|c| c.evasions.contains(Evasion::REPEAT))
    })
}

fn regex_caches<'a>(
    inner: &Inner,
    slot: &'a mut Option<RegexCaches>,
) -> Option<&'a mut RegexCaches> {
    let regexes = inner.regexes.as_ref()?;
    if !slot.as_ref().is_some_and(|c| c.filter == inner.id) {
        *slot = Some(RegexCaches {
            filter: inner.id,
            any: regexes.any.as_ref().map(|r| r.create_cache()),
            combined: regexes.combined.as_ref().map(|r| r.create_cache()),
            each: regexes.each.iter().map(|_| None).collect(),
            set: PatternSet::new(regexes.untriggered.len()),
        });
    }
    slot.as_mut()
}

/// The ranges between hard boundaries of the canonical text.
fn segments(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    text.match_indices(BREAK)
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .filter_map(move |end| {
            let seg = (start, end);
            start = end + BREAK.len_utf8();
            (seg.0 < seg.1).then_some(seg)
        })
}

/// What `screen` can tell about a text from its canonical form alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// Nothing matches.
    Clean,
    /// Something matches.
    Match,
    /// A hit that needs the origin map or the full pipeline to decide: a co-occurrence rule has all
    /// its positive phrases, a deny pattern requires collapsed runs, an allow entry that requires
    /// them overlaps a hit, or a regex rule without literals matches when there are allow entries.
    Undecided,
}

pub(super) fn is_match(inner: &Inner, text: &str, scratch: &mut Scratch) -> bool {
    match screen(inner, text, scratch) {
        Verdict::Clean => false,
        Verdict::Match => true,
        Verdict::Undecided => {
            let mut out = std::mem::take(&mut scratch.matches);
            find_all_full(inner, text, scratch, &mut out);
            let found = !out.is_empty();
            scratch.matches = out;
            found
        }
    }
}

/// `is_match` without the origin map: the canonical text alone (`normalize_text_into`, about a third
/// cheaper than with origins), the automaton and the regex rules. Allow entries are checked here
/// too (they compare canonical ranges); a text only goes through `find_all` when a hit needs more
/// than its canonical text to be decided (see `Verdict::Undecided`). Every condition checked here
/// is one `find_all` checks, so `Clean` and `Match` are what `find_all` would say.
fn screen(inner: &Inner, text: &str, scratch: &mut Scratch) -> Verdict {
    inner
        .normalizer
        .normalize_text_into(text, &mut scratch.normalized);
    scratch.triggers.clear();
    scratch.gates.clear();
    scratch.trigger_gates.clear();
    scratch.co_slots.clear();
    scratch.allows.clear();
    scratch.maybe_allows.clear();
    scratch.denies.clear();
    let canon = scratch.normalized.text();
    let bytes = canon.as_bytes();
    // Without allow entries the first deny hit decides.
    let no_allows = inner.allow_count == 0;
    // Every hit is noted (or decides alone), whatever the order they come in.
    for (m_start, m_end, value, split) in TermHits::unordered(inner, canon, &mut scratch.walks) {
        let start = m_start as u32;
        if value & DIRECT_TERM != 0 {
            if split && value & DIRECT_SPLITS == 0 {
                continue;
            }
            let word = direct_target(value).word;
            let Some(end) = word_end(bytes, m_start, m_end, word) else {
                continue;
            };
            if no_allows {
                return Verdict::Match;
            }
            scratch.denies.push((start, end as u32));
            continue;
        }
        let Some(targets) = inner.patterns.targets(value as usize) else {
            continue;
        };
        for t in targets.iter() {
            if split && !t.splits {
                continue;
            }
            let Some(word_end) = word_end(bytes, m_start, m_end, t.word) else {
                continue;
            };
            if t.repeat != 0 {
                // Whether the text has the collapsed runs the pattern needs is in the origin
                // map. An allow entry that may apply matters only if a deny hit overlaps it; a
                // positive phrase is counted anyway (that only makes `Undecided` likelier).
                match t.kind {
                    TARGET_ALLOW => {
                        scratch.maybe_allows.push((start, word_end as u32));
                        continue;
                    }
                    TARGET_CO_ALL => {}
                    TARGET_CO_NONE => continue,
                    _ => return Verdict::Undecided,
                }
            }
            match t.kind {
                TARGET_DENY if no_allows => return Verdict::Match,
                TARGET_DENY => scratch.denies.push((start, word_end as u32)),
                TARGET_ALLOW => scratch.allows.push((start, word_end as u32)),
                TARGET_REGEX => scratch.triggers.push(trigger(m_start, t.id)),
                TARGET_REGEX_SEGMENT => scratch.gates.push(trigger(m_start, t.id)),
                TARGET_REGEX_GATE => {
                    // The pattern's remaining targets are gates too: note the pattern once.
                    scratch.trigger_gates.push(trigger(m_start, value));
                    break;
                }
                TARGET_CO_ALL => scratch
                    .co_slots
                    .push(u64::from(t.id) << 32 | u64::from(t.slot)),
                // Negative phrases only ever take matches away.
                _ => {}
            }
        }
    }
    if co_rule_complete(inner, &mut scratch.co_slots) {
        return Verdict::Undecided;
    }
    prepare_allows(&mut scratch.allows);
    prepare_allows(&mut scratch.maybe_allows);
    let (allows, maybe_allows) = (&scratch.allows, &scratch.maybe_allows);
    // A hit kept by the allow entries that surely apply, and by those that may: a match. Kept only
    // by the former: undecided (remembered, in case a later hit is a match).
    let undecided = std::cell::Cell::new(false);
    let kept = |start: usize, end: usize| {
        let (start, end) = (start as u32, end as u32);
        if allowed(allows, start, end) {
            return false;
        }
        if allowed(maybe_allows, start, end) {
            undecided.set(true);
            return false;
        }
        true
    };
    let unless_undecided = |v: Verdict| {
        if v == Verdict::Clean && undecided.get() {
            Verdict::Undecided
        } else {
            v
        }
    };
    if scratch
        .denies
        .iter()
        .any(|&(s, e)| kept(s as usize, e as usize))
    {
        return Verdict::Match;
    }
    let Some(regexes) = &inner.regexes else {
        return unless_undecided(Verdict::Clean);
    };
    let Some(caches) = regex_caches(inner, &mut scratch.regex) else {
        return unless_undecided(Verdict::Clean);
    };
    if run_triggers(
        canon,
        &inner.patterns,
        regexes,
        caches,
        &mut scratch.triggers,
        &mut scratch.trigger_gates,
        &mut scratch.gate_open,
        &mut scratch.rule_next,
        |_, start, end| kept(start, end),
    ) {
        return Verdict::Match;
    }
    segment_keys(canon, &mut scratch.gates);
    for &key in &scratch.gates {
        let (s, rule) = ((key >> 32) as usize, key as u32 as usize);
        let mut input = Input::new(canon).range(s..memchr_break(bytes, s));
        // Every match, as `rule_hits` finds them, until one is not allowed.
        while let Some((start, end)) = regexes.each[rule].search(&mut caches.each[rule], &input) {
            if start == end {
                break;
            }
            if kept(start, end) {
                return Verdict::Match;
            }
            input.set_start(end);
        }
    }
    // A match inside a segment is a match of the whole text, so when the whole text has none
    // (clean text, the common case) no segment has one.
    if let (Some(any), Some(any_cache), Some(combined), Some(combined_cache)) = (
        &regexes.any,
        &mut caches.any,
        &regexes.combined,
        &mut caches.combined,
    ) {
        if !any.is_match_with(any_cache, &Input::new(canon)) {
            return unless_undecided(Verdict::Clean);
        }
        if !no_allows {
            // Whether an allow entry covers the match needs its span.
            return Verdict::Undecided;
        }
        for (s, e) in segments(canon) {
            let input = Input::new(canon).range(s..e);
            if combined.is_match_with(combined_cache, &input) {
                return Verdict::Match;
            }
        }
    }
    unless_undecided(Verdict::Clean)
}

/// Whether some co-occurrence rule has a hit of every one of its positive phrases
/// (`slots`: `rule << 32 | slot`, sorted here): only then can it match.
fn co_rule_complete(inner: &Inner, slots: &mut [u64]) -> bool {
    if slots.is_empty() {
        return false;
    }
    slots.sort_unstable();
    let mut i = 0;
    while i < slots.len() {
        let rule = (slots[i] >> 32) as usize;
        let (mut distinct, mut j) = (0, i);
        while j < slots.len() && (slots[j] >> 32) as usize == rule {
            if j == i || slots[j] != slots[j - 1] {
                distinct += 1;
            }
            j += 1;
        }
        if inner
            .co_rules
            .get(rule)
            .is_some_and(|r| r.all > 0 && distinct >= r.all)
        {
            return true;
        }
        i = j;
    }
    false
}

/// Sorts allow ranges by start and replaces each end by the running maximum of the ends, so that
/// `allowed` answers with one binary search.
fn prepare_allows(allows: &mut [(u32, u32)]) {
    allows.sort_unstable();
    let mut max_end = 0;
    for a in allows.iter_mut() {
        max_end = max_end.max(a.1);
        a.1 = max_end;
    }
}

/// Whether the canonical range `start..end` overlaps an allow range (`allows` as `prepare_allows`
/// leaves them): such a hit is suppressed.
fn allowed(allows: &[(u32, u32)], start: u32, end: u32) -> bool {
    let before = allows.partition_point(|a| a.0 < end);
    before > 0 && allows[before - 1].1 > start
}

/// A trigger of regex rule `rule` at canonical byte `pos`, as `run_triggers` sorts them.
fn trigger(pos: usize, rule: u32) -> u64 {
    (pos as u64) << 32 | u64::from(rule)
}

/// A regex match `start..end` as a deny hit of rule `i`.
fn rule_hit(inner: &Inner, norm: &Normalized, i: usize, start: usize, end: usize) -> Hit {
    Hit {
        start: start as u32,
        end: end as u32,
        first: char_index(norm, start),
        next: char_index(norm, end),
        repeat: 0,
        term: inner.regex_rules[i].term,
        evasion: Evasion::empty(),
    }
}

/// Every match of regex rule `i` in the canonical segment `s..e`, leftmost first, as deny hits.
fn rule_hits(
    inner: &Inner,
    norm: &Normalized,
    regexes: &super::Regexes,
    caches: &mut RegexCaches,
    i: usize,
    (s, e): (usize, usize),
    hits: &mut Vec<Hit>,
) {
    let canon = norm.text();
    let mut input = Input::new(canon).range(s..e);
    while let Some((start, end)) = regexes.each[i].search(&mut caches.each[i], &input) {
        if start == end {
            break;
        }
        hits.push(rule_hit(inner, norm, i, start, end));
        input.set_start(end);
    }
}

/// Runs the triggered regex rules: the matches a leftmost-first search of each rule over each
/// segment would find, without scanning the segments. Every match of a rule starts with one of its
/// trigger literals, so the leftmost match at or after a position is the anchored match at the first
/// trigger that has one; a rule's next search starts where its last match ended. So each trigger
/// costs one anchored search, which usually fails within a few bytes, and lines with a common
/// trigger (a digit, `wa`) are not scanned once per rule.
///
/// A rule with gate literals (`Regexes::needs_gate`) is searched only at triggers in segments that
/// hold one of them: every match contains one, and a match never leaves its segment.
///
/// `triggers` are `trigger(position, rule)`, `gates` the patterns with gate targets found, as
/// `trigger(position, pattern)`; `found(rule, start, end)` is called for each match in order of
/// position, and the run stops when it returns true (then so does this function).
#[allow(clippy::too_many_arguments)]
fn run_triggers(
    canon: &str,
    patterns: &super::PatternTable,
    regexes: &super::Regexes,
    caches: &mut RegexCaches,
    triggers: &mut Vec<u64>,
    gates: &mut [u64],
    gate_open: &mut Vec<u64>,
    rule_next: &mut Vec<u32>,
    mut found: impl FnMut(usize, usize, usize) -> bool,
) -> bool {
    if triggers.is_empty() {
        return false;
    }
    sort_keys(triggers);
    triggers.dedup();
    rule_next.clear();
    rule_next.resize(regexes.each.len(), 0);
    let bytes = canon.as_bytes();
    // The segment (between hard boundaries) holding the current trigger; positions only grow, so
    // each boundary is looked for once. Its start, and the gates, only once a rule needs them.
    let mut seg_end = 0;
    let mut seg_start = None;
    let mut gates_ready = false;
    // The segment whose gate literals are marked in `gate_open`: per rule, the segment's start + 1
    // (high half; cleared once per run, marks only grow within a run) and one past where the
    // rule's last gate literal in the segment starts (low half). A match from a trigger holds a
    // gate literal, so one must start at or after the trigger.
    let mut opened = None;
    for &key in triggers.iter() {
        let pos = ((key >> 32) as usize).min(bytes.len());
        let rule = key as u32 as usize;
        let Some(next) = rule_next.get_mut(rule) else {
            continue;
        };
        if pos < *next as usize {
            continue;
        }
        if pos >= seg_end {
            seg_start = None;
            seg_end = memchr_break(bytes, pos);
        }
        if regexes.needs_gate.get(rule).copied().unwrap_or(false) {
            if !gates_ready {
                sort_keys(gates);
                gate_open.clear();
                gate_open.resize(regexes.each.len(), 0);
                gates_ready = true;
            }
            let start = *seg_start.get_or_insert_with(|| segment_start(bytes, 0, pos));
            // The rules the segment's gate literals open, in order of position (the last one
            // marked is the last one there).
            let mark = start as u64 + 1;
            if opened != Some(start) {
                opened = Some(start);
                let first = gates.partition_point(|&k| k < trigger(start, 0));
                for &k in gates[first..]
                    .iter()
                    .take_while(|&&k| ((k >> 32) as usize) < seg_end)
                {
                    let after = (k >> 32) + 1;
                    for r in patterns.gated_rules(k as u32 as usize) {
                        if let Some(m) = gate_open.get_mut(r as usize) {
                            *m = mark << 32 | after;
                        }
                    }
                }
            }
            let open = gate_open.get(rule).copied().unwrap_or(0);
            if open >> 32 != mark || (open as u32 as usize) <= pos {
                continue;
            }
        }
        let input = Input::new(canon)
            .range(pos..seg_end)
            .anchored(Anchored::Yes);
        if let Some((start, end)) = regexes.each[rule].search(&mut caches.each[rule], &input) {
            // Rules never match the empty string (checked when built); a rule stops in a segment
            // at an empty match, as `rule_hits` does.
            *next = if start == end { seg_end } else { end } as u32;
            if start < end && found(rule, start, end) {
                return true;
            }
        }
    }
    false
}

/// Turns segment literals `trigger(position, rule)` into the distinct `trigger(segment start, rule)`
/// in order. Linear in the text: positions are sorted first, so each segment's start is looked for
/// from the previous segment's end.
fn segment_keys(canon: &str, keys: &mut Vec<u64>) {
    if keys.is_empty() {
        return;
    }
    sort_keys(keys);
    let bytes = canon.as_bytes();
    let (mut seg_start, mut seg_end) = (0, 0);
    for key in keys.iter_mut() {
        let pos = ((*key >> 32) as usize).min(bytes.len());
        if pos >= seg_end {
            seg_start = segment_start(bytes, seg_end.min(pos), pos);
            seg_end = memchr_break(bytes, pos);
        }
        *key = trigger(seg_start, *key as u32);
    }
    sort_keys(keys);
    keys.dedup();
}

/// Sorts position keys, which arrive nearly in order (hits come in order of their end, the keys
/// hold their start): a few dozen by insertion, where the standard sort's setup costs more than
/// the sorting (a thousand instructions for 28 triggers of a message with an offer).
fn sort_keys(keys: &mut [u64]) {
    if keys.len() > 64 {
        keys.sort_unstable();
        return;
    }
    for i in 1..keys.len() {
        let key = keys[i];
        let mut j = i;
        while j > 0 && keys[j - 1] > key {
            keys[j] = keys[j - 1];
            j -= 1;
        }
        keys[j] = key;
    }
}

/// Where the segment holding `pos` starts: after the last hard boundary in `from..pos`, or at
/// `from` (a segment start or the text's start) when there is none.
fn segment_start(bytes: &[u8], from: usize, pos: usize) -> usize {
    bytes[from..pos]
        .iter()
        .rposition(|&b| b == BREAK as u8)
        .map_or(from, |i| from + i + 1)
}

/// The position of the first hard boundary at or after `from`, or the end of the text.
fn memchr_break(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == BREAK as u8)
        .map_or(bytes.len(), |i| from + i)
}

/// Every match (`Filter::find_all_with`). After a text without matches, the next one is screened
/// first (`screen`: the canonical text alone), betting that it is clean too, as most texts of a
/// stream are; a clean text is then answered without the origin map. After a text with matches the
/// full pipeline runs straight away, so texts that keep matching pay nothing for the bet. The
/// answer is the same either way.
pub(super) fn find_all(inner: &Inner, text: &str, scratch: &mut Scratch, out: &mut Vec<Match>) {
    if scratch.last_clean && screen(inner, text, scratch) == Verdict::Clean {
        out.clear();
        return;
    }
    find_all_full(inner, text, scratch, out);
    scratch.last_clean = out.is_empty();
}

/// Every match, through the whole pipeline.
fn find_all_full(inner: &Inner, text: &str, scratch: &mut Scratch, out: &mut Vec<Match>) {
    out.clear();
    scratch.hits.clear();
    scratch.allows.clear();
    scratch.co_hits.clear();
    scratch.triggers.clear();
    scratch.gates.clear();
    scratch.trigger_gates.clear();
    inner
        .normalizer
        .normalize_into(text, &mut scratch.normalized);
    let norm = &scratch.normalized;
    let canon = norm.text();
    let bytes = canon.as_bytes();
    {
        // Hits come in order of their end, so their characters are found by walking forward.
        let mut cursor = 0;
        // A match that composed split forms (木仓 read as 枪) counts for targets that take them.
        let split_flag = |split: bool| {
            if split {
                Evasion::SPLIT
            } else {
                Evasion::empty()
            }
        };
        for (m_start, m_end, value, split) in TermHits::new(inner, canon, &mut scratch.walks) {
            if value & DIRECT_TERM != 0 && split && value & DIRECT_SPLITS == 0 {
                continue;
            }
            let (first, next) = hit_chars(norm, &mut cursor, m_start, m_end);
            if value & DIRECT_TERM != 0 {
                let t = direct_target(value);
                let Some(end) = word_end(bytes, m_start, m_end, t.word) else {
                    continue;
                };
                scratch.hits.push(Hit {
                    start: m_start as u32,
                    end: end as u32,
                    first,
                    // A plural suffix adds ASCII letters: one character per byte.
                    next: next + (end - m_end) as u32,
                    repeat: 0,
                    term: t.id,
                    evasion: t.evasion | split_flag(split),
                });
                continue;
            }
            let Some(targets) = inner.patterns.targets(value as usize) else {
                continue;
            };
            for t in targets.iter() {
                if split && !t.splits {
                    continue;
                }
                let Some(end) = word_end(bytes, m_start, m_end, t.word) else {
                    continue;
                };
                if t.repeat != 0 && !repeat_ok(norm, first, t.repeat) {
                    continue;
                }
                let (start, end) = (m_start as u32, end as u32);
                match t.kind {
                    TARGET_DENY => scratch.hits.push(Hit {
                        start,
                        end,
                        first,
                        // A plural suffix adds ASCII letters: one character per byte.
                        next: next + (end - m_end as u32),
                        repeat: t.repeat,
                        term: t.id,
                        evasion: t.evasion | split_flag(split),
                    }),
                    TARGET_ALLOW => scratch.allows.push((start, end)),
                    TARGET_REGEX => scratch.triggers.push(trigger(m_start, t.id)),
                    TARGET_REGEX_SEGMENT => scratch.gates.push(trigger(m_start, t.id)),
                    TARGET_REGEX_GATE => {
                        // The pattern's remaining targets are gates too: note the pattern once.
                        scratch.trigger_gates.push(trigger(m_start, value));
                        break;
                    }
                    kind => scratch.co_hits.push(CoHit {
                        rule: t.id,
                        negative: kind != TARGET_CO_ALL,
                        slot: t.slot,
                        start,
                        end,
                        start_char: first,
                        end_char: next + (end - m_end as u32),
                    }),
                }
            }
        }
    }
    if let (Some(regexes), Some(caches)) = (&inner.regexes, regex_caches(inner, &mut scratch.regex))
    {
        let norm = &scratch.normalized;
        let hits = &mut scratch.hits;
        run_triggers(
            canon,
            &inner.patterns,
            regexes,
            caches,
            &mut scratch.triggers,
            &mut scratch.trigger_gates,
            &mut scratch.gate_open,
            &mut scratch.rule_next,
            |i, start, end| {
                hits.push(rule_hit(inner, norm, i, start, end));
                false
            },
        );
        scratch.triggers.clear();
        // Rules with segment literals: over each segment where one occurs.
        segment_keys(canon, &mut scratch.gates);
        for &key in &scratch.gates {
            let s = (key >> 32) as usize;
            let segment = (s, memchr_break(bytes, s));
            rule_hits(
                inner,
                norm,
                regexes,
                caches,
                key as u32 as usize,
                segment,
                &mut scratch.hits,
            );
        }
        // Rules without triggers: skipped when none matches anywhere in the text (see `is_match`).
        if let (Some(any), Some(any_cache), Some(combined), Some(combined_cache)) = (
            &regexes.any,
            &mut caches.any,
            &regexes.combined,
            &mut caches.combined,
        ) {
            if any.is_match_with(any_cache, &Input::new(canon)) {
                for (s, e) in segments(canon) {
                    let input = Input::new(canon).range(s..e);
                    caches.set.clear();
                    combined.which_overlapping_matches_with(
                        combined_cache,
                        &input,
                        &mut caches.set,
                    );
                    for pid in caches.set.iter() {
                        let i = regexes.untriggered[pid.as_usize()] as usize;
                        // (`caches.set` is borrowed: collect through the trigger list.)
                        scratch.triggers.push(trigger(s, i as u32));
                    }
                }
                for &key in &scratch.triggers {
                    let s = (key >> 32) as usize;
                    let segment = (s, memchr_break(bytes, s));
                    rule_hits(
                        inner,
                        norm,
                        regexes,
                        caches,
                        key as u32 as usize,
                        segment,
                        &mut scratch.hits,
                    );
                }
            }
        }
    }
    if !scratch.co_hits.is_empty() {
        co_occurrences(inner, scratch);
    }
    prepare_allows(&mut scratch.allows);
    let norm = &scratch.normalized;
    for hit in &scratch.hits {
        if allowed(&scratch.allows, hit.start, hit.end) {
            continue;
        }
        let Some((span, evasions)) = norm.origin_of_chars(hit.first as usize, hit.next as usize)
        else {
            continue;
        };
        let (span, evasions) = if evasions.contains(Evasion::REPEAT) {
            let trim = Trim {
                first: hit.first as usize,
                next: hit.next as usize,
                repeat: hit.repeat,
            };
            trim_repeats(norm, text, trim, span, evasions)
        } else {
            (span, evasions)
        };
        let Some(entry) = inner.terms.meta(hit.term as usize) else {
            continue;
        };
        out.push(Match {
            span,
            term: TermId(hit.term),
            category: CategoryId(entry.category),
            severity: entry.severity,
            kind: entry.kind,
            evasions: evasions | hit.evasion,
        });
    }
    // One integer key (offsets are below 4 GiB): much cheaper to compare than a tuple.
    let key = |m: &Match| {
        (m.span.start() as u128) << 64 | (m.span.end() as u128) << 32 | u128::from(m.term.0)
    };
    if out.windows(2).any(|w| key(&w[0]) > key(&w[1])) {
        out.sort_unstable_by_key(key);
    }
    out.dedup_by(|b, a| {
        if a.span == b.span && a.term == b.term {
            a.evasions |= b.evasions;
            true
        } else {
            false
        }
    });
}

/// A match that starts or ends on a collapsed run covers only the copy next to the rest of the match:
/// in 不了了 the term 不了 is the first two characters, in 现在在 现在 too; in 军军火 军火 is the last two.
/// The run counts as an evasion only when it lies inside the match.
/// A hit's characters (`first..next` in `Normalized::chars`) and the positions its pattern requires
/// to be runs.
struct Trim {
    first: usize,
    next: usize,
    repeat: u64,
}

/// The byte offsets in `text` of the characters of a collapsed run's origin, last first.
fn copy_starts<'a>(
    text: &'a str,
    c: &crate::normalize::CanonChar,
) -> impl Iterator<Item = usize> + 'a {
    let base = c.start as usize;
    text[c.start as usize..c.end as usize]
        .char_indices()
        .rev()
        .filter(|(_, ch)| ch.is_alphanumeric())
        .map(move |(i, _)| base + i)
}

fn trim_repeats(
    norm: &Normalized,
    text: &str,
    trim: Trim,
    span: Span,
    evasions: Evasion,
) -> (Span, Evasion) {
    let Trim {
        first,
        next,
        repeat,
    } = trim;
    let Some(chars) = norm.chars().get(first..next) else {
        return (span, evasions);
    };
    let (Some(head), Some(tail)) = (chars.first(), chars.last()) else {
        return (span, evasions);
    };
    let (mut s, mut e) = (span.start(), span.end());
    // A run the pattern itself requires (哥哥) keeps two copies; any other keeps one.
    let head_copies = if repeat & 1 != 0 { 2 } else { 1 };
    let tail_copies = if repeat & (1 << (chars.len() - 1).min(63)) != 0 {
        2
    } else {
        1
    };
    if chars.len() > 1 && head.evasions.contains(Evasion::REPEAT) {
        if let Some(i) = copy_starts(text, head).nth(head_copies - 1) {
            s = i.max(s);
        }
    }
    if chars.len() > 1 && tail.evasions.contains(Evasion::REPEAT) {
        let mut copies = text[tail.start as usize..tail.end as usize]
            .char_indices()
            .filter(|(_, ch)| ch.is_alphanumeric());
        if let Some((i, c)) = copies.nth(tail_copies - 1) {
            e = (tail.start as usize + i + c.len_utf8()).min(e);
        }
    }
    if chars.len() == 1 && repeat & 1 != 0 {
        // A reduplicated term on a longer run (哈哈 in 哈哈哈哈): its last two copies.
        if let Some(i) = copy_starts(text, head).nth(1) {
            s = i.max(s);
        }
    }
    let inner_repeat = chars.len() > 2
        && chars[1..chars.len() - 1]
            .iter()
            .any(|c| c.evasions.contains(Evasion::REPEAT));
    let single_repeat = chars.len() == 1;
    let mut ev = evasions;
    if !inner_repeat && !single_repeat {
        ev = Evasion::from_bits_truncate(ev.bits() & !Evasion::REPEAT.bits());
    }
    (Span::new(s, e.max(s)), ev)
}

/// The characters `first..next` of an automaton hit at canonical bytes `start..end`. `cursor` is
/// the character where the previous hit ended: hits come in order of their end, so the end is found
/// by walking forward from it (a binary search only if it ever goes back), and the start by walking
/// back over the hit's own characters. The forward walks of one scan add up to at most the text's
/// characters; a binary search per hit far ahead cost more, its branches unpredictable (100k
/// dictionary terms on Chinese reviews, a hit every 16 characters: 42.6 → 39.5 µs per 10 KB).
#[inline]
fn hit_chars(norm: &Normalized, cursor: &mut usize, start: usize, end: usize) -> (u32, u32) {
    let chars = norm.chars();
    let (start, end) = (start as u32, end as u32);
    let mut next = (*cursor).min(chars.len());
    if next > 0 && chars[next - 1].offset >= end {
        next = chars.partition_point(|c| c.offset < end);
    } else {
        while next < chars.len() && chars[next].offset < end {
            next += 1;
        }
    }
    *cursor = next;
    let mut first = next;
    while first > 0 && chars[first - 1].offset >= start {
        first -= 1;
    }
    (first as u32, next as u32)
}

fn char_index(norm: &Normalized, offset: usize) -> u32 {
    if offset >= norm.text().len() {
        norm.chars().len() as u32
    } else {
        norm.char_index(offset).unwrap_or(0) as u32
    }
}

/// Turns co-occurrence phrase hits into rule hits (pushed to `scratch.hits`).
fn co_occurrences(inner: &Inner, scratch: &mut Scratch) {
    scratch
        .co_hits
        .sort_unstable_by_key(|h| (h.rule, h.start_char, h.end_char, h.negative, h.slot));
    let mut i = 0;
    while i < scratch.co_hits.len() {
        let rule = scratch.co_hits[i].rule;
        let mut j = i;
        while j < scratch.co_hits.len() && scratch.co_hits[j].rule == rule {
            j += 1;
        }
        let entry = inner.co_rules[rule as usize];
        co_rule(
            entry,
            &scratch.co_hits[i..j],
            &mut scratch.co_counts,
            &mut scratch.hits,
        );
        i = j;
    }
}

/// Minimal windows covering every positive phrase of one rule; one hit per window that is short enough
/// and free of negative phrases (for a rule without `within`: at most one, and none when any negative
/// phrase occurs).
fn co_rule(entry: CoEntry, hits: &[CoHit], counts: &mut Vec<u32>, out: &mut Vec<Hit>) {
    let need = entry.all as usize;
    if need == 0 {
        return;
    }
    let negatives = || hits.iter().filter(|h| h.negative);
    if entry.within.is_none() && negatives().next().is_some() {
        return;
    }
    // Most rules with a hit lack some phrase: one pass over the slots says so.
    if need <= 64 {
        let seen = hits
            .iter()
            .filter(|h| !h.negative && (h.slot as usize) < need)
            .fold(0u64, |seen, h| seen | 1 << h.slot);
        if (seen.count_ones() as usize) < need {
            return;
        }
    }
    let within = entry.within.unwrap_or(u32::MAX);
    counts.clear();
    counts.resize(need, 0);
    let mut covered = 0;
    let pos = |k: usize| hits[k];
    let mut left = 0;
    for right in 0..hits.len() {
        let h = pos(right);
        if h.negative || h.slot as usize >= need {
            continue;
        }
        counts[h.slot as usize] += 1;
        if counts[h.slot as usize] == 1 {
            covered += 1;
        }
        while covered == need {
            // Shrink from the left while every phrase stays covered.
            while left < right {
                let l = pos(left);
                if l.negative || l.slot as usize >= need {
                    left += 1;
                } else if counts[l.slot as usize] > 1 {
                    counts[l.slot as usize] -= 1;
                    left += 1;
                } else {
                    break;
                }
            }
            let first = pos(left);
            let (mut end_char, mut end) = (0, 0);
            for k in left..=right {
                let x = pos(k);
                if !x.negative && (x.slot as usize) < need {
                    end_char = end_char.max(x.end_char);
                    end = end.max(x.end);
                }
            }
            let blocked =
                negatives().any(|n| n.start_char < end_char && n.end_char > first.start_char);
            if end_char - first.start_char <= within && !blocked {
                out.push(Hit {
                    repeat: 0,
                    start: first.start,
                    end,
                    first: first.start_char,
                    next: end_char,
                    term: entry.term,
                    evasion: Evasion::empty(),
                });
                if entry.within.is_none() {
                    return;
                }
                counts.iter_mut().for_each(|c| *c = 0);
                covered = 0;
                left = right + 1;
            } else {
                // Drop the leftmost hit and look for a window further right.
                counts[first.slot as usize] -= 1;
                if counts[first.slot as usize] == 0 {
                    covered -= 1;
                }
                left += 1;
            }
        }
    }
}

/// Greedy leftmost-longest non-overlapping selection from matches sorted by `(start, end)`.
pub(super) fn leftmost_longest(all: &[Match], out: &mut Vec<Match>) {
    out.clear();
    let mut cursor = 0;
    let mut i = 0;
    while i < all.len() {
        let start = all[i].start();
        let mut j = i;
        while j + 1 < all.len() && all[j + 1].start() == start {
            j += 1;
        }
        if start >= cursor {
            // The longest of those starting here; on ties the first term.
            let end = all[j].end();
            let best = (i..=j).find(|&k| all[k].end() == end).unwrap_or(j);
            out.push(all[best]);
            cursor = end;
        }
        i = j + 1;
    }
}

/// Writes `text` with every char inside a match replaced by `mask`.
/// `text` with every character inside a match replaced by `mask`. `matches` are sorted by start (as
/// `find_all` returns them); text between matches is copied in bulk.
pub(super) fn mask(text: &str, matches: &[Match], mask: char, out: &mut String) {
    out.clear();
    out.reserve(text.len());
    // `text[..copied]` is done.
    let mut copied = 0;
    let mut i = 0;
    while i < matches.len() {
        let start = matches[i].start().max(copied);
        let mut end = matches[i].end();
        i += 1;
        while i < matches.len() && matches[i].start() < end {
            end = end.max(matches[i].end());
            i += 1;
        }
        if end <= start {
            continue;
        }
        // Spans are on char boundaries of `text` (see `Match::span`).
        out.push_str(text.get(copied..start).unwrap_or(""));
        let covered = text.get(start..end).unwrap_or("");
        for _ in covered.chars() {
            out.push(mask);
        }
        copied = end;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
}

#[cfg(test)]
mod trigger_tests {
    use regex_automata::{meta, Input, PatternSet};

    use super::super::rule_regex::Rule;
    use super::super::{PatternTable, Regexes, Target, TARGET_DENY, TARGET_REGEX_GATE};
    use super::{run_triggers, trigger, RegexCaches};
    use crate::filter::builder::{gate_literals, trigger_literals};
    use crate::normalize::Evasion;

    /// Rules whose matches overlap or repeat, so a rule's own earlier match decides where it may
    /// match next; the last three have gate literals.
    const RULES: &[&str] = &[
        "出售[^\\n]{0,6}出售",
        "1[3-9]\\d{3}",
        "(?-u:\\b)(?:wa|call)(?-u:\\b) ?\\d+",
        "ab|abc",
        "a+b",
        "b[ab]a",
        // A Unicode word boundary: the lazy DFA gives up on non-ASCII text, the PikeVM answers.
        "出售\\w+\\b",
        "出售[^\\n]{0,4}(?:枪支|弹药)",
        "(?:枪支|弹药)[^\\n]{0,3}出售",
        "(?:wa|call) ?(?:枪支|1)[^\\n]{0,2}弹药",
    ];
    const PIECES: &[&str] = &[
        "出售", "a", "b", "ab", "c", "1", "3", "\n", " ", "wa", "call", "7", "x", "，", "枪支",
        "弹药",
    ];

    /// Every leftmost-first match of each rule in each segment: the definition.
    fn naive(canon: &str, res: &[meta::Regex]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        for segment in canon.split('\n') {
            let (s, e) = (start, start + segment.len());
            start = e + 1;
            for (i, re) in res.iter().enumerate() {
                let mut input = Input::new(canon).range(s..e);
                while let Some(m) = re.search(&input) {
                    out.push((i, m.start(), m.end()));
                    input.set_start(m.end());
                }
            }
        }
        out.sort_unstable();
        out
    }

    #[test]
    fn anchored_runs_at_triggers_find_every_leftmost_first_match() {
        let res: Vec<meta::Regex> = RULES
            .iter()
            .map(|p| meta::Regex::new(p).expect("valid"))
            .collect();
        let lits: Vec<Vec<String>> = RULES
            .iter()
            .map(|p| trigger_literals(p).expect("every rule has triggers"))
            .collect();
        let each: Vec<Rule> = RULES
            .iter()
            .map(|p| {
                let hir = regex_syntax::parse(p).expect("valid");
                Rule::now(p, &hir, true, 1 << 20).expect("builds")
            })
            .collect();
        let mut caches = RegexCaches {
            filter: 0,
            any: None,
            combined: None,
            each: each.iter().map(|_| None).collect(),
            set: PatternSet::new(0),
        };
        let gate_lits: Vec<Option<Vec<String>>> = RULES
            .iter()
            .zip(&lits)
            .map(|(p, l)| gate_literals(p, l))
            .collect();
        let regexes = Regexes {
            untriggered: Vec::new(),
            any: None,
            combined: None,
            each,
            needs_gate: gate_lits.iter().map(Option::is_some).collect(),
        };
        assert_eq!(
            regexes.needs_gate,
            [false, false, false, false, false, false, false, true, true, true]
        );
        // One pattern per gate literal, with a gate target for each rule it gates (and a deny
        // target, which must not hide them).
        let mut gate_texts: Vec<(&str, Vec<u32>)> = Vec::new();
        for (rule, ls) in gate_lits.iter().enumerate() {
            for l in ls.iter().flatten() {
                match gate_texts.iter_mut().find(|(t, _)| *t == l.as_str()) {
                    Some((_, rules)) => rules.push(rule as u32),
                    None => gate_texts.push((l.as_str(), vec![rule as u32])),
                }
            }
        }
        let mut patterns = PatternTable::default();
        for (text, rules) in &gate_texts {
            let target = |kind, id| Target {
                kind,
                word: 0,
                id,
                slot: 0,
                evasion: Evasion::empty(),
                repeat: 0,
                splits: false,
            };
            let mut targets: Vec<Target> = rules
                .iter()
                .rev()
                .map(|&r| target(TARGET_REGEX_GATE, r))
                .collect();
            targets.push(target(TARGET_DENY, 0));
            patterns.push(text, &targets);
        }
        assert!(gate_texts.iter().any(|(_, rules)| rules.len() > 1));
        let (mut triggers, mut gates, mut open, mut next) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut seed = 99u32;
        let mut with_overlaps = 0;
        for _ in 0..3000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let n = 1 + (seed >> 16) as usize % 14;
            let mut canon = String::new();
            for _ in 0..n {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                canon.push_str(PIECES[(seed >> 16) as usize % PIECES.len()]);
            }
            // Every occurrence of every literal, as the automaton reports them, in any order.
            triggers.clear();
            for (rule, ls) in lits.iter().enumerate() {
                for l in ls {
                    for (pos, _) in canon.match_indices(l.as_str()) {
                        triggers.push(trigger(pos, rule as u32));
                    }
                }
            }
            triggers.reverse();
            let find_gates = |gates: &mut Vec<u64>| {
                gates.clear();
                for (p, (text, _)) in patterns
                    .iter(&crate::filter::TermTable::default())
                    .enumerate()
                {
                    for (pos, _) in canon.match_indices(text) {
                        gates.push(trigger(pos, p as u32));
                    }
                }
            };
            find_gates(&mut gates);
            let mut got = Vec::new();
            let found = run_triggers(
                &canon,
                &patterns,
                &regexes,
                &mut caches,
                &mut triggers,
                &mut gates,
                &mut open,
                &mut next,
                |i, start, end| {
                    got.push((i, start, end));
                    false
                },
            );
            assert!(!found);
            got.sort_unstable();
            let want = naive(&canon, &res);
            assert_eq!(got, want, "text {canon:?}");
            with_overlaps += usize::from(want.len() > 1);
            // Stopping at the first match reports whether there is one.
            triggers.reverse();
            find_gates(&mut gates);
            let any = run_triggers(
                &canon,
                &patterns,
                &regexes,
                &mut caches,
                &mut triggers,
                &mut gates,
                &mut open,
                &mut next,
                |_, _, _| true,
            );
            assert_eq!(any, !want.is_empty(), "text {canon:?}");
        }
        assert!(
            with_overlaps > 500,
            "only {with_overlaps} texts with several matches"
        );
    }
}

#[cfg(test)]
mod hit_char_tests {
    use super::hit_chars;
    use crate::{Normalized, Normalizer};

    #[test]
    fn hit_chars_finds_each_hits_characters_near_the_last_one_or_far_from_it() {
        let normalizer = Normalizer::default();
        let mut norm = Normalized::new();
        let pieces = ["枪", "a", "b", " ", "军火", "1", "x", "，", "\n", "é", "Ｇ"];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut far = 0;
        for _ in 0..2_000 {
            let text: String = (0..next(80)).map(|_| pieces[next(pieces.len())]).collect();
            normalizer.normalize_into(&text, &mut norm);
            let n = norm.chars().len();
            if n == 0 {
                continue;
            }
            let offset = |k: usize| {
                norm.chars()
                    .get(k)
                    .map_or(norm.text().len(), |c| c.offset as usize)
            };
            // Hits as the automaton gives them: in order of their end, any start before it.
            let mut hits: Vec<(usize, usize)> = (0..next(6))
                .map(|_| {
                    let first = next(n);
                    (first, first + 1 + next((n - first).min(5)))
                })
                .collect();
            hits.sort_unstable_by_key(|&(_, next)| next);
            let mut cursor = 0;
            for (first, next_char) in hits {
                far += usize::from(next_char > cursor + 9);
                let got = hit_chars(&norm, &mut cursor, offset(first), offset(next_char));
                assert_eq!(got, (first as u32, next_char as u32), "{text:?}");
            }
        }
        assert!(far > 500, "only {far} hits far from the last one");
    }
}

#[cfg(test)]
mod segment_tests {
    use super::{segment_keys, sort_keys, trigger};

    #[test]
    fn segment_literals_become_their_segments_once_each() {
        let canon = "ab\ncd ef\n\nghi\nj";
        let positions: Vec<usize> = canon
            .char_indices()
            .filter(|&(_, c)| c != '\n')
            .map(|(i, _)| i)
            .collect();
        // Every subset of positions, two rules, in a scrambled order.
        for mask in 1u32..(1 << positions.len()) {
            let mut keys = Vec::new();
            for (k, &p) in positions.iter().enumerate().rev() {
                if mask & (1 << k) != 0 {
                    keys.push(trigger(p, (k % 2) as u32));
                    keys.push(trigger(p, 1));
                }
            }
            let mut want: Vec<u64> = keys
                .iter()
                .map(|&key| {
                    let p = (key >> 32) as usize;
                    let s = canon[..p].rfind('\n').map_or(0, |i| i + 1);
                    trigger(s, key as u32)
                })
                .collect();
            want.sort_unstable();
            want.dedup();
            segment_keys(canon, &mut keys);
            assert_eq!(keys, want, "mask {mask:b}");
        }
    }

    #[test]
    fn position_keys_sort_like_the_standard_sort() {
        // Short lists by insertion, longer ones by `sort_unstable`: both sides of the cut, in
        // order, reversed, nearly in order and scrambled, with repeats.
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || crate::filter::xorshift(&mut seed);
        for len in [0, 1, 2, 3, 28, 63, 64, 65, 200] {
            for shape in 0..4 {
                let mut keys: Vec<u64> = (0..len as u64)
                    .map(|i| match shape {
                        0 => trigger(i as usize, 3),
                        1 => trigger((len as u64 - i) as usize, 1),
                        2 => trigger((i + next() % 3) as usize, (next() % 4) as u32),
                        _ => next() % 50,
                    })
                    .collect();
                let mut want = keys.clone();
                want.sort_unstable();
                sort_keys(&mut keys);
                assert_eq!(keys, want, "length {len}, shape {shape}");
            }
        }
    }
}

#[cfg(test)]
mod mask_tests {
    use super::super::{CategoryId, Match, MatchKind, TermId};
    use super::mask;
    use crate::lexicon::Severity;
    use crate::normalize::Evasion;
    use crate::span::Span;

    /// Every character whose start lies inside some match is masked: the definition, char by char.
    fn naive(text: &str, spans: &[(usize, usize)], m: char) -> String {
        text.char_indices()
            .map(|(i, c)| {
                if spans.iter().any(|&(s, e)| s <= i && i < e) {
                    m
                } else {
                    c
                }
            })
            .collect()
    }

    #[test]
    fn bulk_mask_equals_the_per_character_definition() {
        let text = "出售a槍支bc，軍火d";
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut seed = 7u32;
        let mut out = String::new();
        for _ in 0..2000 {
            let mut spans = Vec::new();
            for _ in 0..(seed % 4) {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let a = bounds[(seed >> 8) as usize % bounds.len()];
                let b = bounds[(seed >> 16) as usize % bounds.len()];
                if a < b {
                    spans.push((a, b));
                }
            }
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            spans.sort_unstable();
            let matches: Vec<Match> = spans
                .iter()
                .map(|&(s, e)| Match {
                    span: Span::new(s, e),
                    term: TermId(0),
                    category: CategoryId(0),
                    severity: Severity::High,
                    kind: MatchKind::Term,
                    evasions: Evasion::empty(),
                })
                .collect();
            mask(text, &matches, '*', &mut out);
            assert_eq!(out, naive(text, &spans, '*'), "{spans:?}");
        }
    }
}

#[cfg(test)]
mod screen_tests {
    use super::{find_all, find_all_full, screen, Scratch, Verdict};
    use crate::Filter;

    /// Every kind of entry: terms (a reduplicated one, an English word with plurals, a character
    /// with split forms), allow entries (one of them reduplicated), co-occurrence rules with and
    /// without a window and with negative phrases, and regex rules with trigger literals, segment
    /// literals and neither.
    const LEXICON: &str = "\
枪支
哥哥
军火
gun
allow: 水枪
allow: 出售军火罪
allow: 哈哈枪支
all: 代办 & 身份证 ! 挂失
all: 出售 & 迷药 within 6
regex: 加微信[0-9]{3,}
regex: [^\\n]?枪支
regex: [a-z]+@[a-z]+
regex: \\d{2}岁
";

    const PIECES: &[&str] = &[
        "枪支",
        "枪",
        "支",
        "木仓",
        "哥",
        "哥哥",
        "军",
        "火",
        "军火",
        "gun",
        "guns",
        "gunk",
        "水枪",
        "出售",
        "罪",
        "代办",
        "身份证",
        "挂失",
        "迷药",
        "加微信",
        "123",
        "a",
        "b",
        "@",
        "18",
        "岁",
        "哈",
        "。",
        "\n",
        " ",
        "，",
        "的",
        "好",
        "x",
        "今天",
        "天气",
        "很",
        "不错",
        "我们",
    ];

    fn filter(with_allows: bool) -> Filter {
        let lexicon: String = LEXICON
            .lines()
            .filter(|l| with_allows || !l.starts_with("allow:"))
            .map(|l| format!("{l}\n"))
            .collect();
        Filter::builder()
            .add_lexicon(&lexicon, "screen")
            .build()
            .expect("the lexicon builds")
    }

    #[test]
    fn screen_verdicts_agree_with_find_all() {
        for with_allows in [true, false] {
            let f = filter(with_allows);
            let mut scratch = Scratch::new();
            let mut out = Vec::new();
            let mut seen = [0usize; 3];
            let mut seed = 7u32;
            for _ in 0..20_000 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let n = 1 + (seed >> 16) as usize % 8;
                let mut text = String::new();
                for _ in 0..n {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    text.push_str(PIECES[(seed >> 16) as usize % PIECES.len()]);
                }
                let verdict = screen(&f.0, &text, &mut scratch);
                find_all_full(&f.0, &text, &mut scratch, &mut out);
                match verdict {
                    Verdict::Clean => assert!(out.is_empty(), "{text:?} screened clean: {out:?}"),
                    Verdict::Match => assert!(!out.is_empty(), "{text:?} screened as a match"),
                    Verdict::Undecided => {}
                }
                assert_eq!(f.is_match(&text), !out.is_empty(), "is_match of {text:?}");
                seen[verdict as usize] += 1;
            }
            // Each verdict occurs often (these texts are dense with entries: most real text is
            // decided by the screen alone).
            assert!(seen.iter().all(|&n| n > 1000), "verdicts {seen:?}");
        }
    }

    #[test]
    fn triggers_that_need_a_word_start_find_what_their_rules_find() {
        // `wa`, `tel`, `call`, `q` and `qq` open their branches with a word boundary, 扣 and `vx`
        // do not.
        let rules = [
            r"(?-u:\b)(?:wa|tel|call)(?-u:\b) ?\d{3}",
            r"(?:(?-u:\b)q{1,2}|扣|vx)\d{3}",
        ];
        let lexicon: String = rules.iter().map(|r| format!("regex: {r}\n")).collect();
        let f = Filter::builder()
            .add_lexicon(&lexicon, "word starts")
            .build()
            .expect("the lexicon builds");
        let res: Vec<regex_automata::meta::Regex> = rules
            .iter()
            .map(|r| regex_automata::meta::Regex::new(r).expect("valid"))
            .collect();
        let normalizer = crate::Normalizer::default();
        let pieces = [
            "wa", "tel", "call", "ho", "a", "q", "qq", "扣", " ", " ", "123", "123", "_", "电话",
            "x", "9", " wa", " q", "vx",
        ];
        let mut out = Vec::new();
        let mut scratch = Scratch::new();
        let mut state = 0x77a5_u64;
        let (mut matched, mut clean, mut inside_words) = (0, 0, 0);
        for _ in 0..20_000 {
            let n = 2 + (crate::filter::xorshift(&mut state) % 8) as usize;
            let text: String = (0..n)
                .map(|_| {
                    pieces[(crate::filter::xorshift(&mut state) % pieces.len() as u64) as usize]
                })
                .collect();
            let canon = normalizer.normalize(&text);
            let want = res.iter().any(|r| r.is_match(canon.text()));
            find_all_full(&f.0, &text, &mut scratch, &mut out);
            assert_eq!(!out.is_empty(), want, "{text:?} ({:?})", canon.text());
            assert_eq!(f.is_match(&text), want, "is_match of {text:?}");
            if want {
                matched += 1;
            } else {
                clean += 1;
            }
            let t = canon.text();
            if ["hotel", "awa", "acall", "xq"]
                .iter()
                .any(|w| t.contains(w))
            {
                inside_words += 1;
            }
        }
        assert!(
            matched > 1000 && clean > 1000,
            "{matched} matched, {clean} clean"
        );
        assert!(
            inside_words > 1000,
            "{inside_words} texts with a trigger inside a word"
        );
    }

    #[test]
    fn find_all_after_a_clean_text_gives_the_full_answer() {
        let f = filter(true);
        // One scratch carried through the stream (so each text is screened first or not depending
        // on the one before), one that always takes the full pipeline.
        let (mut carried, mut full) = (Scratch::new(), Scratch::new());
        let (mut got, mut want) = (Vec::new(), Vec::new());
        let mut transitions = [0usize; 4];
        let mut seed = 11u32;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            // Mostly clean texts, as in a real stream, with entries now and then.
            let n = 1 + (seed >> 16) as usize % 6;
            let mut text = String::new();
            for _ in 0..n {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let r = (seed >> 16) as usize;
                text.push_str(if r % 3 == 0 {
                    PIECES[r / 3 % PIECES.len()]
                } else {
                    ["今天", "天气", "很", "不错", "我们", "x", " "][r % 7]
                });
            }
            let screened = carried.last_clean;
            find_all(&f.0, &text, &mut carried, &mut got);
            find_all_full(&f.0, &text, &mut full, &mut want);
            assert_eq!(got, want, "{text:?} (screened first: {screened})");
            transitions[usize::from(screened) * 2 + usize::from(want.is_empty())] += 1;
        }
        // Screened and unscreened texts, with and without matches, all occur.
        assert!(transitions.iter().all(|&n| n > 200), "{transitions:?}");
    }

    #[test]
    fn only_hits_that_need_spans_are_undecided() {
        let f = filter(true);
        let mut scratch = Scratch::new();
        let mut verdict = |text: &str| screen(&f.0, text, &mut scratch);
        assert_eq!(verdict("今天天气好"), Verdict::Clean);
        // Allow entries are decided on the canonical text.
        assert_eq!(verdict("买水枪"), Verdict::Clean);
        assert_eq!(verdict("出售军火罪"), Verdict::Clean);
        assert_eq!(verdict("出售军火"), Verdict::Match);
        assert_eq!(verdict("水枪和枪支"), Verdict::Match);
        assert_eq!(verdict("加微信12345"), Verdict::Match);
        // A co-occurrence rule with all its positive phrases, whether or not it then matches.
        assert_eq!(verdict("代办身份证"), Verdict::Undecided);
        assert_eq!(verdict("代办身份证挂失"), Verdict::Undecided);
        assert_eq!(verdict("只有代办"), Verdict::Clean);
        // Patterns that need a collapsed run: a deny term, and an allow entry over a deny hit.
        assert_eq!(verdict("哥哥好"), Verdict::Undecided);
        assert_eq!(verdict("哈哈枪支"), Verdict::Undecided);
        assert_eq!(verdict("哈枪支"), Verdict::Undecided);
        assert_eq!(verdict("哈哈水枪"), Verdict::Clean);
        // Word boundaries are read from the text.
        assert_eq!(verdict("gunk"), Verdict::Clean);
        assert_eq!(verdict("guns"), Verdict::Match);
        assert!(!f.is_match("哈哈枪支") && f.is_match("哈枪支"));
    }
}

#[cfg(test)]
mod split_form_tests {
    use crate::compile::variants::split_variants;
    use crate::lexicon::{Severity, TermOptions};
    use crate::{Evasion, Filter, Normalizer};
    use std::collections::BTreeSet;

    /// Random terms and texts over characters with split forms, their components and junk: a
    /// filter that composes split forms while searching finds exactly the (span, term) pairs that a
    /// filter of the same terms plus every split variant of each (as the build-time expansion made
    /// them, up to four replaced characters: all of them for terms of up to four characters) finds,
    /// and flags as `SPLIT` exactly the matches of variants.
    #[test]
    fn composed_split_forms_find_what_expanded_variants_find() {
        let chars = ['枪', '弹', '炸', '药', '支', '赌', '木', '仓', '火'];
        let pieces = [
            "木仓", "枪", "弓单", "弹", "火乍", "炸", "草约", "药", "支", "木", "仓", "贝者", "赌",
            "火", "，", "。", " ", "*", "a", "1", "木 仓", "火*乍", "倉",
        ];
        let mut seed = 0x5DEE_CE66_D1CE_4E5Bu64;
        let mut next = |n: usize| (crate::filter::xorshift(&mut seed) % n as u64) as usize;
        let normalizer = Normalizer::default();
        let plain = TermOptions {
            no_variants: true,
            ..TermOptions::default()
        };
        let (mut matches, mut split) = (0, 0);
        for _ in 0..150 {
            let mut terms: Vec<String> = (0..1 + next(4))
                .map(|_| (0..1 + next(4)).map(|_| chars[next(chars.len())]).collect())
                .collect();
            terms.sort();
            terms.dedup();
            // Reduplicated terms take no split forms: leave them out.
            terms.retain(|t| normalizer.normalize_to_string(t) == *t);
            let mut composed = Filter::builder();
            let mut expanded = Filter::builder();
            for (i, t) in terms.iter().enumerate() {
                let category = format!("c{i}");
                composed.add_term(t, &category, Severity::High);
                expanded.add_term_with(t, &category, Severity::High, plain);
                for v in split_variants(t, 10_000) {
                    // The expansion kept only variants that the normaliser leaves as they are.
                    if normalizer.normalize_to_string(&v) == v {
                        expanded.add_term_with(&v, &category, Severity::Medium, plain);
                    }
                }
            }
            let (composed, expanded) = (composed.build().unwrap(), expanded.build().unwrap());
            for _ in 0..8 {
                let text: String = (0..next(24)).map(|_| pieces[next(pieces.len())]).collect();
                let found = |f: &Filter| -> BTreeSet<(usize, usize, String, bool)> {
                    f.find_all(&text)
                        .iter()
                        .map(|m| {
                            let r = m.span().range();
                            let is_split = m.evasions().contains(Evasion::SPLIT);
                            let variant = m.severity() == Severity::Medium;
                            let cat = f.category_name(m.category()).to_string();
                            (r.start, r.end, cat, is_split || variant)
                        })
                        .collect()
                };
                let want = found(&expanded);
                assert_eq!(found(&composed), want, "terms {terms:?} text {text:?}");
                assert_eq!(composed.is_match(&text), !want.is_empty(), "{text:?}");
                matches += want.len();
                split += want.iter().filter(|m| m.3).count();
            }
        }
        assert!(
            matches > 500 && split > 200,
            "{matches} matches, {split} split"
        );
    }
}
