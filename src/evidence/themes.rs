//! Themes in a touchpoint's comments: TF-IDF weighted words, clustered by co-occurrence.
//!
//! 1. Each comment is a bag of words ([`super::text::words`]). A word is a *candidate* when
//!    at least `max(2, 0.5%)` of the comments use it; the [`MAX_CANDIDATES`] most used are
//!    kept (ties by the word, so the order never depends on hashing).
//! 2. Star clustering: the most used candidate not yet in a theme seeds one; every other
//!    free candidate that goes with it (at least [`LINK`] of the comments of each word also
//!    hold the other) joins it. A word that goes with everything (it appears everywhere) is
//!    not in [`LINK`] of the seed's comments' company, so it does not join.
//! 3. Each comment goes to the theme whose words weigh most in it (tf x idf, idf =
//!    `ln((1 + n) / (1 + df)) + 1`); ties go to the earlier theme. A comment with no
//!    candidate word has no theme.
//! 4. A theme is labelled by its three most used words, counts its comments, those from
//!    detractors (0-6 on 0-10) and promoters (9-10), and quotes the comments that hold most
//!    of its weight for their length.
//!
//! Everything is a deterministic function of the comments in their order: same input,
//! same themes. Time is linear in the words (plus `K^2` per comment for its `K`
//! candidate words, a handful).

use rustc_hash::FxHashMap;

/// Most candidate words per touchpoint.
pub const MAX_CANDIDATES: usize = 120;
/// Share of each word's comments that must hold the other for two words to be one theme.
pub const LINK: f64 = 0.25;
/// Most quotes per theme.
pub const MAX_QUOTES: usize = 3;
/// Longest quote kept (characters); longer ones are cut with `…`.
pub const MAX_QUOTE_CHARS: usize = 280;

/// Words seen so far, each with a dense id (in order of first appearance).
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
}

impl Vocabulary {
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.into());
        self.ids.insert(word.into(), id);
        id
    }

    pub fn word(&self, id: u32) -> &str {
        self.words.get(id as usize).map_or("", |w| w)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// One comment: its words (a range of a shared token list, sorted by id), its score on
/// 0-10 (`NaN` when none) and a handle the caller uses to find its text.
#[derive(Clone, Copy, Debug)]
pub struct Doc {
    pub start: usize,
    pub end: usize,
    pub score: f32,
    pub text: usize,
}

/// A theme found in comments.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundTheme {
    /// Its most used words, most used first (at most three).
    pub terms: Vec<String>,
    /// Comments in the theme.
    pub count: u64,
    /// Of those, comments from detractors (0-6 on 0-10).
    pub detractors: u64,
    /// Of those, comments from promoters (9-10 on 0-10).
    pub promoters: u64,
    /// The most representative comments.
    pub quotes: Vec<String>,
}

/// Cut a quote to [`MAX_QUOTE_CHARS`] characters (whitespace runs made single spaces).
pub fn clip_quote(text: &str) -> String {
    let mut out = String::new();
    let mut n = 0;
    for (i, w) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
            n += 1;
        }
        for c in w.chars() {
            if n >= MAX_QUOTE_CHARS {
                out.push('…');
                return out;
            }
            out.push(c);
            n += 1;
        }
    }
    out
}

/// The themes of a set of comments, most commented first, at most `max`.
pub fn find_themes(
    docs: &[Doc],
    tokens: &[u32],
    vocab: &Vocabulary,
    text_of: &dyn Fn(usize) -> String,
    max: usize,
) -> Vec<FoundTheme> {
    let docs: Vec<&Doc> = docs.iter().filter(|d| d.end > d.start).collect();
    let n = docs.len();
    if n < 2 || max == 0 {
        return Vec::new();
    }
    // 1. Document frequencies and candidates.
    let Some(cands) = Candidates::of(&docs, tokens, vocab) else {
        return Vec::new();
    };
    // 2. Co-occurrence and star clustering.
    let (theme_of, members) = cluster(&docs, tokens, &cands);
    // 3. Assignment, counts and quote candidates.
    let mut tally = Tally::of(&docs, tokens, &cands, &theme_of, members.len(), text_of);
    // 4. Labels, quotes, order.
    let mut out: Vec<FoundTheme> = Vec::new();
    for (t, m) in members.iter().enumerate() {
        let c = tally.count.get(t).copied().unwrap_or(0);
        if c < 2 {
            continue;
        }
        let terms = terms_of(m, &tally.within, &cands, vocab);
        let quotes: Vec<String> = tally
            .best
            .get_mut(t)
            .map(|l| l.drain(..).map(|e| e.3).collect())
            .unwrap_or_default();
        out.push(FoundTheme {
            terms,
            count: c,
            detractors: tally.detractors.get(t).copied().unwrap_or(0),
            promoters: tally.promoters.get(t).copied().unwrap_or(0),
            quotes,
        });
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.terms.cmp(&b.terms)));
    out.truncate(max);
    out
}

