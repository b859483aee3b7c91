//! A fast path for reading journey files: a serde deserializer for the plain subset of
//! RON that `save` writes (and that people keep to when they edit a file by hand).
//!
//! The `ron` crate reads character by character; on a 1,000-touchpoint journey it took
//! about 80% of the load (issue 16). This reader scans bytes. It is not a second
//! parser of record: it gives up ([`None`]) at the first thing outside its subset or
//! anything it cannot read, and the caller then reads the file with `ron` (which gives
//! the located error, or reads the richer syntax). So it must never read a file
//! *differently* from `ron`; the tests compare the two on the samples, on generated
//! journeys and on hand-made edge cases.
//!
//! The subset: ASCII whitespace and `//` comments between tokens; structs as
//! `(field: value, ...)` without a name; lists `[...]`; strings with the
//! escapes `\"`, `\\`, `\n`, `\t`, `\r` and no raw control characters; decimal numbers
//! (`-`, digits, an optional `.digits` and exponent; no leading zeros, `_`, `+`, hex,
//! `inf` or `NaN`); `true`/`false`; `None`, `Some(x)` and plain `x` for an option
//! (the `implicit_some` extension the loader turns on); enum variants as `Name`,
//! `Name(x)`, `Name(a, b)` and `Name(field: value)`; trailing commas. Anything else
//! (raw or byte strings, block comments, `#![enable(...)]`, struct names, unknown
//! fields, maps, tuples, chars, units, other whitespace) hands the file to `ron`.

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use std::fmt;

/// Read `src` as `T`, or `None` when the file is outside the subset or not valid.
pub(super) fn from_str<T: DeserializeOwned>(src: &str, max_depth: usize) -> Option<T> {
    let mut r = Reader {
        src,
        at: 0,
        depth: 0,
        max_depth,
    };
    let value = T::deserialize(&mut r).ok()?;
    r.ws().ok()?;
    (r.at == src.len()).then_some(value)
}

/// Why the fast path gave up; the reason does not matter (`ron` tells the user).
#[derive(Debug)]
pub(super) struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("outside the fast path's subset of RON")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> Self {
        GiveUp
    }
}

type Result<T> = std::result::Result<T, GiveUp>;

