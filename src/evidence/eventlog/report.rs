//! The mining report: what a drawn map cannot show (paths and their shares, elapsed
//! time per case, where cases end) beside the activities and handoffs, as text,
//! Markdown or JSON. Deterministic: the same log gives the same bytes.

use super::build::period_of;
use super::miner::Mined;
use crate::i18n::tr;
use crate::report::analyze::text_width;
use serde_json::{Value, json};

/// Variants listed in reports.
pub const TOP_VARIANTS: usize = 10;

/// Rounded to 4 decimals so JSON does not carry float noise.
pub fn r4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

pub fn opt(v: Option<f64>) -> Value {
    v.map_or(Value::Null, |x| json!(r4(x)))
}

fn pct(n: u64, of: u64) -> f64 {
    if of == 0 {
        0.0
    } else {
        n as f64 * 100.0 / of as f64
    }
}

/// A duration in hours in the current language (`12.5 h`, `3 天`), `-` for none.
pub fn hours(v: Option<f64>) -> String {
    v.map_or_else(|| "-".into(), crate::i18n::format::hours)
}

/// A duration in minutes, written like [`hours`] (`45 min`, `2.5 h`).
pub fn minutes(v: Option<f64>) -> String {
    hours(v.map(|m| m / 60.0))
}

/// A count of cases or events with thousands separators.
fn n(v: u64) -> String {
    crate::i18n::format::count(v)
}

/// The pairs kept by `min_share` (indexes into `m.pairs`).
pub fn kept_pairs(m: &Mined, min_share: f64) -> Vec<usize> {
    (0..m.pairs.len())
        .filter(|&i| m.cases > 0 && m.pairs[i].cases as f64 / m.cases as f64 >= min_share)
        .collect()
}

pub fn json(m: &Mined, min_share: f64, problems: &[String], problem_count: u64) -> Value {
    let name = |i: usize| m.activities.get(i).map_or("", |a| a.name.as_str());
    let kept = kept_pairs(m, min_share);
    json!({
        "file": m.file,
        "cases": m.cases,
        "events": m.events,
        "period": period_of(m).map(|p| json!({"from": p.from, "to": p.to})),
        "elapsed_hours_median": opt(m.elapsed_hours_median),
        "elapsed_hours_p90": opt(m.elapsed_hours_p90),
        "exact": m.exact,
        "activities": m.activities.iter().map(|a| json!({
            "name": a.name,
            "department": a.department,
            "departments": a.departments.iter().map(|(d, n)| json!({"name": d, "events": n})).collect::<Vec<_>>(),
            "cases": a.cases,
            "events": a.events,
            "rework_cases": a.rework_cases,
            "handling_minutes_median": opt(a.handling_minutes_median),
            "handling_minutes_p90": opt(a.handling_minutes_p90),
            "position_median": r4(a.position_median),
        })).collect::<Vec<_>>(),
        "handoffs": kept.iter().map(|&i| {
            let p = &m.pairs[i];
            json!({
                "from": name(p.from),
                "to": name(p.to),
                "count": p.transitions,
                "cases": p.cases,
                "wait_hours_median": opt(p.wait_hours_median),
                "wait_hours_p90": opt(p.wait_hours_p90),
            })
        }).collect::<Vec<_>>(),
        "dropped_handoffs": m.pairs.len() - kept.len(),
        "variants": m.variants.iter().take(TOP_VARIANTS).map(|v| json!({
            "activities": v.activities.iter().map(|&i| name(i)).collect::<Vec<_>>(),
            "cases": v.cases,
            "share": r4(pct(v.cases, m.cases) / 100.0),
            "elapsed_hours_median": opt(v.elapsed_hours_median),
        })).collect::<Vec<_>>(),
        "variant_count": m.variants.len(),
        "starts": m.starts.iter().map(|&(i, n)| json!({"activity": name(i), "cases": n, "share": r4(pct(n, m.cases) / 100.0)})).collect::<Vec<_>>(),
        "ends": m.ends.iter().map(|&(i, n)| json!({"activity": name(i), "cases": n, "share": r4(pct(n, m.cases) / 100.0)})).collect::<Vec<_>>(),
        "problem_count": problem_count,
        "problems": problems,
    })
}

