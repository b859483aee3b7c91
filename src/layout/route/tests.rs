//! Unit tests of the track assignment and the crossing test.

use super::choose::conflict;
use super::nudge::{MaxTree, Seg, constraints, need};

/// The segment tree behind the track assignment agrees with a plain array.
#[test]
fn max_tree_matches_a_scan() {
    let mut rng = crate::generate::Rng::new(3);
    for n in [1usize, 2, 3, 7, 16, 33] {
        let mut tree = MaxTree::new(n);
        let mut plain = vec![-1i32; n];
        for step in 0..400 {
            let a = rng.below(n as u64) as usize;
            let b = rng.below(n as u64) as usize;
            let (l, r) = (a.min(b), a.max(b));
            if step % 2 == 0 {
                let v = rng.below(50) as i32;
                tree.raise(l, r, v);
                for x in &mut plain[l..=r] {
                    *x = (*x).max(v);
                }
            } else {
                let want = plain[l..=r].iter().copied().max().unwrap_or(-1);
                assert_eq!(tree.query(l, r), want, "n {n} [{l}, {r}]");
            }
        }
    }
}

/// Two segments whose inner ends turn the same way must cross; nested ones with
/// both ends turning one way need not.
#[test]
fn forced_crossings_are_recognised() {
    assert!(conflict((0.0, 10.0, -1, -1), (5.0, 15.0, -1, -1)));
    assert!(!conflict((0.0, 10.0, -1, 1), (5.0, 15.0, -1, 1)));
    assert!(!conflict((0.0, 20.0, -1, -1), (5.0, 15.0, -1, -1)));
    assert!(conflict((0.0, 20.0, -1, -1), (5.0, 15.0, -1, 1)));
    assert!(!conflict((0.0, 10.0, -1, -1), (20.0, 30.0, 1, 1)));
}

/// The constraints across a channel are those found by looking at every pair of its
/// segments (they are looked for only among overlapping ones, by a sweep over where
/// they start): random channels with touching, nested, equal and far apart spans, in
/// a shuffled list.
#[test]
fn the_order_across_sees_every_overlapping_pair() {
    let mut rng = crate::generate::Rng::new(11);
    let mut found = 0;
    for n in [0usize, 1, 2, 5, 12, 40, 150] {
        for _ in 0..20 {
            let segs: Vec<Seg> = (0..n)
                .map(|_| {
                    let lo = rng.below(60) as f32 * 10.0;
                    let hi = lo + rng.below(30) as f32 * 10.0;
                    let mut turn = || if rng.below(2) == 0 { -1 } else { 1 };
                    let (turn_lo, turn_hi) = (turn(), turn());
                    Seg {
                        vertical: true,
                        channel: 0,
                        lo,
                        hi,
                        turn_lo,
                        turn_hi,
                        at: 0.0,
                        track: 0,
                        bundle: None,
                    }
                })
                .collect();
            let mut list: Vec<usize> = (0..n).collect();
            for k in (1..n).rev() {
                list.swap(k, rng.below(k as u64 + 1) as usize);
            }
            // (before, after) by position in `list`, from every pair.
            let mut every_pair = Vec::new();
            for i in 0..n {
                for j in i + 1..n {
                    match need(&segs[list[i]], &segs[list[j]]) {
                        1 => every_pair.push((i, j)),
                        2 => every_pair.push((j, i)),
                        _ => {}
                    }
                }
            }
            every_pair.sort();
            let (after, indegree) = constraints(&segs, &list);
            let mut swept: Vec<(usize, usize)> = after
                .iter()
                .enumerate()
                .flat_map(|(i, later)| later.iter().map(move |&j| (i, j)))
                .collect();
            swept.sort();
            assert_eq!(swept, every_pair, "n {n}");
            for (j, &d) in indegree.iter().enumerate() {
                assert_eq!(d, every_pair.iter().filter(|e| e.1 == j).count());
            }
            found += swept.len();
        }
    }
    assert!(found > 1_000, "the segments constrain each other: {found}");
}
