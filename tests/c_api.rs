//! The C ABI from C and C++: builds `libjingwang` (cdylib and staticlib) into `target/c-api/`, compiles
//! the programs in `tests/c/` and `examples/c/` with `-std=c99 -Wall -Wextra -Werror` (C++17 for the
//! wrapper), links each against the shared and the static library, and runs them: plain, under
//! `-fsanitize=address,undefined` with leak detection, and under valgrind on the release build.
//! Also checks that the shared library exports exactly the functions the header declares.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::Instant;

/// The libraries of one cargo profile.
struct Libs {
    dir: PathBuf,
}

impl Libs {
    fn shared(&self) -> PathBuf {
        self.dir.join("libjingwang.so")
    }

    fn static_lib(&self) -> PathBuf {
        self.dir.join("libjingwang.a")
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn target_dir() -> PathBuf {
    root().join("target").join("c-api")
}

/// `cargo build --lib` (release or not) into `target/c-api`, once per test run.
fn libs(release: bool) -> &'static Libs {
    static DEBUG: OnceLock<Libs> = OnceLock::new();
    static RELEASE: OnceLock<Libs> = OnceLock::new();
    let cell = if release { &RELEASE } else { &DEBUG };
    cell.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
        let mut cmd = Command::new(cargo);
        cmd.current_dir(root())
            .args(["build", "--lib", "--target-dir"])
            .arg(target_dir());
        if release {
            cmd.arg("--release");
        }
        let started = Instant::now();
        let out = cmd.output().expect("run cargo build --lib");
        assert!(
            out.status.success(),
            "cargo build --lib failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let profile = if release { "release" } else { "debug" };
        eprintln!(
            "built libjingwang ({profile}) in {:.1}s",
            started.elapsed().as_secs_f64()
        );
        Libs {
            dir: target_dir().join(profile),
        }
    })
}

/// A C or C++ program to compile and run.
struct Program {
    source: &'static str,
    args: &'static [&'static str],
    stdin: &'static str,
    /// Text the standard output must contain.
    expect: &'static str,
}

