//! Pieces of the `jingwang` command line shared by the subcommands: errors, inputs, building the filter.

pub mod chunk;
pub mod commands;
pub mod json;
pub mod progress;
pub mod scan;

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use clap::Args;
use jingwang::Filter;

/// An error for the user (one line on stderr, exit status 2), or a closed stdout (quiet success).
#[derive(Debug)]
pub enum CliError {
    /// A message printed as `jingwang: {message}`.
    Message(String),
    /// The reader of stdout went away (`jingwang … | head`): stop quietly.
    BrokenPipe,
}

impl CliError {
    /// An error with a message.
    pub fn msg(message: impl Into<String>) -> CliError {
        CliError::Message(message.into())
    }

    /// An I/O error about a named file: `name: No such file or directory`.
    pub fn io(name: &str, e: &io::Error) -> CliError {
        CliError::Message(format!("{name}: {}", io_message(e)))
    }
}

/// An error writing to stdout: a broken pipe stops quietly, anything else is an error.
pub fn out_err(e: io::Error) -> CliError {
    if e.kind() == io::ErrorKind::BrokenPipe {
        CliError::BrokenPipe
    } else {
        CliError::msg(format!("writing output: {}", io_message(&e)))
    }
}

/// The OS message of an I/O error without the ` (os error N)` suffix.
pub fn io_message(e: &io::Error) -> String {
    strip_os_error(&e.to_string()).to_string()
}

/// Removes a trailing ` (os error N)` from a message.
pub fn strip_os_error(msg: &str) -> &str {
    if let Some(i) = msg.rfind(" (os error ") {
        let tail = &msg[i + " (os error ".len()..];
        if let Some(num) = tail.strip_suffix(')') {
            if !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()) {
                return &msg[..i];
            }
        }
    }
    msg
}

/// Options choosing the filter: lexicon files, the default lexicon, or a saved filter.
#[derive(Args, Debug, Clone)]
pub struct FilterArgs {
    /// A lexicon file (repeatable; see docs/lexicon.md).
    #[arg(long = "lexicon", value_name = "FILE")]
    pub lexicons: Vec<PathBuf>,
    /// Do not use the embedded default lexicon.
    #[arg(long)]
    pub no_default: bool,
    /// A saved filter written by `jingwang compile`, used instead of lexicons.
    #[arg(long, value_name = "SAVED", conflicts_with_all = ["lexicons", "pinyin"])]
    pub filter: Option<PathBuf>,
    /// Also match terms in pinyin (junhuo, jun huo) unless a term says `nopinyin`.
    #[arg(long)]
    pub pinyin: bool,
}

/// Adds the embedded default lexicon; `false` while the library has none.
///
/// Builds the filter the options ask for. `mask_char` sets the builder's mask character.
pub fn build_filter(args: &FilterArgs, mask_char: Option<char>) -> Result<Filter, CliError> {
    if let Some(path) = &args.filter {
        let name = path.display().to_string();
        check_not_dir(path, &name)?;
        let bytes = std::fs::read(path).map_err(|e| CliError::io(&name, &e))?;
        return Filter::from_bytes(&bytes).map_err(|e| CliError::msg(format!("{name}: {e}")));
    }
    let mut builder = Filter::builder();
    if !args.no_default {
        builder.add_default_lexicon();
    } else if args.lexicons.is_empty() {
        return Err(CliError::msg(
            "no lexicon: --no-default needs --lexicon FILE (or use --filter SAVED)",
        ));
    }
    for path in &args.lexicons {
        let name = path.display().to_string();
        check_not_dir(path, &name)?;
        let mut lexicon = jingwang::Lexicon::from_file(path)
            .map_err(|e| CliError::msg(strip_os_error(&e.to_string())))?;
        // --pinyin opts in the terms of the lexicons given here, not the default lexicon's.
        if args.pinyin {
            for term in &mut lexicon.terms {
                term.options.pinyin.get_or_insert(true);
            }
        }
        builder.add_parsed(lexicon);
    }
    if let Some(c) = mask_char {
        builder.mask_char(c);
    }
    builder
        .build()
        .map_err(|e| CliError::msg(strip_os_error(&e.to_string())))
}

/// Fails with `name: Is a directory` when `path` is a directory.
pub fn check_not_dir(path: &Path, name: &str) -> Result<(), CliError> {
    if std::fs::metadata(path).map(|m| m.is_dir()).unwrap_or(false) {
        return Err(CliError::msg(format!("{name}: Is a directory")));
    }
    Ok(())
}

/// One input: its display name, its size when known, and a reader.
pub struct Input {
    /// `<stdin>` or the path as given.
    pub name: String,
    /// The size in bytes, for progress; `None` for stdin and pipes.
    pub size: Option<u64>,
    /// The bytes.
    pub reader: Box<dyn BufRead>,
}

/// Opens the inputs one at a time (files, or stdin when none is given or for `-`) and calls `f` on each.
pub fn for_each_input(
    files: &[PathBuf],
    mut f: impl FnMut(Input) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let stdin = || Input {
        name: "<stdin>".to_string(),
        size: None,
        reader: Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
    };
    if files.is_empty() {
        return f(stdin());
    }
    for path in files {
        if path.as_os_str() == "-" {
            f(stdin())?;
            continue;
        }
        let name = path.display().to_string();
        check_not_dir(path, &name)?;
        let file = File::open(path).map_err(|e| CliError::io(&name, &e))?;
        let size = file
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len());
        f(Input {
            name,
            size,
            reader: Box::new(BufReader::with_capacity(1 << 16, file)),
        })?;
    }
    Ok(())
}

/// Reads one line into `raw` (line break included); `Ok(false)` at the end of the input.
pub fn read_raw_line(
    name: &str,
    input: &mut dyn BufRead,
    raw: &mut Vec<u8>,
) -> Result<bool, CliError> {
    raw.clear();
    let n = input
        .read_until(b'\n', raw)
        .map_err(|e| CliError::io(name, &e))?;
    Ok(n > 0)
}

/// The length of `raw` without its line break (`\n` or `\r\n`).
pub fn content_len(raw: &[u8]) -> usize {
    let mut n = raw.len();
    if n > 0 && raw[n - 1] == b'\n' {
        n -= 1;
        if n > 0 && raw[n - 1] == b'\r' {
            n -= 1;
        }
    }
    n
}

/// `raw` as UTF-8, or an error naming the line and column (in characters) of the first bad byte.
pub fn line_str<'a>(name: &str, number: u64, raw: &'a [u8]) -> Result<&'a str, CliError> {
    std::str::from_utf8(raw).map_err(|e| {
        let col = char_count(&raw[..e.valid_up_to()]) + 1;
        CliError::msg(format!("{name}:{number}:{col}: invalid UTF-8"))
    })
}

/// The number of chars in valid UTF-8 bytes (counts the bytes that are not continuation bytes).
pub fn char_count(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_os_error_suffix() {
        assert_eq!(
            strip_os_error("a: No such file or directory (os error 2)"),
            "a: No such file or directory"
        );
        assert_eq!(strip_os_error("plain (os error x)"), "plain (os error x)");
        assert_eq!(strip_os_error("plain"), "plain");
    }

    #[test]
    fn content_len_strips_line_breaks() {
        assert_eq!(content_len(b"ab\r\n"), 2);
        assert_eq!(content_len(b"ab\n"), 2);
        assert_eq!(content_len(b"ab"), 2);
        assert_eq!(content_len(b"\r"), 1);
    }
}
