//! SVG writer for a [`Scene`]: hand-written, deterministic XML in which every piece of
//! user text is escaped. The PNG and PDF exports render this same SVG.

use crate::layout::Rect;
use crate::report::escape::escape_into;
use crate::scene::{Color, Detail, Item, Scene, TextAnchor, arrow_head};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The font stack: DejaVu Sans for Latin (and most of Europe), Droid Sans Fallback for
/// Chinese, Japanese and Korean. Both are bundled for PNG and PDF rendering.
pub const FONT_FAMILY: &str = "'DejaVu Sans', 'Droid Sans Fallback', sans-serif";

/// How to write the SVG.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SvgOptions {
    /// Width and height of the drawing (e.g. a paper size in points); the scene is
    /// scaled to fit, centred. `None` = the scene's own size.
    pub size: Option<(f32, f32)>,
    /// Leave out text that would be drawn smaller than this many pixels at `scale`
    /// (level of detail for huge rasters); 0 keeps all text.
    pub min_text_px: f32,
    /// The raster scale that `min_text_px` refers to.
    pub scale: f32,
    /// A drawing only (PNG, PDF), not a document: the handoff lines of one style are
    /// written as one path, their overlapping straight runs merged, and identical
    /// arrow heads once, instead of a group per handoff (see [`merged_handoffs`]).
    pub merge_lines: bool,
}

/// Write `scene` as a standalone SVG document.
pub fn write_svg(scene: &Scene) -> String {
    write_svg_with(scene, &SvgOptions::default())
}

/// Write `scene` as a standalone SVG document with options.
pub fn write_svg_with(scene: &Scene, options: &SvgOptions) -> String {
    let b = scene.bounds;
    let items = scene.background.len()
        + scene.overlay.len()
        + scene.cards.iter().map(|c| c.items.len()).sum::<usize>()
        + scene
            .edges
            .iter()
            .map(|e| e.items.len() + e.labels.len())
            .sum::<usize>();
    let mut w = Writer {
        out: String::with_capacity(512 + items * 110),
        min_text: if options.scale > 0.0 {
            options.min_text_px / options.scale
        } else {
            0.0
        },
    };
    let (width, height) = options.size.unwrap_or((b.w, b.h));
    w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
    w.num(width);
    w.raw("\" height=\"");
    w.num(height);
    w.raw("\" viewBox=\"");
    w.num(b.x);
    w.raw(" ");
    w.num(b.y);
    w.raw(" ");
    w.num(b.w);
    w.raw(" ");
    w.num(b.h);
    w.raw("\" preserveAspectRatio=\"xMidYMid meet\" font-family=\"");
    w.raw(FONT_FAMILY);
    w.raw("\">\n<title>");
    w.text(&scene.title);
    w.raw("</title>\n");
    w.rect(&b, Some(scene.background_color), None, 0.0, 0.0);
    w.raw("<g id=\"background\">\n");
    for item in &scene.background {
        w.item(item);
    }
    w.raw("</g>\n<g id=\"handoffs\">\n");
    if options.merge_lines {
        merged_handoffs(&mut w, scene, options.scale);
    }
    for e in scene.edges.iter().filter(|_| !options.merge_lines) {
        w.raw("<g class=\"handoff ");
        w.raw(match e.kind {
            crate::scene::EdgeKind::SameDepartment => "same-department",
            crate::scene::EdgeKind::CustomerFacing => "customer",
            crate::scene::EdgeKind::CrossDepartment => "cross-department",
            crate::scene::EdgeKind::Rework => "rework",
        });
        w.raw("\" data-from=\"");
        w.text(&e.key.from.0);
        w.raw("\" data-to=\"");
        w.text(&e.key.to.0);
        w.raw("\">\n");
        for item in &e.items {
            w.item(item);
        }
        w.raw("</g>\n");
    }
    w.raw("</g>\n<g id=\"touchpoints\">\n");
    for c in &scene.cards {
        w.raw("<g class=\"touchpoint\" data-id=\"");
        w.text(&c.id.0);
        w.raw("\">\n");
        for item in &c.items {
            w.item(item);
        }
        w.raw("</g>\n");
    }
    w.raw("</g>\n<g id=\"handoff-labels\">\n");
    for e in &scene.edges {
        for item in &e.labels {
            w.item(item);
        }
    }
    w.raw("</g>\n<g id=\"overlay\">\n");
    for item in &scene.overlay {
        w.item(item);
    }
    w.raw("</g>\n</svg>\n");
    w.out
}

