//! PDF export: the scene's SVG converted to vector PDF with svg2pdf (text stays text,
//! with the bundled fonts embedded and subset), placed on A4 or A3 landscape pages:
//! scaled to fit one page, or printed at a readable scale across several pages.

use super::fonts;
use super::raster::{MAX_NODES, RenderError};
use super::svg::{SvgOptions, node_count, write_svg_with};
use crate::i18n::{tr, tr_args};
use crate::scene::{Grid, Scene};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use std::collections::BTreeMap;

/// Paper size (always landscape).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Paper {
    #[default]
    A4,
    A3,
}

impl Paper {
    pub fn parse(text: &str) -> Option<Paper> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "a3" => Some(Paper::A3),
            _ => None,
        }
    }

    /// Width and height in points, landscape.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (841.89, 595.28),
            Paper::A3 => (1190.55, 841.89),
        }
    }
}

/// One page or many.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum PageLayout {
    /// One page when the map stays readable there (scale >= [`MIN_FIT_SCALE`]),
    /// otherwise pages.
    #[default]
    Auto,
    /// Always one page, scaled to fit.
    Fit,
    /// Pages at [`PAGE_SCALE`], left to right, top to bottom.
    Pages,
}

#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct PdfOptions {
    pub paper: Paper,
    pub layout: PageLayout,
}

/// Below this scale a single page is unreadable and `Auto` prints pages instead.
pub const MIN_FIT_SCALE: f32 = 0.3;
/// The scale of the pages layout (12 pt card text prints at 7.2 pt).
pub const PAGE_SCALE: f32 = 0.6;
/// At most this many pages; a bigger map is printed smaller.
pub const MAX_PAGES: usize = 400;
const MARGIN: f32 = 24.0;
/// Room for the page label at the bottom.
const FOOTER: f32 = 14.0;

/// A written PDF.
#[derive(Debug)]
pub struct PdfDoc {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Points on paper per point of the map.
    pub scale: f32,
}

/// How the map is cut into pages: (scale, columns, rows).
pub fn plan_pages(w: f32, h: f32, options: &PdfOptions) -> (f32, usize, usize) {
    let (pw, ph) = options.paper.size();
    let (tw, th) = (pw - 2.0 * MARGIN, ph - 2.0 * MARGIN - FOOTER);
    let (w, h) = (w.max(1.0), h.max(1.0));
    let fit = (tw / w).min(th / h);
    let one_page = match options.layout {
        PageLayout::Fit => true,
        PageLayout::Pages => false,
        PageLayout::Auto => fit >= MIN_FIT_SCALE,
    };
    if one_page {
        return (fit, 1, 1);
    }
    let mut scale = PAGE_SCALE.max(fit.min(1.0));
    loop {
        let cols = ((w * scale / tw).ceil() as usize).max(1);
        let rows = ((h * scale / th).ceil() as usize).max(1);
        if cols * rows <= MAX_PAGES || scale <= fit {
            return (scale, cols, rows);
        }
        scale *= 0.9;
    }
}

/// One landscape page of a map: where the map (an XObject of 1 x 1 point, as svg2pdf
/// writes it) is placed and clipped.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapTile {
    pub paper: Paper,
    /// Points on paper per point of the map.
    pub scale: f32,
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
    /// The map's size in points.
    pub map: (f32, f32),
}

impl MapTile {
    /// Draw the map XObject `name` for this tile (centred when it fits one page).
    pub fn write(&self, content: &mut Content, name: Name<'_>) {
        let (pw, ph) = self.paper.size();
        let (tw, th) = (pw - 2.0 * MARGIN, ph - 2.0 * MARGIN - FOOTER);
        let (sw, sh) = (self.map.0 * self.scale, self.map.1 * self.scale);
        content.save_state();
        if self.rows * self.cols == 1 {
            let ox = (pw - sw) / 2.0;
            let oy = (ph - FOOTER - sh) / 2.0 + FOOTER;
            content.transform([sw, 0.0, 0.0, sh, ox, oy]);
        } else {
            content.rect(MARGIN, MARGIN + FOOTER, tw, th);
            content.clip_nonzero();
            content.end_path();
            // The map's top left corner, shifted by the tiles before this one.
            let left = MARGIN - self.col as f32 * tw;
            let top = ph - MARGIN + self.row as f32 * th;
            content.transform([sw, 0.0, 0.0, sh, left, top - sh]);
        }
        content.x_object(name);
        content.restore_state();
    }
}

