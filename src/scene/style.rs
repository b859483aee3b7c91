//! Colours and the one palette: [`Color`], the light and dark [`Theme`]s and their [`Palette`].

use super::*;

/// An sRGB colour with alpha (255 = opaque).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

impl Color {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Color { r, g, b, a: 255 }
    }
    pub const fn rgba(r: u8, g: u8, b: u8, a: u8) -> Self {
        Color { r, g, b, a }
    }
    pub const fn with_alpha(self, a: u8) -> Self {
        Color { a, ..self }
    }
    /// `#rrggbb` (alpha is not included; see [`Color::opacity`]).
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
    /// Alpha as 0..=1.
    pub fn opacity(self) -> f32 {
        f32::from(self.a) / 255.0
    }
    /// Linear mix: `t = 0` is `self`, `t = 1` is `other`. The result is opaque when
    /// both are, which keeps tints cheap to paint and exact in every output.
    pub fn mix(self, other: Color, t: f32) -> Color {
        let t = t.clamp(0.0, 1.0);
        let m = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
        Color {
            r: m(self.r, other.r),
            g: m(self.g, other.g),
            b: m(self.b, other.b),
            a: m(self.a, other.a),
        }
    }
    /// Relative luminance (0 black .. 1 white), for picking readable text.
    pub fn luminance(self) -> f32 {
        let lin = |c: u8| {
            let c = f32::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }
}

impl From<Rgb> for Color {
    fn from(c: Rgb) -> Self {
        Color::rgb(c.0, c.1, c.2)
    }
}

/// Light or dark map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn parse(text: &str) -> Option<Theme> {
        match text.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                background: Color::rgb(0xfa, 0xfa, 0xf8),
                surface: Color::rgb(0xff, 0xff, 0xff),
                header: Color::rgb(0xe9, 0xec, 0xf1),
                text: Color::rgb(0x1f, 0x23, 0x28),
                muted: Color::rgb(0x5f, 0x66, 0x70),
                grid: Color::rgb(0xd3, 0xd7, 0xdd),
                card_stroke: Color::rgb(0xb8, 0xbe, 0xc6),
                edge: Color::rgb(0x7a, 0x82, 0x8c),
                customer_edge: Color::rgb(0x4a, 0x7c, 0xb0),
                cross: Color::rgb(0xd9, 0x5a, 0x1a),
                rework: Color::rgb(0x9b, 0x3f, 0xb5),
                good: Color::rgb(0x2e, 0x8b, 0x57),
                warn: Color::rgb(0xe6, 0xa1, 0x1e),
                bad: Color::rgb(0xd1, 0x3b, 0x3b),
                none: Color::rgb(0xa0, 0xa6, 0xae),
                curve: Color::rgb(0x2f, 0x5f, 0x9e),
                note: Color::rgb(0xff, 0xe0, 0x82),
            },
            Theme::Dark => Palette {
                background: Color::rgb(0x1d, 0x1f, 0x23),
                surface: Color::rgb(0x2a, 0x2d, 0x33),
                header: Color::rgb(0x33, 0x37, 0x3e),
                text: Color::rgb(0xe8, 0xea, 0xed),
                muted: Color::rgb(0xa4, 0xab, 0xb5),
                grid: Color::rgb(0x3f, 0x44, 0x4c),
                card_stroke: Color::rgb(0x55, 0x5b, 0x65),
                edge: Color::rgb(0x93, 0x9a, 0xa4),
                customer_edge: Color::rgb(0x6f, 0xa3, 0xd8),
                cross: Color::rgb(0xff, 0x8a, 0x3d),
                rework: Color::rgb(0xc9, 0x7b, 0xe0),
                good: Color::rgb(0x4c, 0xb8, 0x7a),
                warn: Color::rgb(0xf0, 0xb4, 0x3c),
                bad: Color::rgb(0xf0, 0x5a, 0x5a),
                none: Color::rgb(0x7c, 0x83, 0x8d),
                curve: Color::rgb(0x7f, 0xb2, 0xf0),
                note: Color::rgb(0xe8, 0xc8, 0x5a),
            },
        }
    }
}

/// The colours of a theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub background: Color,
    /// Card fill.
    pub surface: Color,
    /// Stage header fill.
    pub header: Color,
    pub text: Color,
    pub muted: Color,
    pub grid: Color,
    pub card_stroke: Color,
    /// A handoff inside one department.
    pub edge: Color,
    /// A handoff to or from the customer across a boundary.
    pub customer_edge: Color,
    /// An internal cross-department handoff (where journeys break).
    pub cross: Color,
    /// A rework loop (the customer calls again).
    pub rework: Color,
    /// Satisfaction >= 7, metric on target.
    pub good: Color,
    /// Satisfaction 5..7.
    pub warn: Color,
    /// Satisfaction < 5, metric off target.
    pub bad: Color,
    /// No score, no target.
    pub none: Color,
    pub curve: Color,
    pub note: Color,
}

impl Palette {
    /// Red below 5, amber 5..7, green from 7.
    pub fn score(&self, mean: f64) -> Color {
        if mean < 5.0 {
            self.bad
        } else if mean < 7.0 {
            self.warn
        } else {
            self.good
        }
    }

    /// Black or white, whichever reads better on `fill`.
    pub fn text_on(&self, fill: Color) -> Color {
        if fill.luminance() > 0.36 {
            Color::rgb(0x1a, 0x1a, 0x1a)
        } else {
            Color::rgb(0xff, 0xff, 0xff)
        }
    }
}