/// How many XML nodes (elements, and the character data of texts) [`write_svg_with`]
/// writes for `scene`: an upper bound, counted without writing, so a renderer's node
/// limit can be checked before any text is built.
pub fn node_count(scene: &Scene, options: &SvgOptions) -> usize {
    let min_text = if options.scale > 0.0 {
        options.min_text_px / options.scale
    } else {
        0.0
    };
    let item = |i: &Item| -> usize {
        match i {
            Item::Rect { .. } | Item::Circle { .. } => 1,
            Item::Line {
                points, arrow_end, ..
            } => {
                if points.len() < 2 {
                    0
                } else {
                    1 + usize::from(*arrow_end)
                }
            }
            Item::Text {
                text, size, detail, ..
            } => {
                if text.is_empty() || (*detail == Detail::Text && *size < min_text) {
                    0
                } else {
                    2
                }
            }
        }
    };
    let items = |list: &[Item]| list.iter().map(item).sum::<usize>();
    // <svg>, <title> and its text, the background <rect>, five layer groups.
    let mut n: usize = 9;
    n = n.saturating_add(items(&scene.background));
    n = n.saturating_add(items(&scene.overlay));
    for e in &scene.edges {
        n = n
            .saturating_add(1)
            .saturating_add(items(&e.items))
            .saturating_add(items(&e.labels));
    }
    for c in &scene.cards {
        n = n.saturating_add(1).saturating_add(items(&c.items));
    }
    n
}

/// The handoff lines of a drawing, one path per style. Ten thousand handoffs into one
/// touchpoint run side by side along the same tracks: drawn one by one, the rasteriser
/// covers the same pixels ten thousand times (seconds); merged, once. Straight
/// horizontal and vertical runs of one style on one track are joined where they
/// overlap or touch; other runs are kept as they are; round caps stand in for the
/// round joins. Dashed lines (their pattern restarts per line) are written one by one.
/// Styles keep the order of their first line; arrow heads follow, one path per colour,
/// each distinct head once.
fn merged_handoffs(w: &mut Writer, scene: &Scene, scale: f32) {
    let mut merged = Merged::new(scale);
    for e in &scene.edges {
        for item in &e.items {
            let Item::Line {
                points,
                color,
                width,
                dashed,
                arrow_end,
            } = item
            else {
                w.item(item);
                continue;
            };
            if points.len() < 2 {
                continue;
            }
            if *dashed {
                w.item(&Item::Line {
                    points: points.clone(),
                    color: *color,
                    width: *width,
                    dashed: true,
                    arrow_end: false,
                });
            } else {
                merged.add_line(points, *color, *width);
            }
            if *arrow_end && let Some(head) = arrow_head(points, 5.0 + width * 2.0) {
                merged.add_head(head, *color);
            }
        }
    }
    merged.write_lines(w);
    merged.write_heads(w);
}

/// The solid lines of one style (colour, width bits) in [`merged_handoffs`].
#[derive(Default)]
struct Style {
    /// y -> (x0, x1) runs; x -> (y0, y1) runs.
    horizontal: BTreeMap<i64, Vec<(f32, f32)>>,
    vertical: BTreeMap<i64, Vec<(f32, f32)>>,
    other: Vec<[(f32, f32); 2]>,
}

/// What [`merged_handoffs`] gathers: the solid lines per style and the distinct arrow
/// heads per colour, each in the order first seen.
struct Merged {
    /// Tracks are joined on a grid: half a pixel of a raster at `scale` (the router's
    /// parallel channels, a fraction of a pixel apart in a big map, become the few
    /// lines the eye can see anyway), else the precision the writer prints.
    grid: f64,
    order: Vec<(Color, u32)>,
    styles: HashMap<(Color, u32), Style>,
    heads: Vec<Color>,
    head_set: HashMap<Color, BTreeSet<[i64; 6]>>,
    head_points: HashMap<Color, Vec<[(f32, f32); 3]>>,
}

