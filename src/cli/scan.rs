//! `jingwang scan`: find matches in files or stdin, as text or JSON.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use jingwang::{CategoryId, Filter, Match, Scratch, Severity};

use super::chunk::{self, ChunkError, Chunker, Position};
use super::progress::Progress;
use super::{
    content_len, for_each_input, json, line_str, out_err, read_raw_line, CliError, FilterArgs,
};

/// The output format of `scan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `file:line:col: match [category/severity] term "…" (evasions: …)`, one match a line.
    Text,
    /// One JSON object per document.
    Json,
}

/// When to colour the text output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// When stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The options of `jingwang scan`.
#[derive(Args, Debug)]
pub struct ScanArgs {
    #[command(flatten)]
    filter: FilterArgs,
    /// Each input line is a separate document (offsets and JSON objects per line).
    #[arg(long)]
    lines: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Report only matches of this category (repeatable).
    #[arg(long = "category", value_name = "NAME")]
    categories: Vec<String>,
    /// Report only matches of at least this severity (low, medium, high, critical).
    #[arg(long, value_name = "S")]
    min_severity: Option<Severity>,
    /// Exit with status 1 when anything matched.
    #[arg(long)]
    fail_on_match: bool,
    /// Colour the text output.
    #[arg(long, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    color: Color,
    /// Bytes per streamed chunk without --lines (for testing).
    #[arg(long, hide = true, default_value_t = chunk::DEFAULT_CHUNK)]
    chunk_size: usize,
    /// Bytes of context on each side of a chunk (for testing).
    #[arg(long, hide = true, default_value_t = chunk::DEFAULT_OVERLAP)]
    chunk_overlap: usize,
    /// Input files (UTF-8); standard input when none is given or for "-".
    files: Vec<PathBuf>,
}

/// Runs `scan`.
pub fn run(args: &ScanArgs) -> Result<ExitCode, CliError> {
    let filter = super::build_filter(&args.filter, None)?;
    let categories = resolve_categories(&filter, &args.categories)?;
    let stdout = io::stdout();
    let interactive = stdout.is_terminal();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => interactive && !std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    };
    let mut reporter = Reporter {
        filter: &filter,
        categories,
        min_severity: args.min_severity,
        format: args.format,
        color,
        out: BufWriter::with_capacity(1 << 16, stdout.lock()),
        in_doc: 0,
        reported: 0,
    };
    let result = for_each_input(&args.files, |mut input| {
        let mut progress = Progress::new(input.size);
        if args.lines {
            scan_lines(&mut reporter, &mut input, &mut progress, interactive)
        } else {
            scan_stream(&mut reporter, &mut input, &mut progress, args)
        }
    })
    .and_then(|()| reporter.out.flush().map_err(out_err));
    let code = if args.fail_on_match && reporter.reported > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    match result {
        Ok(()) | Err(CliError::BrokenPipe) => Ok(code),
        Err(e) => {
            // Print what was found before the error; a failing stdout cannot be reported better.
            let _ = reporter.out.flush();
            Err(e)
        }
    }
}

fn resolve_categories(filter: &Filter, names: &[String]) -> Result<Vec<CategoryId>, CliError> {
    names
        .iter()
        .map(|name| {
            filter
                .categories()
                .find(|(_, c)| c == name)
                .map(|(id, _)| id)
                .ok_or_else(|| {
                    let known: Vec<&str> = filter.categories().map(|(_, c)| c).collect();
                    CliError::msg(format!(
                        "unknown category \"{name}\" (the filter has: {})",
                        known.join(", ")
                    ))
                })
        })
        .collect()
}

fn scan_lines(
    reporter: &mut Reporter<'_, impl Write>,
    input: &mut super::Input,
    progress: &mut Progress,
    interactive: bool,
) -> Result<(), CliError> {
    let (mut raw, mut matches, mut scratch) = (Vec::new(), Vec::new(), Scratch::new());
    let (mut number, mut done) = (0u64, 0u64);
    while read_raw_line(&input.name, &mut *input.reader, &mut raw)? {
        number += 1;
        done += raw.len() as u64;
        let line = line_str(&input.name, number, &raw[..content_len(&raw)])?;
        reporter
            .filter
            .find_all_with(line, &mut scratch, &mut matches);
        reporter.begin(Some(number)).map_err(out_err)?;
        for m in &matches {
            let pos = Position {
                line: number,
                col: super::char_count(line.as_bytes().get(..m.start()).unwrap_or_default()),
            };
            let text = line.get(m.start()..m.end()).unwrap_or_default();
            reporter
                .report(&input.name, m, m.start() as u64, text, pos)
                .map_err(out_err)?;
        }
        reporter.end().map_err(out_err)?;
        if interactive {
            reporter.out.flush().map_err(out_err)?;
        }
        progress.update(&input.name, done);
    }
    Ok(())
}

