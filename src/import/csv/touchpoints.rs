//! A touchpoint table: one row per touchpoint with its owner, channel, figures,
//! scores and metrics.

use super::columns::{Col, normalise};
use super::header::{Cells, Header};
use super::q;
use super::rows::Row;
use super::values::parse_count;
use crate::dialect::csv::{parse_metric_cell, parse_number, unprefix};
use crate::import::build::{Builder, DeptSpec, Problems};
use crate::model::{
    Channel, DepartmentKind, Handoff, Layer, Metric, Rgb, Satisfaction, Touchpoint, TouchpointId,
    slugify,
};
use crate::tr;
use std::collections::BTreeMap;

/// Read a touchpoints table.
pub(super) fn touchpoints_table(
    b: &mut Builder,
    header: &Header,
    body: &[Row],
    problems: &mut Problems,
    progress: &dyn crate::progress::Progress,
) -> Result<(), crate::progress::Cancelled> {
    // Original id -> imported id, and name -> imported id, to resolve `next`.
    let mut by_given_id: BTreeMap<String, TouchpointId> = BTreeMap::new();
    let mut by_name: BTreeMap<String, TouchpointId> = BTreeMap::new();
    let mut by_name_lower: BTreeMap<String, TouchpointId> = BTreeMap::new();
    let mut imported: Vec<(usize, TouchpointId, &str)> = Vec::new();
    let next_col = header.has(&Col::Next);
    for (k, row) in body.iter().enumerate() {
        if k % 512 == 0 {
            crate::progress::step(progress, k as f32 / body.len().max(1) as f32)?;
        }
        let cells = Cells { header, row };
        let line = row.line;
        let given_id = cells.get(&Col::Id);
        let name = cells.get(&Col::Name);
        if given_id.is_empty() && name.is_empty() {
            problems.at(line, crate::i18n::tr("imp-row-without-name"));
            continue;
        }
        if row.len() > header.cols.len() {
            problems.at(
                line,
                tr!(
                    "imp-extra-cells",
                    cells = row.len(),
                    columns = header.cols.len()
                ),
            );
        }
        let (id, changed) = b.touchpoint_id(given_id, name);
        if changed {
            if by_given_id.contains_key(given_id) {
                problems.at(
                    line,
                    tr!("imp-id-twice", id = given_id, new = id.to_string()),
                );
            } else {
                problems.at(line, tr!("imp-bad-id", id = given_id, new = id.to_string()));
            }
        }
        let mut tp = Touchpoint::new(
            id.0.clone(),
            b.text("imp-what-the-name", name, line, problems),
        );
        tp.description = b.text(
            "io-what-description",
            cells.get(&Col::Description),
            line,
            problems,
        );
        tp.notes = b.text("imp-what-the-notes", cells.get(&Col::Notes), line, problems);
        tp.stage = b.stage(
            cells.get(&Col::StageId),
            cells.get(&Col::Stage),
            line,
            problems,
        );
        tp.owner = owner(b, &cells, line, problems);
        read_channel_layer(&mut tp, &cells, line, problems);
        read_numbers(&mut tp, &cells, line, problems);
        read_satisfaction(&mut tp, header, &cells, line, problems);
        read_metrics(&mut tp, header, row, problems);
        let pains = cells.get(&Col::Pains);
        tp.pains = pains
            .lines()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| b.text("io-what-pain", p, line, problems))
            .collect();
        if b.add_touchpoint(tp, line, problems) {
            if !given_id.is_empty() {
                by_given_id.entry(given_id.to_owned()).or_insert(id.clone());
            }
            by_name.entry(name.to_owned()).or_insert(id.clone());
            by_name_lower
                .entry(name.to_lowercase())
                .or_insert(id.clone());
            imported.push((line, id, cells.get(&Col::Next)));
        }
    }
    if next_col {
        for (line, from, next) in &imported {
            for target in split_refs(next) {
                let to = by_given_id
                    .get(target)
                    .or_else(|| by_name.get(target))
                    .or_else(|| by_name_lower.get(&target.to_lowercase()))
                    .or_else(|| by_given_id.get(&slugify(target, "")));
                match to {
                    Some(to) => {
                        let h = Handoff::new(from.0.clone(), to.0.clone());
                        if b.journey.handoff(&h.key()).is_some() {
                            problems.at(*line, tr!("imp-next-twice", key = h.key().to_string()));
                        } else {
                            b.connect(h, *line, problems);
                        }
                    }
                    None => problems.at(*line, tr!("imp-next-unknown", id = target.to_string())),
                }
            }
        }
    } else {
        for pair in imported.windows(2) {
            if let [(line, a, _), (_, c, _)] = pair {
                b.connect(Handoff::new(a.0.clone(), c.0.clone()), *line, problems);
            }
        }
    }
    Ok(())
}

/// `a; b` -> ["a", "b"]; also newlines, commas and `|` separate.
pub(super) fn split_refs(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', '\n', ',', '|'])
        .map(|s| unprefix(s.trim()))
        .filter(|s| !s.is_empty())
}

