//! The PDF report: the same [`Block`]s as the Markdown and HTML reports, typeset onto
//! portrait pages (title page with the headline figures and outcomes, the ranked gaps,
//! the handoff matrix, the department summaries, the comparison), with the map on
//! landscape pages of its own (fitted or tiled, as the map PDF).
//!
//! Every page is drawn as an SVG of the bundled fonts and converted with svg2pdf, so
//! all text is real, selectable text in embedded (subset) fonts, Chinese included.
//! Each gap row links to the map page. Same input, same bytes: nothing in the file
//! depends on the clock (the date is printed only when the options carry one).

use super::fonts;
use super::pdf::{MapTile, PageLayout, Paper, PdfDoc, PdfOptions, map_tiles};
use super::pdf_canon::canonical_chunk;
use super::raster::RenderError;
use super::svg::write_svg;
use crate::analysis::Analysis;
use crate::i18n::tr_args;
use crate::layout::Rect;
use crate::model::Journey;
use crate::report::document::{Block, Cell, ReportOptions, TableKind, blocks};
use crate::scene::{Color, Detail, Item, Scene, TextAnchor, clean_text, text_width, wrap_text};
use pdf_writer::types::{ActionType, AnnotationType};
use pdf_writer::{Chunk, Content, Finish, Name, Pdf, Rect as PdfRect, Ref, TextStr};
use std::collections::BTreeMap;

/// Options of the PDF report.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ReportPdfOptions {
    /// Paper of every page (text pages portrait, map pages landscape).
    pub paper: Paper,
    /// How the map is printed: one fitted page, or tiles at a readable scale.
    pub map_layout: PageLayout,
}

const MARGIN: f32 = 48.0;
/// Room under the text area for the running footer.
const FOOTER: f32 = 28.0;
const BODY: f32 = 10.0;
const TABLE: f32 = 8.5;
const LEADING: f32 = 1.35;
const CELL_PAD: f32 = 4.0;

const INK: Color = Color::rgb(0x1f, 0x23, 0x28);
const MUTED: Color = Color::rgb(0x57, 0x60, 0x6a);
const RULE: Color = Color::rgb(0xd0, 0xd7, 0xde);
const HEAD_FILL: Color = Color::rgb(0xf3, 0xf4, 0xf6);
const WHITE: Color = Color::rgb(0xff, 0xff, 0xff);

/// The fill and text colour of a cell's class (the HTML report's colours).
fn cell_colors(class: &str) -> (Option<Color>, Color, bool) {
    let mut fill = None;
    let mut ink = INK;
    let mut bold = false;
    for c in class.split_whitespace() {
        match c {
            "critical" => (fill, ink) = (Some(Color::rgb(0xb4, 0x23, 0x18)), WHITE),
            "high" => (fill, ink) = (Some(Color::rgb(0xe5, 0x53, 0x3d)), WHITE),
            "medium" => fill = Some(Color::rgb(0xf5, 0xb8, 0x3d)),
            "low" => fill = Some(Color::rgb(0xfb, 0xe7, 0xa1)),
            "info" => fill = Some(Color::rgb(0xe8, 0xec, 0xf0)),
            "cross" => fill = Some(Color::rgb(0xff, 0xf1, 0xe6)),
            "rowhead" => (fill, bold) = (Some(Color::rgb(0xf6, 0xf8, 0xfa)), true),
            "sev" => bold = true,
            _ => {}
        }
    }
    (fill, ink, bold)
}

/// A typeset page.
enum Page {
    Text {
        items: Vec<Item>,
        /// Link rectangles (page coordinates, y down) to the first page of a map.
        links: Vec<(Rect, usize)>,
    },
    Map {
        diagram: usize,
        tile: MapTile,
    },
}

/// Lays blocks out onto portrait pages.
struct Typesetter {
    width: f32,
    height: f32,
    pages: Vec<Page>,
    items: Vec<Item>,
    links: Vec<(Rect, usize)>,
    y: f32,
}

impl Typesetter {
    fn new(paper: Paper) -> Self {
        let (w, h) = paper.size();
        // Text pages are portrait.
        let (width, height) = (w.min(h), w.max(h));
        Typesetter {
            width,
            height,
            pages: Vec::new(),
            items: Vec::new(),
            links: Vec::new(),
            y: MARGIN,
        }
    }

