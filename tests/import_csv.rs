//! CSV import from hand-written tables: synonyms, separators, quoting, BOM, missing
//! columns, bad numbers, edges, handoff tables and formula prefixes.

use touchpoint::import::{ImportFormat, ImportResult, import_bytes, import_str};
use touchpoint::model::{
    Better, Channel, DepartmentId, DepartmentKind, HandoffKey, Journey, Layer, Rgb, Satisfaction,
    StageId, TouchpointId,
};

fn import(text: &str) -> ImportResult {
    match import_str("t.csv", text, ImportFormat::Csv) {
        Ok(r) => r,
        Err(e) => panic!("import failed: {e}"),
    }
}

fn messages(r: &ImportResult) -> Vec<String> {
    r.problems.iter().map(ToString::to_string).collect()
}

fn tp<'a>(j: &'a Journey, id: &str) -> &'a touchpoint::model::Touchpoint {
    j.touchpoint(&TouchpointId::new(id))
        .unwrap_or_else(|| panic!("no touchpoint {id}"))
}

fn edges(j: &Journey) -> Vec<(String, String)> {
    j.handoffs()
        .iter()
        .map(|h| (h.from.0.clone(), h.to.0.clone()))
        .collect()
}

#[test]
fn synonyms_create_stages_departments_and_a_sequence() {
    let r = import(
        "Touchpoint,Phase,Department,Channel,Layer,CSAT,Volume,Handle time (min)\n\
         Customer reports the move,Notify,Customer,Phone,Customer action,6.5,12400,\n\
         Identity check,Notify,Contact centre,phone,frontstage,7,12000,6.5\n\
         Move order keyed,Notify,Contact centre,internal system,backstage,,11900,4\n\
         Final bill,First bill,Billing,letter,support,3,11000,\n",
    );
    assert!(r.problems.is_empty(), "{:?}", messages(&r));
    let j = &r.journey;
    assert_eq!(j.title(), "t");
    assert_eq!(j.touchpoint_count(), 4);
    let stages: Vec<(&str, &str)> = j
        .stages()
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    assert_eq!(stages, [("notify", "Notify"), ("first-bill", "First bill")]);
    let depts: Vec<(&str, DepartmentKind)> = j
        .departments()
        .iter()
        .map(|d| (d.id.as_str(), d.kind))
        .collect();
    assert_eq!(
        depts,
        [
            ("customer", DepartmentKind::Customer),
            ("contact-centre", DepartmentKind::Internal),
            ("billing", DepartmentKind::Internal)
        ]
    );
    // Palette colours in creation order.
    assert_eq!(j.departments()[1].color, Rgb::palette(1));
    let first = tp(j, "customer-reports-the-move");
    assert_eq!(first.stage, Some(StageId::new("notify")));
    assert_eq!(first.owner, Some(DepartmentId::new("customer")));
    assert_eq!(first.channel, Channel::Phone);
    assert_eq!(first.layer, Layer::CustomerAction);
    assert_eq!(
        first.satisfaction,
        Some(Satisfaction::Summary {
            mean: 6.5,
            responses: 0
        })
    );
    assert_eq!(first.volume, Some(12400));
    assert_eq!(first.handling_minutes, None);
    let keyed = tp(j, "move-order-keyed");
    assert_eq!(keyed.channel, Channel::Internal);
    assert_eq!(keyed.layer, Layer::Backstage);
    assert_eq!(keyed.satisfaction, None);
    assert_eq!(keyed.handling_minutes, Some(4.0));
    // No `next` column: rows in order become a sequence.
    assert_eq!(
        edges(j),
        [
            ("customer-reports-the-move".into(), "identity-check".into()),
            ("identity-check".into(), "move-order-keyed".into()),
            ("move-order-keyed".into(), "final-bill".into()),
        ]
    );
}

