//! One touchpoint card: stripe, name, owner, figures, badges and note count.

use super::*;

pub use super::metrics::LARGE_NAME_SIZE;

#[allow(clippy::too_many_arguments)]
pub(super) fn card_group(
    journey: &Journey,
    t: &Touchpoint,
    r: Rect,
    badges: &[Badge],
    notes: usize,
    p: &Palette,
    m: &Metrics,
    large: bool,
) -> CardGroup {
    let mut items = Vec::with_capacity(24);
    let owner = t.owner.as_ref().and_then(|d| journey.department(d));
    let owner_color = owner.map_or(p.none, |d| Color::from(d.color));
    items.push(rect(
        r,
        Some(p.surface),
        Some(p.card_stroke),
        m.stroke_w,
        m.card_radius,
    ));
    items.push(rect(
        Rect::new(
            r.x + m.stripe_inset_x,
            r.y + m.stripe_inset_y,
            m.stripe_drawn_w,
            (r.h - 2.0 * m.stripe_inset_y).max(0.0),
        ),
        Some(owner_color),
        None,
        0.0,
        m.stripe_radius,
    ));
    if large {
        large_body(&mut items, t, r, p, m);
    } else {
        body(&mut items, t, r, p, m);
        if let Some(mark) = TrendMark::of(&t.trend) {
            // Under the score pill (see `body`), right of the name's second line.
            items.push(mark.item(
                (r.right() - m.pad - m.trend_x, r.y + m.trend_y),
                m.trend_size,
                p,
            ));
        }
    }
    gap_badges(&mut items, r, badges, p, m);
    if notes > 0 {
        note_count(&mut items, r, notes, p, m);
    }
    CardGroup {
        id: t.id.clone(),
        rect: r,
        items,
    }
}

/// The card's name (or its id when it has none), one clean line.
fn card_name(t: &Touchpoint) -> String {
    let name = clean_text(&t.name);
    if name.is_empty() {
        format!("({})", t.id)
    } else {
        name
    }
}

/// The mean-score pill (or "-" without a score).
fn score_pill(
    items: &mut Vec<Item>,
    t: &Touchpoint,
    badge: Rect,
    size: f32,
    p: &Palette,
    m: &Metrics,
) {
    let mean = t.mean_score().filter(|m| m.is_finite());
    let (label, fill, color) = match mean {
        Some(m) => (format!("{m:.1}"), Some(p.score(m)), p.text_on(p.score(m))),
        None => ("-".to_owned(), None, p.muted),
    };
    let (stroke, width) = if fill.is_none() {
        (Some(p.none), m.stroke_w)
    } else {
        (None, 0.0)
    };
    items.push(rect(badge, fill, stroke, width, badge.h / 2.0));
    items.push(text(
        (badge.x + badge.w / 2.0, badge.y + badge.h / 2.0),
        label,
        size,
        color,
        TextAnchor::Middle,
        true,
        Detail::Text,
    ));
}

/// Where a histogram stands: bars on `base` from `x`, `hist_h` high at most.
struct HistAt {
    x: f32,
    base: f32,
    hist_h: f32,
}

/// The 0-10 histogram at `at`.
fn histogram(items: &mut Vec<Item>, t: &Touchpoint, at: HistAt, p: &Palette, m: &Metrics) {
    let HistAt { x, base, hist_h } = at;
    if let Some(hist) = t.satisfaction.as_ref().and_then(|s| s.histogram()) {
        let max = hist.iter().copied().max().unwrap_or(0).max(1);
        items.push(line(
            vec![
                (x, base + m.hist_line_y),
                (x + m.hist_w - m.hist_trim, base + m.hist_line_y),
            ],
            p.grid,
            m.stroke_w,
        ));
        for (s, &count) in hist.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let h = (count as f32 / max as f32 * hist_h).max(m.hist_min_bar);
            items.push(rect(
                Rect::new(x + s as f32 * m.hist_step, base - h, m.hist_bar_w, h),
                Some(p.score(s as f64)),
                None,
                0.0,
                0.0,
            ));
        }
    }
}

/// One dot per metric from `x0` to `rx`, centred on `y`; "+N" when they do not fit.
fn metric_dots(
    items: &mut Vec<Item>,
    t: &Touchpoint,
    x0: f32,
    rx: f32,
    y: f32,
    p: &Palette,
    m: &Metrics,
) {
    let shown = dots_shown(rx - x0, t.metrics.len(), m);
    for (i, metric) in t.metrics.iter().take(shown).enumerate() {
        let fill = match metric.on_target() {
            Some(true) => p.good,
            Some(false) => p.bad,
            None => p.none,
        };
        items.push(Item::Circle {
            center: (x0 + m.dot_r + i as f32 * m.dot_step, y),
            radius: m.dot_r,
            fill: Some(fill),
            stroke: None,
        });
    }
    if shown < t.metrics.len() {
        items.push(text(
            (x0 + shown as f32 * m.dot_step, y),
            format!("+{}", t.metrics.len() - shown),
            m.tiny_size,
            p.muted,
            TextAnchor::Start,
            false,
            Detail::Text,
        ));
    }
}

