//! `jingwang mask`, `compile`, `check-lexicon` and `explain`.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use jingwang::{Filter, Lexicon, Scratch, BREAK};

use super::scan::Visible;
use super::{
    build_filter, check_not_dir, content_len, for_each_input, line_str, out_err, read_raw_line,
    strip_os_error, CliError, FilterArgs,
};

/// The options of `jingwang mask`.
#[derive(Args, Debug)]
pub struct MaskArgs {
    #[command(flatten)]
    filter: FilterArgs,
    /// The character written over matched text (default: the filter's, `*`).
    #[arg(long, value_name = "C")]
    mask_char: Option<char>,
    /// Input files (UTF-8); standard input when none is given or for "-".
    files: Vec<PathBuf>,
}

/// Runs `mask`: prints each line with its matches masked, line breaks kept as they were.
pub fn mask(args: &MaskArgs) -> Result<ExitCode, CliError> {
    let filter = build_filter(&args.filter, args.mask_char)?;
    let mask_char = args.mask_char.unwrap_or_else(|| filter.mask_char());
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let (mut raw, mut masked, mut scratch) = (Vec::new(), String::new(), Scratch::new());
    let result = for_each_input(&args.files, |mut input| {
        let mut number = 0;
        while read_raw_line(&input.name, &mut *input.reader, &mut raw)? {
            number += 1;
            let n = content_len(&raw);
            let line = line_str(&input.name, number, &raw[..n])?;
            filter.mask_into(line, mask_char, &mut scratch, &mut masked);
            out.write_all(masked.as_bytes()).map_err(out_err)?;
            out.write_all(&raw[n..]).map_err(out_err)?;
        }
        Ok(())
    })
    .and_then(|()| out.flush().map_err(out_err));
    finish(result, &mut out)
}

/// Maps a broken pipe to success and flushes what was written before an error.
fn finish(result: Result<(), CliError>, out: &mut impl Write) -> Result<ExitCode, CliError> {
    match result {
        Ok(()) | Err(CliError::BrokenPipe) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            let _ = out.flush();
            Err(e)
        }
    }
}

/// The options of `jingwang compile`.
#[derive(Args, Debug)]
pub struct CompileArgs {
    /// A lexicon file (repeatable).
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<PathBuf>,
    /// Do not include the embedded default lexicon.
    #[arg(long)]
    no_default: bool,
    /// Also match terms in pinyin unless a term says `nopinyin`.
    #[arg(long)]
    pinyin: bool,
    /// Where to write the saved filter.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: PathBuf,
}

/// Runs `compile`: builds the filter and writes it with `Filter::to_bytes`.
pub fn compile(args: &CompileArgs) -> Result<ExitCode, CliError> {
    let filter = build_filter(
        &FilterArgs {
            lexicons: args.lexicons.clone(),
            no_default: args.no_default,
            filter: None,
            pinyin: args.pinyin,
        },
        None,
    )?;
    let name = args.output.display().to_string();
    std::fs::write(&args.output, filter.to_bytes()).map_err(|e| CliError::io(&name, &e))?;
    Ok(ExitCode::SUCCESS)
}