    fn text_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        self.height - MARGIN - FOOTER
    }

    fn room(&self) -> f32 {
        self.bottom() - self.y
    }

    fn new_page(&mut self) {
        if self.items.is_empty() {
            return;
        }
        self.pages.push(Page::Text {
            items: std::mem::take(&mut self.items),
            links: std::mem::take(&mut self.links),
        });
        self.y = MARGIN;
    }

    /// Make room for `h` points, starting a page when needed.
    fn need(&mut self, h: f32) {
        if self.room() < h && self.y > MARGIN {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, y: f32, text: String, size: f32, color: Color, bold: bool) {
        self.items.push(Item::Text {
            pos: (x, y),
            text,
            size,
            color,
            anchor: TextAnchor::Start,
            bold,
            max_width: None,
            detail: Detail::Always,
        });
    }

    fn lines(&mut self, text: &str, size: f32, bold: bool, color: Color, indent: f32) {
        let line_h = size * LEADING;
        let width = self.text_width() - indent;
        for line in wrap_text(text, size, bold, width, usize::MAX) {
            self.need(line_h);
            let y = self.y + line_h / 2.0;
            self.text(MARGIN + indent, y, line, size, color, bold);
            self.y += line_h;
        }
    }

    fn heading(&mut self, text: &str, size: f32, rule: bool) {
        // Keep a heading with at least a few lines of what follows.
        self.need(size * LEADING + 10.0 * BODY * LEADING);
        if self.y > MARGIN {
            self.y += size * 0.8;
        }
        self.lines(text, size, true, INK, 0.0);
        if rule {
            self.items.push(Item::Line {
                points: vec![(MARGIN, self.y + 2.0), (self.width - MARGIN, self.y + 2.0)],
                color: RULE,
                width: 0.8,
                dashed: false,
                arrow_end: false,
            });
            self.y += 6.0;
        }
        self.y += 4.0;
    }

    fn list(&mut self, items: &[(String, String)]) {
        for (label, text) in items {
            let label = format!("{}:", clean_text(label));
            let lw = text_width(&label, BODY, true) + 4.0;
            let line_h = BODY * LEADING;
            let indent = 12.0;
            let width = self.text_width() - indent;
            if lw < width * 0.5 {
                let mut lines = wrap_text(&clean_text(text), BODY, false, width - lw, usize::MAX);
                if lines.is_empty() {
                    lines.push(String::new());
                }
                self.need(line_h);
                let y = self.y + line_h / 2.0;
                self.text(MARGIN, y, "•".into(), BODY, MUTED, false);
                self.text(MARGIN + indent, y, label, BODY, INK, true);
                for (i, line) in lines.into_iter().enumerate() {
                    if i > 0 {
                        self.need(line_h);
                    }
                    let y = self.y + line_h / 2.0;
                    self.text(MARGIN + indent + lw, y, line, BODY, INK, false);
                    self.y += line_h;
                }
            } else {
                self.lines(&format!("• {label}"), BODY, true, INK, 0.0);
                self.lines(&clean_text(text), BODY, false, INK, indent);
            }
        }
        self.y += BODY * 0.6;
    }

    fn column_widths(&self, head: &[String], rows: &[Vec<Cell>]) -> Vec<f32> {
        let n = head.len().max(1);
        let avail = self.text_width();
        let mut natural: Vec<f32> = head
            .iter()
            .map(|h| text_width(&clean_text(h), TABLE, true) + 2.0 * CELL_PAD)
            .collect();
        natural.resize(n, 0.0);
        for row in rows {
            for (i, c) in row.iter().enumerate().take(n) {
                let w = text_width(&clean_text(&c.text), TABLE, false) + 2.0 * CELL_PAD;
                if let Some(slot) = natural.get_mut(i) {
                    *slot = slot.max(w);
                }
            }
        }
        let total: f32 = natural.iter().sum();
        if total <= avail {
            return natural;
        }
        // Narrow columns keep their width; the wide ones share what is left.
        let fair = avail / n as f32;
        let narrow: f32 = natural.iter().filter(|w| **w <= fair).sum();
        let wide: f32 = natural.iter().filter(|w| **w > fair).sum();
        let left = (avail - narrow).max(avail * 0.3);
        natural
            .iter()
            .map(|w| {
                if *w <= fair || wide <= 0.0 {
                    *w * (avail / total).max(if *w <= fair { 1.0 } else { 0.0 })
                } else {
                    (w / wide * left).max(24.0)
                }
            })
            .collect()
    }

    fn table(&mut self, head: &[String], rows: &[Vec<Cell>], map_links: bool) {
        let widths = self.column_widths(head, rows);
        let line_h = TABLE * LEADING;
        let wrap = |text: &str, w: f32, bold: bool| -> Vec<String> {
            let mut l = wrap_text(&clean_text(text), TABLE, bold, w - 2.0 * CELL_PAD, 40);
            if l.is_empty() {
                l.push(String::new());
            }
            l
        };
        let head_cells: Vec<Cell> = head
            .iter()
            .map(|h| Cell {
                text: h.clone(),
                class: "head",
            })
            .collect();
        let head_lines: Vec<Vec<String>> = head_cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| wrap(&c.text, *w, true))
            .collect();
        let head_h = row_height(&head_lines, line_h);
        let mut first = true;
        for row in rows {
            let lines: Vec<Vec<String>> = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| wrap(&c.text, *w, cell_colors(c.class).2))
                .collect();
            let h = row_height(&lines, line_h);
            // A row is never split; the header is repeated at the top of every page.
            if first || self.room() < h {
                if self.room() < head_h + h {
                    self.new_page();
                }
                self.row(&head_cells, &head_lines, &widths, head_h, line_h);
                first = false;
            }
            let top = self.y;
            self.row(row, &lines, &widths, h, line_h);
            if map_links {
                let w: f32 = widths.iter().sum();
                self.links.push((Rect::new(MARGIN, top, w, h), 0));
            }
        }
        self.y += BODY * 0.8;
    }

    fn row(&mut self, cells: &[Cell], lines: &[Vec<String>], widths: &[f32], h: f32, lh: f32) {
        let mut x = MARGIN;
        for ((c, ls), w) in cells.iter().zip(lines).zip(widths) {
            let (fill, ink, bold) = if c.class == "head" {
                (Some(HEAD_FILL), INK, true)
            } else {
                cell_colors(c.class)
            };
            self.items.push(Item::Rect {
                rect: Rect::new(x, self.y, *w, h),
                fill,
                stroke: Some(RULE),
                stroke_width: 0.6,
                radius: 0.0,
            });
            let numeric = c.class.split_whitespace().any(|k| k == "num");
            for (i, line) in ls.iter().enumerate() {
                let y = self.y + CELL_PAD + lh * (i as f32 + 0.5);
                if numeric {
                    self.items.push(Item::Text {
                        pos: (x + w - CELL_PAD, y),
                        text: line.clone(),
                        size: TABLE,
                        color: ink,
                        anchor: TextAnchor::End,
                        bold,
                        max_width: None,
                        detail: Detail::Always,
                    });
                } else {
                    self.text(x + CELL_PAD, y, line.clone(), TABLE, ink, bold);
                }
            }
            x += w;
        }
        self.y += h;
    }
}

