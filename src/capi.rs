//! The C ABI: the only module with `unsafe`. `build.rs` turns this file into `include/jingwang.h` with
//! cbindgen, so every exported item is written out literally and documented for C readers.
//!
//! Conventions (after rustls-ffi and rure.h): opaque handles with `_new`/`_free` pairs, strings in as
//! pointer + length, `jw_result` codes with fixed numbers, an optional `jw_error **` with message and
//! position, out-parameters written only on success, `uint32_t` flags with unknown bits rejected, and
//! every exported body inside one `catch_unwind` guard.
#![allow(unsafe_code)]
#![allow(non_camel_case_types)]
#![deny(unsafe_op_in_unsafe_fn)]
// The contract of every pointer argument is stated in the header; the functions are `extern "C"` entry
// points, not Rust API, so marking them `unsafe fn` would only move the same contract into `# Safety`.
#![allow(clippy::not_unsafe_ptr_arg_deref)]
// Several constants exist only for C (the header), which rustc cannot see.
#![allow(dead_code)]

use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::ptr;

use crate::filter::{
    BuildError, BuildErrorKind, CategoryId, Filter, FilterBuilder, LoadError, LoadErrorKind, Match,
    MatchKind, Scratch,
};
use crate::lexicon::Severity;
use crate::normalize::NormalizeConfig;

/// The status code of every fallible function. The numbers are fixed and never reused; new codes
/// may be added at the end. `JW_OK` (0) is success.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum jw_result {
    /// Success.
    JW_OK = 0,
    /// A required pointer was NULL (or a string pointer was NULL with a non-zero length).
    JW_NULL_PARAMETER = 1,
    /// Text, a term, a name or a lexicon is not valid UTF-8.
    JW_INVALID_UTF8 = 2,
    /// A lexicon line does not parse; the `jw_error` has the line and column.
    JW_INVALID_LEXICON = 3,
    /// A regex rule does not compile or can match the empty string, or a term crosses a hard boundary.
    JW_INVALID_PATTERN = 4,
    /// A saved filter is not one: bad magic, truncated, checksum mismatch or inconsistent data.
    JW_CORRUPT_FILTER = 5,
    /// The output buffer is too small; `*written` holds the size needed.
    JW_BUFFER_TOO_SMALL = 6,
    /// jingwang panicked (a bug); the call had no effect on its out-parameters.
    JW_PANIC = 7,
    /// A lexicon file could not be read.
    JW_IO = 8,
    /// A flags argument has a bit that this function does not know.
    JW_INVALID_FLAGS = 9,
    /// A term, allow entry or phrase normalises to nothing (it is all junk, such as "★★").
    JW_EMPTY_TERM = 10,
    /// The regex rules need more memory than the size limit.
    JW_SIZE_LIMIT = 11,
    /// A saved filter was written by a newer format version than this library reads.
    JW_UNSUPPORTED_VERSION = 12,
    /// An index, id, severity or code point is out of range.
    JW_OUT_OF_RANGE = 13,
}

use jw_result::*;

/// `jw_builder_set_options`: also match terms written in pinyin, wholly (junhuo) or partly (jun火),
/// unless a term says `nopinyin`.
pub const JW_OPT_PINYIN: u32 = 1 << 0;
/// `jw_builder_set_options`: do not fold full-width and compatibility forms (ＧＵＮ, ①).
pub const JW_OPT_NO_WIDTH: u32 = 1 << 1;
/// `jw_builder_set_options`: do not fold case.
pub const JW_OPT_NO_CASE: u32 = 1 << 2;
/// `jw_builder_set_options`: do not remove diacritics from Latin letters.
pub const JW_OPT_NO_DIACRITICS: u32 = 1 << 3;
/// `jw_builder_set_options`: do not convert traditional Chinese characters to simplified.
pub const JW_OPT_NO_TRADITIONAL: u32 = 1 << 4;
/// `jw_builder_set_options`: do not convert variant and radical forms of Chinese characters.
pub const JW_OPT_NO_VARIANTS: u32 = 1 << 5;
/// `jw_builder_set_options`: do not fold look-alike letters from other scripts.
pub const JW_OPT_NO_HOMOGLYPHS: u32 = 1 << 6;
/// `jw_builder_set_options`: do not read leetspeak digits and symbols as letters.
pub const JW_OPT_NO_LEET: u32 = 1 << 7;
/// `jw_builder_set_options`: do not skip junk (spaces, punctuation, emoji) between characters.
pub const JW_OPT_NO_SKIP_JUNK: u32 = 1 << 8;
/// `jw_builder_set_options`: do not join single letters spaced out by junk (g u n).
pub const JW_OPT_NO_JOIN_SPACED: u32 = 1 << 9;
/// `jw_builder_set_options`: do not read Chinese and styled numerals as digits.
pub const JW_OPT_NO_NUMERALS: u32 = 1 << 10;
/// `jw_builder_set_options`: do not collapse runs of one repeated character.
pub const JW_OPT_NO_COLLAPSE_REPEATS: u32 = 1 << 11;
/// Every bit `jw_builder_set_options` accepts.
pub const JW_OPT_ALL: u32 = 0xfff;

/// `jw_filter_find` (the default, 0): every match, overlapping ones included, sorted by start, end, term.
pub const JW_FIND_ALL: u32 = 0x0;
/// `jw_filter_find`: leftmost-longest non-overlapping matches only.
pub const JW_FIND_NONOVERLAPPING: u32 = 1 << 0;
/// `jw_filter_find`, `jw_filter_is_match`, `jw_filter_mask`: accept text that is not valid UTF-8.
/// Each maximal invalid byte sequence acts as a hard boundary (no match spans it) and is otherwise
/// ignored; offsets stay byte offsets into the original text, and `jw_filter_mask` copies the invalid
/// bytes to its output unchanged. Without this flag such text is rejected with `JW_INVALID_UTF8`.
pub const JW_LOSSY_UTF8: u32 = 1 << 1;

/// `jw_match.kind`: a deny term (or one of its variants) matched.
pub const JW_MATCH_TERM: u8 = 0;
/// `jw_match.kind`: a regex rule matched.
pub const JW_MATCH_RULE: u8 = 1;
/// `jw_match.kind`: a co-occurrence rule matched.
pub const JW_MATCH_CO_OCCURRENCE: u8 = 2;

/// Severity 1: worth a look; often legitimate.
pub const JW_SEVERITY_LOW: u8 = 1;
/// Severity 2: probably prohibited (the default).
pub const JW_SEVERITY_MEDIUM: u8 = 2;
/// Severity 3: prohibited trade or fraud.
pub const JW_SEVERITY_HIGH: u8 = 3;
/// Severity 4: the worst (weapons, explosives, organ trade offered for sale).
pub const JW_SEVERITY_CRITICAL: u8 = 4;