#[test]
fn separators_are_detected() {
    let comma = "name,stage,owner\nA,S1,D1\nB,S1,D2\n";
    let semicolon = "name;stage;owner\nA;S1;D1\nB;S1;D2\n";
    let tab = "name\tstage\towner\nA\tS1\tD1\nB\tS1\tD2\n";
    let hinted = "sep=;\nname;stage;owner\nA;S1;D1\nB;S1;D2\n";
    let mut journeys = Vec::new();
    for text in [comma, semicolon, tab, hinted] {
        let r = import(text);
        assert!(r.problems.is_empty(), "{text:?}: {:?}", messages(&r));
        assert_eq!(r.journey.touchpoint_count(), 2);
        journeys.push(r.journey);
    }
    assert!(journeys.iter().all(|j| j == &journeys[0]));
    assert_eq!(tp(&journeys[0], "b").owner, Some(DepartmentId::new("d2")));
}

#[test]
fn semicolon_files_with_decimal_commas() {
    let r = import("name;satisfaction;handling time\nA;7,5;3,25\n");
    assert!(r.problems.is_empty(), "{:?}", messages(&r));
    let a = tp(&r.journey, "a");
    assert_eq!(a.mean_score(), Some(7.5));
    assert_eq!(a.handling_minutes, Some(3.25));
}

#[test]
fn quoted_fields_with_newlines_commas_and_quotes() {
    let text = "id,name,pains,notes\n\
                letter,\"Stop-of-service letter, vague\",\"Which date?\nWhen is the final read?\",\"He said \"\"soon\"\"\"\n\
                bill,Final bill,,\n";
    let r = import(text);
    assert!(r.problems.is_empty(), "{:?}", messages(&r));
    let l = tp(&r.journey, "letter");
    assert_eq!(l.name, "Stop-of-service letter, vague");
    assert_eq!(l.pains, ["Which date?", "When is the final read?"]);
    assert_eq!(l.notes, "He said \"soon\"");
    // The next row's line number accounts for the quoted newline: a bad cell there says 4.
    let r = import(&text.replace("bill,Final bill,,", "bill,Final bill,,,extra"));
    assert_eq!(
        messages(&r),
        ["t.csv:4: 5 cells but only 4 columns; the extra cells are ignored"]
    );
}

#[test]
fn utf8_bom_and_utf16_are_read() {
    let plain = import("name,owner\nCafé,Équipe\n").journey;
    let bom = import("\u{feff}name,owner\nCafé,Équipe\n").journey;
    assert_eq!(plain, bom);
    assert_eq!(bom.departments()[0].name, "Équipe");
    let mut utf16 = vec![0xff, 0xfe];
    for u in "name\towner\r\nCafé\tÉquipe\r\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let r = import_bytes("t.csv", &utf16, ImportFormat::Csv).unwrap();
    assert!(r.problems.is_empty());
    assert_eq!(r.journey, plain);
    // Latin-1 bytes are read, and that is said.
    let r = import_bytes("t.csv", b"name\nCaf\xe9\n", ImportFormat::Csv).unwrap();
    assert_eq!(tp(&r.journey, "caf").name, "Café");
    assert_eq!(r.problems.len(), 1);
    assert!(
        r.problems[0]
            .to_string()
            .starts_with("t.csv:2: the file is not UTF-8")
    );
}

