//! `str.format` / `str.format_map` replacement-field syntax, mirroring
//! CPython's `Objects/stringlib/unicode_format.h` (`MarkupIterator`,
//! `parse_field`, `field_name_split`, `FieldNameIterator`).
//!
//! CPython raises errors *lazily*, in the order it meets them while
//! rendering (a bad index in an early field is reported before a syntax
//! error later in the string), so this module is a set of small lazy steps:
//!
//! 1. [`MarkupIterator`] yields [`Markup`] chunks: literal text, then
//!    optionally a [`RawField`] (field name, conversion, format spec).
//! 2. [`field_name_split`] resolves the field name's first part to a
//!    [`FieldArg`] (numbering `{}` automatically through [`AutoNumber`])
//!    and returns a [`FieldNameIterator`] over the `.attr` / `[key]`
//!    [`Accessor`]s that follow.
//! 3. [`Conversion::from_char`] checks `!r` / `!s` / `!a`.
//! 4. If [`RawField::format_spec_needs_expanding`], the spec is itself a
//!    template, rendered with `depth - 1` (starting from [`MAX_DEPTH`]) and
//!    the same [`AutoNumber`]; at depth 0 it is `ValueError: Max string
//!    recursion exceeded`.
//!
//! [`vformat`] drives these steps for VMs that can answer the object
//! questions synchronously (see [`FormatCallbacks`]).

use super::strings::decimal_value;
use super::PyErrMsg;

/// Recursion depth `str.format` starts with (`build_string(..., 2, ...)`).
pub const MAX_DEPTH: u32 = 2;

/// One step of the template: literal text, then maybe a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Markup {
    /// Literal text to output (`{{`/`}}` already collapsed to one brace).
    pub literal: String,
    /// The replacement field following the literal, if any.
    pub field: Option<RawField>,
}

/// A replacement field as written, before any lookup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawField {
    /// Everything before `!` or `:` (e.g. `0`, `name.attr[3]`, or empty).
    pub field_name: String,
    /// The character after `!`, if given (validated later, lazily).
    pub conversion: Option<char>,
    /// The text after `:` (empty when absent).
    pub format_spec: String,
    /// Whether the spec contains `{`, i.e. nested fields to render first.
    pub format_spec_needs_expanding: bool,
}

/// Iterates over a template's [`Markup`] chunks (CPython's
/// `MarkupIterator`). After an error it yields nothing more.
#[derive(Clone, Debug)]
pub struct MarkupIterator {
    /// The template's characters.
    chars: Vec<char>,
    /// Next character to read.
    pos: usize,
    /// Set after an error so iteration stops.
    failed: bool,
}

impl MarkupIterator {
    /// Starts iterating over `template`.
    pub fn new(template: &str) -> MarkupIterator {
        MarkupIterator {
            chars: template.chars().collect(),
            pos: 0,
            failed: false,
        }
    }

    fn next_markup(&mut self) -> Result<Option<Markup>, PyErrMsg> {
        let end = self.chars.len();
        if self.pos >= end {
            return Ok(None);
        }
        let start = self.pos;
        let mut c = '\0';
        let mut markup_follows = false;
        while self.pos < end {
            c = self.chars[self.pos];
            self.pos += 1;
            if c == '{' || c == '}' {
                markup_follows = true;
                break;
            }
        }
        let at_end = self.pos >= end;
        let mut len = self.pos - start;
        if c == '}' && (at_end || self.chars[self.pos] != '}') {
            return Err(PyErrMsg::value_error(
                "Single '}' encountered in format string",
            ));
        }
        if at_end && c == '{' {
            return Err(PyErrMsg::value_error(
                "Single '{' encountered in format string",
            ));
        }
        if !at_end {
            if self.chars[self.pos] == c {
                // An escaped brace: keep one in the literal, skip the other.
                self.pos += 1;
                markup_follows = false;
            } else {
                len -= 1;
            }
        }
        let literal: String = self.chars[start..start + len].iter().collect();
        if !markup_follows {
            return Ok(Some(Markup {
                literal,
                field: None,
            }));
        }
        let field = self.parse_field()?;
        Ok(Some(Markup {
            literal,
            field: Some(field),
        }))
    }

