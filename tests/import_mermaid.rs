//! Mermaid `journey` import: every rule of Mermaid's documented grammar, its leniency,
//! and the problems reported for what it rejects.

use touchpoint::import::{ImportFormat, ImportResult, import_str};
use touchpoint::model::{DepartmentId, Journey, Satisfaction, StageId, TouchpointId};

fn import(text: &str) -> ImportResult {
    match import_str("j.mmd", text, ImportFormat::Mermaid) {
        Ok(r) => r,
        Err(e) => panic!("import failed: {e}"),
    }
}

fn messages(r: &ImportResult) -> Vec<String> {
    r.problems.iter().map(ToString::to_string).collect()
}

fn mean(j: &Journey, id: &str) -> Option<f64> {
    j.touchpoint(&TouchpointId::new(id))
        .and_then(|t| t.mean_score())
}

fn owner(j: &Journey, id: &str) -> Option<DepartmentId> {
    j.touchpoint(&TouchpointId::new(id))
        .and_then(|t| t.owner.clone())
}

/// The example of Mermaid's documentation.
const DOCS_EXAMPLE: &str = "journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
";

#[test]
fn the_documented_example() {
    let r = import(DOCS_EXAMPLE);
    assert!(r.problems.is_empty(), "{:?}", messages(&r));
    let j = &r.journey;
    assert_eq!(j.title(), "My working day");
    let stages: Vec<(&str, &str)> = j
        .stages()
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    assert_eq!(
        stages,
        [("go-to-work", "Go to work"), ("go-home", "Go home")]
    );
    let depts: Vec<&str> = j.departments().iter().map(|d| d.name.as_str()).collect();
    assert_eq!(depts, ["Me", "Cat"]);
    // Scores 1-5 map to 0-10: (s - 1) * 2.5.
    assert_eq!(mean(j, "make-tea"), Some(10.0));
    assert_eq!(mean(j, "go-upstairs"), Some(5.0));
    assert_eq!(mean(j, "do-work"), Some(0.0));
    let work = j.touchpoint(&TouchpointId::new("do-work")).unwrap();
    assert_eq!(work.owner, Some(DepartmentId::new("me")));
    assert_eq!(work.notes, "Also involved: Cat");
    assert_eq!(work.stage, Some(StageId::new("go-to-work")));
    assert_eq!(
        work.satisfaction,
        Some(Satisfaction::Summary {
            mean: 0.0,
            responses: 0
        })
    );
    // Tasks are connected in order, across sections.
    let order: Vec<(String, String)> = j
        .handoffs()
        .iter()
        .map(|h| (h.from.0.clone(), h.to.0.clone()))
        .collect();
    assert_eq!(order.len(), 4);
    assert!(order.contains(&("do-work".into(), "go-downstairs".into())));
    assert!(order.contains(&("make-tea".into(), "go-upstairs".into())));
}

#[test]
fn front_matter_title_accessibility_and_comments() {
    let text = "---\ntitle: \"From front matter\"\nconfig:\n  theme: forest\n---\n\
                %%{init: {'theme': 'dark'}}%%\n\
                journey\n\
                %% a whole-line comment\n\
                accTitle: Move journey\n\
                accDescr: Customers #9829; clarity; #35; is kept\n\
                section Notify %% trailing comment\n\
                Report move: 2: Customer # hash comment\n\
                Check: 4: Contact centre %% note\n";
    let r = import(text);
    assert_eq!(
        messages(&r),
        [
            "j.mmd:9: accTitle \"Move journey\" is not kept: the journey's title is \"From front matter\""
        ]
    );
    let j = &r.journey;
    assert_eq!(j.title(), "From front matter");
    assert_eq!(j.meta().description, "Customers ♥ clarity; # is kept");
    assert_eq!(j.stages()[0].name, "Notify");
    assert_eq!(owner(j, "report-move"), Some(DepartmentId::new("customer")));
    assert_eq!(owner(j, "check"), Some(DepartmentId::new("contact-centre")));
    assert_eq!(j.departments()[1].name, "Contact centre");
    // A `title` statement wins over front matter; accTitle is used when there is no title.
    let r = import("---\ntitle: Front\n---\njourney\ntitle Statement\nA: 3\n");
    assert_eq!(r.journey.title(), "Statement");
    let r = import("journey\naccTitle: Only accessible\nA: 3\n");
    assert!(r.problems.is_empty());
    assert_eq!(r.journey.title(), "Only accessible");
    // No title at all: the file name.
    assert_eq!(import("journey\nA: 3\n").journey.title(), "j");
}

#[test]
fn multi_line_acc_descr() {
    let r = import(
        "journey\naccDescr {\n   A user journey for\n   family shopping\n}\ntitle T\nA: 4\n",
    );
    assert!(r.problems.is_empty(), "{:?}", messages(&r));
    assert_eq!(
        r.journey.meta().description,
        "A user journey for\nfamily shopping"
    );
    let e = import_str(
        "j.mmd",
        "journey\naccDescr {\nnever closed\nA: 4\n",
        ImportFormat::Mermaid,
    )
    .unwrap_err();
    assert_eq!(
        e.lines(),
        [
            "j.mmd:2: `accDescr {` is never closed with `}`; the description is left out",
            "j.mmd: no tasks (`Task name: score: actor`) found: nothing to import",
        ]
    );
}

