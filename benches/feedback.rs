//! Issue #18, scale: 1,000,000 answer rows with comments (English and Chinese), themes
//! included, read against the move-address journey (goal: 5 s or less on this 2-core
//! machine, memory bounded by what is kept per touchpoint). Run with
//! `cargo bench --bench feedback`; prints the figures.
//!
//! The answers are generated into the temporary folder (never committed). CPU time and
//! peak memory are the process's own (`/proc/self/stat`, `VmHWM` reset through
//! `/proc/self/clear_refs`), so Linux only.

// Tests and benchmarks may unwrap and expect (denied in library code by Cargo.toml's [lints]).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/process.rs"]
mod process;

use process::{cpu_seconds, peak_mb, reset_peak};
use std::io::Write;
use std::time::Instant;
use touchpoint::evidence::feedback::{Options, read_feedback};
use touchpoint::evidence::table::TableReader;

/// A small deterministic generator (xorshift).
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

const ENGLISH: &[&str] = &[
    "waited",
    "weeks",
    "engineer",
    "never",
    "came",
    "bill",
    "wrong",
    "estimated",
    "reading",
    "called",
    "three",
    "times",
    "nobody",
    "called",
    "back",
    "friendly",
    "staff",
    "quick",
    "deposit",
    "letter",
    "confusing",
    "meter",
    "old",
    "address",
    "charged",
    "twice",
];
const CHINESE: &[&str] = &[
    "等了两周",
    "师傅没来",
    "账单有误",
    "估算读数",
    "打了三次电话",
    "没人回电",
    "服务态度好",
    "押金通知",
    "看不懂",
    "重复扣费",
];

fn main() {
    const ROWS: usize = 1_000_000;
    let journey = touchpoint::samples::move_address().expect("the sample loads");
    let names: Vec<String> = journey.touchpoints().map(|t| t.name.clone()).collect();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("answers.csv");
    {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut w = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
        writeln!(w, "Touchpoint,Score,Comment,Date").expect("write");
        for i in 0..ROWS {
            let name = &names[rng.below(names.len())];
            let score = rng.below(11);
            let comment = match rng.below(4) {
                0 => String::new(),
                1 => (0..3)
                    .map(|_| CHINESE[rng.below(CHINESE.len())])
                    .collect::<Vec<_>>()
                    .join("，"),
                _ => (0..6)
                    .map(|_| ENGLISH[rng.below(ENGLISH.len())])
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            let month = 1 + i % 12;
            let day = 1 + rng.below(28);
            writeln!(w, "{name},{score},{comment},2026-{month:02}-{day:02}").expect("write");
        }
        w.flush().expect("flush");
    }
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "answers: {ROWS} rows, {:.1} MB, a quarter Chinese comments, a quarter none",
        bytes as f64 / 1e6
    );
    for round in 0..2 {
        reset_peak();
        let cpu = cpu_seconds();
        let wall = Instant::now();
        let reader = TableReader::open(&path, None).expect("opened");
        let f = read_feedback(&journey, vec![reader], &Options::default());
        let wall = wall.elapsed().as_secs_f64();
        let cpu = cpu_seconds() - cpu;
        assert_eq!(f.rows, ROWS as u64);
        assert_eq!(f.responses(), ROWS as u64);
        let themes: usize = f.touchpoints.iter().map(|t| t.themes.len()).sum();
        assert!(themes > 0, "themes found");
        println!(
            "feedback round {round}: {cpu:.2} s CPU, {wall:.2} s wall, {:.0} rows/s, peak {:.0} MB, {themes} themes over {} touchpoints",
            ROWS as f64 / wall,
            peak_mb(),
            f.touchpoints.len()
        );
    }
}
