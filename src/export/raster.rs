//! PNG export: the scene's SVG rendered with resvg and the bundled fonts.

use super::fonts;
use super::svg::{SvgOptions, node_count, write_svg_with};
use crate::i18n::{tr, tr_args};
use crate::io::{CardFacts, Census, EdgeFacts};
use crate::model::Journey;
use crate::scene::Scene;
use resvg::tiny_skia;

/// The largest raster side, in pixels.
pub const MAX_SIDE: u32 = 16_384;
/// The largest raster, in pixels (about 96 MB of RGBA): keeps a 1,000-touchpoint map under a second.
pub const MAX_PIXELS: u64 = 24_000_000;

/// The most SVG nodes one drawing may have: the renderer (usvg) refuses more than
/// 1,000,000, after parsing all of them. Checked first, from the scene, so a map too
/// big for one drawing is refused in a moment instead of after gigabytes.
pub const MAX_NODES: usize = 990_000;

/// Why an image or PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the diagram could not be read back as SVG: {0}")]
    Svg(String),
    #[error("the diagram is empty")]
    Empty,
    #[error("could not encode the image: {0}")]
    Encode(String),
    #[error("could not write the PDF: {0}")]
    Pdf(String),
    /// The map needs more than [`MAX_NODES`] drawing nodes in one image.
    #[error("{}", too_big_message(size, *nodes, *at_least, advice))]
    TooBig {
        /// What was asked, e.g. "a PNG of 16384 x 1600 px (scale 0.12)", in the
        /// language of the thread that refused it.
        size: String,
        nodes: usize,
        /// `nodes` is a lower bound counted from the journey, before any layout.
        at_least: bool,
        /// The option that works (translated, like `size`).
        advice: String,
    },
}

fn too_big_message(size: &str, nodes: usize, at_least: bool, advice: &str) -> String {
    tr_args(
        if at_least {
            "render-too-big-at-least"
        } else {
            "render-too-big"
        },
        &[
            ("size", size.into()),
            ("nodes", nodes.to_string().into()),
            ("max", MAX_NODES.to_string().into()),
            ("advice", advice.into()),
        ],
    )
}

/// A lower bound of [`node_count`] for the exports' scene of `journey` at any scale,
/// with every text left out: the layer groups; each card's group and shapes; each
/// handoff's group, line, arrow head and label pill ([`crate::scene::bound`]). Counted
/// from the journey alone, in milliseconds, so a map that no scale can draw at once is
/// refused right after loading, before the analysis, layout and scene.
pub fn nodes_at_least(journey: &Journey) -> usize {
    use crate::scene::bound::{card_facts, edge_facts};
    nodes_from(
        journey.touchpoints().map(card_facts),
        journey.handoffs().into_iter().map(edge_facts),
    )
}

/// [`nodes_at_least`] from the census of a file, before it is loaded: the same count
/// for the journey the file holds.
pub fn nodes_at_least_census(census: &Census) -> usize {
    nodes_from(
        census.touchpoints.iter().copied(),
        census.handoffs.iter().copied(),
    )
}

/// The one count behind [`nodes_at_least`] and [`nodes_at_least_census`].
fn nodes_from(
    cards: impl Iterator<Item = CardFacts>,
    edges: impl Iterator<Item = EdgeFacts>,
) -> usize {
    use crate::scene::bound::{card_shapes, edge_shapes};
    let card_w = crate::layout::LayoutConfig::default().card_w;
    let cards = cards
        .map(|t| 1 + card_shapes(&t, card_w))
        .fold(0usize, usize::saturating_add);
    let edges = edges
        .map(|h| 2 + edge_shapes(&h))
        .fold(0usize, usize::saturating_add);
    9usize.saturating_add(cards).saturating_add(edges)
}

/// Refuse a one-image drawing of `journey` (`what`: "png" or a paper name for a
/// one-page PDF) when even [`nodes_at_least`] is over [`MAX_NODES`]: no scale helps.
pub fn refuse_early(journey: &Journey, what: Option<&str>) -> Result<(), RenderError> {
    refuse_counted(
        nodes_at_least(journey),
        journey.touchpoint_count(),
        journey.handoff_count(),
        what,
    )
}

