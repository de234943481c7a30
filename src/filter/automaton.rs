//! Loading a saved term automaton without rebuilding it.
//!
//! `to_bytes` stores daachorse's own serialisation of the automaton. daachorse's safe `deserialize`
//! checks that every index is in bounds, but it says itself that a malformed automaton may still loop
//! forever or report wrong ranges. A saved filter is checksummed, so damage is caught before this
//! point; this module makes a *forged* one (checksum recomputed) harmless as well, by proving on the
//! serialised states what searching relies on:
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

use daachorse::CharwiseDoubleArrayAhoCorasick;

use super::{automaton_value, MatchKind, PatternTable, TermEntry, DIRECT_TERM};

/// Bytes of one serialised state: base, check, fail, output position (u32 each).
const STATE_BYTES: usize = 16;
/// Bytes of one serialised output: value, length, parent (u32 each).
const OUTPUT_BYTES: usize = 12;
/// The mapper's "no code" mark.
const INVALID_CODE: u32 = u32::MAX;
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

/// Deserialises the automaton saved for `patterns` and proves it safe to search (module docs).
pub(crate) fn load(
    bytes: &[u8],
    patterns: &PatternTable,
    terms: &[TermEntry],
) -> Result<CharwiseDoubleArrayAhoCorasick<u32>, &'static str> {
    let (automaton, rest) = CharwiseDoubleArrayAhoCorasick::<u32>::deserialize(bytes)
        .map_err(|_| "the automaton does not deserialise")?;
    if !rest.is_empty() {
        return Err("trailing bytes after the automaton");
    }
    let mut c = Cursor(bytes);
    let states = c.array(STATE_BYTES)?;
    let table = c.array(4)?;
    let alphabet = c.u32()?;
    let outputs = c.array(OUTPUT_BYTES)?;
    if c.take(1)?[0] != STANDARD {
        return Err("the automaton does not report overlapping matches");
    }
    check(states, table, alphabet, outputs, patterns, terms)?;
    Ok(automaton)
}

/// Marks of the depth walk.
const UNKNOWN: u8 = 0;
const VISITING: u8 = 1;
const REACHABLE: u8 = 2;
const UNREACHABLE: u8 = 3;

fn check(
    states: &[u8],
    table: &[u8],
    alphabet: u32,
    outputs: &[u8],
    patterns: &PatternTable,
    terms: &[TermEntry],
) -> Result<(), &'static str> {
    let states: Vec<[u32; 4]> = states
        .chunks_exact(STATE_BYTES)
        .map(|c| [word(c, 0), word(c, 4), word(c, 8), word(c, 12)])
        .collect();
    let n = states.len();
    let base = |s: usize| states[s][0];
    let parent = |s: usize| states[s][1] as usize;
    let fail = |s: usize| states[s][2] as usize;
    let output = |s: usize| states[s][3];

    // daachorse's own check makes every block of states cover the alphabet, so the alphabet is no
    // larger than the states (and the input) are; checked again before allocating by it.
    if alphabet as usize > n {
        return Err("the alphabet is larger than the automaton");
    }
    // The shortest UTF-8 length of a character with each code (0: no character has it).
    let mut code_len = vec![0u8; alphabet as usize];
    for (cp, chunk) in table.chunks_exact(4).enumerate() {
        let code = word(chunk, 0);
        let (Some(ch), Some(slot)) = (
            char::from_u32(cp as u32),
            code_len
                .get_mut(code as usize)
                .filter(|_| code != INVALID_CODE),
        ) else {
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
    let k = outputs.len() / OUTPUT_BYTES;
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
        let p = word(outputs, i * OUTPUT_BYTES + 8) as usize;
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
        let value = word(outputs, i * OUTPUT_BYTES) as usize;
        let length = word(outputs, i * OUTPUT_BYTES + 4);
        if length == 0 || length > reach {
            return Err("an output is longer than the path into its state");
        }
        if value as u32 & DIRECT_TERM != 0 {
            // A term id: it must be a deny term.
            let term = (value as u32 & !DIRECT_TERM) as usize;
            if !terms.get(term).is_some_and(|t| t.kind == MatchKind::Term) {
                return Err("an output names no term");
            }
        } else if value >= patterns.len() {
            return Err("an output names no pattern");
        } else if patterns.text(value).len() != length as usize
            || automaton_value(value, patterns.targets(value).unwrap_or(&[])) != value as u32
        {
            return Err("an output does not fit its pattern");
        }
    }
    Ok(())
}