fn scan_stream(
    reporter: &mut Reporter<'_, impl Write>,
    input: &mut super::Input,
    progress: &mut Progress,
    args: &ScanArgs,
) -> Result<(), CliError> {
    let mut chunker = Chunker::new(&mut input.reader, args.chunk_size, args.chunk_overlap);
    let (mut matches, mut scratch) = (Vec::new(), Scratch::new());
    reporter.begin(None).map_err(out_err)?;
    loop {
        let window = match chunker.next_window() {
            Ok(Some(w)) => w,
            Ok(None) => break,
            Err(ChunkError::Io(e)) => return Err(CliError::io(&input.name, &e)),
            Err(ChunkError::Utf8 { line, col }) => {
                return Err(CliError::msg(format!(
                    "{}:{line}:{col}: invalid UTF-8",
                    input.name
                )))
            }
        };
        reporter
            .filter
            .find_all_with(window.text, &mut scratch, &mut matches);
        let mut pos = window.position;
        let mut at = (window.primary.start - window.start) as usize;
        for m in &matches {
            let start = window.start + m.start() as u64;
            if !window.primary.contains(&start) {
                continue;
            }
            // Matches come sorted by start, so the position normally only moves forward.
            if m.start() < at {
                pos = window.position;
                at = (window.primary.start - window.start) as usize;
            }
            pos.advance(&window.text.as_bytes()[at..m.start()]);
            at = m.start();
            let text = window.text.get(m.start()..m.end()).unwrap_or_default();
            reporter
                .report(&input.name, m, start, text, pos)
                .map_err(out_err)?;
        }
        let consumed = window.primary.end;
        progress.update(&input.name, consumed);
    }
    reporter.end().map_err(out_err)
}

/// Filters matches and writes them in the chosen format.
struct Reporter<'f, W: Write> {
    filter: &'f Filter,
    categories: Vec<CategoryId>,
    min_severity: Option<Severity>,
    format: Format,
    color: bool,
    out: W,
    /// Matches written in the current JSON document.
    in_doc: usize,
    /// Matches reported in all.
    reported: u64,
}

const RESET: &str = "\x1b[0m";

impl<W: Write> Reporter<'_, W> {
    fn wanted(&self, m: &Match) -> bool {
        (self.categories.is_empty() || self.categories.contains(&m.category()))
            && !matches!(self.min_severity, Some(s) if m.severity() < s)
    }

    fn begin(&mut self, line: Option<u64>) -> io::Result<()> {
        self.in_doc = 0;
        if self.format == Format::Json {
            match line {
                Some(n) => write!(self.out, "{{\"line\": {n}, \"matches\": [")?,
                None => self.out.write_all(b"{\"matches\": [")?,
            }
        }
        Ok(())
    }

    fn end(&mut self) -> io::Result<()> {
        if self.format == Format::Json {
            self.out.write_all(b"]}\n")?;
        }
        Ok(())
    }

    /// Writes one match; `start` is its offset in the document, `pos` its position in the input.
    fn report(
        &mut self,
        name: &str,
        m: &Match,
        start: u64,
        text: &str,
        pos: Position,
    ) -> io::Result<()> {
        if !self.wanted(m) {
            return Ok(());
        }
        self.reported += 1;
        let f = self.filter;
        match self.format {
            Format::Json => {
                if self.in_doc > 0 {
                    self.out.write_all(b", ")?;
                }
                self.in_doc += 1;
                let end = start + text.len() as u64;
                write!(self.out, "{{\"start\": {start}, \"end\": {end}, \"term\": ")?;
                json::write_str(&mut self.out, f.term(m.term()))?;
                self.out.write_all(b", \"category\": ")?;
                json::write_str(&mut self.out, f.category_name(m.category()))?;
                write!(
                    self.out,
                    ", \"severity\": \"{}\", \"kind\": \"{}\", \"evasions\": [",
                    m.severity(),
                    m.kind().as_str()
                )?;
                for (i, e) in m.evasions().names().enumerate() {
                    if i > 0 {
                        self.out.write_all(b", ")?;
                    }
                    json::write_str(&mut self.out, e)?;
                }
                self.out.write_all(b"], \"text\": ")?;
                json::write_str(&mut self.out, text)?;
                self.out.write_all(b"}")
            }
            Format::Text => {
                let (hl, sev, reset) = if self.color {
                    (
                        "\x1b[1;31m",
                        match m.severity() {
                            Severity::Critical | Severity::High => "\x1b[31m",
                            Severity::Medium => "\x1b[33m",
                            Severity::Low => "\x1b[36m",
                        },
                        RESET,
                    )
                } else {
                    ("", "", "")
                };
                write!(
                    self.out,
                    "{name}:{}:{}: {hl}{}{reset} [{}/{sev}{}{reset}] {} {:?}",
                    pos.line,
                    pos.col + 1,
                    Visible(text),
                    f.category_name(m.category()),
                    m.severity(),
                    m.kind().as_str(),
                    f.term(m.term()),
                )?;
                if !m.evasions().is_empty() {
                    let names: Vec<&str> = m.evasions().names().collect();
                    write!(self.out, " (evasions: {})", names.join(", "))?;
                }
                self.out.write_all(b"\n")
            }
        }
    }
}

/// Displays text on one line: control characters are escaped (`\n`, `\u{7}`).
pub struct Visible<'a>(pub &'a str);

impl std::fmt::Display for Visible<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write as _;
        for c in self.0.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                f.write_char(c)?;
            }
        }
        Ok(())
    }
}
