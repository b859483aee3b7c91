//! The report of `touchpoint feedback`: text for a terminal, Markdown, or JSON for scripts.

use super::feedback::{Feedback, TouchpointFeedback};
use crate::analysis::{fmt_score, worsening};
use crate::report::escape::{md, md_line};
use serde_json::{Value, json};
use std::fmt::Write;

/// How many unmatched rows and problems the text and Markdown reports list (JSON lists
/// every unmatched row).
const LISTED: usize = 50;

fn pct(part: u64, whole: u64) -> String {
    if whole == 0 {
        "0%".to_owned()
    } else {
        format!("{:.0}%", part as f64 / whole as f64 * 100.0)
    }
}

fn nps_text(nps: Option<f64>) -> String {
    nps.map_or_else(|| "n/a".to_owned(), |n| format!("{n:+.0}"))
}

fn mean_text(t: &TouchpointFeedback) -> String {
    if t.responses == 0 {
        "n/a".to_owned()
    } else {
        fmt_score(t.mean)
    }
}

fn old_mean(t: &TouchpointFeedback) -> String {
    t.old
        .as_ref()
        .and_then(crate::model::Satisfaction::mean)
        .map_or_else(|| "none".to_owned(), fmt_score)
}

/// Clean a quote for one line of a terminal: control characters become spaces.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The terminal report.
pub fn text(f: &Feedback) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} rows, {} matched to a touchpoint, {} not matched; {} usable answers",
        f.rows,
        f.matched,
        f.unmatched.len(),
        f.responses()
    );
    for s in &f.scales {
        let _ = writeln!(
            o,
            "{}: scale {}{}",
            plain(&s.file),
            s.scale,
            if s.detected { " (detected)" } else { "" }
        );
    }
    if !f.unmatched.is_empty() {
        let _ = writeln!(o, "\nNot matched to a touchpoint:");
        for u in f.unmatched.iter().take(LISTED) {
            let _ = writeln!(
                o,
                "  {}:{}: {}",
                plain(&u.file),
                u.line,
                if u.touchpoint.is_empty() {
                    "(no touchpoint)".to_owned()
                } else {
                    format!("{:?}", u.touchpoint)
                }
            );
        }
        if f.unmatched.len() > LISTED {
            let _ = writeln!(o, "  ... and {} more", f.unmatched.len() - LISTED);
        }
    }
    for t in &f.touchpoints {
        let _ = writeln!(o, "\n{} ({})", plain(&t.name), t.id);
        let _ = writeln!(
            o,
            "  {} responses, mean {} (was {}), NPS {}, {} comments",
            t.responses,
            mean_text(t),
            old_mean(t),
            nps_text(t.nps),
            t.comments
        );
        for th in &t.themes {
            let _ = writeln!(
                o,
                "  theme {}: {} comments, {} from detractors, {} from promoters",
                plain(&th.terms.join(" / ")),
                th.count,
                pct(th.detractors, th.count),
                pct(th.promoters, th.count)
            );
            for q in &th.quotes {
                let _ = writeln!(o, "    \"{}\"", plain(q));
            }
        }
        if !t.trend.is_empty() {
            let points: Vec<String> = t
                .trend
                .iter()
                .map(|p| format!("{} {} ({})", p.period, fmt_score(p.mean), p.responses))
                .collect();
            let _ = writeln!(o, "  trend: {}", points.join(", "));
            if worsening(&t.trend).is_some() {
                let _ = writeln!(o, "  getting worse");
            }
        }
    }
    if !f.problems.is_empty() {
        let _ = writeln!(o, "\nProblems:");
        for p in f.problems.iter().take(LISTED) {
            let _ = writeln!(o, "  {}", plain(&p.to_string()));
        }
        let more = f.problems.len().saturating_sub(LISTED) + f.more_problems;
        if more > 0 {
            let _ = writeln!(o, "  ... and {more} more");
        }
    }
    o
}