/// `jw_match.evasions`: full-width or compatibility forms were folded (ＧＵＮ, ①).
pub const JW_EVASION_FULLWIDTH: u32 = 1 << 0;
/// `jw_match.evasions`: upper case was folded.
pub const JW_EVASION_CASE: u32 = 1 << 1;
/// `jw_match.evasions`: diacritics were removed from a Latin letter.
pub const JW_EVASION_DIACRITIC: u32 = 1 << 2;
/// `jw_match.evasions`: a traditional Chinese character was converted to simplified.
pub const JW_EVASION_TRADITIONAL: u32 = 1 << 3;
/// `jw_match.evasions`: a variant or radical form of a Chinese character was converted.
pub const JW_EVASION_VARIANT: u32 = 1 << 4;
/// `jw_match.evasions`: junk between characters was skipped.
pub const JW_EVASION_SEPARATOR: u32 = 1 << 5;
/// `jw_match.evasions`: invisible characters were skipped.
pub const JW_EVASION_INVISIBLE: u32 = 1 << 6;
/// `jw_match.evasions`: emoji were skipped.
pub const JW_EVASION_EMOJI: u32 = 1 << 7;
/// `jw_match.evasions`: a look-alike letter from another script was folded.
pub const JW_EVASION_HOMOGLYPH: u32 = 1 << 8;
/// `jw_match.evasions`: a leetspeak digit or symbol was read as a letter.
pub const JW_EVASION_LEET: u32 = 1 << 9;
/// `jw_match.evasions`: single letters spaced out with junk were joined.
pub const JW_EVASION_SPACED: u32 = 1 << 10;
/// `jw_match.evasions`: Chinese or styled numerals were read as digits.
pub const JW_EVASION_NUMERAL: u32 = 1 << 11;
/// `jw_match.evasions`: a run of one repeated character was collapsed.
pub const JW_EVASION_REPEAT: u32 = 1 << 12;
/// `jw_match.evasions`: a character was written as its split components (木仓 for 枪).
pub const JW_EVASION_SPLIT: u32 = 1 << 13;
/// `jw_match.evasions`: a Chinese word was written in pinyin.
pub const JW_EVASION_PINYIN: u32 = 1 << 14;

/// An error with a message and, for lexicon errors, a 1-based line and column. Created by the
/// functions that take a `jw_error **err`; owned by the caller, who frees it with `jw_error_free`.
/// Belongs to one thread at a time.
pub struct jw_error {
    code: jw_result,
    message: CString,
    line: u32,
    column: u32,
}

/// Collects terms, lexicons, allow entries, rules and options, then compiles them into a `jw_filter`.
/// Reusable: `jw_builder_build` does not consume it. Belongs to one thread at a time.
pub struct jw_builder {
    builder: FilterBuilder,
    config: NormalizeConfig,
}

/// A compiled filter. Immutable: one filter may be used from any number of threads at once. Cloning
/// (`jw_filter_clone`) shares it by reference count, so a service can swap in a new filter while
/// scans on the old one finish; each handle is freed with `jw_filter_free`.
pub struct jw_filter {
    filter: Filter,
}

/// A caller-owned, reusable list of matches and the scan memory behind it: once warm, a scan into it
/// allocates nothing. It keeps a reference to the filter of its last scan (so term and category names
/// stay readable) until the next scan or `jw_matches_free`. Belongs to one thread at a time.
pub struct jw_matches {
    scratch: Scratch,
    found: Vec<Match>,
    items: Vec<(Match, usize)>,
    filter: Option<Filter>,
}

/// One match. `start..end` is a half-open byte range of the scanned text, always on UTF-8 character
/// boundaries. `term_id` and `category_id` name the term (or rule) and its category: read their text
/// with `jw_matches_term` / `jw_matches_category_name` or `jw_filter_category_name`. `severity` is
/// one of `JW_SEVERITY_*`, `kind` one of `JW_MATCH_*`, `evasions` a set of `JW_EVASION_*` bits (the
/// disguises undone inside the match).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct jw_match {
    /// The first byte of the match.
    pub start: usize,
    /// One past the last byte of the match.
    pub end: usize,
    /// The term or rule that matched.
    pub term_id: u32,
    /// Its category.
    pub category_id: u32,
    /// One of `JW_SEVERITY_*`.
    pub severity: u8,
    /// One of `JW_MATCH_*`.
    pub kind: u8,
    /// A set of `JW_EVASION_*` bits.
    pub evasions: u32,
}

/// A failure inside a call: the code, and the message and position a `jw_error` carries.
struct Failure {
    code: jw_result,
    message: String,
    line: u32,
    column: u32,
}

impl From<jw_result> for Failure {
    fn from(code: jw_result) -> Failure {
        Failure {
            code,
            message: result_message(code).to_string_lossy().into_owned(),
            line: 0,
            column: 0,
        }
    }
}

impl From<BuildError> for Failure {
    fn from(e: BuildError) -> Failure {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line, l.column));
        Failure {
            code: build_error_code(e.kind()),
            message: e.to_string(),
            line,
            column,
        }
    }
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Failure {
        Failure {
            code: load_error_code(e.kind()),
            message: e.to_string(),
            line: 0,
            column: 0,
        }
    }
}

/// The one place a build error kind becomes a C code.
fn build_error_code(kind: BuildErrorKind) -> jw_result {
    match kind {
        BuildErrorKind::Lexicon => JW_INVALID_LEXICON,
        BuildErrorKind::Io => JW_IO,
        BuildErrorKind::EmptyTerm => JW_EMPTY_TERM,
        BuildErrorKind::InvalidPattern => JW_INVALID_PATTERN,
        BuildErrorKind::SizeLimit => JW_SIZE_LIMIT,
    }
}

/// The one place a load error kind becomes a C code.
fn load_error_code(kind: LoadErrorKind) -> jw_result {
    match kind {
        LoadErrorKind::BadMagic
        | LoadErrorKind::Truncated
        | LoadErrorKind::ChecksumMismatch
        | LoadErrorKind::Corrupt => JW_CORRUPT_FILTER,
        LoadErrorKind::UnsupportedVersion => JW_UNSUPPORTED_VERSION,
    }
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("unknown payload");
    format!("jingwang panicked: {what}")
}

/// Runs an exported body, turning a panic into `JW_PANIC` and a failure into its code, and hands the
/// failure to `err` when it is not NULL.
fn guard(err: *mut *mut jw_error, body: impl FnOnce() -> Result<(), Failure>) -> jw_result {
    let failure = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => return JW_OK,
        Ok(Err(failure)) => failure,
        Err(payload) => Failure {
            message: panic_text(&*payload),
            ..Failure::from(JW_PANIC)
        },
    };
    let code = failure.code;
    if !err.is_null() {
        let message = CString::new(failure.message.replace('\0', "\\0")).unwrap_or_default();
        let error = Box::new(jw_error {
            code,
            message,
            line: failure.line,
            column: failure.column,
        });
        // SAFETY: `err` is not NULL, and the header requires it to point to a writable `jw_error *`.
        unsafe { err.write(Box::into_raw(error)) };
    }
    code
}

