//! Reading the answer tables: matching rows to touchpoints, adding up the scores per
//! touchpoint and finding the themes of the comments.

use super::*;

/// One answer as kept while reading.
#[derive(Clone, Copy)]
struct Kept {
    tp: u32,
    file: u16,
    line: u32,
    /// Parsed score (`NaN` = none or unreadable, already reported).
    value: f32,
    /// The answer's own scale (`u8::MAX` = none).
    own: u8,
    /// Days since 1970 (`i32::MIN` = no date).
    day: i32,
    tok_start: usize,
    tok_end: usize,
    /// Index into the comment spans (`u32::MAX` = no comment).
    comment: u32,
}

/// Read answers from tables and measure each touchpoint. `inputs` are opened readers.
/// Never panics; every unusable row is reported.
pub fn read_feedback(journey: &Journey, inputs: Vec<TableReader>, options: &Options) -> Feedback {
    read_feedback_with(journey, inputs, options, &Unattended).unwrap_or_default()
}

/// Rows read between two progress reports.
const PROGRESS_ROWS: u64 = 4096;
/// The share of the progress bar that reading takes (themes take the rest).
const READ_SHARE: f32 = 0.8;

/// [`read_feedback`] with progress (reading, then themes) and cancellation: the app runs
/// it on a worker; `Err(Cancelled)` as soon as `progress` says stop.
pub fn read_feedback_with(
    journey: &Journey,
    inputs: Vec<TableReader>,
    options: &Options,
    progress: &dyn Progress,
) -> Result<Feedback, Cancelled> {
    let mut out = Feedback::default();
    let mut reading = Reading::new(journey, options);
    let n_inputs = inputs.len().max(1) as f32;
    for (input_ix, reader) in inputs.into_iter().enumerate() {
        reading.read_input(&mut out, reader, options, progress, (input_ix, n_inputs))?;
    }
    let Reading {
        matcher,
        kept,
        tokens,
        vocab,
        texts,
        spans,
        files,
        detectors,
        ..
    } = reading;
    // Scales.
    let scales: Vec<Scale> = detectors
        .iter()
        .map(|d| options.scale.unwrap_or_else(|| d.scale()))
        .collect();
    out.scales = files
        .iter()
        .zip(&scales)
        .map(|(f, s)| FileScale {
            file: f.clone(),
            scale: *s,
            detected: options.scale.is_none(),
        })
        .collect();
    // Per-touchpoint accumulation.
    let n_tp = matcher.ids.len();
    let tally = Tally::of(&mut out, &kept, &scales, &files, n_tp, options);
    drop(kept);
    // Themes, in parallel over touchpoints (two workers).
    let text_of = |i: usize| -> String {
        spans
            .get(i)
            .and_then(|&(s, e)| texts.get(s..e))
            .unwrap_or_default()
            .to_owned()
    };
    step(progress, READ_SHARE)?;
    let mut themes = themes_of(&tally.docs, &tokens, &vocab, &text_of, progress)?;
    // Results in the journey's id order.
    tally.results(&mut out, journey, &mut themes, &files, options);
    Ok(out)
}

/// The state of reading the answers: what is kept of each answer (its comment's words
/// and text apart), the files read with their scale detectors, and scratch buffers.
struct Reading {
    matcher: Matcher,
    fields: [Field; 7],
    kept: Vec<Kept>,
    tokens: Vec<u32>,
    vocab: Vocabulary,
    texts: String,
    spans: Vec<(usize, usize)>,
    files: Vec<String>,
    detectors: Vec<ScaleDetector>,
    buf: String,
    lower: String,
}

/// The columns of the answer fields in one table.
#[derive(Clone, Copy)]
struct AnswerColumns {
    touchpoint: Option<usize>,
    score: Option<usize>,
    comment: Option<usize>,
    date: Option<usize>,
    channel: Option<usize>,
}

