//! Event logs with a known truth: cases walk through a journey (branching by the
//! volumes of the next touchpoints, rework loops as drawn), each step taking about its
//! handling time and each handoff about its queue time. What was generated is counted
//! as it is written, so a test can check that mining gives it back.

use crate::model::{Journey, TouchpointId};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// How to generate.
#[derive(Clone, Debug)]
pub struct GenOptions {
    pub cases: u64,
    pub seed: u64,
    /// Start of the first case, ms since the epoch.
    pub start_ms: i64,
    /// Minutes between the starts of consecutive cases.
    pub spacing_minutes: f64,
    /// Start and complete as two rows with a lifecycle column (else a start column).
    pub lifecycle: bool,
    /// Share of events performed by another department ("Shared services").
    pub foreign_share: f64,
}

impl Default for GenOptions {
    fn default() -> Self {
        GenOptions {
            cases: 1000,
            seed: 1,
            start_ms: 1_767_225_600_000, // 2026-01-01T00:00:00Z
            spacing_minutes: 7.0,
            lifecycle: false,
            foreign_share: 0.05,
        }
    }
}

/// What was generated.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Truth {
    pub cases: u64,
    pub events: u64,
    /// Activity -> cases reaching it.
    pub activity_cases: BTreeMap<String, u64>,
    pub activity_events: BTreeMap<String, u64>,
    /// Activity -> its department (the owner's name; `Customer` for the customer lane).
    pub departments: BTreeMap<String, String>,
    /// (from, to) -> transitions.
    pub pairs: BTreeMap<(String, String), u64>,
    /// (from, to) -> waits in hours, as written (whole seconds).
    pub waits: BTreeMap<(String, String), Vec<f64>>,
}

impl Truth {
    /// Median wait of a pair (hours), linear interpolation.
    pub fn median_wait(&self, from: &str, to: &str) -> Option<f64> {
        let mut v = self.waits.get(&(from.to_owned(), to.to_owned()))?.clone();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        let h = 0.5 * (v.len() - 1) as f64;
        let lo = h.floor() as usize;
        let a = v[lo];
        let b = *v.get(lo + 1).unwrap_or(&a);
        Some(a + (h - lo as f64) * (b - a))
    }
}

/// SplitMix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1].
    fn unit(&mut self) -> f64 {
        ((self.next() >> 11) as f64 + 1.0) / (1u64 << 53) as f64
    }

    fn pick(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x <= *w {
                return i;
            }
            x -= w;
        }
        weights.len().saturating_sub(1)
    }
}

struct Step {
    name: String,
    department: String,
    channel: &'static str,
    layer: &'static str,
    handling_min: f64,
    next: Vec<(usize, f64, f64)>, // (step, weight, mean wait hours)
}

fn steps(j: &Journey) -> (Vec<Step>, Vec<usize>) {
    let tps: Vec<&crate::model::Touchpoint> = j.touchpoints().collect();
    let index: BTreeMap<&TouchpointId, usize> =
        tps.iter().enumerate().map(|(i, t)| (&t.id, i)).collect();
    let mut has_in = vec![false; tps.len()];
    let mut steps: Vec<Step> = tps
        .iter()
        .map(|t| {
            let department = if j.is_customer(t.owner.as_ref()) {
                "Customer".to_owned()
            } else {
                t.owner
                    .as_ref()
                    .and_then(|o| j.department(o))
                    .map_or_else(|| "Unowned".to_owned(), |d| d.name.clone())
            };
            Step {
                name: t.name.clone(),
                department,
                channel: t.channel.key(),
                layer: t.layer.key(),
                handling_min: t.handling_minutes.unwrap_or(10.0).max(0.5),
                next: Vec::new(),
            }
        })
        .collect();
    for h in j.handoffs() {
        let (Some(&a), Some(&b)) = (index.get(&h.from), index.get(&h.to)) else {
            continue;
        };
        let weight = h
            .volume
            .or(tps[b].volume)
            .map_or(1.0, |v| (v as f64).max(1.0));
        if let Some(s) = steps.get_mut(a) {
            s.next.push((b, weight, h.wait_hours.unwrap_or(1.0)));
        }
        if a != b {
            has_in[b] = true;
        }
    }
    let mut starts: Vec<usize> = (0..steps.len()).filter(|&i| !has_in[i]).collect();
    if starts.is_empty() && !steps.is_empty() {
        starts.push(0);
    }
    (steps, starts)
}

fn iso(ms: i64) -> String {
    super::time::iso_datetime(ms)
}