#[test]
fn bad_numbers_and_values_are_reported_per_row_and_the_rest_imported() {
    let text = "name,volume,satisfaction,handling_minutes,channel,layer,order,responses\n\
                A,lots,11,-2,pigeon,upstairs,first,\n\
                B,12.5,abc,x,web,front,2,n\n\
                C,100,8,5,web,back,3,40\n\
                D,,,,,,,12\n";
    let r = import(text);
    assert_eq!(
        messages(&r),
        [
            "t.csv:2: channel \"pigeon\" is not known (phone, web, app, email, letter, chat, in person, field visit, social media, internal, partner); Other is used",
            "t.csv:2: layer \"upstairs\" is not customer action, frontstage, backstage or support; Frontstage is used",
            "t.csv:2: volume \"lots\" is not a whole number; left empty",
            "t.csv:2: handling time \"-2\" is not a number of minutes >= 0; left empty",
            "t.csv:2: order \"first\" is not a whole number; left empty",
            "t.csv:2: satisfaction 11 is outside the 0-10 scale; left empty",
            "t.csv:3: volume \"12.5\" is not a whole number; left empty",
            "t.csv:3: handling time \"x\" is not a number of minutes >= 0; left empty",
            "t.csv:3: satisfaction \"abc\" is not a number; left empty",
            "t.csv:5: responses without a satisfaction score; ignored",
        ]
    );
    let j = &r.journey;
    assert_eq!(j.touchpoint_count(), 4);
    let a = tp(j, "a");
    assert_eq!(
        (a.channel, a.layer, a.volume, a.satisfaction.clone()),
        (Channel::Other, Layer::Frontstage, None, None)
    );
    let c = tp(j, "c");
    assert_eq!(
        c.satisfaction,
        Some(Satisfaction::Summary {
            mean: 8.0,
            responses: 40
        })
    );
    assert_eq!(
        (c.volume, c.order, c.layer),
        (Some(100), Some(3), Layer::Backstage)
    );
    assert_eq!(tp(j, "b").order, Some(2));
}

#[test]
fn histogram_and_metric_columns() {
    let text = "name,score_0,score_1,score_2,score_8,score_9,score 10,satisfaction,\
                metric:Handle time [min] target<=8,metric:First-visit success [%] target>=90,metric:Queue [h] (lower is better),metric:Orders\n\
                Install,10,15,0,12,13,,4.56,7,62,48,\n\
                Activate,1,,,,,2,9,,,,300\n";
    let r = import(text);
    assert_eq!(
        messages(&r),
        [
            "t.csv:3: the satisfaction 9 does not match the histogram's mean 6.67; the histogram is used"
        ]
    );
    let install = tp(&r.journey, "install");
    assert_eq!(
        install.satisfaction,
        Some(Satisfaction::Histogram([
            10, 15, 0, 0, 0, 0, 0, 0, 12, 13, 0
        ]))
    );
    let m: Vec<(&str, f64, &str, Option<f64>, Better)> = install
        .metrics
        .iter()
        .map(|m| {
            (
                m.name.as_str(),
                m.value,
                m.unit.as_str(),
                m.target,
                m.better,
            )
        })
        .collect();
    assert_eq!(
        m,
        [
            ("Handle time", 7.0, "min", Some(8.0), Better::Lower),
            ("First-visit success", 62.0, "%", Some(90.0), Better::Higher),
            ("Queue", 48.0, "h", None, Better::Lower),
        ]
    );
    let activate = tp(&r.journey, "activate");
    assert_eq!(activate.mean_score(), Some(20.0 / 3.0));
    assert_eq!(activate.metrics.len(), 1);
    assert_eq!(activate.metrics[0].name, "Orders");
    assert_eq!(activate.metrics[0].target, None);
}

#[test]
fn bad_metric_headers_and_cells_are_reported() {
    let r = import("name,metric: [min],metric:Wait target<=soon,metric:Ok\nA,1,2,x\nB,,,4\n");
    assert_eq!(
        messages(&r),
        [
            "t.csv:1: column 2 \"metric: [min]\": a metric column needs a name: `metric:Handle time [min] target<=8`; ignored",
            "t.csv:1: column 3 \"metric:Wait target<=soon\": the target \"soon\" is not a number; ignored",
            "t.csv:2: metric \"Ok\": \"x\" is not a number (optionally followed by `target<=X`); left out",
        ]
    );
    assert!(tp(&r.journey, "a").metrics.is_empty());
    assert_eq!(tp(&r.journey, "b").metrics[0].value, 4.0);
}

