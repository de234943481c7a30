//! Streaming a large input in overlapping chunks with bounded memory.
//!
//! The input is cut into primary regions of about `chunk` bytes, each cut at a line break when the region
//! holds one (no match can cross a line break: it is a hard boundary of the canonical stream), or else at a
//! char boundary. Each region is scanned inside a window that adds up to `overlap` bytes of context on both
//! sides, and a match is kept only when it starts inside the primary region. So a match that spans a cut is
//! found once, by the window whose primary region holds its start, with offsets relative to the input, as
//! long as it is shorter than the overlap. Memory is about `chunk + 2 × overlap` bytes.

use std::io::{self, Read};
use std::ops::Range;

/// The default primary region size: 1 MiB.
pub const DEFAULT_CHUNK: usize = 1 << 20;
/// The default context on each side of a region: 16 KiB (matches are far shorter).
pub const DEFAULT_OVERLAP: usize = 16 << 10;

/// An error while streaming: reading failed, or the input is not UTF-8.
#[derive(Debug)]
pub enum ChunkError {
    /// Reading failed.
    Io(io::Error),
    /// The first bad byte is at this 1-based line and 1-based column (in characters).
    Utf8 {
        /// The line.
        line: u64,
        /// The column.
        col: u64,
    },
}

/// A position in the input: 1-based line and 0-based column in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// The 1-based line.
    pub line: u64,
    /// The number of characters before this one on its line.
    pub col: u64,
}

impl Position {
    /// The start of an input.
    pub fn start() -> Position {
        Position { line: 1, col: 0 }
    }

    /// Moves over valid UTF-8 `bytes`.
    pub fn advance(&mut self, bytes: &[u8]) {
        match bytes.iter().rposition(|&b| b == b'\n') {
            Some(i) => {
                self.line += bytes[..i].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
                self.col = super::char_count(&bytes[i + 1..]);
            }
            None => self.col += super::char_count(bytes),
        }
    }
}

/// One window of the input.
pub struct Window<'a> {
    /// The window's text.
    pub text: &'a str,
    /// The input offset of `text[0]`.
    pub start: u64,
    /// The primary region, as input offsets: keep the matches that start here.
    pub primary: Range<u64>,
    /// The position of `primary.start`.
    pub position: Position,
}

/// Cuts a reader into overlapping windows; see the module docs.
pub struct Chunker<R> {
    input: R,
    buf: Vec<u8>,
    /// The input offset of `buf[0]`.
    base: u64,
    /// The start of the next primary region.
    next: u64,
    position: Position,
    eof: bool,
    chunk: usize,
    overlap: usize,
}

fn is_continuation(b: u8) -> bool {
    (b & 0xC0) == 0x80
}

impl<R: Read> Chunker<R> {
    /// A chunker with primary regions of about `chunk` bytes and `overlap` bytes of context per side.
    pub fn new(input: R, chunk: usize, overlap: usize) -> Chunker<R> {
        Chunker {
            input,
            buf: Vec::new(),
            base: 0,
            next: 0,
            position: Position::start(),
            eof: false,
            chunk: chunk.max(1),
            overlap,
        }
    }

