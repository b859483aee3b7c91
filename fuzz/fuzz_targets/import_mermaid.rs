//! The Mermaid importer: any bytes import or fail with problems, never panic; an
//! imported journey always saves to text that loads back to the same journey.
#![no_main]

use libfuzzer_sys::fuzz_target;
use touchpoint::import::{ImportFormat, import_bytes};

fuzz_target!(|data: &[u8]| {
    match import_bytes("fuzz", data, ImportFormat::Mermaid) {
        Ok(r) => {
            let text = touchpoint::io::to_ron_string(&r.journey);
            match touchpoint::io::load_str("imported", &text) {
                Ok(back) => assert!(back == r.journey, "an imported journey loads back differently"),
                Err(e) => panic!("an imported journey does not load back:\n{e}\n{text}"),
            }
            for p in &r.problems {
                assert!(!p.message.is_empty(), "a problem without a message");
            }
        }
        Err(e) => assert!(!e.problems.is_empty(), "an import error without problems"),
    }
});
