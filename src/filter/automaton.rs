//! Saving and loading the term automaton without rebuilding it.
//!
//! `to_bytes` stores daachorse's own serialisation of the automaton, packed ([`pack`]). Loading
//! reads it straight into the arrays `charwise` searches. Every index the search follows is
//! bounds-checked there, but a malformed automaton could still loop forever or report wrong ranges.
//! A saved filter is checksummed, so damage is caught before this point; this module makes a
//! *forged* one (checksum recomputed) harmless as well, by proving on the loaded states what
//! searching relies on:
//!
//! - every state a search can reach has a depth (its chain of parents leads to the root), and its
//!   failure link goes to a reachable state of smaller depth, so failure chains end at the root;
//! - every output a reachable state reports names a real pattern (with that pattern's byte length)
//!   or a deny term (`DIRECT_TERM`), and is no longer than the shortest path of characters into any
//!   state that reports it, so a match never starts before the text does;
//! - the automaton reports overlapping matches (`MatchKind::Standard`).
//!
//! The layout read here is daachorse 5.1's (`Cargo.toml` pins that version); a build-and-load test
//! in `tests/` fails if a new daachorse changes it.

use super::charwise::{CharMap, Output, Prefilter, State, TermAutomaton, NO_CODE};
use super::{direct_target, MatchKind, PatternTable, TermTable, DIRECT_TERM};

/// Bytes of one serialised state: base, check, fail, output position (u32 each).
const STATE_BYTES: usize = 16;
/// Bytes of one serialised output: value, length, parent (u32 each).
const OUTPUT_BYTES: usize = 12;
/// The mapper's "no code" mark.
const INVALID_CODE: u32 = NO_CODE;
/// daachorse's byte for `MatchKind::Standard`.
const STANDARD: u8 = 0;

struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], &'static str> {
        if self.0.len() < n {
            return Err("the automaton is truncated");
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }
    fn u8(&mut self) -> Result<u8, &'static str> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, &'static str> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    /// A length-prefixed array of `size`-byte items.
    fn array(&mut self, size: usize) -> Result<&'a [u8], &'static str> {
        let n = self.u32()? as usize;
        self.take(n.checked_mul(size).ok_or("the automaton is truncated")?)
    }
}

fn word(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

/// The states of a serialised state array.
fn states(bytes: &[u8]) -> Vec<State> {
    bytes
        .chunks_exact(STATE_BYTES)
        .map(|c| State {
            base: word(c, 0),
            check: word(c, 4),
            fail: word(c, 8),
            output: word(c, 12),
        })
        .collect()
}

/// The outputs of a serialised output array.
fn outputs(bytes: &[u8]) -> Vec<Output> {
    bytes
        .chunks_exact(OUTPUT_BYTES)
        .map(|c| Output {
            value: word(c, 0),
            length: word(c, 4),
            parent: word(c, 8),
        })
        .collect()
}

/// The prefilter of a window byte and its table of occurrences.
fn prefilter(window: u8, occurs: Box<[u8; PREFILTER_LEN]>) -> Result<Prefilter, &'static str> {
    if !(2..=9).contains(&window) {
        return Err("the prefilter window is out of range");
    }
    Ok(Prefilter { occurs, window })
}

/// A prefilter table of no occurrences (zeroed memory).
fn empty_table() -> Box<[u8; PREFILTER_LEN]> {
    vec![0u8; PREFILTER_LEN]
        .into_boxed_slice()
        .try_into()
        .unwrap_or_else(|_| Box::new([0; PREFILTER_LEN]))
}

/// The occurrences of daachorse's saved prefilter table (its complement).
fn full_table(bytes: &[u8]) -> Box<[u8; PREFILTER_LEN]> {
    let mut occurs = empty_table();
    for (o, &b) in occurs.iter_mut().zip(bytes) {
        *o = !b;
    }
    occurs
}

/// The automaton in daachorse's own serialisation (`CharwiseDoubleArrayAhoCorasick::serialize`),
/// as read, not yet checked.
pub(crate) fn from_raw(raw: &[u8]) -> Result<TermAutomaton, &'static str> {
    read(raw, false)
}

