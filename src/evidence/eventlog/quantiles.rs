//! Medians and p90s in bounded memory. Values are kept exactly up to [`EXACT_CAP`]
//! (so small logs give exact figures, the same as a database's `quantile_cont`); past
//! that they go into a log-bucketed histogram with 0.5% relative accuracy, whose size
//! depends on the range of the values, never on how many there are.

/// Values kept exactly per statistic before switching to the histogram.
pub const EXACT_CAP: usize = 4096;
/// Relative accuracy of the histogram.
const ALPHA: f64 = 0.005;
/// Values below this count as zero in the histogram (waits of a microsecond).
const TINY: f64 = 1e-9;

#[derive(Clone, Debug, Default)]
pub struct Quantiles {
    exact: Vec<f64>,
    hist: Option<LogHist>,
}

#[derive(Clone, Debug)]
struct LogHist {
    n: u64,
    zeros: u64,
    offset: i32,
    counts: Vec<u64>,
}

fn gamma() -> f64 {
    (1.0 + ALPHA) / (1.0 - ALPHA)
}

impl LogHist {
    fn new() -> LogHist {
        LogHist {
            n: 0,
            zeros: 0,
            offset: 0,
            counts: Vec::new(),
        }
    }

    fn index(v: f64) -> i32 {
        // ceil(log_gamma(v)); v in [1e-9, 1e300] keeps this well inside i32.
        (v.ln() / gamma().ln()).ceil() as i32
    }

    fn value(i: i32) -> f64 {
        let g = gamma();
        2.0 * g.powi(i) / (g + 1.0)
    }

    fn add(&mut self, v: f64, times: u64) {
        self.n += times;
        if v < TINY {
            self.zeros += times;
            return;
        }
        let i = Self::index(v);
        if self.counts.is_empty() {
            self.offset = i;
            self.counts.push(0);
        } else if i < self.offset {
            let grow = (self.offset - i) as usize;
            let mut c = vec![0; grow];
            c.append(&mut self.counts);
            self.counts = c;
            self.offset = i;
        } else if (i - self.offset) as usize >= self.counts.len() {
            self.counts.resize((i - self.offset) as usize + 1, 0);
        }
        if let Some(slot) = self.counts.get_mut((i - self.offset) as usize) {
            *slot += times;
        }
    }

    /// The value at 0-based rank `r` (0..n).
    fn at_rank(&self, r: u64) -> f64 {
        if r < self.zeros {
            return 0.0;
        }
        let mut seen = self.zeros;
        for (k, &c) in self.counts.iter().enumerate() {
            seen += c;
            if r < seen {
                return Self::value(self.offset + k as i32);
            }
        }
        Self::value(self.offset + self.counts.len() as i32 - 1)
    }
}

/// `lo` and `hi` weighted by `1 - d` and `d`, rounded once as a fused multiply-add:
/// `lo (1 - d) + hi d`, DuckDB's interpolation (`quantile_cont`) as its builds compute
/// it; exactly `lo` when `d` is 0.
pub fn interpolate(lo: f64, d: f64, hi: f64) -> f64 {
    if d == 0.0 {
        return lo;
    }
    lo.mul_add(1.0 - d, hi * d)
}

impl Quantiles {
    pub fn new() -> Quantiles {
        Quantiles::default()
    }

