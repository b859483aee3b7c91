use super::*;

fn zh() -> Lang {
    Lang::parse("zh-CN").expect("zh-CN is embedded")
}

#[test]
fn english_by_default_on_every_thread() {
    assert_eq!(current(), Lang::english());
    set_current(&zh());
    assert_eq!(current(), zh());
    let other =
        std::thread::spawn(|| (current(), tr_args("n-touchpoints", &[("count", 2.into())])))
            .join()
            .expect("thread");
    assert_eq!(other.0, Lang::english());
    assert_eq!(other.1, "2 touchpoints");
    set_current(&Lang::english());
}

#[test]
fn plurals_and_variables_come_from_fluent() {
    with_lang(&Lang::english(), || {
        assert_eq!(tr!("n-touchpoints", count = 1usize), "1 touchpoint");
        assert_eq!(tr!("n-touchpoints", count = 19usize), "19 touchpoints");
        assert_eq!(tr!("n-handoffs", count = 1i64), "1 handoff");
    });
    with_lang(&zh(), || {
        assert_eq!(tr!("n-touchpoints", count = 19usize), "19 个触点");
        assert_eq!(tr!("language-name"), "简体中文");
    });
    // No bidi isolation marks around variables.
    assert!(!tr!("n-touchpoints", count = 3usize).contains('\u{2068}'));
}

#[test]
fn missing_message_falls_back_to_english_then_the_id() {
    with_lang(&zh(), || {
        assert_eq!(tr("no-such-message-anywhere"), "no-such-message-anywhere");
    });
    let cat = Catalog::build(&[
        ("en", &[("core.ftl", "only-en = Only English\n")]),
        ("zh-CN", &[("core.ftl", "\n")]),
    ]);
    let zi = cat.index_of("zh-CN").expect("zh");
    assert_eq!(cat.format(zi, "only-en", &[]), None);
    assert_eq!(
        cat.format(0, "only-en", &[]).as_deref(),
        Some("Only English")
    );
    assert_eq!(cat.missing(), vec!["zh-CN lacks only-en".to_owned()]);
}

#[test]
fn malformed_file_keeps_what_parsed_and_warns() {
    let cat = Catalog::build(&[
        ("en", &[("ui.ftl", "menu-file = File\nmenu-edit = Edit\n")]),
        (
            "zh-CN",
            &[(
                "ui.ftl",
                "menu-file = 文件\nmenu-edit = { 编辑\n   ]]] broken\n",
            )],
        ),
    ]);
    let warnings = cat.warnings();
    assert!(!warnings.is_empty(), "a warning for the broken file");
    assert!(
        warnings[0].starts_with("i18n/zh-CN/ui.ftl:2:"),
        "{:?}",
        warnings
    );
    let zi = cat.index_of("zh-CN").expect("zh");
    assert_eq!(cat.format(zi, "menu-file", &[]).as_deref(), Some("文件"));
    // The broken message is not in zh-CN: the lookup falls back to English.
    assert_eq!(cat.format(zi, "menu-edit", &[]), None);
    assert_eq!(cat.format(0, "menu-edit", &[]).as_deref(), Some("Edit"));
    // A file that is nothing but junk: no crash, no messages, a warning.
    let cat = Catalog::build(&[
        ("en", &[("a.ftl", "menu = A\n")]),
        ("de", &[("a.ftl", "{{{{ \u{0} ]]")]),
    ]);
    assert!(!cat.warnings().is_empty());
    assert_eq!(
        cat.format(cat.index_of("de").expect("de"), "menu", &[]),
        None
    );
}

#[test]
fn parse_accepts_system_spellings() {
    for s in [
        "zh",
        "zh-CN",
        "zh_CN.UTF-8",
        "zh_CN",
        "zh-Hans",
        "zh-Hans-CN",
        "ZH-cn",
        "zh_TW.UTF-8",
    ] {
        assert_eq!(Lang::parse(s), Some(zh()), "{s}");
    }
    for s in ["en", "en_US.UTF-8", "en-GB", "en_US@euro", "EN"] {
        assert_eq!(Lang::parse(s), Some(Lang::english()), "{s}");
    }
    for s in ["", "C", "POSIX", "C.UTF-8", "xx-YY", "not a locale"] {
        assert_eq!(Lang::parse(s), None, "{s}");
    }
}

