//! The streaming miner. Readers push events one at a time, in any order; the miner
//! keeps them compactly (40 bytes each), and when more than a budget are held it spills
//! them to hash partitions on disk by case, so memory is bounded by the budget, the
//! activities x activities statistics and the cases of one partition, never by the
//! log's size. At the end each case is ordered, its start/complete pairs matched, its
//! duplicates dropped, and its directly-follows pairs, times and path counted.

use super::problems::Problems;
use super::quantiles::Quantiles;
use std::collections::HashMap;
use std::io::{BufReader, BufWriter, Read, Write};

/// Most distinct activities (or departments) accepted: more means the wrong column.
pub const MAX_ACTIVITIES: usize = 10_000;
/// Most distinct paths (variants) counted; later new paths are counted as "other".
pub const MAX_VARIANTS: usize = 10_000;
/// Longest path kept as a variant (events); longer cases count as "other".
pub const MAX_VARIANT_LEN: usize = 500;
/// Events held in memory before spilling to disk (about 40 bytes each).
pub const DEFAULT_BUDGET: usize = 4_000_000;
/// Partitions of a spilled log.
const PARTITIONS: u64 = 32;
const NONE: u32 = u32::MAX;

/// Which half of an event a row is: a start, a completion, or a whole event with
/// both times (`start` given).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Half {
    Start,
    Complete,
}

/// Attributes of an event that vote on how its activity is drawn.
#[derive(Clone, Copy, Debug, Default)]
pub struct Attrs<'a> {
    pub channel: Option<&'a str>,
    pub layer: Option<&'a str>,
    /// Performed by the customer.
    pub customer: Option<bool>,
    /// Visible to the customer.
    pub visible: Option<bool>,
    pub cost: Option<f64>,
}

/// One event (or one half of it) as a reader found it.
#[derive(Clone, Copy, Debug)]
pub struct EventIn<'a> {
    pub case: &'a [u8],
    pub activity: &'a str,
    pub department: Option<&'a str>,
    pub half: Half,
    /// The start time of a whole event (a start column), ms since the epoch.
    pub start: Option<i64>,
    /// The time of this row (completion, or the start of a `Start` half), ms.
    pub time: i64,
    /// Where it is: a line of a CSV file or the number of an XES event.
    pub pos: u64,
    pub attrs: Attrs<'a>,
}

#[derive(Clone, Copy, Debug)]
struct Ev {
    case: u32,
    act: u32,
    dept: u32,
    /// 0 = start half, 1 = completion (or whole event).
    kind: u8,
    start: i64,
    time: i64,
    pos: u64,
}

const NO_TIME: i64 = i64::MIN;

#[derive(Default)]
struct KeyAcc {
    events: u64,
    cases: u64,
    last_case: u64,
    in_case: u32,
    rework_cases: u64,
    handling: Quantiles,
    position: Quantiles,
    depts: Vec<(u32, u64)>,
    channel: Vec<(String, u64)>,
    layer: Vec<(String, u64)>,
    customer: (u64, u64),
    visible: (u64, u64),
    cost_sum: f64,
    cost_n: u64,
}

#[derive(Default)]
struct PairAcc {
    transitions: u64,
    cases: u64,
    last_case: u64,
    wait: Quantiles,
}

#[derive(Default)]
struct VariantAcc {
    cases: u64,
    elapsed: Quantiles,
}

/// Figures of one activity (or one touchpoint when activities were mapped).
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityFigures {
    pub name: String,
    /// The activity names of the log counted here (one, unless a map merged several).
    pub members: Vec<String>,
    /// The department with the most events (ties: the first by name).
    pub department: Option<String>,
    /// Events per department, most first.
    pub departments: Vec<(String, u64)>,
    pub cases: u64,
    pub events: u64,
    /// Cases where it happens more than once.
    pub rework_cases: u64,
    pub handling_minutes_median: Option<f64>,
    pub handling_minutes_p90: Option<f64>,
    /// Median of its relative position in its cases, 0 (first) to 1 (last).
    pub position_median: f64,
    /// The most frequent channel and layer values, as written in the log.
    pub channel: Option<String>,
    pub layer: Option<String>,
    /// Most of its events were performed by the customer (flag column).
    pub customer: bool,
    /// Visible to the customer, when a flag column says so for most events.
    pub visible: Option<bool>,
    pub cost_mean: Option<f64>,
}

