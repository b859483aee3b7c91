//! CSV, Mermaid and DOT exports: every output parsed back, round trips through our
//! importer, hostile texts, determinism, golden files of the samples, and the CLI.

use touchpoint::export::{self, ExportFormat, ExportOptions, csv::CsvTable};
use touchpoint::import::{ImportFormat, import_str};
use touchpoint::model::*;

// ----- journeys -----------------------------------------------------------------------------

fn samples() -> Vec<(String, Journey)> {
    touchpoint::samples::SAMPLES
        .iter()
        .map(|(name, text)| {
            let j = touchpoint::io::load_str(name, text)
                .unwrap_or_else(|e| panic!("sample {name}: {e}"));
            (name.trim_end_matches(".journey.ron").to_owned(), j)
        })
        .collect()
}

fn metric(name: &str, value: f64, unit: &str, target: Option<f64>, better: Better) -> Metric {
    Metric {
        name: name.into(),
        value,
        unit: unit.into(),
        target,
        better,
    }
}

/// A journey with every field filled and hostile texts everywhere. Its departments are
/// in the order the touchpoints table meets them, so the CSV round trip is exact.
fn hostile() -> Journey {
    let mut j = Journey::new("Rich");
    j.insert_stage(0, Stage::new("s1", "<b>Stage</b>: one; #2"))
        .unwrap();
    j.insert_stage(1, Stage::new("s2", "Section two")).unwrap();
    let mut customer = Department::new("customer", "Customer", Rgb(0x6b, 0x6b, 0x6b));
    customer.kind = DepartmentKind::Customer;
    j.insert_department(0, customer).unwrap();
    j.insert_department(1, Department::new("evil", "\"]; evil [", Rgb(1, 2, 3)))
        .unwrap();
    let mut formula = Department::new("formula", "=cmd|' /C calc'!A0", Rgb(0xff, 0, 0x80));
    formula.kind = DepartmentKind::Partner;
    j.insert_department(2, formula).unwrap();

    let mut t1 = Touchpoint::new("t1", "<script>alert(1)</script>");
    t1.stage = Some(StageId::new("s1"));
    t1.owner = Some(DepartmentId::new("customer"));
    t1.channel = Channel::Web;
    t1.layer = Layer::CustomerAction;
    t1.satisfaction = Some(Satisfaction::Histogram([5, 4, 0, 0, 0, 0, 0, 0, 6, 5, 0]));
    t1.volume = Some(12_400);
    t1.handling_minutes = Some(2.5);
    t1.metrics = vec![
        metric("Handle time", 7.0, "min", Some(8.0), Better::Lower),
        metric("Right first time", 81.5, "%", Some(95.0), Better::Higher),
    ];
    t1.pains = vec!["Nobody told me".into(), "=1+1".into()];
    t1.description = "multi\nline, \"quoted\"".into();
    t1.notes = "-note".into();
    t1.order = Some(1);
    let mut t2 = Touchpoint::new("t2", "\"]; evil [");
    t2.stage = Some(StageId::new("s1"));
    t2.owner = Some(DepartmentId::new("evil"));
    t2.channel = Channel::Phone;
    t2.satisfaction = Some(Satisfaction::Summary {
        mean: 6.25,
        responses: 40,
    });
    t2.metrics = vec![metric("Handle time", 9.0, "min", Some(8.0), Better::Lower)];
    let mut t3 = Touchpoint::new("t3", "a: b # c; d%%e");
    t3.stage = Some(StageId::new("s2"));
    t3.owner = Some(DepartmentId::new("formula"));
    t3.channel = Channel::Partner;
    t3.layer = Layer::Support;
    t3.metrics = vec![metric("Wait [queue]", 48.0, "", None, Better::Lower)];
    t3.handling_minutes = Some(0.1);
    let mut t4 = Touchpoint::new("t4", "Section review");
    t4.stage = Some(StageId::new("s2"));
    t4.owner = Some(DepartmentId::new("evil"));
    t4.satisfaction = Some(Satisfaction::Summary {
        mean: 0.0,
        responses: 3,
    });
    t4.order = Some(-2);
    let mut t5 = Touchpoint::new("-t5", "@mention + more");
    t5.stage = Some(StageId::new("s2"));
    t5.layer = Layer::Backstage;
    for t in [t1, t2, t3, t4, t5] {
        j.add_touchpoint(t).unwrap();
    }
    let mut h = Handoff::new("t1", "t2");
    h.wait_hours = Some(4.0);
    h.failure_rate = Some(0.1);
    h.label = "a\"b".into();
    h.notes = "+ lost the address".into();
    j.add_handoff(h).unwrap();
    for (f, t) in [("t2", "t3"), ("t3", "t4"), ("t4", "t2"), ("t3", "-t5")] {
        j.add_handoff(Handoff::new(f, t)).unwrap();
    }
    j
}