/// The pages of a `w` x `h` map, left to right, top to bottom.
pub fn map_tiles(w: f32, h: f32, options: &PdfOptions) -> Vec<MapTile> {
    let (scale, cols, rows) = plan_pages(w, h, options);
    (0..cols * rows)
        .map(|k| MapTile {
            paper: options.paper,
            scale,
            row: k / cols,
            col: k % cols,
            rows,
            cols,
            map: (w, h),
        })
        .collect()
}

pub fn paper_name(p: Paper) -> &'static str {
    match p {
        Paper::A4 => "A4",
        Paper::A3 => "A3",
    }
}

/// One drawing of the map in the PDF: an svg2pdf chunk and its root XObject.
struct MapChunk {
    chunk: pdf_writer::Chunk,
    root: Ref,
}

fn map_chunk(scene: &Scene) -> Result<(MapChunk, (f32, f32)), RenderError> {
    let svg = write_svg_with(
        scene,
        &SvgOptions {
            merge_lines: true,
            ..SvgOptions::default()
        },
    );
    let tree = resvg::usvg::Tree::from_str(&svg, &fonts::usvg_options())
        .map_err(|e| RenderError::Svg(e.to_string()))?;
    drop(svg);
    let size = (tree.size().width(), tree.size().height());
    let (chunk, root) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
        .map_err(|e| RenderError::Pdf(e.to_string()))?;
    let (chunk, root) = super::pdf_canon::canonical_chunk(&chunk, root);
    Ok((MapChunk { chunk, root }, size))
}

/// Render `scene` to PDF. A map with more nodes than one drawing may hold
/// ([`MAX_NODES`]) is drawn page by page, each page from the part of the scene it
/// shows; on one page it is refused with the option that works.
pub fn render_pdf(scene: &Scene, options: &PdfOptions) -> Result<PdfDoc, RenderError> {
    let nodes = node_count(scene, &SvgOptions::default());
    if nodes <= MAX_NODES {
        let (map, (w, h)) = map_chunk(scene)?;
        let tiles = map_tiles(w, h, options);
        return write_pages(scene, options, vec![map], |k| tiles.get(k).map(|t| (0, *t)));
    }
    let b = scene.bounds;
    let (scale, cols, rows) = plan_pages(b.w, b.h, options);
    if cols * rows == 1 {
        return Err(RenderError::TooBig {
            size: tr_args(
                "render-size-pdf-page",
                &[
                    ("paper", paper_name(options.paper).into()),
                    ("percent", format!("{:.0}", scale * 100.0).into()),
                ],
            ),
            nodes,
            at_least: false,
            advice: tr("render-advice-pdf-pages"),
        });
    }
    let (pw, ph) = options.paper.size();
    let (tw, th) = (pw - 2.0 * MARGIN, ph - 2.0 * MARGIN - FOOTER);
    let (vw, vh) = (tw / scale, th / scale);
    let parts = scene.tile_parts(&Grid {
        origin: (b.x, b.y),
        cell: (vw, vh),
        cols,
        rows,
    });
    let page = |k: usize, part: &crate::scene::WindowParts| {
        let (row, col) = (k / cols, k % cols);
        let x = b.x + col as f32 * vw;
        let y = b.y + row as f32 * vh;
        let view = crate::layout::Rect::new(x, y, vw.min(b.right() - x), vh.min(b.bottom() - y));
        let page = scene.window_of(view, part);
        let page_nodes = node_count(&page, &SvgOptions::default());
        if page_nodes > MAX_NODES {
            return Err(RenderError::TooBig {
                size: tr_args(
                    "render-size-pdf-page-of",
                    &[
                        ("page", (k + 1).to_string().into()),
                        ("pages", (cols * rows).to_string().into()),
                        ("percent", format!("{:.0}", scale * 100.0).into()),
                    ],
                ),
                nodes: page_nodes,
                at_least: false,
                advice: tr("render-advice-svg"),
            });
        }
        let (map, _) = map_chunk(&page)?;
        let tile = PageTile {
            paper: options.paper,
            scale,
            row,
            col,
            rows,
            cols,
            view: (view.w, view.h),
        };
        Ok((map, tile))
    };
    // Pages are independent (each its own SVG, usvg tree and svg2pdf chunk, the
    // costly part): drawn on a few threads, in the language of this one, and put
    // back in page order, so the bytes do not depend on the threads.
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, 4)
        .min(parts.len().max(1));
    let lang = crate::i18n::current();
    let mut drawn: Vec<(usize, Result<DrawnPage, RenderError>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let (parts, page, lang) = (&parts, &page, &lang);
                s.spawn(move || {
                    crate::i18n::with_lang(lang, || {
                        parts
                            .iter()
                            .enumerate()
                            .filter(|(k, _)| k % workers == w)
                            .map(|(k, part)| (k, page(k, part)))
                            .collect::<Vec<_>>()
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![(0, Err(RenderError::Pdf("a page could not be drawn".into())))]
                })
            })
            .collect()
    });
    drawn.sort_by_key(|(k, _)| *k);
    let mut maps = Vec::with_capacity(drawn.len());
    let mut tiles = Vec::with_capacity(drawn.len());
    for (_, d) in drawn {
        let (map, tile) = d?;
        maps.push(map);
        tiles.push(tile);
    }
    write_pages(scene, options, maps, |k| {
        tiles.get(k).map(|t| (k, Placement::Window(*t)))
    })
}