    /// CPython's `parse_field`, just after a `{`.
    fn parse_field(&mut self) -> Result<RawField, PyErrMsg> {
        let end = self.chars.len();
        let name_start = self.pos;
        let mut c = '\0';
        while self.pos < end {
            c = self.chars[self.pos];
            self.pos += 1;
            match c {
                '{' => return Err(PyErrMsg::value_error("unexpected '{' in field name")),
                '[' => {
                    while self.pos < end && self.chars[self.pos] != ']' {
                        self.pos += 1;
                    }
                }
                '}' | ':' | '!' => break,
                _ => {}
            }
        }
        let field_name: String = self.chars[name_start..self.pos.saturating_sub(1).max(name_start)]
            .iter()
            .collect();
        let mut field = RawField {
            field_name,
            conversion: None,
            format_spec: String::new(),
            format_spec_needs_expanding: false,
        };
        if c == '!' || c == ':' {
            if c == '!' {
                if self.pos >= end {
                    return Err(PyErrMsg::value_error(
                        "end of string while looking for conversion specifier",
                    ));
                }
                field.conversion = Some(self.chars[self.pos]);
                self.pos += 1;
                if self.pos < end {
                    let next = self.chars[self.pos];
                    self.pos += 1;
                    if next == '}' {
                        return Ok(field);
                    }
                    if next != ':' {
                        return Err(PyErrMsg::value_error(
                            "expected ':' after conversion specifier",
                        ));
                    }
                }
            }
            let spec_start = self.pos;
            let mut count = 1;
            while self.pos < end {
                let ch = self.chars[self.pos];
                self.pos += 1;
                match ch {
                    '{' => {
                        field.format_spec_needs_expanding = true;
                        count += 1;
                    }
                    '}' => {
                        count -= 1;
                        if count == 0 {
                            field.format_spec =
                                self.chars[spec_start..self.pos - 1].iter().collect();
                            return Ok(field);
                        }
                    }
                    _ => {}
                }
            }
            return Err(PyErrMsg::value_error("unmatched '{' in format spec"));
        }
        if c != '}' {
            return Err(PyErrMsg::value_error("expected '}' before end of string"));
        }
        Ok(field)
    }
}

impl Iterator for MarkupIterator {
    type Item = Result<Markup, PyErrMsg>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        match self.next_markup() {
            Ok(m) => m.map(Ok),
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}

/// Whether `{}` fields are numbered automatically or by hand; shared by a
/// whole `format` call, nested specs included (CPython's `AutoNumber`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AutoNumber {
    /// `None` until the first numeric field, then whether it was `{}`.
    auto: Option<bool>,
    /// The index the next `{}` gets.
    next: usize,
}

impl AutoNumber {
    /// Fresh state for one `format` call.
    pub fn new() -> AutoNumber {
        AutoNumber::default()
    }
}

/// Which argument a field refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldArg {
    /// A positional argument (`{0}`, or `{}` numbered automatically).
    Index(usize),
    /// A keyword argument (`{name}`).
    Name(String),
}

/// One `.attr` or `[key]` after the field's first part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Accessor {
    /// `.name`: `getattr(obj, name)`.
    Attr(String),
    /// `[123]`: an all-digits key is an int index.
    Index(usize),
    /// `[text]`: any other key is a str.
    Key(String),
}

/// CPython's `get_integer`: a non-empty run of decimal digits (any
/// script), or `None`.
fn get_integer(s: &[char]) -> Result<Option<usize>, PyErrMsg> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: i64 = 0;
    for &c in s {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(i64::from(d)))
            .ok_or_else(|| PyErrMsg::value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc as usize))
}