/// Runs an exported body that has no status to return, giving `default` on a panic.
fn guard_value<T>(default: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(default)
}

/// Bytes in as pointer + length; `(NULL, 0)` is empty.
///
/// # Safety
///
/// When `ptr` is not NULL it points to `len` readable bytes that stay valid and unchanged for `'a`.
unsafe fn bytes_in<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], Failure> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(JW_NULL_PARAMETER.into())
        };
    }
    // SAFETY: `ptr` is not NULL and, by this function's contract, points to `len` readable bytes.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// UTF-8 text in as pointer + length.
///
/// # Safety
///
/// As for [`bytes_in`].
unsafe fn str_in<'a>(ptr: *const u8, len: usize) -> Result<&'a str, Failure> {
    // SAFETY: the same contract as ours.
    let bytes = unsafe { bytes_in(ptr, len) }?;
    std::str::from_utf8(bytes).map_err(|_| JW_INVALID_UTF8.into())
}

/// A shared reference from a handle pointer; NULL is `JW_NULL_PARAMETER`.
///
/// # Safety
///
/// When `ptr` is not NULL it points to a live `T` not mutated for `'a`.
unsafe fn ref_in<'a, T>(ptr: *const T) -> Result<&'a T, Failure> {
    // SAFETY: by this function's contract.
    unsafe { ptr.as_ref() }.ok_or_else(|| JW_NULL_PARAMETER.into())
}

/// An exclusive reference from a handle pointer; NULL is `JW_NULL_PARAMETER`.
///
/// # Safety
///
/// When `ptr` is not NULL it points to a live `T` not otherwise accessed for `'a`.
unsafe fn mut_in<'a, T>(ptr: *mut T) -> Result<&'a mut T, Failure> {
    // SAFETY: by this function's contract.
    unsafe { ptr.as_mut() }.ok_or_else(|| JW_NULL_PARAMETER.into())
}

/// Fails with `JW_NULL_PARAMETER` when an out-pointer is NULL, before any work is done.
fn need<T>(ptr: *mut T) -> Result<(), Failure> {
    if ptr.is_null() {
        Err(JW_NULL_PARAMETER.into())
    } else {
        Ok(())
    }
}

/// Writes an out-parameter already checked by [`need`].
///
/// # Safety
///
/// `ptr` is not NULL and points to writable memory for a `T`.
unsafe fn put<T>(ptr: *mut T, value: T) {
    // SAFETY: by this function's contract.
    unsafe { ptr.write(value) }
}

fn check_flags(flags: u32, allowed: u32) -> Result<(), Failure> {
    if flags & !allowed != 0 {
        Err(JW_INVALID_FLAGS.into())
    } else {
        Ok(())
    }
}

fn severity_in(severity: u8) -> Result<Severity, Failure> {
    match severity {
        JW_SEVERITY_LOW => Ok(Severity::Low),
        JW_SEVERITY_MEDIUM => Ok(Severity::Medium),
        JW_SEVERITY_HIGH => Ok(Severity::High),
        JW_SEVERITY_CRITICAL => Ok(Severity::Critical),
        _ => Err(JW_OUT_OF_RANGE.into()),
    }
}

fn kind_out(kind: MatchKind) -> u8 {
    match kind {
        MatchKind::Term => JW_MATCH_TERM,
        MatchKind::Rule => JW_MATCH_RULE,
        MatchKind::CoOccurrence => JW_MATCH_CO_OCCURRENCE,
    }
}

/// The text to scan as `(valid UTF-8, byte offset)` pieces: the whole text, checked once, or with
/// [`JW_LOSSY_UTF8`] each non-empty valid run between invalid sequences.
enum Chunks<'a> {
    Whole(Option<&'a str>),
    Lossy {
        base: usize,
        runs: std::str::Utf8Chunks<'a>,
    },
}