/// How many of `metrics` dots fit in `width` (the rest are said as "+N").
fn dots_shown(width: f32, metrics: usize, m: &Metrics) -> usize {
    let room = ((width + m.dot_step - 2.0 * m.dot_r) / m.dot_step)
        .floor()
        .max(0.0) as usize;
    if metrics > room {
        room.saturating_sub(1)
    } else {
        metrics
    }
}

/// How many metric dots the card of a map (not in large type) `card_w` wide shows
/// of `metrics`: [`body`]'s dots run from right of the histogram to the right padding.
pub(super) fn map_card_dots(card_w: f32, metrics: usize) -> usize {
    let m = Metrics::of_card_w(card_w);
    dots_shown(m.dots_w, metrics, &m)
}

/// Large type for a presented stage: the name in up to three lines of
/// [`LARGE_NAME_SIZE`] across the card, then a low histogram, the metric dots and the
/// score; the channel and volume wait for the inspector.
fn large_body(items: &mut Vec<Item>, t: &Touchpoint, r: Rect, p: &Palette, m: &Metrics) {
    let lx = r.x + m.stripe_w + m.pad;
    let rx = r.right() - m.large_pad_r;
    // The score bottom right, left of the note count.
    let badge_w = m.large_pill_w;
    let badge = Rect::new(
        r.right() - m.large_pill_right - badge_w,
        r.bottom() - m.large_pill_bottom,
        badge_w,
        m.large_pill_h,
    );
    score_pill(items, t, badge, m.large_pill_size, p, m);
    let size = m.large_name_size;
    let full = (rx - lx).max(0.0);
    let widths = [full, full, (badge.x - m.name_gap - lx).max(0.0)];
    for (i, l) in wrap_text_in(&card_name(t), size, true, &widths)
        .into_iter()
        .enumerate()
    {
        items.push(Item::Text {
            pos: (lx, r.y + m.large_name_top + m.large_name_line_h * i as f32),
            text: l,
            size,
            color: p.text,
            anchor: TextAnchor::Start,
            bold: true,
            max_width: widths.get(i).copied(),
            detail: Detail::Text,
        });
    }
    let base = r.bottom() - m.large_hist_bottom;
    let at = HistAt {
        x: lx,
        base,
        hist_h: m.large_hist_h,
    };
    histogram(items, t, at, p, m);
    metric_dots(
        items,
        t,
        lx + m.hist_w + m.large_hist_gap,
        badge.x - m.large_dots_gap,
        base - m.dots_rise,
        p,
        m,
    );
}

/// The card's usual body: score, name in two lines, channel and volume, histogram
/// and metric dots.
fn body(items: &mut Vec<Item>, t: &Touchpoint, r: Rect, p: &Palette, m: &Metrics) {
    let lx = r.x + m.stripe_w + m.pad;
    let rx = r.right() - m.pad;
    // Mean badge, top right.
    let badge_w = m.pill_w;
    let badge = Rect::new(rx - badge_w, r.y + m.pill_top, badge_w, m.pill_h);
    score_pill(items, t, badge, m.pill_size, p, m);

    // Name: two lines at most.
    let name_w = (badge.x - m.name_gap - lx).max(0.0);
    for (i, l) in wrap_text(&card_name(t), m.name_size, true, name_w, m.name_lines)
        .into_iter()
        .enumerate()
    {
        items.push(Item::Text {
            pos: (lx, r.y + m.name_top + m.name_line_h * i as f32),
            text: l,
            size: m.name_size,
            color: p.text,
            anchor: TextAnchor::Start,
            bold: true,
            max_width: Some(name_w),
            detail: Detail::Text,
        });
    }

    // Channel and volume.
    let row_y = r.y + m.row_top;
    let vol = t.volume.map(|v| f::fill("map-volume", &f::volume(v)));
    let measured = vol.is_some() && t.volume_source.kind.is_measured();
    let vol_w = vol
        .as_ref()
        .map_or(0.0, |v| text_width(v, m.row_size, false))
        + if measured { m.measured_w } else { 0.0 };
    if measured {
        super::logcheck::measured_dot(items, rx - vol_w + m.measured_x, row_y, p);
    }
    items.push(fitted(
        (lx, row_y),
        &f::word(channel_message(t.channel)),
        m.row_size,
        p.muted,
        TextAnchor::Start,
        false,
        (rx - lx - vol_w - m.row_gap).max(0.0),
        Detail::Text,
    ));
    if let Some(v) = vol {
        items.push(text(
            (rx, row_y),
            v,
            m.row_size,
            p.muted,
            TextAnchor::End,
            false,
            Detail::Text,
        ));
    }

    // Histogram bottom left, one dot per metric right of it.
    let base = r.bottom() - m.hist_bottom;
    let at = HistAt {
        x: lx,
        base,
        hist_h: m.hist_h,
    };
    histogram(items, t, at, p, m);
    metric_dots(
        items,
        t,
        lx + m.hist_w + m.hist_gap,
        rx,
        base - m.dots_rise,
        p,
        m,
    );
}

