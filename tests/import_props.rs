//! Properties: import never panics on arbitrary text, and whatever it imports saves
//! and loads back; generated journeys round-trip through CSV and Mermaid.

use proptest::prelude::*;
use touchpoint::export::{self, ExportFormat, ExportOptions, csv::CsvTable};
use touchpoint::import::{ImportFormat, import_str};
use touchpoint::model::{Handoff, Journey, Stage};

/// Whatever is imported is a valid journey: it saves and loads back equal.
fn check(text: &str, format: ImportFormat) {
    match import_str("p", text, format) {
        Ok(r) => {
            assert!(r.journey.touchpoint_count() > 0);
            let ron = touchpoint::io::to_ron_string(&r.journey);
            let back = touchpoint::io::load_str("p", &ron)
                .unwrap_or_else(|e| panic!("{e}\n--- input ---\n{text}"));
            assert_eq!(back, r.journey);
            for p in &r.problems {
                assert!(p.to_string().starts_with("p:"));
            }
        }
        Err(e) => assert!(!e.problems.is_empty()),
    }
}

/// Pieces that reach deep into both grammars.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("name".to_owned()),
        Just("id".to_owned()),
        Just("next".to_owned()),
        Just("owner".to_owned()),
        Just("stage".to_owned()),
        Just("satisfaction".to_owned()),
        Just("score_3".to_owned()),
        Just("metric:T [m] target<=".to_owned()),
        Just("from".to_owned()),
        Just("to".to_owned()),
        Just("from \\ to".to_owned()),
        Just(",".to_owned()),
        Just(";".to_owned()),
        Just("\t".to_owned()),
        Just("\"".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("'=".to_owned()),
        Just("sep=".to_owned()),
        Just("journey\n".to_owned()),
        Just("section ".to_owned()),
        Just("title ".to_owned()),
        Just("accDescr {".to_owned()),
        Just("accTitle: ".to_owned()),
        Just("}".to_owned()),
        Just("---\n".to_owned()),
        Just("```mermaid\n".to_owned()),
        Just("%%".to_owned()),
        Just("%%{".to_owned()),
        Just("#".to_owned()),
        Just("#58;".to_owned()),
        Just("#99999999;".to_owned()),
        Just("<br>".to_owned()),
        Just(":".to_owned()),
        Just(" 3".to_owned()),
        Just("-7".to_owned()),
        Just("1e400".to_owned()),
        Just("NaN".to_owned()),
        Just("售后".to_owned()),
        Just("\u{feff}".to_owned()),
        "[a-z ]{1,6}",
        "[0-9.,]{1,5}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn import_never_panics_on_arbitrary_text(text in ".{0,300}") {
        check(&text, ImportFormat::Csv);
        check(&text, ImportFormat::Mermaid);
    }

    #[test]
    fn import_never_panics_on_grammar_soup(pieces in prop::collection::vec(piece(), 0..80)) {
        let text = pieces.concat();
        check(&text, ImportFormat::Csv);
        check(&text, ImportFormat::Mermaid);
    }
}

/// What the touchpoints CSV carries (see tests/export_text.rs).
fn csv_view(j: &Journey, title: &str) -> Journey {
    let mut v = Journey::new(title);
    let order = export::reading_order(j);
    for t in &order {
        if let Some(s) = t.stage.as_ref().and_then(|s| j.stage(s))
            && v.stage(&s.id).is_none()
        {
            let at = v.stages().len();
            v.insert_stage(at, Stage::new(s.id.0.clone(), s.name.clone()))
                .unwrap();
        }
        if let Some(d) = t.owner.as_ref().and_then(|d| j.department(d))
            && v.department(&d.id).is_none()
        {
            let at = v.departments().len();
            v.insert_department(at, d.clone()).unwrap();
        }
    }
    for t in &order {
        v.add_touchpoint((*t).clone()).unwrap();
    }
    for h in j.handoffs() {
        v.add_handoff(Handoff::new(h.from.0.clone(), h.to.0.clone()))
            .unwrap();
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn generated_journeys_round_trip(n in 1usize..60, seed in 0u64..10_000) {
        let j = touchpoint::generate::generate(n, seed);
        let mut o = ExportOptions::new(ExportFormat::Csv);
        o.table = Some(CsvTable::Touchpoints);
        let csv = String::from_utf8(export::export(&j, &o).unwrap().remove(0).bytes).unwrap();
        let back = import_str("g.csv", &csv, ImportFormat::Csv).unwrap();
        prop_assert!(back.problems.is_empty(), "{:?}", back.problems);
        prop_assert_eq!(&back.journey, &csv_view(&j, "g"));

        let mmd = touchpoint::export::mermaid::to_mermaid(&j);
        let back = import_str("g.mmd", &mmd, ImportFormat::Mermaid).unwrap();
        prop_assert!(back.problems.is_empty(), "{:?}", back.problems);
        prop_assert_eq!(back.journey.touchpoint_count(), n);
        prop_assert_eq!(touchpoint::export::mermaid::to_mermaid(&back.journey), mmd);
    }
}