fn row_height(lines: &[Vec<String>], line_h: f32) -> f32 {
    let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
    n as f32 * line_h + 2.0 * CELL_PAD
}

/// Lay the report out: text pages and map pages in reading order.
fn typeset(
    blocks: &[Block],
    maps: &[Option<(f32, f32)>],
    options: &ReportPdfOptions,
) -> (Vec<Page>, (f32, f32)) {
    let mut t = Typesetter::new(options.paper);
    for b in blocks {
        match b {
            Block::Title(text) => {
                t.lines(text, 22.0, true, INK, 0.0);
                t.y += 6.0;
            }
            Block::Heading(text) => t.heading(text, 15.0, true),
            Block::SubHeading(text) => t.heading(text, 12.0, false),
            Block::Para(text) => {
                t.lines(text, BODY, false, INK, 0.0);
                t.y += BODY * 0.6;
            }
            Block::List(items) => t.list(items),
            Block::Table { head, rows, kind } => t.table(head, rows, *kind == TableKind::Gaps),
            Block::Chart(chart) => {
                // The chart in the text's width, on the page it fits.
                let b = chart.bounds;
                let s = (t.text_width() / b.w.max(1.0)).min(1.0);
                t.need(b.h * s + 8.0);
                let y = t.y;
                t.items.extend(
                    chart
                        .items()
                        .map(|it| crate::scene::drivers_chart::placed(it, s, MARGIN, y - b.y * s)),
                );
                t.y += b.h * s + 8.0;
            }
            Block::Diagram(i) => {
                let Some(Some((w, h))) = maps.get(*i) else {
                    continue;
                };
                let pdf = PdfOptions {
                    paper: options.paper,
                    layout: options.map_layout,
                };
                let pages = map_tiles(*w, *h, &pdf).len();
                t.lines(
                    &tr_args(
                        if *i == 0 {
                            "pdf-map-next-page"
                        } else {
                            "pdf-to-be-map-next-page"
                        },
                        &[("pages", pages.into())],
                    ),
                    BODY,
                    false,
                    MUTED,
                    0.0,
                );
                t.new_page();
                for tile in map_tiles(*w, *h, &pdf) {
                    t.pages.push(Page::Map { diagram: *i, tile });
                }
            }
        }
    }
    t.new_page();
    (t.pages, (t.width, t.height))
}

