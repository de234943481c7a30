//! Generates `include/jingwang.h` from `src/capi.rs` with cbindgen, writing it only when it changed.

use std::env;
use std::fs;
use std::path::PathBuf;

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed=src/capi.rs");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-changed=build.rs");

    let version = env::var("CARGO_PKG_VERSION").expect("cargo sets CARGO_PKG_VERSION");
    let major = env::var("CARGO_PKG_VERSION_MAJOR").expect("cargo sets the major version");
    let minor = env::var("CARGO_PKG_VERSION_MINOR").expect("cargo sets the minor version");
    let patch = env::var("CARGO_PKG_VERSION_PATCH").expect("cargo sets the patch version");

    let mut config =
        cbindgen::Config::from_file(root.join("cbindgen.toml")).expect("cbindgen.toml is valid");
    config.after_includes = Some(format!(
        "\n#define JW_VERSION_MAJOR {major}\n#define JW_VERSION_MINOR {minor}\n#define JW_VERSION_PATCH {patch}\n#define JW_VERSION_STRING \"{version}\"\n"
    ));

    let generated = match cbindgen::Builder::new()
        .with_config(config)
        .with_src(root.join("src/capi.rs"))
        .generate()
    {
        Ok(bindings) => {
            let mut out = Vec::new();
            bindings.write(&mut out);
            out
        }
        Err(e) => {
            // A broken header must fail the build loudly rather than leave a stale one behind.
            panic!("cbindgen failed on src/capi.rs: {e}");
        }
    };

    let header = root.join("include/jingwang.h");
    let current = fs::read(&header).unwrap_or_default();
    if current != generated {
        fs::create_dir_all(root.join("include")).expect("create include/");
        fs::write(&header, generated).expect("write include/jingwang.h");
    }
}