impl<'a> Chunks<'a> {
    fn new(text: &'a [u8], lossy: bool) -> Result<Chunks<'a>, Failure> {
        if lossy {
            return Ok(Chunks::Lossy {
                base: text.as_ptr() as usize,
                runs: text.utf8_chunks(),
            });
        }
        let text = std::str::from_utf8(text).map_err(|_| Failure::from(JW_INVALID_UTF8))?;
        Ok(Chunks::Whole(Some(text)))
    }
}

impl<'a> Iterator for Chunks<'a> {
    type Item = (&'a str, usize);

    fn next(&mut self) -> Option<(&'a str, usize)> {
        match self {
            Chunks::Whole(text) => text.take().map(|t| (t, 0)),
            Chunks::Lossy { base, runs } => runs
                .map(|run| run.valid())
                .find(|valid| !valid.is_empty())
                .map(|valid| (valid, valid.as_ptr() as usize - *base)),
        }
    }
}

/// Copies `data` to `(out, cap)` and its length to `*written`; a short buffer gets nothing and
/// `*written` is the size needed.
///
/// # Safety
///
/// `written` is not NULL and writable; when `out` is not NULL it points to `cap` writable bytes.
unsafe fn copy_out(
    data: &[u8],
    out: *mut u8,
    cap: usize,
    written: *mut usize,
) -> Result<(), Failure> {
    // SAFETY: `written` is writable by this function's contract.
    unsafe { put(written, data.len()) };
    if data.len() > cap {
        return Err(JW_BUFFER_TOO_SMALL.into());
    }
    if !data.is_empty() {
        need(out)?;
        // SAFETY: `out` is not NULL and has room for `cap >= data.len()` bytes, which cannot overlap
        // `data` (Rust owns `data`).
        unsafe { ptr::copy_nonoverlapping(data.as_ptr(), out, data.len()) };
    }
    Ok(())
}

/// The library version as a NUL-terminated string, e.g. "0.1.0". Compare it with `JW_VERSION_STRING`
/// to detect a header/library mismatch. The string is static; do not free it.
#[no_mangle]
pub extern "C" fn jw_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// A short static description of a result code ("ok", "text is not valid utf-8", ...), or
/// "unknown result code" for a number that is not a `jw_result`. Do not free it.
#[no_mangle]
pub extern "C" fn jw_result_message(code: u32) -> *const c_char {
    guard_value(c"jingwang panicked".as_ptr(), || {
        const ALL: [jw_result; 14] = [
            JW_OK,
            JW_NULL_PARAMETER,
            JW_INVALID_UTF8,
            JW_INVALID_LEXICON,
            JW_INVALID_PATTERN,
            JW_CORRUPT_FILTER,
            JW_BUFFER_TOO_SMALL,
            JW_PANIC,
            JW_IO,
            JW_INVALID_FLAGS,
            JW_EMPTY_TERM,
            JW_SIZE_LIMIT,
            JW_UNSUPPORTED_VERSION,
            JW_OUT_OF_RANGE,
        ];
        match ALL.iter().find(|c| **c as u32 == code) {
            Some(c) => result_message(*c).as_ptr(),
            None => c"unknown result code".as_ptr(),
        }
    })
}

fn result_message(code: jw_result) -> &'static CStr {
    match code {
        JW_OK => c"ok",
        JW_NULL_PARAMETER => c"a required pointer is null",
        JW_INVALID_UTF8 => c"text is not valid utf-8",
        JW_INVALID_LEXICON => c"the lexicon does not parse",
        JW_INVALID_PATTERN => c"a pattern is invalid",
        JW_CORRUPT_FILTER => c"the saved filter is corrupt",
        JW_BUFFER_TOO_SMALL => c"the output buffer is too small",
        JW_PANIC => c"jingwang panicked",
        JW_IO => c"a file could not be read",
        JW_INVALID_FLAGS => c"unknown flag bits",
        JW_EMPTY_TERM => c"a term normalises to nothing",
        JW_SIZE_LIMIT => c"the regex rules exceed the size limit",
        JW_UNSUPPORTED_VERSION => c"the saved filter has an unsupported format version",
        JW_OUT_OF_RANGE => c"an argument is out of range",
    }
}

/// The result code of an error; `JW_NULL_PARAMETER` when `err` is NULL.
#[no_mangle]
pub extern "C" fn jw_error_code(err: *const jw_error) -> jw_result {
    guard_value(JW_PANIC, || {
        // SAFETY: the header requires `err` to be NULL or a live `jw_error`.
        match unsafe { ref_in(err) } {
            Ok(e) => e.code,
            Err(_) => JW_NULL_PARAMETER,
        }
    })
}

/// The error message as NUL-terminated UTF-8, for example
/// `tenant.lex:3:1: unknown attribute "colour"`. Owned by the error: valid until `jw_error_free`.
/// An empty string when `err` is NULL.
#[no_mangle]
pub extern "C" fn jw_error_message(err: *const jw_error) -> *const c_char {
    guard_value(c"".as_ptr(), || {
        // SAFETY: the header requires `err` to be NULL or a live `jw_error`.
        match unsafe { ref_in(err) } {
            Ok(e) => e.message.as_ptr(),
            Err(_) => c"".as_ptr(),
        }
    })
}

/// The 1-based line of the lexicon entry the error is about; 0 when unknown or `err` is NULL.
#[no_mangle]
pub extern "C" fn jw_error_line(err: *const jw_error) -> u32 {
    guard_value(0, || {
        // SAFETY: the header requires `err` to be NULL or a live `jw_error`.
        unsafe { ref_in(err) }.map_or(0, |e| e.line)
    })
}

/// The 1-based column (in characters) of the lexicon entry the error is about; 0 when unknown or
/// `err` is NULL.
#[no_mangle]
pub extern "C" fn jw_error_column(err: *const jw_error) -> u32 {
    guard_value(0, || {
        // SAFETY: the header requires `err` to be NULL or a live `jw_error`.
        unsafe { ref_in(err) }.map_or(0, |e| e.column)
    })
}

/// Frees an error. `jw_error_free(NULL)` does nothing.
#[no_mangle]
pub extern "C" fn jw_error_free(err: *mut jw_error) {
    guard_value((), || {
        if !err.is_null() {
            // SAFETY: a non-NULL `err` came from `Box::into_raw` in `guard` and is freed only once.
            drop(unsafe { Box::from_raw(err) });
        }
    })
}

/// A new, empty builder with default options. Free it with `jw_builder_free`. Never NULL.
#[no_mangle]
pub extern "C" fn jw_builder_new() -> *mut jw_builder {
    guard_value(ptr::null_mut(), || {
        Box::into_raw(Box::new(jw_builder {
            builder: FilterBuilder::new(),
            config: NormalizeConfig::default(),
        }))
    })
}

/// Frees a builder. `jw_builder_free(NULL)` does nothing. Filters built from it stay valid.
#[no_mangle]
pub extern "C" fn jw_builder_free(b: *mut jw_builder) {
    guard_value((), || {
        if !b.is_null() {
            // SAFETY: a non-NULL `b` came from `jw_builder_new` and is freed only once.
            drop(unsafe { Box::from_raw(b) });
        }
    })
}

/// Adds lexicon text (the format of docs/lexicon.md). `source` names it in error messages (may be
/// `(NULL, 0)`, then "<lexicon>"). The text is parsed by `jw_builder_build`, which reports its errors.
/// Returns `JW_NULL_PARAMETER` or `JW_INVALID_UTF8`.
#[no_mangle]
pub extern "C" fn jw_builder_add_lexicon(
    b: *mut jw_builder,
    text: *const u8,
    text_len: usize,
    source: *const u8,
    source_len: usize,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `b` to be NULL or a live builder used by this thread only.
        let b = unsafe { mut_in(b) }?;
        // SAFETY: the header requires (ptr, len) pairs to be readable.
        let text = unsafe { str_in(text, text_len) }?;
        // SAFETY: as above.
        let source = unsafe { str_in(source, source_len) }?;
        let source = if source.is_empty() {
            "<lexicon>"
        } else {
            source
        };
        b.builder.add_lexicon(text, source);
        Ok(())
    })
}

/// Adds a lexicon file by path (bytes, no NUL needed; any bytes on Unix). The file is read and parsed
/// by `jw_builder_build`, which reports `JW_IO` when it cannot be read.
#[no_mangle]
pub extern "C" fn jw_builder_add_lexicon_file(
    b: *mut jw_builder,
    path: *const u8,
    path_len: usize,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `b` to be NULL or a live builder used by this thread only.
        let b = unsafe { mut_in(b) }?;
        // SAFETY: the header requires (ptr, len) pairs to be readable.
        let path = unsafe { bytes_in(path, path_len) }?;
        b.builder.add_lexicon_file(path_in(path)?);
        Ok(())
    })
}

#[cfg(unix)]
fn path_in(path: &[u8]) -> Result<PathBuf, Failure> {
    use std::os::unix::ffi::OsStrExt;
    Ok(PathBuf::from(std::ffi::OsStr::from_bytes(path)))
}

#[cfg(not(unix))]
fn path_in(path: &[u8]) -> Result<PathBuf, Failure> {
    std::str::from_utf8(path)
        .map(PathBuf::from)
        .map_err(|_| JW_INVALID_UTF8.into())
}

/// Adds one deny term in `category` with `severity` (one of `JW_SEVERITY_*`, else `JW_OUT_OF_RANGE`).
/// An empty category is "default".
#[no_mangle]
pub extern "C" fn jw_builder_add_term(
    b: *mut jw_builder,
    term: *const u8,
    term_len: usize,
    category: *const u8,
    category_len: usize,
    severity: u8,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `b` to be NULL or a live builder used by this thread only.
        let b = unsafe { mut_in(b) }?;
        // SAFETY: the header requires (ptr, len) pairs to be readable.
        let term = unsafe { str_in(term, term_len) }?;
        // SAFETY: as above.
        let category = unsafe { str_in(category, category_len) }?;
        let severity = severity_in(severity)?;
        let category = if category.is_empty() {
            "default"
        } else {
            category
        };
        b.builder.add_term(term, category, severity);
        Ok(())
    })
}