impl Merged {
    fn new(scale: f32) -> Self {
        let grid = if scale.is_finite() && scale > 0.0 {
            f64::from(0.5 / scale)
        } else {
            0.01
        };
        Self {
            grid,
            order: Vec::new(),
            styles: HashMap::default(),
            heads: Vec::new(),
            head_set: HashMap::default(),
            head_points: HashMap::default(),
        }
    }

    fn key(&self, v: f32) -> i64 {
        (f64::from(v) / self.grid).round() as i64
    }

    fn at(&self, k: i64) -> f32 {
        (k as f64 * self.grid) as f32
    }

    /// A solid line's segments: horizontal and vertical runs by track, the rest as they are.
    fn add_line(&mut self, points: &[(f32, f32)], color: Color, width: f32) {
        let grid = self.grid;
        let key = |v: f32| (f64::from(v) / grid).round() as i64;
        let k = (color, width.to_bits());
        let order = &mut self.order;
        let style = self.styles.entry(k).or_insert_with(|| {
            order.push(k);
            Style::default()
        });
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if key(a.1) == key(b.1) {
                let run = (a.0.min(b.0), a.0.max(b.0));
                style.horizontal.entry(key(a.1)).or_default().push(run);
            } else if key(a.0) == key(b.0) {
                let run = (a.1.min(b.1), a.1.max(b.1));
                style.vertical.entry(key(a.0)).or_default().push(run);
            } else {
                style.other.push([a, b]);
            }
        }
    }

    /// An arrow head, unless the same head (on the grid) of that colour is already there.
    fn add_head(&mut self, head: [(f32, f32); 3], color: Color) {
        let id = [
            self.key(head[0].0),
            self.key(head[0].1),
            self.key(head[1].0),
            self.key(head[1].1),
            self.key(head[2].0),
            self.key(head[2].1),
        ];
        if self.head_set.entry(color).or_default().insert(id) {
            if !self.head_points.contains_key(&color) {
                self.heads.push(color);
            }
            self.head_points.entry(color).or_default().push(head);
        }
    }

    /// One path per style, in the order of their first line.
    fn write_lines(&mut self, w: &mut Writer) {
        let order = std::mem::take(&mut self.order);
        for k in &order {
            let Some(style) = self.styles.remove(k) else {
                continue;
            };
            w.raw("<path d=\"");
            let mut first = true;
            let mut sep = |w: &mut Writer| {
                if !first {
                    w.raw(" ");
                }
                first = false;
            };
            for (y, runs) in &style.horizontal {
                for (x0, x1) in merge_runs(runs.clone()) {
                    sep(w);
                    w.raw("M");
                    w.num(x0);
                    w.raw(",");
                    w.num(self.at(*y));
                    w.raw("H");
                    w.num(x1);
                }
            }
            for (x, runs) in &style.vertical {
                for (y0, y1) in merge_runs(runs.clone()) {
                    sep(w);
                    w.raw("M");
                    w.num(self.at(*x));
                    w.raw(",");
                    w.num(y0);
                    w.raw("V");
                    w.num(y1);
                }
            }
            for [a, b] in &style.other {
                sep(w);
                w.raw("M");
                w.num(a.0);
                w.raw(",");
                w.num(a.1);
                w.raw("L");
                w.num(b.0);
                w.raw(",");
                w.num(b.1);
            }
            w.raw("\" fill=\"none\"");
            w.color_attr("stroke", Some(k.0));
            w.raw(" stroke-width=\"");
            w.num(f32::from_bits(k.1));
            w.raw("\" stroke-linecap=\"round\"/>\n");
        }
    }

    /// One path of arrow heads per colour, in the order of their first head.
    fn write_heads(&self, w: &mut Writer) {
        for c in &self.heads {
            let Some(list) = self.head_points.get(c) else {
                continue;
            };
            w.raw("<path d=\"");
            for (i, head) in list.iter().enumerate() {
                if i > 0 {
                    w.raw(" ");
                }
                for (j, p) in head.iter().enumerate() {
                    w.raw(if j == 0 { "M" } else { "L" });
                    w.num(p.0);
                    w.raw(",");
                    w.num(p.1);
                }
                w.raw("Z");
            }
            w.raw("\"");
            w.color_attr("fill", Some(*c));
            w.raw("/>\n");
        }
    }
}

