//! The `jingwang` command line, run as a built binary: each subcommand, exact JSON, exit codes, errors,
//! broken pipes, streaming across chunk boundaries and stdin.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_jingwang");
const LEX: &str = "tests/data/cli/basic.lex";
const SAMPLE: &str = "tests/data/cli/sample.txt";

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Out {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn jingwang");
    let writer = stdin.map(|bytes| {
        let bytes = bytes.to_vec();
        let mut pipe = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        })
    });
    let output = child.wait_with_output().expect("wait for jingwang");
    if let Some(w) = writer {
        w.join().unwrap();
    }
    Out {
        code: output.status.code().expect("exit code"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn ok(args: &[&str], stdin: Option<&[u8]>) -> String {
    let out = run(args, stdin);
    assert_eq!(out.code, 0, "{args:?}: stderr {}", out.stderr);
    assert_eq!(out.stderr, "", "{args:?}");
    out.stdout
}

/// Asserts a failure with exit 2 and exactly one line on stderr, and returns that line.
fn fails(args: &[&str], stdin: Option<&[u8]>) -> String {
    let out = run(args, stdin);
    assert_eq!(
        out.code, 2,
        "{args:?}: stdout {} stderr {}",
        out.stdout, out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1, "{args:?}: {}", out.stderr);
    assert!(out.stderr.starts_with("jingwang: "), "{}", out.stderr);
    out.stderr.trim_end().to_string()
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A tiny JSON syntax checker: `Ok` when `s` is exactly one JSON value.
fn check_json(s: &str) -> Result<(), String> {
    struct P<'a>(&'a [u8], usize);
    impl P<'_> {
        fn ws(&mut self) {
            while self.1 < self.0.len() && b" \t\r\n".contains(&self.0[self.1]) {
                self.1 += 1;
            }
        }
        fn eat(&mut self, b: u8) -> Result<(), String> {
            self.ws();
            if self.0.get(self.1) == Some(&b) {
                self.1 += 1;
                Ok(())
            } else {
                Err(format!("expected {:?} at {}", b as char, self.1))
            }
        }
        fn value(&mut self) -> Result<(), String> {
            self.ws();
            match self.0.get(self.1) {
                Some(b'{') => self.seq(b'}', true),
                Some(b'[') => self.seq(b']', false),
                Some(b'"') => self.string(),
                Some(b'-' | b'0'..=b'9') => {
                    self.1 += 1;
                    while self.1 < self.0.len() && self.0[self.1].is_ascii_digit() {
                        self.1 += 1;
                    }
                    Ok(())
                }
                _ => ["true", "false", "null"]
                    .iter()
                    .find(|w| self.0[self.1..].starts_with(w.as_bytes()))
                    .map(|w| self.1 += w.len())
                    .ok_or_else(|| format!("bad value at {}", self.1)),
            }
        }
        fn seq(&mut self, close: u8, object: bool) -> Result<(), String> {
            self.1 += 1;
            self.ws();
            if self.0.get(self.1) == Some(&close) {
                self.1 += 1;
                return Ok(());
            }
            loop {
                if object {
                    self.ws();
                    self.string()?;
                    self.eat(b':')?;
                }
                self.value()?;
                self.ws();
                match self.0.get(self.1) {
                    Some(b',') => self.1 += 1,
                    Some(&c) if c == close => {
                        self.1 += 1;
                        return Ok(());
                    }
                    _ => return Err(format!("expected , or close at {}", self.1)),
                }
            }
        }
        fn string(&mut self) -> Result<(), String> {
            self.eat(b'"')?;
            while let Some(&b) = self.0.get(self.1) {
                self.1 += 1;
                match b {
                    b'"' => return Ok(()),
                    b'\\' => match self.0.get(self.1) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.1 += 1,
                        Some(b'u')
                            if self.0.len() >= self.1 + 5
                                && self.0[self.1 + 1..self.1 + 5]
                                    .iter()
                                    .all(u8::is_ascii_hexdigit) =>
                        {
                            self.1 += 5
                        }
                        _ => return Err(format!("bad escape at {}", self.1)),
                    },
                    0..=0x1F => return Err(format!("raw control byte at {}", self.1)),
                    _ => {}
                }
            }
            Err("unterminated string".into())
        }
    }
    let mut p = P(s.as_bytes(), 0);
    p.value()?;
    p.ws();
    if p.1 == s.len() {
        Ok(())
    } else {
        Err(format!("trailing data at {}", p.1))
    }
}