/// A directly-follows pair: `to` happened right after `from` in a case.
#[derive(Clone, Debug, PartialEq)]
pub struct PairFigures {
    /// Indexes into [`Mined::activities`].
    pub from: usize,
    pub to: usize,
    pub transitions: u64,
    pub cases: u64,
    pub wait_hours_median: Option<f64>,
    pub wait_hours_p90: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VariantFigures {
    /// Indexes into [`Mined::activities`].
    pub activities: Vec<usize>,
    pub cases: u64,
    pub elapsed_hours_median: Option<f64>,
}

/// What a log says, as figures: the result of mining (or of `--from-aggregates`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mined {
    /// The log's name as given.
    pub file: String,
    pub cases: u64,
    pub events: u64,
    /// In journey order: by median position, then name.
    pub activities: Vec<ActivityFigures>,
    /// Sorted by (from, to) in activity order.
    pub pairs: Vec<PairFigures>,
    /// Most frequent first (ties by path). Empty when built from aggregates.
    pub variants: Vec<VariantFigures>,
    /// Cases whose path was not counted as a variant (over the caps).
    pub other_variant_cases: u64,
    pub elapsed_hours_median: Option<f64>,
    pub elapsed_hours_p90: Option<f64>,
    /// Cases starting / ending at each activity, most first.
    pub starts: Vec<(usize, u64)>,
    pub ends: Vec<(usize, u64)>,
    /// First and last event time, ms since the epoch.
    pub period: Option<(i64, i64)>,
    /// Whether every median and p90 is exact (no histogram was needed).
    pub exact: bool,
}

impl Mined {
    pub fn activity(&self, name: &str) -> Option<usize> {
        self.activities.iter().position(|a| a.name == name)
    }

    pub fn pair(&self, from: usize, to: usize) -> Option<&PairFigures> {
        self.pairs.iter().find(|p| p.from == from && p.to == to)
    }
}

/// Maps an activity name to the key its figures are counted under (a touchpoint id
/// when measuring against a journey).
pub type KeyFn = Box<dyn Fn(&str) -> String + Send>;

pub struct Miner {
    acts: HashMap<String, u32>,
    act_names: Vec<String>,
    act_key: Vec<u32>,
    keys: HashMap<String, u32>,
    key_names: Vec<String>,
    key_fn: Option<KeyFn>,
    depts: HashMap<String, u32>,
    dept_names: Vec<String>,
    cases: HashMap<Box<[u8]>, u32>,
    case_names: Vec<Box<[u8]>>,
    buf: Vec<Ev>,
    budget: usize,
    spill: Option<Vec<BufWriter<std::fs::File>>>,
    spill_dir: Option<tempfile::TempDir>,
    keyacc: Vec<KeyAcc>,
    pairs: HashMap<(u32, u32), PairAcc>,
    variants: HashMap<Vec<u32>, VariantAcc>,
    other_variant_cases: u64,
    elapsed: Quantiles,
    starts: HashMap<u32, u64>,
    ends: HashMap<u32, u64>,
    ncases: u64,
    nevents: u64,
    period: Option<(i64, i64)>,
    refused_activities: u64,
}