/// The options of `jingwang check-lexicon`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Lexicon files to validate.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Runs `check-lexicon`: every error as `file:line:col: message` on stdout and exit 2, or a summary per
/// file and exit 0. A file that parses is also compiled, which catches regexes that do not compile and
/// terms that normalise to nothing.
pub fn check_lexicon(args: &CheckArgs) -> Result<ExitCode, CliError> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = false;
    let result = (|| {
        for path in &args.files {
            let name = path.display().to_string();
            if let Err(CliError::Message(m)) = check_not_dir(path, &name) {
                writeln!(out, "{m}").map_err(out_err)?;
                failed = true;
                continue;
            }
            let (lexicon, errors) = Lexicon::from_file_all(path);
            for e in &errors {
                writeln!(out, "{}", strip_os_error(&e.to_string())).map_err(out_err)?;
            }
            if !errors.is_empty() {
                failed = true;
                continue;
            }
            let summary = format!(
                "{name}: {}, {}, {}",
                plural(lexicon.terms.len(), "term", "terms"),
                plural(lexicon.allows.len(), "allow entry", "allow entries"),
                plural(
                    lexicon.regexes.len() + lexicon.co_rules.len(),
                    "rule",
                    "rules"
                ),
            );
            if let Err(e) = Filter::builder().add_parsed(lexicon).build() {
                writeln!(out, "{}", strip_os_error(&e.to_string())).map_err(out_err)?;
                failed = true;
                continue;
            }
            writeln!(out, "{summary}").map_err(out_err)?;
        }
        out.flush().map_err(out_err)
    })();
    match result {
        Ok(()) | Err(CliError::BrokenPipe) if failed => Ok(ExitCode::from(2)),
        Ok(()) | Err(CliError::BrokenPipe) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e),
    }
}

/// The options of `jingwang explain`.
#[derive(Args, Debug)]
pub struct ExplainArgs {
    #[command(flatten)]
    filter: FilterArgs,
    /// The text to explain.
    text: String,
}

/// Runs `explain`: the canonical form, the origin of each canonical character and every match with why.
pub fn explain(args: &ExplainArgs) -> Result<ExitCode, CliError> {
    let filter = build_filter(&args.filter, None)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let result = write_explain(&mut out, &filter, &args.text)
        .and_then(|()| out.flush())
        .map_err(out_err);
    finish(result, &mut out)
}

fn shown(c: char) -> String {
    if c == BREAK {
        "⏎".to_string()
    } else {
        c.to_string()
    }
}

fn write_explain(out: &mut impl Write, filter: &Filter, text: &str) -> io::Result<()> {
    let normalizer = filter.normalizer();
    let canon = normalizer.normalize(text);
    writeln!(out, "text:      {}", Visible(text))?;
    let canonical: String = canon.text().chars().map(shown).collect();
    writeln!(out, "canonical: {canonical}")?;
    writeln!(out, "origins:")?;
    for (ch, c) in canon.iter() {
        let origin = c.origin();
        write!(
            out,
            "  {}\t{}..{}\t{:?}",
            shown(ch),
            origin.start(),
            origin.end(),
            text.get(origin.range()).unwrap_or_default()
        )?;
        if !c.evasions.is_empty() {
            let names: Vec<&str> = c.evasions.names().collect();
            write!(out, "\t{}", names.join(", "))?;
        }
        writeln!(out)?;
    }
    let matches = filter.find_all(text);
    if matches.is_empty() {
        return writeln!(out, "matches: none");
    }
    writeln!(out, "matches:")?;
    for m in &matches {
        let term = filter.term(m.term());
        writeln!(
            out,
            "  {}..{} {:?} [{}/{}] {} {:?}",
            m.start(),
            m.end(),
            text.get(m.start()..m.end()).unwrap_or_default(),
            filter.category_name(m.category()),
            m.severity(),
            m.kind().as_str(),
            term
        )?;
        // The canonical characters that came from inside the match: what the automaton saw.
        let seen: String = canon
            .iter()
            .filter(|(_, c)| c.origin().start() >= m.start() && c.origin().end() <= m.end())
            .map(|(ch, _)| shown(ch))
            .collect();
        writeln!(out, "    canonical text: {seen}")?;
        if m.kind() == jingwang::MatchKind::Term {
            let pattern: String = normalizer
                .normalize(term)
                .text()
                .chars()
                .map(shown)
                .collect();
            writeln!(out, "    term pattern:   {pattern}")?;
        }
        if m.evasions().is_empty() {
            writeln!(out, "    evasions:       none")?;
        } else {
            let names: Vec<&str> = m.evasions().names().collect();
            writeln!(out, "    evasions:       {}", names.join(", "))?;
        }
    }
    Ok(())
}