    pub fn len(&self) -> u64 {
        match &self.hist {
            Some(h) => h.n,
            None => self.exact.len() as u64,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the figures are exact (fewer than [`EXACT_CAP`] values).
    pub fn is_exact(&self) -> bool {
        self.hist.is_none()
    }

    /// Add a value; negative and non-finite values are ignored (callers clamp first).
    pub fn push(&mut self, v: f64) {
        if !v.is_finite() || v < 0.0 {
            return;
        }
        match &mut self.hist {
            Some(h) => h.add(v, 1),
            None => {
                self.exact.push(v);
                if self.exact.len() > EXACT_CAP {
                    let mut h = LogHist::new();
                    for x in self.exact.drain(..) {
                        h.add(x, 1);
                    }
                    self.exact = Vec::new();
                    self.hist = Some(h);
                }
            }
        }
    }

    /// Fold another set of values into this one.
    pub fn merge(&mut self, other: &Quantiles) {
        match &other.hist {
            None => other.exact.iter().for_each(|&v| self.push(v)),
            Some(oh) => {
                if self.hist.is_none() {
                    let mut h = LogHist::new();
                    for x in self.exact.drain(..) {
                        h.add(x, 1);
                    }
                    self.hist = Some(h);
                }
                if let Some(h) = &mut self.hist {
                    h.add(0.0, oh.zeros);
                    for (k, &c) in oh.counts.iter().enumerate() {
                        if c > 0 {
                            h.add(LogHist::value(oh.offset + k as i32), c);
                        }
                    }
                }
            }
        }
    }

    /// The q-quantile (0..=1): the continuous quantile, linear interpolation between the
    /// values at ranks floor(h) and floor(h) + 1 for h = q (n - 1) (DuckDB `quantile_cont`,
    /// Spark SQL `percentile`, numpy's default), computed as DuckDB does (see
    /// [`interpolate`]), so its SQL gives the same figures to the last bit. `None`
    /// without values.
    pub fn quantile(&self, q: f64) -> Option<f64> {
        let q = q.clamp(0.0, 1.0);
        match &self.hist {
            None => {
                if self.exact.is_empty() {
                    return None;
                }
                let mut v = self.exact.clone();
                v.sort_by(f64::total_cmp);
                let h = q * (v.len() - 1) as f64;
                let lo = h.floor() as usize;
                let a = *v.get(lo)?;
                let b = *v.get(lo + 1).unwrap_or(&a);
                Some(interpolate(a, h - lo as f64, b))
            }
            Some(h) => {
                if h.n == 0 {
                    return None;
                }
                let pos = q * (h.n - 1) as f64;
                let lo = pos.floor() as u64;
                let a = h.at_rank(lo);
                let b = h.at_rank((lo + 1).min(h.n - 1));
                Some(interpolate(a, pos - lo as f64, b))
            }
        }
    }

    pub fn median(&self) -> Option<f64> {
        self.quantile(0.5)
    }

    pub fn p90(&self) -> Option<f64> {
        self.quantile(0.9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_figures_interpolate_like_quantile_cont() {
        let mut q = Quantiles::new();
        assert_eq!(q.median(), None);
        for v in [4.0, 1.0, 3.0, 2.0] {
            q.push(v);
        }
        assert_eq!(q.median(), Some(2.5));
        assert!((q.p90().unwrap() - 3.7).abs() < 1e-12);
        q.push(-1.0);
        q.push(f64::NAN);
        assert_eq!(q.len(), 4);
    }

    #[test]
    fn the_histogram_stays_within_half_a_percent_and_small() {
        let mut q = Quantiles::new();
        let mut exact = Vec::new();
        // 100,000 waits from 1 minute to ~40 days, deterministic.
        let mut x: u64 = 7;
        for _ in 0..100_000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let u = (x >> 11) as f64 / (1u64 << 53) as f64;
            let v = (u * 10.0).exp() / 60.0 * 60.0;
            q.push(v);
            exact.push(v);
        }
        q.push(0.0);
        exact.push(0.0);
        assert!(!q.is_exact());
        exact.sort_by(f64::total_cmp);
        for p in [0.1, 0.5, 0.9] {
            let want = exact[(p * (exact.len() - 1) as f64).round() as usize];
            let got = q.quantile(p).unwrap();
            assert!((got - want).abs() / want < 0.006, "{p}: {got} vs {want}");
        }
        let h = q.hist.as_ref().unwrap();
        assert!(h.counts.len() < 2_500, "{}", h.counts.len());
    }

    #[test]
    fn merging_gives_the_same_figures_as_one_pass() {
        let mut a = Quantiles::new();
        let mut b = Quantiles::new();
        let mut all = Quantiles::new();
        for i in 0..10_000 {
            let v = f64::from(i % 977) * 1.5;
            if i % 3 == 0 { &mut a } else { &mut b }.push(v);
            all.push(v);
        }
        a.merge(&b);
        let (m1, m2) = (a.median().unwrap(), all.median().unwrap());
        assert!((m1 - m2).abs() / m2 < 0.011, "{m1} {m2}");
        let mut small = Quantiles::new();
        small.push(1.0);
        let mut small2 = Quantiles::new();
        small2.push(3.0);
        small.merge(&small2);
        assert_eq!(small.median(), Some(2.0));
    }
}