struct Reader<'a> {
    src: &'a str,
    at: usize,
    depth: usize,
    max_depth: usize,
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'a> Reader<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    /// Skip whitespace and `//` comments.
    fn ws(&mut self) -> Result<()> {
        let b = self.bytes();
        loop {
            match b.get(self.at) {
                Some(b' ' | b'\n' | b'\t' | b'\r') => self.at += 1,
                Some(b'/') => match b.get(self.at + 1) {
                    Some(b'/') => {
                        self.at =
                            memchr::memchr(b'\n', &b[self.at..]).map_or(b.len(), |n| self.at + n);
                    }
                    _ => return Err(GiveUp),
                },
                _ => return Ok(()),
            }
        }
    }

    /// The next byte after whitespace, not consumed.
    fn peek(&mut self) -> Result<u8> {
        self.ws()?;
        self.bytes().get(self.at).copied().ok_or(GiveUp)
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.peek()? == byte {
            self.at += 1;
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// An identifier (ASCII letters, digits, `_`; not starting with a digit).
    fn ident(&mut self) -> Result<&'a str> {
        let b = self.bytes();
        let start = self.at;
        match b.get(start) {
            Some(c) if c.is_ascii_alphabetic() || *c == b'_' => {}
            _ => return Err(GiveUp),
        }
        let len = b[start..].iter().take_while(|&&c| is_ident_byte(c)).count();
        self.at = start + len;
        // `r#name`, `b"..."`, `r"..."`: not in the subset.
        if matches!(b.get(self.at), Some(b'#' | b'"' | b'\'')) {
            return Err(GiveUp);
        }
        Ok(&self.src[start..self.at])
    }

    /// Does the identifier `word` come next (whole)? Consumed if so.
    fn word(&mut self, word: &str) -> Result<bool> {
        self.ws()?;
        let rest = &self.bytes()[self.at..];
        let whole = rest.starts_with(word.as_bytes())
            && !rest.get(word.len()).is_some_and(|&c| is_ident_byte(c));
        if whole {
            self.at += word.len();
        }
        Ok(whole)
    }

    fn string(&mut self) -> Result<String> {
        self.expect(b'"')?;
        let b = self.bytes();
        let mut out = String::new();
        let mut from = self.at;
        let mut i = self.at;
        loop {
            match *b.get(i).ok_or(GiveUp)? {
                b'"' => {
                    out.push_str(&self.src[from..i]);
                    self.at = i + 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.src[from..i]);
                    out.push(match b.get(i + 1) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'n') => '\n',
                        Some(b't') => '\t',
                        Some(b'r') => '\r',
                        _ => return Err(GiveUp),
                    });
                    i += 2;
                    from = i;
                }
                0..=0x1f | 0x7f => return Err(GiveUp),
                _ => i += 1,
            }
        }
    }

    /// A decimal number's text: `-`? digits (no leading zero) then, when `float`,
    /// an optional `.digits` and exponent. It must not run on into a letter or sign.
    fn number(&mut self, float: bool) -> Result<&'a str> {
        self.ws()?;
        let b = self.bytes();
        let start = self.at;
        let mut i = start;
        let digits = |i: &mut usize| {
            let n = b[*i..].iter().take_while(|c| c.is_ascii_digit()).count();
            *i += n;
            n
        };
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        let first = i;
        if digits(&mut i) == 0 || (b[first] == b'0' && i - first > 1) {
            return Err(GiveUp);
        }
        if float {
            if b.get(i) == Some(&b'.') {
                i += 1;
                if digits(&mut i) == 0 {
                    return Err(GiveUp);
                }
            }
            if matches!(b.get(i), Some(b'e' | b'E')) {
                i += 1;
                if matches!(b.get(i), Some(b'+' | b'-')) {
                    i += 1;
                }
                if digits(&mut i) == 0 {
                    return Err(GiveUp);
                }
            }
        }
        if b.get(i)
            .is_some_and(|&c| is_ident_byte(c) || matches!(c, b'.' | b'+' | b'-'))
        {
            return Err(GiveUp);
        }
        self.at = i;
        Ok(&self.src[start..i])
    }

    fn int<T: std::str::FromStr>(&mut self) -> Result<T> {
        self.number(false)?.parse().map_err(|_| GiveUp)
    }

    fn float<T: std::str::FromStr>(&mut self) -> Result<T> {
        self.number(true)?.parse().map_err(|_| GiveUp)
    }

    /// `open`, what `inner` reads one level deeper, then `close`.
    fn nested<T>(
        &mut self,
        open: u8,
        close: u8,
        inner: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        self.expect(open)?;
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(GiveUp);
        }
        let value = inner(self)?;
        self.depth -= 1;
        self.expect(close)?;
        Ok(value)
    }

    /// `open`, the visitor over a comma-separated list up to `close`, then `close`.
    fn list<V: Visitor<'a>>(
        &mut self,
        open: u8,
        close: u8,
        visitor: V,
        fields: bool,
    ) -> Result<V::Value> {
        self.nested(open, close, |r| {
            if fields {
                visitor.visit_map(Items { r, close })
            } else {
                visitor.visit_seq(Items { r, close })
            }
        })
    }
}

/// The items of a list or the fields of a struct, up to `close` (not consumed).
struct Items<'r, 'a> {
    r: &'r mut Reader<'a>,
    close: u8,
}

impl Items<'_, '_> {
    /// After an item: a comma, or the closing bracket next.
    fn after(&mut self) -> Result<()> {
        match self.r.peek()? {
            b',' => {
                self.r.at += 1;
                Ok(())
            }
            c if c == self.close => Ok(()),
            _ => Err(GiveUp),
        }
    }
}