/// Splits a field name into its argument (numbering `{}` through `auto`)
/// and an iterator over its accessors (CPython's `field_name_split`).
pub fn field_name_split(
    field_name: &str,
    auto: &mut AutoNumber,
) -> Result<(FieldArg, FieldNameIterator), PyErrMsg> {
    let chars: Vec<char> = field_name.chars().collect();
    let split = chars
        .iter()
        .position(|c| *c == '.' || *c == '[')
        .unwrap_or(chars.len());
    let first = &chars[..split];
    let index = get_integer(first)?;
    let empty = first.is_empty();
    let rest = FieldNameIterator {
        chars: chars[split..].to_vec(),
        pos: 0,
        failed: false,
    };
    if empty || index.is_some() {
        let state = *auto.auto.get_or_insert(empty);
        if state && !empty {
            return Err(PyErrMsg::value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        if !state && empty {
            return Err(PyErrMsg::value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
    }
    let arg = match index {
        Some(i) => FieldArg::Index(i),
        None if empty => {
            let i = auto.next;
            auto.next += 1;
            FieldArg::Index(i)
        }
        None => FieldArg::Name(first.iter().collect()),
    };
    Ok((arg, rest))
}

/// The accessors after a field name's first part (CPython's
/// `FieldNameIterator`); errors come lazily, after earlier lookups.
#[derive(Clone, Debug)]
pub struct FieldNameIterator {
    /// The accessor text (starts with `.` or `[` when non-empty).
    chars: Vec<char>,
    /// Next character to read.
    pos: usize,
    /// Set after an error so iteration stops.
    failed: bool,
}

impl FieldNameIterator {
    fn next_accessor(&mut self) -> Result<Option<Accessor>, PyErrMsg> {
        let end = self.chars.len();
        if self.pos >= end {
            return Ok(None);
        }
        let c = self.chars[self.pos];
        self.pos += 1;
        let acc = match c {
            '.' => {
                let start = self.pos;
                while self.pos < end && self.chars[self.pos] != '.' && self.chars[self.pos] != '[' {
                    self.pos += 1;
                }
                let name: String = self.chars[start..self.pos].iter().collect();
                if name.is_empty() {
                    return Err(PyErrMsg::value_error("Empty attribute in format string"));
                }
                Accessor::Attr(name)
            }
            '[' => {
                let start = self.pos;
                while self.pos < end && self.chars[self.pos] != ']' {
                    self.pos += 1;
                }
                if self.pos >= end {
                    return Err(PyErrMsg::value_error("Missing ']' in format string"));
                }
                let key = &self.chars[start..self.pos];
                self.pos += 1;
                if key.is_empty() {
                    return Err(PyErrMsg::value_error("Empty attribute in format string"));
                }
                match get_integer(key)? {
                    Some(i) => Accessor::Index(i),
                    None => Accessor::Key(key.iter().collect()),
                }
            }
            _ => {
                return Err(PyErrMsg::value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        };
        Ok(Some(acc))
    }
}

impl Iterator for FieldNameIterator {
    type Item = Result<Accessor, PyErrMsg>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        match self.next_accessor() {
            Ok(a) => a.map(Ok),
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}

/// A field's `!` conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    /// `!r`: `repr(obj)`.
    Repr,
    /// `!s`: `str(obj)`.
    Str,
    /// `!a`: `ascii(obj)`.
    Ascii,
}

impl Conversion {
    /// Validates a conversion character (CPython's `do_conversion`).
    pub fn from_char(c: char) -> Result<Conversion, PyErrMsg> {
        match c {
            'r' => Ok(Conversion::Repr),
            's' => Ok(Conversion::Str),
            'a' => Ok(Conversion::Ascii),
            c if (c as u32) > 32 && (c as u32) < 127 => Err(PyErrMsg::value_error(format!(
                "Unknown conversion specifier {c}"
            ))),
            c => Err(PyErrMsg::value_error(format!(
                "Unknown conversion specifier \\x{:x}",
                c as u32
            ))),
        }
    }
}

/// The `IndexError` for `{n}` beyond the positional arguments.
pub fn index_error(index: usize) -> PyErrMsg {
    PyErrMsg::index_error(format!(
        "Replacement index {index} out of range for positional args tuple"
    ))
}

/// What [`vformat`] needs to know about the VM's objects.
pub trait FormatCallbacks {
    /// The VM's object handle.
    type Obj;
    /// The argument a field refers to (`IndexError` via [`index_error`],
    /// `KeyError` with the repr of the name).
    fn arg(&mut self, arg: &FieldArg) -> Result<Self::Obj, PyErrMsg>;
    /// `obj.attr` or `obj[key]`.
    fn access(&mut self, obj: Self::Obj, accessor: &Accessor) -> Result<Self::Obj, PyErrMsg>;
    /// `repr(obj)` / `str(obj)` / `ascii(obj)` as a str object.
    fn convert(&mut self, obj: Self::Obj, conversion: Conversion) -> Result<Self::Obj, PyErrMsg>;
    /// `format(obj, spec)`.
    fn format(&mut self, obj: Self::Obj, spec: &str) -> Result<String, PyErrMsg>;
}

/// Renders `template` the way `template.format(...)` does (CPython's
/// `build_string` / `output_markup`), with `depth` starting at
/// [`MAX_DEPTH`] and a fresh [`AutoNumber`].
pub fn vformat<C: FormatCallbacks>(
    template: &str,
    depth: u32,
    auto: &mut AutoNumber,
    cb: &mut C,
) -> Result<String, PyErrMsg> {
    if depth == 0 {
        return Err(PyErrMsg::value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(template.len());
    for markup in MarkupIterator::new(template) {
        let markup = markup?;
        out.push_str(&markup.literal);
        let Some(field) = markup.field else {
            continue;
        };
        let (arg, accessors) = field_name_split(&field.field_name, auto)?;
        let mut obj = cb.arg(&arg)?;
        for accessor in accessors {
            obj = cb.access(obj, &accessor?)?;
        }
        if let Some(c) = field.conversion {
            obj = cb.convert(obj, Conversion::from_char(c)?)?;
        }
        let spec = if field.format_spec_needs_expanding {
            vformat(&field.format_spec, depth - 1, auto, cb)?
        } else {
            field.format_spec
        };
        out.push_str(&cb.format(obj, &spec)?);
    }
    Ok(out)
}
