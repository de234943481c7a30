//! Regression tests for bugs found while testing robustness (issue 7) whose fix belongs to code owned by
//! others. Each test is named for its bug and fails until the bug is fixed.

use std::process::Command;

use jingwang::{Filter, Severity, TermOptions};

const BIN: &str = env!("CARGO_BIN_EXE_jingwang");

fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("jingwang-pending-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Bug: with file descriptor 1 closed (`jingwang scan … >&-`), the CLI prints nothing, reports nothing
/// and exits 0, because Rust's standard output silently discards writes that fail with `EBADF`. Every
/// match is lost without a word. Issue 7 asks for one clear line and exit 2. A fix without `unsafe`:
/// at start, `std::io::stdout().as_fd().try_clone_to_owned()` fails with `EBADF` when fd 1 is closed.
#[test]
fn cli_closed_stdout_is_an_error_not_silent_success() {
    let lex = temp("closed.lex", "军火\n".as_bytes());
    let text = temp("closed.txt", "出售军火\n".repeat(1000).as_bytes());
    let out = Command::new("sh")
        .args([
            "-c",
            &format!(
                "\"$JW\" scan --no-default --lexicon '{}' '{}' >&-",
                lex.display(),
                text.display()
            ),
        ])
        .env("JW", BIN)
        .output()
        .expect("run sh");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr:?}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr:?}");
    assert!(lines[0].starts_with("jingwang: "), "{stderr:?}");
}

/// Bug: a Latin word longer than 64 characters (`MAX_TOKEN` in `src/normalize/stream.rs`) is cut into
/// tokens with a space written between them, which the input does not have. So `xy` × 32 + `gun`, one
/// 67-letter word, normalises to `…xyxy gun` and the whole-word term `gun` matches inside it (a false
/// positive), while `xy` × 31 + `gun` normalises to `…xygu n` and a term that matches anywhere
/// (`word: Some(false)`) misses `gun` (padding a word moves a term across the cut: an evasion).
#[test]
fn long_latin_word_is_not_split_at_64_chars() {
    let whole = Filter::new(["gun"]).unwrap();
    let text = format!("{}gun", "xy".repeat(32));
    assert!(
        whole.find_all(&text).is_empty(),
        "whole-word gun inside {text:?}"
    );
    let mut b = Filter::builder();
    b.add_term_with(
        "gun",
        "c",
        Severity::Medium,
        TermOptions {
            word: Some(false),
            ..TermOptions::default()
        },
    );
    let anywhere = b.build().unwrap();
    for k in [30, 31, 32, 40] {
        let text = format!("{}gun", "xy".repeat(k));
        assert_eq!(
            anywhere.find_all(&text).len(),
            1,
            "substring gun in {text:?}"
        );
    }
}
