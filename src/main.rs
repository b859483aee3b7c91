use clap::Parser;
use std::process::ExitCode;
use touchpoint::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let file = match cli.command {
        None => cli.file,
        Some(Command::Open { file }) => file,
        Some(Command::Compare { as_is, to_be }) => {
            return match touchpoint::ui::warroom::run_compare(as_is, to_be) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("touchpoint: {e}");
                    ExitCode::FAILURE
                }
            };
        }
        Some(Command::Present { file }) => {
            let started = std::time::Instant::now();
            return match touchpoint::ui::run_with(file, started, |state| {
                state.queue_command(touchpoint::ui::Command::Present);
            }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("touchpoint: {e}");
                    ExitCode::FAILURE
                }
            };
        }
        Some(command) => {
            let mut out = std::io::stdout().lock();
            let mut err = std::io::stderr().lock();
            if let Err(code) = touchpoint::cli::set_lang(cli.lang.as_deref(), &mut err) {
                return code;
            }
            return touchpoint::cli::run(command, &mut out, &mut err);
        }
    };
    match touchpoint::ui::run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("touchpoint: {e}");
            ExitCode::FAILURE
        }
    }
}
