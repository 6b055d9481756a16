//! printf-style formatting, `fmt % args`, mirroring CPython's
//! `PyUnicode_Format` (Objects/unicodeobject.c).
//!
//! The VM converts each Python argument to a [`FmtArg`] (with its `str()`
//! and `repr()` precomputed for objects this module cannot format itself)
//! and passes them as [`PercentArgs`]:
//!
//! * `fmt % (a, b)` -> `PercentArgs::Tuple(&[a, b])`;
//! * `fmt % obj` where `obj` is a mapping or any other object with
//!   `__getitem__` except tuple and str (CPython's `PyMapping_Check`: dict,
//!   list, ...) -> `PercentArgs::Mapping { whole, lookup }`, where `whole`
//!   is `obj` itself (used by `%s` without a key) and `lookup(key)` does
//!   `obj[key]` (for a list that is CPython's `TypeError: list indices must
//!   be integers or slices, not str`);
//! * any other `fmt % obj` -> `PercentArgs::One(obj)`.

use super::format_spec::double_to_string;
use super::numbers::float_to_int;
use super::strings::{ascii_str, repr_str};
use super::PyErrMsg;

/// One argument of `%` formatting, as the VM describes it.
#[derive(Clone, Debug, PartialEq)]
pub enum FmtArg {
    /// A Python `int`.
    Int(i64),
    /// A Python `int` beyond 64 bits.
    Big(super::bigint::BigInt),
    /// A Python `bool` (formats as `True`/`False` with `%s`, as 1/0 with `%d`).
    Bool(bool),
    /// A Python `float`.
    Float(f64),
    /// A Python `str` (its repr is computed here).
    Str(String),
    /// Any other object: its type name (for error messages) and its
    /// precomputed `str()` and `repr()`.
    Other {
        /// `type(obj).__name__`, e.g. `"NoneType"`, `"list"`.
        type_name: String,
        /// `str(obj)`.
        str_: String,
        /// `repr(obj)`.
        repr: String,
    },
}

impl FmtArg {
    fn type_name(&self) -> &str {
        match self {
            FmtArg::Int(_) | FmtArg::Big(_) => "int",
            FmtArg::Bool(_) => "bool",
            FmtArg::Float(_) => "float",
            FmtArg::Str(_) => "str",
            FmtArg::Other { type_name, .. } => type_name,
        }
    }

    fn to_str(&self) -> String {
        match self {
            FmtArg::Int(v) => v.to_string(),
            FmtArg::Big(v) => v.to_string(),
            FmtArg::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            FmtArg::Float(v) => super::float_repr::repr_float(*v),
            FmtArg::Str(s) => s.clone(),
            FmtArg::Other { str_, .. } => str_.clone(),
        }
    }

    fn to_repr(&self) -> String {
        match self {
            FmtArg::Str(s) => repr_str(s),
            FmtArg::Other { repr, .. } => repr.clone(),
            other => other.to_str(),
        }
    }
}

/// The right operand of `%`, see the module docs.
pub enum PercentArgs<'a> {
    /// A single non-tuple, non-mapping object.
    One(&'a FmtArg),
    /// A tuple of arguments.
    Tuple(&'a [FmtArg]),
    /// A mapping (or other subscriptable non-tuple, non-str object).
    Mapping {
        /// The object itself, consumed by a `%s` without a key.
        whole: &'a FmtArg,
        /// `obj[key]` for `%(key)s`.
        lookup: &'a dyn Fn(&str) -> Result<FmtArg, PyErrMsg>,
    },
}

/// The argument cursor (CPython's `arglen`/`argidx` in `PyUnicode_Format`):
/// a tuple is consumed item by item, a single object (or the value of a
/// `%(key)` lookup) exactly once.
struct Cursor<'a> {
    tuple: Option<&'a [FmtArg]>,
    single: Option<FmtArg>,
    arglen: i64,
    argidx: i64,
}

impl Cursor<'_> {
    fn next(&mut self) -> Result<FmtArg, PyErrMsg> {
        if self.argidx < self.arglen {
            let idx = self.argidx;
            self.argidx += 1;
            let arg = match self.tuple {
                Some(items) if self.arglen >= 0 => items.get(idx as usize).cloned(),
                _ => self.single.clone(),
            };
            if let Some(arg) = arg {
                return Ok(arg);
            }
        }
        Err(PyErrMsg::type_error(
            "not enough arguments for format string",
        ))
    }
}

