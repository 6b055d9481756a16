//! Source text to [`ast::Module`](crate::ast::Module): the lexer turns text
//! into tokens (like CPython's `Parser/tokenizer.c`), the parser turns tokens
//! into the AST (one function per rule of CPython's PEG grammar), and a last
//! check pass reports the errors CPython's compiler raises on a well-formed
//! tree (`'return' outside function`, …). `highlight` is a separate, tolerant
//! pass for the editor.

pub mod check;
pub mod error;
pub mod fstring;
pub mod highlight;
pub mod lexer;
pub mod parser;
pub mod token;

pub use error::{SyntaxError, SyntaxErrorKind};

use crate::ast;

/// Parses a whole program, the way `compile(source, "<lesson>", "exec")`
/// would, and reports the first error CPython 3.11 would report.
pub fn parse_module(source: &str) -> Result<ast::Module, SyntaxError> {
    let module = parser::Parser::parse_source(source)?;
    check::check_module(&module)?;
    Ok(module)
}
