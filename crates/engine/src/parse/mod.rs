//! Source text to [`crate::ast::Module`]: the lexer turns text
//! into tokens (like CPython's `Parser/tokenizer.c`), the parser turns tokens
//! into the AST (one function per rule of CPython's PEG grammar), and a last
//! check pass reports the errors CPython's compiler raises on a well-formed
//! tree (`'return' outside function`, …). the `highlight` module is a separate, tolerant
//! pass for the editor.
//!
//! Use:
//! - [`parse_module`] gives the AST or the first [`SyntaxError`] CPython 3.11
//!   reports for the program (same class, message and line; column in
//!   characters as `SyntaxError.offset`; [`SyntaxError::end_col`] is
//!   `end_offset`). [`SyntaxError::render`] prints it exactly as
//!   `python3 file.py` does.
//! - [`highlight()`] classifies every non-blank character, never fails.
//!
//! Deliberate differences from CPython (all errors mentioning "Looplab"):
//! integers beyond `i64`, complex literals, `match` and `type` statements,
//! `from m import *`, surrogate escapes, `\N{…}` names outside the built-in
//! table, and nesting deeper than [`parser::MAX_NESTING`] (the browser's
//! stack). Identifiers get the part of NFKC that matters (fullwidth and
//! mathematical letters), not all of it.

pub mod check;
pub mod error;
pub mod fstring;
pub mod highlight;
pub mod lexer;
pub mod parser;
pub mod token;
pub mod unicode_names;

pub use error::{SyntaxError, SyntaxErrorKind};
pub use highlight::{highlight, TokenClass};

use crate::ast;

/// Parses a whole program, the way `compile(source, "<lesson>", "exec")`
/// would, and reports the first error CPython 3.11 would report.
pub fn parse_module(source: &str) -> Result<ast::Module, SyntaxError> {
    let module = parser::Parser::parse_source(source)?;
    check::check_module(&module)?;
    Ok(module)
}