impl<'a> de::SeqAccess<'a> for Items<'_, 'a> {
    type Error = GiveUp;
    fn next_element_seed<T: DeserializeSeed<'a>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.r.peek()? == self.close {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.r)?;
        self.after()?;
        Ok(Some(value))
    }
}

impl<'a> de::MapAccess<'a> for Items<'_, 'a> {
    type Error = GiveUp;
    fn next_key_seed<K: DeserializeSeed<'a>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.r.peek()? == self.close {
            return Ok(None);
        }
        let name = self.r.ident()?;
        self.r.expect(b':')?;
        seed.deserialize(name.into_deserializer()).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value> {
        let value = seed.deserialize(&mut *self.r)?;
        self.after()?;
        Ok(value)
    }
}

impl<'a> de::EnumAccess<'a> for &mut Reader<'a> {
    type Error = GiveUp;
    type Variant = Self;
    fn variant_seed<V: DeserializeSeed<'a>>(self, seed: V) -> Result<(V::Value, Self)> {
        self.ws()?;
        let name = self.ident()?;
        let value = seed.deserialize(name.into_deserializer())?;
        Ok((value, self))
    }
}

impl<'a> de::VariantAccess<'a> for &mut Reader<'a> {
    type Error = GiveUp;
    fn unit_variant(self) -> Result<()> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'a>>(self, seed: T) -> Result<T::Value> {
        self.nested(b'(', b')', |r| seed.deserialize(r))
    }
    fn tuple_variant<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.list(b'(', b')', visitor, false)
    }
    fn struct_variant<V: Visitor<'a>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.list(b'(', b')', visitor, true)
    }
}

