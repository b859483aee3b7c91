//! Unit tests of the track assignment and the crossing test.

use super::choose::conflict;
use super::nudge::MaxTree;

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
