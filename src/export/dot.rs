//! Graphviz DOT export: a left-to-right digraph with one cluster per department (in
//! lane order, filled with a light tint of the department colour), touchpoints as
//! boxes labelled with name, stage, channel and score, handoffs as edges. Handoffs that
//! cross a department boundary are drawn red and bold and labelled with their wait time
//! and failure rate when known.
//!
//! Every id and text is written as a DOT quoted string with `\` and `"` escaped and line
//! breaks as `\n`, so no user text can end a string or start a statement
//! (`"]; evil [` stays a label). Colours come from the model's validated `Rgb` values.

use crate::model::{DepartmentId, Journey, Rgb, Touchpoint, fmt_num};
use std::fmt::Write as _;

/// A DOT quoted string (`"..."`) holding `text` literally.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let text = text.replace("\r\n", "\n");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A light tint of a colour (for cluster backgrounds).
fn tint(c: Rgb) -> Rgb {
    let mix = |v: u8| ((u16::from(v) + 3 * 255) / 4) as u8;
    Rgb(mix(c.0), mix(c.1), mix(c.2))
}

fn node_label(journey: &Journey, t: &Touchpoint) -> String {
    let mut label = t.name.clone();
    let mut facts = Vec::new();
    if let Some(s) = t.stage.as_ref().and_then(|s| journey.stage(s)) {
        facts.push(s.name.clone());
    }
    facts.push(t.channel.label().to_owned());
    if let Some(m) = t.mean_score() {
        facts.push(format!("{}/10", fmt_num(m)));
    }
    let _ = write!(label, "\n{}", facts.join(" · "));
    label
}

fn node(out: &mut String, indent: &str, journey: &Journey, t: &Touchpoint) {
    let _ = writeln!(
        out,
        "{indent}{} [label={}];",
        quote(t.id.as_str()),
        quote(&node_label(journey, t))
    );
}

/// The DOT text of a journey.
pub fn to_dot(journey: &Journey) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph journey {{");
    let _ = writeln!(
        out,
        "    graph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", label={}];",
        quote(journey.title())
    );
    let _ = writeln!(
        out,
        "    node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];"
    );
    let _ = writeln!(out, "    edge [fontname=\"Helvetica\", color=\"#555555\"];");
    let by_owner = |d: Option<&DepartmentId>| {
        journey
            .touchpoints()
            .filter(move |t| t.owner.as_ref() == d)
            .collect::<Vec<_>>()
    };
    for (i, d) in journey.departments().iter().enumerate() {
        let _ = writeln!(out, "    subgraph {} {{", quote(&format!("cluster_{i}")));
        let _ = writeln!(out, "        label={};", quote(&d.name));
        let _ = writeln!(
            out,
            "        style=filled; color={}; fillcolor={};",
            quote(&d.color.to_hex()),
            quote(&tint(d.color).to_hex())
        );
        for t in by_owner(Some(&d.id)) {
            node(&mut out, "        ", journey, t);
        }
        let _ = writeln!(out, "    }}");
    }
    for t in by_owner(None) {
        node(&mut out, "    ", journey, t);
    }
    for h in journey.handoffs() {
        let owner = |id| journey.touchpoint(id).and_then(|t| t.owner.clone());
        let cross = owner(&h.from) != owner(&h.to);
        let mut facts = Vec::new();
        if !h.label.is_empty() {
            facts.push(h.label.clone());
        }
        if let Some(w) = h.wait_hours {
            facts.push(format!("{} h wait", fmt_num(w)));
        }
        if let Some(f) = h.failure_rate {
            facts.push(format!("{}% fail", fmt_num(f * 100.0)));
        }
        let mut attrs = Vec::new();
        if !facts.is_empty() {
            attrs.push(format!("label={}", quote(&facts.join("\n"))));
        }
        if cross {
            attrs.push("color=\"#d62728\", penwidth=2".to_owned());
        }
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" [{}]", attrs.join(", "))
        };
        let _ = writeln!(
            out,
            "    {} -> {}{attrs};",
            quote(h.from.as_str()),
            quote(h.to.as_str())
        );
    }
    let _ = writeln!(out, "}}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_neutralises_quotes_backslashes_and_newlines() {
        assert_eq!(quote("\"]; evil ["), "\"\\\"]; evil [\"");
        assert_eq!(quote("a\\b"), "\"a\\\\b\"");
        assert_eq!(quote("a\nb\r\nc"), "\"a\\nb\\nc\"");
        assert_eq!(quote("<script>"), "\"<script>\"");
        assert_eq!(tint(Rgb(0, 0, 0)), Rgb(191, 191, 191));
    }
}