impl Default for Miner {
    fn default() -> Self {
        Miner::new(None)
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn vote(v: &mut Vec<(String, u64)>, s: &str) {
    let s = s.trim();
    if s.is_empty() {
        return;
    }
    match v.iter_mut().find(|(k, _)| k == s) {
        Some((_, n)) => *n += 1,
        None => {
            if v.len() < 64 {
                v.push((s.to_owned(), 1));
            }
        }
    }
}

/// The most voted value; ties go to the first by name.
fn winner(v: &[(String, u64)]) -> Option<String> {
    v.iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(k, _)| k.clone())
}

impl Miner {
    /// A miner counting each activity under `key_fn(activity)` (or under its own name).
    pub fn new(key_fn: Option<KeyFn>) -> Miner {
        Miner {
            acts: HashMap::new(),
            act_names: Vec::new(),
            act_key: Vec::new(),
            keys: HashMap::new(),
            key_names: Vec::new(),
            key_fn,
            depts: HashMap::new(),
            dept_names: Vec::new(),
            cases: HashMap::new(),
            case_names: Vec::new(),
            buf: Vec::new(),
            budget: DEFAULT_BUDGET,
            spill: None,
            spill_dir: None,
            keyacc: Vec::new(),
            pairs: HashMap::new(),
            variants: HashMap::new(),
            other_variant_cases: 0,
            elapsed: Quantiles::new(),
            starts: HashMap::new(),
            ends: HashMap::new(),
            ncases: 0,
            nevents: 0,
            period: None,
            refused_activities: 0,
        }
    }

    /// Events held in memory before spilling to disk (tests use a tiny budget).
    pub fn with_budget(mut self, events: usize) -> Miner {
        self.budget = events.max(1);
        self
    }

    /// Whether events were spilled to disk.
    pub fn spilled(&self) -> bool {
        self.spill.is_some()
    }

    fn intern_act(&mut self, name: &str) -> Option<u32> {
        if let Some(&a) = self.acts.get(name) {
            return Some(a);
        }
        if self.act_names.len() >= MAX_ACTIVITIES {
            return None;
        }
        let a = self.act_names.len() as u32;
        self.acts.insert(name.to_owned(), a);
        self.act_names.push(name.to_owned());
        let key = match &self.key_fn {
            Some(f) => f(name),
            None => name.to_owned(),
        };
        let k = match self.keys.get(&key) {
            Some(&k) => k,
            None => {
                let k = self.key_names.len() as u32;
                self.keys.insert(key.clone(), k);
                self.key_names.push(key);
                self.keyacc.push(KeyAcc::default());
                k
            }
        };
        self.act_key.push(k);
        Some(a)
    }

    fn intern_dept(&mut self, name: &str) -> u32 {
        if let Some(&d) = self.depts.get(name) {
            return d;
        }
        if self.dept_names.len() >= MAX_ACTIVITIES {
            return NONE;
        }
        let d = self.dept_names.len() as u32;
        self.depts.insert(name.to_owned(), d);
        self.dept_names.push(name.to_owned());
        d
    }