/// Adds the embedded default lexicon (illegal online trade and fraud in Chinese and English, with
/// contact detectors); it is parsed by `jw_builder_build`.
#[no_mangle]
pub extern "C" fn jw_builder_add_default_lexicon(b: *mut jw_builder) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `b` to be NULL or a live builder used by this thread only.
        let b = unsafe { mut_in(b) }?;
        b.builder.add_default_lexicon();
        Ok(())
    })
}

/// Adds an allow phrase: deny matches inside its occurrences are suppressed (水枪 is a toy).
#[no_mangle]
pub extern "C" fn jw_builder_add_allow(
    b: *mut jw_builder,
    phrase: *const u8,
    phrase_len: usize,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `b` to be NULL or a live builder used by this thread only.
        let b = unsafe { mut_in(b) }?;
        // SAFETY: the header requires (ptr, len) pairs to be readable.
        let phrase = unsafe { str_in(phrase, phrase_len) }?;
        b.builder.add_allow(phrase);
        Ok(())
    })
}

/// Adds a regex rule, run on the normalised text. `name` (may be `(NULL, 0)`) is what
/// `jw_matches_term` reports; the pattern itself when empty. The pattern is compiled by
/// `jw_builder_build`, which reports `JW_INVALID_PATTERN` or `JW_SIZE_LIMIT`.
#[no_mangle]
pub extern "C" fn jw_builder_add_regex(
    b: *mut jw_builder,
    pattern: *const u8,
    pattern_len: usize,
    name: *const u8,
    name_len: usize,
    category: *const u8,
    category_len: usize,
    severity: u8,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `b` to be NULL or a live builder used by this thread only.
        let b = unsafe { mut_in(b) }?;
        // SAFETY: the header requires (ptr, len) pairs to be readable.
        let pattern = unsafe { str_in(pattern, pattern_len) }?;
        // SAFETY: as above.
        let name = unsafe { str_in(name, name_len) }?;
        // SAFETY: as above.
        let category = unsafe { str_in(category, category_len) }?;
        let severity = severity_in(severity)?;
        let name = (!name.is_empty()).then_some(name);
        let category = if category.is_empty() {
            "default"
        } else {
            category
        };
        b.builder.add_regex(pattern, name, category, severity);
        Ok(())
    })
}

/// Sets every option at once: 0 is the defaults (all normalisation on, pinyin off); each
/// `JW_OPT_NO_*` bit turns one normalisation off and `JW_OPT_PINYIN` turns pinyin matching on. Bits
/// outside `JW_OPT_ALL` are `JW_INVALID_FLAGS` and change nothing.
#[no_mangle]
pub extern "C" fn jw_builder_set_options(b: *mut jw_builder, flags: u32) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `b` to be NULL or a live builder used by this thread only.
        let b = unsafe { mut_in(b) }?;
        check_flags(flags, JW_OPT_ALL)?;
        let on = |bit: u32| flags & bit == 0;
        let c = &mut b.config;
        c.width = on(JW_OPT_NO_WIDTH);
        c.case = on(JW_OPT_NO_CASE);
        c.diacritics = on(JW_OPT_NO_DIACRITICS);
        c.traditional = on(JW_OPT_NO_TRADITIONAL);
        c.variants = on(JW_OPT_NO_VARIANTS);
        c.homoglyphs = on(JW_OPT_NO_HOMOGLYPHS);
        c.leet = on(JW_OPT_NO_LEET);
        c.skip_junk = on(JW_OPT_NO_SKIP_JUNK);
        c.join_spaced = on(JW_OPT_NO_JOIN_SPACED);
        c.numerals = on(JW_OPT_NO_NUMERALS);
        c.collapse_repeats = on(JW_OPT_NO_COLLAPSE_REPEATS);
        b.builder.normalize_config(b.config.clone());
        b.builder.pinyin(flags & JW_OPT_PINYIN != 0);
        Ok(())
    })
}

/// The most skipped (junk) characters that may stand between two kept ones inside a match (default 8).
#[no_mangle]
pub extern "C" fn jw_builder_set_max_gap(b: *mut jw_builder, max_gap: usize) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `b` to be NULL or a live builder used by this thread only.
        let b = unsafe { mut_in(b) }?;
        b.config.max_gap = max_gap;
        b.builder.normalize_config(b.config.clone());
        Ok(())
    })
}

/// The most whole-pinyin variants generated per term (default 4; forms partly in pinyin are not
/// counted). Split characters (木仓 for 枪) are composed while searching, in any combination (up to
/// four in one match); 0 turns both off.
#[no_mangle]
pub extern "C" fn jw_builder_set_max_variants(
    b: *mut jw_builder,
    max_variants: usize,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `b` to be NULL or a live builder used by this thread only.
        let b = unsafe { mut_in(b) }?;
        b.builder.max_variants(max_variants);
        Ok(())
    })
}

/// Parses the lexicons and compiles everything into a new filter, written to `*out` on success (free
/// it with `jw_filter_free`). On failure returns `JW_INVALID_LEXICON`, `JW_IO`, `JW_EMPTY_TERM`,
/// `JW_INVALID_PATTERN` or `JW_SIZE_LIMIT`, and when `err` is not NULL sets `*err` to a new error
/// with the message, line and column of the first bad entry. `*out` and `*err` are untouched
/// otherwise. The builder can be changed and built again.
#[no_mangle]
pub extern "C" fn jw_builder_build(
    b: *const jw_builder,
    out: *mut *mut jw_filter,
    err: *mut *mut jw_error,
) -> jw_result {
    guard(err, || {
        // SAFETY: the header requires `b` to be NULL or a live builder not mutated during the call.
        let b = unsafe { ref_in(b) }?;
        need(out)?;
        let filter = b.builder.build()?;
        // SAFETY: `out` is not NULL and the header requires it to be writable.
        unsafe { put(out, Box::into_raw(Box::new(jw_filter { filter }))) };
        Ok(())
    })
}

/// Frees a filter handle. `jw_filter_free(NULL)` does nothing. Clones, and match lists that scanned
/// with it, keep the filter itself alive until they are freed too.
#[no_mangle]
pub extern "C" fn jw_filter_free(f: *mut jw_filter) {
    guard_value((), || {
        if !f.is_null() {
            // SAFETY: a non-NULL `f` came from this library as a `Box<jw_filter>` and is freed once.
            drop(unsafe { Box::from_raw(f) });
        }
    })
}

/// A new handle to the same filter (a reference count, no copy), freed separately with
/// `jw_filter_free`. NULL when `f` is NULL.
#[no_mangle]
pub extern "C" fn jw_filter_clone(f: *const jw_filter) -> *mut jw_filter {
    guard_value(ptr::null_mut(), || {
        // SAFETY: the header requires `f` to be NULL or a live filter.
        match unsafe { ref_in(f) } {
            Ok(f) => Box::into_raw(Box::new(jw_filter {
                filter: f.filter.clone(),
            })),
            Err(_) => ptr::null_mut(),
        }
    })
}