impl Reading {
    fn new(journey: &Journey, options: &Options) -> Reading {
        let mut fields = FIELDS;
        if !options.rules.is_empty() {
            fields[F_TOUCHPOINT].required = false;
        }
        Reading {
            matcher: Matcher::new(journey),
            fields,
            kept: Vec::new(),
            tokens: Vec::new(),
            vocab: Vocabulary::default(),
            texts: String::new(),
            spans: Vec::new(),
            files: Vec::new(),
            detectors: Vec::new(),
            buf: String::new(),
            lower: String::new(),
        }
    }

    /// Read the answers of one table, the `at.0`th of `at.1` (for progress).
    fn read_input(
        &mut self,
        out: &mut Feedback,
        mut reader: TableReader,
        options: &Options,
        progress: &dyn Progress,
        (input_ix, n_inputs): (usize, f32),
    ) -> Result<(), Cancelled> {
        let mut row = Row::default();
        let mut raw_problems: Vec<ImportProblem> = Vec::new();
        let file = reader.name().to_owned();
        let fi = u16::try_from(self.files.len()).unwrap_or(u16::MAX);
        self.files.push(file.clone());
        self.detectors.push(ScaleDetector::new());
        let cols = match find_header(
            &mut reader,
            &self.fields,
            &options.columns,
            &mut raw_problems,
        ) {
            Ok(c) => c,
            Err(p) => {
                raw_problems.push(p);
                for p in raw_problems.drain(..) {
                    out.problem(p);
                }
                return Ok(());
            }
        };
        let cols = AnswerColumns {
            touchpoint: cols.of(F_TOUCHPOINT),
            score: cols.of(F_SCORE),
            comment: cols.of(F_COMMENT),
            date: cols.of(F_DATE),
            channel: cols.of(F_CHANNEL),
        };
        for p in raw_problems.drain(..) {
            out.problem(p);
        }
        while reader.next_row(&mut row, &mut raw_problems) {
            for p in raw_problems.drain(..) {
                out.problem(p);
            }
            out.rows += 1;
            if out.rows.is_multiple_of(PROGRESS_ROWS) {
                let f = (input_ix as f32 + reader.fraction().unwrap_or(0.0)) / n_inputs;
                step(progress, READ_SHARE * f)?;
            }
            self.read_row(out, &row, cols, (&file, fi), options);
        }
        for p in raw_problems.drain(..) {
            out.problem(p);
        }
        Ok(())
    }

    /// Keep the answer on `row` of the file `(name, number)`, or report why not.
    fn read_row(
        &mut self,
        out: &mut Feedback,
        row: &Row,
        cols: AnswerColumns,
        (file, fi): (&str, u16),
        options: &Options,
    ) {
        let line = row.line();
        let tp_cell = row.get(cols.touchpoint);
        let comment = row.get(cols.comment);
        let Some(tp) = self.touchpoint_of(row, cols, options) else {
            out.unmatched.push(Unmatched {
                file: file.to_owned(),
                line,
                touchpoint: tp_cell.to_owned(),
            });
            return;
        };
        out.matched += 1;
        let (value, own) = self.score_of(out, row.get(cols.score), comment, (file, line));
        let day = day_of(out, row.get(cols.date), (file, line));
        let tok_start = self.tokens.len();
        let comment_ix = self.keep_comment(comment, tok_start);
        self.kept.push(Kept {
            tp,
            file: fi,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            value,
            own,
            day,
            tok_start,
            tok_end: self.tokens.len(),
            comment: comment_ix,
        });
    }