/// The automaton in daachorse's own serialisation: what [`from_raw`] reads.
fn raw(a: &TermAutomaton) -> Vec<u8> {
    let mut out = Vec::with_capacity(
        16 + a.states.len() * STATE_BYTES
            + a.codes.len() * 4
            + a.outputs.len() * OUTPUT_BYTES
            + 8
            + PREFILTER_LEN,
    );
    put_u32(&mut out, a.states.len() as u32);
    for s in &a.states {
        for v in [s.base, s.check, s.fail, s.output] {
            put_u32(&mut out, v);
        }
    }
    put_u32(&mut out, a.codes.len() as u32);
    for code in a.codes.dense() {
        put_u32(&mut out, code.wrapping_sub(1));
    }
    put_u32(&mut out, a.alphabet);
    put_u32(&mut out, a.outputs.len() as u32);
    for o in &a.outputs {
        for v in [o.value, o.length, o.parent] {
            put_u32(&mut out, v);
        }
    }
    out.extend_from_slice(&a.kind_and_count);
    match &a.prefilter {
        Some(p) => {
            out.push(1);
            out.push(p.window);
            out.extend(p.occurs.iter().map(|&b| !b));
        }
        None => out.push(0),
    }
    out
}

/// [`raw`], for the tests of `charwise`.
#[cfg(test)]
pub(crate) fn raw_for_tests(a: &TermAutomaton) -> Vec<u8> {
    raw(a)
}

/// The automaton as a saved filter stores it: daachorse's serialisation, packed (see [`pack`]).
pub(crate) fn save(a: &TermAutomaton) -> Vec<u8> {
    pack(&raw(a))
}

/// Reads a saved automaton (what [`save`] wrote, or a raw one) and proves it safe to search
/// (module docs).
pub(crate) fn load(
    saved: &[u8],
    patterns: &PatternTable,
    terms: &TermTable,
) -> Result<TermAutomaton, &'static str> {
    let a = unpack(saved)?;
    if a.kind_and_count[0] != STANDARD {
        return Err("the automaton does not report overlapping matches");
    }
    check(&a, patterns, terms)?;
    Ok(a)
}

/// Marks of the depth walk.
const UNKNOWN: u8 = 0;
const VISITING: u8 = 1;
const REACHABLE: u8 = 2;
const UNREACHABLE: u8 = 3;

fn check(
    a: &TermAutomaton,
    patterns: &PatternTable,
    terms: &TermTable,
) -> Result<(), &'static str> {
    let states = &a.states;
    let alphabet = a.alphabet;
    let n = states.len();
    let base = |s: usize| states[s].base;
    let parent = |s: usize| states[s].check as usize;
    let fail = |s: usize| states[s].fail as usize;
    let output = |s: usize| states[s].output;

    // daachorse's own check makes every block of states cover the alphabet, so the alphabet is no
    // larger than the states (and the input) are; checked again before allocating by it.
    if alphabet as usize > n {
        return Err("the alphabet is larger than the automaton");
    }
    // The shortest UTF-8 length of a character with each code (0: no character has it).
    let mut code_len = vec![0u8; alphabet as usize];
    for (cp, code) in a.codes.entries() {
        let code = code.wrapping_sub(1);
        // Most code points of the map have no code: skipped first.
        if code == INVALID_CODE {
            continue;
        }
        let (Some(ch), Some(slot)) = (char::from_u32(cp), code_len.get_mut(code as usize)) else {
            continue;
        };
        let len = ch.len_utf8() as u8;
        if *slot == 0 || len < *slot {
            *slot = len;
        }
    }
    // The character length of the transition into `s` from its parent, if there is one.
    let step = |s: usize| -> Option<u32> {
        let p = parent(s);
        if p >= n {
            return None;
        }
        let b = base(p);
        if b == 0 {
            return None;
        }
        let len = *code_len.get((b ^ s as u32) as usize)?;
        (len > 0).then_some(u32::from(len))
    };

    // Depth (characters) and byte depth of every state reachable from the root.
    let mut mark = vec![UNKNOWN; n];
    let mut depth = vec![0u32; n];
    let mut bytes = vec![0u32; n];
    if n == 0 {
        return Err("the automaton has no states");
    }
    mark[0] = REACHABLE;
    let mut path = Vec::new();
    for s in 1..n {
        if mark[s] != UNKNOWN {
            continue;
        }
        // Walk up to a state already decided, then decide the path on the way back.
        let mut t = s;
        let end = loop {
            if t >= n {
                break UNREACHABLE;
            }
            match mark[t] {
                UNKNOWN => {}
                VISITING => break UNREACHABLE,
                m => break m,
            }
            if step(t).is_none() {
                break UNREACHABLE;
            }
            mark[t] = VISITING;
            path.push(t);
            t = parent(t);
        };
        let mut above = t;
        while let Some(u) = path.pop() {
            if end == REACHABLE {
                let len = step(u).unwrap_or(0);
                depth[u] = depth[above] + 1;
                bytes[u] = bytes[above].saturating_add(len);
                mark[u] = REACHABLE;
            } else {
                mark[u] = UNREACHABLE;
            }
            above = u;
        }
    }

    // Failure links: to a reachable state nearer the root.
    for s in 1..n {
        if mark[s] == REACHABLE {
            let f = fail(s);
            if f >= n || mark[f] != REACHABLE || depth[f] >= depth[s] {
                return Err("a failure link does not lead towards the root");
            }
        }
    }

    // Outputs: the shortest byte depth of a reachable state that reports each one.
    let k = a.outputs.len();
    let mut shortest = vec![u32::MAX; k];
    for s in 0..n {
        let o = output(s);
        if mark[s] == REACHABLE && o != 0 {
            let slot = shortest
                .get_mut(o as usize - 1)
                .ok_or("an output position is out of range")?;
            *slot = (*slot).min(bytes[s]);
        }
    }
    for i in (0..k).rev() {
        let p = a.outputs[i].parent as usize;
        if p != 0 {
            if p > i {
                return Err("an output chain does not end");
            }
            shortest[p - 1] = shortest[p - 1].min(shortest[i]);
        }
    }
    for (i, &reach) in shortest.iter().enumerate() {
        if reach == u32::MAX {
            continue;
        }
        let value = a.outputs[i].value as usize;
        let length = a.outputs[i].length;
        if length == 0 || length > reach {
            return Err("an output is longer than the path into its state");
        }
        if value as u32 & DIRECT_TERM != 0 {
            // A term id (with whole-word and variant flags): it must be a deny term.
            let term = direct_target(value as u32).id as usize;
            if !terms.meta(term).is_some_and(|t| t.kind == MatchKind::Term) {
                return Err("an output names no term");
            }
        } else if value >= patterns.len() {
            return Err("an output names no pattern");
        } else if patterns.text(value, terms).len() != length as usize {
            // (A pattern index where the pattern has a direct value, as format versions up to 4
            // saved word-boundary and variant patterns, is answered from the table all the same.)
            return Err("an output does not fit its pattern");
        }
    }
    Ok(())
}

