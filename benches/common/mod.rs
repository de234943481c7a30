//! Corpus loading shared by the benches.
//!
//! The corpora are found through `JINGWANG_CORPORA` (a directory laid out like `../shared/corpora`); when it is
//! unset, `../shared/corpora` next to the crate is tried; when neither exists a small generated corpus is used
//! and the bench says so on stderr.

#![allow(dead_code)]

use std::path::PathBuf;

/// The corpus directory, if any.
pub fn corpora_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("JINGWANG_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora"));
    dir.is_dir().then_some(dir)
}

/// Reads up to `max` bytes of whole lines from `rel` under the corpus directory, or returns the
/// generated fallback text.
pub fn load(rel: &str, max: usize, fallback: fn() -> String) -> (String, &'static str) {
    if let Some(dir) = corpora_dir() {
        if let Ok(text) = std::fs::read_to_string(dir.join(rel)) {
            let mut out = String::with_capacity(max.min(text.len()));
            for line in text.lines() {
                if out.len() + line.len() + 1 > max {
                    break;
                }
                out.push_str(line);
                out.push('\n');
            }
            // Small corpora are repeated to reach the requested size.
            while out.len() * 2 <= max && !out.is_empty() {
                out = out.repeat(2);
            }
            return (out, "corpus");
        }
    }
    eprintln!(
        "jingwang bench: corpus file {rel} not found (set JINGWANG_CORPORA); using generated text"
    );
    let mut out = fallback();
    while out.len() < max {
        out = out.repeat(2);
    }
    out.truncate(floor_char_boundary(&out, max));
    (out, "generated")
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Generated Chinese user text (our own sentences).
pub fn generated_zh() -> String {
    "今天天气很好，我们去公园散步吧。这家店的服务态度非常好，菜也好吃，下次还会再来！\
     快递三天就到了，包装完好，手机用起来很流畅。酒店离地铁站很近，房间干净，早餐一般。\n"
        .to_string()
}

/// Generated English user text (our own sentences).
pub fn generated_en() -> String {
    "just got back from the beach, what a day! can't wait for the weekend lol\n\
     the new phone is great but the battery could be better. anyone tried it?\n\
     meeting moved to 3pm tomorrow, see you there. thanks for the help yesterday\n"
        .to_string()
}

/// Reads the files `rels` under the corpus directory and returns about `size` bytes of their lines
/// (the last line cut on a char boundary), repeated when the files are smaller; lines for which `keep`
/// is false are skipped. Falls back to `fallback` (and says so) when no file can be read.
pub fn sized(
    rels: &[&str],
    size: usize,
    fallback: fn() -> String,
    keep: &mut dyn FnMut(&str) -> bool,
) -> (String, &'static str) {
    let mut source = String::new();
    let mut origin = "corpus";
    if let Some(dir) = corpora_dir() {
        for rel in rels {
            if let Ok(text) = std::fs::read_to_string(dir.join(rel)) {
                source.push_str(&text);
                if !source.ends_with('\n') {
                    source.push('\n');
                }
            }
            if source.len() >= size * 2 {
                break;
            }
        }
    }
    if source.is_empty() {
        eprintln!(
            "jingwang bench: corpus files {rels:?} not found (set JINGWANG_CORPORA); using generated text"
        );
        source = fallback();
        origin = "generated";
    }
    let mut out = String::with_capacity(size + 64);
    let mut added = true;
    while out.len() < size && added {
        added = false;
        for line in source.lines() {
            if line.trim().is_empty() || !keep(line) {
                continue;
            }
            added = true;
            let room = size - out.len();
            if line.len() < room {
                out.push_str(line);
                out.push('\n');
            } else {
                // The last line is cut to fit; a cut that leaves nothing still ends the text.
                out.push_str(&line[..floor_char_boundary(line, room)]);
                return (out, origin);
            }
            if out.len() >= size {
                break;
            }
        }
    }
    (out, origin)
}

/// Han-only words of 2 to 6 characters from jieba's dictionary and THUOCL, in file order, without
/// duplicates; generated words when the word lists are absent.
pub fn cjk_words() -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let is_word = |w: &str| {
        let n = w.chars().count();
        (2..=6).contains(&n) && w.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    };
    if let Some(dir) = corpora_dir() {
        let mut files = vec![dir.join("wordlists/jieba_dict.txt")];
        if let Ok(rd) = std::fs::read_dir(dir.join("wordlists/thuocl")) {
            let mut more: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            more.sort();
            files.extend(more);
        }
        for f in files {
            if let Ok(text) = std::fs::read_to_string(&f) {
                for line in text.lines() {
                    let w = line.split_whitespace().next().unwrap_or("");
                    if is_word(w) && seen.insert(w.to_string()) {
                        out.push(w.to_string());
                    }
                }
            }
        }
    }
    if out.is_empty() {
        eprintln!(
            "jingwang bench: word lists not found (set JINGWANG_CORPORA); using generated terms"
        );
    }
    // Generated words fill up to the largest lexicon size when the lists are short or absent.
    let mut seed = 12345u32;
    while out.len() < 330_000 {
        let mut w = String::new();
        for _ in 0..3 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            w.push(char::from_u32(0x4e00 + (seed >> 8) % 8000).unwrap_or('一'));
        }
        if seen.insert(w.clone()) {
            out.push(w);
        }
    }
    out
}

/// Lower-case ASCII words of 4 to 20 letters from wamerican, without duplicates; generated words when
/// the list is absent.
pub fn en_words() -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    if let Some(dir) = corpora_dir() {
        if let Ok(text) = std::fs::read_to_string(dir.join("wordlists/wamerican_huge.txt")) {
            for w in text.lines() {
                if (4..=20).contains(&w.len())
                    && w.bytes().all(|b| b.is_ascii_lowercase())
                    && seen.insert(w.to_string())
                {
                    out.push(w.to_string());
                }
            }
        }
    }
    let mut seed = 777u32;
    while out.len() < 100_000 {
        let mut w = String::new();
        for _ in 0..7 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            w.push(char::from(b'a' + ((seed >> 16) % 26) as u8));
        }
        if seen.insert(w.clone()) {
            out.push(w);
        }
    }
    out
}

/// `n` terms, three quarters Chinese words and one quarter English words, each part spread evenly over
/// its list (so common and rare words both appear).
pub fn dictionary_terms(n: usize, cjk: &[String], en: &[String]) -> Vec<String> {
    let n_en = n / 4;
    let n_zh = n - n_en;
    let pick = |list: &[String], k: usize| -> Vec<String> {
        if k == 0 {
            return Vec::new();
        }
        let k = k.min(list.len());
        (0..k).map(|i| list[i * list.len() / k].clone()).collect()
    };
    let mut out = pick(cjk, n_zh);
    out.extend(pick(en, n_en));
    out
}