#[test]
fn available_and_native_names() {
    let langs = available();
    assert_eq!(langs.first(), Some(&Lang::english()));
    assert!(langs.contains(&zh()));
    assert!(!langs.contains(&Lang::pseudo()));
    assert_eq!(Lang::english().native_name(), "English");
    assert_eq!(zh().native_name(), "简体中文");
}

#[test]
fn serde_uses_the_tag() {
    assert_eq!(serde_json::to_string(&zh()).expect("json"), "\"zh-CN\"");
    let back: Lang = serde_json::from_str("\"zh-CN\"").expect("json");
    assert_eq!(back, zh());
    assert!(serde_json::from_str::<Lang>("\"xx\"").is_err());
}

#[test]
fn pseudo_locale_marks_every_message() {
    with_lang(&Lang::pseudo(), || {
        let t = tr!("n-touchpoints", count = 2usize);
        assert_eq!(t, "［2 tóúçhpóíñts］");
    });
}

#[test]
fn every_language_has_every_message() {
    let problems = completeness_problems();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Message ids built at run time (`format!("channel-{}", ..)`): a message whose id
/// starts with one of these prefixes (and ends with the suffix) counts as used. Each
/// prefix must still be built somewhere in src/ (`format!("PREFIX{`), so the list
/// cannot outlive the code that needs it.
const DYNAMIC_IDS: &[(&str, &str)] = &[
    ("channel-", ""),
    ("layer-", ""),
    ("figure-", ""),
    ("doc-status-", ""),
    ("map-layer-", ""),
    ("map-badge-", "-meaning"),
    ("gesture-", "-keys"),
    ("gesture-", "-what"),
    ("field-", ""),
    ("colour-", ""),
    ("imp-col-", ""),
];

/// Every string literal of every `.rs` file under `dir` that could be a message
/// id (lower-case letter first, then letters, digits and `-`).
fn literal_ids(dir: &std::path::Path, out: &mut BTreeSet<String>, code: &mut String) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            literal_ids(&path, out, code);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for piece in text.split('"') {
                let id_like = piece.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                    && piece.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
                if id_like {
                    out.insert(piece.to_owned());
                }
            }
            code.push_str(&text);
        }
    }
}

#[test]
fn every_message_is_used_in_src() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut used = BTreeSet::new();
    let mut code = String::new();
    literal_ids(&src, &mut used, &mut code);
    for (prefix, _) in DYNAMIC_IDS {
        assert!(
            code.contains(&format!("format!(\"{prefix}{{")),
            "no format!(\"{prefix}{{..}}\") left in src/: drop it from DYNAMIC_IDS"
        );
    }
    let unused: Vec<String> = message_ids(&Lang::english())
        .into_iter()
        .filter(|id| {
            !used.contains(id)
                && !DYNAMIC_IDS.iter().any(|(p, s)| {
                    id.starts_with(p) && id.ends_with(s) && id.len() > p.len() + s.len()
                })
        })
        .collect();
    assert!(
        unused.is_empty(),
        "messages defined in i18n/en but never used in src/ (remove them or use them):\n{}",
        unused.join("\n")
    );
}

/// `one_decimal`'s integer printing gives what `format!` gives (issue 16 made it fast).
#[test]
fn one_decimal_prints_as_format_does() {
    let slow = |v: f64| {
        let r = (v * 10.0).round() / 10.0;
        if r == r.trunc() {
            format!("{:.0}", r)
        } else {
            format!("{r:.1}")
        }
    };
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut values = vec![
        0.0,
        -0.0,
        0.04,
        -0.04,
        0.05,
        -0.05,
        0.25,
        2.25,
        2.35,
        1e12 + 0.15,
        9.99e12,
        1e13,
        -1e13,
        1e14,
        1e300,
        -1e300,
        0.95,
        9.95,
        99.95,
        47.96,
        1.0 / 3.0,
    ];
    for _ in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let unit = (seed >> 11) as f64 / (1u64 << 53) as f64;
        let scale = 10f64.powi((seed % 16) as i32 - 2);
        values.push((unit - 0.3) * scale);
    }
    for v in values {
        assert_eq!(format::one_decimal(v), slow(v), "{v:e}");
    }
}