    /// Take one event. Problems (too many activities, disk errors) go to `problems`.
    pub fn push(&mut self, e: &EventIn, problems: &mut Problems) {
        let Some(act) = self.intern_act(e.activity) else {
            if self.refused_activities == 0 {
                problems.at(
                    e.pos,
                    format!(
                        "more than {MAX_ACTIVITIES} distinct activities: is the activity column right? Events of further activities are left out"
                    ),
                );
            }
            self.refused_activities += 1;
            return;
        };
        let dept = match e.department.map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) => self.intern_dept(d),
            None => NONE,
        };
        if e.half == Half::Complete {
            let k = self.act_key[act as usize] as usize;
            if let Some(acc) = self.keyacc.get_mut(k) {
                let a = e.attrs;
                if let Some(c) = a.channel {
                    vote(&mut acc.channel, c);
                }
                if let Some(l) = a.layer {
                    vote(&mut acc.layer, l);
                }
                if let Some(c) = a.customer {
                    if c {
                        acc.customer.0 += 1
                    } else {
                        acc.customer.1 += 1
                    }
                }
                if let Some(v) = a.visible {
                    if v {
                        acc.visible.0 += 1
                    } else {
                        acc.visible.1 += 1
                    }
                }
                if let Some(c) = a.cost.filter(|c| c.is_finite()) {
                    acc.cost_sum += c;
                    acc.cost_n += 1;
                }
            }
        }
        let case = match self.cases.get(e.case) {
            Some(&c) => c,
            None => {
                let c = self.case_names.len() as u32;
                self.cases.insert(e.case.into(), c);
                self.case_names.push(e.case.into());
                c
            }
        };
        self.buf.push(Ev {
            case,
            act,
            dept,
            kind: match e.half {
                Half::Start => 0,
                Half::Complete => 1,
            },
            start: e.start.unwrap_or(NO_TIME),
            time: e.time,
            pos: e.pos,
        });
        if (self.buf.len() >= self.budget || self.case_names.len() >= u32::MAX as usize - 1)
            && let Err(err) = self.spill_buffer()
        {
            problems.general(format!("could not spill events to a temporary file: {err}"));
        }
    }

    fn spill_buffer(&mut self) -> std::io::Result<()> {
        if self.spill.is_none() {
            let dir = tempfile::Builder::new()
                .prefix("touchpoint-mine-")
                .tempdir()?;
            let mut files = Vec::new();
            for i in 0..PARTITIONS {
                let f = std::fs::File::create(dir.path().join(format!("part-{i}")))?;
                files.push(BufWriter::new(f));
            }
            self.spill = Some(files);
            self.spill_dir = Some(dir);
        }
        let Some(files) = self.spill.as_mut() else {
            return Ok(());
        };
        for ev in self.buf.drain(..) {
            let name = self
                .case_names
                .get(ev.case as usize)
                .map(|n| &n[..])
                .unwrap_or(b"");
            let Some(w) = files.get_mut((fnv(name) % PARTITIONS) as usize) else {
                continue;
            };
            w.write_all(&(name.len() as u32).to_le_bytes())?;
            w.write_all(name)?;
            w.write_all(&ev.act.to_le_bytes())?;
            w.write_all(&ev.dept.to_le_bytes())?;
            w.write_all(&[ev.kind])?;
            w.write_all(&ev.start.to_le_bytes())?;
            w.write_all(&ev.time.to_le_bytes())?;
            w.write_all(&ev.pos.to_le_bytes())?;
        }
        self.cases.clear();
        self.case_names.clear();
        self.buf = Vec::new();
        Ok(())
    }

    /// Order, pair and count every case, and give the figures.
    pub fn finish(mut self, file: &str, problems: &mut Problems) -> Mined {
        // Activity order for ties at the same time: by name, so row order never matters.
        let mut by_name: Vec<u32> = (0..self.act_names.len() as u32).collect();
        by_name.sort_by(|&a, &b| self.act_names[a as usize].cmp(&self.act_names[b as usize]));
        let mut rank = vec![0u32; by_name.len()];
        for (r, &a) in by_name.iter().enumerate() {
            rank[a as usize] = r as u32;
        }
        if self.spill.is_some() {
            if let Err(err) = self.spill_buffer() {
                problems.general(format!("could not spill events to a temporary file: {err}"));
            }
            let files = self.spill.take().unwrap_or_default();
            let dir = self.spill_dir.take();
            for (i, w) in files.into_iter().enumerate() {
                drop(w.into_inner());
                let Some(dir) = dir.as_ref() else { break };
                match self.read_partition(&dir.path().join(format!("part-{i}"))) {
                    Ok(mut evs) => self.count_buffer(&mut evs, &rank, problems),
                    Err(err) => {
                        problems.general(format!("could not read back spilled events: {err}"))
                    }
                }
            }
        } else {
            let mut evs = std::mem::take(&mut self.buf);
            self.count_buffer(&mut evs, &rank, problems);
        }
        if self.refused_activities > 0 {
            problems.general(format!(
                "{} events of activities over the limit of {MAX_ACTIVITIES} were left out",
                self.refused_activities
            ));
        }
        self.figures(file)
    }

    fn read_partition(&mut self, path: &std::path::Path) -> std::io::Result<Vec<Ev>> {
        self.cases.clear();
        self.case_names.clear();
        let mut r = BufReader::new(std::fs::File::open(path)?);
        let mut evs = Vec::new();
        let mut len = [0u8; 4];
        loop {
            match r.read_exact(&mut len) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
                Err(e) => return Err(e),
            }
            let mut name = vec![0u8; u32::from_le_bytes(len) as usize];
            r.read_exact(&mut name)?;
            let mut rest = [0u8; 4 + 4 + 1 + 8 + 8 + 8];
            r.read_exact(&mut rest)?;
            let u32_at = |i: usize| {
                let mut b = [0u8; 4];
                b.copy_from_slice(&rest[i..i + 4]);
                u32::from_le_bytes(b)
            };
            let i64_at = |i: usize| {
                let mut b = [0u8; 8];
                b.copy_from_slice(&rest[i..i + 8]);
                i64::from_le_bytes(b)
            };
            let case = match self.cases.get(&name[..]) {
                Some(&c) => c,
                None => {
                    let c = self.case_names.len() as u32;
                    let boxed: Box<[u8]> = name.into();
                    self.cases.insert(boxed.clone(), c);
                    self.case_names.push(boxed);
                    c
                }
            };
            evs.push(Ev {
                case,
                act: u32_at(0),
                dept: u32_at(4),
                kind: rest[8],
                start: i64_at(9),
                time: i64_at(17),
                pos: i64_at(25) as u64,
            });
        }
        Ok(evs)
    }

    fn count_buffer(&mut self, evs: &mut [Ev], rank: &[u32], problems: &mut Problems) {
        let r = |a: u32| rank.get(a as usize).copied().unwrap_or(0);
        evs.sort_unstable_by(|a, b| {
            (a.case, a.time, a.kind, r(a.act), a.pos).cmp(&(
                b.case,
                b.time,
                b.kind,
                r(b.act),
                b.pos,
            ))
        });
        let mut scratch = Scratch::default();
        let mut i = 0;
        while i < evs.len() {
            let case = evs[i].case;
            let mut j = i;
            while j < evs.len() && evs[j].case == case {
                j += 1;
            }
            self.count_case(&evs[i..j], rank, &mut scratch, problems);
            i = j;
        }
        self.cases.clear();
        self.case_names.clear();
    }

    fn count_case(&mut self, evs: &[Ev], rank: &[u32], s: &mut Scratch, problems: &mut Problems) {
        let r = |a: u32| rank.get(a as usize).copied().unwrap_or(0);
        // 1. Match start halves with the next completion of the same activity.
        s.done.clear();
        s.pending.clear();
        for ev in evs {
            if ev.kind == 0 {
                s.pending.push(*ev);
            } else if ev.start == NO_TIME
                && let Some(k) = s.pending.iter().position(|p| p.act == ev.act)
            {
                let st = s.pending.remove(k);
                s.done.push(Done {
                    act: ev.act,
                    dept: if ev.dept == NONE { st.dept } else { ev.dept },
                    start: st.time,
                    end: ev.time,
                    pos: ev.pos,
                });
            } else {
                s.done.push(Done {
                    act: ev.act,
                    dept: ev.dept,
                    start: ev.start,
                    end: ev.time,
                    pos: ev.pos,
                });
            }
        }
        for p in &s.pending {
            let name = self
                .act_names
                .get(p.act as usize)
                .map_or("", String::as_str);
            problems.at(
                p.pos,
                format!("a start of {name:?} without its completion was left out"),
            );
        }
        if s.done.is_empty() {
            return;
        }
        // 2. Order by (start or end, end, activity name, position); drop duplicates.
        let key = |d: &Done| {
            let t = if d.start == NO_TIME { d.end } else { d.start };
            (t, d.end, r(d.act), d.pos)
        };
        s.done.sort_unstable_by_key(key);
        s.seq.clear();
        for k in 0..s.done.len() {
            let d = s.done[k];
            if k > 0 {
                let p = s.done[k - 1];
                if p.act == d.act && p.start == d.start && p.end == d.end {
                    let first = problems.place(p.pos);
                    problems.at(
                        d.pos,
                        format!(
                            "duplicate event (same case, activity and times as {first}); counted once"
                        ),
                    );
                    continue;
                }
            }
            s.seq.push(d);
        }
        // 3. Count.
        self.ncases += 1;
        let serial = self.ncases;
        let n = s.seq.len();
        self.nevents += n as u64;
        s.path.clear();
        let mut first = i64::MAX;
        let mut last = i64::MIN;
        for (i, d) in s.seq.iter().enumerate() {
            let k = self.act_key.get(d.act as usize).copied().unwrap_or(0);
            s.path.push(k);
            let t0 = if d.start == NO_TIME { d.end } else { d.start };
            first = first.min(t0);
            last = last.max(d.end);
            let Some(acc) = self.keyacc.get_mut(k as usize) else {
                continue;
            };
            acc.events += 1;
            if acc.last_case != serial {
                acc.last_case = serial;
                acc.cases += 1;
                acc.in_case = 0;
            }
            acc.in_case += 1;
            if acc.in_case == 2 {
                acc.rework_cases += 1;
            }
            if d.start != NO_TIME {
                acc.handling.push((d.end - d.start) as f64 / 60_000.0);
            }
            acc.position.push(if n > 1 {
                i as f64 / (n - 1) as f64
            } else {
                0.0
            });
            if d.dept != NONE {
                match acc.depts.iter_mut().find(|(x, _)| *x == d.dept) {
                    Some((_, c)) => *c += 1,
                    None => acc.depts.push((d.dept, 1)),
                }
            }
        }
        for w in s.seq.windows(2) {
            let (a, b) = (w[0], w[1]);
            let ka = self.act_key.get(a.act as usize).copied().unwrap_or(0);
            let kb = self.act_key.get(b.act as usize).copied().unwrap_or(0);
            let next = if b.start == NO_TIME { b.end } else { b.start };
            let wait = (next - a.end).max(0) as f64 / 3_600_000.0;
            let p = self.pairs.entry((ka, kb)).or_default();
            p.transitions += 1;
            if p.last_case != serial {
                p.last_case = serial;
                p.cases += 1;
            }
            p.wait.push(wait);
        }
        let elapsed = (last - first).max(0) as f64 / 3_600_000.0;
        self.elapsed.push(elapsed);
        if let (Some(&f), Some(&l)) = (s.path.first(), s.path.last()) {
            *self.starts.entry(f).or_default() += 1;
            *self.ends.entry(l).or_default() += 1;
        }
        self.period = Some(match self.period {
            None => (first, last),
            Some((a, b)) => (a.min(first), b.max(last)),
        });
        if s.path.len() <= MAX_VARIANT_LEN
            && (self.variants.len() < MAX_VARIANTS || self.variants.contains_key(&s.path))
        {
            let v = self.variants.entry(s.path.clone()).or_default();
            v.cases += 1;
            v.elapsed.push(elapsed);
        } else {
            self.other_variant_cases += 1;
        }
    }

    fn figures(self, file: &str) -> Mined {
        let mut exact = self.elapsed.is_exact();
        let mut members: Vec<Vec<String>> = vec![Vec::new(); self.key_names.len()];
        for (a, name) in self.act_names.iter().enumerate() {
            if let Some(&k) = self.act_key.get(a)
                && let Some(m) = members.get_mut(k as usize)
            {
                m.push(name.clone());
            }
        }
        let mut acts: Vec<(u32, ActivityFigures)> = Vec::new();
        for (k, acc) in self.keyacc.iter().enumerate() {
            if acc.events == 0 {
                continue;
            }
            exact &= acc.handling.is_exact() && acc.position.is_exact();
            let mut depts: Vec<(String, u64)> = acc
                .depts
                .iter()
                .filter_map(|&(d, c)| Some((self.dept_names.get(d as usize)?.clone(), c)))
                .collect();
            depts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let mut m = members[k].clone();
            m.sort();
            acts.push((
                k as u32,
                ActivityFigures {
                    name: self.key_names[k].clone(),
                    members: m,
                    department: depts.first().map(|d| d.0.clone()),
                    departments: depts,
                    cases: acc.cases,
                    events: acc.events,
                    rework_cases: acc.rework_cases,
                    handling_minutes_median: acc.handling.median(),
                    handling_minutes_p90: acc.handling.p90(),
                    position_median: acc.position.median().unwrap_or(0.0),
                    channel: winner(&acc.channel),
                    layer: winner(&acc.layer),
                    customer: acc.customer.0 > acc.customer.1,
                    visible: (acc.visible.0 + acc.visible.1 > 0)
                        .then_some(acc.visible.0 >= acc.visible.1),
                    cost_mean: (acc.cost_n > 0).then(|| acc.cost_sum / acc.cost_n as f64),
                },
            ));
        }
        acts.sort_by(|a, b| {
            a.1.position_median
                .total_cmp(&b.1.position_median)
                .then_with(|| a.1.name.cmp(&b.1.name))
        });
        let mut index = vec![usize::MAX; self.key_names.len()];
        for (i, (k, _)) in acts.iter().enumerate() {
            index[*k as usize] = i;
        }
        let ix = |k: u32| index.get(k as usize).copied().filter(|&i| i != usize::MAX);
        let mut pairs: Vec<PairFigures> = self
            .pairs
            .iter()
            .filter_map(|(&(a, b), p)| {
                exact &= p.wait.is_exact();
                Some(PairFigures {
                    from: ix(a)?,
                    to: ix(b)?,
                    transitions: p.transitions,
                    cases: p.cases,
                    wait_hours_median: p.wait.median(),
                    wait_hours_p90: p.wait.p90(),
                })
            })
            .collect();
        pairs.sort_by_key(|p| (p.from, p.to));
        let mut variants: Vec<VariantFigures> = self
            .variants
            .iter()
            .filter_map(|(path, v)| {
                Some(VariantFigures {
                    activities: path.iter().map(|&k| ix(k)).collect::<Option<Vec<_>>>()?,
                    cases: v.cases,
                    elapsed_hours_median: v.elapsed.median(),
                })
            })
            .collect();
        variants.sort_by(|a, b| {
            b.cases
                .cmp(&a.cases)
                .then_with(|| a.activities.cmp(&b.activities))
        });
        let tally = |m: &HashMap<u32, u64>| {
            let mut v: Vec<(usize, u64)> =
                m.iter().filter_map(|(&k, &c)| Some((ix(k)?, c))).collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        Mined {
            file: file.to_owned(),
            cases: self.ncases,
            events: self.nevents,
            starts: tally(&self.starts),
            ends: tally(&self.ends),
            activities: acts.into_iter().map(|(_, a)| a).collect(),
            pairs,
            variants,
            other_variant_cases: self.other_variant_cases,
            elapsed_hours_median: self.elapsed.median(),
            elapsed_hours_p90: self.elapsed.p90(),
            period: self.period,
            exact,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Done {
    act: u32,
    dept: u32,
    start: i64,
    end: i64,
    pos: u64,
}

#[derive(Default)]
struct Scratch {
    done: Vec<Done>,
    pending: Vec<Ev>,
    seq: Vec<Done>,
    path: Vec<u32>,
}