/// What the touchpoints CSV carries of a journey: touchpoints, handoffs (with their
/// details when `details`), and the stages and departments in use, in the order the
/// table meets them; the title comes from the file name.
fn csv_view(j: &Journey, title: &str, details: bool) -> Journey {
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
        let mut h = h.clone();
        if !details {
            h = Handoff::new(h.from.0, h.to.0);
        }
        v.add_handoff(h).unwrap();
    }
    v
}

fn text(artifacts: &[export::Artifact]) -> String {
    assert_eq!(artifacts.len(), 1);
    String::from_utf8(artifacts[0].bytes.clone()).unwrap()
}

fn export_one(j: &Journey, format: ExportFormat, table: Option<CsvTable>) -> String {
    let mut o = ExportOptions::new(format);
    o.table = table;
    text(&export::export(j, &o).unwrap())
}

// ----- CSV ----------------------------------------------------------------------------------

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_tables_parse_with_the_csv_crate() {
    for (name, j) in samples() {
        let tps = parse_csv(&export_one(
            &j,
            ExportFormat::Csv,
            Some(CsvTable::Touchpoints),
        ));
        assert_eq!(tps.len(), j.touchpoint_count() + 1, "{name}");
        assert!(tps.iter().all(|r| r.len() == tps[0].len()), "{name}");
        assert_eq!(&tps[0][..4], ["id", "name", "stage_id", "stage"]);
        assert_eq!(tps[0].last().map(String::as_str), Some("next"));
        let hs = parse_csv(&export_one(&j, ExportFormat::Csv, Some(CsvTable::Handoffs)));
        assert_eq!(hs.len(), j.handoff_count() + 1, "{name}");
        let m = parse_csv(&export_one(&j, ExportFormat::Csv, Some(CsvTable::Matrix)));
        // The matrix sums to the number of handoffs.
        let total: usize = m
            .iter()
            .skip(1)
            .flat_map(|r| r.iter().skip(1))
            .map(|c| c.parse::<usize>().unwrap())
            .sum();
        assert_eq!(total, j.handoff_count(), "{name}");
        assert_eq!(m.len(), m[0].len(), "{name}: a square matrix");
    }
}

#[test]
fn move_address_matrix_counts_cross_department_handoffs() {
    let (_, j) = samples()
        .into_iter()
        .find(|(n, _)| n == "move-address")
        .unwrap();
    let m = parse_csv(&export_one(&j, ExportFormat::Csv, Some(CsvTable::Matrix)));
    assert_eq!(m[0][0], "from \\ to");
    let names: Vec<&str> = j.departments().iter().map(|d| d.name.as_str()).collect();
    assert_eq!(&m[0][1..=names.len()], names.as_slice());
    // Each cell equals the handoffs between those owners, counted here directly.
    for (r, from) in j.departments().iter().enumerate() {
        for (c, to) in j.departments().iter().enumerate() {
            let n = j
                .handoffs()
                .iter()
                .filter(|h| {
                    j.touchpoint(&h.from).and_then(|t| t.owner.as_ref()) == Some(&from.id)
                        && j.touchpoint(&h.to).and_then(|t| t.owner.as_ref()) == Some(&to.id)
                })
                .count();
            assert_eq!(
                m[r + 1][c + 1],
                n.to_string(),
                "{} -> {}",
                from.name,
                to.name
            );
        }
    }
}