/// The words of a comment.
fn words_of<'a>(tokens: &'a [u32], d: &Doc) -> &'a [u32] {
    tokens.get(d.start..d.end).unwrap_or_default()
}

/// The candidate words of themes: those in enough comments, most used first (at most
/// [`MAX_CANDIDATES`]), with their document frequencies and idf weights.
struct Candidates {
    /// (word, comments using it).
    words: Vec<(u32, u32)>,
    /// Word -> candidate index.
    of: FxHashMap<u32, usize>,
    df: Vec<f64>,
    idf: Vec<f64>,
}

impl Candidates {
    /// The candidates of `docs`; `None` when no word is in enough of them.
    fn of(docs: &[&Doc], tokens: &[u32], vocab: &Vocabulary) -> Option<Candidates> {
        let n = docs.len();
        let mut df: FxHashMap<u32, u32> = FxHashMap::default();
        for d in docs {
            let mut last = u32::MAX;
            for &t in words_of(tokens, d) {
                if t != last {
                    *df.entry(t).or_insert(0) += 1;
                    last = t;
                }
            }
        }
        let min_df = 2u32.max((n as f64 * 0.005).ceil() as u32);
        let mut cands: Vec<(u32, u32)> = df
            .iter()
            .filter(|(_, f)| **f >= min_df)
            .map(|(t, f)| (*t, *f))
            .collect();
        cands.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| vocab.word(a.0).cmp(vocab.word(b.0)))
        });
        cands.truncate(MAX_CANDIDATES);
        if cands.is_empty() {
            return None;
        }
        let cand_of: FxHashMap<u32, usize> = cands
            .iter()
            .enumerate()
            .map(|(i, (t, _))| (*t, i))
            .collect();
        let cand_df: Vec<f64> = cands.iter().map(|(_, f)| f64::from(*f)).collect();
        let idf: Vec<f64> = cand_df
            .iter()
            .map(|f| ((1.0 + n as f64) / (1.0 + f)).ln() + 1.0)
            .collect();
        Some(Candidates {
            words: cands,
            of: cand_of,
            df: cand_df,
            idf,
        })
    }

    /// Candidate words of a comment, with their counts (tf), in token order, into `local`.
    fn fill_local(&self, tokens: &[u32], d: &Doc, local: &mut Vec<(usize, u32)>) {
        local.clear();
        for &t in words_of(tokens, d) {
            if let Some(&c) = self.of.get(&t) {
                match local.last_mut() {
                    Some((last, tf)) if *last == c => *tf += 1,
                    _ => local.push((c, 1)),
                }
            }
        }
    }
}

