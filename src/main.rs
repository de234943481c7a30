//! The `jingwang` command-line tool: a thin shell over the library.

mod cli;

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use jingwang::{Normalized, Normalizer};

use cli::{content_len, for_each_input, line_str, out_err, read_raw_line, CliError};

/// Find disguised prohibited content (illegal trade, fraud) in Chinese and English text.
#[derive(Parser, Debug)]
#[command(name = "jingwang", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Find matches in files or standard input (exit 0 when it ran, 1 with --fail-on-match and a match, 2 on error).
    Scan(cli::scan::ScanArgs),
    /// Print the input with every match masked, line by line.
    Mask(cli::commands::MaskArgs),
    /// Compile lexicon files into a saved filter for `scan --filter`.
    Compile(cli::commands::CompileArgs),
    /// Validate lexicon files: every error as file:line:col, exit 2 if any.
    CheckLexicon(cli::commands::CheckArgs),
    /// Show the canonical form of a text, where each canonical character came from, and why each match matched.
    Explain(cli::commands::ExplainArgs),
    /// Print the canonical form of each input line.
    Normalize {
        /// Also show, for each canonical character, the original bytes and the evasions undone.
        #[arg(long)]
        explain: bool,
        /// Input files (UTF-8); standard input when none is given or for "-".
        files: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Scan(args) => cli::scan::run(args),
        Command::Mask(args) => cli::commands::mask(args),
        Command::Compile(args) => cli::commands::compile(args),
        Command::CheckLexicon(args) => cli::commands::check_lexicon(args),
        Command::Explain(args) => cli::commands::explain(args),
        Command::Normalize { explain, files } => normalize(*explain, files),
    };
    match result {
        Ok(code) => code,
        Err(CliError::BrokenPipe) => ExitCode::SUCCESS,
        Err(CliError::Message(msg)) => {
            let _ = writeln!(io::stderr(), "jingwang: {msg}");
            ExitCode::from(2)
        }
    }
}

fn normalize(explain: bool, files: &[PathBuf]) -> Result<ExitCode, CliError> {
    let normalizer = Normalizer::default();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut buf = Normalized::new();
    let mut raw = Vec::new();
    let result = for_each_input(files, |mut input| {
        let mut number = 0;
        while read_raw_line(&input.name, &mut *input.reader, &mut raw)? {
            number += 1;
            let line = line_str(&input.name, number, &raw[..content_len(&raw)])?;
            normalizer.normalize_into(line, &mut buf);
            write_normalized(&mut out, line, &buf, explain).map_err(out_err)?;
        }
        Ok(())
    })
    .and_then(|()| out.flush().map_err(out_err));
    match result {
        Ok(()) | Err(CliError::BrokenPipe) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e),
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
        for (ch, c) in buf.iter() {
            let shown = if ch == jingwang::BREAK {
                "⏎".to_string()
            } else {
                ch.to_string()
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