/// Gap badges straddling the top border, right-aligned.
fn gap_badges(items: &mut Vec<Item>, r: Rect, badges: &[Badge], p: &Palette, m: &Metrics) {
    if !badges.is_empty() {
        let mut x = r.right() - m.pad;
        for (i, b) in badges.iter().enumerate() {
            let remaining = badges.len() - i;
            let label = b.label();
            let w = text_width(&label, m.badge_size, true) + m.badge_pad;
            let plus_w = text_width("+9", m.badge_size, true) + m.badge_pad;
            let need = if remaining > 1 {
                w + m.badge_gap + plus_w
            } else {
                w
            };
            if x - need < r.x + m.pad && i > 0 || x - w < r.x + m.pad {
                let more = format!("+{remaining}");
                let w = text_width(&more, m.badge_size, true) + m.badge_pad;
                let pill = Rect::new(x - w, r.y - m.badge_h / 2.0, w, m.badge_h);
                items.push(rect(pill, Some(p.muted), None, 0.0, m.badge_h / 2.0));
                items.push(text(
                    (pill.x + w / 2.0, r.y),
                    more,
                    m.badge_size,
                    p.text_on(p.muted),
                    TextAnchor::Middle,
                    true,
                    Detail::Text,
                ));
                break;
            }
            let fill = b.color(p);
            let pill = Rect::new(x - w, r.y - m.badge_h / 2.0, w, m.badge_h);
            items.push(rect(pill, Some(fill), None, 0.0, m.badge_h / 2.0));
            items.push(text(
                (pill.x + w / 2.0, r.y),
                label,
                m.badge_size,
                p.text_on(fill),
                TextAnchor::Middle,
                true,
                Detail::Text,
            ));
            x -= w + m.badge_gap;
        }
    }
}

/// The sticky-note count, bottom right.
fn note_count(items: &mut Vec<Item>, r: Rect, notes: usize, p: &Palette, m: &Metrics) {
    let s = Rect::new(
        r.right() - m.note_inset,
        r.bottom() - m.note_inset,
        m.note_side,
        m.note_side,
    );
    items.push(rect(
        s,
        Some(p.note),
        Some(p.card_stroke),
        m.stroke_w,
        m.note_radius,
    ));
    items.push(text(
        (s.x + m.note_side / 2.0, s.y + m.note_side / 2.0),
        if notes > 9 {
            "9+".into()
        } else {
            notes.to_string()
        },
        m.tiny_size,
        Color::rgb(0x1a, 0x1a, 0x1a),
        TextAnchor::Middle,
        true,
        Detail::Text,
    ));
}

/// The message id of a channel's name on a card (`map-channel-FieldVisit`).
fn channel_message(c: crate::model::Channel) -> &'static str {
    use crate::model::Channel;
    match c {
        Channel::Phone => "map-channel-Phone",
        Channel::Web => "map-channel-Web",
        Channel::App => "map-channel-App",
        Channel::Email => "map-channel-Email",
        Channel::Letter => "map-channel-Letter",
        Channel::Chat => "map-channel-Chat",
        Channel::InPerson => "map-channel-InPerson",
        Channel::FieldVisit => "map-channel-FieldVisit",
        Channel::SocialMedia => "map-channel-SocialMedia",
        Channel::Internal => "map-channel-Internal",
        Channel::Partner => "map-channel-Partner",
        Channel::Other => "map-channel-Other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, has_message};
    use crate::model::{Channel, Layer};

    /// Every word the map looks up by a computed id exists in every language (a typo
    /// would print the id on every card).
    #[test]
    fn every_channel_layer_and_badge_has_its_words() {
        let badges = [
            Badge::Watermelon,
            Badge::Split,
            Badge::Drop,
            Badge::NoOwner,
            Badge::NoMetric,
            Badge::NoScore,
            Badge::Rework,
            Badge::HighVolumeLowScore,
        ];
        for lang in crate::i18n::available() {
            let mut ids: Vec<String> = Channel::ALL
                .iter()
                .map(|c| channel_message(*c).to_owned())
                .collect();
            ids.extend(Layer::ALL.iter().map(|l| format!("map-layer-{}", l.key())));
            for b in &badges {
                ids.push(format!("map-badge-{}", b.key()));
                ids.push(format!("map-badge-{}-meaning", b.key()));
            }
            for id in ids {
                assert!(has_message(&lang, &id), "{} lacks {id}", lang.tag());
            }
        }
        crate::i18n::with_lang(&Lang::english(), || {
            assert_eq!(Badge::Watermelon.label(), "WATERMELON");
        });
    }
}