/// Start-up (issue 16): English text is formatted without parsing the other languages'
/// files; a language is parsed when it is first used.
#[test]
fn a_language_is_parsed_when_first_used() {
    let cat = Catalog::build(files::FILES);
    let built = |cat: &Catalog| {
        cat.slots
            .iter()
            .filter(|s| s.entry.get().is_some())
            .map(|s| s.tag)
            .collect::<Vec<_>>()
    };
    assert!(built(&cat).is_empty());
    assert!(cat.index_of("zh-CN").is_some());
    assert!(cat.format(0, "language-name", &[]).is_some());
    assert_eq!(built(&cat), vec![ENGLISH]);
    let zi = cat.index_of("zh-CN").expect("zh");
    assert_eq!(
        cat.format(zi, "language-name", &[]).as_deref(),
        Some("简体中文")
    );
    assert_eq!(built(&cat), vec![ENGLISH, "zh-CN"]);
}

/// Plain messages (text and variables only) are formatted without Fluent's resolver
/// (issue 16): every one of every language comes out as Fluent writes it, with
/// strings, whole numbers and fractions; a name given twice takes its last value; a
/// missing variable is left to Fluent (`{$name}`).
#[test]
fn plain_messages_come_out_as_fluent_writes_them() {
    let cat = catalog();
    let mut checked = 0;
    for i in 0..cat.slots.len() {
        let Some(e) = cat.entry_at(i) else {
            continue;
        };
        let tag = cat.slots[i].tag;
        for id in e.ids() {
            let Some(pieces) = e.plain(id) else {
                continue;
            };
            let vars: Vec<&str> = pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Var(v) => Some(&**v),
                    Piece::Text(_) => None,
                })
                .collect();
            let values = [
                Arg::Str("Billing <&> 账单 {x}".into()),
                Arg::Int(1_234_567),
                Arg::Int(-3),
                Arg::Float(0.1 + 0.2),
                Arg::Float(2.0),
                Arg::Float(1e21),
                Arg::Float(f64::NAN),
            ];
            for value in values {
                let args: Vec<(&str, Arg)> = vars.iter().map(|v| (*v, value.clone())).collect();
                let fast = cat.format(i, id, &args);
                assert_eq!(fast, cat.format_by_fluent(i, id, &args), "{tag} {id}");
                assert!(fast.is_some());
                checked += 1;
            }
            if let Some(v) = vars.first() {
                let twice = [(*v, Arg::from("first")), (*v, Arg::from("last"))];
                assert_eq!(
                    cat.format(i, id, &twice),
                    cat.format_by_fluent(i, id, &twice)
                );
                let none = cat.format(i, id, &[]);
                assert_eq!(none, cat.format_by_fluent(i, id, &[]), "{id}");
                assert!(
                    none.is_some_and(|t| t.contains(&format!("{{${v}}}"))),
                    "{id}"
                );
            }
        }
    }
    let english = cat.entry_at(0).expect("English");
    assert!(english.plain("gap-cross-department").is_some());
    assert!(
        english.plain("gap-list-sep").is_some(),
        "a string literal is plain"
    );
    assert!(
        english.plain("n-touchpoints").is_none(),
        "a plural is Fluent's"
    );
    assert!(english.plain("no-such-message").is_none());
    let pseudo = cat.index_of(PSEUDO).and_then(|i| cat.entry_at(i));
    assert!(
        pseudo.is_some_and(|e| e.plain("gap-cross-department").is_none()),
        "Fluent transforms its text"
    );
    assert!(checked > 1_000, "{checked}");
}

/// A language's files are read one by one, when a message of theirs is first needed:
/// the first file defining a message is used (with a warning for the others), and
/// `definitions` finds exactly the messages Fluent reads in every embedded file.
#[test]
fn files_are_read_when_their_messages_are_needed() {
    let cat = Catalog::build(&[(
        "en",
        &[
            ("a.ftl", "# c\none = One\n-term = T\ntwo =\n    Two\n"),
            (
                "b.ftl",
                "three = { $n ->\n    [one] a\n   *[other] b\n}\none = Again\n",
            ),
            ("c.ftl", "four = Four\n"),
        ],
    )]);
    let e = cat.entry_at(0).expect("en");
    assert!(
        e.parts.iter().all(|p| p.get().is_none()),
        "nothing read yet"
    );
    assert_eq!(cat.format(0, "four", &[]).as_deref(), Some("Four"));
    let read = |e: &Entry| {
        e.parts
            .iter()
            .map(|p| p.get().is_some())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        read(e),
        [false, false, false],
        "a plain message on one line is formatted from its line"
    );
    assert_eq!(
        cat.format(0, "one", &[]).as_deref(),
        Some("One"),
        "the first file's"
    );
    assert_eq!(read(e), [false, false, false]);
    assert_eq!(cat.format(0, "two", &[]).as_deref(), Some("Two"));
    assert_eq!(
        read(e),
        [true, false, false],
        "a message on two lines is read by Fluent"
    );
    let three = |n: usize| cat.format(0, "three", &[("n", n.into())]);
    assert_eq!(three(1).as_deref(), Some("a"));
    assert_eq!(three(5).as_deref(), Some("b"));
    assert_eq!(cat.format(0, "term", &[]), None, "a term is no message");
    let warnings = cat.warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("i18n/en/b.ftl: message \"one\""),
        "{warnings:?}"
    );
    // The scan finds what Fluent parses, in every embedded file.
    for (tag, files) in files::FILES {
        for (name, text) in *files {
            let scanned: BTreeSet<&str> = definitions(text).map(|(id, _)| id).collect();
            let res = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
            let parsed: BTreeSet<&str> = res
                .entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name),
                    _ => None,
                })
                .collect();
            assert_eq!(scanned, parsed, "{tag}/{name}");
        }
    }
}

