//! Unit tests of the table reader, header matching and dates.

use super::*;
use std::io::Cursor;

fn read_all(reader: &mut TableReader) -> (Vec<(usize, Vec<String>)>, Vec<ImportProblem>) {
    let mut problems = Vec::new();
    let mut row = Row::default();
    let mut out = Vec::new();
    while reader.next_row(&mut row, &mut problems) {
        out.push((row.line(), row.cells().map(str::to_owned).collect()));
    }
    (out, problems)
}

fn csv(text: &[u8]) -> TableReader {
    TableReader::csv("t.csv", Cursor::new(text.to_vec())).unwrap()
}

#[test]
fn csv_rows_have_their_lines_and_trimmed_cells() {
    let mut r = csv(b"a;b\n\n 1 ; '=x\n\"multi\nline\";3\n4;5\n");
    let (rows, problems) = read_all(&mut r);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        rows,
        vec![
            (1, vec!["a".into(), "b".into()]),
            (3, vec!["1".into(), "=x".into()]),
            (4, vec!["multi\nline".into(), "3".into()]),
            (6, vec!["4".into(), "5".into()]),
        ]
    );
}

#[test]
fn sep_line_bom_and_tabs() {
    let mut r = csv(b"\xef\xbb\xbfsep=|\na|b\n1|2\n");
    let (rows, _) = read_all(&mut r);
    assert_eq!(rows[0], (2, vec!["a".into(), "b".into()]));
    assert_eq!(rows[1], (3, vec!["1".into(), "2".into()]));
    let mut r = csv(b"a\tb\tc,d\n1\t2,3\n");
    let (rows, _) = read_all(&mut r);
    assert_eq!(rows[1].1, vec!["1".to_owned(), "2,3".to_owned()]);
}

#[test]
fn a_broken_line_is_reported_and_read_as_latin1() {
    let mut r = csv(b"name,comment\nA,caf\xe9\nB,ok");
    let (rows, problems) = read_all(&mut r);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1].1[1], "café");
    assert_eq!(rows[2].0, 3);
    let (rows, _) = read_all(&mut csv(b"a\n\n\n\"b\nc\""));
    assert_eq!(rows[1], (4, vec!["b\nc".to_owned()]));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(2));
    assert!(problems[0].to_string().starts_with("t.csv:2: "));
}

#[test]
fn utf16_with_bom_is_read() {
    let text = "a,b\n1,é\n";
    let mut bytes = vec![0xff, 0xfe];
    for u in text.encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let mut r = csv(&bytes);
    let (rows, problems) = read_all(&mut r);
    assert!(problems.is_empty());
    assert_eq!(rows[1], (2, vec!["1".into(), "é".into()]));
}

#[test]
fn unbalanced_quotes_do_not_panic() {
    let mut r = csv(b"a,b\n\"x,1\n2,3\n");
    let (rows, _) = read_all(&mut r);
    assert_eq!(rows[0].0, 1);
}

const FIELDS: [Field; 3] = [
    Field {
        key: "touchpoint",
        synonyms: &["touchpoint", "step", "interaction"],
        required: true,
    },
    Field {
        key: "score",
        synonyms: &["score", "rating", "nps"],
        required: true,
    },
    Field {
        key: "comment",
        synonyms: &["comment", "评论"],
        required: false,
    },
];

#[test]
fn header_found_by_synonyms_below_a_title_row() {
    let mut r = csv(b"Survey export\nStep,Extra,RATING ,\xe8\xaf\x84\xe8\xae\xba\nx,1,2,3\n");
    let mut problems = Vec::new();
    let cols = find_header(&mut r, &FIELDS, &[], &mut problems).unwrap();
    assert_eq!(cols.line, 2);
    assert_eq!(cols.index, vec![Some(0), Some(2), Some(3)]);
    assert_eq!(cols.unclaimed().collect::<Vec<_>>(), vec![(1, "Extra")]);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(1));
    let mut row = Row::default();
    assert!(r.next_row(&mut row, &mut problems));
    assert_eq!(row.line(), 3);
}

#[test]
fn explicit_columns_by_name_number_and_letter() {
    let header = Row::from_cells(1, &["Where", "How happy", "Said"]);
    let explicit = [
        (0, ColumnRef("where".into())),
        (1, ColumnRef("2".into())),
        (2, ColumnRef("C".into())),
    ];
    let cols = match_header(&header, &FIELDS, &explicit).unwrap();
    assert_eq!(cols.index, vec![Some(0), Some(1), Some(2)]);
    let missing = match_header(&header, &FIELDS, &[]).unwrap_err();
    assert_eq!(missing, vec!["touchpoint", "score"]);
}

#[test]
fn no_header_is_a_located_error() {
    let mut r = csv(b"a,b\n1,2\n");
    let e = find_header(&mut r, &FIELDS, &[], &mut Vec::new()).unwrap_err();
    assert!(e.to_string().starts_with("t.csv:1: no header row"), "{e}");
    let mut r = csv(b"");
    let e = find_header(&mut r, &FIELDS, &[], &mut Vec::new()).unwrap_err();
    assert!(e.to_string().contains("empty"), "{e}");
}

#[test]
fn dates_parse_and_weeks_follow_iso() {
    assert_eq!(Date::parse("2026-03-14"), Date::new(2026, 3, 14));
    assert_eq!(Date::parse("2026/3/4 10:00"), Date::new(2026, 3, 4));
    assert_eq!(Date::parse("2026-03-14T10:30:00Z"), Date::new(2026, 3, 14));
    assert_eq!(Date::parse("14.03.2026"), Date::new(2026, 3, 14));
    assert_eq!(Date::parse("2026年3月14日"), Date::new(2026, 3, 14));
    assert_eq!(Date::parse("03/14/2026"), None);
    assert_eq!(Date::parse("2026-02-30"), None);
    assert_eq!(Date::parse("soon"), None);
    let d = Date::new(2026, 3, 14).unwrap();
    assert_eq!(Date::from_days(d.days()), d);
    assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
    // 2021-01-03 is a Sunday in ISO week 2020-W53; 2021-01-04 starts 2021-W01.
    assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
    assert_eq!(Date::new(2021, 1, 4).unwrap().iso_week(), (2021, 1));
    assert_eq!(Date::new(2026, 12, 31).unwrap().iso_week(), (2026, 53));
}