const PROGRAMS: &[Program] = &[
    Program {
        source: "tests/c/api.c",
        args: &["{tmp}"],
        stdin: "",
        expect: "api: ok",
    },
    Program {
        source: "tests/c/threads.c",
        args: &[],
        stdin: "",
        expect: "threads: ok",
    },
    Program {
        source: "tests/c/wrapper.cpp",
        args: &[],
        stdin: "",
        expect: "wrapper: ok",
    },
    Program {
        source: "examples/c/scan_lines.c",
        args: &[],
        stdin: "出售枪支，私聊\n今天天气很好\n儿童水枪\ncheap G U N\n",
        expect: "1:6-12\thigh\tfirearms\t枪支\t\"枪支\"\n4:6-11\thigh\tfirearms\tgun\t\"G U N\"\n",
    },
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Link {
    Shared,
    Static,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Check {
    Plain,
    Sanitizers,
    Valgrind,
}

/// Compiles `program` against `libs`, returning the executable.
fn compile(program: &Program, libs: &Libs, link: Link, check: Check) -> PathBuf {
    let cpp = program.source.ends_with(".cpp");
    let stem = Path::new(program.source)
        .file_stem()
        .unwrap()
        .to_str()
        .unwrap();
    let dir = libs.dir.join("c-bin");
    std::fs::create_dir_all(&dir).unwrap();
    let exe = dir.join(format!("{stem}-{link:?}-{check:?}").to_lowercase());
    let mut cmd = Command::new(if cpp { "g++" } else { "gcc" });
    cmd.arg(if cpp { "-std=c++17" } else { "-std=c99" })
        .args(["-Wall", "-Wextra", "-Werror", "-g", "-pthread"])
        .arg("-I")
        .arg(root().join("include"))
        .arg(root().join(program.source))
        .arg("-o")
        .arg(&exe);
    if check == Check::Sanitizers {
        cmd.args(["-fsanitize=address,undefined", "-fno-omit-frame-pointer"]);
    }
    match link {
        Link::Shared => {
            cmd.arg("-L")
                .arg(&libs.dir)
                .arg(format!("-Wl,-rpath,{}", libs.dir.display()))
                .arg("-ljingwang");
        }
        // The static link line documented in docs/c-api.md.
        Link::Static => {
            cmd.arg(libs.static_lib())
                .args(["-lpthread", "-ldl", "-lm"]);
        }
    }
    let out = cmd.output().expect("run the C compiler");
    assert!(
        out.status.success(),
        "compiling {} ({link:?}, {check:?}) failed:\n{}",
        program.source,
        String::from_utf8_lossy(&out.stderr)
    );
    exe
}

fn run(program: &Program, libs: &Libs, exe: &Path, check: Check) -> Output {
    let tmp = exe.with_extension("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let args: Vec<String> = program
        .args
        .iter()
        .map(|a| a.replace("{tmp}", tmp.to_str().unwrap()))
        .collect();
    let mut cmd = if check == Check::Valgrind {
        let mut c = Command::new("valgrind");
        c.args([
            "--leak-check=full",
            "--error-exitcode=1",
            "--quiet",
            "--trace-children=no",
        ])
        .arg(exe);
        c
    } else {
        Command::new(exe)
    };
    // `cargo test` points LD_LIBRARY_PATH at target/debug, whose libjingwang.so would win over the
    // rpath; load the library under test.
    cmd.args(&args)
        .env("LD_LIBRARY_PATH", &libs.dir)
        .env(
            "ASAN_OPTIONS",
            "detect_leaks=1:halt_on_error=1:abort_on_error=0",
        )
        .env("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run the program");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(program.stdin.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn run_all(libs: &Libs, check: Check) {
    for link in [Link::Shared, Link::Static] {
        for program in PROGRAMS {
            let exe = compile(program, libs, link, check);
            let started = Instant::now();
            let out = run(program, libs, &exe, check);
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            eprintln!(
                "{} ({link:?}, {check:?}): {:.2}s",
                program.source,
                started.elapsed().as_secs_f64()
            );
            assert!(
                out.status.success(),
                "{} ({link:?}, {check:?}) failed with {}:\nstdout:\n{stdout}\nstderr:\n{stderr}",
                program.source,
                out.status
            );
            assert!(
                stdout.contains(program.expect),
                "{} ({link:?}, {check:?}) printed:\n{stdout}\nexpected to contain:\n{}",
                program.source,
                program.expect
            );
            for report in [
                "AddressSanitizer",
                "LeakSanitizer",
                "runtime error:",
                "definitely lost",
            ] {
                assert!(
                    !stderr.contains(report),
                    "{} ({link:?}, {check:?}) reported {report}:\n{stderr}",
                    program.source
                );
            }
        }
    }
}

#[test]
fn c_programs_pass_linked_shared_and_static() {
    run_all(libs(false), Check::Plain);
}

#[test]
fn c_programs_pass_under_address_and_undefined_sanitizers() {
    run_all(libs(false), Check::Sanitizers);
}

#[test]
fn c_programs_pass_under_valgrind_on_the_release_build() {
    let have_valgrind = Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !have_valgrind {
        eprintln!("skipped: valgrind is not installed (apt-get install valgrind)");
        return;
    }
    run_all(libs(true), Check::Valgrind);
}

/// Every `jw_*` function the header declares.
fn header_functions() -> BTreeSet<String> {
    let header = std::fs::read_to_string(root().join("include/jingwang.h")).unwrap();
    let mut names = BTreeSet::new();
    for line in header.lines() {
        // Declarations start at column 0 with a return type; comments are indented.
        if line.starts_with(' ') || line.starts_with('#') || line.starts_with("/*") {
            continue;
        }
        if let Some(open) = line.find('(') {
            let before = line[..open].trim_end();
            let name = before
                .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .next()
                .unwrap();
            if !name.is_empty() {
                names.insert(name.to_string());
            }
        }
    }
    names
}

#[test]
fn shared_library_exports_exactly_the_header_functions() {
    let libs = libs(false);
    let out = Command::new("nm")
        .args(["-D", "--defined-only"])
        .arg(libs.shared())
        .output()
        .expect("run nm");
    assert!(out.status.success(), "nm failed");
    let exported: BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let (kind, name) = match (parts.next(), parts.next(), parts.next()) {
                (Some(_addr), Some(kind), Some(name)) => (kind, name),
                (Some(kind), Some(name), None) => (kind, name),
                _ => return None,
            };
            // Code symbols only; the linker adds no others to a Rust cdylib's export list.
            (kind == "T").then(|| name.to_string())
        })
        .collect();
    let declared = header_functions();
    assert!(declared.len() >= 30, "header parse found {declared:?}");
    assert!(
        exported.iter().all(|n| n.starts_with("jw_")),
        "exports without the jw_ prefix: {exported:?}"
    );
    assert_eq!(exported, declared);
}

#[test]
fn header_documents_every_function() {
    let header = std::fs::read_to_string(root().join("include/jingwang.h")).unwrap();
    let lines: Vec<&str> = header.lines().collect();
    let mut checked = 0;
    for name in header_functions() {
        let at = lines
            .iter()
            .position(|l| !l.starts_with(' ') && l.contains(&format!("{name}(")))
            .unwrap();
        assert_eq!(
            lines[at - 1],
            " */",
            "{name} has no doc comment in the header"
        );
        checked += 1;
    }
    assert!(checked >= 30);
}

fn pkg_config(prefix: &Path, args: &[&str]) -> String {
    let out = Command::new("pkg-config")
        .args(args)
        .arg("jingwang")
        .env("PKG_CONFIG_PATH", prefix.join("lib/pkgconfig"))
        .output()
        .expect("run pkg-config");
    assert!(
        out.status.success(),
        "pkg-config {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// The install steps of docs/c-api.md into a scratch prefix, then the documented link lines.
#[test]
fn installed_with_pkg_config_links_shared_and_static() {
    if Command::new("pkg-config")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: pkg-config is not installed (apt-get install pkg-config)");
        return;
    }
    let libs = libs(false);
    let prefix = target_dir().join("prefix");
    for dir in ["include", "lib/pkgconfig"] {
        std::fs::create_dir_all(prefix.join(dir)).unwrap();
    }
    let copy = |from: PathBuf, to: &str| {
        std::fs::copy(&from, prefix.join(to)).unwrap_or_else(|e| panic!("copy {from:?}: {e}"));
    };
    copy(root().join("include/jingwang.h"), "include/jingwang.h");
    copy(libs.shared(), "lib/libjingwang.so");
    copy(libs.static_lib(), "lib/libjingwang.a");
    let pc = std::fs::read_to_string(root().join("jingwang.pc.in"))
        .unwrap()
        .replace("@PREFIX@", prefix.to_str().unwrap())
        .replace("@VERSION@", env!("CARGO_PKG_VERSION"));
    std::fs::write(prefix.join("lib/pkgconfig/jingwang.pc"), pc).unwrap();

    assert_eq!(
        pkg_config(&prefix, &["--modversion"]),
        env!("CARGO_PKG_VERSION")
    );
    let cflags = pkg_config(&prefix, &["--cflags"]);
    let libdir = pkg_config(&prefix, &["--variable=libdir"]);
    let shared_libs = pkg_config(&prefix, &["--libs"]);
    assert!(pkg_config(&prefix, &["--libs", "--static"]).contains("-lpthread -ldl -lm"));

    let source = root().join("examples/c/scan_lines.c");
    let bin = prefix.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    for (name, link) in [
        (
            "scan_lines_shared",
            format!("{shared_libs} -Wl,-rpath,{libdir}"),
        ),
        (
            "scan_lines_static",
            format!("{libdir}/libjingwang.a -lpthread -ldl -lm"),
        ),
    ] {
        let exe = bin.join(name);
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "cc -std=c99 -Wall -Wextra -Werror {cflags} {} {link} -o {}",
                source.display(),
                exe.display()
            ))
            .status()
            .unwrap();
        assert!(status.success(), "linking {name} failed");
        let mut child = Command::new(&exe)
            .env_remove("LD_LIBRARY_PATH")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all("卖枪支\n".as_bytes())
                .unwrap();
        }
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{name} failed");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "1:3-9\thigh\tfirearms\t枪支\t\"枪支\"\n"
        );
    }
}