/// One page's SVG as a PDF form XObject chunk.
fn page_chunk(scene: &Scene) -> Result<(Chunk, Ref), RenderError> {
    let svg = write_svg(scene);
    let tree = resvg::usvg::Tree::from_str(&svg, &fonts::usvg_options())
        .map_err(|e| RenderError::Svg(e.to_string()))?;
    let (chunk, root) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
        .map_err(|e| RenderError::Pdf(e.to_string()))?;
    Ok(canonical_chunk(&chunk, root))
}

fn footer_items(title: &str, k: usize, n: usize, (w, h): (f32, f32), margin: f32) -> Vec<Item> {
    let y = h - margin / 2.0 - 4.0;
    let page = tr_args(
        "doc-page-of",
        &[("page", (k + 1).into()), ("pages", n.into())],
    );
    let room = w - 2.0 * margin - text_width(&page, 8.0, false) - 16.0;
    vec![
        Item::Line {
            points: vec![(margin, y - 9.0), (w - margin, y - 9.0)],
            color: RULE,
            width: 0.5,
            dashed: false,
            arrow_end: false,
        },
        Item::Text {
            pos: (margin, y),
            text: crate::scene::fit_text(title, 8.0, false, room),
            size: 8.0,
            color: MUTED,
            anchor: TextAnchor::Start,
            bold: false,
            max_width: Some(room),
            detail: Detail::Always,
        },
        Item::Text {
            pos: (w - margin, y),
            text: page,
            size: 8.0,
            color: MUTED,
            anchor: TextAnchor::End,
            bold: false,
            max_width: None,
            detail: Detail::Always,
        },
    ]
}

fn page_scene(title: &str, size: (f32, f32), items: Vec<Item>, white: bool) -> Scene {
    Scene {
        title: title.to_owned(),
        bounds: Rect::new(0.0, 0.0, size.0, size.1),
        background_color: if white { WHITE } else { WHITE.with_alpha(0) },
        background: items,
        ..Scene::default()
    }
}

/// Renumber `chunk` into `pdf`'s reference space and return the XObject's new ref.
fn adopt(pdf: &mut Pdf, next: &mut Ref, chunk: &Chunk, root: Ref) -> Result<Ref, RenderError> {
    let mut map: BTreeMap<Ref, Ref> = BTreeMap::new();
    let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| next.bump()));
    pdf.extend(&chunk);
    map.get(&root).copied().ok_or(RenderError::Empty)
}