/// The text (`markdown = false`) or Markdown report.
pub fn text(m: &Mined, min_share: f64, markdown: bool) -> String {
    let name = |i: usize| m.activities.get(i).map_or("", |a| a.name.as_str());
    let mut o = String::new();
    let h = |t: &str| {
        if markdown {
            format!("\n## {t}\n\n")
        } else {
            format!("\n{t}\n")
        }
    };
    if markdown {
        o.push_str(&format!(
            "# {}\n\n",
            tr!("mine-title", file = m.file.as_str())
        ));
    }
    o.push_str(&cases_line(m));
    o.push('\n');
    o.push_str(&tr!(
        "mine-elapsed",
        median = hours(m.elapsed_hours_median),
        p90 = hours(m.elapsed_hours_p90)
    ));
    o.push('\n');
    o.push_str(&h(&tr("mine-activities")));
    let rows: Vec<Vec<String>> = m
        .activities
        .iter()
        .map(|a| {
            vec![
                a.name.clone(),
                a.department.clone().unwrap_or_else(|| "-".into()),
                n(a.cases),
                n(a.events),
                minutes(a.handling_minutes_median),
                minutes(a.handling_minutes_p90),
                if a.rework_cases > 0 {
                    n(a.rework_cases)
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    o.push_str(&table(
        &[
            &tr("mine-col-activity"),
            &tr("mine-col-department"),
            &tr("mine-col-cases"),
            &tr("mine-col-events"),
            &tr("mine-col-handling-median"),
            &tr("mine-col-p90"),
            &tr("mine-col-rework-cases"),
        ],
        &rows,
        markdown,
    ));
    let kept = kept_pairs(m, min_share);
    o.push_str(&h(&tr!(
        "mine-handoffs",
        share = crate::model::fmt_num(min_share * 100.0),
        kept = kept.len(),
        total = m.pairs.len()
    )));
    let rows: Vec<Vec<String>> = kept
        .iter()
        .map(|&i| {
            let p = &m.pairs[i];
            vec![
                format!("{} -> {}", name(p.from), name(p.to)),
                n(p.transitions),
                n(p.cases),
                hours(p.wait_hours_median),
                hours(p.wait_hours_p90),
            ]
        })
        .collect();
    o.push_str(&table(
        &[
            &tr("mine-col-handoff"),
            &tr("mine-col-count"),
            &tr("mine-col-cases"),
            &tr("mine-col-wait-median"),
            &tr("mine-col-p90"),
        ],
        &rows,
        markdown,
    ));
    o.push_str(&h(&if m.other_variant_cases > 0 {
        tr!(
            "mine-paths-over",
            distinct = m.variants.len(),
            over = m.other_variant_cases
        )
    } else {
        tr!("mine-paths", distinct = m.variants.len())
    }));
    let rows: Vec<Vec<String>> = m
        .variants
        .iter()
        .take(TOP_VARIANTS)
        .map(|v| {
            vec![
                format!("{:.1}%", pct(v.cases, m.cases)),
                n(v.cases),
                hours(v.elapsed_hours_median),
                v.activities
                    .iter()
                    .map(|&i| name(i))
                    .collect::<Vec<_>>()
                    .join(" -> "),
            ]
        })
        .collect();
    o.push_str(&table(
        &[
            &tr("mine-col-share"),
            &tr("mine-col-cases"),
            &tr("mine-col-elapsed-median"),
            &tr("mine-col-path"),
        ],
        &rows,
        markdown,
    ));
    o.push_str(&h(&tr("mine-ends")));
    let rows: Vec<Vec<String>> = m
        .ends
        .iter()
        .map(|&(i, c)| vec![name(i).to_owned(), n(c), format!("{:.1}%", pct(c, m.cases))])
        .collect();
    o.push_str(&table(
        &[
            &tr("mine-col-last-activity"),
            &tr("mine-col-cases"),
            &tr("mine-col-share"),
        ],
        &rows,
        markdown,
    ));
    o
}

/// "500 cases, 9,000 events, 2026-01-05 to 2026-03-30" in the current language.
pub fn cases_line(m: &Mined) -> String {
    match period_of(m) {
        Some(p) => tr!(
            "mine-cases-period",
            cases = n(m.cases),
            events = n(m.events),
            from = crate::i18n::format::date_text(&p.from),
            to = crate::i18n::format::date_text(&p.to)
        ),
        None => tr!("mine-cases", cases = n(m.cases), events = n(m.events)),
    }
}

/// A plain aligned table or a Markdown table (`|` in cells escaped).
pub fn table(head: &[&str], rows: &[Vec<String>], markdown: bool) -> String {
    let mut o = String::new();
    if markdown {
        let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        o.push_str(&format!("| {} |\n", head.join(" | ")));
        o.push_str(&format!(
            "|{}\n",
            head.iter().map(|_| " --- |").collect::<String>()
        ));
        for r in rows {
            o.push_str(&format!(
                "| {} |\n",
                r.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ")
            ));
        }
        return o;
    }
    let mut w: Vec<usize> = head.iter().map(|h| text_width(h)).collect();
    for r in rows {
        for (k, c) in r.iter().enumerate() {
            if let Some(x) = w.get_mut(k) {
                *x = (*x).max(text_width(c));
            }
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::from(" ");
        for (k, c) in cells.iter().enumerate() {
            let pad = w.get(k).copied().unwrap_or(0).saturating_sub(text_width(c));
            s.push(' ');
            s.push_str(c);
            if k + 1 < cells.len() {
                s.push_str(&" ".repeat(pad + 1));
            }
        }
        s.push('\n');
        s
    };
    o.push_str(&line(head.to_vec()));
    for r in rows {
        o.push_str(&line(r.iter().map(String::as_str).collect()));
    }
    if rows.is_empty() {
        o.push_str(&format!("  {}\n", tr("mine-none")));
    }
    o
}