#[test]
fn hostile_csv_round_trips_exactly_and_guards_formulas() {
    let j = hostile();
    let tps = export_one(&j, ExportFormat::Csv, Some(CsvTable::Touchpoints));
    let rows = parse_csv(&tps);
    let cell = |id: &str, col: &str| {
        let c = rows[0].iter().position(|h| h == col).unwrap();
        rows.iter().find(|r| r[0] == id).unwrap()[c].clone()
    };
    assert_eq!(cell("'-t5", "name"), "'@mention + more");
    assert_eq!(cell("t1", "notes"), "'-note");
    assert_eq!(cell("t3", "owner"), "'=cmd|' /C calc'!A0");
    assert_eq!(cell("t1", "next"), "t2");
    assert_eq!(cell("t3", "next"), "'-t5;t4");
    assert_eq!(cell("t1", "satisfaction"), "4.85");
    assert_eq!(cell("t1", "metric:Handle time [min] target<=8"), "7");
    assert_eq!(cell("t2", "metric:Handle time [min] target<=8"), "9");
    assert_eq!(cell("t3", "metric:Wait [queue] [] (lower is better)"), "48");
    // No text cell starts with a formula character.
    for r in &rows {
        for c in r {
            assert!(!c.starts_with(['=', '+', '@', '\t', '\r']), "{c:?}");
            assert!(!c.starts_with('-') || c.parse::<f64>().is_ok(), "{c:?}");
        }
    }
    // The touchpoints table alone: everything but the handoff details.
    let back = import_str("Rich.csv", &tps, ImportFormat::Csv).unwrap();
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(back.journey, csv_view(&j, "Rich", false));
    // With the handoffs table merged in: the very same journey.
    let mut journey = back.journey;
    let hs = export_one(&j, ExportFormat::Csv, Some(CsvTable::Handoffs));
    let problems = touchpoint::import::csv::merge_handoffs(&mut journey, "Rich.handoffs.csv", &hs);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(journey, j);
}

#[test]
fn sample_csvs_round_trip() {
    for (name, j) in samples() {
        let tps = export_one(&j, ExportFormat::Csv, Some(CsvTable::Touchpoints));
        let back = import_str(&format!("{name}.csv"), &tps, ImportFormat::Csv).unwrap();
        assert!(back.problems.is_empty(), "{name}: {:?}", back.problems);
        assert_eq!(back.journey, csv_view(&j, &name, false), "{name}");
        let mut merged = back.journey;
        let hs = export_one(&j, ExportFormat::Csv, Some(CsvTable::Handoffs));
        assert!(touchpoint::import::csv::merge_handoffs(&mut merged, "h", &hs).is_empty());
        assert_eq!(merged, csv_view(&j, &name, true), "{name}");
    }
}

#[test]
fn bom_option_and_three_files() {
    let j = hostile();
    let mut o = ExportOptions::new(ExportFormat::Csv);
    o.bom = true;
    let all = export::export(&j, &o).unwrap();
    let suffixes: Vec<Option<&str>> = all.iter().map(|a| a.suffix).collect();
    assert_eq!(
        suffixes,
        [Some("touchpoints"), Some("handoffs"), Some("matrix")]
    );
    for a in &all {
        assert!(a.bytes.starts_with("\u{feff}".as_bytes()));
        assert!(a.bytes.ends_with(b"\r\n"));
    }
    // The importer takes the BOM in its stride.
    let t = String::from_utf8(all[0].bytes.clone()).unwrap();
    assert_eq!(
        import_str("Rich.csv", &t, ImportFormat::Csv)
            .unwrap()
            .journey,
        csv_view(&j, "Rich", false)
    );
}

// ----- Mermaid ------------------------------------------------------------------------------