/// Loads a filter saved with `jw_filter_save`, written to `*out` on success. On failure returns
/// `JW_CORRUPT_FILTER` or `JW_UNSUPPORTED_VERSION` and sets `*err` when `err` is not NULL.
#[no_mangle]
pub extern "C" fn jw_filter_load(
    data: *const u8,
    len: usize,
    out: *mut *mut jw_filter,
    err: *mut *mut jw_error,
) -> jw_result {
    guard(err, || {
        // SAFETY: the header requires (data, len) to be readable.
        let data = unsafe { bytes_in(data, len) }?;
        need(out)?;
        let filter = Filter::from_bytes(data)?;
        // SAFETY: `out` is not NULL and the header requires it to be writable.
        unsafe { put(out, Box::into_raw(Box::new(jw_filter { filter }))) };
        Ok(())
    })
}

/// Compiles now every regex rule a loaded filter would compile when a scan first needs it, and the
/// byte automaton it would make for its first all-ASCII text, for a first scan as fast as the next
/// (see `Filter::compile_regex_rules`). On failure (only for data not
/// written by `jw_filter_save`) returns `JW_CORRUPT_FILTER` and sets `*err` when `err` is not NULL.
#[no_mangle]
pub extern "C" fn jw_filter_compile_regex_rules(
    f: *const jw_filter,
    err: *mut *mut jw_error,
) -> jw_result {
    guard(err, || {
        // SAFETY: the header requires `f` to be NULL or a live filter.
        let f = unsafe { ref_in(f) }?;
        f.filter.compile_regex_rules()?;
        Ok(())
    })
}

/// Writes the filter as a versioned, checksummed byte string into `buf` (`cap` bytes) and its size to
/// `*written`. When `cap` is too small nothing is copied, `*written` is the size needed and the
/// result is `JW_BUFFER_TOO_SMALL`; `jw_filter_save(f, NULL, 0, &n)` asks for the size.
#[no_mangle]
pub extern "C" fn jw_filter_save(
    f: *const jw_filter,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `f` to be NULL or a live filter.
        let f = unsafe { ref_in(f) }?;
        need(written)?;
        let bytes = f.filter.to_bytes();
        // SAFETY: `written` is not NULL; the header requires `buf` to have `cap` writable bytes.
        unsafe { copy_out(&bytes, buf, cap, written) }
    })
}

/// Sets `*out` to whether anything in the text matches. `flags` is 0 or `JW_LOSSY_UTF8`. Safe to
/// call from many threads at once on one filter. Uses scan memory kept per thread between calls
/// (buffers up to 1 MiB; more is given back after the call), so a warm call allocates nothing.
#[no_mangle]
pub extern "C" fn jw_filter_is_match(
    f: *const jw_filter,
    text: *const u8,
    len: usize,
    flags: u32,
    out: *mut bool,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `f` to be NULL or a live filter.
        let f = unsafe { ref_in(f) }?;
        // SAFETY: the header requires (text, len) to be readable.
        let text = unsafe { bytes_in(text, len) }?;
        need(out)?;
        check_flags(flags, JW_LOSSY_UTF8)?;
        let found = Chunks::new(text, flags & JW_LOSSY_UTF8 != 0)?
            .any(|(chunk, _)| f.filter.is_match(chunk));
        // SAFETY: `out` is not NULL and the header requires it to be writable.
        unsafe { put(out, found) };
        Ok(())
    })
}

/// Scans the text and replaces the contents of `m` with the matches, in order of start offset.
/// `flags`: `JW_FIND_ALL` (0) for every match, overlapping ones included, or `JW_FIND_NONOVERLAPPING`
/// for leftmost-longest non-overlapping ones; plus `JW_LOSSY_UTF8` to accept invalid UTF-8. On failure
/// `m` is unchanged. Safe on one filter from many threads at once, each with its own `m`.
#[no_mangle]
pub extern "C" fn jw_filter_find(
    f: *const jw_filter,
    text: *const u8,
    len: usize,
    flags: u32,
    m: *mut jw_matches,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `f` to be NULL or a live filter.
        let f = unsafe { ref_in(f) }?;
        // SAFETY: the header requires (text, len) to be readable.
        let text = unsafe { bytes_in(text, len) }?;
        // SAFETY: the header requires `m` to be NULL or a live match list used by this thread only.
        let m = unsafe { mut_in(m) }?;
        check_flags(flags, JW_FIND_NONOVERLAPPING | JW_LOSSY_UTF8)?;
        let chunks = Chunks::new(text, flags & JW_LOSSY_UTF8 != 0)?;
        m.items.clear();
        for (chunk, offset) in chunks {
            if flags & JW_FIND_NONOVERLAPPING != 0 {
                f.filter.find_iter_with(chunk, &mut m.scratch, &mut m.found);
            } else {
                f.filter.find_all_with(chunk, &mut m.scratch, &mut m.found);
            }
            m.items.extend(m.found.iter().map(|hit| (*hit, offset)));
        }
        m.filter = Some(f.filter.clone());
        Ok(())
    })
}

/// Writes the text with every character inside a match replaced by `mask_codepoint` (0: the
/// filter's mask character, `*` by default) into `out` (`cap` bytes) and the output size to
/// `*written`. A code point that is not a Unicode scalar value is `JW_OUT_OF_RANGE`. `flags` is 0 or
/// `JW_LOSSY_UTF8` (invalid bytes are copied unchanged). When `cap` is too small nothing is copied,
/// `*written` is the size needed and the result is `JW_BUFFER_TOO_SMALL`. Allocates per call.
#[no_mangle]
pub extern "C" fn jw_filter_mask(
    f: *const jw_filter,
    text: *const u8,
    len: usize,
    mask_codepoint: u32,
    flags: u32,
    out: *mut u8,
    cap: usize,
    written: *mut usize,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `f` to be NULL or a live filter.
        let f = unsafe { ref_in(f) }?;
        // SAFETY: the header requires (text, len) to be readable.
        let text = unsafe { bytes_in(text, len) }?;
        need(written)?;
        check_flags(flags, JW_LOSSY_UTF8)?;
        let mask = match mask_codepoint {
            0 => None,
            c => Some(char::from_u32(c).ok_or(Failure::from(JW_OUT_OF_RANGE))?),
        };
        let mut masked = Vec::with_capacity(text.len());
        let mut copied = 0;
        for (chunk, offset) in Chunks::new(text, flags & JW_LOSSY_UTF8 != 0)? {
            masked.extend_from_slice(&text[copied..offset]);
            let done = match mask {
                Some(c) => f.filter.mask_with(chunk, c),
                None => f.filter.mask(chunk),
            };
            masked.extend_from_slice(done.as_bytes());
            copied = offset + chunk.len();
        }
        masked.extend_from_slice(&text[copied..]);
        // SAFETY: `written` is not NULL; the header requires `out` to have `cap` writable bytes.
        unsafe { copy_out(&masked, out, cap, written) }
    })
}