/// Runs `(from, to)` on one line, joined where they overlap or touch, in order.
fn merge_runs(mut runs: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    runs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut out: Vec<(f32, f32)> = Vec::with_capacity(runs.len());
    for (a, b) in runs {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

struct Writer {
    out: String,
    /// Text smaller than this (world units) is left out.
    min_text: f32,
}

impl Writer {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// A number with at most two decimals, no exponent, no "-0"; non-finite is 0.
    fn num(&mut self, v: f32) {
        push_num(&mut self.out, v);
    }

    /// Escaped character data or attribute value; characters XML 1.0 forbids are
    /// dropped.
    fn text(&mut self, s: &str) {
        escape_into(&mut self.out, s);
    }

    fn color_attr(&mut self, name: &str, c: Option<Color>) {
        self.raw(" ");
        self.raw(name);
        self.raw("=\"");
        match c {
            Some(c) => {
                push_hex(&mut self.out, c);
                self.raw("\"");
                if c.a < 255 {
                    self.raw(" ");
                    self.raw(name);
                    self.raw("-opacity=\"");
                    self.num(c.opacity());
                    self.raw("\"");
                }
            }
            None => self.raw("none\""),
        }
    }

    fn rect(
        &mut self,
        r: &Rect,
        fill: Option<Color>,
        stroke: Option<Color>,
        stroke_width: f32,
        radius: f32,
    ) {
        self.raw("<rect x=\"");
        self.num(r.x);
        self.raw("\" y=\"");
        self.num(r.y);
        self.raw("\" width=\"");
        self.num(r.w.max(0.0));
        self.raw("\" height=\"");
        self.num(r.h.max(0.0));
        self.raw("\"");
        if radius > 0.0 {
            self.raw(" rx=\"");
            self.num(radius);
            self.raw("\"");
        }
        self.color_attr("fill", fill);
        if stroke.is_some() && stroke_width > 0.0 {
            self.color_attr("stroke", stroke);
            self.raw(" stroke-width=\"");
            self.num(stroke_width);
            self.raw("\"");
        }
        self.raw("/>\n");
    }

    fn points(&mut self, points: &[(f32, f32)]) {
        for (i, &(x, y)) in points.iter().enumerate() {
            if i > 0 {
                self.raw(" ");
            }
            self.num(x);
            self.raw(",");
            self.num(y);
        }
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Rect {
                rect,
                fill,
                stroke,
                stroke_width,
                radius,
            } => self.rect(rect, *fill, *stroke, *stroke_width, *radius),
            Item::Line {
                points,
                color,
                width,
                dashed,
                arrow_end,
            } => {
                if points.len() < 2 {
                    return;
                }
                self.raw("<polyline points=\"");
                self.points(points);
                self.raw("\" fill=\"none\"");
                self.color_attr("stroke", Some(*color));
                self.raw(" stroke-width=\"");
                self.num(*width);
                self.raw("\" stroke-linejoin=\"round\"");
                if *dashed {
                    self.raw(" stroke-dasharray=\"");
                    self.num(width * 3.0);
                    self.raw(" ");
                    self.num(width * 2.0);
                    self.raw("\"");
                }
                self.raw("/>\n");
                if *arrow_end && let Some(head) = arrow_head(points, 5.0 + width * 2.0) {
                    self.raw("<polygon points=\"");
                    self.points(&head);
                    self.raw("\"");
                    self.color_attr("fill", Some(*color));
                    self.raw("/>\n");
                }
            }
            Item::Circle {
                center,
                radius,
                fill,
                stroke,
            } => {
                self.raw("<circle cx=\"");
                self.num(center.0);
                self.raw("\" cy=\"");
                self.num(center.1);
                self.raw("\" r=\"");
                self.num(radius.max(0.0));
                self.raw("\"");
                self.color_attr("fill", *fill);
                if stroke.is_some() {
                    self.color_attr("stroke", *stroke);
                }
                self.raw("/>\n");
            }
            Item::Text {
                pos,
                text,
                size,
                color,
                anchor,
                bold,
                detail,
                ..
            } => {
                if text.is_empty() || (*detail == Detail::Text && *size < self.min_text) {
                    return;
                }
                self.raw("<text x=\"");
                self.num(pos.0);
                self.raw("\" y=\"");
                // `pos.1` is the centre of the line; SVG wants the baseline.
                self.num(pos.1 + size * 0.36);
                self.raw("\" font-size=\"");
                self.num(*size);
                self.raw("\"");
                self.color_attr("fill", Some(*color));
                match anchor {
                    TextAnchor::Start => {}
                    TextAnchor::Middle => self.raw(" text-anchor=\"middle\""),
                    TextAnchor::End => self.raw(" text-anchor=\"end\""),
                }
                if *bold {
                    self.raw(" font-weight=\"bold\"");
                }
                self.raw(">");
                self.text(text);
                self.raw("</text>\n");
            }
        }
    }
}

fn push_hex(out: &mut String, c: Color) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hex = |v: u8| HEX[usize::from(v & 15)];
    push_ascii(
        out,
        &[
            b'#',
            hex(c.r >> 4),
            hex(c.r),
            hex(c.g >> 4),
            hex(c.g),
            hex(c.b >> 4),
            hex(c.b),
        ],
    );
}

