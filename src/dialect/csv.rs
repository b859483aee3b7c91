//! The CSV table dialect that `export::csv` writes and `import::csv` reads, in one place
//! so that an exported table imports back: metric columns (`metric:NAME [UNIT]
//! target<=X`) and their directives, numbers (decimal point or comma), and the
//! anti-formula prefix (`'` before `= + - @`, tab, CR or `'`) that the export adds so
//! spreadsheets do not run text as a formula and the import strips.

use crate::model::Better;
use crate::tr;

/// The header of a metric column: `metric:NAME [UNIT] target<=X`.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricColumn {
    pub name: String,
    pub unit: String,
    pub target: Option<f64>,
    pub better: Better,
}

/// A metric's target and direction, as written after a metric header or value.
pub type Directive = (Option<f64>, Better);

/// Split a trailing directive off a text: `target<=X`, `target>=X` (also `<`, `>`, `≤`,
/// `≥`), `(lower is better)` or `(higher is better)`. Returns the rest (trimmed) and the
/// directive, if any; an error when `target<=` is not followed by a number.
pub fn split_directive(text: &str) -> Result<(&str, Option<Directive>), String> {
    let rest = text.trim();
    // ASCII lower-casing keeps byte positions, so they index `rest` too.
    let lower = rest.to_ascii_lowercase();
    for (marker, better) in [
        ("(lower is better)", Better::Lower),
        ("(higher is better)", Better::Higher),
    ] {
        if lower.ends_with(marker) {
            let head = rest.get(..rest.len() - marker.len()).unwrap_or_default();
            return Ok((head.trim_end(), Some((None, better))));
        }
    }
    if let Some(pos) = lower.rfind("target") {
        let tail = rest.get(pos + "target".len()..).unwrap_or_default().trim();
        let ops: [(&str, Better); 6] = [
            ("<=", Better::Lower),
            (">=", Better::Higher),
            ("≤", Better::Lower),
            ("≥", Better::Higher),
            ("<", Better::Lower),
            (">", Better::Higher),
        ];
        if let Some((op, dir)) = ops.iter().find(|(op, _)| tail.starts_with(op)) {
            let number = tail.get(op.len()..).unwrap_or_default().trim();
            let value = parse_number(number)
                .ok_or_else(|| tr!("imp-target-not-number", value = q(number)))?;
            let head = rest.get(..pos).unwrap_or_default();
            return Ok((head.trim_end(), Some((Some(value), *dir))));
        }
    }
    Ok((rest, None))
}

/// The text of a directive. `explicit` also writes the default "higher is better, no
/// target" (needed in a cell that overrides its column).
pub fn directive_text(target: Option<f64>, better: Better, explicit: bool) -> String {
    match (target, better) {
        (Some(t), Better::Lower) => format!("target<={t}"),
        (Some(t), Better::Higher) => format!("target>={t}"),
        (None, Better::Lower) => "(lower is better)".to_owned(),
        (None, Better::Higher) if explicit => "(higher is better)".to_owned(),
        (None, Better::Higher) => String::new(),
    }
}

/// A metric cell: a number, optionally followed by its own directive when it differs
/// from the column's (`24.1 target<=23`).
pub fn parse_metric_cell(text: &str) -> Option<(f64, Option<Directive>)> {
    if let Some(v) = parse_number(text) {
        return Some((v, None));
    }
    let (head, directive) = split_directive(text).ok()?;
    let directive = directive?;
    Some((parse_number(head)?, Some(directive)))
}

impl MetricColumn {
    /// Parse the part after `metric:`. Grammar: `NAME [UNIT]? DIRECTIVE?` (see
    /// [`split_directive`]); without a directive, higher is better and there is no target.
    pub fn parse(spec: &str) -> Result<MetricColumn, String> {
        let (mut rest, directive) = split_directive(spec)?;
        let (target, better) = directive.unwrap_or((None, Better::Higher));
        let mut unit = String::new();
        if rest.ends_with(']')
            && let Some(open) = rest.rfind('[')
        {
            unit = rest
                .get(open + 1..rest.len() - 1)
                .unwrap_or_default()
                .trim()
                .to_owned();
            rest = rest.get(..open).unwrap_or_default().trim_end();
        }
        if rest.is_empty() {
            return Err(crate::i18n::tr("imp-metric-needs-name"));
        }
        Ok(MetricColumn {
            name: rest.to_owned(),
            unit,
            target,
            better,
        })
    }

    /// The header text, `metric:NAME [UNIT] target<=X`, that [`MetricColumn::parse`] reads back
    /// to the same column.
    pub fn header(&self) -> String {
        let directive = match directive_text(self.target, self.better, false) {
            d if d.is_empty() => d,
            d => format!(" {d}"),
        };
        let plain = if self.unit.is_empty() {
            format!("metric:{}{directive}", self.name)
        } else {
            format!("metric:{} [{}]{directive}", self.name, self.unit)
        };
        let reads_back = plain
            .strip_prefix("metric:")
            .and_then(|s| MetricColumn::parse(s).ok())
            .is_some_and(|m| m.same_as(self));
        if reads_back {
            plain
        } else {
            // e.g. a name ending in `]`, or one that ends like a directive: an explicit unit
            // bracket keeps the name whole.
            format!("metric:{} [{}]{directive}", self.name, self.unit)
        }
    }

    fn same_as(&self, other: &MetricColumn) -> bool {
        self.name == other.name
            && self.unit == other.unit
            && self.better == other.better
            && self.target.map(f64::to_bits) == other.target.map(f64::to_bits)
    }
}

/// Strip the anti-formula prefix: `'` followed by `= + - @`, tab, CR or `'`.
pub fn unprefix(cell: &str) -> &str {
    let mut chars = cell.chars();
    if chars.next() == Some('\'')
        && matches!(
            chars.next(),
            Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'')
        )
    {
        cell.get(1..).unwrap_or(cell)
    } else {
        cell
    }
}

/// A number: `7`, `7.5`, `-3`, `1e3`, or `7,5` (decimal comma). Finite only.
pub fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim();
    let v = match t.parse::<f64>() {
        Ok(v) => v,
        Err(_) if t.matches(',').count() == 1 && !t.contains('.') => {
            t.replace(',', ".").parse::<f64>().ok()?
        }
        Err(_) => return None,
    };
    v.is_finite().then_some(v)
}

/// Guard a text cell against formula injection (see the module docs).
pub fn guard(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next();
    let second = chars.next();
    let risky = matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r'))
        || (first == Some('\'')
            && matches!(second, Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'')));
    if risky {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The separator of a table without a `sep=` line: the most frequent of `,` `;` tab
/// outside quotes on its first line (ties: comma, then semicolon).
pub fn likeliest_separator(head: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &c in head {
        match c {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    seps[best]
}

/// A value from the input, quoted in a message.
fn q(s: &str) -> String {
    format!("{s:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_prefixes_formula_starts_and_is_undone_by_the_importer() {
        for (text, guarded) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-x", "'-x"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("''", "'''"),
            ("'a", "'a"),
            ("'", "'"),
            ("plain", "plain"),
            ("", ""),
        ] {
            assert_eq!(guard(text), guarded, "{text:?}");
            assert_eq!(unprefix(&guard(text)), text);
        }
    }
}
