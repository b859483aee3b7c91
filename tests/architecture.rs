//! The shape of the code, checked: a lower layer never names a higher one.
//!
//! Data flows one way: `model` -> `io`, `edit`/`history` -> `analysis` -> `layout` ->
//! `scene` -> `report` -> `export` and `ui`; `cli` on top (see ARCHITECTURE.md). This
//! test reads every library source file (comments and `#[cfg(test)]` modules left out)
//! and fails when a module names a module of a higher layer (`crate::ui` in `scene`,
//! say), when anything outside `ui` names egui or eframe, or anything outside `cli`
//! (and `main.rs`) names clap.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every top-level module of the library and its layer: a module may name modules of
/// its own layer or below, never above.
const LAYERS: &[(&str, u8)] = &[
    ("model", 0),
    ("i18n", 0),
    ("edit", 1),
    ("history", 1),
    ("io", 1),
    ("dialect", 1),
    ("generate", 1),
    ("samples", 1),
    ("progress", 1),
    ("exiting", 0),
    ("analysis", 2),
    ("layout", 3),
    ("scene", 4),
    ("report", 5),
    ("import", 5),
    ("evidence", 5),
    ("portfolio", 5),
    ("recovery", 5),
    ("workshop", 5),
    ("editing", 5),
    ("export", 6),
    ("ui", 7),
    ("cli", 8),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap_or_else(|e| panic!("{e}")).path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without comments and without its `#[cfg(test)]` modules (a
/// unit test may name anything) and without string literals' contents.
fn library_code(text: &str) -> String {
    let mut out = String::new();
    let mut skip_depth: Option<i32> = None;
    let mut depth = 0i32;
    let mut pending_test = false;
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let trimmed = code.trim();
        if skip_depth.is_none() && trimmed == "#[cfg(test)]" {
            pending_test = true;
            continue;
        }
        let opens = code.matches('{').count() as i32;
        let closes = code.matches('}').count() as i32;
        if pending_test {
            pending_test = false;
            if trimmed.starts_with("mod ") && trimmed.ends_with(';') {
                continue;
            }
            if trimmed.starts_with("mod ") || trimmed.starts_with("pub mod ") {
                skip_depth = Some(depth);
            }
        }
        depth += opens - closes;
        if let Some(d) = skip_depth {
            if depth <= d {
                skip_depth = None;
            }
            continue;
        }
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// The top-level crate modules a piece of code names: `crate::x`, `crate::{x, y}`.
fn named_modules(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().last();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `touchpoint_crate::`, not ours
        }
        if let Some(inner) = rest.strip_prefix('{') {
            // A group: every top-level name inside the braces.
            let mut level = 0;
            let mut item = String::new();
            for c in inner.chars() {
                match c {
                    '{' => level += 1,
                    '}' if level == 0 => break,
                    '}' => level -= 1,
                    _ => {}
                }
                if level == 0 && c == ',' {
                    names.push(first_ident(&item));
                    item.clear();
                } else {
                    item.push(c);
                }
            }
            names.push(first_ident(&item));
        } else {
            names.push(first_ident(rest));
        }
    }
    names.retain(|n| !n.is_empty() && n != "self");
    names
}

fn first_ident(s: &str) -> String {
    s.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

fn names_crate(code: &str, krate: &str) -> bool {
    code.match_indices(krate).any(|(i, _)| {
        let before = code[..i].chars().last();
        let after = code[i + krate.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && matches!(after, Some(':') | Some(';') | Some(','))
    })
}

fn sources() -> BTreeMap<String, (String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut out = BTreeMap::new();
    for f in files {
        let rel = f
            .strip_prefix(&root)
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        if rel.ends_with("/tests.rs") {
            continue; // a unit-test module of its own
        }
        let module = rel.split(['/', '.']).next().unwrap_or_default().to_owned();
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{rel}: {e}"));
        out.insert(rel, (module, library_code(&text)));
    }
    out
}

#[test]
fn every_module_has_a_layer() {
    for (file, (module, _)) in sources() {
        if matches!(module.as_str(), "lib" | "main") {
            continue;
        }
        assert!(
            layer(&module).is_some(),
            "src/{file}: module `{module}` has no layer in tests/architecture.rs (and ARCHITECTURE.md)"
        );
    }
}

#[test]
fn no_module_names_a_higher_layer() {
    let mut problems = Vec::new();
    for (file, (module, code)) in sources() {
        let Some(own) = layer(&module) else { continue };
        for named in named_modules(&code) {
            match layer(&named) {
                Some(l) if l > own => problems.push(format!(
                    "src/{file}: `{module}` (layer {own}) names `crate::{named}` (layer {l})"
                )),
                _ => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_named_rules_hold() {
    let mut problems = Vec::new();
    for (file, (module, code)) in sources() {
        let names = named_modules(&code);
        // The model names only itself and the message catalogue (a leaf: the display
        // names of channels and layers in the interface language).
        if module == "model"
            && let Some(n) = names.iter().find(|n| *n != "model" && *n != "i18n")
        {
            problems.push(format!("src/{file}: model names crate::{n}"));
        }
        if module == "scene"
            && let Some(n) = names.iter().find(|n| *n == "ui" || *n == "export")
        {
            problems.push(format!("src/{file}: scene names crate::{n}"));
        }
        if module != "ui" && (names_crate(&code, "egui") || names_crate(&code, "eframe")) {
            problems.push(format!("src/{file}: names egui outside src/ui"));
        }
        if !matches!(module.as_str(), "cli" | "main") && names_crate(&code, "clap") {
            problems.push(format!("src/{file}: names clap outside src/cli"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_sees_what_it_should() {
    let code = library_code(
        "use crate::{model::Journey, ui::App};\n// crate::cli in a comment\nfn f() { crate::export::svg(); egui::Ui::new(); }\n#[cfg(test)]\nmod tests {\n    use crate::cli::run;\n}\n",
    );
    assert_eq!(named_modules(&code), ["model", "ui", "export"]);
    assert!(names_crate(&code, "egui"));
    assert!(!names_crate(&code, "clap"));
    assert!(!names_crate("let my_egui = 1;", "egui"));
}

/// The desktop app is the `gui` feature (on by default): only `ui` (and `main.rs`)
/// needs egui, eframe or rfd, so the library and the command line build without them
/// (`--no-default-features`, as the fuzz targets do).
#[test]
fn the_app_is_behind_the_gui_feature() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
    assert!(
        lib.contains("#[cfg(feature = \"gui\")]\npub mod ui;"),
        "src/lib.rs compiles `ui` only with the gui feature"
    );
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    assert!(
        manifest.contains("default = [\"gui\"]"),
        "gui is a default feature"
    );
    for dep in ["eframe", "egui", "rfd"] {
        let line = manifest
            .lines()
            .find(|l| l.starts_with(&format!("{dep} = ")))
            .unwrap_or_else(|| panic!("{dep} is a dependency"));
        assert!(
            line.contains("optional = true"),
            "{dep} is optional: {line}"
        );
        assert!(
            manifest.contains(&format!("\"dep:{dep}\"")),
            "the gui feature enables {dep}"
        );
    }
    let main = std::fs::read_to_string(root.join("src/main.rs")).unwrap();
    assert!(
        main.contains("#[cfg(not(feature = \"gui\"))]"),
        "main.rs builds without the app"
    );
    let fuzz = std::fs::read_to_string(root.join("fuzz/Cargo.toml")).unwrap();
    assert!(
        fuzz.contains("touchpoint = { path = \"..\", default-features = false }"),
        "the fuzz targets build without the app"
    );
}

/// Cargo builds only the test targets Cargo.toml names (`autotests = false`), so a
/// `tests/*.rs` file that `tests/integration.rs` does not list would never run.
#[test]
fn every_test_file_is_compiled() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let listed = std::fs::read_to_string(root.join("tests/integration.rs")).unwrap();
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(root.join("tests")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let own_target = manifest.contains(&format!("path = \"tests/{stem}.rs\""));
        if !own_target && !listed.lines().any(|l| l.trim() == format!("mod {stem};")) {
            missing.push(stem);
        }
    }
    assert!(
        missing.is_empty(),
        "tests/{{{}}}.rs: not in tests/integration.rs, so never compiled",
        missing.join(",")
    );
}

/// Every source file of the crate (tests included), relative to `src/`, with its text.
fn all_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files
        .into_iter()
        .map(|f| {
            let rel = f
                .strip_prefix(&root)
                .unwrap_or(&f)
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{rel}: {e}"));
            (rel, text)
        })
        .collect()
}

/// Every `fn` of a rustfmt-formatted file: (name, first line (1-based), lines from the
/// `fn` line to its closing brace, the signature up to the opening brace).
fn functions(text: &str) -> Vec<(String, usize, usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let rest = [
            "pub ",
            "pub(crate) ",
            "pub(super) ",
            "const ",
            "async ",
            "unsafe ",
        ]
        .iter()
        .fold(trimmed, |s, p| s.strip_prefix(p).unwrap_or(s));
        let Some(after_fn) = rest.strip_prefix("fn ") else {
            continue;
        };
        let name = first_ident(after_fn);
        let close = format!("{indent}}}");
        // The signature ends at the first line ending in `{` (a body follows), `;` (a
        // declaration) or `}` (a one-line function).
        let Some(open) = (i..lines.len()).find(|&j| {
            let t = lines[j].trim_end();
            t.ends_with('{') || t.ends_with(';') || t.ends_with('}')
        }) else {
            continue;
        };
        if !lines[open].trim_end().ends_with('{') {
            continue;
        }
        let Some(end) = (open + 1..lines.len()).find(|&j| lines[j] == close) else {
            continue;
        };
        let body = lines[i..=end].join("\n");
        let signature = body.split('{').next().unwrap_or_default().to_owned();
        out.push((name, i + 1, end - i + 1, signature));
    }
    out
}

/// Issue #15: no source file over 1,000 lines (a big unit-test module goes to its own
/// `tests.rs`, a big module into submodules by concept).
#[test]
fn no_source_file_is_over_1000_lines() {
    let big: Vec<String> = all_sources()
        .into_iter()
        .filter_map(|(f, text)| {
            let n = text.lines().count();
            (n > 1000).then(|| format!("src/{f}: {n} lines"))
        })
        .collect();
    assert!(big.is_empty(), "split these files:\n{}", big.join("\n"));
}

/// Issue #15: no function over 150 lines (from its `fn` line to its closing brace).
#[test]
fn no_function_is_over_150_lines() {
    let mut long = Vec::new();
    for (f, text) in all_sources() {
        for (name, line, n, _) in functions(&text) {
            if n > 150 {
                long.push(format!("src/{f}:{line}: fn {name}: {n} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "split these functions:\n{}",
        long.join("\n")
    );
}

/// Issue #15: the UI only sends actions. A function that draws (takes an `egui::Ui`)
/// reads the frame through `FrameView` and changes only its own state and the `Outbox`;
/// it never gets the whole `AppState`.
#[test]
fn drawing_functions_never_get_the_app_state() {
    let mut problems = Vec::new();
    for (f, text) in all_sources() {
        if !f.starts_with("ui/") || f.ends_with("/tests.rs") {
            continue;
        }
        let code = library_code(&text);
        for (name, line, _, signature) in functions(&code) {
            if signature.contains("egui::Ui") && signature.contains("AppState") {
                problems.push(format!(
                    "src/{f}:{line}: fn {name} draws with the whole AppState"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_shape_checks_see_what_they_should() {
    let text = "fn small() {\n    1;\n}\n\npub fn draw(ui: &mut egui::Ui, state: &mut AppState) {\n    let x = 1;\n    if x > 0 {\n        x;\n    }\n}\n\nimpl A {\n    pub(crate) fn method(\n        &self,\n        ui: &mut egui::Ui,\n    ) -> u8 {\n        0\n    }\n}\n";
    let fns = functions(text);
    let summary: Vec<(&str, usize, usize)> = fns
        .iter()
        .map(|(n, l, c, _)| (n.as_str(), *l, *c))
        .collect();
    assert_eq!(
        summary,
        [("small", 1, 3), ("draw", 5, 6), ("method", 13, 6)]
    );
    assert!(fns[1].3.contains("AppState") && fns[1].3.contains("egui::Ui"));
    assert!(fns[2].3.contains("egui::Ui") && !fns[2].3.contains("AppState"));
}

/// ARCHITECTURE.md covers every module: each source file (but `mod.rs` and unit-test
/// `tests.rs` files) is named there (`name.rs`).
#[test]
fn architecture_md_names_every_source_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let mut missing = Vec::new();
    for (f, _) in all_sources() {
        let name = f.rsplit('/').next().unwrap_or(&f);
        if name == "mod.rs" || name == "tests.rs" {
            continue;
        }
        let named = doc.contains(name);
        if !named {
            missing.push(format!("src/{f}"));
        }
    }
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not name:\n{}",
        missing.join("\n")
    );
}