    /// The touchpoint a row answers about: named in its touchpoint cell, else (when
    /// that cell is empty) the first rule its channel or comment meets.
    fn touchpoint_of(&mut self, row: &Row, cols: AnswerColumns, options: &Options) -> Option<u32> {
        let tp_cell = row.get(cols.touchpoint);
        let comment = row.get(cols.comment);
        let mut tp = self.matcher.find(tp_cell);
        if tp.is_none() && tp_cell.is_empty() && !options.rules.is_empty() {
            self.lower.clear();
            self.lower.push_str(&comment.to_lowercase());
            let channel = row.get(cols.channel).to_lowercase();
            let (lower, matcher) = (&self.lower, &self.matcher);
            tp = options.rules.iter().find_map(|r| {
                let hit = r.channel.as_ref().is_some_and(|c| *c == channel)
                    || r.keywords.iter().any(|k| lower.contains(k.as_str()));
                if hit {
                    matcher.find_slow(&r.touchpoint.0)
                } else {
                    None
                }
            });
        }
        tp
    }

    /// The score on a row (`NaN` when none or unreadable, reported) and its own scale
    /// (`u8::MAX` for none); a readable one feeds the file's scale detector.
    fn score_of(
        &mut self,
        out: &mut Feedback,
        score_text: &str,
        comment: &str,
        (file, line): (&str, usize),
    ) -> (f32, u8) {
        match parse_answer(score_text) {
            Ok(a) => {
                if let Some(d) = self.detectors.last_mut() {
                    d.feed_answer(a);
                }
                (
                    a.value as f32,
                    a.scale
                        .and_then(|s| Scale::ALL.iter().position(|x| *x == s))
                        .map_or(u8::MAX, |i| i as u8),
                )
            }
            Err(e) => {
                let msg = match e {
                    ScoreError::Empty if !comment.is_empty() => {
                        "no score; the comment is still used for themes".to_owned()
                    }
                    e => format!("{e}; the answer is left out"),
                };
                out.problem(ImportProblem {
                    file: file.to_owned(),
                    line: Some(line),
                    message: msg,
                });
                (f32::NAN, u8::MAX)
            }
        }
    }

    /// Keep a comment's words (from `tok_start` on, sorted) and its text (cut at
    /// [`MAX_KEPT_COMMENT`] bytes); its index among the comments, `u32::MAX` for none.
    fn keep_comment(&mut self, comment: &str, tok_start: usize) -> u32 {
        if comment.is_empty() {
            return u32::MAX;
        }
        let (tokens, vocab) = (&mut self.tokens, &mut self.vocab);
        text::words(comment, &mut self.buf, |w| tokens.push(vocab.intern(w)));
        if let Some(t) = self.tokens.get_mut(tok_start..) {
            t.sort_unstable();
        }
        let mut end = comment.len().min(MAX_KEPT_COMMENT);
        while !comment.is_char_boundary(end) {
            end -= 1;
        }
        let s = self.texts.len();
        self.texts.push_str(comment.get(..end).unwrap_or_default());
        let comment_ix = u32::try_from(self.spans.len()).unwrap_or(u32::MAX);
        self.spans.push((s, self.texts.len()));
        comment_ix
    }
}

/// The day (since 1970) of a row's date cell, `i32::MIN` for none or an unreadable one
/// (reported).
fn day_of(out: &mut Feedback, date_text: &str, (file, line): (&str, usize)) -> i32 {
    if date_text.is_empty() {
        return i32::MIN;
    }
    match Date::parse(date_text) {
        Some(d) => i32::try_from(d.days()).unwrap_or(i32::MIN),
        None => {
            out.problem(ImportProblem {
                file: file.to_owned(),
                line: Some(line),
                message: format!(
                    "the date {date_text:?} is not readable (use 2026-03-14); the answer counts, outside the trend"
                ),
            });
            i32::MIN
        }
    }
}

/// The answers of one touchpoint, added up.
#[derive(Clone, Default)]
struct Acc {
    hist: [u64; 11],
    n: u64,
    sum: f64,
    non_native: u64,
    comments: u64,
    first: Option<i32>,
    last: Option<i32>,
    files: Vec<u16>,
    used: bool,
}

/// The kept answers added up per touchpoint: sums, trend per (touchpoint, period) and
/// the comments to find themes in.
struct Tally {
    acc: Vec<Acc>,
    trend: BTreeMap<(u32, i64), (f64, u64)>,
    docs: Vec<Vec<Doc>>,
}

