//! `touchpoint import`.

use crate::import::ImportFormat;
use std::io::Write;
use std::path::{Path, PathBuf};

// `touchpoint import INPUT... -o OUT.journey.ron [--from csv|mermaid] [--strict]`
#[derive(clap::Args, Debug, Clone)]
pub struct ImportArgs {
    /// The file to import: a CSV table (`.csv`), an Excel workbook (`.xlsx`: its first sheet, read
    /// as that sheet's CSV) or a Mermaid journey (`.mmd`, `.mermaid`, `.md`).
    /// Further CSV files are handoff tables (as written by `touchpoint export --table handoffs`)
    /// whose wait times, failure rates and labels are merged into the journey.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The journey file to write (`-` for standard output).
    #[arg(short, long)]
    pub output: PathBuf,
    /// The input format, when the extension does not say it.
    #[arg(long, value_enum)]
    pub from: Option<ImportFormat>,
    /// Fail (exit 1, write nothing) when any row or line could not be read.
    #[arg(long)]
    pub strict: bool,
    /// Replace OUTPUT even when it is read-only (its permission bits are kept).
    #[arg(long)]
    pub force: bool,
}

use crate::import::read_input;

/// Run `touchpoint import`. Exit codes: 0 imported (problems are listed on stderr),
/// 1 nothing usable / `--strict` with problems / cannot read or write, 2 usage.
pub fn cli_import(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let Some((first, rest)) = args.inputs.split_first() else {
        let _ = writeln!(err, "{}", crate::i18n::tr("imp-cli-no-input"));
        return 2;
    };
    let Some(format) = args.from.or_else(|| ImportFormat::from_path(first)) else {
        let _ = writeln!(
            err,
            "{}: {}",
            first.display(),
            crate::i18n::tr("imp-cli-unknown-format")
        );
        return 2;
    };
    if !rest.is_empty() && format != ImportFormat::Csv {
        let _ = writeln!(
            err,
            "{}",
            crate::tr!("imp-cli-only-csv-follows", format = format.label())
        );
        return 2;
    }
    let name = first.display().to_string();
    let bytes =
        match read_input(first).and_then(|b| crate::evidence::table::importable_bytes(&name, b)) {
            Ok(b) => b,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return 1;
            }
        };
    let mut result = match crate::import::import_bytes(&name, &bytes, format) {
        Ok(r) => r,
        Err(e) => {
            for line in e.lines() {
                let _ = writeln!(err, "{line}");
            }
            let _ = writeln!(err, "{name}: {}", crate::i18n::tr("imp-cli-nothing"));
            return 1;
        }
    };
    for extra in rest {
        let extra_shown = extra.display().to_string();
        let bytes = match read_input(extra)
            .and_then(|b| crate::evidence::table::importable_bytes(&extra_shown, b))
        {
            Ok(b) => b,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return 1;
            }
        };
        let extra_name = extra.display().to_string();
        let (text, note) = crate::import::decode(&bytes);
        if let Some((line, message)) = note {
            result.problems.push(crate::import::ImportProblem {
                file: extra_name.clone(),
                line,
                message,
            });
        }
        let problems = crate::import::csv::merge_handoffs(&mut result.journey, &extra_name, &text);
        result.problems.extend(problems);
    }
    for a in &result.assumptions {
        let _ = writeln!(
            err,
            "{name}: {}",
            crate::tr!("imp-cli-assumed", what = a.as_str())
        );
    }
    for p in &result.problems {
        let _ = writeln!(err, "{p}");
    }
    if args.strict && !result.problems.is_empty() {
        let _ = writeln!(
            err,
            "{name}: {}",
            crate::tr!("imp-cli-strict", count = result.problems.len())
        );
        return 1;
    }
    let options = crate::io::WriteOptions {
        overwrite_read_only: args.force,
    };
    let code = crate::io::write_journey_with(&result.journey, &args.output, options, out, err);
    if code == 0 && !result.problems.is_empty() && args.output != Path::new("-") {
        let _ = writeln!(
            out,
            "{}",
            crate::tr!("imp-cli-not-fully", count = result.problems.len())
        );
    }
    code
}