/// Append ASCII bytes (`bytes` holds nothing else; any other byte would be written
/// as its low seven bits). The mask tells the compiler that each byte is one
/// character of one byte: a store per byte, without the UTF-8 encoding that a `char`
/// push otherwise checks for (numbers and colours are most of an SVG: issue 16).
fn push_ascii(out: &mut String, bytes: &[u8]) {
    out.reserve(bytes.len());
    for &b in bytes {
        out.push(char::from(b & 0x7f));
    }
}

/// Append a number rounded to two decimals without trailing zeros.
///
/// Half-way hundredths round away from zero, as `f64::round` does, but without its
/// libm call, and the digits are made two at a time in a buffer: a 1,000-touchpoint
/// map writes well over 100,000 numbers (issue 16).
pub fn push_num(out: &mut String, v: f32) {
    let v = if v.is_finite() { v } else { 0.0 };
    let hundredths = round_half_away(f64::from(v) * 100.0);
    let abs = hundredths.unsigned_abs();
    let (int, frac) = (abs / 100, (abs % 100) as usize);
    // Sign, up to 19 digits, point and two decimals, written from the end two digits
    // at a time, then pushed byte by byte (all ASCII: no text to validate).
    let mut buf = [0u8; 24];
    let mut n = buf.len();
    if frac != 0 {
        let [tens, ones] = PAIRS[frac];
        if ones != b'0' {
            n -= 1;
            buf[n] = ones;
        }
        n -= 2;
        (buf[n], buf[n + 1]) = (b'.', tens);
    }
    let mut q = int;
    while q >= 100 {
        n -= 2;
        let [tens, ones] = PAIRS[(q % 100) as usize];
        (buf[n], buf[n + 1]) = (tens, ones);
        q /= 100;
    }
    if q >= 10 {
        n -= 2;
        let [tens, ones] = PAIRS[q as usize];
        (buf[n], buf[n + 1]) = (tens, ones);
    } else {
        n -= 1;
        buf[n] = b'0' + q as u8;
    }
    if hundredths < 0 {
        n -= 1;
        buf[n] = b'-';
    }
    push_ascii(out, &buf[n..]);
}

/// The two digits of 0 to 99.
const PAIRS: [[u8; 2]; 100] = {
    let mut t = [[0u8; 2]; 100];
    let mut i = 0;
    while i < 100 {
        t[i] = [b'0' + (i / 10) as u8, b'0' + (i % 10) as u8];
        i += 1;
    }
    t
};

