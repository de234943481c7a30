//! The `jingwang` command-line tool: a thin shell over the library.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use jingwang::{Normalized, Normalizer};

/// Find disguised prohibited content (illegal trade, fraud) in Chinese and English text.
#[derive(Parser, Debug)]
#[command(name = "jingwang", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the canonical form of each input line.
    Normalize {
        /// Also show, for each canonical character, the original bytes and the evasions undone.
        #[arg(long)]
        explain: bool,
        /// Input files (UTF-8); standard input when none is given or for "-".
        files: Vec<PathBuf>,
    },
}

/// An error for the user: one line on stderr, exit status 2.
struct CliError(String);

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> CliError {
        CliError(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Normalize { explain, files } => normalize(explain, &files),
    };
    match result {
        Ok(code) => code,
        Err(CliError(msg)) => {
            eprintln!("jingwang: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Calls `f` with each input (name, reader): the files, or stdin.
fn for_each_input(
    files: &[PathBuf],
    mut f: impl FnMut(&str, &mut dyn BufRead) -> Result<(), CliError>,
) -> Result<(), CliError> {
    if files.is_empty() {
        let stdin = io::stdin();
        return f("<stdin>", &mut stdin.lock());
    }
    for path in files {
        let name = path.display().to_string();
        if name == "-" {
            let stdin = io::stdin();
            f("<stdin>", &mut stdin.lock())?;
            continue;
        }
        let file = File::open(path).map_err(|e| CliError(format!("{name}: {e}")))?;
        if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
            return Err(CliError(format!("{name}: is a directory")));
        }
        f(&name, &mut BufReader::new(file))?;
    }
    Ok(())
}

/// Reads one line (without its line break) as UTF-8; `Ok(false)` at the end.
fn read_line(
    name: &str,
    number: usize,
    input: &mut dyn BufRead,
    raw: &mut Vec<u8>,
    line: &mut String,
) -> Result<bool, CliError> {
    raw.clear();
    line.clear();
    if input
        .read_until(b'\n', raw)
        .map_err(|e| CliError(format!("{name}: {e}")))?
        == 0
    {
        return Ok(false);
    }
    if raw.last() == Some(&b'\n') {
        raw.pop();
        if raw.last() == Some(&b'\r') {
            raw.pop();
        }
    }
    match std::str::from_utf8(raw) {
        Ok(s) => line.push_str(s),
        Err(e) => {
            let col = String::from_utf8_lossy(&raw[..e.valid_up_to()])
                .chars()
                .count()
                + 1;
            return Err(CliError(format!(
                "{name}:{number}:{col}: invalid UTF-8 (byte offset {} in the line)",
                e.valid_up_to()
            )));
        }
    }
    Ok(true)
}

/// Maps a broken pipe to success: `jingwang … | head` is not an error.
fn write_result(r: io::Result<()>) -> Result<(), CliError> {
    match r {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(CliError(String::new())),
        other => other.map_err(CliError::from),
    }
}

fn normalize(explain: bool, files: &[PathBuf]) -> Result<ExitCode, CliError> {
    let normalizer = Normalizer::default();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut buf = Normalized::new();
    let (mut raw, mut line) = (Vec::new(), String::new());
    let result = for_each_input(files, |name, input| {
        let mut number = 0;
        while read_line(name, number + 1, input, &mut raw, &mut line)? {
            number += 1;
            normalizer.normalize_into(&line, &mut buf);
            write_result(write_normalized(&mut out, &line, &buf, explain))?;
        }
        Ok(())
    });
    let result = result.and_then(|()| write_result(out.flush()));
    match result {
        Err(CliError(msg)) if msg.is_empty() => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}

fn write_normalized(
    out: &mut impl Write,
    line: &str,
    buf: &Normalized,
    explain: bool,
) -> io::Result<()> {
    // Hard boundaries are shown as ⏎ so one input line stays one output line.
    for c in buf.text().chars() {
        if c == jingwang::BREAK {
            out.write_all("⏎".as_bytes())?;
        } else {
            write!(out, "{c}")?;
        }
    }
    out.write_all(b"\n")?;
    if explain {
        for c in buf.chars() {
            let shown = if c.ch == jingwang::BREAK {
                "⏎".to_string()
            } else {
                c.ch.to_string()
            };
            let origin = &line[c.origin().range()];
            write!(out, "  {shown}\t{}..{}\t{:?}", c.start, c.end, origin)?;
            if !c.evasions.is_empty() {
                write!(out, "\t{}", c.evasions)?;
            }
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}