#[test]
fn hostile_mermaid_is_inert_and_reads_back() {
    let j = hostile();
    let mmd = export_one(&j, ExportFormat::Mermaid, None);
    assert!(!mmd.contains("<script"), "{mmd}");
    assert!(!mmd.contains("%%e"), "{mmd}");
    for line in mmd.lines().skip(1) {
        let l = line.trim_start();
        if l.starts_with("%%") {
            assert_eq!(l, "%% unscored");
            continue;
        }
        // Outside entity codes, no `#` `;` `<` `>`; a task has exactly its two `:`.
        let plain = strip_entities(l);
        assert!(!plain.contains(['#', ';', '<', '>']), "{line}");
        if !(l.starts_with("title ") || l.starts_with("section ") || l.starts_with("accDescr:")) {
            assert!(plain.matches(':').count() <= 2, "{line}");
        }
    }
    assert!(
        mmd.contains("      #lt;script#gt;alert(1)#lt;/script#gt;: 3: Customer\n"),
        "{mmd}"
    );
    assert!(
        mmd.contains("      #83;ection review: 1: \"]#59; evil [\n"),
        "{mmd}"
    );
    assert!(
        mmd.contains("    section #lt;b#gt;Stage#lt;/b#gt;#58; one#59; #35;2\n"),
        "{mmd}"
    );
    let back = import_str("x.mmd", &mmd, ImportFormat::Mermaid).unwrap();
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    let b = &back.journey;
    assert_eq!(b.title(), "Rich");
    let names = |j: &Journey| {
        let mut v: Vec<String> = j.touchpoints().map(|t| t.name.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(names(b), names(&j));
    let stages: Vec<&str> = b.stages().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["<b>Stage</b>: one; #2", "Section two"]);
    let depts: Vec<&str> = b.departments().iter().map(|d| d.name.as_str()).collect();
    assert_eq!(depts, ["Customer", "\"]; evil [", "=cmd|' /C calc'!A0"]);
}

fn strip_entities(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.find('#') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let end = after
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        if end > 0 && after[end..].starts_with(';') {
            rest = &after[end + 1..];
        } else {
            out.push('#');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn mermaid_round_trip_is_stable_for_every_sample() {
    for (name, j) in samples() {
        let first = export_one(&j, ExportFormat::Mermaid, None);
        let back = import_str(&format!("{name}.mmd"), &first, ImportFormat::Mermaid).unwrap();
        assert!(back.problems.is_empty(), "{name}: {:?}", back.problems);
        assert_eq!(
            back.journey.touchpoint_count(),
            j.touchpoint_count(),
            "{name}"
        );
        assert_eq!(back.journey.stages().len(), j.stages().len(), "{name}");
        assert_eq!(back.journey.title(), j.title().trim());
        // Scores survive as Mermaid scores; unscored stays unscored.
        let second = export_one(&back.journey, ExportFormat::Mermaid, None);
        assert_eq!(first, second, "{name}");
    }
}

#[test]
fn mermaid_scores_follow_the_documented_mapping() {
    let mut j = Journey::new("Scores");
    for (i, mean) in [0.0, 1.24, 1.25, 3.74, 3.75, 6.24, 6.25, 8.74, 8.75, 10.0]
        .into_iter()
        .enumerate()
    {
        let mut t = Touchpoint::new(format!("t{i}"), format!("T{i}"));
        t.satisfaction = Some(Satisfaction::Summary { mean, responses: 1 });
        j.add_touchpoint(t).unwrap();
    }
    j.add_touchpoint(Touchpoint::new("u", "Unscored")).unwrap();
    let mut t = Touchpoint::new("z", "Zero responses");
    t.satisfaction = Some(Satisfaction::Histogram([0; 11]));
    j.add_touchpoint(t).unwrap();
    let mmd = export_one(&j, ExportFormat::Mermaid, None);
    let scores: Vec<&str> = mmd
        .lines()
        .filter(|l| l.starts_with("      T"))
        .map(|l| l.rsplit(": ").next().unwrap())
        .collect();
    assert_eq!(scores, ["1", "1", "2", "2", "3", "3", "4", "4", "5", "5"]);
    assert!(
        mmd.contains("      %% unscored\n      Unscored: 3\n"),
        "{mmd}"
    );
    assert!(
        mmd.contains("      %% unscored\n      Zero responses: 3\n"),
        "{mmd}"
    );
}

// ----- DOT ----------------------------------------------------------------------------------

/// A small DOT reader for what our export writes (and a bit more): returns nodes with
/// their labels, edges and the number of clusters, or the first syntax error.
mod dot_grammar {
    #[derive(Debug, Clone, PartialEq)]
    pub enum Tok {
        Id(String),
        Str(String),
        Punct(&'static str),
    }

    pub fn tokens(src: &str) -> Result<Vec<Tok>, String> {
        let mut out = Vec::new();
        let mut chars = src.chars().peekable();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() {
                chars.next();
            } else if c == '"' {
                chars.next();
                let mut s = String::new();
                loop {
                    match chars.next() {
                        None => return Err("unterminated string".into()),
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some('"') => s.push('"'),
                            Some('\\') => s.push('\\'),
                            Some('n') => s.push('\n'),
                            Some(o) => return Err(format!("unexpected escape \\{o}")),
                            None => return Err("unterminated escape".into()),
                        },
                        Some('\n') => return Err("raw newline in a string".into()),
                        Some(o) => s.push(o),
                    }
                }
                out.push(Tok::Str(s));
            } else if c.is_alphanumeric() || c == '_' || c == '.' {
                let mut s = String::new();
                while let Some(&d) = chars.peek() {
                    if d.is_alphanumeric() || d == '_' || d == '.' {
                        s.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push(Tok::Id(s));
            } else if c == '-' {
                chars.next();
                if chars.next() != Some('>') {
                    return Err("`-` not followed by `>`".into());
                }
                out.push(Tok::Punct("->"));
            } else {
                chars.next();
                let p = match c {
                    '{' => "{",
                    '}' => "}",
                    '[' => "[",
                    ']' => "]",
                    ';' => ";",
                    ',' => ",",
                    '=' => "=",
                    o => return Err(format!("unexpected character {o:?}")),
                };
                out.push(Tok::Punct(p));
            }
        }
        Ok(out)
    }

    #[derive(Default, Debug)]
    pub struct Graph {
        pub nodes: Vec<(String, Option<String>)>,
        pub edges: Vec<(String, String)>,
        pub clusters: usize,
        pub attrs: Vec<(String, String)>,
    }

    struct P {
        t: Vec<Tok>,
        i: usize,
        g: Graph,
    }

    impl P {
        fn peek(&self) -> Option<&Tok> {
            self.t.get(self.i)
        }
        fn next(&mut self) -> Option<Tok> {
            let t = self.t.get(self.i).cloned();
            self.i += 1;
            t
        }
        fn punct(&mut self, p: &str) -> Result<(), String> {
            match self.next() {
                Some(Tok::Punct(q)) if q == p => Ok(()),
                other => Err(format!("expected {p}, got {other:?} at {}", self.i)),
            }
        }
        fn id(&mut self) -> Result<String, String> {
            match self.next() {
                Some(Tok::Id(s) | Tok::Str(s)) => Ok(s),
                other => Err(format!("expected an id, got {other:?} at {}", self.i)),
            }
        }
        fn attr_list(&mut self) -> Result<Vec<(String, String)>, String> {
            let mut out = Vec::new();
            while self.peek() == Some(&Tok::Punct("[")) {
                self.next();
                while self.peek() != Some(&Tok::Punct("]")) {
                    let k = self.id()?;
                    self.punct("=")?;
                    let v = self.id()?;
                    out.push((k, v));
                    if matches!(self.peek(), Some(Tok::Punct("," | ";"))) {
                        self.next();
                    }
                }
                self.punct("]")?;
            }
            Ok(out)
        }
        fn stmts(&mut self) -> Result<(), String> {
            loop {
                match self.peek() {
                    Some(Tok::Punct("}")) => return Ok(()),
                    Some(Tok::Punct(";")) => {
                        self.next();
                    }
                    None => return Err("missing }".into()),
                    _ => self.stmt()?,
                }
            }
        }
        fn stmt(&mut self) -> Result<(), String> {
            if let Some(Tok::Id(k)) = self.peek().cloned() {
                if k == "subgraph" {
                    self.next();
                    let name = self.id()?;
                    if name.starts_with("cluster") {
                        self.g.clusters += 1;
                    }
                    self.punct("{")?;
                    self.stmts()?;
                    return self.punct("}");
                }
                if k == "graph" || k == "node" || k == "edge" {
                    self.next();
                    self.attr_list()?;
                    return Ok(());
                }
            }
            let a = self.id()?;
            if self.peek() == Some(&Tok::Punct("=")) {
                self.next();
                let v = self.id()?;
                self.g.attrs.push((a, v));
                return Ok(());
            }
            if self.peek() == Some(&Tok::Punct("->")) {
                let mut from = a;
                while self.peek() == Some(&Tok::Punct("->")) {
                    self.next();
                    let to = self.id()?;
                    self.g.edges.push((from, to.clone()));
                    from = to;
                }
                self.attr_list()?;
                return Ok(());
            }
            let attrs = self.attr_list()?;
            let label = attrs
                .into_iter()
                .find(|(k, _)| k == "label")
                .map(|(_, v)| v);
            self.g.nodes.push((a, label));
            Ok(())
        }
    }

    pub fn parse(src: &str) -> Result<Graph, String> {
        let mut p = P {
            t: tokens(src)?,
            i: 0,
            g: Graph::default(),
        };
        match p.next() {
            Some(Tok::Id(k)) if k == "digraph" => {}
            other => return Err(format!("expected digraph, got {other:?}")),
        }
        if matches!(p.peek(), Some(Tok::Id(_) | Tok::Str(_))) {
            p.next();
        }
        p.punct("{")?;
        p.stmts()?;
        p.punct("}")?;
        if p.i != p.t.len() {
            return Err("text after the closing }".into());
        }
        Ok(p.g)
    }
}

#[test]
fn dot_parses_and_carries_every_node_and_edge() {
    let mut all = samples();
    all.push(("hostile".into(), hostile()));
    for (name, j) in all {
        let dot = export_one(&j, ExportFormat::Dot, None);
        let g = dot_grammar::parse(&dot).unwrap_or_else(|e| panic!("{name}: {e}\n{dot}"));
        assert_eq!(g.clusters, j.departments().len(), "{name}");
        let mut nodes: Vec<&str> = g.nodes.iter().map(|(id, _)| id.as_str()).collect();
        nodes.sort();
        let ids: Vec<&str> = j.touchpoints().map(|t| t.id.as_str()).collect();
        assert_eq!(nodes, ids, "{name}");
        for (id, label) in &g.nodes {
            let t = j.touchpoint(&TouchpointId::new(id.as_str())).unwrap();
            let first = label.as_deref().and_then(|l| l.lines().next());
            assert_eq!(first, Some(t.name.lines().next().unwrap_or("")), "{name}");
        }
        let edges: Vec<(String, String)> = j
            .handoffs()
            .iter()
            .map(|h| (h.from.0.clone(), h.to.0.clone()))
            .collect();
        assert_eq!(g.edges, edges, "{name}");
    }
}

#[test]
fn dot_escapes_hostile_text() {
    let dot = export_one(&hostile(), ExportFormat::Dot, None);
    assert!(
        dot.contains("\"t2\" [label=\"\\\"]; evil [\\n<b>Stage</b>: one; #2 · Phone · 6.25/10\"];"),
        "{dot}"
    );
    assert!(dot.contains("label=\"\\\"]; evil [\";"), "{dot}");
    assert!(dot.contains("\"t1\" -> \"t2\" [label=\"a\\\"b\\n4 h wait\\n10% fail\", color=\"#d62728\", penwidth=2];"), "{dot}");
    let g = dot_grammar::parse(&dot).unwrap();
    // The hostile names are labels, not statements: exactly 5 nodes and 5 edges.
    assert_eq!((g.nodes.len(), g.edges.len()), (5, 5));
    // Colours are the validated department colours.
    assert!(dot.contains("color=\"#010203\""), "{dot}");
}

// ----- determinism and golden files ---------------------------------------------------------

#[test]
fn exports_are_deterministic_whatever_the_insertion_order() {
    let j = hostile();
    // The same journey built in another order: touchpoints and handoffs reversed.
    let mut k = Journey::new("Rich");
    for (i, s) in j.stages().iter().enumerate() {
        k.insert_stage(i, s.clone()).unwrap();
    }
    for (i, d) in j.departments().iter().enumerate() {
        k.insert_department(i, d.clone()).unwrap();
    }
    let mut tps: Vec<Touchpoint> = j.touchpoints().cloned().collect();
    tps.reverse();
    for t in tps {
        k.add_touchpoint(t).unwrap();
    }
    let mut hs: Vec<Handoff> = j.handoffs().into_iter().cloned().collect();
    hs.reverse();
    for h in hs {
        k.add_handoff(h).unwrap();
    }
    assert_eq!(j, k);
    for f in [ExportFormat::Csv, ExportFormat::Mermaid, ExportFormat::Dot] {
        let o = ExportOptions::new(f);
        assert_eq!(export::export(&j, &o), export::export(&k, &o), "{f:?}");
    }
}

#[test]
fn golden_exports_of_the_samples() {
    for (name, j) in samples() {
        for t in [CsvTable::Touchpoints, CsvTable::Handoffs, CsvTable::Matrix] {
            let text = export_one(&j, ExportFormat::Csv, Some(t)).replace("\r\n", "\n");
            insta::assert_snapshot!(format!("{name}.{}.csv", t.name()), text);
        }
        insta::assert_snapshot!(
            format!("{name}.mmd"),
            export_one(&j, ExportFormat::Mermaid, None)
        );
        insta::assert_snapshot!(
            format!("{name}.dot"),
            export_one(&j, ExportFormat::Dot, None)
        );
    }
}