#[test]
fn lenient_spacing_case_and_missing_actors() {
    let text = "   JOURNEY\n\tTitle   Spaced   out  \n  SECTION   First  \nB task: 3:Bob, Charlie\nC task:5\nE task: 5:\n  section First\nF task :  4  :  ,Dana,, \n";
    let r = import(text);
    assert!(r.problems.is_empty(), "{:?}", messages(&r));
    let j = &r.journey;
    assert_eq!(j.title(), "Spaced   out");
    // A repeated section name is the same stage.
    assert_eq!(j.stages().len(), 1);
    assert_eq!(owner(j, "b-task"), Some(DepartmentId::new("bob")));
    assert_eq!(owner(j, "c-task"), None);
    assert_eq!(owner(j, "e-task"), None);
    assert_eq!(owner(j, "f-task"), Some(DepartmentId::new("dana")));
    assert_eq!(mean(j, "c-task"), Some(10.0));
    assert_eq!(mean(j, "f-task"), Some(7.5));
}

#[test]
fn tasks_before_any_section_have_no_stage() {
    let r = import("journey\nWarm up: 4: Me\nsection Later\nLater task: 2\n");
    let j = &r.journey;
    assert_eq!(
        j.touchpoint(&TouchpointId::new("warm-up")).unwrap().stage,
        None
    );
    assert_eq!(j.stages().len(), 1);
}

#[test]
fn scores_out_of_scale_are_clamped_and_bad_ones_left_empty() {
    let r = import("journey\nA: 7: X\nB: 0\nC: abc\nD: \nE: 2.5\nF: -3\n");
    assert_eq!(
        messages(&r),
        [
            "j.mmd:2: the score 7 is outside Mermaid's 1-5; clamped to 5",
            "j.mmd:3: the score 0 is outside Mermaid's 1-5; clamped to 1",
            "j.mmd:4: the score \"abc\" is not a number; satisfaction left empty",
            "j.mmd:5: a task without a score (1-5); satisfaction left empty",
            "j.mmd:7: the score -3 is outside Mermaid's 1-5; clamped to 1",
        ]
    );
    let j = &r.journey;
    assert_eq!(mean(j, "a"), Some(10.0));
    assert_eq!(mean(j, "b"), Some(0.0));
    assert_eq!(mean(j, "c"), None);
    assert_eq!(mean(j, "d"), None);
    assert_eq!(mean(j, "e"), Some(3.75));
    assert_eq!(j.touchpoint_count(), 6);
}

#[test]
fn unscored_marker_and_entities() {
    let r = import(
        "journey\nsection S\n  %% unscored\n  Pay #36;5#58; now: 3: Billing#44; Payments, Ops\n  Next<br>line: 4\n",
    );
    assert!(r.problems.is_empty(), "{:?}", messages(&r));
    let j = &r.journey;
    let pay = j.touchpoints().find(|t| t.name == "Pay $5: now").unwrap();
    assert_eq!(pay.satisfaction, None);
    assert_eq!(j.departments()[0].name, "Billing, Payments");
    assert_eq!(pay.notes, "Also involved: Ops");
    assert!(j.touchpoints().any(|t| t.name == "Next\nline"));
}

#[test]
fn what_mermaid_rejects_is_reported_and_the_rest_read() {
    let text = "title Before journey\njourney\nNo colon here\n: 3: nameless\nsection Bad: name\nsection\nT: 3: A: extra\njourney\ntitle\nOk: 4\n";
    let r = import(text);
    assert_eq!(
        messages(&r),
        [
            "j.mmd:1: the diagram does not start with `journey`; read as a journey anyway",
            "j.mmd:3: \"No colon here\" is not a task (`Task name: score: actor, actor`); ignored",
            "j.mmd:4: a task without a name; ignored",
            "j.mmd:5: a section name cannot contain `:` or `;`; \": name\" is ignored",
            "j.mmd:6: a `section` without a name; its tasks have no stage",
            "j.mmd:7: text after the actors is ignored (as Mermaid does): \" extra\"",
            "j.mmd:8: a second `journey` keyword; ignored",
            "j.mmd:9: an empty `title`; ignored",
        ]
    );
    let j = &r.journey;
    assert_eq!(j.title(), "Before journey");
    let names: Vec<&str> = j.touchpoints().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Ok", "T"]);
    assert_eq!(j.stages()[0].name, "Bad");
}

#[test]
fn nothing_usable_is_an_error() {
    for text in [
        "",
        "journey\n",
        "journey\ntitle Only a title\nsection S\n",
        "%% just a comment",
    ] {
        let e = import_str("j.mmd", text, ImportFormat::Mermaid).unwrap_err();
        assert!(
            e.lines()
                .last()
                .is_some_and(|l| l.ends_with("nothing to import")),
            "{text:?}: {e}"
        );
    }
}

#[test]
fn markdown_reads_the_first_mermaid_journey_block() {
    let md = "# Our journey\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\nText.\n\n```mermaid\njourney\n  title From the wiki\n  section S\n    Step one: 4: Team\n    Step two: x\n```\n";
    let r = import_str("README.md", md, ImportFormat::Mermaid).unwrap();
    assert_eq!(r.journey.title(), "From the wiki");
    assert_eq!(r.journey.touchpoint_count(), 2);
    // Line numbers are those of the Markdown file.
    assert_eq!(
        messages(&r),
        ["README.md:15: the score \"x\" is not a number; satisfaction left empty"]
    );
    let e = import_str(
        "x.md",
        "```mermaid\nflowchart LR\n```\n",
        ImportFormat::Mermaid,
    )
    .unwrap_err();
    assert_eq!(
        e.lines(),
        ["x.md: 1 ```mermaid block(s), none of them a `journey` diagram"]
    );
}

#[test]
fn crlf_line_ends() {
    let r = import(&DOCS_EXAMPLE.replace('\n', "\r\n"));
    assert!(r.problems.is_empty());
    assert_eq!(r.journey, import(DOCS_EXAMPLE).journey);
}
