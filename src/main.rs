use clap::Parser;
use std::process::ExitCode;
use touchpoint::cli::{Cli, Command};

/// mimalloc, not glibc's malloc: a whole export allocates and frees hundreds of
/// thousands of small strings and vectors; with mimalloc the process takes about a
/// tenth less CPU (issue 16). Its v2 (Cargo.toml): less CPU, start-up and memory than
/// v3 on the same export. Only the binary sets it: the library leaves the choice
/// to whoever links it (two test binaries install counting allocators).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let file = match cli.command {
        None => cli.file,
        Some(Command::Open { file }) => file,
        Some(Command::Compare { as_is, to_be }) => return compare(as_is, to_be),
        Some(Command::Present { file }) => return present(file),
        Some(command) => {
            let mut out = std::io::stdout().lock();
            let mut err = std::io::stderr().lock();
            if let Err(code) = touchpoint::cli::set_lang(cli.lang.as_deref(), &mut err) {
                return code;
            }
            // The process exits after the command: what it is done with is left to
            // the operating system instead of being freed piece by piece.
            touchpoint::exiting::ends_process();
            return touchpoint::cli::run(command, &mut out, &mut err);
        }
    };
    open(file)
}

#[cfg(feature = "gui")]
fn outcome(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("touchpoint: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(feature = "gui")]
fn open(file: Option<std::path::PathBuf>) -> ExitCode {
    outcome(touchpoint::ui::run(file))
}

#[cfg(feature = "gui")]
fn compare(as_is: std::path::PathBuf, to_be: std::path::PathBuf) -> ExitCode {
    outcome(touchpoint::ui::warroom::run_compare(as_is, to_be))
}

#[cfg(feature = "gui")]
fn present(file: Option<std::path::PathBuf>) -> ExitCode {
    let started = std::time::Instant::now();
    outcome(touchpoint::ui::run_with(file, started, |state| {
        state.queue_command(touchpoint::ui::Command::Present);
    }))
}

/// Built without the `gui` feature: the commands that open a window say so.
#[cfg(not(feature = "gui"))]
fn no_gui() -> ExitCode {
    eprintln!("touchpoint: this build has no desktop app (built without the `gui` feature)");
    ExitCode::FAILURE
}

#[cfg(not(feature = "gui"))]
fn open(_file: Option<std::path::PathBuf>) -> ExitCode {
    no_gui()
}

#[cfg(not(feature = "gui"))]
fn compare(_as_is: std::path::PathBuf, _to_be: std::path::PathBuf) -> ExitCode {
    no_gui()
}

#[cfg(not(feature = "gui"))]
fn present(_file: Option<std::path::PathBuf>) -> ExitCode {
    no_gui()
}