impl<'a> de::Deserializer<'a> for &mut Reader<'a> {
    type Error = GiveUp;

    /// What the subset does not hold: the fast path gives up (every kind that serde's
    /// `forward_to_deserialize_any!` below names comes here).
    fn deserialize_any<V: Visitor<'a>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }
    serde::forward_to_deserialize_any! { <V: Visitor<'a>> ignored_any char bytes byte_buf map unit
    unit_struct newtype_struct tuple tuple_struct }

    fn deserialize_bool<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        if self.word("true")? {
            visitor.visit_bool(true)
        } else if self.word("false")? {
            visitor.visit_bool(false)
        } else {
            Err(GiveUp)
        }
    }
    fn deserialize_i8<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i8(self.int()?)
    }
    fn deserialize_i16<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i16(self.int()?)
    }
    fn deserialize_i32<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i32(self.int()?)
    }
    fn deserialize_i64<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.int()?)
    }
    fn deserialize_u8<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u8(self.int()?)
    }
    fn deserialize_u16<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u16(self.int()?)
    }
    fn deserialize_u32<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u32(self.int()?)
    }
    fn deserialize_u64<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.int()?)
    }
    fn deserialize_f32<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f32(self.float()?)
    }
    fn deserialize_f64<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.float()?)
    }
    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_string(self.string()?)
    }
    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_string(self.string()?)
    }
    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        if self.word("None")? {
            return visitor.visit_none();
        }
        if self.word("Some")? {
            return self.nested(b'(', b')', |r| visitor.visit_some(r));
        }
        // `implicit_some`: a plain value is `Some(value)`.
        visitor.visit_some(self)
    }
    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.list(b'[', b']', visitor, false)
    }
    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.list(b'(', b')', visitor, true)
    }
    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(self)
    }
    fn deserialize_identifier<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.ws()?;
        visitor.visit_str(self.ident()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::dto::*;
    use crate::model::SourceKind;
    use proptest::prelude::*;

    /// The file read as the loader reads it with `ron`.
    fn ron(src: &str) -> std::result::Result<FileDto, ron::error::SpannedError> {
        crate::io::ron_options().from_str(src)
    }

    fn fast(src: &str) -> Option<FileDto> {
        from_str(src, crate::io::MAX_DEPTH)
    }

    /// The fast path reads `src`, and exactly as `ron` does.
    #[track_caller]
    fn same(src: &str) {
        let by_ron = ron(src).unwrap_or_else(|e| panic!("ron: {e}\n{src}"));
        let by_fast = fast(src).unwrap_or_else(|| panic!("the fast path gave up on\n{src}"));
        assert_eq!(by_fast, by_ron, "{src}");
    }

    /// The fast path hands `src` to `ron`.
    #[track_caller]
    fn gives_up(src: &str) {
        assert_eq!(fast(src), None, "{src}");
    }

    fn source(kind: SourceKind) -> Option<Box<SourceDto>> {
        Some(Box::new(SourceDto {
            kind,
            file: Some("C:\\logs\\moves \"2026\".xes".into()),
            period: Some(PeriodDto {
                from: "2026-01-01".into(),
                to: "2026-06-30".into(),
            }),
            count: Some(u64::MAX),
        }))
    }

    /// Every part of the file format, with awkward text and numbers.
    fn everything() -> FileDto {
        let text = "Tab\there, new\nline, quote \" and \\ backslash, 中文 ’ é, \r";
        FileDto {
            format: 1,
            title: text.into(),
            outcomes: vec![OutcomeDto {
                name: "Churn".into(),
                value: -0.1 - 0.2,
                unit: "%".into(),
            }],
            stages: vec![StageDto {
                id: "s".into(),
                name: "Stage".into(),
                description: text.into(),
            }],
            departments: vec![DepartmentDto {
                id: "d".into(),
                name: "客服".into(),
                color: "#4e79a7".into(),
                kind: crate::model::DepartmentKind::Customer,
            }],
            touchpoints: vec![TouchpointDto {
                id: "t".into(),
                name: text.into(),
                stage: Some("s".into()),
                owner: Some("d".into()),
                metrics: vec![MetricDto {
                    name: "m".into(),
                    value: 1e-7,
                    unit: "h".into(),
                    target: Some(1.5e300),
                    better: crate::model::Better::Lower,
                }],
                scores: Some(ScoresDto {
                    histogram: Some(vec![0, 1, -2, i64::MAX, i64::MIN, 5, 6, 7, 8, 9, 10]),
                    mean: Some(7.25),
                    responses: Some(0),
                }),
                scores_source: source(SourceKind::Survey),
                volume: Some(0),
                volume_source: source(SourceKind::Log),
                handling_minutes: Some(f64::MAX),
                handling_source: source(SourceKind::Typed),
                pains: vec![text.into(), String::new()],
                themes: vec![ThemeDto {
                    terms: vec!["搬家".into(), "bill".into()],
                    count: 3,
                    detractors: 2,
                    promoters: 1,
                    quotes: vec![text.into()],
                }],
                trend: vec![TrendDto {
                    period: "2026-Q1".into(),
                    mean: 6.0,
                    responses: 12,
                }],
                notes: text.into(),
                order: Some(-3),
                ..Default::default()
            }],
            handoffs: vec![HandoffDto {
                from: "t".into(),
                to: "t".into(),
                label: text.into(),
                wait_hours: Some(48.0),
                wait_hours_p90: Some(1e-300),
                wait_source: source(SourceKind::Log),
                volume: Some(7),
                volume_source: None,
                failure_rate: Some(0.05),
                notes: text.into(),
            }],
            notes: vec![
                NoteDto {
                    id: "n1".into(),
                    text: text.into(),
                    author: "A".into(),
                    color: "#fff".into(),
                    on: AnchorDto::Handoff("t".into(), "t".into()),
                },
                NoteDto {
                    id: "n2".into(),
                    on: AnchorDto::Touchpoint("t".into()),
                    ..Default::default()
                },
                NoteDto {
                    id: "n3".into(),
                    on: AnchorDto::Cell("s".into(), "d".into()),
                    ..Default::default()
                },
            ],
            actions: vec![ActionDto {
                id: "a".into(),
                what: text.into(),
                owner: "d".into(),
                due: "2027-01-01".into(),
                status: crate::model::ActionStatus::default(),
                on: AnchorDto::Journey,
            }],
            scenarios: vec![ScenarioDto {
                name: "to-be".into(),
                changes: vec![
                    ChangeDto::AddScore {
                        touchpoint: "t".into(),
                        points: 1.5,
                    },
                    ChangeDto::CutWait {
                        from: "t".into(),
                        to: "t".into(),
                        percent: 50.0,
                    },
                    ChangeDto::Merge {
                        into: "t".into(),
                        from: "t".into(),
                    },
                ],
            }],
            drivers: Some(KeyDriversDto {
                source: "survey.csv".into(),
                column: "overall".into(),
                respondents: 1200,
                r2: 0.61,
                touchpoints: vec![DriverDto {
                    touchpoint: "t".into(),
                    importance: 0.3,
                    mean: 6.1,
                    coefficient: -0.02,
                }],
            }),
            ..Default::default()
        }
    }

    #[test]
    fn reads_every_sample_and_generated_journey_as_ron_does() {
        for (name, text) in crate::samples::SAMPLES {
            assert!(fast(text).is_some(), "{name}");
            same(text);
        }
        for (n, seed) in [(1, 1), (30, 3), (200, 7), (1000, 1)] {
            same(&crate::io::to_ron_string(&crate::generate::generate(
                n, seed,
            )));
        }
    }

    #[test]
    fn reads_every_part_of_the_format_pretty_and_compact() {
        let dto = everything();
        let pretty = ron::ser::PrettyConfig::new()
            .indentor("    ")
            .new_line("\n")
            .depth_limit(4)
            .struct_names(false);
        for text in [
            ron::ser::to_string_pretty(&dto, pretty).unwrap(),
            ron::ser::to_string_pretty(&dto, ron::ser::PrettyConfig::new()).unwrap(),
            ron::to_string(&dto).unwrap(),
        ] {
            same(&text);
            assert_eq!(fast(&text).unwrap(), dto);
        }
    }

    #[test]
    fn reads_what_people_write_by_hand_as_ron_does() {
        for text in [
            // Comments, no trailing commas, implicit `Some`, an empty struct, `-0`.
            "// a journey\n(title: \"x\", // the title\n touchpoints: [(id: \"t\", name: \"n\", stage: \"s\", \
             scores: (mean: -0, histogram: [1,2])) ] )\n// end",
            "(title: \"x\", notes: [(id: \"n\", text: \"\", on: Touchpoint(\"t\")), (id: \"m\", text: \"\", on: Journey,)],)",
            "(title: \"x\", scenarios: [(name: \"a\", changes: [RemoveHandoff(from: \"a\", to: \"b\",)])])",
            "(title: \"x\", drivers: None, outcomes: [], handoffs: [(from: \"a\", to: \"b\", wait_hours: 1E3)])",
            "(title: \"x\", touchpoints: [(id: \"t\", name: \"\", order: Some(-0), volume: Some( 12 ))])",
            "(title: \"\")",
            "\r\n(\ttitle\t:\t\"t\"\r\n)\r\n",
        ] {
            same(text);
        }
    }

    #[test]
    fn hands_everything_else_to_ron() {
        // A file the fast path reads, with one part replaced at a time.
        let file = |title: &str, volume: &str, value: &str, on: &str| {
            format!(
                "(title: {title}, touchpoints: [(id: \"t\", name: \"n\", volume: {volume})], \
                 outcomes: [(name: \"o\", value: {value}, unit: \"\")], \
                 notes: [(id: \"n\", text: \"\", on: {on})])"
            )
        };
        let plain = file("\"x\"", "1000", "1.5", "Touchpoint(\"t\")");
        same(&plain);
        let mut cases = vec![
            format!("#![enable(implicit_some)]\n{plain}"),
            format!("FileDto{plain}"),
            format!("/* block */ {plain}"),
            format!("{plain} (title: \"y\")"),
            format!("{plain}\u{a0}"),
            plain.replace("(title", "(r#title"),
            plain.replace("(title", "(\u{a0}title"),
            plain.replace("(title: \"x\",", "(title \"x\","),
            plain.replace("(title: \"x\",", "(title: \"x\",,"),
            plain.replace("(title: \"x\",", "(title: \"x\", unknown: 1,"),
            plain.replace("(title: \"x\",", "(title: \"x\", title: \"y\","),
            plain.trim_end_matches(')').to_owned(),
            String::new(),
        ];
        for title in [
            "r\"x\"",
            "r#\"x\"#",
            "b\"x\"",
            "\"\\u{41}\"",
            "\"\\'\"",
            "\"\\0\"",
            "\"two\nlines\"",
            "\"tab\tin\"",
        ] {
            cases.push(file(title, "1000", "1.5", "Journey"));
        }
        for volume in [
            "1_000",
            "0x10",
            "+1",
            "01",
            "1.0",
            "1e3",
            "-1",
            "18446744073709551616",
        ] {
            cases.push(file("\"x\"", volume, "1.5", "Journey"));
        }
        for value in [
            "NaN", "inf", "-inf", "1.", ".5", "1f64", "1_0.5", "+1.5", "1.5.5",
        ] {
            cases.push(file("\"x\"", "1", value, "Journey"));
        }
        for on in [
            "Journey()",
            "Touchpoint(\"t\",)",
            "Handoff((\"a\", \"b\"))",
            "Cell",
        ] {
            cases.push(file("\"x\"", "1", "1.5", on));
        }
        let mut read_by_ron = 0;
        for text in &cases {
            gives_up(text);
            read_by_ron += usize::from(ron(text).is_ok());
        }
        // Most of them are valid RON: the fast path is narrower than `ron`, not wrong.
        assert!(read_by_ron >= 20, "{read_by_ron}");
        // Nesting deeper than the limit (the file cannot say more through these
        // types, but the reader counts anyway).
        assert_eq!(from_str::<Vec<Vec<Vec<u8>>>>("[[[1]]]", 2), None);
        assert_eq!(
            from_str::<Vec<Vec<Vec<u8>>>>("[[[1]]]", 3),
            Some(vec![vec![vec![1]]])
        );
    }

    #[derive(Clone, Debug)]
    enum Mutation {
        Flip(usize, u8),
        Delete(usize, usize),
        Insert(usize, &'static str),
    }

    fn apply(text: &str, m: &Mutation) -> Option<String> {
        let mut b = text.as_bytes().to_vec();
        match *m {
            Mutation::Flip(i, v) => {
                let n = b.len();
                *b.get_mut(i % n)? = v;
            }
            Mutation::Delete(i, n) => {
                let i = i % b.len();
                b.drain(i..(i + n).min(b.len()));
            }
            Mutation::Insert(i, s) => {
                let i = i % (b.len() + 1);
                b.splice(i..i, s.bytes());
            }
        }
        String::from_utf8(b).ok()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]
        /// Whatever the fast path reads, `ron` reads, and to the same values: a
        /// damaged file is never read differently, only handed on.
        #[test]
        fn never_reads_a_damaged_file_differently_from_ron(
            which in 0..6usize,
            m in prop_oneof![
                (any::<usize>(), any::<u8>()).prop_map(|(i, v)| Mutation::Flip(i, v)),
                (any::<usize>(), 1..40usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
                (any::<usize>(), prop::sample::select(vec![
                    ",", ")", "(", "]", "[", "\"", "\\", "Some(", "None", "-", ".5", "e3", "_",
                    "0", "// c\n", "/*", "r#", ":", " ", "\n", "x", "Journey", "1e309",
                ])).prop_map(|(i, s)| Mutation::Insert(i, s)),
            ],
        ) {
            let base = match which {
                0..5 => crate::samples::SAMPLES[which].1.to_owned(),
                _ => ron::ser::to_string_pretty(&everything(), Default::default()).unwrap(),
            };
            if let Some(text) = apply(&base, &m)
                && let Some(by_fast) = fast(&text)
            {
                match ron(&text) {
                    Ok(by_ron) => prop_assert_eq!(by_fast, by_ron),
                    Err(e) => prop_assert!(false, "ron refuses what the fast path read: {e}"),
                }
            }
        }
    }
}