/// A page drawn: its map and where it goes.
type DrawnPage = (MapChunk, PageTile);

/// One page of a map drawn page by page: its own part of the map, placed at the top
/// left of the printable area.
#[derive(Clone, Copy, Debug, PartialEq)]
struct PageTile {
    paper: Paper,
    scale: f32,
    row: usize,
    col: usize,
    rows: usize,
    cols: usize,
    /// The size of this page's part of the map, in map points.
    view: (f32, f32),
}

enum Placement {
    Whole(MapTile),
    Window(PageTile),
}

impl From<MapTile> for Placement {
    fn from(t: MapTile) -> Self {
        Placement::Whole(t)
    }
}

impl Placement {
    fn scale(&self) -> f32 {
        match self {
            Placement::Whole(t) => t.scale,
            Placement::Window(t) => t.scale,
        }
    }

    fn grid(&self) -> (usize, usize, usize, usize) {
        match self {
            Placement::Whole(t) => (t.row, t.col, t.rows, t.cols),
            Placement::Window(t) => (t.row, t.col, t.rows, t.cols),
        }
    }

    fn write(&self, content: &mut Content, name: Name<'_>) {
        match self {
            Placement::Whole(t) => t.write(content, name),
            Placement::Window(t) => {
                let (_, ph) = t.paper.size();
                let (sw, sh) = (t.view.0 * t.scale, t.view.1 * t.scale);
                content.save_state();
                content.transform([sw, 0.0, 0.0, sh, MARGIN, ph - MARGIN - sh]);
                content.x_object(name);
                content.restore_state();
            }
        }
    }
}