/// [`refuse_early`] from the census of a file, before loading it: the same refusal,
/// word for word, as the loaded journey would get.
pub fn refuse_early_census(census: &Census, what: Option<&str>) -> Result<(), RenderError> {
    refuse_counted(
        nodes_at_least_census(census),
        census.touchpoints.len(),
        census.handoffs.len(),
        what,
    )
}

fn refuse_counted(
    nodes: usize,
    touchpoints: usize,
    handoffs: usize,
    what: Option<&str>,
) -> Result<(), RenderError> {
    if nodes <= MAX_NODES {
        return Ok(());
    }
    let counts = [
        ("touchpoints", touchpoints.to_string().into()),
        ("handoffs", handoffs.to_string().into()),
    ];
    let (size, advice) = match what {
        None => (
            tr_args("render-size-png-map", &counts),
            tr("render-advice-pages-or-svg"),
        ),
        Some(paper) => {
            let mut args = counts.to_vec();
            args.push(("paper", paper.into()));
            (
                tr_args("render-size-pdf-map", &args),
                tr("render-advice-pdf-pages"),
            )
        }
    };
    Err(RenderError::TooBig {
        size,
        nodes,
        at_least: true,
        advice,
    })
}

/// A rendered PNG and what it became.
#[derive(Debug)]
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// The scale actually used: lower than asked when the image would exceed
    /// [`MAX_SIDE`] or [`MAX_PIXELS`].
    pub scale: f32,
}

/// The scale to render `w` x `h` points at: `scale`, reduced to stay within the caps.
pub fn capped_scale(w: f32, h: f32, scale: f32) -> f32 {
    let scale = if scale.is_finite() && scale > 0.0 {
        scale.min(16.0)
    } else {
        1.0
    };
    let (w, h) = (w.max(1.0), h.max(1.0));
    let side = MAX_SIDE as f32 / w.max(h);
    let area = (MAX_PIXELS as f32 / (w * h)).sqrt();
    scale.min(side).min(area)
}

/// Render `scene` to PNG at `scale` pixels per point (capped; see [`capped_scale`]).
pub fn render_png(scene: &Scene, scale: f32) -> Result<Png, RenderError> {
    let b = scene.bounds;
    let asked = scale;
    let scale = capped_scale(b.w, b.h, scale);
    let width = ((b.w * scale).ceil() as u32).clamp(1, MAX_SIDE);
    let height = ((b.h * scale).ceil() as u32).clamp(1, MAX_SIDE);
    // Card text smaller than 3 px is unreadable anyway: leave it out (level of detail).
    let options = lod_options(scale);
    let nodes = node_count(scene, &options);
    if nodes > MAX_NODES {
        return Err(RenderError::TooBig {
            size: tr_args(
                "render-size-png",
                &[
                    ("width", width.to_string().into()),
                    ("height", height.to_string().into()),
                    ("scale", format!("{scale:.2}").into()),
                ],
            ),
            nodes,
            at_least: false,
            advice: too_big_advice(scene, asked.min(scale)),
        });
    }
    let pixmap = rasterize(scene, &options, width, height)?;
    let bytes = pixmap
        .encode_png()
        .map_err(|e| RenderError::Encode(e.to_string()))?;
    Ok(Png {
        bytes,
        width,
        height,
        scale,
    })
}

