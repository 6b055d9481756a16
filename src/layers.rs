//! The app's layers, lowest first, and the test that keeps them. A module
//! may use modules of its own layer or below, never above, and no two
//! modules may use each other, even through others (no import circles).
//!
//! 1. **models**: plain Rust, no browser, tested natively (routes, lesson
//!    content, highlighting, embed options and messages, share links,
//!    exports, the editor's commands, the player's track and pacing);
//! 2. **browser**: thin wrappers of browser APIs, the one place the
//!    engine runs programs (`player::engine`), and the downloads of a
//!    language's bundle (`content::load`);
//! 3. **state**: `Copy` bundles of signals: the app's (`state`) and the
//!    player's (`player::player_state`, with its live driver);
//! 4. **components**: the editor, the player's panels, the share tools,
//!    the prediction exercise, links;
//! 5. **pages**: one per file in `pages/`;
//! 6. **root**: the app component (`app`) and the entry point (`lib.rs`).
//!
//! Every module of `src/` is listed in [`LAYERS`]: a new file must be
//! placed in a layer (the test fails until it is). Only `crate::`,
//! `super::`, `self::` and child-module paths are read; test modules
//! (after `#[cfg(test)]`) are not.

use std::collections::BTreeMap;

/// Each layer and its modules (`a::b` is `src/a/b.rs`, or `src/a/b/mod.rs`;
/// `""` is the crate root, `src/lib.rs`).
pub const LAYERS: &[(&str, &[&str])] = &[
    (
        "models",
        &[
            "content",
            "content::bundle",
            "editor::edit",
            "editor::examples",
            "editor::render",
            "editor::undo",
            "embed::export",
            "embed::message",
            "embed::options",
            "embed::share",
            "highlight",
            "i18n",
            "i18n::en",
            "i18n::limits",
            "i18n::narration",
            "i18n::strings",
            "i18n::zh_hans",
            "i18n::zh_hant",
            "player::cpu_choice",
            "player::frames_model",
            "player::line_steps",
            "player::live",
            "player::timeline_marks",
            "player::track",
            "predict::lines",
            "route",
        ],
    ),
    (
        "browser",
        &[
            "browser",
            "content::load",
            "player::engine",
            "player::mark_layer",
            "predict::progress",
        ],
    ),
    (
        "state",
        &["state", "player::driver", "player::player_state"],
    ),
    (
        "components",
        &[
            "editable_player",
            "editor",
            "editor::textarea",
            "embed",
            "embed::tools",
            "link",
            "player",
            "player::code_panel",
            "player::console",
            "player::controls",
            "player::frames_panel",
            "player::layout",
            "player::loop_panel",
            "player::model_note",
            "player::narration",
            "player::step_url",
            "player::timeline_panel",
            "player::warm_up",
            "predict",
            "predict::exercise",
        ],
    ),
    (
        "pages",
        &[
            "pages",
            "pages::embed",
            "pages::index",
            "pages::lesson",
            "pages::model",
            "pages::not_found",
            "pages::playground",
        ],
    ),
    ("root", &["", "app", "layers"]),
];