/// Write the pages: page `k` draws map `tile(k).0` as `tile(k).1` places it.
fn write_pages<P: Into<Placement>>(
    scene: &Scene,
    options: &PdfOptions,
    maps: Vec<MapChunk>,
    tile: impl Fn(usize) -> Option<(usize, P)>,
) -> Result<PdfDoc, RenderError> {
    let mut next = Ref::new(1);
    let catalog = next.bump();
    let page_tree = next.bump();
    let font = next.bump();
    let info = next.bump();
    let mut chunks = Vec::with_capacity(maps.len());
    let mut roots = Vec::with_capacity(maps.len());
    for m in maps {
        let mut map: BTreeMap<Ref, Ref> = BTreeMap::new();
        let chunk = m
            .chunk
            .renumber(|old| *map.entry(old).or_insert_with(|| next.bump()));
        roots.push(map.get(&m.root).copied().ok_or(RenderError::Empty)?);
        chunks.push(chunk);
    }
    let mut placements = Vec::new();
    while let Some((m, p)) = tile(placements.len()) {
        placements.push((m, p.into()));
    }
    let Some((_, first)) = placements.first() else {
        return Err(RenderError::Empty);
    };
    let scale = first.scale();
    let (pw, ph) = options.paper.size();
    let count = placements.len();
    let pages: Vec<(Ref, Ref)> = (0..count).map(|_| (next.bump(), next.bump())).collect();

    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(page_tree);
    pdf.pages(page_tree)
        .kids(pages.iter().map(|(p, _)| *p))
        .count(i32::try_from(count).unwrap_or(i32::MAX));
    pdf.type1_font(font).base_font(Name(b"Helvetica"));
    let title = scene.title.clone();
    {
        let mut doc_info = pdf.document_info(info);
        doc_info.producer(TextStr("Touchpoint"));
        if !title.is_empty() {
            doc_info.title(TextStr(&title));
        }
    }

    for (k, ((page_ref, content_ref), (m, placement))) in pages.iter().zip(&placements).enumerate()
    {
        let (row, col, rows, cols) = placement.grid();
        let root = roots.get(*m).copied().ok_or(RenderError::Empty)?;
        let mut content = Content::new();
        placement.write(&mut content, Name(b"M"));
        // The page footer is set in the PDF's built-in font, which has no CJK glyphs:
        // in English it is words, in any other language figures only, in ASCII ("2 / 4
        // (1 / 2, 2 / 2)   50%"), never English under a Chinese map.
        let english = crate::i18n::current() == crate::i18n::Lang::english();
        let label = if count == 1 {
            if english {
                format!("Scale {:.0}%", scale * 100.0)
            } else {
                format!("{:.0}%", scale * 100.0)
            }
        } else if !english {
            format!(
                "{} / {}   ({} / {}, {} / {})   {:.0}%",
                k + 1,
                count,
                row + 1,
                rows,
                col + 1,
                cols,
                scale * 100.0
            )
        } else {
            format!(
                "Page {} of {}: row {} of {}, column {} of {}. Scale {:.0}%",
                k + 1,
                count,
                row + 1,
                rows,
                col + 1,
                cols,
                scale * 100.0
            )
        };
        content
            .begin_text()
            .set_font(Name(b"F"), 8.0)
            .next_line(MARGIN, MARGIN / 2.0)
            .show(Str(label.as_bytes()))
            .end_text();
        pdf.stream(*content_ref, &content.finish());
        let mut page = pdf.page(*page_ref);
        page.media_box(Rect::new(0.0, 0.0, pw, ph));
        page.parent(page_tree);
        page.contents(*content_ref);
        let mut resources = page.resources();
        resources.x_objects().pair(Name(b"M"), root);
        resources.fonts().pair(Name(b"F"), font);
        resources.finish();
        page.finish();
    }
    for chunk in &chunks {
        pdf.extend(chunk);
    }
    Ok(PdfDoc {
        bytes: pdf.finish(),
        pages: count,
        scale,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_maps_fit_one_page_big_maps_get_pages() {
        let a4 = PdfOptions::default();
        // 1,200 x 700 points on A4 (793.89 x 533.28 printable): scale 0.66, one page.
        let (s, c, r) = plan_pages(1200.0, 700.0, &a4);
        assert_eq!((c, r), (1, 1));
        assert!((s - 793.89 / 1200.0).abs() < 1e-4, "{s}");
        // 6,000 x 2,000: fit would be 0.13, so pages at 0.6: 3600/793.89 -> 5 columns,
        // 1200/533.28 -> 3 rows.
        assert_eq!(plan_pages(6000.0, 2000.0, &a4), (0.6, 5, 3));
        let fit = PdfOptions {
            layout: PageLayout::Fit,
            ..a4
        };
        assert_eq!(plan_pages(6000.0, 2000.0, &fit).1, 1);
        // Huge: capped at MAX_PAGES by printing smaller.
        let (s, c, r) = plan_pages(120_000.0, 12_000.0, &a4);
        assert!(c * r <= MAX_PAGES && s < PAGE_SCALE, "{s} {c} {r}");
        assert_eq!(Paper::parse("A3"), Some(Paper::A3));
        assert_eq!(Paper::parse("letter"), None);
    }
}