#[test]
fn a_metric_cell_can_override_its_column_target() {
    let r = import(
        "name,metric:Handle time [min] target<=8,metric:Handle time [min] target<=8\n\
         A,7,\n\
         B,9 target<=10,3 (higher is better)\n\
         C,'-1 target>=2,\n",
    );
    assert!(r.problems.is_empty(), "{:?}", messages(&r));
    let m = |id: &str| -> Vec<(f64, Option<f64>, Better)> {
        tp(&r.journey, id)
            .metrics
            .iter()
            .map(|m| (m.value, m.target, m.better))
            .collect()
    };
    assert_eq!(m("a"), [(7.0, Some(8.0), Better::Lower)]);
    assert_eq!(
        m("b"),
        [
            (9.0, Some(10.0), Better::Lower),
            (3.0, None, Better::Higher)
        ]
    );
    assert_eq!(m("c"), [(-1.0, Some(2.0), Better::Higher)]);
}

#[test]
fn unknown_and_repeated_columns_are_reported_once() {
    let r = import("Name,Owner,Department,Mood,\nA,X,Y,happy,\nB,X,Y,sad,\n");
    assert_eq!(
        messages(&r),
        [
            "t.csv:1: column 3 \"Department\" repeats an earlier column with the same meaning; ignored",
            "t.csv:1: column 4 \"Mood\" is not a known column; ignored",
        ]
    );
    assert_eq!(tp(&r.journey, "a").owner, Some(DepartmentId::new("x")));
}

#[test]
fn missing_columns_and_empty_tables() {
    let e = import_str("t.csv", "", ImportFormat::Csv).unwrap_err();
    assert_eq!(e.lines(), ["t.csv: the table is empty: no header row"]);
    let e = import_str("t.csv", "stage,owner\nA,B\n", ImportFormat::Csv).unwrap_err();
    assert_eq!(
        e.lines(),
        ["t.csv:1: no `name` (or `id`) column, and no `from`/`to` columns: nothing to import"]
    );
    let e = import_str("t.csv", "name,owner\n", ImportFormat::Csv).unwrap_err();
    assert_eq!(e.lines(), ["t.csv: no touchpoint rows below the header"]);
    let e = import_str("t.csv", "name,owner\n,B\n", ImportFormat::Csv).unwrap_err();
    assert_eq!(
        e.lines(),
        ["t.csv:2: a row without a name or an id; not imported"]
    );
    // Rows of empty cells (spreadsheet leftovers) are not rows.
    let r = import("name,owner\n,\nA,B\n,,\n");
    assert!(r.problems.is_empty());
    assert_eq!(r.journey.touchpoint_count(), 1);
    let e = import_str(
        "m.csv",
        "from \\ to,Billing\nBilling,3\n",
        ImportFormat::Csv,
    )
    .unwrap_err();
    assert!(e.lines()[0].contains("handoff matrix"), "{e}");
}

#[test]
fn ids_are_slugged_made_unique_and_next_resolves_ids_and_names() {
    let text = "id,name,next\n\
                move,Move notice,check;Billing handoff\n\
                ,Identity check,\n\
                move,Second move,\n\
                bad id,Billing handoff,move\n\
                x,Lost,nowhere\n";
    let r = import(text);
    assert_eq!(
        messages(&r),
        [
            "t.csv:4: the id `move` is used twice; this row gets `move-2`",
            "t.csv:5: `bad id` is not a valid id; using `bad-id`",
            "t.csv:2: next: there is no touchpoint `check`; that handoff is not imported",
            "t.csv:6: next: there is no touchpoint `nowhere`; that handoff is not imported",
        ]
    );
    let ids: Vec<&str> = r.journey.touchpoints().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["bad-id", "identity-check", "move", "move-2", "x"]);
    // An explicit `next` column (even mostly empty) means no automatic sequence.
    assert_eq!(
        edges(&r.journey),
        [
            ("bad-id".into(), "move".into()),
            ("move".into(), "bad-id".into())
        ]
    );
}

