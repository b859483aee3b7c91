//! The department x department handoff matrix.

use super::{Block, Cell, TableKind};
use crate::analysis::Analysis;
use crate::i18n::format::hours as fmt_hours;
use crate::i18n::tr;
use crate::scene::clean_text;

pub(super) fn matrix_table(a: &Analysis) -> Vec<Block> {
    let m = &a.matrix;
    // Departments with at least one handoff in or out.
    let used: Vec<usize> = (0..m.departments.len())
        .filter(|&i| {
            m.cells
                .get(i)
                .is_some_and(|row| row.iter().any(|c| c.handoffs > 0))
                || m.cells
                    .iter()
                    .any(|row| row.get(i).is_some_and(|c| c.handoffs > 0))
        })
        .collect();
    if used.is_empty() {
        return vec![Block::Para(tr("doc-no-handoffs"))];
    }
    let name =
        |i: usize| clean_text(&crate::report::analyze::matrix_name(m, i).unwrap_or_default());
    let mut head = vec![tr("doc-from-to")];
    head.extend(used.iter().map(|&i| name(i)));
    let rows = used
        .iter()
        .map(|&r| {
            let mut row = vec![Cell {
                text: name(r),
                class: "rowhead",
            }];
            for &c in &used {
                let text = match m.cells.get(r).and_then(|row| row.get(c)) {
                    Some(cell) if cell.handoffs > 0 && cell.wait_hours > 0.0 => {
                        format!("{} ({})", cell.handoffs, fmt_hours(cell.wait_hours))
                    }
                    Some(cell) if cell.handoffs > 0 => cell.handoffs.to_string(),
                    _ => String::new(),
                };
                let class = if r == c || text.is_empty() {
                    "num"
                } else {
                    "num cross"
                };
                row.push(Cell { text, class });
            }
            row
        })
        .collect();
    vec![
        Block::Para(tr("doc-matrix-about")),
        Block::Table {
            head,
            rows,
            kind: TableKind::Matrix,
        },
    ]
}