/// The whole report as a PDF. `maps` are the scenes of the as-is map and (optional) the
/// to-be map, drawn on landscape pages where the report places them.
pub fn render_report_pdf(
    journey: &Journey,
    analysis: &Analysis,
    maps: &[&Scene],
    report: &ReportOptions<'_>,
    options: &ReportPdfOptions,
) -> Result<PdfDoc, RenderError> {
    let blocks = blocks(journey, analysis, report);
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let map_svgs: Vec<(Chunk, Ref, (f32, f32))> = maps
        .iter()
        .map(|scene| map_chunk(scene))
        .collect::<Result<_, RenderError>>()?;
    let sizes: Vec<Option<(f32, f32)>> = map_svgs.iter().map(|m| Some(m.2)).collect();
    let (pages, portrait) = typeset(&blocks, &sizes, options);
    let landscape = options.paper.size();
    let n = pages.len();

    let mut next = Ref::new(1);
    let catalog = next.bump();
    let page_tree = next.bump();
    let info = next.bump();
    let outline = next.bump();
    let page_refs: Vec<(Ref, Ref)> = (0..n).map(|_| (next.bump(), next.bump())).collect();
    let mut pdf = Pdf::new();

    let mut map_refs = Vec::new();
    for (chunk, root, _) in &map_svgs {
        map_refs.push(adopt(&mut pdf, &mut next, chunk, *root)?);
    }
    // The first page of each map, for links and the outline.
    let first_map_page = first_map_pages(&pages);

    for (k, page) in pages.iter().enumerate() {
        let (page_ref, content_ref) = page_refs[k];
        let mut content = Content::new();
        let (size, overlay, links, map) = match page {
            Page::Text { items, links } => {
                let mut all = items.clone();
                all.extend(footer_items(&title, k, n, portrait, MARGIN));
                (
                    portrait,
                    page_scene(&title, portrait, all, true),
                    links.as_slice(),
                    None,
                )
            }
            Page::Map { diagram, tile } => {
                let footer = footer_items(&title, k, n, landscape, 24.0);
                (
                    landscape,
                    page_scene(&title, landscape, footer, false),
                    &[][..],
                    Some((*diagram, tile)),
                )
            }
        };
        if let Some((diagram, tile)) = map
            && map_refs.get(diagram).is_some()
        {
            tile.write(&mut content, Name(b"M"));
        }
        let (chunk, root) = page_chunk(&overlay)?;
        let page_xobj = adopt(&mut pdf, &mut next, &chunk, root)?;
        content.save_state();
        content.transform([size.0, 0.0, 0.0, size.1, 0.0, 0.0]);
        content.x_object(Name(b"P"));
        content.restore_state();
        pdf.stream(content_ref, &content.finish());

        let annots = write_links(
            &mut pdf,
            &mut next,
            links,
            &first_map_page,
            &page_refs,
            size,
        );

        let mut p = pdf.page(page_ref);
        p.media_box(PdfRect::new(0.0, 0.0, size.0, size.1));
        p.parent(page_tree);
        p.contents(content_ref);
        if !annots.is_empty() {
            p.annotations(annots.iter().copied());
        }
        let mut resources = p.resources();
        {
            let mut x = resources.x_objects();
            x.pair(Name(b"P"), page_xobj);
            if let Some((diagram, _)) = map
                && let Some(xobj) = map_refs.get(diagram)
            {
                x.pair(Name(b"M"), *xobj);
            }
        }
        resources.finish();
        p.finish();
    }

    pdf.catalog(catalog).pages(page_tree).outlines(outline);
    pdf.pages(page_tree)
        .kids(page_refs.iter().map(|(p, _)| *p))
        .count(i32::try_from(n).unwrap_or(i32::MAX));
    write_outline(&mut pdf, &mut next, outline, &blocks, &pages, &page_refs);
    write_info(&mut pdf, info, &title);
    Ok(PdfDoc {
        bytes: pdf.finish(),
        pages: n,
        scale: 1.0,
    })
}

/// A map's scene as a PDF chunk (canonical), its root XObject and its size; too big a map
/// is refused.
fn map_chunk(scene: &Scene) -> Result<(Chunk, Ref, (f32, f32)), RenderError> {
    let nodes = super::svg::node_count(scene, &super::svg::SvgOptions::default());
    if nodes > super::raster::MAX_NODES {
        return Err(RenderError::TooBig {
            size: crate::i18n::tr_args(
                "render-size-report-map",
                &[
                    ("width", scene.bounds.w.round().to_string().into()),
                    ("height", scene.bounds.h.round().to_string().into()),
                ],
            ),
            nodes,
            at_least: false,
            advice: crate::i18n::tr("render-advice-report"),
        });
    }
    let svg = write_svg(scene);
    let tree = resvg::usvg::Tree::from_str(&svg, &fonts::usvg_options())
        .map_err(|e| RenderError::Svg(e.to_string()))?;
    let size = (tree.size().width(), tree.size().height());
    let (chunk, root) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
        .map_err(|e| RenderError::Pdf(e.to_string()))?;
    let (chunk, root) = canonical_chunk(&chunk, root);
    Ok((chunk, root, size))
}