#[test]
fn formula_prefixes_are_removed() {
    let r = import("name,owner,notes\n'=SUM(A1),'@team,'-5 days\n'plain,x,''=\n");
    assert!(r.problems.is_empty());
    let t: Vec<(&str, &str)> = r
        .journey
        .touchpoints()
        .map(|t| (t.name.as_str(), t.notes.as_str()))
        .collect();
    assert_eq!(t, [("'plain", "'="), ("=SUM(A1)", "-5 days")]);
    assert_eq!(r.journey.departments()[0].name, "@team");
}

#[test]
fn owner_ids_colours_and_kinds() {
    let r = import(
        "name,owner_id,owner,owner_color,owner_kind\n\
         A,cour,Courier,#112233,Partner\n\
         B,cour,Courier Ltd,#445566,\n\
         C,,Shop,blue,robot\n",
    );
    assert_eq!(
        messages(&r),
        [
            "t.csv:3: department `cour` is already named \"Courier\"; the name \"Courier Ltd\" is ignored",
            "t.csv:3: department \"Courier\" already has colour #112233; #445566 is ignored",
            "t.csv:4: owner_color \"blue\" is not a colour like #4e79a7; a palette colour is used",
            "t.csv:4: owner_kind \"robot\" is not Internal, Customer or Partner; Internal is used",
        ]
    );
    let d = &r.journey.departments()[0];
    assert_eq!(
        (d.id.as_str(), d.name.as_str(), d.color, d.kind),
        (
            "cour",
            "Courier",
            Rgb(0x11, 0x22, 0x33),
            DepartmentKind::Partner
        )
    );
    assert_eq!(r.journey.departments()[1].color, Rgb::palette(1));
}

#[test]
fn a_handoff_table_alone_is_an_edge_list() {
    let r = import(
        "from,to,from_name,to_name,from_owner,to_owner,wait_hours,failure_rate,label\n\
         order,install,Order entry,Installation visit,Back office,Field,48,12%,order form\n\
         install,activate,,Activation,Field,Network,,0.05,\n\
         activate,,,,,,,,\n\
         a,b,,,,,-1,2,\n",
    );
    assert_eq!(
        messages(&r),
        [
            "t.csv:4: a handoff needs both `from` and `to`; not imported",
            "t.csv:5: wait_hours \"-1\" is not a number of hours >= 0; left empty",
            "t.csv:5: failure_rate \"2\" is not a share between 0 and 1 (or 0% to 100%); left empty",
        ]
    );
    let j = &r.journey;
    assert_eq!(j.touchpoint_count(), 5);
    assert_eq!(tp(j, "order").name, "Order entry");
    assert_eq!(tp(j, "install").owner, Some(DepartmentId::new("field")));
    let h = j
        .handoff(&HandoffKey {
            from: TouchpointId::new("order"),
            to: TouchpointId::new("install"),
        })
        .unwrap();
    assert_eq!(
        (h.wait_hours, h.failure_rate, h.label.as_str()),
        (Some(48.0), Some(0.12), "order form")
    );
}

#[test]
fn a_handoff_table_merges_into_a_touchpoints_table() {
    let mut r = import("id,name,next\na,A,b\nb,B,\n");
    let problems = touchpoint::import::csv::merge_handoffs(
        &mut r.journey,
        "h.csv",
        "from,to,wait_hours,notes\na,b,4,slow\nb,a,1,\nz,a,,\n",
    );
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["h.csv:4: there is no touchpoint `z` in the journey; this handoff is not imported"]
    );
    let hs = r.journey.handoffs();
    assert_eq!(hs.len(), 2);
    assert_eq!(
        (hs[0].wait_hours, hs[0].notes.as_str()),
        (Some(4.0), "slow")
    );
    assert_eq!((hs[1].from.as_str(), hs[1].wait_hours), ("b", Some(1.0)));
}

