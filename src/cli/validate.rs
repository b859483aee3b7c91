//! `touchpoint validate`.

use super::file_label;
use crate::i18n::tr_args;
use crate::io;
use std::io::Write;
use std::path::PathBuf;

pub fn validate(files: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let mut code = 0;
    for f in files {
        match io::load_file(f) {
            Ok(j) => {
                let name = f
                    .file_name()
                    .map_or_else(|| file_label(f), |n| n.to_string_lossy().into_owned());
                let _ = writeln!(
                    out,
                    "{}",
                    tr_args(
                        "cli-validate-ok",
                        &[
                            ("file", name.into()),
                            ("touchpoints", j.touchpoint_count().into()),
                            ("handoffs", j.handoff_count().into()),
                            ("stages", j.stages().len().into()),
                            ("departments", j.departments().len().into()),
                        ],
                    )
                );
            }
            Err(e) => {
                code = 1;
                for line in e.lines() {
                    let _ = writeln!(err, "{line}");
                }
            }
        }
    }
    code
}
