//! Tokens, as produced by [`lexer`](super::lexer) (CPython's `Lib/token.py`
//! vocabulary, with keywords split out of `NAME`).

use crate::ast::Name;
use crate::span::Span;

/// One token of the source.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Where it is; `INDENT`/`DEDENT`/`NEWLINE` get the position CPython
    /// reports for them.
    pub span: Span,
    /// Bracket nesting depth before the token (CPython's `tok->level`); the
    /// parser uses it for "Perhaps you forgot a comma?", which CPython only
    /// suggests inside brackets.
    pub level: u32,
}

/// The kind of a token, with its decoded value.
#[derive(Clone, Debug, PartialEq)]
pub enum TokenKind {
    /// An identifier, including the soft keywords `match`, `case`, `type`
    /// and `_` (the parser recognises them by position).
    Name(Name),
    /// A hard keyword.
    Kw(Kw),
    /// An integer literal that fits in an `i64`.
    Int(i64),
    /// An integer literal beyond 64 bits.
    BigInt(std::rc::Rc<crate::pylib::bigint::BigInt>),
    /// A float literal.
    Float(f64),
    /// A str literal (any quote style, `r`/`u` prefixes), escapes decoded.
    Str(String),
    /// A bytes literal (`b`/`rb` prefixes), escapes decoded.
    Bytes(Vec<u8>),
    /// An f-string, kept raw so that the parser can parse its `{…}` fields
    /// as expressions with spans pointing into the original source.
    FString(FStringToken),
    /// An operator or delimiter.
    Op(Op),
    Newline,
    Indent,
    Dedent,
    EndMarker,
    /// A character that starts no token (`$`, `?`, a lone `!`). CPython's
    /// tokenizer returns an `ERRORTOKEN` for it and the parser then reports
    /// "invalid syntax" at it.
    ErrorToken,
    /// Where the lexer stopped on an error ([`super::lexer::Lexed::error`]);
    /// always the last token.
    LexError,
    /// End of input reached inside brackets: CPython's tokenizer returns an
    /// error token there and the parser reports "'(' was never closed".
    EofInBrackets,
}

/// The raw parts of an f-string token.
#[derive(Clone, Debug, PartialEq)]
pub struct FStringToken {
    /// `rf"…"`: backslashes in the literal parts are kept.
    pub raw: bool,
    /// Byte offset of the first character after the opening quote(s).
    pub content_start: u32,
    /// Byte offset of the closing quote(s).
    pub content_end: u32,
    /// Line of `content_start`.
    pub content_line: u32,
    /// 1-based character column of `content_start`.
    pub content_col: u32,
}

macro_rules! keywords {
    ($($variant:ident => $text:literal,)*) => {
        /// Python's hard keywords.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Kw { $($variant,)* }

        impl Kw {
            pub fn lookup(s: &str) -> Option<Kw> {
                match s { $($text => Some(Kw::$variant),)* _ => None }
            }
            pub fn as_str(self) -> &'static str {
                match self { $(Kw::$variant => $text,)* }
            }
        }
    };
}

keywords! {
    False => "False", None => "None", True => "True", And => "and", As => "as",
    Assert => "assert", Async => "async", Await => "await", Break => "break",
    Class => "class", Continue => "continue", Def => "def", Del => "del",
    Elif => "elif", Else => "else", Except => "except", Finally => "finally",
    For => "for", From => "from", Global => "global", If => "if",
    Import => "import", In => "in", Is => "is", Lambda => "lambda",
    Nonlocal => "nonlocal", Not => "not", Or => "or", Pass => "pass",
    Raise => "raise", Return => "return", Try => "try", While => "while",
    With => "with", Yield => "yield",
}

macro_rules! operators {
    ($($variant:ident => $text:literal,)*) => {
        /// Operators and delimiters.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Op { $($variant,)* }

        impl Op {
            pub fn as_str(self) -> &'static str {
                match self { $(Op::$variant => $text,)* }
            }
        }

        /// All operators, longest first so that the lexer can match greedily.
        pub const OPERATORS_LONGEST_FIRST: &[(&str, Op)] = &[$(($text, Op::$variant),)*];
    };
}

operators! {
    StarStarEq => "**=", SlashSlashEq => "//=", ShlEq => "<<=", ShrEq => ">>=",
    Ellipsis => "...",
    Arrow => "->", ColonEq => ":=", PlusEq => "+=", MinusEq => "-=", StarEq => "*=",
    SlashEq => "/=", PercentEq => "%=", AmpEq => "&=", PipeEq => "|=", CaretEq => "^=",
    AtEq => "@=", EqEq => "==", NotEq => "!=", LtEq => "<=", GtEq => ">=",
    StarStar => "**", SlashSlash => "//", Shl => "<<", Shr => ">>",
    LPar => "(", RPar => ")", LSqb => "[", RSqb => "]", LBrace => "{", RBrace => "}",
    Colon => ":", Comma => ",", Semi => ";", Plus => "+", Minus => "-", Star => "*",
    Slash => "/", Pipe => "|", Amp => "&", Lt => "<", Gt => ">", Eq => "=", Dot => ".",
    Percent => "%", Tilde => "~", Caret => "^", At => "@",
}

impl TokenKind {
    /// How the token reads in an error message or a debug dump.
    pub fn describe(&self) -> String {
        match self {
            TokenKind::Name(n) => n.to_string(),
            TokenKind::Kw(k) => k.as_str().to_string(),
            TokenKind::Int(i) => i.to_string(),
            TokenKind::BigInt(i) => i.to_string(),
            TokenKind::Float(f) => f.to_string(),
            TokenKind::Str(s) => format!("{s:?}"),
            TokenKind::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
            TokenKind::FString(_) => "f-string".to_string(),
            TokenKind::Op(o) => o.as_str().to_string(),
            TokenKind::Newline => "NEWLINE".to_string(),
            TokenKind::Indent => "INDENT".to_string(),
            TokenKind::Dedent => "DEDENT".to_string(),
            TokenKind::EndMarker => "ENDMARKER".to_string(),
            TokenKind::ErrorToken => "ERRORTOKEN".to_string(),
            TokenKind::EofInBrackets => "EOF".to_string(),
            TokenKind::LexError => "ERRORTOKEN".to_string(),
        }
    }
}
