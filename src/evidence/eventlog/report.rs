//! The mining report: what a drawn map cannot show (paths and their shares, elapsed
//! time per case, where cases end) beside the activities and handoffs, as text,
//! Markdown or JSON. Deterministic: the same log gives the same bytes.

use super::build::period_of;
use super::miner::Mined;
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

/// `12.5 h`, `3 min`, `-` for none.
fn num(v: Option<f64>, unit: &str) -> String {
    match v {
        None => "-".into(),
        Some(x) => format!("{} {unit}", crate::model::fmt_num(x)),
    }
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
    let period = period_of(m)
        .map(|p| format!(", {} to {}", p.from, p.to))
        .unwrap_or_default();
    let h = |t: &str| {
        if markdown {
            format!("\n## {t}\n\n")
        } else {
            format!("\n{t}\n")
        }
    };
    if markdown {
        o.push_str(&format!("# Mined journey: {}\n\n", m.file));
    }
    o.push_str(&format!(
        "{} cases, {} events{period}\nElapsed time per case: median {}, p90 {}\n",
        m.cases,
        m.events,
        num(m.elapsed_hours_median, "h"),
        num(m.elapsed_hours_p90, "h")
    ));
    o.push_str(&h("Activities (in journey order)"));
    let rows: Vec<Vec<String>> = m
        .activities
        .iter()
        .map(|a| {
            vec![
                a.name.clone(),
                a.department.clone().unwrap_or_else(|| "-".into()),
                a.cases.to_string(),
                a.events.to_string(),
                num(a.handling_minutes_median, "min"),
                num(a.handling_minutes_p90, "min"),
                if a.rework_cases > 0 {
                    a.rework_cases.to_string()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    o.push_str(&table(
        &[
            "activity",
            "department",
            "cases",
            "events",
            "handling median",
            "p90",
            "rework cases",
        ],
        &rows,
        markdown,
    ));
    let kept = kept_pairs(m, min_share);
    o.push_str(&h(&format!(
        "Handoffs taken by {}% of cases or more ({} of {})",
        crate::model::fmt_num(min_share * 100.0),
        kept.len(),
        m.pairs.len()
    )));
    let rows: Vec<Vec<String>> = kept
        .iter()
        .map(|&i| {
            let p = &m.pairs[i];
            vec![
                format!("{} -> {}", name(p.from), name(p.to)),
                p.transitions.to_string(),
                p.cases.to_string(),
                num(p.wait_hours_median, "h"),
                num(p.wait_hours_p90, "h"),
            ]
        })
        .collect();
    o.push_str(&table(
        &["handoff", "count", "cases", "wait median", "p90"],
        &rows,
        markdown,
    ));
    o.push_str(&h(&format!(
        "Top paths ({} distinct{})",
        m.variants.len(),
        if m.other_variant_cases > 0 {
            format!(", {} cases over the limits", m.other_variant_cases)
        } else {
            String::new()
        }
    )));
    let rows: Vec<Vec<String>> = m
        .variants
        .iter()
        .take(TOP_VARIANTS)
        .map(|v| {
            vec![
                format!("{:.1}%", pct(v.cases, m.cases)),
                v.cases.to_string(),
                num(v.elapsed_hours_median, "h"),
                v.activities
                    .iter()
                    .map(|&i| name(i))
                    .collect::<Vec<_>>()
                    .join(" -> "),
            ]
        })
        .collect();
    o.push_str(&table(
        &["share", "cases", "elapsed median", "path"],
        &rows,
        markdown,
    ));
    o.push_str(&h("Where cases end"));
    let rows: Vec<Vec<String>> = m
        .ends
        .iter()
        .map(|&(i, n)| {
            vec![
                name(i).to_owned(),
                n.to_string(),
                format!("{:.1}%", pct(n, m.cases)),
            ]
        })
        .collect();
    o.push_str(&table(
        &["last activity", "cases", "share"],
        &rows,
        markdown,
    ));
    o
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
    let mut w: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (k, c) in r.iter().enumerate() {
            if let Some(x) = w.get_mut(k) {
                *x = (*x).max(c.chars().count());
            }
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::from(" ");
        for (k, c) in cells.iter().enumerate() {
            let pad = w
                .get(k)
                .copied()
                .unwrap_or(0)
                .saturating_sub(c.chars().count());
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
        o.push_str("  (none)\n");
    }
    o
}
