//! XES (IEEE 1849) logs, plain or gzipped, streamed trace by trace with the field's
//! library (`process_mining`, rust4pm). `concept:name` of a trace is the case, of an
//! event the activity; `time:timestamp` the time; `lifecycle:transition` start/complete;
//! `org:group` the department (`org:role` when there is no group), `org:resource` the
//! resource. Other keys can be named per role (`--department myteam`).

use super::columns::{Role, parse_flag};
use super::miner::{Attrs, EventIn, Half, Miner};
use super::problems::Problems;
use super::time;
use super::{LogError, ReadOptions};
use process_mining::core::event_data::case_centric::xes::{XESImportOptions, stream_xes_bufread};
use process_mining::core::event_data::case_centric::{
    AttributeValue, Attributes, XESEditableAttribute,
};
use std::collections::HashSet;

fn key_for(opts: &ReadOptions, role: Role, default: &'static str) -> String {
    opts.columns
        .iter()
        .find(|(r, _)| *r == role)
        .map_or_else(|| default.to_owned(), |(_, k)| k.clone())
}

fn text(v: &AttributeValue) -> Option<String> {
    match v {
        AttributeValue::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        AttributeValue::Int(i) => Some(i.to_string()),
        AttributeValue::Float(f) => Some(f.to_string()),
        AttributeValue::Boolean(b) => Some(b.to_string()),
        AttributeValue::ID(u) => Some(u.to_string()),
        AttributeValue::Date(d) => Some(d.to_rfc3339()),
        _ => None,
    }
}

fn get<'a>(
    attrs: &'a Attributes,
    globals: &'a Attributes,
    key: &str,
) -> Option<&'a AttributeValue> {
    attrs
        .get_by_key(key)
        .or_else(|| globals.get_by_key(key))
        .map(|a| &a.value)
}

pub fn read(
    name: &str,
    input: impl std::io::BufRead,
    gz: bool,
    opts: &ReadOptions,
    miner: &mut Miner,
    problems: &mut Problems,
) -> Result<u64, LogError> {
    let keys = Keys::of(opts);
    let options = keys.import_options();
    let Keys {
        case: k_case,
        act: k_act,
        time: k_time,
        start: k_start,
        life: k_life,
        dept: k_dept,
        channel: k_channel,
        layer: k_layer,
        customer: k_customer,
        visible: k_visible,
        cost: k_cost,
    } = &keys;
    let (mut stream, log_data) = stream_xes_bufread(input, gz, options)
        .map_err(|e| LogError::new(name, format!("not a readable XES log: {e}")))?;
    let gt = log_data.global_trace_attrs;
    let ge = log_data.global_event_attrs;
    let mut n_event = 0u64;
    let mut n_trace = 0u64;
    for trace in &mut stream {
        n_trace += 1;
        if opts.cancelled() {
            return Err(LogError::new(name, "cancelled"));
        }
        let case = get(&trace.attributes, &gt, k_case)
            .and_then(text)
            .unwrap_or_else(|| format!("trace {n_trace}"));
        if trace.events.is_empty() {
            problems.general(format!("trace {n_trace} ({case:?}) has no events"));
            continue;
        }
        for ev in &trace.events {
            n_event += 1;
            let a = &ev.attributes;
            let Some(activity) = get(a, &ge, k_act).and_then(text) else {
                problems.at(
                    n_event,
                    format!("no {k_act} (activity) in trace {case:?}; left out"),
                );
                continue;
            };
            let half = match get(a, &ge, k_life)
                .and_then(text)
                .map(|s| s.to_ascii_lowercase())
                .as_deref()
            {
                None | Some("complete") => Half::Complete,
                Some("start") => Half::Start,
                Some(_) => continue,
            };
            let Some(t) = stamp(get(a, &ge, k_time)) else {
                problems.at(
                    n_event,
                    format!("no readable {k_time} in trace {case:?}; left out"),
                );
                continue;
            };
            let mut start = None;
            if half == Half::Complete
                && let Some(st) = stamp(a.get_by_key(k_start).map(|x| &x.value))
            {
                if st > t {
                    problems.at(
                        n_event,
                        "the event ends before it starts; counted without its handling time",
                    );
                } else {
                    start = Some(st);
                }
            }
            let dept = get(a, &ge, k_dept)
                .or_else(|| get(a, &ge, "org:role"))
                .and_then(text);
            let channel = get(a, &ge, k_channel).and_then(text);
            let layer = get(a, &ge, k_layer).and_then(text);
            let flag = |k: &str| match get(a, &ge, k) {
                Some(AttributeValue::Boolean(b)) => Some(*b),
                Some(v) => text(v).and_then(|s| parse_flag(&s)),
                None => None,
            };
            let cost = cost_of(get(a, &ge, k_cost));
            miner.push(
                &EventIn {
                    case: case.as_bytes(),
                    activity: &activity,
                    department: dept.as_deref(),
                    half,
                    start,
                    time: t,
                    pos: n_event,
                    attrs: Attrs {
                        channel: channel.as_deref(),
                        layer: layer.as_deref(),
                        customer: flag(k_customer),
                        visible: flag(k_visible),
                        cost,
                    },
                },
                problems,
            );
        }
        if let Some(p) = &opts.progress {
            p.store(n_event, std::sync::atomic::Ordering::Relaxed);
        }
    }
    if let Some(e) = stream.check_for_errors() {
        if n_event == 0 {
            return Err(LogError::new(name, format!("not a readable XES log: {e}")));
        }
        problems.general(format!(
            "the XES file is broken after event {n_event} (trace {n_trace}): {e}; what came before is mined"
        ));
    }
    Ok(n_event)
}