/// Sets `(*text, *text_len)` to term `term_id` as written in its lexicon, or a rule's name or pattern
/// (UTF-8, not NUL-terminated), owned by the filter: valid while any handle to it lives.
/// `JW_OUT_OF_RANGE` for an id not below the filter's term count (`jw_filter_term_count`).
#[no_mangle]
pub extern "C" fn jw_filter_term(
    f: *const jw_filter,
    term_id: u32,
    text: *mut *const u8,
    text_len: *mut usize,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `f` to be NULL or a live filter.
        let f = unsafe { ref_in(f) }?;
        need(text)?;
        need(text_len)?;
        let id = f
            .filter
            .term_id(term_id as usize)
            .ok_or(Failure::from(JW_OUT_OF_RANGE))?;
        let term = f.filter.term(id);
        // SAFETY: both out-pointers are not NULL and the header requires them to be writable.
        unsafe {
            put(text, term.as_ptr());
            put(text_len, term.len());
        }
        Ok(())
    })
}

/// Sets `(*name, *name_len)` to the name of category `category_id` (UTF-8, not NUL-terminated),
/// owned by the filter: valid while any handle to it lives. `JW_OUT_OF_RANGE` for an unknown id.
#[no_mangle]
pub extern "C" fn jw_filter_category_name(
    f: *const jw_filter,
    category_id: u32,
    name: *mut *const u8,
    name_len: *mut usize,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `f` to be NULL or a live filter.
        let f = unsafe { ref_in(f) }?;
        need(name)?;
        need(name_len)?;
        let (_, text) = f
            .filter
            .categories()
            .nth(category_id as usize)
            .ok_or(Failure::from(JW_OUT_OF_RANGE))?;
        // SAFETY: both out-pointers are not NULL and the header requires them to be writable.
        unsafe {
            put(name, text.as_ptr());
            put(name_len, text.len());
        }
        Ok(())
    })
}

/// Writes the canonical (normalised) form of the text, the stream the filter matches on, into `out`
/// (`cap` bytes) and its size to `*written`: for example "軍 火 Ｗ３ａｐ０ｎ" becomes "军火weapon".
/// Hard boundaries (sentence ends, line breaks) appear as '\n'. For debugging lexicons and reports.
/// When `cap` is too small nothing is copied, `*written` is the size needed and the result is
/// `JW_BUFFER_TOO_SMALL`.
#[no_mangle]
pub extern "C" fn jw_filter_normalize(
    f: *const jw_filter,
    text: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    written: *mut usize,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `f` to be NULL or a live filter.
        let f = unsafe { ref_in(f) }?;
        // SAFETY: the header requires (text, len) to be readable.
        let text = unsafe { str_in(text, len) }?;
        need(written)?;
        let canonical = f.filter.normalizer().normalize_to_string(text);
        // SAFETY: `written` is not NULL; the header requires `out` to have `cap` writable bytes.
        unsafe { copy_out(canonical.as_bytes(), out, cap, written) }
    })
}

/// The approximate heap memory held by the filter, in bytes (shared by its clones); 0 when `f` is NULL.
#[no_mangle]
pub extern "C" fn jw_filter_heap_bytes(f: *const jw_filter) -> usize {
    guard_value(0, || {
        // SAFETY: the header requires `f` to be NULL or a live filter.
        unsafe { ref_in(f) }.map_or(0, |f| f.filter.heap_bytes())
    })
}

/// The number of term ids (deny terms, regex rules, co-occurrence rules); 0 when `f` is NULL.
#[no_mangle]
pub extern "C" fn jw_filter_term_count(f: *const jw_filter) -> usize {
    guard_value(0, || {
        // SAFETY: the header requires `f` to be NULL or a live filter.
        unsafe { ref_in(f) }.map_or(0, |f| f.filter.term_count())
    })
}

/// The number of categories (ids are `0..count`); 0 when `f` is NULL.
#[no_mangle]
pub extern "C" fn jw_filter_category_count(f: *const jw_filter) -> usize {
    guard_value(0, || {
        // SAFETY: the header requires `f` to be NULL or a live filter.
        unsafe { ref_in(f) }.map_or(0, |f| f.filter.categories().count())
    })
}

/// A new, empty match list. Free it with `jw_matches_free`. Never NULL.
#[no_mangle]
pub extern "C" fn jw_matches_new() -> *mut jw_matches {
    guard_value(ptr::null_mut(), || {
        Box::into_raw(Box::new(jw_matches {
            scratch: Scratch::new(),
            found: Vec::new(),
            items: Vec::new(),
            filter: None,
        }))
    })
}

/// Frees a match list. `jw_matches_free(NULL)` does nothing.
#[no_mangle]
pub extern "C" fn jw_matches_free(m: *mut jw_matches) {
    guard_value((), || {
        if !m.is_null() {
            // SAFETY: a non-NULL `m` came from `jw_matches_new` and is freed only once.
            drop(unsafe { Box::from_raw(m) });
        }
    })
}

/// The number of matches of the last scan; 0 when `m` is NULL or has not scanned yet.
#[no_mangle]
pub extern "C" fn jw_matches_len(m: *const jw_matches) -> usize {
    guard_value(0, || {
        // SAFETY: the header requires `m` to be NULL or a live match list.
        unsafe { ref_in(m) }.map_or(0, |m| m.items.len())
    })
}

/// Copies match `index` (0-based, below `jw_matches_len`) to `*out`. `JW_OUT_OF_RANGE` past the end.
#[no_mangle]
pub extern "C" fn jw_matches_get(
    m: *const jw_matches,
    index: usize,
    out: *mut jw_match,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `m` to be NULL or a live match list.
        let m = unsafe { ref_in(m) }?;
        need(out)?;
        let (hit, offset) = m.items.get(index).ok_or(Failure::from(JW_OUT_OF_RANGE))?;
        let item = jw_match {
            start: hit.start() + offset,
            end: hit.end() + offset,
            term_id: hit.term().as_u32(),
            category_id: hit.category().as_u32(),
            severity: hit.severity() as u8,
            kind: kind_out(hit.kind()),
            evasions: hit.evasions().bits(),
        };
        // SAFETY: `out` is not NULL and the header requires it to be writable.
        unsafe { put(out, item) };
        Ok(())
    })
}

/// Sets `(*text, *text_len)` to the term as written (for a rule: its name, or its pattern) of match
/// `index`: UTF-8, not NUL-terminated, valid until the next scan into `m` or `jw_matches_free`.
#[no_mangle]
pub extern "C" fn jw_matches_term(
    m: *const jw_matches,
    index: usize,
    text: *mut *const u8,
    text_len: *mut usize,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `m` to be NULL or a live match list.
        let m = unsafe { ref_in(m) }?;
        need(text)?;
        need(text_len)?;
        let ((hit, _), Some(filter)) = (
            m.items.get(index).ok_or(Failure::from(JW_OUT_OF_RANGE))?,
            &m.filter,
        ) else {
            return Err(JW_OUT_OF_RANGE.into());
        };
        let term = filter.term(hit.term());
        // SAFETY: both out-pointers are not NULL and the header requires them to be writable.
        unsafe {
            put(text, term.as_ptr());
            put(text_len, term.len());
        }
        Ok(())
    })
}

