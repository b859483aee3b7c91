//! Same SVG, same PDF bytes: svg2pdf writes its font objects and the entries of its
//! resource dictionaries in hash-map order, which changes from run to run. This
//! module rewrites one svg2pdf chunk canonically: resource dictionary entries sorted
//! by name, objects numbered and written in breadth-first order from the root XObject,
//! references followed in the order they appear. Streams are copied byte for byte.
//!
//! If the chunk does not have the shape pdf-writer writes (it always has), it is
//! returned unchanged: never worse than before.

use pdf_writer::{Chunk, Ref};
use std::collections::{BTreeMap, VecDeque};

/// Resource sub-dictionaries whose entries are written in hash-map order.
const RESOURCE_KEYS: [&[u8]; 6] = [
    b"/Font <<\n",
    b"/XObject <<\n",
    b"/ExtGState <<\n",
    b"/Pattern <<\n",
    b"/Shading <<\n",
    b"/ColorSpace <<\n",
];

/// Raw object bytes written as they are.
struct Raw(Vec<u8>);

impl pdf_writer::Primitive for Raw {
    fn write(self, buf: &mut Vec<u8>) {
        buf.extend_from_slice(&self.0);
    }
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > hay.len() {
        return None;
    }
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Every object of the chunk as (id, body between `obj\n` and `\nendobj`).
fn split(chunk: &Chunk) -> Option<Vec<(Ref, Vec<u8>)>> {
    let bytes = chunk.as_bytes();
    let ids: Vec<Ref> = chunk.refs().collect();
    let mut out = Vec::with_capacity(ids.len());
    let mut start = 0usize;
    for (i, id) in ids.iter().enumerate() {
        let header = format!("{} 0 obj\n", id.get());
        if bytes.get(start..start + header.len())? != header.as_bytes() {
            return None;
        }
        let body_start = start + header.len();
        let end = match ids.get(i + 1) {
            Some(next) => {
                let needle = format!("\nendobj\n\n{} 0 obj\n", next.get());
                let p = find(bytes, needle.as_bytes(), body_start)?;
                start = p + "\nendobj\n\n".len();
                p
            }
            None => {
                let tail = b"\nendobj\n\n";
                if !bytes.ends_with(tail) {
                    return None;
                }
                bytes.len() - tail.len()
            }
        };
        out.push((*id, bytes.get(body_start..end)?.to_vec()));
    }
    Some(out)
}

/// The dictionary part of an object (before its stream data, if any).
fn dict_len(body: &[u8]) -> usize {
    find(body, b"\nstream\n", 0).unwrap_or(body.len())
}

/// Sort the entry lines of the resource sub-dictionaries in `dict`.
fn sort_resources(dict: &mut Vec<u8>) {
    for key in RESOURCE_KEYS {
        let mut from = 0;
        while let Some(p) = find(dict, key, from) {
            let first = p + key.len();
            // Entry lines up to the line that closes the dictionary.
            let mut lines: Vec<Vec<u8>> = Vec::new();
            let mut at = first;
            let mut closed = false;
            while let Some(nl) = find(dict, b"\n", at) {
                let line = dict.get(at..nl).unwrap_or_default();
                if line.iter().all(|b| *b == b' ') {
                    break;
                }
                if line.trim_ascii() == b">>" {
                    closed = true;
                    break;
                }
                lines.push(line.to_vec());
                at = nl + 1;
            }
            if closed && lines.iter().all(|l| !l.contains(&b'<')) {
                lines.sort();
                let joined: Vec<u8> = lines.join(&b'\n');
                dict.splice(first..first + joined.len(), joined);
            }
            from = first;
        }
    }
}

/// The `N 0 R` references in `dict`, in order: (start, end, id).
fn references(dict: &[u8]) -> Vec<(usize, usize, i32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < dict.len() {
        let starts_number = dict.get(i).is_some_and(u8::is_ascii_digit)
            && (i == 0 || dict.get(i - 1).is_some_and(|b| !b.is_ascii_alphanumeric()));
        if !starts_number {
            i += 1;
            continue;
        }
        let mut j = i;
        while dict.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        if dict.get(j..j + 4) == Some(b" 0 R")
            && dict.get(j + 4).is_none_or(|b| !b.is_ascii_alphanumeric())
            && let Some(n) = std::str::from_utf8(dict.get(i..j).unwrap_or_default())
                .ok()
                .and_then(|s| s.parse::<i32>().ok())
        {
            out.push((i, j + 4, n));
            i = j + 4;
        } else {
            i = j;
        }
    }
    out
}

/// Rewrite `chunk` (with root object `root`) canonically; returns the new chunk and
/// the root's new ref. Unchanged when the chunk has an unexpected shape.
pub fn canonical_chunk(chunk: &Chunk, root: Ref) -> (Chunk, Ref) {
    match canonical(chunk, root) {
        Some(done) => done,
        None => (chunk.clone(), root),
    }
}

fn canonical(chunk: &Chunk, root: Ref) -> Option<(Chunk, Ref)> {
    let objects = split(chunk)?;
    let mut bodies: BTreeMap<i32, Vec<u8>> = BTreeMap::new();
    for (id, mut body) in objects {
        let n = dict_len(&body);
        let mut dict = body.get(..n)?.to_vec();
        sort_resources(&mut dict);
        dict.extend_from_slice(body.get(n..)?);
        body = dict;
        bodies.insert(id.get(), body);
    }
    // Breadth-first from the root: the new numbers.
    let mut order: Vec<i32> = Vec::with_capacity(bodies.len());
    let mut number: BTreeMap<i32, i32> = BTreeMap::new();
    let mut queue = VecDeque::from([root.get()]);
    number.insert(root.get(), 1);
    while let Some(id) = queue.pop_front() {
        order.push(id);
        let body = bodies.get(&id)?;
        for (_, _, r) in references(body.get(..dict_len(body))?) {
            if bodies.contains_key(&r) && !number.contains_key(&r) {
                let next = i32::try_from(number.len()).ok()? + 1;
                number.insert(r, next);
                queue.push_back(r);
            }
        }
    }
    // Objects nobody references (svg2pdf writes none) keep their relative order.
    for id in bodies.keys() {
        if !number.contains_key(id) {
            let next = i32::try_from(number.len()).ok()? + 1;
            number.insert(*id, next);
            order.push(*id);
        }
    }
    let mut out = Chunk::new();
    for id in order {
        let body = bodies.get(&id)?;
        let n = dict_len(body);
        let mut patched = Vec::with_capacity(body.len());
        let mut last = 0;
        for (s, e, r) in references(body.get(..n)?) {
            patched.extend_from_slice(body.get(last..s)?);
            match number.get(&r) {
                Some(new) => patched.extend_from_slice(format!("{new} 0 R").as_bytes()),
                None => patched.extend_from_slice(body.get(s..e)?),
            }
            last = e;
        }
        patched.extend_from_slice(body.get(last..)?);
        out.indirect(Ref::new(*number.get(&id)?))
            .primitive(Raw(patched));
    }
    Some((out, Ref::new(1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_writer::{Finish, Name};

    #[test]
    fn references_are_found_in_order() {
        let r = references(b"<< /a 12 0 R /b [/ICCBased 3 0 R] /c 10 /d 4 0 Rx >>");
        let ids: Vec<i32> = r.iter().map(|x| x.2).collect();
        assert_eq!(ids, vec![12, 3]);
    }

    #[test]
    fn resources_are_sorted_and_objects_renumbered_breadth_first() {
        // Two chunks with the same content written in different orders.
        let make = |swap: bool| {
            let mut c = Chunk::new();
            let (root, a, b) = (Ref::new(5), Ref::new(7), Ref::new(6));
            let mut x = c.form_xobject(root, b"q Q");
            let mut res = x.resources();
            let mut fonts = res.fonts();
            if swap {
                fonts.pair(Name(b"f1"), b).pair(Name(b"f0"), a);
            } else {
                fonts.pair(Name(b"f0"), a).pair(Name(b"f1"), b);
            }
            fonts.finish();
            res.finish();
            x.finish();
            let order = if swap { [b, a] } else { [a, b] };
            for r in order {
                c.type1_font(r)
                    .base_font(Name(if r == a { b"Helvetica" } else { b"Courier" }));
            }
            (c, root)
        };
        let (c1, r1) = make(false);
        let (c2, r2) = make(true);
        assert_ne!(c1.as_bytes(), c2.as_bytes());
        let (k1, n1) = canonical_chunk(&c1, r1);
        let (k2, n2) = canonical_chunk(&c2, r2);
        assert_eq!(k1.as_bytes(), k2.as_bytes());
        assert_eq!((n1, n2), (Ref::new(1), Ref::new(1)));
        let text = String::from_utf8_lossy(k1.as_bytes());
        assert!(text.contains("/f0 2 0 R"), "{text}");
        assert!(text.contains("/f1 3 0 R"), "{text}");
        assert!(text.contains("2 0 obj\n<<\n  /Type /Font"), "{text}");
    }
}