/// The Markdown report (every text from the input escaped).
pub fn markdown(f: &Feedback) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Feedback\n");
    let _ = writeln!(
        o,
        "{} rows, {} matched to a touchpoint, {} not matched; {} usable answers.\n",
        f.rows,
        f.matched,
        f.unmatched.len(),
        f.responses()
    );
    for s in &f.scales {
        let _ = writeln!(
            o,
            "- {}: scale {}{}",
            md(&s.file),
            s.scale,
            if s.detected { " (detected)" } else { "" }
        );
    }
    if !f.touchpoints.is_empty() {
        let _ = writeln!(
            o,
            "\n| Touchpoint | Responses | Mean | Was | NPS | Comments |\n| --- | ---: | ---: | ---: | ---: | ---: |"
        );
        for t in &f.touchpoints {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                md(&t.name),
                t.responses,
                mean_text(t),
                old_mean(t),
                nps_text(t.nps),
                t.comments
            );
        }
    }
    for t in &f.touchpoints {
        if t.themes.is_empty() && t.trend.is_empty() {
            continue;
        }
        let _ = writeln!(o, "\n## {}\n", md(&t.name));
        for th in &t.themes {
            let _ = writeln!(
                o,
                "- **{}**: {} comments, {} from detractors, {} from promoters",
                md(&th.terms.join(" / ")),
                th.count,
                pct(th.detractors, th.count),
                pct(th.promoters, th.count)
            );
            for q in &th.quotes {
                let _ = writeln!(o, "  > {}", md_line(q));
            }
        }
        if !t.trend.is_empty() {
            let points: Vec<String> = t
                .trend
                .iter()
                .map(|p| format!("{} {} ({})", p.period, fmt_score(p.mean), p.responses))
                .collect();
            let worse = if worsening(&t.trend).is_some() {
                " **getting worse**"
            } else {
                ""
            };
            let _ = writeln!(o, "\nTrend: {}{worse}", points.join(", "));
        }
    }
    if !f.unmatched.is_empty() {
        let _ = writeln!(o, "\n## Not matched\n");
        for u in f.unmatched.iter().take(LISTED) {
            let _ = writeln!(o, "- {}:{}: {}", md(&u.file), u.line, md(&u.touchpoint));
        }
        if f.unmatched.len() > LISTED {
            let _ = writeln!(o, "- ... and {} more", f.unmatched.len() - LISTED);
        }
    }
    if !f.problems.is_empty() {
        let _ = writeln!(o, "\n## Problems\n");
        for p in f.problems.iter().take(LISTED) {
            let _ = writeln!(o, "- {}", md(&p.to_string()));
        }
        let more = f.problems.len().saturating_sub(LISTED) + f.more_problems;
        if more > 0 {
            let _ = writeln!(o, "- ... and {more} more");
        }
    }
    o
}

/// The JSON report (schema 1).
pub fn json(f: &Feedback) -> Value {
    let touchpoints: Vec<Value> = f
        .touchpoints
        .iter()
        .map(|t| {
            json!({
                "id": t.id.as_str(),
                "name": t.name,
                "responses": t.responses,
                "mean": (t.responses > 0).then_some(t.mean),
                "old_mean": t.old.as_ref().and_then(crate::model::Satisfaction::mean),
                "nps": t.nps,
                "histogram": t.histogram,
                "histogram_exact": t.exact,
                "comments": t.comments,
                "themes": t.themes.iter().map(|th| json!({
                    "terms": th.terms,
                    "count": th.count,
                    "detractors": th.detractors,
                    "promoters": th.promoters,
                    "quotes": th.quotes,
                })).collect::<Vec<_>>(),
                "trend": t.trend.iter().map(|p| json!({
                    "period": p.period,
                    "mean": p.mean,
                    "responses": p.responses,
                })).collect::<Vec<_>>(),
                "getting_worse": worsening(&t.trend).is_some(),
                "period": t.period.map(|(a, b)| json!({"from": a.iso(), "to": b.iso()})),
                "files": t.files,
            })
        })
        .collect();
    json!({
        "schema": 1,
        "rows": f.rows,
        "matched": f.matched,
        "responses": f.responses(),
        "unmatched": f.unmatched.iter().map(|u| json!({
            "file": u.file,
            "line": u.line,
            "touchpoint": u.touchpoint,
        })).collect::<Vec<_>>(),
        "scales": f.scales.iter().map(|s| json!({
            "file": s.file,
            "scale": s.scale.label(),
            "detected": s.detected,
        })).collect::<Vec<_>>(),
        "problems": f.problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "more_problems": f.more_problems,
        "touchpoints": touchpoints,
    })
}