fn check_json_lines(out: &str) {
    for line in out.lines() {
        check_json(line).unwrap_or_else(|e| panic!("{e}: {line}"));
    }
}

#[test]
fn json_checker_rejects_bad_json() {
    assert!(check_json(r#"{"a": [1, "x\n", {}], "b": []}"#).is_ok());
    assert!(check_json(r#"{"a": "x"#).is_err());
    assert!(check_json("{\"a\": \"\u{1}\"}").is_err());
    assert!(check_json(r#"{"a": "\q"}"#).is_err());
    assert!(check_json(r#"{"a" 1}"#).is_err());
}

// ---- scan: text ----

#[test]
fn scan_text_reports_file_line_col_category_term_and_evasions() {
    let out = ok(&["scan", "--no-default", "--lexicon", LEX, SAMPLE], None);
    assert_eq!(
        out,
        "tests/data/cli/sample.txt:1:3: 槍支 [firearms/high] term \"枪支\" (evasions: traditional)\n\
         tests/data/cli/sample.txt:4:20: 冰 毒 [drugs/critical] term \"冰毒\" (evasions: separator)\n"
    );
    // --lines gives the same text report.
    assert_eq!(
        ok(
            &["scan", "--lines", "--no-default", "--lexicon", LEX, SAMPLE],
            None
        ),
        out
    );
}

#[test]
fn scan_text_colours_only_when_asked() {
    let plain = ok(&["scan", "--no-default", "--lexicon", LEX, SAMPLE], None);
    assert!(!plain.contains('\x1b'));
    assert_eq!(
        ok(
            &[
                "scan",
                "--color",
                "never",
                "--no-default",
                "--lexicon",
                LEX,
                SAMPLE
            ],
            None
        ),
        plain
    );
    let coloured = ok(
        &[
            "scan",
            "--color",
            "always",
            "--no-default",
            "--lexicon",
            LEX,
            SAMPLE,
        ],
        None,
    );
    assert!(coloured.contains("\x1b[1;31m槍支\x1b[0m"), "{coloured}");
    assert!(
        coloured.contains("[firearms/\x1b[31mhigh\x1b[0m]"),
        "{coloured}"
    );
}

#[test]
fn scan_reads_stdin_when_no_file_or_dash() {
    let input = "卖冰毒\n".as_bytes();
    let expected = "<stdin>:1:2: 冰毒 [drugs/critical] term \"冰毒\"\n";
    assert_eq!(
        ok(&["scan", "--no-default", "--lexicon", LEX], Some(input)),
        expected
    );
    assert_eq!(
        ok(
            &["scan", "--lines", "--no-default", "--lexicon", LEX, "-"],
            Some(input)
        ),
        expected
    );
}

#[test]
fn scan_category_and_severity_filters() {
    let input = "冰毒 枪支 13800138000\n".as_bytes();
    let only = |extra: &[&str]| {
        let mut args = vec!["scan", "--format", "json", "--no-default", "--lexicon", LEX];
        args.extend_from_slice(extra);
        ok(&args, Some(input))
    };
    let all = only(&[]);
    assert!(
        all.contains("\"drugs\"") && all.contains("\"firearms\"") && all.contains("\"contact\"")
    );
    let drugs = only(&["--category", "drugs"]);
    assert!(
        drugs.contains("\"drugs\"")
            && !drugs.contains("\"firearms\"")
            && !drugs.contains("\"contact\"")
    );
    let two = only(&["--category", "drugs", "--category", "contact"]);
    assert!(
        two.contains("\"drugs\"") && two.contains("\"contact\"") && !two.contains("\"firearms\"")
    );
    let high = only(&["--min-severity", "high"]);
    assert!(
        high.contains("\"drugs\"")
            && high.contains("\"firearms\"")
            && !high.contains("\"contact\"")
    );
    let critical = only(&["--min-severity", "CRITICAL"]);
    assert!(critical.contains("\"drugs\"") && !critical.contains("\"firearms\""));
}

#[test]
fn scan_unknown_category_or_severity_is_an_error() {
    let err = fails(
        &[
            "scan",
            "--category",
            "nope",
            "--no-default",
            "--lexicon",
            LEX,
        ],
        Some(b""),
    );
    assert_eq!(
        err,
        "jingwang: unknown category \"nope\" (the filter has: firearms, drugs, contact)"
    );
    let out = run(
        &[
            "scan",
            "--min-severity",
            "extreme",
            "--no-default",
            "--lexicon",
            LEX,
        ],
        Some(b""),
    );
    assert_eq!(out.code, 2);
}

// ---- scan: JSON ----

#[test]
fn scan_json_lines_is_exact() {
    let out = ok(
        &[
            "scan",
            "--lines",
            "--format",
            "json",
            "--no-default",
            "--lexicon",
            LEX,
            SAMPLE,
        ],
        None,
    );
    assert_eq!(
        out,
        concat!(
            r#"{"line": 1, "matches": [{"start": 6, "end": 12, "term": "枪支", "category": "firearms", "severity": "high", "kind": "term", "evasions": ["traditional"], "text": "槍支"}]}"#,
            "\n",
            r#"{"line": 2, "matches": []}"#,
            "\n",
            r#"{"line": 3, "matches": []}"#,
            "\n",
            r#"{"line": 4, "matches": [{"start": 19, "end": 26, "term": "冰毒", "category": "drugs", "severity": "critical", "kind": "term", "evasions": ["separator"], "text": "冰 毒"}]}"#,
            "\n"
        )
    );
    check_json_lines(&out);
}

#[test]
fn scan_json_whole_file_offsets_are_file_offsets() {
    let out = ok(
        &[
            "scan",
            "--format",
            "json",
            "--no-default",
            "--lexicon",
            LEX,
            SAMPLE,
        ],
        None,
    );
    assert_eq!(
        out,
        concat!(
            r#"{"matches": [{"start": 6, "end": 12, "term": "枪支", "category": "firearms", "severity": "high", "kind": "term", "evasions": ["traditional"], "text": "槍支"}, "#,
            r#"{"start": 78, "end": 85, "term": "冰毒", "category": "drugs", "severity": "critical", "kind": "term", "evasions": ["separator"], "text": "冰 毒"}]}"#,
            "\n"
        )
    );
    let sample =
        std::fs::read_to_string(format!("{}/{SAMPLE}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert_eq!(&sample[78..85], "冰 毒");
    check_json_lines(&out);
}

#[test]
fn scan_json_rules_and_escaping() {
    let lex = temp("quote.lex", "[odd severity=low]\n\"冰毒\\\\\n".as_bytes());
    let lex = lex.to_str().unwrap();
    let input = "x冰*毒 call 13800138000\r\n".as_bytes();
    let out = ok(
        &[
            "scan",
            "--lines",
            "--format",
            "json",
            "--no-default",
            "--lexicon",
            lex,
            "--lexicon",
            LEX,
        ],
        Some(input),
    );
    assert_eq!(
        out,
        concat!(
            r#"{"line": 1, "matches": [{"start": 1, "end": 8, "term": "\"冰毒\\", "category": "odd", "severity": "low", "kind": "term", "evasions": ["separator"], "text": "冰*毒"}, "#,
            r#"{"start": 1, "end": 8, "term": "冰毒", "category": "drugs", "severity": "critical", "kind": "term", "evasions": ["separator"], "text": "冰*毒"}, "#,
            r#"{"start": 14, "end": 25, "term": "mobile", "category": "contact", "severity": "low", "kind": "rule", "evasions": [], "text": "13800138000"}]}"#,
            "\n"
        )
    );
    check_json_lines(&out);
}

#[test]
fn scan_json_one_object_per_file_even_without_matches() {
    let empty = temp("empty.txt", b"");
    let out = ok(
        &[
            "scan",
            "--format",
            "json",
            "--no-default",
            "--lexicon",
            LEX,
            empty.to_str().unwrap(),
            SAMPLE,
        ],
        None,
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0], r#"{"matches": []}"#);
    assert!(lines[1].starts_with(r#"{"matches": [{"start": 6,"#));
    check_json_lines(&out);
}

// ---- exit codes ----

#[test]
fn fail_on_match_exits_1_only_when_something_matched() {
    let hit = run(
        &["scan", "--fail-on-match", "--no-default", "--lexicon", LEX],
        Some("冰毒".as_bytes()),
    );
    assert_eq!(hit.code, 1);
    assert!(hit.stdout.contains("冰毒"));
    assert_eq!(hit.stderr, "");
    let clean = run(
        &["scan", "--fail-on-match", "--no-default", "--lexicon", LEX],
        Some(b"nothing here"),
    );
    assert_eq!(clean.code, 0);
    // Filtered-out matches do not count.
    let filtered = run(
        &[
            "scan",
            "--fail-on-match",
            "--category",
            "firearms",
            "--no-default",
            "--lexicon",
            LEX,
        ],
        Some("冰毒".as_bytes()),
    );
    assert_eq!(filtered.code, 0);
    assert_eq!(filtered.stdout, "");
    // Without the flag a match is still exit 0.
    assert_eq!(
        run(
            &["scan", "--no-default", "--lexicon", LEX],
            Some("冰毒".as_bytes())
        )
        .code,
        0
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["scan", "--no-such-flag"], None).code, 2);
    assert_eq!(run(&["frobnicate"], None).code, 2);
    assert_eq!(
        run(
            &["scan", "--format", "xml", "--no-default", "--lexicon", LEX],
            None
        )
        .code,
        2
    );
}

// ---- errors ----

#[test]
fn missing_file_is_one_line_exit_2() {
    let err = fails(
        &["scan", "--no-default", "--lexicon", LEX, "no/such/file.txt"],
        None,
    );
    assert_eq!(err, "jingwang: no/such/file.txt: No such file or directory");
}

#[test]
fn directory_instead_of_file_is_one_line_exit_2() {
    for cmd in ["scan", "mask"] {
        let err = fails(&[cmd, "--no-default", "--lexicon", LEX, "tests/data"], None);
        assert_eq!(err, "jingwang: tests/data: Is a directory");
    }
    let err = fails(
        &["scan", "--no-default", "--lexicon", "tests/data", SAMPLE],
        None,
    );
    assert_eq!(err, "jingwang: tests/data: Is a directory");
    let err = fails(&["scan", "--filter", "tests/data", SAMPLE], None);
    assert_eq!(err, "jingwang: tests/data: Is a directory");
}

#[test]
fn missing_lexicon_or_bad_lexicon_is_one_line_exit_2() {
    let err = fails(
        &["scan", "--no-default", "--lexicon", "nope.lex"],
        Some(b""),
    );
    assert_eq!(
        err,
        "jingwang: nope.lex: cannot read lexicon: No such file or directory"
    );
    let err = fails(
        &[
            "scan",
            "--no-default",
            "--lexicon",
            "tests/data/cli/bad.lex",
        ],
        Some(b""),
    );
    assert_eq!(
        err,
        "jingwang: tests/data/cli/bad.lex:2:7: unknown attribute \"foo\""
    );
    let err = fails(&["scan", "--no-default"], Some(b""));
    assert!(err.starts_with("jingwang: no lexicon"), "{err}");
}

#[test]
fn invalid_utf8_reports_file_line_col() {
    let mut bytes = "ok 冰毒\n第二行".as_bytes().to_vec();
    bytes.push(0xC3); // a lead byte followed by ASCII: invalid
    bytes.extend_from_slice(b"x\nmore\n");
    let path = temp("bad-utf8.txt", &bytes);
    let name = path.to_str().unwrap();
    let expected = format!("jingwang: {name}:2:4: invalid UTF-8");
    assert_eq!(
        fails(
            &["scan", "--lines", "--no-default", "--lexicon", LEX, name],
            None
        ),
        expected
    );
    assert_eq!(
        fails(&["scan", "--no-default", "--lexicon", LEX, name], None),
        expected
    );
    assert_eq!(
        fails(
            &[
                "scan",
                "--chunk-size",
                "3",
                "--chunk-overlap",
                "2",
                "--no-default",
                "--lexicon",
                LEX,
                name
            ],
            None
        ),
        expected
    );
    assert_eq!(
        fails(&["mask", "--no-default", "--lexicon", LEX, name], None),
        expected
    );
    // What came before the error was still reported.
    let out = run(
        &["scan", "--lines", "--no-default", "--lexicon", LEX, name],
        None,
    );
    assert!(out.stdout.contains(":1:4: 冰毒"), "{}", out.stdout);
    // From stdin, too.
    let err = fails(&["scan", "--no-default", "--lexicon", LEX], Some(&bytes));
    assert_eq!(err, "jingwang: <stdin>:2:4: invalid UTF-8");
}

#[test]
fn truncated_utf8_at_end_of_input_is_reported() {
    let mut bytes = "冰毒".as_bytes().to_vec();
    bytes.extend_from_slice(&"枪".as_bytes()[..2]);
    let err = fails(&["scan", "--no-default", "--lexicon", LEX], Some(&bytes));
    assert_eq!(err, "jingwang: <stdin>:1:3: invalid UTF-8");
}

// ---- broken pipe ----

#[test]
fn broken_pipe_is_quiet_success() {
    let big: String = (0..50_000).map(|i| format!("line {i} 冰毒\n")).collect();
    let path = temp("many-matches.txt", big.as_bytes());
    for lines in [false, true] {
        let mut args = vec![
            "scan",
            "--no-default",
            "--lexicon",
            LEX,
            path.to_str().unwrap(),
        ];
        if lines {
            args.push("--lines");
        }
        let mut child = Command::new(BIN)
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The reader is dropped here: the pipe is closed.
        assert!(first.contains("冰毒"), "{first}");
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "stderr: {stderr}");
        assert_eq!(stderr, "");
    }
}

// ---- streaming across chunk boundaries ----

/// Builds an input with known matches, some of them across every small chunk boundary.
fn generated(with_lines: bool) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut expected = Vec::new();
    let fillers = ["好", "ab ", "人", "。", "x", "中文"];
    for i in 0..400 {
        text.push_str(fillers[i % fillers.len()]);
        if i % 7 == 3 {
            let start = text.len();
            // Disguised: traditional and a separator inside the term.
            text.push_str(if i % 2 == 0 { "槍 支" } else { "冰*毒" });
            expected.push((start, text.len()));
        }
        if with_lines && i % 50 == 49 {
            text.push('\n');
        }
    }
    (text, expected)
}

fn spans_from_json(out: &str) -> Vec<(usize, usize)> {
    check_json_lines(out);
    let mut spans = Vec::new();
    for part in out.split("{\"start\": ").skip(1) {
        let (start, rest) = part.split_once(", \"end\": ").unwrap();
        let end = rest.split_once(',').unwrap().0;
        spans.push((start.parse().unwrap(), end.parse().unwrap()));
    }
    spans
}

#[test]
fn chunk_boundaries_find_each_match_once_with_file_offsets() {
    for with_lines in [false, true] {
        let (text, expected) = generated(with_lines);
        let path = temp(&format!("chunks-{with_lines}.txt"), text.as_bytes());
        let name = path.to_str().unwrap();
        let whole = ok(
            &[
                "scan",
                "--format",
                "json",
                "--no-default",
                "--lexicon",
                LEX,
                name,
            ],
            None,
        );
        assert_eq!(spans_from_json(&whole), expected);
        assert_eq!(whole.lines().count(), 1);
        for (chunk, overlap) in [("1", "16"), ("13", "40"), ("200", "100")] {
            let out = ok(
                &[
                    "scan",
                    "--format",
                    "json",
                    "--chunk-size",
                    chunk,
                    "--chunk-overlap",
                    overlap,
                    "--no-default",
                    "--lexicon",
                    LEX,
                    name,
                ],
                None,
            );
            assert_eq!(
                out, whole,
                "chunk {chunk} overlap {overlap} lines {with_lines}"
            );
        }
        // Lines and columns match a line-by-line scan.
        let by_line = ok(
            &["scan", "--lines", "--no-default", "--lexicon", LEX, name],
            None,
        );
        assert_eq!(
            ok(
                &[
                    "scan",
                    "--chunk-size",
                    "7",
                    "--no-default",
                    "--lexicon",
                    LEX,
                    name
                ],
                None
            ),
            by_line
        );
    }
}

#[test]
fn default_chunk_size_streams_a_large_input() {
    // A little over 2 MiB without line breaks; the 1 MiB cut falls on the space inside the match.
    let mut text = "好".repeat((1 << 20) / 3 - 1);
    text.push('x');
    let start = text.len();
    text.push_str("冰 毒");
    text.push_str(&"a".repeat(1 << 20));
    let path = temp("large.txt", text.as_bytes());
    assert_eq!(start + 3, 1 << 20);
    let out = ok(
        &[
            "scan",
            "--format",
            "json",
            "--no-default",
            "--lexicon",
            LEX,
            path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(spans_from_json(&out), vec![(start, start + 7)]);
}

// ---- mask ----

#[test]
fn mask_masks_matches_and_keeps_everything_else() {
    let out = ok(&["mask", "--no-default", "--lexicon", LEX, SAMPLE], None);
    assert_eq!(
        out,
        "出售**，货到付款\n儿童水枪玩具\nhello world\nhe has a G U N and ***\n"
    );
    let out = ok(
        &["mask", "--mask-char", "█", "--no-default", "--lexicon", LEX],
        Some("a\r\n卖冰毒\r\nlast".as_bytes()),
    );
    assert_eq!(out, "a\r\n卖██\r\nlast");
}

// ---- compile and saved filters ----

#[test]
fn compile_then_scan_with_the_saved_filter() {
    let saved = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-basic.jwf");
    let saved = saved.to_str().unwrap();
    assert_eq!(
        ok(
            &["compile", "--no-default", "--lexicon", LEX, "-o", saved],
            None
        ),
        ""
    );
    let direct = ok(
        &[
            "scan",
            "--lines",
            "--format",
            "json",
            "--no-default",
            "--lexicon",
            LEX,
            SAMPLE,
        ],
        None,
    );
    let loaded = ok(
        &[
            "scan", "--lines", "--format", "json", "--filter", saved, SAMPLE,
        ],
        None,
    );
    assert_eq!(loaded, direct);
    assert_eq!(
        ok(&["mask", "--filter", saved, SAMPLE], None),
        ok(&["mask", "--no-default", "--lexicon", LEX, SAMPLE], None)
    );
    // A damaged saved filter is a one-line error.
    let mut bytes = std::fs::read(saved).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xFF;
    let bad = temp("damaged.jwf", &bytes);
    let err = fails(&["scan", "--filter", bad.to_str().unwrap(), SAMPLE], None);
    assert!(
        err.starts_with(&format!("jingwang: {}: ", bad.display())),
        "{err}"
    );
    let not_filter = fails(&["scan", "--filter", SAMPLE, SAMPLE], None);
    assert!(
        not_filter.starts_with("jingwang: tests/data/cli/sample.txt: "),
        "{not_filter}"
    );
}

#[test]
fn compile_errors_are_one_line() {
    let err = fails(
        &[
            "compile",
            "--no-default",
            "--lexicon",
            "tests/data/cli/bad.lex",
            "-o",
            "/dev/null",
        ],
        None,
    );
    assert_eq!(
        err,
        "jingwang: tests/data/cli/bad.lex:2:7: unknown attribute \"foo\""
    );
    let err = fails(
        &[
            "compile",
            "--no-default",
            "--lexicon",
            LEX,
            "-o",
            "no/such/dir/out.jwf",
        ],
        None,
    );
    assert_eq!(
        err,
        "jingwang: no/such/dir/out.jwf: No such file or directory"
    );
    assert_eq!(
        run(&["compile", "--no-default", "--lexicon", LEX], None).code,
        2
    );
}

#[test]
fn filter_conflicts_with_lexicon_options() {
    assert_eq!(
        run(
            &[
                "scan",
                "--filter",
                "a.jwf",
                "--no-default",
                "--lexicon",
                LEX
            ],
            None
        )
        .code,
        2
    );
}

// ---- check-lexicon ----

#[test]
fn check_lexicon_lists_every_error_and_exits_2() {
    let out = run(&["check-lexicon", "tests/data/cli/bad.lex", LEX], None);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stdout,
        "tests/data/cli/bad.lex:2:7: unknown attribute \"foo\"\n\
         tests/data/cli/bad.lex:4:1: section header has no name\n\
         tests/data/cli/basic.lex: 3 terms, 1 allow entry, 1 rule\n"
    );
}

#[test]
fn check_lexicon_summary_exit_0() {
    let out = ok(&["check-lexicon", LEX], None);
    assert_eq!(
        out,
        "tests/data/cli/basic.lex: 3 terms, 1 allow entry, 1 rule\n"
    );
}

#[test]
fn check_lexicon_catches_build_errors_and_missing_files() {
    let lex = temp("badregex.lex", b"ok\nregex: (unclosed | name=x\n");
    let out = run(
        &[
            "check-lexicon",
            lex.to_str().unwrap(),
            "missing.lex",
            "tests/data",
        ],
        None,
    );
    assert_eq!(out.code, 2);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    assert!(
        lines[0].starts_with(&format!("{}:2:", lex.display())),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines[1],
        "missing.lex: cannot read lexicon: No such file or directory"
    );
    assert_eq!(lines[2], "tests/data: Is a directory");
}

// ---- explain ----

#[test]
fn explain_shows_canonical_origins_and_why() {
    let out = ok(
        &["explain", "--no-default", "--lexicon", LEX, "出售槍*支"],
        None,
    );
    assert_eq!(
        out,
        "text:      出售槍*支\n\
         canonical: 出售枪支\n\
         origins:\n  \
           出\t0..3\t\"出\"\n  \
           售\t3..6\t\"售\"\n  \
           枪\t6..9\t\"槍\"\ttraditional\n  \
           支\t10..13\t\"支\"\tseparator\n\
         matches:\n  \
           6..13 \"槍*支\" [firearms/high] term \"枪支\"\n    \
             canonical text: 枪支\n    \
             term pattern:   枪支\n    \
             evasions:       traditional, separator\n"
    );
    let none = ok(
        &["explain", "--no-default", "--lexicon", LEX, "hello"],
        None,
    );
    assert!(none.ends_with("matches: none\n"), "{none}");
}

// ---- normalize ----

#[test]
fn normalize_prints_canonical_lines() {
    let out = ok(&["normalize"], Some("槍 支\nHello  World\n".as_bytes()));
    assert_eq!(out, "枪支\nhello world\n");
    let out = ok(&["normalize", "--explain"], Some("槍\n".as_bytes()));
    assert_eq!(out, "枪\n  枪\t0..3\t\"槍\"\ttraditional\n");
}

// ---- pinyin ----

#[test]
fn pinyin_flag_opts_terms_in_and_reaches_saved_filters() {
    let input = "sell bingdu now".as_bytes();
    assert_eq!(
        ok(&["scan", "--no-default", "--lexicon", LEX], Some(input)),
        ""
    );
    let expected = "<stdin>:1:6: bingdu [drugs/critical] term \"冰毒\" (evasions: pinyin)\n";
    assert_eq!(
        ok(
            &["scan", "--pinyin", "--no-default", "--lexicon", LEX],
            Some(input)
        ),
        expected
    );
    let saved = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-pinyin.jwf");
    let saved = saved.to_str().unwrap();
    ok(
        &[
            "compile",
            "--pinyin",
            "--no-default",
            "--lexicon",
            LEX,
            "-o",
            saved,
        ],
        None,
    );
    assert_eq!(ok(&["scan", "--filter", saved], Some(input)), expected);
}

#[test]
fn scan_uses_the_embedded_default_lexicon() {
    let out = run(
        &["scan", "--lines", "--format", "json"],
        Some("出售仿真槍，货到付款\n今天天气不错\n".as_bytes()),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut lines = out.stdout.lines();
    let first = lines.next().unwrap();
    assert!(first.contains("\"category\": \"firearms\""), "{first}");
    assert_eq!(lines.next(), Some(r#"{"line": 2, "matches": []}"#));
}