/// Simulate `opts.cases` cases through `j` and write them as a CSV log.
pub fn write_csv(j: &Journey, opts: &GenOptions, out: &mut dyn Write) -> io::Result<Truth> {
    let (steps, starts) = steps(j);
    let mut truth = Truth {
        cases: 0,
        ..Default::default()
    };
    for s in &steps {
        truth
            .departments
            .insert(s.name.clone(), s.department.clone());
    }
    let mut rng = Rng(opts.seed ^ 0x5eed);
    let mut w = io::BufWriter::new(out);
    if opts.lifecycle {
        writeln!(
            w,
            "case,activity,lifecycle:transition,timestamp,department,channel,layer"
        )?;
    } else {
        writeln!(w, "case,activity,start,end,department,channel,layer")?;
    }
    let start_weights: Vec<f64> = starts
        .iter()
        .map(|&i| {
            j.touchpoints()
                .nth(i)
                .and_then(|t| t.volume)
                .map_or(1.0, |v| v as f64)
        })
        .collect();
    let max_steps = steps.len() * 3 + 3;
    for c in 0..opts.cases {
        if steps.is_empty() {
            break;
        }
        truth.cases += 1;
        let case = format!("C{:07}", c + 1);
        // Whole seconds throughout, so the truth is what the file says.
        let mut t = opts.start_ms / 1000 + (c as f64 * opts.spacing_minutes * 60.0) as i64;
        let mut cur = starts[rng.pick(&start_weights)];
        let mut seen = vec![false; steps.len()];
        let mut prev: Option<(usize, i64)> = None;
        for _ in 0..max_steps {
            let s = &steps[cur];
            let start = t;
            let factor = (0.6 + 0.8 * rng.unit()).max(0.1);
            let end = start + (s.handling_min * 60.0 * factor).round().max(1.0) as i64;
            let dept = if rng.unit() < opts.foreign_share {
                "Shared services"
            } else {
                s.department.as_str()
            };
            if opts.lifecycle {
                writeln!(
                    w,
                    "{case},{},start,{},{dept},{},{}",
                    csv_cell(&s.name),
                    iso(start * 1000),
                    s.channel,
                    s.layer
                )?;
                writeln!(
                    w,
                    "{case},{},complete,{},{dept},{},{}",
                    csv_cell(&s.name),
                    iso(end * 1000),
                    s.channel,
                    s.layer
                )?;
            } else {
                writeln!(
                    w,
                    "{case},{},{},{},{dept},{},{}",
                    csv_cell(&s.name),
                    iso(start * 1000),
                    iso(end * 1000),
                    s.channel,
                    s.layer
                )?;
            }
            truth.events += 1;
            *truth.activity_events.entry(s.name.clone()).or_default() += 1;
            if !seen[cur] {
                seen[cur] = true;
                *truth.activity_cases.entry(s.name.clone()).or_default() += 1;
            }
            if let Some((p, pend)) = prev {
                let key = (steps[p].name.clone(), s.name.clone());
                *truth.pairs.entry(key.clone()).or_default() += 1;
                truth
                    .waits
                    .entry(key)
                    .or_default()
                    .push((start - pend) as f64 / 3600.0);
            }
            prev = Some((cur, end));
            if s.next.is_empty() {
                break;
            }
            let weights: Vec<f64> = s.next.iter().map(|n| n.1).collect();
            let (next, _, mean_wait) = s.next[rng.pick(&weights)];
            // Exponential queue time around the drawn wait.
            let wait_s = (mean_wait * 3600.0 * -rng.unit().ln()).round() as i64;
            t = end + wait_s;
            cur = next;
        }
    }
    w.flush()?;
    Ok(truth)
}

/// Quote a cell when it needs it.
fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Convert a generated CSV log (start/end columns) to XES with start/complete pairs.
/// Rows of one case must be together (as [`write_csv`] writes them).
pub fn csv_to_xes(csv_text: &str, out: &mut dyn Write) -> io::Result<()> {
    let mut w = io::BufWriter::new(out);
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">"#
    )?;
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    let mut open: Option<String> = None;
    for rec in rdr.records() {
        let rec = rec.map_err(io::Error::other)?;
        let f = |i: usize| rec.get(i).unwrap_or("");
        if open.as_deref() != Some(f(0)) {
            if open.is_some() {
                writeln!(w, "  </trace>")?;
            }
            writeln!(
                w,
                "  <trace>\n    <string key=\"concept:name\" value=\"{}\"/>",
                xml(f(0))
            )?;
            open = Some(f(0).to_owned());
        }
        for (life, ts) in [("start", f(2)), ("complete", f(3))] {
            writeln!(
                w,
                "    <event><string key=\"concept:name\" value=\"{}\"/><string key=\"lifecycle:transition\" value=\"{life}\"/><date key=\"time:timestamp\" value=\"{}\"/><string key=\"org:group\" value=\"{}\"/></event>",
                xml(f(1)),
                xml(ts),
                xml(f(4))
            )?;
        }
    }
    if open.is_some() {
        writeln!(w, "  </trace>")?;
    }
    writeln!(w, "</log>")?;
    w.flush()
}