impl Tally {
    /// Add up `kept` (`n_tp` touchpoints), each score on its file's scale; a score out
    /// of its scale is reported and left out.
    fn of(
        out: &mut Feedback,
        kept: &[Kept],
        scales: &[Scale],
        files: &[String],
        n_tp: usize,
        options: &Options,
    ) -> Tally {
        let mut tally = Tally {
            acc: vec![Acc::default(); n_tp],
            trend: BTreeMap::new(),
            docs: vec![Vec::new(); n_tp],
        };
        for k in kept {
            let scale = scales
                .get(usize::from(k.file))
                .copied()
                .unwrap_or(Scale::ZeroToTen);
            let mut score10 = f32::NAN;
            if k.value.is_finite() {
                match tally.add_score(k, scale, options) {
                    Some(Ok(v10)) => score10 = v10 as f32,
                    Some(Err(e)) => {
                        let file = files.get(usize::from(k.file)).cloned().unwrap_or_default();
                        out.problem(ImportProblem {
                            file,
                            line: Some(k.line as usize),
                            message: format!("{e}; the answer is left out"),
                        });
                    }
                    None => continue,
                }
            }
            if k.comment != u32::MAX {
                tally.add_comment(k, score10);
            }
        }
        tally
    }

    /// Count the score of `k` on `scale`: `Ok` its 0..10 value, `Err` why it is left
    /// out, `None` when its touchpoint is unknown (the answer is skipped).
    fn add_score(
        &mut self,
        k: &Kept,
        scale: Scale,
        options: &Options,
    ) -> Option<Result<f64, ScoreError>> {
        let answer = Answer {
            value: f64::from(k.value),
            scale: Scale::ALL.get(usize::from(k.own)).copied(),
        };
        let shown = match answer.scale {
            Some(Scale::Stars) => format!("{} stars", k.value),
            Some(s) => format!("{}/{}", k.value, s.bounds().1),
            None => format!("{}", k.value),
        };
        let v = match scale.check_answer(answer, &shown) {
            Ok(v) => v,
            Err(e) => return Some(Err(e)),
        };
        let v10 = scale.to_ten(v);
        let a = self.acc.get_mut(k.tp as usize)?;
        a.n += 1;
        a.sum += v10;
        let point = (v10 + 0.5).floor().clamp(0.0, 10.0) as usize;
        if let Some(h) = a.hist.get_mut(point) {
            *h += 1;
        }
        if !scale.is_native() {
            a.non_native += 1;
        }
        if k.day != i32::MIN {
            a.first = Some(a.first.map_or(k.day, |f| f.min(k.day)));
            a.last = Some(a.last.map_or(k.day, |f| f.max(k.day)));
            let d = Date::from_days(i64::from(k.day));
            let e = self
                .trend
                .entry((k.tp, options.period.key(d)))
                .or_insert((0.0, 0));
            e.0 += v10;
            e.1 += 1;
        }
        if !a.files.contains(&k.file) {
            a.files.push(k.file);
        }
        a.used = true;
        Some(Ok(v10))
    }

    /// Count the comment of `k` (its score on 0..10 `score10`, `NaN` for none).
    fn add_comment(&mut self, k: &Kept, score10: f32) {
        if let Some(a) = self.acc.get_mut(k.tp as usize) {
            a.comments += 1;
            a.used = true;
            if !a.files.contains(&k.file) {
                a.files.push(k.file);
            }
        }
        if let Some(list) = self.docs.get_mut(k.tp as usize) {
            list.push(Doc {
                start: k.tok_start,
                end: k.tok_end,
                score: score10,
                text: k.comment as usize,
            });
        }
    }

