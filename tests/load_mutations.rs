//! Fuzzing on stable: valid journey files, mutated (truncated, bytes flipped, deep
//! nesting or huge numbers inserted, chunks deleted or repeated), never make the
//! loader panic. It returns a journey that saves and loads back identically, or an
//! error whose every problem has a message and, unless it concerns the whole file,
//! a `line:column` inside the text.

use proptest::prelude::*;
use touchpoint::io::{load_str, to_ron_string};

fn seeds() -> Vec<String> {
    let mut v: Vec<String> = touchpoint::samples::SAMPLES
        .iter()
        .map(|(_, t)| (*t).to_owned())
        .collect();
    v.push(to_ron_string(&touchpoint::generate::generate(25, 7)));
    v
}

#[derive(Clone, Debug)]
enum Mutation {
    Truncate(usize),
    FlipByte(usize, u8),
    Insert(usize, String),
    Delete(usize, usize),
    Repeat(usize, usize, usize),
    ReplaceNumber(usize, &'static str),
}

const HOSTILE: [&str; 14] = [
    "1e309",
    "-1e309",
    "NaN",
    "inf",
    "18446744073709551616",
    "-9223372036854775809",
    "0x",
    "1.",
    "-0",
    "4294967296",
    "2147483648",
    "\"\\u{110000}\"",
    "'\\",
    "r##\"",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::FlipByte(i, b)),
        (
            any::<usize>(),
            1..5000usize,
            prop::sample::select(vec!["(", "[", "{", "Some(", "(a:", "[(", "\"", "/*"])
        )
            .prop_map(|(i, n, s)| Mutation::Insert(i, s.repeat(n))),
        (any::<usize>(), prop::sample::select(HOSTILE.to_vec()))
            .prop_map(|(i, s)| Mutation::Insert(i, s.to_owned())),
        (any::<usize>(), 1..400usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), 1..200usize, 2..50usize).prop_map(|(i, n, k)| Mutation::Repeat(i, n, k)),
        (any::<usize>(), prop::sample::select(HOSTILE.to_vec()))
            .prop_map(|(i, s)| Mutation::ReplaceNumber(i, s)),
    ]
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut b = text.as_bytes().to_vec();
    let len = b.len().max(1);
    match m {
        Mutation::Truncate(i) => b.truncate(i % len),
        Mutation::FlipByte(i, x) => {
            if let Some(byte) = b.get_mut(i % len) {
                *byte ^= x | 1;
            }
        }
        Mutation::Insert(i, s) => {
            let at = (i % len).min(b.len());
            b.splice(at..at, s.bytes());
        }
        Mutation::Delete(i, n) => {
            let at = (i % len).min(b.len());
            let end = (at + n).min(b.len());
            b.drain(at..end);
        }
        Mutation::Repeat(i, n, k) => {
            let at = (i % len).min(b.len());
            let end = (at + n).min(b.len());
            let chunk = b[at..end].to_vec();
            for _ in 1..*k {
                b.splice(end..end, chunk.iter().copied());
            }
        }
        Mutation::ReplaceNumber(i, s) => {
            // Replace the first number at or after i.
            let start = i % len;
            if let Some(p) = b.iter().skip(start).position(u8::is_ascii_digit) {
                let p = start + p;
                let end = b[p..]
                    .iter()
                    .position(|c| !(c.is_ascii_digit() || *c == b'.'))
                    .map_or(b.len(), |e| p + e);
                b.splice(p..end, s.bytes());
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

fn check(text: &str) -> Result<(), TestCaseError> {
    match load_str("m.journey.ron", text) {
        Ok(j) => {
            let saved = to_ron_string(&j);
            let back = load_str("resaved", &saved)
                .map_err(|e| TestCaseError::fail(format!("does not load back: {e}")))?;
            prop_assert!(back == j, "loads back differently");
            prop_assert_eq!(to_ron_string(&back), saved);
        }
        Err(e) => {
            prop_assert!(!e.problems.is_empty());
            let lines = text.split('\n').count();
            for p in &e.problems {
                prop_assert!(!p.message.is_empty());
                match p.pos {
                    Some(pos) => {
                        prop_assert!(pos.line >= 1 && pos.col >= 1, "{:?}", p);
                        prop_assert!(
                            pos.line <= lines + 1,
                            "line {} of {}: {:?}",
                            pos.line,
                            lines,
                            p
                        );
                    }
                    None => prop_assert!(
                        p.message.starts_with("... and ") || p.message.starts_with("the file is "),
                        "a problem without a position: {:?}",
                        p
                    ),
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn mutated_files_load_or_fail_with_located_errors(
        pick in 0usize..6,
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let seeds = seeds();
        let mut text = seeds[pick % seeds.len()].clone();
        for m in &mutations {
            text = apply(&text, m);
        }
        check(&text)?;
    }
}

#[test]
fn every_truncation_of_a_small_file_is_handled() {
    let text = to_ron_string(&touchpoint::generate::generate(3, 1));
    let mut loaded = 0;
    for cut in 0..text.len() {
        if let Some(prefix) = text.get(..cut) {
            check(prefix).unwrap();
            if load_str("t", prefix).is_ok() {
                loaded += 1;
            }
        }
    }
    // Only the complete text (less its trailing newline) is a whole journey.
    assert_eq!(loaded, 1);
}