/// Sets `(*name, *name_len)` to the category name of match `index`: UTF-8, not NUL-terminated, valid
/// until the next scan into `m` or `jw_matches_free`.
#[no_mangle]
pub extern "C" fn jw_matches_category_name(
    m: *const jw_matches,
    index: usize,
    name: *mut *const u8,
    name_len: *mut usize,
) -> jw_result {
    guard(ptr::null_mut(), || {
        // SAFETY: the header requires `m` to be NULL or a live match list.
        let m = unsafe { ref_in(m) }?;
        need(name)?;
        need(name_len)?;
        let ((hit, _), Some(filter)) = (
            m.items.get(index).ok_or(Failure::from(JW_OUT_OF_RANGE))?,
            &m.filter,
        ) else {
            return Err(JW_OUT_OF_RANGE.into());
        };
        let category: CategoryId = hit.category();
        let text = filter.category_name(category);
        // SAFETY: both out-pointers are not NULL and the header requires them to be writable.
        unsafe {
            put(name, text.as_ptr());
            put(name_len, text.len());
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Evasion;

    #[test]
    fn evasion_bits_match_the_rust_flags() {
        let c = [
            (JW_EVASION_FULLWIDTH, Evasion::FULLWIDTH),
            (JW_EVASION_CASE, Evasion::CASE),
            (JW_EVASION_DIACRITIC, Evasion::DIACRITIC),
            (JW_EVASION_TRADITIONAL, Evasion::TRADITIONAL),
            (JW_EVASION_VARIANT, Evasion::VARIANT),
            (JW_EVASION_SEPARATOR, Evasion::SEPARATOR),
            (JW_EVASION_INVISIBLE, Evasion::INVISIBLE),
            (JW_EVASION_EMOJI, Evasion::EMOJI),
            (JW_EVASION_HOMOGLYPH, Evasion::HOMOGLYPH),
            (JW_EVASION_LEET, Evasion::LEET),
            (JW_EVASION_SPACED, Evasion::SPACED),
            (JW_EVASION_NUMERAL, Evasion::NUMERAL),
            (JW_EVASION_REPEAT, Evasion::REPEAT),
            (JW_EVASION_SPLIT, Evasion::SPLIT),
            (JW_EVASION_PINYIN, Evasion::PINYIN),
        ];
        assert_eq!(c.len(), Evasion::ALL.len());
        for (bits, flag) in c {
            assert_eq!(bits, flag.bits());
        }
    }

    #[test]
    fn severity_numbers_match_the_rust_enum() {
        for s in Severity::ALL {
            assert_eq!(severity_in(s as u8).ok(), Some(s));
        }
        assert!(severity_in(0).is_err());
        assert!(severity_in(5).is_err());
    }

    #[test]
    fn every_code_has_a_message() {
        for n in 0..14 {
            // SAFETY: `jw_result_message` returns a static NUL-terminated string.
            let text = unsafe { std::ffi::CStr::from_ptr(jw_result_message(n)) };
            assert_ne!(text.to_str().unwrap(), "unknown result code", "code {n}");
        }
        // SAFETY: as above.
        let text = unsafe { std::ffi::CStr::from_ptr(jw_result_message(14)) };
        assert_eq!(text.to_str().unwrap(), "unknown result code");
    }

    /// Counts allocations made by the current thread (in this crate's unit-test binary only), so a test
    /// can prove a call allocates nothing.
    struct CountingAllocator;

    thread_local! {
        static ALLOCATIONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    // SAFETY: every method forwards to the system allocator unchanged; the counter is a
    // const-initialised thread-local `Cell`, which never allocates.
    unsafe impl std::alloc::GlobalAlloc for CountingAllocator {
        unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
            let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
            // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which we pass on.
            unsafe { std::alloc::System.alloc(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
            // SAFETY: as above.
            unsafe { std::alloc::System.dealloc(ptr, layout) }
        }

        unsafe fn realloc(
            &self,
            ptr: *mut u8,
            layout: std::alloc::Layout,
            new_size: usize,
        ) -> *mut u8 {
            let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
            // SAFETY: as above.
            unsafe { std::alloc::System.realloc(ptr, layout, new_size) }
        }
    }

    #[global_allocator]
    static GLOBAL: CountingAllocator = CountingAllocator;

    fn allocations() -> usize {
        ALLOCATIONS.with(|n| n.get())
    }

    #[test]
    fn warm_scans_allocate_nothing() {
        let lexicon =
            "[firearms severity=high]\n枪支\ngun\nallow: 水枪\nregex: 出售.{0,4}枪 | name=sell\n";
        let texts: [&[u8]; 3] = [
            "出售枪支，也卖 G U N，儿童水枪不算".as_bytes(),
            "今天天气很好".as_bytes(),
            "有槍 支嗎".as_bytes(),
        ];
        // 槍 \xff 支: only scanned with JW_LOSSY_UTF8.
        let broken: &[u8] = &[
            0xe6, 0xa7, 0x8d, 0xff, 0xe6, 0x94, 0xaf, b' ', b'g', b'u', b'n',
        ];
        let b = jw_builder_new();
        assert_eq!(
            jw_builder_add_lexicon(b, lexicon.as_ptr(), lexicon.len(), ptr::null(), 0),
            JW_OK
        );
        let mut f = ptr::null_mut();
        assert_eq!(jw_builder_build(b, &mut f, ptr::null_mut()), JW_OK);
        jw_builder_free(b);
        let m = jw_matches_new();
        let scan = |flags: u32| {
            let mut total = 0;
            for text in texts
                .iter()
                .chain((flags & JW_LOSSY_UTF8 != 0).then_some(&broken))
            {
                assert_eq!(
                    jw_filter_find(f, text.as_ptr(), text.len(), flags, m),
                    JW_OK
                );
                total += jw_matches_len(m);
            }
            total
        };
        for flags in [
            0,
            JW_FIND_NONOVERLAPPING,
            JW_LOSSY_UTF8,
            JW_FIND_NONOVERLAPPING | JW_LOSSY_UTF8,
        ] {
            for _ in 0..3 {
                scan(flags);
            }
            let before = allocations();
            let mut found = 0;
            for _ in 0..50 {
                found += scan(flags);
            }
            let allocated = allocations() - before;
            assert!(found >= 50 * 3, "flags {flags}: only {found} matches");
            assert_eq!(allocated, 0, "flags {flags}: warm scans allocated");
        }
        // A cold match list does allocate, so the counter is live.
        let cold = jw_matches_new();
        let before = allocations();
        assert_eq!(
            jw_filter_find(f, texts[0].as_ptr(), texts[0].len(), 0, cold),
            JW_OK
        );
        assert!(allocations() > before);
        jw_matches_free(cold);
        jw_matches_free(m);
        jw_filter_free(f);
    }
}