    /// The feedback of every touchpoint with a usable answer or comment, in the
    /// journey's id order, into `out`.
    fn results(
        &self,
        out: &mut Feedback,
        journey: &Journey,
        themes: &mut [Vec<FoundTheme>],
        files: &[String],
        options: &Options,
    ) {
        let tps: Vec<_> = journey.touchpoints().collect();
        for (i, a) in self.acc.iter().enumerate() {
            if !a.used {
                continue;
            }
            let Some(tp) = tps.get(i) else { continue };
            let exact = a.non_native == 0;
            let nps = (exact && a.n > 0).then(|| {
                let promoters = a.hist.get(9..).map_or(0, |h| h.iter().sum::<u64>());
                let detractors = a.hist.get(..7).map_or(0, |h| h.iter().sum::<u64>());
                (promoters as f64 - detractors as f64) / a.n as f64 * 100.0
            });
            let t: Vec<TrendPoint> = self
                .trend
                .range((i as u32, i64::MIN)..=(i as u32, i64::MAX))
                .map(|(&(_, key), &(sum, n))| TrendPoint {
                    period: options.period.label(key),
                    mean: sum / n as f64,
                    responses: n,
                })
                .collect();
            out.touchpoints.push(TouchpointFeedback {
                id: tp.id.clone(),
                name: tp.name.clone(),
                responses: a.n,
                mean: if a.n > 0 { a.sum / a.n as f64 } else { 0.0 },
                histogram: a.hist,
                exact,
                nps,
                comments: a.comments,
                themes: themes.get_mut(i).map(std::mem::take).unwrap_or_default(),
                trend: t,
                period: a
                    .first
                    .zip(a.last)
                    .map(|(f, l)| (Date::from_days(i64::from(f)), Date::from_days(i64::from(l)))),
                files: a
                    .files
                    .iter()
                    .filter_map(|&f| files.get(usize::from(f)).cloned())
                    .collect(),
                old: tp.satisfaction.clone(),
            });
        }
    }
}

/// The themes of each touchpoint's comments `docs`, found in parallel over touchpoints
/// (up to four workers) while this thread reports progress and passes a cancel on.
fn themes_of(
    docs: &[Vec<Doc>],
    tokens: &[u32],
    vocab: &Vocabulary,
    text_of: &(dyn Fn(usize) -> String + Sync),
    progress: &dyn Progress,
) -> Result<Vec<Vec<FoundTheme>>, Cancelled> {
    let n_tp = docs.len();
    let order: Vec<usize> = (0..n_tp)
        .filter(|&i| docs.get(i).is_some_and(|d| !d.is_empty()))
        .collect();
    let mut themes: Vec<Vec<FoundTheme>> = vec![Vec::new(); n_tp];
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, 4);
    let themed = std::sync::atomic::AtomicUsize::new(0);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let total_themed = order.len().max(1) as f32;
    let results: Vec<(usize, Vec<FoundTheme>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let order = &order;
                let (themed, stop) = (&themed, &stop);
                s.spawn(move || {
                    use std::sync::atomic::Ordering::Relaxed;
                    let mut mine = Vec::new();
                    for (j, &i) in order.iter().enumerate() {
                        if j % workers != w {
                            continue;
                        }
                        if stop.load(Relaxed) {
                            break;
                        }
                        let d = docs.get(i).map(Vec::as_slice).unwrap_or_default();
                        mine.push((i, find_themes(d, tokens, vocab, text_of, MAX_THEMES)));
                        themed.fetch_add(1, Relaxed);
                    }
                    mine
                })
            })
            .collect();
        // This thread tells how far the themes are and passes a cancel on to the workers.
        while handles.iter().any(|h| !h.is_finished()) {
            std::thread::sleep(std::time::Duration::from_millis(5));
            let k = themed.load(std::sync::atomic::Ordering::Relaxed);
            let done = READ_SHARE + (1.0 - READ_SHARE) * k as f32 / total_themed;
            if !progress.update(done.min(1.0)) {
                stop.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        }
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    if stop.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(Cancelled);
    }
    for (i, t) in results {
        if let Some(slot) = themes.get_mut(i) {
            *slot = t;
        }
    }
    Ok(themes)
}