/// The scene's SVG (as `options` write it) drawn on a `width` x `height` pixmap.
fn rasterize(
    scene: &Scene,
    options: &SvgOptions,
    width: u32,
    height: u32,
) -> Result<tiny_skia::Pixmap, RenderError> {
    let svg = write_svg_with(scene, options);
    let tree = resvg::usvg::Tree::from_str(&svg, &fonts::usvg_options())
        .map_err(|e| RenderError::Svg(e.to_string()))?;
    drop(svg);
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or(RenderError::Empty)?;
    let sx = width as f32 / tree.size().width();
    let sy = height as f32 / tree.size().height();
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(sx, sy),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

fn lod_options(scale: f32) -> SvgOptions {
    SvgOptions {
        size: None,
        min_text_px: 3.0,
        scale,
        merge_lines: true,
    }
}

/// What to do instead of one PNG at `scale`: a smaller `--scale` when leaving out
/// more of the card text brings the drawing under [`MAX_NODES`], else pages of a PDF
/// or an SVG (neither has the limit).
fn too_big_advice(scene: &Scene, scale: f32) -> String {
    // Text of size s is left out below scale 3/s: try just below each such scale.
    let mut sizes: Vec<f32> = scene
        .items()
        .filter_map(|i| match i {
            crate::scene::Item::Text {
                size,
                detail: crate::scene::Detail::Text,
                ..
            } => Some(*size),
            _ => None,
        })
        .collect();
    sizes.sort_by(f32::total_cmp);
    sizes.dedup();
    for s in &sizes {
        let candidate = (3.0 / s * 0.99 * 100.0).floor() / 100.0;
        if candidate < scale
            && candidate > 0.0
            && node_count(scene, &lod_options(candidate)) <= MAX_NODES
        {
            return tr_args(
                "render-advice-scale",
                &[("scale", candidate.to_string().into())],
            );
        }
    }
    tr("render-advice-pages-or-svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pixels (of `a` and `b`, the same size) whose colours differ by more than a
    /// quarter of the range in some channel.
    fn differing(a: &tiny_skia::Pixmap, b: &tiny_skia::Pixmap) -> usize {
        a.data()
            .chunks(4)
            .zip(b.data().chunks(4))
            .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 64))
            .count()
    }

    #[test]
    fn merged_handoff_lines_draw_the_same_picture() {
        use crate::analysis::{AnalysisConfig, analyze};
        use crate::scene::SceneOptions;
        let mut journeys: Vec<crate::model::Journey> = crate::samples::SAMPLES
            .iter()
            .filter_map(|(name, _)| crate::samples::load_sample(name)?.ok())
            .collect();
        journeys.push(crate::generate::generate(120, 5));
        assert!(journeys.len() >= 6);
        for j in &journeys {
            let a = analyze(j, &AnalysisConfig::default());
            let scene = super::super::diagram::scene_for(j, &a, &SceneOptions::default());
            let scale = capped_scale(scene.bounds.w, scene.bounds.h, 0.5);
            let (w, h) = (
                (scene.bounds.w * scale).ceil() as u32,
                (scene.bounds.h * scale).ceil() as u32,
            );
            let one_by_one = SvgOptions {
                merge_lines: false,
                ..lod_options(scale)
            };
            let merged = rasterize(&scene, &lod_options(scale), w, h).unwrap();
            let separate = rasterize(&scene, &one_by_one, w, h).unwrap();
            let n = differing(&merged, &separate);
            // Only where lines of different styles cross or overlap (their order
            // changes) and at line ends (round caps): a few pixels in a thousand.
            assert!(
                n * 1000 <= (w * h) as usize * 3,
                "{}: {n} of {} pixels differ",
                j.title(),
                w * h
            );
            // And the merged SVG really is smaller where handoffs share tracks.
            let svg = write_svg_with(&scene, &lod_options(scale));
            assert!(!svg.contains("class=\"handoff"), "no per-handoff groups");
        }
    }

    #[test]
    fn scale_is_capped_by_side_and_area() {
        assert_eq!(capped_scale(1000.0, 500.0, 2.0), 2.0);
        assert_eq!(capped_scale(1000.0, 500.0, f32::NAN), 1.0);
        assert_eq!(capped_scale(1000.0, 500.0, -1.0), 1.0);
        // 50,000 points wide: the side cap wins.
        let s = capped_scale(50_000.0, 1_000.0, 1.0);
        assert!((s - MAX_SIDE as f32 / 50_000.0).abs() < 1e-6, "{s}");
        // 10,000 x 10,000: the area cap wins (24 MP -> 4,899 px square).
        let s = capped_scale(10_000.0, 10_000.0, 1.0);
        assert!((10_000.0 * s - 4_899.0).abs() < 1.0, "{s}");
    }
}
