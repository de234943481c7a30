//! A progress bar on stderr, drawn only when stderr is a terminal and the input is large.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

/// Inputs smaller than this get no progress bar.
const MIN_SIZE: u64 = 32 << 20;
const WIDTH: u64 = 30;

/// A progress bar for one input of known size.
pub struct Progress {
    total: u64,
    enabled: bool,
    drawn: bool,
    last: Instant,
}

impl Progress {
    /// A bar for an input of `size` bytes (none when the size is unknown or small, or stderr is no terminal).
    pub fn new(size: Option<u64>) -> Progress {
        let total = size.unwrap_or(0);
        Progress {
            total,
            enabled: total >= MIN_SIZE && io::stderr().is_terminal(),
            drawn: false,
            last: Instant::now(),
        }
    }

    /// Shows that `done` bytes were read, at most ten times a second.
    pub fn update(&mut self, name: &str, done: u64) {
        if !self.enabled || self.last.elapsed() < Duration::from_millis(100) {
            return;
        }
        self.last = Instant::now();
        let done = done.min(self.total);
        let filled = done * WIDTH / self.total;
        let bar: String = (0..WIDTH)
            .map(|i| if i < filled { '#' } else { '-' })
            .collect();
        let mut err = io::stderr().lock();
        // Progress is best effort: a failing stderr must not stop the scan.
        let _ = write!(
            err,
            "\r{name} [{bar}] {:3}% {}/{} MiB",
            done * 100 / self.total,
            done >> 20,
            self.total >> 20
        );
        let _ = err.flush();
        self.drawn = true;
    }

    /// Clears the bar.
    pub fn finish(&mut self) {
        if self.drawn {
            let _ = write!(io::stderr().lock(), "\r\x1b[K");
            self.drawn = false;
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