#[test]
fn over_long_texts_are_cut_to_the_file_limit() {
    let long = "x".repeat(touchpoint::io::MAX_TEXT + 10);
    let r = import(&format!("name,notes\nA,{long}\n"));
    assert_eq!(
        messages(&r),
        ["t.csv:2: the notes: 65546 bytes, cut to the limit of 65536"]
    );
    assert_eq!(tp(&r.journey, "a").notes.len(), touchpoint::io::MAX_TEXT);
    // The imported journey always saves and loads back.
    let text = touchpoint::io::to_ron_string(&r.journey);
    assert_eq!(touchpoint::io::load_str("x", &text).unwrap(), r.journey);
}

/// Issue 14, item 5: `Phase;Step;Team` used to import nothing (Step was a second stage
/// column and there was no name column). Step is now the name, and the CLI says so.
#[test]
fn phase_step_team_headers_import_with_a_stated_assumption() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("steps.csv");
    std::fs::write(
        &input,
        "Phase;Step;Team\nNotify;Customer reports the move;Contact centre\nNotify;Identity check;Contact centre\nStop old;Final meter read;Field operations\n",
    )
    .unwrap();
    let output = dir.path().join("steps.journey.ron");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .arg("import")
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "assumed: column 2 \"Step\" is read as the touchpoint name, since column 1 \"Phase\" is already the stage"
        ),
        "{stderr}"
    );
    let j = touchpoint::io::load_file(&output).unwrap();
    assert_eq!(j.touchpoint_count(), 3);
    assert_eq!(j.stages().len(), 2);
    assert!(j.touchpoints().any(|t| t.name == "Final meter read"));
}

/// Issue #18: the CSV importer reads `.xlsx` too: a workbook imports exactly as the CSV
/// of its first sheet (numbers, quotes, commas and line breaks in cells), from the
/// command line; problems are located by row.
#[test]
fn an_xlsx_workbook_imports_as_its_csv() {
    use rust_xlsxwriter::Workbook;
    let rows: [[&str; 5]; 5] = [
        ["Phase", "Step", "Team", "Satisfaction", "Pain points"],
        ["Notify", "Customer reports the move", "Customer", "6.5", ""],
        [
            "Notify",
            "Identity, account check",
            "Contact centre",
            "3",
            "waits; \"hold\" music",
        ],
        [
            "Stop",
            "Final bill",
            "Billing",
            "lots",
            "wrong\nestimated read",
        ],
        ["Stop", "Final read", "Field ops", "7", ""],
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<f64>() {
                Ok(v) if r > 0 => sheet.write_number(r as u32, c as u16, v).unwrap(),
                _ => sheet.write_string(r as u32, c as u16, *cell).unwrap(),
            };
        }
    }
    book.save(dir.path().join("moves.xlsx")).unwrap();
    let csv: String = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| {
                    if c.contains([',', '"', '\n']) {
                        format!("\"{}\"", c.replace('"', "\"\""))
                    } else {
                        (*c).to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join(",")
                + "\n"
        })
        .collect();
    std::fs::write(dir.path().join("moves.csv"), csv).unwrap();
    let run = |input: &str, out: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
            .args(["import", input, "-o", out, "--lang", "en"])
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let a = run("moves.xlsx", "a.journey.ron");
    let b = run("moves.csv", "b.journey.ron");
    let (ea, eb) = (
        String::from_utf8_lossy(&a.stderr),
        String::from_utf8_lossy(&b.stderr),
    );
    assert_eq!(a.status.code(), Some(0), "{ea}");
    assert_eq!(b.status.code(), Some(0), "{eb}");
    let ja = touchpoint::io::load_file(&dir.path().join("a.journey.ron")).unwrap();
    let jb = touchpoint::io::load_file(&dir.path().join("b.journey.ron")).unwrap();
    assert_eq!(ja.touchpoint_count(), 4);
    assert_eq!(ja, jb, "the workbook and its CSV give the same journey");
    // The unreadable score is reported at its row (line 4 of the sheet and of the CSV).
    assert!(ea.contains("moves.xlsx:4:"), "{ea}");
    assert_eq!(
        ea.replace("moves.xlsx", "F"),
        eb.replace("moves.csv", "F"),
        "the same problems at the same lines"
    );
}