/// Star clustering of the candidates by co-occurrence: each candidate not yet taken
/// starts a theme and takes the later ones it often shares comments with. Returns the
/// theme of each candidate and the candidates of each theme.
fn cluster(docs: &[&Doc], tokens: &[u32], cands: &Candidates) -> (Vec<usize>, Vec<Vec<usize>>) {
    let k = cands.words.len();
    let mut local: Vec<(usize, u32)> = Vec::new();
    let mut co = vec![0u32; k * k];
    for d in docs {
        cands.fill_local(tokens, d, &mut local);
        for (i, &(a, _)) in local.iter().enumerate() {
            for &(b, _) in local.iter().skip(i + 1) {
                if let Some(x) = co.get_mut(a * k + b) {
                    *x += 1;
                }
                if let Some(x) = co.get_mut(b * k + a) {
                    *x += 1;
                }
            }
        }
    }
    let mut theme_of = vec![usize::MAX; k];
    let mut members: Vec<Vec<usize>> = Vec::new();
    for s in 0..k {
        if theme_of.get(s).copied() != Some(usize::MAX) {
            continue;
        }
        let t = members.len();
        let mut m = vec![s];
        if let Some(x) = theme_of.get_mut(s) {
            *x = t;
        }
        for c in (s + 1)..k {
            if theme_of.get(c).copied() != Some(usize::MAX) {
                continue;
            }
            let together = f64::from(co.get(s * k + c).copied().unwrap_or(0));
            let (ds, dc) = (
                cands.df.get(s).copied().unwrap_or(1.0),
                cands.df.get(c).copied().unwrap_or(1.0),
            );
            if together >= 2.0 && together >= LINK * ds && together >= LINK * dc {
                m.push(c);
                if let Some(x) = theme_of.get_mut(c) {
                    *x = t;
                }
            }
        }
        members.push(m);
    }
    (theme_of, members)
}

/// A quote candidate: (score for quoting, words, doc index, quote).
type QuoteCand = (f64, usize, usize, String);

/// The comments assigned to each theme, counted, with their best quotes.
struct Tally {
    count: Vec<u64>,
    detractors: Vec<u64>,
    promoters: Vec<u64>,
    /// Per candidate: comments of its theme using it.
    within: Vec<u64>,
    /// Per theme, best first.
    best: Vec<Vec<QuoteCand>>,
}

impl Tally {
    /// Assign every comment to the theme its candidate words weigh most in (ties: the
    /// earlier theme) and count it there.
    fn of(
        docs: &[&Doc],
        tokens: &[u32],
        cands: &Candidates,
        theme_of: &[usize],
        nt: usize,
        text_of: &dyn Fn(usize) -> String,
    ) -> Tally {
        let mut tally = Tally {
            count: vec![0u64; nt],
            detractors: vec![0u64; nt],
            promoters: vec![0u64; nt],
            within: vec![0u64; cands.words.len()],
            best: vec![Vec::new(); nt],
        };
        let mut local: Vec<(usize, u32)> = Vec::new();
        let mut weights: Vec<(usize, f64)> = Vec::new();
        for (di, d) in docs.iter().enumerate() {
            cands.fill_local(tokens, d, &mut local);
            if local.is_empty() {
                continue;
            }
            weights.clear();
            for &(c, tf) in &local {
                let t = theme_of.get(c).copied().unwrap_or(0);
                let w = f64::from(tf) * cands.idf.get(c).copied().unwrap_or(1.0);
                match weights.iter_mut().find(|(x, _)| *x == t) {
                    Some((_, acc)) => *acc += w,
                    None => weights.push((t, w)),
                }
            }
            let mut pick = (usize::MAX, f64::MIN);
            for &(t, w) in &weights {
                if w > pick.1 || (w == pick.1 && t < pick.0) {
                    pick = (t, w);
                }
            }
            tally.add(d, di, pick, &local, theme_of, text_of);
        }
        tally
    }

    /// Count comment `d` (the `di`th) in theme `t` (`weight` its words' weight there).
    fn add(
        &mut self,
        d: &Doc,
        di: usize,
        (t, weight): (usize, f64),
        local: &[(usize, u32)],
        theme_of: &[usize],
        text_of: &dyn Fn(usize) -> String,
    ) {
        let Some(cnt) = self.count.get_mut(t) else {
            return;
        };
        *cnt += 1;
        if d.score.is_finite() {
            if d.score <= 6.0 {
                if let Some(x) = self.detractors.get_mut(t) {
                    *x += 1;
                }
            } else if d.score >= 9.0
                && let Some(x) = self.promoters.get_mut(t)
            {
                *x += 1;
            }
        }
        for &(c, _) in local {
            if theme_of.get(c) == Some(&t)
                && let Some(x) = self.within.get_mut(c)
            {
                *x += 1;
            }
        }
        let len = d.end - d.start;
        let quality = weight / (len as f64).sqrt();
        if let Some(list) = self.best.get_mut(t) {
            let pos = list
                .iter()
                .position(|e| quality > e.0 || (quality == e.0 && (len, di) < (e.1, e.2)))
                .unwrap_or(list.len());
            if pos < MAX_QUOTES {
                // Distinct texts only (surveys repeat short answers word for word).
                let quote = clip_quote(&text_of(d.text));
                if !quote.is_empty() && !list.iter().any(|e| e.3 == quote) {
                    list.insert(pos, (quality, len, di, quote));
                    list.truncate(MAX_QUOTES);
                }
            }
        }
    }
}