/// The `obj[key]` of a mapping argument.
type Lookup<'a> = &'a dyn Fn(&str) -> Result<FmtArg, PyErrMsg>;

impl<'a> Cursor<'a> {
    /// The cursor over `args`, and the `%(key)` lookup if `args` is a
    /// mapping.
    fn over(args: PercentArgs<'a>) -> (Self, Option<Lookup<'a>>) {
        match args {
            PercentArgs::Tuple(items) => (
                Cursor {
                    tuple: Some(items),
                    single: None,
                    arglen: items.len() as i64,
                    argidx: 0,
                },
                None,
            ),
            PercentArgs::One(a) => (Cursor::single(a.clone()), None),
            PercentArgs::Mapping { whole, lookup } => (Cursor::single(whole.clone()), Some(lookup)),
        }
    }

    /// A cursor over one object, consumed exactly once.
    fn single(arg: FmtArg) -> Self {
        Cursor {
            tuple: None,
            single: Some(arg),
            arglen: -1,
            argidx: -2,
        }
    }
}

/// `fmt % args`: literal text is copied, each `%` conversion is parsed by
/// [`conversion_spec`] and rendered by [`convert`].
pub fn percent_format(fmt: &str, args: PercentArgs<'_>) -> Result<String, PyErrMsg> {
    let (mut cur, lookup) = Cursor::over(args);
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.get(i) == Some(&'%') {
            out.push('%');
            i += 1;
            continue;
        }
        if chars.get(i) == Some(&'(') {
            let Some(lookup) = lookup else {
                return Err(PyErrMsg::type_error("format requires a mapping"));
            };
            let key = mapping_key(&chars, &mut i)?;
            cur = Cursor::single(lookup(&key)?);
        }
        let spec = conversion_spec(&chars, &mut i, &mut cur)?;
        let Some(&conv) = chars.get(i) else {
            return Err(PyErrMsg::value_error("incomplete format"));
        };
        let conv_index = i;
        i += 1;
        let arg = cur.next()?;
        super::check_width(spec.width)?;
        super::check_width(spec.prec)?;
        out.push_str(&convert(&spec, &arg, conv, conv_index)?);
    }
    if cur.argidx < cur.arglen && lookup.is_none() {
        return Err(PyErrMsg::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

/// The `key` of `%(key)…`, with `chars[*i]` the `(`; parentheses nest.
fn mapping_key(chars: &[char], i: &mut usize) -> Result<String, PyErrMsg> {
    *i += 1;
    let start = *i;
    let mut depth = 1;
    while *i < chars.len() && depth > 0 {
        match chars[*i] {
            ')' => depth -= 1,
            '(' => depth += 1,
            _ => {}
        }
        *i += 1;
    }
    if depth > 0 {
        return Err(PyErrMsg::value_error("incomplete format key"));
    }
    Ok(chars[start..*i - 1].iter().collect())
}

/// The flags, width, precision and (ignored) length modifier of one
/// conversion, leaving `*i` on the conversion character. A `*` width or
/// precision consumes an argument.
fn conversion_spec(chars: &[char], i: &mut usize, cur: &mut Cursor<'_>) -> Result<Spec, PyErrMsg> {
    let mut spec = Spec {
        ljust: false,
        sign_plus: false,
        blank: false,
        alt: false,
        zero: false,
        width: -1,
        prec: -1,
    };
    while let Some(&f) = chars.get(*i) {
        match f {
            '-' => spec.ljust = true,
            '+' => spec.sign_plus = true,
            ' ' => spec.blank = true,
            '#' => spec.alt = true,
            '0' => spec.zero = true,
            _ => break,
        }
        *i += 1;
    }
    if chars.get(*i) == Some(&'*') {
        *i += 1;
        spec.width = star_arg(cur, false)?;
        if spec.width < 0 {
            spec.ljust = true;
            spec.width = spec.width.saturating_neg();
        }
    } else if let Some(width) = decimal(chars, i, "width too big")? {
        spec.width = width;
    }
    if chars.get(*i) == Some(&'.') {
        *i += 1;
        spec.prec = if chars.get(*i) == Some(&'*') {
            *i += 1;
            star_arg(cur, true)?.max(0)
        } else {
            decimal(chars, i, "precision too big")?.unwrap_or(0)
        };
    }
    // Length modifiers are accepted and ignored.
    while matches!(chars.get(*i), Some('h' | 'l' | 'L')) {
        *i += 1;
    }
    Ok(spec)
}

/// The decimal number at `chars[*i..]`, if any digits are there;
/// `ValueError(too_big)` if it overflows.
fn decimal(chars: &[char], i: &mut usize, too_big: &str) -> Result<Option<i64>, PyErrMsg> {
    let mut n: Option<i64> = None;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        n = Some(
            n.unwrap_or(0)
                .checked_mul(10)
                .and_then(|v| v.checked_add(i64::from(d)))
                .ok_or_else(|| PyErrMsg::value_error(too_big))?,
        );
        *i += 1;
    }
    Ok(n)
}

/// One conversion of `arg` by the conversion character `conv` (at
/// `conv_index` in the format, for the error message).
fn convert(spec: &Spec, arg: &FmtArg, conv: char, conv_index: usize) -> Result<String, PyErrMsg> {
    let prec = spec.prec;
    Ok(match conv {
        's' => spec.pad_text(truncate(arg.to_str(), prec)),
        'r' => spec.pad_text(truncate(arg.to_repr(), prec)),
        'a' => spec.pad_text(truncate(repr_to_ascii(arg), prec)),
        'c' => spec.pad_text(format_char(arg)?),
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => format_int_conv(spec, arg, conv)?,
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => format_float_conv(spec, arg, conv)?,
        other => {
            return Err(PyErrMsg::value_error(format!(
                "unsupported format character '{}' (0x{:x}) at index {}",
                other, other as u32, conv_index
            )))
        }
    })
}

/// A `*` width (any int that fits a `Py_ssize_t`) or precision (a C `int`).
fn star_arg(cur: &mut Cursor<'_>, c_int: bool) -> Result<i64, PyErrMsg> {
    let v = match cur.next()? {
        FmtArg::Int(v) => v,
        FmtArg::Bool(b) => i64::from(b),
        FmtArg::Big(_) => {
            return Err(PyErrMsg::overflow_error(if c_int {
                "Python int too large to convert to C int"
            } else {
                "Python int too large to convert to C ssize_t"
            }))
        }
        _ => return Err(PyErrMsg::type_error("* wants int")),
    };
    if c_int && i32::try_from(v).is_err() {
        return Err(PyErrMsg::overflow_error(
            "Python int too large to convert to C int",
        ));
    }
    Ok(v)
}

fn truncate(s: String, prec: i64) -> String {
    if prec >= 0 {
        s.chars().take(prec as usize).collect()
    } else {
        s
    }
}

fn repr_to_ascii(arg: &FmtArg) -> String {
    match arg {
        FmtArg::Str(s) => ascii_str(s),
        other => {
            // ascii() of a non-str object: its repr with non-ASCII escaped.
            let r = other.to_repr();
            let mut out = String::with_capacity(r.len());
            for c in r.chars() {
                let u = c as u32;
                if c.is_ascii() {
                    out.push(c);
                } else if u <= 0xff {
                    out.push_str(&format!("\\x{u:02x}"));
                } else if u <= 0xffff {
                    out.push_str(&format!("\\u{u:04x}"));
                } else {
                    out.push_str(&format!("\\U{u:08x}"));
                }
            }
            out
        }
    }
}

fn format_char(arg: &FmtArg) -> Result<String, PyErrMsg> {
    let code = match arg {
        FmtArg::Int(v) => *v,
        FmtArg::Bool(b) => i64::from(*b),
        FmtArg::Big(_) => -1,
        FmtArg::Str(s) if s.chars().count() == 1 => return Ok(s.clone()),
        _ => return Err(PyErrMsg::type_error("%c requires int or char")),
    };
    let c = u32::try_from(code)
        .ok()
        .filter(|c| *c < 0x110000)
        .ok_or_else(|| PyErrMsg::overflow_error("%c arg not in range(0x110000)"))?;
    char::from_u32(c)
        .map(|c| c.to_string())
        .ok_or_else(|| PyErrMsg::value_error("surrogate code points are not supported by Looplab"))
}

/// The flags, width and precision of one conversion.
#[derive(Clone, Copy)]
struct Spec {
    /// `-`: pad on the right.
    ljust: bool,
    /// `+`: always write a sign for numbers.
    sign_plus: bool,
    /// ` `: a space in place of `+` for non-negative numbers.
    blank: bool,
    /// `#`: alternate form (`0x` prefixes, always a point).
    alt: bool,
    /// `0`: zero padding for numbers.
    zero: bool,
    /// Minimum width (-1: none).
    width: i64,
    /// Precision (-1: none).
    prec: i64,
}

impl Spec {
    /// Pads non-numeric text (the `0` flag does not apply).
    fn pad_text(&self, s: String) -> String {
        let len = s.chars().count() as i64;
        if self.width <= len {
            return s;
        }
        let pad = " ".repeat((self.width - len) as usize);
        if self.ljust {
            s + &pad
        } else {
            pad + &s
        }
    }

    /// Pads a number made of `sign`, `prefix` and `body`.
    fn pad_number(&self, negative: bool, prefix: &str, body: &str) -> String {
        let sign = if negative {
            "-"
        } else if self.sign_plus {
            "+"
        } else if self.blank {
            " "
        } else {
            ""
        };
        let len = (sign.len() + prefix.len() + body.chars().count()) as i64;
        let pad = (self.width - len).max(0) as usize;
        if self.ljust {
            format!("{sign}{prefix}{body}{}", " ".repeat(pad))
        } else if self.zero {
            format!("{sign}{prefix}{}{body}", "0".repeat(pad))
        } else {
            format!("{}{sign}{prefix}{body}", " ".repeat(pad))
        }
    }
}

fn format_int_conv(spec: &Spec, arg: &FmtArg, conv: char) -> Result<String, PyErrMsg> {
    if let FmtArg::Big(v) = arg {
        let radix = match conv {
            'o' => 8,
            'x' | 'X' => 16,
            _ => 10,
        };
        let mut digits = v.magnitude().to_str_radix(radix);
        if conv == 'X' {
            digits.make_ascii_uppercase();
        }
        let prefix = match conv {
            'o' => "0o",
            'x' => "0x",
            'X' => "0X",
            _ => "",
        };
        if spec.prec > digits.len() as i64 {
            digits = "0".repeat(spec.prec as usize - digits.len()) + &digits;
        }
        let prefix = if spec.alt { prefix } else { "" };
        return Ok(spec.pad_number(v.sign() == super::bigint::Sign::Minus, prefix, &digits));
    }
    let v = match arg {
        FmtArg::Int(v) => *v,
        FmtArg::Bool(b) => i64::from(*b),
        FmtArg::Float(f) if matches!(conv, 'd' | 'i' | 'u') => {
            // int(f) may exceed 64 bits; its exact digits are still known.
            float_to_int(if f.is_finite() { 0.0 } else { *f })?;
            let t = f.trunc();
            let mut digits = format!("{:.0}", t.abs());
            if spec.prec > digits.len() as i64 {
                digits = "0".repeat(spec.prec as usize - digits.len()) + &digits;
            }
            return Ok(spec.pad_number(t < 0.0, "", &digits));
        }
        other => {
            let what = if matches!(conv, 'd' | 'i' | 'u') {
                "a real number"
            } else {
                "an integer"
            };
            return Err(PyErrMsg::type_error(format!(
                "%{conv} format: {what} is required, not {}",
                other.type_name()
            )));
        }
    };
    let mag = v.unsigned_abs();
    let (mut digits, prefix) = match conv {
        'o' => (format!("{mag:o}"), "0o"),
        'x' => (format!("{mag:x}"), "0x"),
        'X' => (format!("{mag:X}"), "0X"),
        _ => (mag.to_string(), ""),
    };
    if spec.prec > digits.len() as i64 {
        digits = "0".repeat(spec.prec as usize - digits.len()) + &digits;
    }
    let prefix = if spec.alt { prefix } else { "" };
    Ok(spec.pad_number(v < 0, prefix, &digits))
}

fn format_float_conv(spec: &Spec, arg: &FmtArg, conv: char) -> Result<String, PyErrMsg> {
    let x = match arg {
        FmtArg::Float(f) => *f,
        FmtArg::Int(v) => *v as f64,
        FmtArg::Big(v) => super::bigint::to_f64(v)?,
        FmtArg::Bool(b) => f64::from(u8::from(*b)),
        other => {
            return Err(PyErrMsg::type_error(format!(
                "must be real number, not {}",
                other.type_name()
            )))
        }
    };
    let prec = if spec.prec < 0 { 6 } else { spec.prec as usize };
    let (text, negative) = double_to_string(x, conv, prec, false, spec.alt, false);
    // inf and nan are never zero-padded.
    if !x.is_finite() {
        let s = Spec {
            zero: false,
            ..*spec
        };
        return Ok(s.pad_number(negative, "", &text));
    }
    Ok(spec.pad_number(negative, "", &text))
}
