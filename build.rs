//! Embeds the message files: every folder under `i18n/` is a language (its name the
//! tag, `en`, `zh-CN`), every `.ftl` file in it a part of that language's messages.
//! Adding a language is dropping in one folder; this writes the list that
//! `src/i18n/mod.rs` includes.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // The binary is linked at a fixed address on Linux (issue 16): as a
    // position-independent executable the loader applied 42,000 relocations to 190
    // pages at every start, a third of `touchpoint --version`'s 2 ms and of every CLI
    // command's start-up. Only the binaries: the library and the tests are unchanged.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    // At run time, not `env!` (baked in when the script was compiled): a target folder
    // copied from another checkout must read this checkout's files.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let root = Path::new(&manifest).join("i18n");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut langs: Vec<(String, Vec<(String, String)>)> = Vec::new();
    if let Ok(dirs) = std::fs::read_dir(&root) {
        for dir in dirs.flatten() {
            let path = dir.path();
            if !path.is_dir() {
                continue;
            }
            println!("cargo:rerun-if-changed={}", path.display());
            let Some(tag) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
                continue;
            };
            let mut files = Vec::new();
            if let Ok(entries) = std::fs::read_dir(&path) {
                for f in entries.flatten() {
                    let fp = f.path();
                    if fp.extension().is_some_and(|e| e == "ftl") {
                        println!("cargo:rerun-if-changed={}", fp.display());
                        let name = fp
                            .file_name()
                            .and_then(|n| n.to_str())
                            .unwrap_or_default()
                            .to_owned();
                        files.push((name, fp.display().to_string()));
                    }
                }
            }
            files.sort();
            langs.push((tag, files));
        }
    }
    // English first (the fallback), the others by tag.
    langs.sort_by(|a, b| (a.0 != "en", &a.0).cmp(&(b.0 != "en", &b.0)));
    let mut out = String::from("pub(crate) const FILES: &[(&str, &[(&str, &str)])] = &[\n");
    for (tag, files) in &langs {
        let _ = writeln!(out, "    ({tag:?}, &[");
        for (name, path) in files {
            let _ = writeln!(out, "        ({name:?}, include_str!({path:?})),");
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("i18n_files.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        panic!("writing {}: {e}", dest.display());
    }
}
