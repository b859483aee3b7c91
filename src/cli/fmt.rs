//! `touchpoint fmt`.

use super::file_label;
use crate::io;
use std::io::Write;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, Default)]
pub struct FmtOptions {
    /// Only check, change nothing.
    pub check: bool,
    /// Rewrite files with comments, dropping them.
    pub drop_comments: bool,
    /// Rewrite read-only files.
    pub force: bool,
}

pub fn fmt(options: FmtOptions, files: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let FmtOptions {
        check,
        drop_comments,
        force,
    } = options;
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
        // Comments are the user's data: never dropped without being asked.
        let comments = std::str::from_utf8(&bytes).ok().and_then(io::find_comments);
        if let Some(c) = comments
            && !drop_comments
        {
            let id = if check {
                "fmt-comments-not-checked"
            } else {
                "fmt-comments-not-rewritten"
            };
            let _ = writeln!(
                err,
                "{}:{}: {}",
                file_label(f),
                c.first,
                crate::tr!(id, count = c.count)
            );
            code = 1;
            continue;
        }
        if check {
            let _ = writeln!(
                out,
                "{}: {}",
                file_label(f),
                crate::tr!("fmt-not-canonical", file = file_label(f))
            );
            code = 1;
        } else {
            let options = io::WriteOptions {
                overwrite_read_only: force,
            };
            match io::save_with_options(&io::RealFs, f, &journey, options) {
                Ok(_) => {
                    let _ = writeln!(
                        out,
                        "{}: {}",
                        file_label(f),
                        crate::i18n::tr("fmt-formatted")
                    );
                }
                Err(e) => {
                    let _ = writeln!(err, "{}: {e}{}", file_label(f), io::force_hint(&e));
                    code = 1;
                }
            }
        }
    }
    code
}