/// The first page of each map (by diagram index).
fn first_map_pages(pages: &[Page]) -> BTreeMap<usize, usize> {
    let mut first_map_page: BTreeMap<usize, usize> = BTreeMap::new();
    for (k, p) in pages.iter().enumerate() {
        if let Page::Map { diagram, .. } = p {
            first_map_page.entry(*diagram).or_insert(k);
        }
    }
    first_map_page
}

/// The page's links to the maps' first pages, as link annotations; their refs.
fn write_links(
    pdf: &mut Pdf,
    next: &mut Ref,
    links: &[(Rect, usize)],
    first_map_page: &BTreeMap<usize, usize>,
    page_refs: &[(Ref, Ref)],
    size: (f32, f32),
) -> Vec<Ref> {
    let annots: Vec<(Ref, Rect, usize)> = links
        .iter()
        .filter_map(|(r, d)| first_map_page.get(d).map(|p| (next.bump(), *r, *p)))
        .collect();
    for (aref, r, target) in &annots {
        let mut a = pdf.annotation(*aref);
        a.subtype(AnnotationType::Link);
        // PDF y grows upwards.
        a.rect(PdfRect::new(
            r.x,
            size.1 - r.y - r.h,
            r.x + r.w,
            size.1 - r.y,
        ));
        a.border(0.0, 0.0, 0.0, None);
        a.action()
            .action_type(ActionType::GoTo)
            .destination()
            .page(page_refs[*target].0)
            .fit();
    }
    annots.into_iter().map(|a| a.0).collect()
}

/// The document information: producer and title.
fn write_info(pdf: &mut Pdf, info: Ref, title: &str) {
    let mut doc_info = pdf.document_info(info);
    doc_info.producer(TextStr("Touchpoint"));
    if !title.is_empty() {
        doc_info.title(TextStr(title));
    }
}

/// Bookmarks: one per heading, pointing at the page where it is printed.
fn write_outline(
    pdf: &mut Pdf,
    next: &mut Ref,
    outline: Ref,
    blocks: &[Block],
    pages: &[Page],
    page_refs: &[(Ref, Ref)],
) {
    // Find each heading's page by the text it was typeset with.
    let mut entries: Vec<(String, usize)> = Vec::new();
    let mut from = 0;
    for b in blocks {
        let Block::Heading(h) = b else { continue };
        let first_line = wrap_text(h, 15.0, true, f32::MAX, 1)
            .into_iter()
            .next()
            .unwrap_or_default();
        let found = (from..pages.len()).find(|&k| match &pages[k] {
            Page::Text { items, .. } => items.iter().any(|i| {
                matches!(i, Item::Text { text, size, bold: true, .. } if *size == 15.0 && *text == first_line)
            }),
            Page::Map { .. } => false,
        });
        if let Some(k) = found {
            entries.push((h.clone(), k));
            from = k;
        }
    }
    let refs: Vec<Ref> = entries.iter().map(|_| next.bump()).collect();
    {
        let mut o = pdf.outline(outline);
        if let (Some(first), Some(last)) = (refs.first(), refs.last()) {
            o.first(*first).last(*last);
        }
        o.count(i32::try_from(refs.len()).unwrap_or(0));
    }
    for (i, ((text, k), r)) in entries.iter().zip(&refs).enumerate() {
        let mut item = pdf.outline_item(*r);
        item.title(TextStr(text)).parent(outline);
        if i > 0 {
            item.prev(refs[i - 1]);
        }
        if let Some(n) = refs.get(i + 1) {
            item.next(*n);
        }
        item.dest().page(page_refs[*k].0).fit();
    }
}
