//! A line filter service with hot reload: the pattern for services that use jingwang.
//!
//! ```text
//! cargo run --release --example service -- LEXICON              # filter stdin to stdout
//! cargo run --release --example service -- LEXICON 127.0.0.1:7878  # serve TCP clients, a line each way
//! ```
//!
//! Every input line is written back with its matches masked (`*`); a line of invalid UTF-8 is answered
//! with `!invalid utf-8`, a line longer than 1 MiB with `!line too long` (and skipped to its end), so
//! one client cannot make the service hold unbounded memory. Matches are logged on stderr.
//!
//! The lexicon file is polled every half second; when its modification time or size changes it is
//! rebuilt on the reloading thread and swapped in. A lexicon that does not build is reported and the
//! previous filter stays in service. The swap is a `RwLock<Filter>`: readers clone the filter (an `Arc`
//! bump) under the read lock and scan without holding it, so a swap never waits for a scan, a scan
//! always sees one complete filter, and the old filter is freed when its last scan ends.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::thread;
use std::time::{Duration, SystemTime};

use jingwang::{Filter, Scratch};

/// The longest line accepted, in bytes (without its line break).
const MAX_LINE: usize = 1 << 20;
/// How often the lexicon file is checked for changes.
const POLL: Duration = Duration::from_millis(500);

/// The filter in service, swapped atomically by the reloader.
struct Current {
    filter: RwLock<Filter>,
}

impl Current {
    /// The filter to scan with: a cheap clone, so the lock is held only for the clone.
    fn get(&self) -> Filter {
        match self.filter.read() {
            Ok(f) => f.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn set(&self, filter: Filter) {
        match self.filter.write() {
            Ok(mut f) => *f = filter,
            Err(poisoned) => *poisoned.into_inner() = filter,
        }
    }
}

fn build(path: &Path) -> Result<Filter, jingwang::BuildError> {
    Filter::builder().add_lexicon_file(path).build()
}

/// The file's change stamp: modification time and size (either changing triggers a reload).
fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Polls the lexicon file forever, swapping in a rebuilt filter after each change.
fn reload_loop(path: PathBuf, current: Arc<Current>) {
    let mut last = stamp(&path);
    loop {
        thread::sleep(POLL);
        let now = stamp(&path);
        if now == last {
            continue;
        }
        last = now;
        match build(&path) {
            Ok(f) => {
                eprintln!(
                    "service: reloaded {}: {} terms",
                    path.display(),
                    f.term_count()
                );
                current.set(f);
            }
            Err(e) => eprintln!("service: reload failed, keeping the previous filter: {e}"),
        }
    }
}

/// Reads one line of at most `MAX_LINE` bytes into `buf` (without the line break). Returns `false` at
/// the end of input; a longer line is consumed to its end and reported with `too_long`.
fn read_line(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    too_long: &mut bool,
) -> io::Result<bool> {
    buf.clear();
    *too_long = false;
    let n = reader
        .by_ref()
        .take(MAX_LINE as u64 + 1)
        .read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(false);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        return Ok(true);
    }
    if buf.len() > MAX_LINE {
        *too_long = true;
        // Skip the rest of the line without keeping it.
        let mut sink = Vec::new();
        loop {
            sink.clear();
            let n = reader
                .by_ref()
                .take(64 * 1024)
                .read_until(b'\n', &mut sink)?;
            if n == 0 || sink.last() == Some(&b'\n') {
                break;
            }
        }
    }
    Ok(true)
}

/// Filters lines from `input` to `output` until the end of input.
fn serve(current: &Current, input: impl Read, output: impl Write, peer: &str) -> io::Result<()> {
    let mut reader = BufReader::new(input);
    let mut writer = BufWriter::new(output);
    let mut scratch = Scratch::new();
    let mut matches = Vec::new();
    let mut masked = String::new();
    let mut line = Vec::new();
    let mut too_long = false;
    while read_line(&mut reader, &mut line, &mut too_long)? {
        if too_long {
            writeln!(writer, "!line too long")?;
        } else {
            match std::str::from_utf8(&line) {
                Err(_) => writeln!(writer, "!invalid utf-8")?,
                Ok(text) => {
                    let filter = current.get();
                    filter.find_all_with(text, &mut scratch, &mut matches);
                    for m in &matches {
                        eprintln!(
                            "service: {peer}: {:?} [{}] term {:?}",
                            &text[m.span().range()],
                            filter.category_name(m.category()),
                            filter.term(m.term())
                        );
                    }
                    filter.mask_into(text, '*', &mut scratch, &mut masked);
                    writeln!(writer, "{masked}")?;
                }
            }
        }
        // Answer each line at once when the input has no more buffered.
        if reader.buffer().is_empty() {
            writer.flush()?;
        }
    }
    writer.flush()
}

fn serve_tcp(current: Arc<Current>, addr: &str) -> io::Result<()> {
    let listener = TcpListener::bind(addr)?;
    eprintln!("service: listening on {}", listener.local_addr()?);
    for stream in listener.incoming() {
        let stream: TcpStream = match stream {
            Ok(s) => s,
            Err(e) => {
                eprintln!("service: accept failed: {e}");
                continue;
            }
        };
        let current = Arc::clone(&current);
        thread::spawn(move || {
            let peer = stream
                .peer_addr()
                .map_or_else(|_| "?".to_string(), |a| a.to_string());
            let result = stream
                .try_clone()
                .and_then(|input| serve(&current, input, stream, &peer));
            if let Err(e) = result {
                eprintln!("service: {peer}: {e}");
            }
        });
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (lexicon, addr) = match args.as_slice() {
        [lexicon] => (PathBuf::from(lexicon), None),
        [lexicon, addr] => (PathBuf::from(lexicon), Some(addr.clone())),
        _ => {
            eprintln!("usage: service LEXICON [127.0.0.1:PORT]");
            std::process::exit(2);
        }
    };
    let filter = match build(&lexicon) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("service: {e}");
            std::process::exit(2);
        }
    };
    let current = Arc::new(Current {
        filter: RwLock::new(filter),
    });
    {
        let current = Arc::clone(&current);
        thread::spawn(move || reload_loop(lexicon, current));
    }
    let result = match addr {
        Some(addr) => serve_tcp(current, &addr),
        None => serve(&current, io::stdin().lock(), io::stdout().lock(), "stdin"),
    };
    if let Err(e) = result {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("service: {e}");
            std::process::exit(2);
        }
    }
}