/// Each file has its own bundle, so no message may reach into another file: none
/// references a message or a term, in any language.
#[test]
fn no_message_references_another() {
    use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
    fn refs(p: &Pattern<&str>) -> usize {
        p.elements
            .iter()
            .map(|e| match e {
                PatternElement::Placeable { expression } => match expression {
                    Expression::Inline(i) => inline(i),
                    Expression::Select { selector, variants } => {
                        inline(selector) + variants.iter().map(|v| refs(&v.value)).sum::<usize>()
                    }
                },
                PatternElement::TextElement { .. } => 0,
            })
            .sum()
    }
    fn inline(i: &InlineExpression<&str>) -> usize {
        match i {
            InlineExpression::MessageReference { .. } | InlineExpression::TermReference { .. } => 1,
            InlineExpression::Placeable { expression } => match &**expression {
                Expression::Inline(i) => inline(i),
                Expression::Select { .. } => 1,
            },
            _ => 0,
        }
    }
    for (tag, files) in files::FILES {
        for (name, text) in *files {
            let res = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
            for e in res.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = e {
                    let n = m.value.as_ref().map_or(0, refs)
                        + m.attributes.iter().map(|a| refs(&a.value)).sum::<usize>();
                    assert_eq!(n, 0, "{tag}/{name}: {}", m.id.name);
                }
            }
        }
    }
}

/// A plain message standing on one line is formatted from the line, without Fluent
/// reading its file: the pieces read from the line are those Fluent parses, for every
/// message of every language (and almost all are read so).
#[test]
fn one_line_messages_read_as_fluent_parses_them() {
    fn merged(pieces: &[Piece]) -> Vec<Piece> {
        let mut out: Vec<Piece> = Vec::new();
        for p in pieces {
            match (out.last_mut(), p) {
                (Some(Piece::Text(a)), Piece::Text(b)) => *a = format!("{a}{b}").into(),
                _ => out.push(p.clone()),
            }
        }
        out
    }
    let cat = Catalog::build(files::FILES);
    for i in 0..cat.slots.len() {
        let e = cat.entry_at(i).expect("language");
        if e.pseudo {
            continue;
        }
        let mut from_lines = 0;
        for (id, value) in &e.one_line {
            let Some(pieces) = line_pieces(value) else {
                continue;
            };
            from_lines += 1;
            let parsed = e
                .message(id)
                .and_then(|(_, m)| m.value())
                .and_then(plain_pieces)
                .unwrap_or_else(|| panic!("{}: {id} is not plain for Fluent", e.tag));
            assert_eq!(merged(&pieces), merged(&parsed), "{}: {id}", e.tag);
        }
        assert!(
            from_lines * 10 >= e.index.len() * 9,
            "{}: {from_lines} of {} messages read from their lines",
            e.tag,
            e.index.len()
        );
    }
    // What the line reader leaves to Fluent.
    for value in [
        "",
        "{ $n ->",
        "{ NUMBER($n) }",
        "{ -term }",
        "{ other-message }",
        "a } b",
        "a { $n",
        "{ \"a\\u0041\" }",
        "trailing ",
        "[not] text",
        "{ $1 }",
    ] {
        assert_eq!(line_pieces(value), None, "{value:?}");
    }
    assert_eq!(
        line_pieces("  a {$x}{ \"{\" } b"),
        Some(vec![
            Piece::Text("a ".into()),
            Piece::Var("x".into()),
            Piece::Text("{".into()),
            Piece::Text(" b".into()),
        ])
    );
}