    fn fill(&mut self, target: usize) -> io::Result<()> {
        let mut tmp = [0u8; 1 << 16];
        while !self.eof && self.buf.len() < target {
            let want = (target - self.buf.len()).min(tmp.len());
            match self.input.read(&mut tmp[..want]) {
                Ok(0) => self.eof = true,
                Ok(n) => self.buf.extend_from_slice(&tmp[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// The next window, or `None` at the end of the input.
    pub fn next_window(&mut self) -> Result<Option<Window<'_>>, ChunkError> {
        // Drop what no later window needs.
        let keep_from = self.next.saturating_sub(self.overlap as u64).max(self.base);
        let drop = (keep_from - self.base) as usize;
        self.buf.drain(..drop);
        self.base = keep_from;

        let rel = (self.next - self.base) as usize;
        // Four more bytes so a cut can see whether the next byte starts a char.
        self.fill(rel + self.chunk + self.overlap + 4)
            .map_err(ChunkError::Io)?;
        let avail = self.buf.len();
        if rel >= avail {
            return Ok(None);
        }

        let mut end = (rel + self.chunk).min(avail);
        if end < avail {
            if let Some(i) = self.buf[rel..end].iter().rposition(|&b| b == b'\n') {
                end = rel + i + 1;
            } else {
                while end > rel && is_continuation(self.buf[end]) {
                    end -= 1;
                }
                if end == rel {
                    end = rel + 1;
                    while end < avail && is_continuation(self.buf[end]) {
                        end += 1;
                    }
                }
            }
        }

        let mut wend = (end + self.overlap).min(avail);
        if wend < avail {
            while wend > end && is_continuation(self.buf[wend]) {
                wend -= 1;
            }
        }
        let mut wstart = rel.saturating_sub(self.overlap);
        while wstart < rel && is_continuation(self.buf[wstart]) {
            wstart += 1;
        }

        // Bytes before `rel` were checked as part of earlier regions.
        if let Err(e) = std::str::from_utf8(&self.buf[rel..wend]) {
            let bad = rel + e.valid_up_to();
            if bad < end {
                let mut pos = self.position;
                pos.advance(&self.buf[rel..bad]);
                return Err(ChunkError::Utf8 {
                    line: pos.line,
                    col: pos.col + 1,
                });
            }
            wend = bad;
        }
        let text = match std::str::from_utf8(&self.buf[wstart..wend]) {
            Ok(t) => t,
            Err(e) => {
                // Unreachable in practice: both parts were validated; report it as bad input anyway.
                let mut pos = self.position;
                pos.advance(&self.buf[rel..(wstart + e.valid_up_to()).max(rel)]);
                return Err(ChunkError::Utf8 {
                    line: pos.line,
                    col: pos.col + 1,
                });
            }
        };

        let position = self.position;
        self.position.advance(&self.buf[rel..end]);
        let primary = self.next..self.base + end as u64;
        self.next = primary.end;
        Ok(Some(Window {
            text,
            start: self.base + wstart as u64,
            primary,
            position,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn windows(input: &str, chunk: usize, overlap: usize) -> Vec<(String, Range<u64>, u64)> {
        let mut c = Chunker::new(input.as_bytes(), chunk, overlap);
        let mut out = Vec::new();
        while let Some(w) = c.next_window().unwrap() {
            out.push((w.text.to_string(), w.primary.clone(), w.start));
        }
        out
    }

    #[test]
    fn primaries_tile_the_input_and_windows_are_substrings() {
        let input = "第一行 gun\n第二行枪支很长很长很长\nthird line\n最后";
        for chunk in 1..20 {
            for overlap in [0, 1, 3, 8, 100] {
                let ws = windows(input, chunk, overlap);
                let mut next = 0;
                for (text, primary, start) in &ws {
                    assert_eq!(primary.start, next);
                    assert!(primary.end > primary.start);
                    next = primary.end;
                    let s = *start as usize;
                    assert_eq!(&input[s..s + text.len()], text.as_str());
                    assert!(s as u64 <= primary.start);
                    assert!(s + text.len() >= primary.end as usize);
                }
                assert_eq!(next, input.len() as u64);
            }
        }
    }

    #[test]
    fn cuts_at_line_breaks_when_possible() {
        let ws = windows("ab\ncd\nef", 4, 0);
        assert_eq!(ws[0].1, 0..3);
        assert_eq!(ws[1].1, 3..6);
        assert_eq!(ws[2].1, 6..8);
    }

    #[test]
    fn invalid_utf8_reports_line_and_column() {
        let mut bytes = "ok\n枪x".as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice(b"tail");
        for chunk in [1, 2, 4, 100] {
            let mut c = Chunker::new(&bytes[..], chunk, 2);
            let err = loop {
                match c.next_window() {
                    Ok(Some(_)) => {}
                    Ok(None) => panic!("no error found"),
                    Err(e) => break e,
                }
            };
            match err {
                ChunkError::Utf8 { line, col } => assert_eq!((line, col), (2, 3), "chunk {chunk}"),
                ChunkError::Io(e) => panic!("{e}"),
            }
        }
    }

    #[test]
    fn position_advances_over_lines_and_chars() {
        let mut p = Position::start();
        p.advance("枪a".as_bytes());
        assert_eq!(p, Position { line: 1, col: 2 });
        p.advance("\n\nxy".as_bytes());
        assert_eq!(p, Position { line: 3, col: 2 });
    }
}