/// The attribute names of each role (the options' or XES's standard ones).
struct Keys {
    case: String,
    act: String,
    time: String,
    start: String,
    life: String,
    dept: String,
    channel: String,
    layer: String,
    customer: String,
    visible: String,
    cost: String,
}

impl Keys {
    fn of(opts: &ReadOptions) -> Keys {
        Keys {
            case: key_for(opts, Role::Case, "concept:name"),
            act: key_for(opts, Role::Activity, "concept:name"),
            time: key_for(opts, Role::Timestamp, "time:timestamp"),
            start: key_for(opts, Role::Start, "start_timestamp"),
            life: key_for(opts, Role::Lifecycle, "lifecycle:transition"),
            dept: key_for(opts, Role::Department, "org:group"),
            channel: key_for(opts, Role::Channel, "channel"),
            layer: key_for(opts, Role::Layer, "layer"),
            customer: key_for(opts, Role::Customer, "customer"),
            visible: key_for(opts, Role::Visible, "customer_visible"),
            cost: key_for(opts, Role::Cost, "cost:total"),
        }
    }

    /// Import options reading only these attributes (and `org:role`).
    fn import_options(&self) -> XESImportOptions {
        let event_keys: HashSet<String> = [
            &self.act,
            &self.time,
            &self.start,
            &self.life,
            &self.dept,
            &self.channel,
            &self.layer,
            &self.customer,
            &self.visible,
            &self.cost,
        ]
        .into_iter()
        .cloned()
        .chain(["org:role".to_owned()])
        .collect();
        XESImportOptions {
            ignore_trace_attributes_except: Some([self.case.clone()].into_iter().collect()),
            ignore_event_attributes_except: Some(event_keys),
            verbose: false,
            ..Default::default()
        }
    }
}

/// A timestamp attribute in milliseconds: a date, or text in a format [`time::parse`] reads.
fn stamp(v: Option<&AttributeValue>) -> Option<i64> {
    match v {
        Some(AttributeValue::Date(d)) => Some(d.timestamp_millis()),
        Some(AttributeValue::String(s)) => time::parse(s).map(|t| t.ms),
        _ => None,
    }
}

/// A cost attribute: a number, or text that reads as one.
fn cost_of(v: Option<&AttributeValue>) -> Option<f64> {
    match v {
        Some(AttributeValue::Float(f)) => Some(*f),
        Some(AttributeValue::Int(i)) => Some(*i as f64),
        Some(AttributeValue::String(s)) => s.trim().parse().ok(),
        _ => None,
    }
}