/// The prefilter table's length in daachorse 5.1 (one byte per 2-gram of bytes).
const PREFILTER_LEN: usize = 65536;
/// The most entries a character map can have (one per code point).
const MAX_MAPPER_LEN: usize = 0x11_0000;
/// `pack` output tags.
const RAW: u8 = 0;
const PACKED: u8 = 1;

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// daachorse's serialisation with its two mostly empty tables stored sparsely: the character map
/// (one `u32` per code point up to the largest character of any pattern, about 160 KB for Chinese
/// text) and the prefilter's 64 KB 2-gram table. A filter of five terms saves in a few kilobytes
/// instead of over 200. States and outputs stay as daachorse writes them. (An unexpected layout is
/// kept raw.)
pub(crate) fn pack(raw: &[u8]) -> Vec<u8> {
    pack_layout(raw).unwrap_or_else(|| {
        let mut out = Vec::with_capacity(raw.len() + 1);
        out.push(RAW);
        out.extend_from_slice(raw);
        out
    })
}

fn pack_layout(raw: &[u8]) -> Option<Vec<u8>> {
    let mut c = Cursor(raw);
    let states = c.array(STATE_BYTES).ok()?;
    let table = c.array(4).ok()?;
    let alphabet = c.u32().ok()?;
    let outputs = c.array(OUTPUT_BYTES).ok()?;
    let kind_and_count = c.take(5).ok()?;
    let has_prefilter = c.take(1).ok()?[0];
    let prefilter = match has_prefilter {
        0 => None,
        1 => Some((c.take(1).ok()?[0], c.take(PREFILTER_LEN).ok()?)),
        _ => return None,
    };
    if !c.0.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(states.len() + outputs.len() + 1024);
    out.push(PACKED);
    put_u32(&mut out, (states.len() / STATE_BYTES) as u32);
    out.extend_from_slice(states);
    put_u32(&mut out, (table.len() / 4) as u32);
    let valid: Vec<(u32, u32)> = table
        .chunks_exact(4)
        .enumerate()
        .map(|(cp, w)| (cp as u32, word(w, 0)))
        .filter(|&(_, code)| code != INVALID_CODE)
        .collect();
    if valid.len() * 8 < table.len() {
        out.push(PACKED);
        put_u32(&mut out, valid.len() as u32);
        for (cp, code) in valid {
            put_u32(&mut out, cp);
            put_u32(&mut out, code);
        }
    } else {
        out.push(RAW);
        out.extend_from_slice(table);
    }
    put_u32(&mut out, alphabet);
    put_u32(&mut out, (outputs.len() / OUTPUT_BYTES) as u32);
    out.extend_from_slice(outputs);
    out.extend_from_slice(kind_and_count);
    out.push(has_prefilter);
    if let Some((window, table)) = prefilter {
        out.push(window);
        let set: Vec<(usize, u8)> = table
            .iter()
            .enumerate()
            .filter(|&(_, &v)| v != u8::MAX)
            .map(|(i, &v)| (i, v))
            .collect();
        if set.len() * 3 < PREFILTER_LEN {
            out.push(PACKED);
            put_u32(&mut out, set.len() as u32);
            for (i, v) in set {
                out.extend_from_slice(&(i as u16).to_le_bytes());
                out.push(v);
            }
        } else {
            out.push(RAW);
            out.extend_from_slice(table);
        }
    }
    Some(out)
}