pub(super) fn owner(
    b: &mut Builder,
    cells: &Cells<'_>,
    line: usize,
    problems: &mut Problems,
) -> Option<crate::model::DepartmentId> {
    let color_text = cells.get(&Col::OwnerColor);
    let color = if color_text.is_empty() {
        None
    } else {
        let c = Rgb::parse(color_text);
        if c.is_none() {
            problems.at(line, tr!("imp-bad-colour", value = q(color_text)));
        }
        c
    };
    let kind_text = cells.get(&Col::OwnerKind);
    let kind = match normalise(kind_text).as_str() {
        "" => None,
        "internal" | "department" => Some(DepartmentKind::Internal),
        "customer" => Some(DepartmentKind::Customer),
        "partner" | "external" => Some(DepartmentKind::Partner),
        _ => {
            problems.at(line, tr!("imp-bad-kind", value = q(kind_text)));
            None
        }
    };
    b.department(
        &DeptSpec {
            id: cells.get(&Col::OwnerId),
            name: cells.get(&Col::Owner),
            color,
            kind,
        },
        line,
        problems,
    )
}

pub(super) fn read_channel_layer(
    tp: &mut Touchpoint,
    cells: &Cells<'_>,
    line: usize,
    problems: &mut Problems,
) {
    let channel = cells.get(&Col::Channel);
    if !channel.is_empty() {
        tp.channel = Channel::parse(channel).unwrap_or_else(|| {
            problems.at(line, tr!("imp-bad-channel", value = q(channel)));
            Channel::Other
        });
    }
    let layer = cells.get(&Col::Layer);
    if !layer.is_empty() {
        match Layer::parse(layer) {
            Some(l) => tp.layer = l,
            None => problems.at(line, tr!("imp-bad-layer", value = q(layer))),
        }
    }
}

pub(super) fn read_numbers(
    tp: &mut Touchpoint,
    cells: &Cells<'_>,
    line: usize,
    problems: &mut Problems,
) {
    let volume = cells.get(&Col::Volume);
    if !volume.is_empty() {
        tp.volume = parse_count(volume);
        if tp.volume.is_none() {
            problems.at(line, tr!("imp-bad-volume", value = q(volume)));
        }
    }
    let handling = cells.get(&Col::Handling);
    if !handling.is_empty() {
        tp.handling_minutes = parse_number(handling).filter(|v| *v >= 0.0);
        if tp.handling_minutes.is_none() {
            problems.at(line, tr!("imp-bad-handling", value = q(handling)));
        }
    }
    let order = cells.get(&Col::Order);
    if !order.is_empty() {
        tp.order = order.trim().parse::<i32>().ok();
        if tp.order.is_none() {
            problems.at(line, tr!("imp-bad-order", value = q(order)));
        }
    }
}

pub(super) fn read_satisfaction(
    tp: &mut Touchpoint,
    header: &Header,
    cells: &Cells<'_>,
    line: usize,
    problems: &mut Problems,
) {
    let mut hist = [0u32; 11];
    let mut any = false;
    for (k, slot) in hist.iter_mut().enumerate() {
        if !header.has(&Col::Hist(k)) {
            continue;
        }
        let text = cells.get(&Col::Hist(k));
        if text.is_empty() {
            continue;
        }
        any = true;
        match parse_count(text).and_then(|n| u32::try_from(n).ok()) {
            Some(n) => *slot = n,
            None => problems.at(line, tr!("imp-bad-score-count", score = k, value = q(text))),
        }
    }
    let mean_text = cells.get(&Col::Score);
    let responses_text = cells.get(&Col::Responses);
    if any {
        let s = Satisfaction::Histogram(hist);
        if !mean_text.is_empty()
            && let (Some(given), Some(mean)) = (parse_number(mean_text), s.mean())
            && (given - mean).abs() > 0.01
        {
            problems.at(
                line,
                tr!(
                    "imp-mean-mismatch",
                    given = mean_text,
                    mean = crate::model::fmt_num(mean)
                ),
            );
        }
        tp.satisfaction = Some(s);
        return;
    }
    if mean_text.is_empty() {
        if !responses_text.is_empty() {
            problems.at(line, crate::i18n::tr("imp-responses-alone"));
        }
        return;
    }
    let Some(mean) = parse_number(mean_text) else {
        problems.at(line, tr!("imp-bad-satisfaction", value = q(mean_text)));
        return;
    };
    if !(0.0..=10.0).contains(&mean) {
        problems.at(line, tr!("imp-satisfaction-range", value = mean_text));
        return;
    }
    let responses = if responses_text.is_empty() {
        0
    } else {
        match parse_count(responses_text).and_then(|n| u32::try_from(n).ok()) {
            Some(n) => n,
            None => {
                problems.at(line, tr!("imp-bad-responses", value = q(responses_text)));
                0
            }
        }
    };
    tp.satisfaction = Some(Satisfaction::Summary { mean, responses });
}

pub(super) fn read_metrics(
    tp: &mut Touchpoint,
    header: &Header,
    row: &Row,
    problems: &mut Problems,
) {
    for (i, col) in header.cols.iter().enumerate() {
        let Some(Col::Metric(m)) = col else { continue };
        let text = row.cell(i);
        if text.is_empty() {
            continue;
        }
        match parse_metric_cell(text) {
            Some((value, directive)) => {
                let (target, better) = directive.unwrap_or((m.target, m.better));
                tp.metrics.push(Metric {
                    name: m.name.clone(),
                    value,
                    unit: m.unit.clone(),
                    target,
                    better,
                });
            }
            None => problems.at(
                row.line,
                tr!("imp-bad-metric-cell", name = q(&m.name), value = q(text)),
            ),
        }
    }
}
