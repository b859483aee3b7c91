//! `touchpoint fmt`.

use super::file_label;
use crate::io;
use std::io::Write;
use std::path::PathBuf;

pub fn fmt(check: bool, files: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut code = 0;
    for f in files {
        let (bytes, journey) = match io::load_file_bytes(f) {
            Ok(x) => x,
            Err(e) => {
                for line in e.lines() {
                    let _ = writeln!(err, "{line}");
                }
                code = 1;
                continue;
            }
        };
        let canonical = io::to_ron_string(&journey);
        if canonical.as_bytes() == bytes.as_slice() {
            continue;
        }
        if check {
            let _ = writeln!(
                out,
                "{}: not in canonical form (run `touchpoint fmt {}`)",
                file_label(f),
                file_label(f)
            );
            code = 1;
        } else {
            match io::save(f, &journey) {
                Ok(_) => {
                    let _ = writeln!(out, "{}: formatted", file_label(f));
                }
                Err(e) => {
                    let _ = writeln!(err, "{}: {e}", file_label(f));
                    code = 1;
                }
            }
        }
    }
    code
}