/// The module paths a file's source uses (`crate::`, `super::`, `self::`
/// and child-module paths, brace groups expanded), relative to nothing:
/// `a::b::C` for `crate::a::b::C`. `module` is the file's own module.
pub fn used_paths(module: &str, source: &str, children: &[&str]) -> Vec<String> {
    let code = strip(cut_tests(source));
    let bytes: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !is_ident(bytes[i - 1]) && bytes[i - 1] != ':';
        if !starts_word || !is_ident(bytes[i]) {
            i += 1;
            continue;
        }
        let word: String = bytes[i..].iter().take_while(|c| is_ident(**c)).collect();
        let after = i + word.len();
        let is_path = bytes.get(after) == Some(&':') && bytes.get(after + 1) == Some(&':');
        let base = match word.as_str() {
            "crate" => Some(Vec::new()),
            "self" => Some(segments(module)),
            "super" => {
                let mut m = segments(module);
                m.pop();
                Some(m)
            }
            w if children.contains(&w) && preceded_by_use(&bytes, i) => {
                let mut m = segments(module);
                m.push(w.to_string());
                Some(m)
            }
            _ => None,
        };
        match base {
            Some(mut base) if is_path => {
                let mut j = after + 2;
                // `super::super::…`
                while bytes[j..].starts_with(&['s', 'u', 'p', 'e', 'r', ':', ':']) {
                    base.pop();
                    j += 7;
                }
                j = read_tree(&bytes, j, base, &mut out);
                i = j;
            }
            Some(base) if word != "crate" && word != "self" && word != "super" => {
                out.push(base.join("::"));
                i = after;
            }
            _ => i = after,
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn segments(module: &str) -> Vec<String> {
    module
        .split("::")
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// True when the word at `i` begins a `use` path (`use a::…`, `pub use a`).
fn preceded_by_use(text: &[char], i: usize) -> bool {
    let before: String = text[..i].iter().collect();
    before.trim_end().ends_with("use")
}

/// Reads a use tree at `j` (`a::b::C`, `a::{b, c::D}`), pushing each path
/// under `base`; returns where it ends.
fn read_tree(text: &[char], mut j: usize, base: Vec<String>, out: &mut Vec<String>) -> usize {
    let mut path = base;
    loop {
        while text.get(j).is_some_and(|c| c.is_whitespace()) {
            j += 1;
        }
        if text.get(j) == Some(&'{') {
            j += 1;
            loop {
                j = read_tree(text, j, path.clone(), out);
                while text.get(j).is_some_and(|c| c.is_whitespace() || *c == ',') {
                    j += 1;
                }
                match text.get(j) {
                    Some('}') => return j + 1,
                    None => return j,
                    _ => {}
                }
            }
        }
        let word: String = text[j..].iter().take_while(|c| is_ident(**c)).collect();
        if word.is_empty() {
            out.push(path.join("::"));
            return j;
        }
        j += word.len();
        if word != "self" {
            path.push(word);
        }
        if text.get(j) == Some(&':') && text.get(j + 1) == Some(&':') {
            j += 2;
        } else {
            out.push(path.join("::"));
            return skip_alias(text, j);
        }
    }
}

/// Skips an ` as name` after a path.
fn skip_alias(text: &[char], j: usize) -> usize {
    let mut k = j;
    while text.get(k).is_some_and(|c| c.is_whitespace()) {
        k += 1;
    }
    if !(text[k.min(text.len())..].starts_with(&['a', 's'])
        && text.get(k + 2).is_some_and(|c| c.is_whitespace()))
    {
        return j;
    }
    k += 2;
    while text.get(k).is_some_and(|c| c.is_whitespace()) {
        k += 1;
    }
    k + text[k..].iter().take_while(|c| is_ident(**c)).count()
}

/// The source before its first `#[cfg(test)]` (test modules close files).
fn cut_tests(source: &str) -> &str {
    source.split("#[cfg(test)]").next().unwrap_or("")
}

/// The source without comments, and with string and char literals emptied.
fn strip(source: &str) -> String {
    let c: Vec<char> = source.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < c.len() {
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            i += 1;
        } else if c[i] == '\'' && c.get(i + 2) == Some(&'\'') {
            out.push_str("' '");
            i += 3;
        } else if c[i] == '\'' && c.get(i + 1) == Some(&'\\') {
            while i + 1 < c.len() && c[i + 1] != '\'' {
                i += 1;
            }
            out.push_str("' '");
            i += 2;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// The module a path is in: its longest prefix that is a module.
pub fn module_of(path: &str, modules: &[&str]) -> String {
    let segs = segments(path);
    (0..=segs.len())
        .rev()
        .map(|n| segs[..n].join("::"))
        .find(|m| modules.contains(&m.as_str()))
        .unwrap_or_default()
}

/// Every module's file under `src/`, by module path.
fn module_files() -> BTreeMap<String, String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let rel = path.strip_prefix(&root).expect("under src/");
            let rel = rel.to_string_lossy().replace('\\', "/");
            if !rel.ends_with(".rs") || rel == "main.rs" {
                continue;
            }
            let module = rel
                .trim_end_matches(".rs")
                .trim_end_matches("/mod")
                .trim_end_matches("lib")
                .replace('/', "::");
            let text = std::fs::read_to_string(&path).expect("a readable file");
            out.insert(module, text);
        }
    }
    out
}

/// Module → (layer index, layer name).
fn layer_of() -> BTreeMap<&'static str, (usize, &'static str)> {
    let mut out = BTreeMap::new();
    for (i, (name, modules)) in LAYERS.iter().enumerate() {
        for m in modules.iter() {
            out.insert(*m, (i, *name));
        }
    }
    out
}

/// The problems of a set of modules: unplaced modules, upward uses and
/// import circles (`files`: module → source).
pub fn problems(files: &BTreeMap<String, String>) -> Vec<String> {
    let layers = layer_of();
    let modules: Vec<&str> = files.keys().map(String::as_str).collect();
    let mut problems = Vec::new();
    let mut edges: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (module, text) in files {
        let Some(&(from, from_name)) = layers.get(module.as_str()) else {
            problems.push(format!("`{module}` is in no layer: add it to LAYERS"));
            continue;
        };
        let prefix = if module.is_empty() {
            String::new()
        } else {
            format!("{module}::")
        };
        let children: Vec<&str> = modules
            .iter()
            .filter_map(|m| m.strip_prefix(prefix.as_str()))
            .filter(|m| !m.is_empty() && !m.contains("::"))
            .collect();
        for path in used_paths(module, text, &children) {
            let target = module_of(&path, &modules);
            if &target == module
                || edges
                    .get(module.as_str())
                    .is_some_and(|e| e.contains(&target))
            {
                continue;
            }
            if let Some(&(to, to_name)) = layers.get(target.as_str()) {
                if to > from {
                    problems.push(format!(
                        "`{module}` ({from_name}) uses `{path}` of `{target}`, a layer above ({to_name})"
                    ));
                }
            }
            edges.entry(module.as_str()).or_default().push(target);
        }
    }
    for cycle in cycles(&edges) {
        problems.push(format!("import circle: {}", cycle.join(" → ")));
    }
    problems
}

/// The import circles of a graph (one per back edge found depth-first).
fn cycles(edges: &BTreeMap<&str, Vec<String>>) -> Vec<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<&str, Vec<String>>,
        stack: &mut Vec<String>,
        done: &mut Vec<String>,
        found: &mut Vec<Vec<String>>,
    ) {
        if done.iter().any(|d| d == node) {
            return;
        }
        if let Some(pos) = stack.iter().position(|s| s == node) {
            let mut cycle = stack[pos..].to_vec();
            cycle.push(node.to_string());
            found.push(cycle);
            return;
        }
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            visit(next, edges, stack, done, found);
        }
        stack.pop();
        done.push(node.to_string());
    }
    let mut found = Vec::new();
    let mut done = Vec::new();
    for node in edges.keys() {
        visit(node, edges, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_keeps_its_layers_and_has_no_import_circles() {
        let files = module_files();
        assert!(files.len() > 30, "found only {} modules", files.len());
        let problems = problems(&files);
        assert!(problems.is_empty(), "\n{}", problems.join("\n"));
        // Every listed module exists (the table stays the map of src/).
        for (_, modules) in LAYERS {
            for m in modules.iter() {
                assert!(files.contains_key(*m), "`{m}` is listed but has no file");
            }
        }
    }

    #[test]
    fn paths_are_read_from_uses_paths_and_brace_groups() {
        let src = "use super::live::{next_fuel, Speed as S, self};\nuse crate::{a::B, c};\n\
                   use self::x::Y;\npub use child::Z;\n// crate::comment::Ignored\n\
                   fn f() { let s = \"crate::in_string\"; super::super::top::g(); crate::d::e(); }\n\
                   #[cfg(test)]\nmod tests { use crate::tests_only::X; }";
        let got = used_paths("player::view", src, &["child"]);
        assert_eq!(
            got,
            [
                "player::live::next_fuel",
                "player::live::Speed",
                "player::live",
                "a::B",
                "c",
                "player::view::x::Y",
                "player::view::child::Z",
                "top::g",
                "d::e",
            ]
        );
        let modules = ["", "player", "player::live"];
        assert_eq!(module_of("player::live::Speed", &modules), "player::live");
        assert_eq!(module_of("player::Player", &modules), "player");
        assert_eq!(module_of("start", &modules), "");
    }

    #[test]
    fn upward_uses_and_circles_are_problems() {
        let files: BTreeMap<String, String> = [
            ("route", "use crate::pages::index::x;"),
            ("pages", ""),
            ("pages::index", "use crate::pages::lesson::y;"),
            ("pages::lesson", "use crate::pages::index::z;"),
        ]
        .into_iter()
        .map(|(m, s)| (m.to_string(), s.to_string()))
        .collect();
        let p = problems(&files);
        assert!(
            p.iter().any(|p| p.starts_with("`route` (models) uses")),
            "{p:?}"
        );
        assert!(
            p.iter().any(
                |p| p.starts_with("import circle: pages::index → pages::lesson → pages::index")
            ),
            "{p:?}"
        );
    }
}
