//! `touchpoint generate` and `touchpoint new`.

use super::file_label;
use crate::io;
use std::io::Write;
use std::path::Path;

pub fn generate(
    touchpoints: usize,
    seed: u64,
    output: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    if touchpoints > io::MAX_TOUCHPOINTS {
        let _ = writeln!(
            err,
            "{}",
            crate::tr!("cli-gen-too-many", max = io::MAX_TOUCHPOINTS)
        );
        return 2;
    }
    let journey = crate::generate::generate(touchpoints, seed);
    io::write_journey(&journey, output, out, err)
}

pub fn new_journey(file: &Path, title: &str, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if file.exists() {
        let _ = writeln!(
            err,
            "{}",
            crate::tr!("cli-new-exists", path = file_label(file))
        );
        return 1;
    }
    io::write_journey(&crate::model::Journey::starter(title), file, out, err)
}