/// The label of a theme (candidates `m`): its three words most used within it (then
/// most used overall, then alphabetical).
fn terms_of(m: &[usize], within: &[u64], cands: &Candidates, vocab: &Vocabulary) -> Vec<String> {
    let mut terms: Vec<usize> = m.to_vec();
    terms.sort_by(|a, b| {
        within
            .get(*b)
            .cmp(&within.get(*a))
            .then_with(|| {
                cands
                    .df
                    .get(*b)
                    .partial_cmp(&cands.df.get(*a))
                    .unwrap_or(std::cmp::Ordering::Equal)
            })
            .then_with(|| {
                let wa = cands.words.get(*a).map_or("", |x| vocab.word(x.0));
                let wb = cands.words.get(*b).map_or("", |x| vocab.word(x.0));
                wa.cmp(wb)
            })
    });
    terms
        .iter()
        .take(3)
        .filter_map(|&i| cands.words.get(i).map(|x| vocab.word(x.0).to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::text::words;

    fn run(comments: &[(&str, f32)]) -> Vec<FoundTheme> {
        let mut vocab = Vocabulary::default();
        let mut tokens = Vec::new();
        let mut docs = Vec::new();
        let mut buf = String::new();
        for (i, (c, s)) in comments.iter().enumerate() {
            let start = tokens.len();
            words(c, &mut buf, |w| tokens.push(vocab.intern(w)));
            tokens[start..].sort_unstable();
            docs.push(Doc {
                start,
                end: tokens.len(),
                score: *s,
                text: i,
            });
        }
        let texts: Vec<String> = comments.iter().map(|c| c.0.to_owned()).collect();
        find_themes(&docs, &tokens, &vocab, &|i| texts[i].clone(), 5)
    }

    #[test]
    fn two_planted_themes_are_found_with_their_counts() {
        let mut comments = Vec::new();
        for i in 0..60 {
            comments.push(match i % 3 {
                0 => (
                    "The technician arrived late and missed the appointment",
                    2.0,
                ),
                1 => ("Technician late again", 3.0),
                _ => ("missed appointment, technician never came", 1.0),
            });
        }
        for i in 0..40 {
            comments.push(match i % 2 {
                0 => ("The bill was wrong, charged twice", 4.0),
                _ => ("wrong bill amount charged", 9.0),
            });
        }
        comments.push(("fine", 10.0));
        let themes = run(&comments);
        assert_eq!(themes.len(), 2, "{themes:?}");
        assert_eq!(themes[0].count, 60);
        assert!(themes[0].terms.contains(&"technician".to_owned()));
        assert_eq!(themes[0].detractors, 60);
        assert_eq!(themes[1].count, 40);
        assert!(themes[1].terms.contains(&"bill".to_owned()));
        assert_eq!(themes[1].promoters, 20);
        assert!(!themes[0].quotes.is_empty() && themes[0].quotes.len() <= 3);
        assert_eq!(themes, run(&comments), "deterministic");
    }

    #[test]
    fn nothing_to_cluster_gives_no_theme() {
        assert!(run(&[]).is_empty());
        assert!(run(&[("one", 1.0), ("two", 2.0), ("three", 3.0)]).is_empty());
    }

    #[test]
    fn quotes_are_clipped() {
        let long = "word ".repeat(200);
        let q = clip_quote(&long);
        assert_eq!(q.chars().count(), MAX_QUOTE_CHARS + 1);
        assert!(q.ends_with('…'));
        assert_eq!(clip_quote("  a \n b "), "a b");
    }
}
