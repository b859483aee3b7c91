//! The sample journeys of `sample_journeys/`, embedded so the app opens the
//! move-address journey with no file on disk.

use crate::io::{LoadError, load_str};
use crate::model::Journey;

/// (file name, text) of every bundled sample.
pub const SAMPLES: [(&str, &str); 5] = [
    (
        "move-address.journey.ron",
        include_str!("../sample_journeys/move-address.journey.ron"),
    ),
    (
        "move-address-to-be.journey.ron",
        include_str!("../sample_journeys/move-address-to-be.journey.ron"),
    ),
    (
        "fixed-line-installation.journey.ron",
        include_str!("../sample_journeys/fixed-line-installation.journey.ron"),
    ),
    (
        "fibre-installation.journey.ron",
        include_str!("../sample_journeys/fibre-installation.journey.ron"),
    ),
    (
        "ecommerce.journey.ron",
        include_str!("../sample_journeys/ecommerce.journey.ron"),
    ),
];

/// Load a bundled sample by file name.
pub fn load_sample(name: &str) -> Option<Result<Journey, LoadError>> {
    SAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, text)| load_str(n, text))
}

/// The move-address (as-is) journey the app opens on first start.
pub fn move_address() -> Result<Journey, LoadError> {
    load_str(SAMPLES[0].0, SAMPLES[0].1)
}
