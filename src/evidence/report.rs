//! The report of `touchpoint feedback`: text for a terminal, Markdown, or JSON for scripts.

use super::feedback::{Feedback, TouchpointFeedback};
use crate::analysis::{fmt_count, fmt_score, fmt_share as share, worsening};
use crate::i18n::tr;
use crate::report::escape::{md, md_line};
use serde_json::{Value, json};
use std::fmt::Write;

/// How many unmatched rows and problems the text and Markdown reports list (JSON lists
/// every unmatched row).
const LISTED: usize = 50;

fn pct(part: u64, whole: u64) -> String {
    if whole == 0 {
        share(0.0)
    } else {
        share(part as f64 / whole as f64)
    }
}

fn nps_text(nps: Option<f64>) -> String {
    nps.map_or_else(|| tr("fb-na"), |n| format!("{n:+.0}"))
}

fn mean_text(t: &TouchpointFeedback) -> String {
    if t.responses == 0 {
        tr("fb-na")
    } else {
        fmt_score(t.mean)
    }
}

fn old_mean(t: &TouchpointFeedback) -> String {
    t.old
        .as_ref()
        .and_then(crate::model::Satisfaction::mean)
        .map_or_else(|| tr("fb-none"), fmt_score)
}

/// Clean a quote for one line of a terminal: control characters become spaces.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The first line: rows, matched, not matched, usable answers.
fn summary(f: &Feedback) -> String {
    tr!(
        "fb-summary",
        rows = fmt_count(f.rows),
        matched = fmt_count(f.matched),
        unmatched = fmt_count(f.unmatched.len() as u64),
        responses = fmt_count(f.responses())
    )
}

/// "FILE: scale 0-10 (detected)".
fn scale_line(file: &str, s: &super::feedback::FileScale) -> String {
    let id = if s.detected {
        "fb-scale-detected"
    } else {
        "fb-scale"
    };
    let scale = match s.scale {
        super::scale::Scale::Stars => tr("fb-scale-stars"),
        other => other.label().to_owned(),
    };
    tr!(id, file = file, scale = scale)
}

/// "N responses, mean M (was W), NPS P, C comments".
fn figures(t: &TouchpointFeedback) -> String {
    tr!(
        "fb-figures",
        responses = fmt_count(t.responses),
        mean = mean_text(t),
        was = old_mean(t),
        nps = nps_text(t.nps),
        comments = fmt_count(t.comments)
    )
}

/// "N comments, X from detractors, Y from promoters".
fn theme_figures(th: &super::themes::FoundTheme) -> String {
    tr!(
        "fb-theme-figures",
        count = fmt_count(th.count),
        detractors = pct(th.detractors, th.count),
        promoters = pct(th.promoters, th.count)
    )
}

fn trend_points(t: &TouchpointFeedback) -> String {
    t.trend
        .iter()
        .map(|p| {
            tr!(
                "fb-trend-point",
                period = p.period.as_str(),
                mean = fmt_score(p.mean),
                responses = fmt_count(p.responses)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The terminal report.
pub fn text(f: &Feedback) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}", summary(f));
    for s in &f.scales {
        let _ = writeln!(o, "{}", scale_line(&plain(&s.file), s));
    }
    if !f.unmatched.is_empty() {
        let _ = writeln!(o, "\n{}", tr("fb-not-matched-heading"));
        for u in f.unmatched.iter().take(LISTED) {
            let _ = writeln!(
                o,
                "  {}:{}: {}",
                plain(&u.file),
                u.line,
                if u.touchpoint.is_empty() {
                    tr("fb-no-touchpoint")
                } else {
                    format!("{:?}", u.touchpoint)
                }
            );
        }
        if f.unmatched.len() > LISTED {
            let _ = writeln!(
                o,
                "  {}",
                tr!("fb-and-more", count = f.unmatched.len() - LISTED)
            );
        }
    }
    for t in &f.touchpoints {
        let _ = writeln!(o, "\n{} ({})", plain(&t.name), t.id);
        let _ = writeln!(o, "  {}", figures(t));
        for th in &t.themes {
            let _ = writeln!(
                o,
                "  {}",
                tr!(
                    "fb-theme",
                    terms = plain(&th.terms.join(" / ")),
                    figures = theme_figures(th)
                )
            );
            for q in &th.quotes {
                let _ = writeln!(o, "    \"{}\"", plain(q));
            }
        }
        if !t.trend.is_empty() {
            let _ = writeln!(o, "  {}", tr!("fb-trend", points = trend_points(t)));
            if worsening(&t.trend).is_some() {
                let _ = writeln!(o, "  {}", tr("fb-getting-worse"));
            }
        }
    }
    if !f.problems.is_empty() {
        let _ = writeln!(o, "\n{}", tr("fb-problems-heading"));
        for p in f.problems.iter().take(LISTED) {
            let _ = writeln!(o, "  {}", plain(&p.to_string()));
        }
        let more = f.problems.len().saturating_sub(LISTED) + f.more_problems;
        if more > 0 {
            let _ = writeln!(o, "  {}", tr!("fb-and-more", count = more));
        }
    }
    o
}

/// The Markdown report (every text from the input escaped).
pub fn markdown(f: &Feedback) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# {}\n", tr("fb-md-title"));
    let _ = writeln!(o, "{}\n", tr!("fb-sentence", text = summary(f)));
    for s in &f.scales {
        let _ = writeln!(o, "- {}", scale_line(&md(&s.file), s));
    }
    if !f.touchpoints.is_empty() {
        let _ = writeln!(
            o,
            "\n| {} | {} | {} | {} | {} | {} |\n| --- | ---: | ---: | ---: | ---: | ---: |",
            tr("fb-col-touchpoint"),
            tr("fb-col-responses"),
            tr("fb-col-mean"),
            tr("fb-col-was"),
            tr("fb-col-nps"),
            tr("fb-col-comments")
        );
        for t in &f.touchpoints {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                md(&t.name),
                fmt_count(t.responses),
                mean_text(t),
                old_mean(t),
                nps_text(t.nps),
                fmt_count(t.comments)
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
                "- **{}**: {}",
                md(&th.terms.join(" / ")),
                theme_figures(th)
            );
            for q in &th.quotes {
                let _ = writeln!(o, "  > {}", md_line(q));
            }
        }
        if !t.trend.is_empty() {
            let worse = if worsening(&t.trend).is_some() {
                format!(" **{}**", tr("fb-getting-worse"))
            } else {
                String::new()
            };
            let _ = writeln!(
                o,
                "\n{}{worse}",
                tr!("fb-trend-md", points = trend_points(t))
            );
        }
    }
    if !f.unmatched.is_empty() {
        let _ = writeln!(o, "\n## {}\n", tr("fb-md-not-matched"));
        for u in f.unmatched.iter().take(LISTED) {
            let _ = writeln!(o, "- {}:{}: {}", md(&u.file), u.line, md(&u.touchpoint));
        }
        if f.unmatched.len() > LISTED {
            let _ = writeln!(
                o,
                "- {}",
                tr!("fb-and-more", count = f.unmatched.len() - LISTED)
            );
        }
    }
    if !f.problems.is_empty() {
        let _ = writeln!(o, "\n## {}\n", tr("fb-md-problems"));
        for p in f.problems.iter().take(LISTED) {
            let _ = writeln!(o, "- {}", md(&p.to_string()));
        }
        let more = f.problems.len().saturating_sub(LISTED) + f.more_problems;
        if more > 0 {
            let _ = writeln!(o, "- {}", tr!("fb-and-more", count = more));
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
