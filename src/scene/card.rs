//! One touchpoint card: stripe, name, owner, figures, badges and note count.

use super::*;

/// Card names in large type (the presented stage's cards): 18 px or more on a
/// 1920x1080 projector once the stage is fitted to the screen.
pub const LARGE_NAME_SIZE: f32 = 22.0;

pub(super) fn card_group(
    journey: &Journey,
    t: &Touchpoint,
    r: Rect,
    badges: &[Badge],
    notes: usize,
    p: &Palette,
    large: bool,
) -> CardGroup {
    let mut items = Vec::with_capacity(24);
    let owner = t.owner.as_ref().and_then(|d| journey.department(d));
    let owner_color = owner.map_or(p.none, |d| Color::from(d.color));
    items.push(rect(r, Some(p.surface), Some(p.card_stroke), 1.0, 6.0));
    items.push(rect(
        Rect::new(r.x + 2.0, r.y + 4.0, STRIPE_W - 1.0, (r.h - 8.0).max(0.0)),
        Some(owner_color),
        None,
        0.0,
        2.0,
    ));
    if large {
        large_body(&mut items, t, r, p);
    } else {
        body(&mut items, t, r, p);
        if let Some(m) = TrendMark::of(&t.trend) {
            // Under the score pill (see `body`), right of the name's second line.
            items.push(m.item((r.right() - 8.0 - 17.0, r.y + 36.0), 14.0, p));
        }
    }
    gap_badges(&mut items, r, badges, p);
    if notes > 0 {
        note_count(&mut items, r, notes, p);
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
fn score_pill(items: &mut Vec<Item>, t: &Touchpoint, badge: Rect, size: f32, p: &Palette) {
    let mean = t.mean_score().filter(|m| m.is_finite());
    let (label, fill, color) = match mean {
        Some(m) => (format!("{m:.1}"), Some(p.score(m)), p.text_on(p.score(m))),
        None => ("-".to_owned(), None, p.muted),
    };
    let (stroke, width) = if fill.is_none() {
        (Some(p.none), 1.0)
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

/// The 0-10 histogram, bars standing on `base` from `x`, `hist_h` high at most.
fn histogram(items: &mut Vec<Item>, t: &Touchpoint, x: f32, base: f32, hist_h: f32, p: &Palette) {
    let bar_w = 6.0;
    let step = 7.5;
    if let Some(hist) = t.satisfaction.as_ref().and_then(|s| s.histogram()) {
        let max = hist.iter().copied().max().unwrap_or(0).max(1);
        items.push(line(
            vec![(x, base + 0.5), (x + 11.0 * step - 1.5, base + 0.5)],
            p.grid,
            1.0,
        ));
        for (s, &count) in hist.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let h = (count as f32 / max as f32 * hist_h).max(1.5);
            items.push(rect(
                Rect::new(x + s as f32 * step, base - h, bar_w, h),
                Some(p.score(s as f64)),
                None,
                0.0,
                0.0,
            ));
        }
    }
}

/// One dot per metric from `x0` to `rx`, centred on `y`; "+N" when they do not fit.
fn metric_dots(items: &mut Vec<Item>, t: &Touchpoint, x0: f32, rx: f32, y: f32, p: &Palette) {
    let dot_step = 11.0;
    let shown = dots_shown(rx - x0, t.metrics.len());
    for (i, m) in t.metrics.iter().take(shown).enumerate() {
        let fill = match m.on_target() {
            Some(true) => p.good,
            Some(false) => p.bad,
            None => p.none,
        };
        items.push(Item::Circle {
            center: (x0 + 4.0 + i as f32 * dot_step, y),
            radius: 4.0,
            fill: Some(fill),
            stroke: None,
        });
    }
    if shown < t.metrics.len() {
        items.push(text(
            (x0 + shown as f32 * dot_step, y),
            format!("+{}", t.metrics.len() - shown),
            9.0,
            p.muted,
            TextAnchor::Start,
            false,
            Detail::Text,
        ));
    }
}

/// How many of `metrics` dots fit in `width` (the rest are said as "+N").
fn dots_shown(width: f32, metrics: usize) -> usize {
    let room = ((width + 11.0 - 8.0) / 11.0).floor().max(0.0) as usize;
    if metrics > room {
        room.saturating_sub(1)
    } else {
        metrics
    }
}

/// How many metric dots the card of a map (not in large type) `card_w` wide shows
/// of `metrics`: [`body`]'s dots run from right of the histogram to the right padding.
pub(super) fn map_card_dots(card_w: f32, metrics: usize) -> usize {
    dots_shown(
        (card_w - 8.0) - (STRIPE_W + 8.0 + 11.0 * 7.5 + 10.0),
        metrics,
    )
}

/// Large type for a presented stage: the name in up to three lines of
/// [`LARGE_NAME_SIZE`] across the card, then a low histogram, the metric dots and the
/// score; the channel and volume wait for the inspector.
fn large_body(items: &mut Vec<Item>, t: &Touchpoint, r: Rect, p: &Palette) {
    let lx = r.x + STRIPE_W + 8.0;
    let rx = r.right() - 7.0;
    // The score bottom right, left of the note count.
    let badge_w = 40.0;
    let badge = Rect::new(r.right() - 14.0 - badge_w, r.bottom() - 24.0, badge_w, 20.0);
    score_pill(items, t, badge, 13.0, p);
    let size = LARGE_NAME_SIZE;
    let full = (rx - lx).max(0.0);
    let widths = [full, full, (badge.x - 6.0 - lx).max(0.0)];
    for (i, l) in wrap_text_in(&card_name(t), size, true, &widths)
        .into_iter()
        .enumerate()
    {
        items.push(Item::Text {
            pos: (lx, r.y + 18.0 + 24.0 * i as f32),
            text: l,
            size,
            color: p.text,
            anchor: TextAnchor::Start,
            bold: true,
            max_width: widths.get(i).copied(),
            detail: Detail::Text,
        });
    }
    let base = r.bottom() - 4.0;
    histogram(items, t, lx, base, 10.0, p);
    metric_dots(
        items,
        t,
        lx + 11.0 * 7.5 + 8.0,
        badge.x - 4.0,
        base - 5.0,
        p,
    );
}

/// The card's usual body: score, name in two lines, channel and volume, histogram
/// and metric dots.
fn body(items: &mut Vec<Item>, t: &Touchpoint, r: Rect, p: &Palette) {
    let lx = r.x + STRIPE_W + 8.0;
    let rx = r.right() - 8.0;
    // Mean badge, top right.
    let badge_w = 34.0;
    let badge = Rect::new(rx - badge_w, r.y + 7.0, badge_w, 18.0);
    score_pill(items, t, badge, 11.0, p);

    // Name: two lines at most.
    let name_w = (badge.x - 6.0 - lx).max(0.0);
    for (i, l) in wrap_text(&card_name(t), 12.0, true, name_w, 2)
        .into_iter()
        .enumerate()
    {
        items.push(Item::Text {
            pos: (lx, r.y + 16.0 + 15.0 * i as f32),
            text: l,
            size: 12.0,
            color: p.text,
            anchor: TextAnchor::Start,
            bold: true,
            max_width: Some(name_w),
            detail: Detail::Text,
        });
    }

    // Channel and volume.
    let row_y = r.y + 51.0;
    let vol = t.volume.map(|v| f::fill("map-volume", &f::volume(v)));
    let measured = vol.is_some() && t.volume_source.kind.is_measured();
    let vol_w =
        vol.as_ref().map_or(0.0, |v| text_width(v, 10.0, false)) + if measured { 8.0 } else { 0.0 };
    if measured {
        super::logcheck::measured_dot(items, rx - vol_w + 2.6, row_y, p);
    }
    items.push(fitted(
        (lx, row_y),
        &f::word(channel_message(t.channel)),
        10.0,
        p.muted,
        TextAnchor::Start,
        false,
        (rx - lx - vol_w - 8.0).max(0.0),
        Detail::Text,
    ));
    if let Some(v) = vol {
        items.push(text(
            (rx, row_y),
            v,
            10.0,
            p.muted,
            TextAnchor::End,
            false,
            Detail::Text,
        ));
    }

    // Histogram bottom left, one dot per metric right of it.
    let base = r.bottom() - 9.0;
    histogram(items, t, lx, base, 20.0, p);
    metric_dots(items, t, lx + 11.0 * 7.5 + 10.0, rx, base - 5.0, p);
}

/// Gap badges straddling the top border, right-aligned.
fn gap_badges(items: &mut Vec<Item>, r: Rect, badges: &[Badge], p: &Palette) {
    if !badges.is_empty() {
        let mut x = r.right() - 8.0;
        for (i, b) in badges.iter().enumerate() {
            let remaining = badges.len() - i;
            let label = b.label();
            let w = text_width(&label, BADGE_SIZE, true) + 8.0;
            let plus_w = text_width("+9", BADGE_SIZE, true) + 8.0;
            let need = if remaining > 1 { w + 3.0 + plus_w } else { w };
            if x - need < r.x + 8.0 && i > 0 || x - w < r.x + 8.0 {
                let more = format!("+{remaining}");
                let w = text_width(&more, BADGE_SIZE, true) + 8.0;
                let pill = Rect::new(x - w, r.y - BADGE_H / 2.0, w, BADGE_H);
                items.push(rect(pill, Some(p.muted), None, 0.0, BADGE_H / 2.0));
                items.push(text(
                    (pill.x + w / 2.0, r.y),
                    more,
                    BADGE_SIZE,
                    p.text_on(p.muted),
                    TextAnchor::Middle,
                    true,
                    Detail::Text,
                ));
                break;
            }
            let fill = b.color(p);
            let pill = Rect::new(x - w, r.y - BADGE_H / 2.0, w, BADGE_H);
            items.push(rect(pill, Some(fill), None, 0.0, BADGE_H / 2.0));
            items.push(text(
                (pill.x + w / 2.0, r.y),
                label,
                BADGE_SIZE,
                p.text_on(fill),
                TextAnchor::Middle,
                true,
                Detail::Text,
            ));
            x -= w + 3.0;
        }
    }
}

/// The sticky-note count, bottom right.
fn note_count(items: &mut Vec<Item>, r: Rect, notes: usize, p: &Palette) {
    let s = Rect::new(r.right() - 10.0, r.bottom() - 10.0, 16.0, 16.0);
    items.push(rect(s, Some(p.note), Some(p.card_stroke), 1.0, 2.0));
    items.push(text(
        (s.x + 8.0, s.y + 8.0),
        if notes > 9 {
            "9+".into()
        } else {
            notes.to_string()
        },
        9.0,
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
