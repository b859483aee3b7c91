//! The voice of the customer: per touchpoint, where its score came from, its trend
//! and the themes of its comments.

use super::{Block, TableKind, cell, num_cell, tp_name};
use crate::analysis::Analysis;
use crate::i18n::format::score as fmt_score;
use crate::i18n::{tr, tr_args};
use crate::model::Journey;
use crate::scene::clean_text;

/// Per touchpoint with survey evidence, in journey order: where its score came from, its
/// trend, and the themes of its comments with counts and quotes.
pub(super) fn voice_sections(journey: &Journey, a: &Analysis) -> Vec<Block> {
    let mut out = Vec::new();
    for id in &a.journey_order {
        let Some(tp) = journey.touchpoint(id) else {
            continue;
        };
        if tp.themes.is_empty() && tp.trend.is_empty() {
            continue;
        }
        out.push(Block::SubHeading(tp_name(journey, id)));
        let mut about = Vec::new();
        if tp.satisfaction_source.kind.is_measured() {
            about.push((
                tr("doc-score-from"),
                clean_text(&tp.satisfaction_source.describe()),
            ));
        }
        if !tp.trend.is_empty() {
            let points: Vec<String> = tp
                .trend
                .iter()
                .map(|p| {
                    format!(
                        "{} {} ({})",
                        clean_text(&p.period),
                        fmt_score(p.mean),
                        p.responses
                    )
                })
                .collect();
            let points = points.join(", ");
            let trend = if crate::analysis::worsening(&tp.trend).is_some() {
                tr_args("doc-trend-worse", &[("points", points.into())])
            } else {
                points
            };
            about.push((tr("doc-trend"), trend));
        }
        if !about.is_empty() {
            out.push(Block::List(about));
        }
        if !tp.themes.is_empty() {
            let rows = tp
                .themes
                .iter()
                .map(|th| {
                    let share = |n: u64| {
                        if th.count == 0 {
                            "0%".to_owned()
                        } else {
                            format!("{:.0}%", n as f64 / th.count as f64 * 100.0)
                        }
                    };
                    vec![
                        cell(clean_text(&th.terms.join(" / "))),
                        num_cell(th.count.to_string()),
                        num_cell(share(th.detractors)),
                        num_cell(share(th.promoters)),
                        cell(
                            th.quotes
                                .iter()
                                .map(|q| format!("\u{201c}{}\u{201d}", clean_text(q)))
                                .collect::<Vec<_>>()
                                .join(" "),
                        ),
                    ]
                })
                .collect();
            out.push(Block::Table {
                head: vec![
                    tr("doc-col-theme"),
                    tr("doc-col-comments"),
                    tr("doc-col-detractors"),
                    tr("doc-col-promoters"),
                    tr("doc-col-quotes"),
                ],
                rows,
                kind: TableKind::Plain,
            });
        }
    }
    out
}
