//! The sandbox as README.md documents it ("What a program cannot do"):
//! every row's program must end with exactly the error line the table
//! gives, so the documentation and the engine cannot drift apart.

use std::path::Path;

use looplab_engine::run::{run_program, Ending, Limits};

/// (program, last line) for each row of the README's sandbox table.
fn rows() -> Vec<(String, String)> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md"))
            .expect("README.md");
    let section = readme
        .split("## What a program cannot do")
        .nth(1)
        .expect("the README has the sandbox section");
    let section = section.split("\n## ").next().unwrap_or(section);
    section
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("| `")?;
            let (code, rest) = rest.split_once("` | ``")?;
            let message = rest.strip_suffix("`` |")?;
            Some((code.to_string(), message.to_string()))
        })
        .collect()
}

#[test]
fn every_documented_refusal_ends_with_its_documented_error() {
    let rows = rows();
    assert!(rows.len() >= 8, "the table was not read: {rows:?}");
    for (code, message) in rows {
        let outcome = run_program(&format!("{code}\n"), "<lesson>", &Limits::default());
        match &outcome.ending {
            Ending::Uncaught { last_line, .. } => assert_eq!(last_line, &message, "{code}"),
            other => panic!("{code}: ended {other:?}, not with {message}"),
        }
    }
}
