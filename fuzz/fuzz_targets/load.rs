//! The journey loader, through the entry point every file takes (`io::load_bytes`:
//! UTF-8 check, byte order mark, parse, validation): any bytes either load or fail
//! with located problems, and whatever loads saves to canonical text that loads back
//! to the same journey.
#![no_main]

use libfuzzer_sys::fuzz_target;
use touchpoint::io;

fuzz_target!(|data: &[u8]| {
    match io::load_bytes("fuzz.journey.ron", data) {
        Ok(journey) => {
            let saved = io::to_ron_string(&journey);
            match io::load_str("resaved", &saved) {
                Ok(back) => {
                    assert!(back == journey, "saved text reads back differently");
                    assert_eq!(io::to_ron_string(&back), saved, "canonical text is not stable");
                }
                Err(e) => panic!("a loaded journey does not load back after saving:\n{e}\n{saved}"),
            }
        }
        Err(e) => {
            assert!(!e.problems.is_empty(), "an error without problems");
            for p in &e.problems {
                if let Some(pos) = p.pos {
                    assert!(pos.line >= 1 && pos.col >= 1, "position {pos} out of range");
                }
                assert!(!p.message.is_empty(), "a problem without a message");
            }
        }
    }
});