/// `x.round() as i64` (half-way away from zero, saturating) for a finite `x`, without
/// the libm call: `x - trunc(x)` is exact (Sterbenz), so comparing it with one half
/// decides exactly as `round` does.
fn round_half_away(x: f64) -> i64 {
    let i = x as i64;
    let f = x - i as f64;
    if f >= 0.5 {
        i.saturating_add(1)
    } else if f <= -0.5 {
        i.saturating_sub(1)
    } else {
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{LayoutConfig, layout};
    use crate::model::*;
    use crate::report::escape::xml as escape;
    use crate::scene::{SceneOptions, build_scene};

    fn num(v: f32) -> String {
        let mut s = String::new();
        push_num(&mut s, v);
        s
    }

    /// The numbers as written before `push_num` stopped calling libm's `round`.
    fn num_by_round(v: f32) -> String {
        let v = if v.is_finite() { v } else { 0.0 };
        let hundredths = (f64::from(v) * 100.0).round() as i64;
        if hundredths == 0 {
            return "0".into();
        }
        let abs = hundredths.unsigned_abs();
        let mut s = if hundredths < 0 {
            "-".to_owned()
        } else {
            String::new()
        };
        s.push_str(&(abs / 100).to_string());
        let frac = abs % 100;
        if frac != 0 {
            s.push('.');
            s.push_str(format!("{:02}", frac).trim_end_matches('0'));
        }
        s
    }

    #[test]
    fn numbers_are_written_as_round_writes_them() {
        let mut rng = crate::generate::Rng::new(16);
        let mut values = vec![
            0.005,
            -0.005,
            0.015,
            2.675,
            -2.675,
            0.125,
            1e-9,
            -1e-9,
            0.004999,
            99.995,
            -99.995,
            1234.565,
            16_777_216.0,
            1e18,
            -1e18,
            3e38,
            -3e38,
            f32::MAX,
            f32::MIN,
            f32::MIN_POSITIVE,
            -0.0,
            0.5,
            -0.5,
            0.495,
            0.4951,
        ];
        for _ in 0..200_000 {
            let scale = [0.01f32, 1.0, 100.0, 10_000.0, 1e7][rng.below(5) as usize];
            let v = (rng.below(2_000_001) as f32 - 1_000_000.0) / 1_000_000.0 * scale;
            values.push(v);
            // Exactly half-way hundredths and their neighbours.
            let h = (rng.below(2_000_001) as f32 - 1_000_000.0 + 0.5) / 100.0;
            values.extend([
                h,
                f32::from_bits(h.to_bits() + 1),
                f32::from_bits(h.to_bits() - 1),
            ]);
        }
        for v in values {
            assert_eq!(num(v), num_by_round(v), "{v:?} ({:#x})", v.to_bits());
        }
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(0.0), "0");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(-3.256), "-3.26");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(1234567.0), "1234567");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(num(f32::INFINITY), "0");
    }

    #[test]
    fn escaping_makes_hostile_text_inert() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(escape("\"]; evil ['"), "&quot;]; evil [&#39;");
        assert_eq!(escape("a&b\u{0}\u{1b}c\u{FFFE}"), "a&amp;bc");
        assert_eq!(escape("客户"), "客户");
    }

    fn hostile() -> Journey {
        let mut j = Journey::new("<svg onload=alert(1)> & \"title\"");
        j.insert_stage(0, Stage::new("s", "</text><script>x</script>"))
            .unwrap();
        j.insert_department(0, Department::new("d", "\"]; evil [", Rgb(1, 2, 3)))
            .unwrap();
        let mut t = Touchpoint::new("t", "<script>alert(1)</script>");
        t.stage = Some(StageId::new("s"));
        t.owner = Some(DepartmentId::new("d"));
        j.add_touchpoint(t).unwrap();
        let mut t = Touchpoint::new("u", "客户 ]]> <!-- -->");
        t.stage = Some(StageId::new("s"));
        j.add_touchpoint(t).unwrap();
        let mut h = Handoff::new("t", "u");
        h.wait_hours = Some(2.0);
        j.add_handoff(h).unwrap();
        j
    }

    #[test]
    fn hostile_text_comes_out_as_text() {
        let j = hostile();
        let l = layout(&j, &LayoutConfig::default());
        let scene = build_scene(&j, &l, None, &SceneOptions::default());
        let svg = write_svg(&scene);
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("<svg onload"));
        assert!(!svg.contains("<!--"));
        let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        let texts: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        // The XML parser gives back exactly the text that was written.
        assert!(texts.iter().any(|t| t.starts_with("<script>")), "{texts:?}");
        assert!(texts.contains(&"\"]; evil ["), "{texts:?}");
        assert!(texts.iter().any(|t| t.starts_with("客户 ]]>")), "{texts:?}");
        let title = doc
            .descendants()
            .find(|n| n.has_tag_name("title"))
            .and_then(|n| n.text());
        assert_eq!(title, Some("<svg onload=alert(1)> & \"title\""));
        // Only the elements the writer knows.
        for n in doc.descendants().filter(|n| n.is_element()) {
            assert!(
                [
                    "svg", "title", "g", "rect", "polyline", "polygon", "circle", "text"
                ]
                .contains(&n.tag_name().name()),
                "{:?}",
                n.tag_name()
            );
        }
        assert_eq!(svg, write_svg(&scene), "deterministic");
    }

    /// `node_count` bounds the nodes a parser finds (elements, and the character
    /// data of text and title), tightly, with and without the text level of detail.
    #[test]
    fn node_count_bounds_the_written_nodes() {
        let j = crate::samples::move_address().unwrap();
        let l = layout(&j, &LayoutConfig::default());
        let a = crate::analysis::analyze(&j, &crate::analysis::AnalysisConfig::default());
        let scene = build_scene(&j, &l, Some(&a), &SceneOptions::default());
        for options in [
            SvgOptions::default(),
            SvgOptions {
                size: None,
                min_text_px: 3.0,
                scale: 0.2,
                merge_lines: false,
            },
        ] {
            let svg = write_svg_with(&scene, &options);
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let elements = doc.descendants().filter(|n| n.is_element()).count();
            let texts = doc
                .descendants()
                .filter(|n| n.has_tag_name("text") || n.has_tag_name("title"))
                .count();
            let counted = node_count(&scene, &options);
            assert!(
                counted >= elements + texts && counted <= (elements + texts) * 101 / 100,
                "{counted} counted, {elements} elements and {texts} texts written"
            );
        }
        let all = node_count(&scene, &SvgOptions::default());
        let small = node_count(
            &scene,
            &SvgOptions {
                size: None,
                min_text_px: 3.0,
                scale: 0.2,
                merge_lines: false,
            },
        );
        assert!(
            small < all,
            "card text left out at a small scale: {small} {all}"
        );
    }

    #[test]
    fn size_option_sets_the_canvas_and_keeps_the_view_box() {
        let j = hostile();
        let l = layout(&j, &LayoutConfig::default());
        let scene = build_scene(&j, &l, None, &SceneOptions::default());
        let svg = write_svg_with(
            &scene,
            &SvgOptions {
                size: Some((842.0, 595.0)),
                ..Default::default()
            },
        );
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("width"), Some("842"));
        assert_eq!(root.attribute("height"), Some("595"));
        let b = scene.bounds;
        assert_eq!(
            root.attribute("viewBox").map(str::to_owned),
            Some(format!(
                "{} {} {} {}",
                num(b.x),
                num(b.y),
                num(b.w),
                num(b.h)
            ))
        );
        let cards = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("touchpoint"))
            .count();
        assert_eq!(cards, 2);
        let edge = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("handoff customer"))
            .unwrap();
        assert_eq!(edge.attribute("data-from"), Some("t"));
        assert_eq!(edge.attribute("data-to"), Some("u"));
    }

    #[test]
    fn level_of_detail_drops_tiny_card_text_only() {
        let j = hostile();
        let l = layout(&j, &LayoutConfig::default());
        let scene = build_scene(&j, &l, None, &SceneOptions::default());
        let all = write_svg(&scene);
        let lod = write_svg_with(
            &scene,
            &SvgOptions {
                min_text_px: 4.0,
                scale: 0.2,
                ..Default::default()
            },
        );
        let count = |s: &str| s.matches("<text ").count();
        assert!(count(&lod) < count(&all));
        // Headers and lane labels (Detail::Always) stay.
        assert!(lod.contains("&lt;/text&gt;&lt;script&gt;"));
        assert!(!lod.contains(">&lt;script&gt;alert(1)"));
    }
}