/// Undoes `pack`: the automaton, read straight into its arrays (not yet checked).
fn unpack(packed: &[u8]) -> Result<TermAutomaton, &'static str> {
    match packed.split_first() {
        Some((&RAW, raw)) => read(raw, false),
        Some((&PACKED, rest)) => read(rest, true),
        _ => Err("unknown automaton encoding"),
    }
}

/// Reads an automaton in daachorse's serialisation, or, when `packed`, in `pack`'s, where the
/// character map and the prefilter table each start with their encoding (`RAW` or `PACKED`: sparse
/// entries). Sizes come from the data but are bounded by it (the character map by the number of
/// code points), so a forged file cannot make this allocate much more than it holds.
fn read(bytes: &[u8], packed: bool) -> Result<TermAutomaton, &'static str> {
    let mut c = Cursor(bytes);
    let states = states(c.array(STATE_BYTES)?);
    let len = c.u32()? as usize;
    if len > MAX_MAPPER_LEN {
        return Err("the character map is too long");
    }
    let codes = match if packed { c.u8()? } else { RAW } {
        RAW => c
            .take(len * 4)?
            .chunks_exact(4)
            .map(|w| word(w, 0).wrapping_add(1))
            .collect(),
        PACKED => {
            let count = c.u32()? as usize;
            if count > len {
                return Err("too many character map entries");
            }
            let entries = c.take(count * 8)?;
            let mut codes = vec![0u32; len];
            for e in entries.chunks_exact(8) {
                let slot = codes
                    .get_mut(word(e, 0) as usize)
                    .ok_or("a character map entry is out of range")?;
                *slot = word(e, 4).wrapping_add(1);
            }
            codes
        }
        _ => return Err("unknown character map encoding"),
    };
    let alphabet = c.u32()?;
    let outputs = outputs(c.array(OUTPUT_BYTES)?);
    let kind_and_count: [u8; 5] = c.take(5)?.try_into().map_err(|_| "truncated")?;
    let prefilter = match c.u8()? {
        0 => None,
        1 => {
            let window = c.u8()?;
            let table = match if packed { c.u8()? } else { RAW } {
                RAW => full_table(c.take(PREFILTER_LEN)?),
                PACKED => {
                    let count = c.u32()? as usize;
                    if count > PREFILTER_LEN {
                        return Err("too many prefilter entries");
                    }
                    let mut table = empty_table();
                    for e in c.take(count * 3)?.chunks_exact(3) {
                        table[usize::from(u16::from_le_bytes([e[0], e[1]]))] = !e[2];
                    }
                    table
                }
                _ => return Err("unknown prefilter encoding"),
            };
            Some(prefilter(window, table)?)
        }
        _ => return Err("unknown prefilter flag"),
    };
    if !c.0.is_empty() {
        return Err("trailing bytes after the automaton");
    }
    let root = TermAutomaton::root_edges(&states, alphabet);
    Ok(TermAutomaton {
        states,
        codes: CharMap::from_dense(codes),
        alphabet,
        outputs,
        kind_and_count,
        prefilter,
        root,
        splits: Default::default(),
    })
}
