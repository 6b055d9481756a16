//! `pylib`: CPython 3.11's exact text and number behaviours, as pure
//! functions with no dependence on the VM's value model.
//!
//! Every function here mirrors one CPython builtin or method and produces
//! byte-for-byte what CPython 3.11 produces. Errors are returned as
//! [`PyErrMsg`] (exception type name + message); the VM turns them into real
//! exceptions, adding the traceback position itself.
//!
//! # API at a glance (what the VM calls)
//!
//! * [`float_repr::repr_float`]: `repr(float)` and `str(float)`.
//! * [`format_spec`]: `format(v, spec)` and f-string `{v:spec}`:
//!   [`format_spec::format_int`], [`format_spec::format_bool`] (`'True'`
//!   with an empty spec, int formatting otherwise: `format(True, '>5')` is
//!   `'    1'`), [`format_spec::format_float`], [`format_spec::format_str`],
//!   or the dispatcher [`format_spec::format_value`]. Other objects: an empty
//!   spec means `str(obj)`, any other spec is the VM's
//!   `TypeError: unsupported format string passed to T.__format__`.
//! * [`format_template`]: `str.format` / `format_map` templates
//!   (`{0!r:>{width}}`), as lazy steps (CPython reports errors in the order
//!   it meets them) or through [`format_template::vformat`] with callbacks.
//! * [`percent_format::percent_format`]: `fmt % args`, over
//!   [`percent_format::FmtArg`] values the VM builds from its objects (see
//!   that module for which right operands are `One`, `Tuple` or `Mapping`).
//! * [`numbers`]: `int(str, base)`, `float(str)`, `int(float)`, `round`
//!   (float and int, with and without ndigits), `//`, `%`, `divmod`, `/`,
//!   `**` and `pow(b, e, m)`, exact int/float comparison,
//!   `float.is_integer`, `bin`/`oct`/`hex`.
//! * [`hash`]: `hash()` of int, float, bool, str, bytes, tuple, frozenset,
//!   as CPython 3.11 computes it with `PYTHONHASHSEED=0` (what the oracle
//!   uses).
//! * [`set_order::SetOrder`]: CPython's set hash table (probing, dummies,
//!   resizing, `pop` finger, `|` `&` `-` `^`, copy, update from a dict), so
//!   sets iterate and print in CPython's order.
//! * [`random::Random`]: the `random` module (MT19937; seeding from int,
//!   float, str, bytes; `random`, `getrandbits`, `randrange`, `randint`,
//!   `choice`, `choices`, `shuffle`, `sample`, `uniform`, `gauss`,
//!   `normalvariate`, `expovariate`, `triangular`). [`random::Random::new`]
//!   is `seed(0)`, matching the oracle.
//! * [`bigint`]: ints beyond 64 bits (`num-bigint`): the 4300-digit limit of
//!   `str()`/`int()`, the modular `hash()`, correctly rounded `float()` and
//!   true division, `pow(a, b, m)`, `round(x, -n)`, `to_bytes`/`from_bytes`.
//! * [`strings`]: str methods whose semantics differ from Rust's (`split`,
//!   `rsplit`, `splitlines`, `strip`, `title`, `capitalize`, `swapcase`,
//!   `lower` with final sigma, `casefold`, `center`/`ljust`/`rjust`/`zfill`,
//!   `expandtabs`, the `is*` predicates, `find`/`rfind`/`index`/`count`/
//!   `startswith`/`endswith` with *character* start/end, `partition`,
//!   `replace`), plus `repr`/`ascii` of str and `repr` of bytes.
//!
//! # Limits the VM must know
//!
//! * The `i64` functions of [`numbers`] are the small-int fast cases; where
//!   CPython would produce a bigger int they return
//!   [`PyErrMsg::int_too_big`], and the VM computes with [`bigint`] instead
//!   (no user ever sees that error).
//! * A width or precision above [`MAX_FORMAT_WIDTH`] (16 Mi characters)
//!   gives `MemoryError` instead of allocating (CPython would allocate or
//!   raise `MemoryError`); the check sits where CPython would allocate, so
//!   CPython's own errors still come first.
//! * `negative ** fractional` is a complex number in CPython; Looplab has no
//!   complex type and returns a `ValueError` saying so.
//! * `hash(None)`, `hash(nan)` and object hashes are address-based in 3.11,
//!   so no fixed value exists; [`hash::hash_float`] gives 0 for NaN.
//! * Lone surrogates cannot live in a Rust `String`: `chr(0xd800)`-style
//!   results (`format(0xd800, 'c')`, `'%c' % 0xd800`) are a `ValueError`.
//! * Character classes come from CPython's own `unicodedata` (tables in
//!   `unicode_tables.rs`); case *mappings* use Rust's (newer Unicode), which
//!   can differ for characters added after Unicode 14.
//! * `gauss`, `normalvariate`, `expovariate`, `triangular` and float `**`
//!   use the platform `log`/`sin`/`cos`/`sqrt`/`pow`; natively they match
//!   glibc in the fixtures, in wasm the last bit may differ.
//!
//! # Tests
//!
//! `fixture_tests.rs` checks every line of `fixtures/*.jsonl`: inputs and
//! the output (or exception) of real CPython 3.11, written by
//! `tools/pylib_fixtures.py` (rerun it to regenerate fixtures and the
//! Unicode tables; it re-executes itself with `PYTHONHASHSEED=0`).

pub mod bigint;
pub mod codecs;
pub mod float_repr;
pub mod format_spec;
pub mod format_template;
pub mod hash;
pub mod numbers;
pub mod percent_format;
pub mod random;
pub mod set_order;
pub mod strings;
mod unicode_tables;

#[cfg(test)]
mod fixture_tests;

use std::fmt;

/// A Python exception as data: what the VM raises when a `pylib` function
/// fails. `Display` renders it as CPython's last traceback line
/// (`ValueError: ...`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyErrMsg {
    /// The builtin exception class name, e.g. `"ValueError"`, `"TypeError"`,
    /// `"OverflowError"`, `"ZeroDivisionError"`, `"KeyError"`, `"IndexError"`.
    pub exc_type: &'static str,
    /// The exception's `str()`, exactly as CPython words it. For `KeyError`
    /// this is the repr of the key (CPython prints `KeyError: 'a'`).
    pub msg: String,
}

impl PyErrMsg {
    /// An error of type `exc_type` with message `msg`.
    pub fn new(exc_type: &'static str, msg: impl Into<String>) -> PyErrMsg {
        PyErrMsg {
            exc_type,
            msg: msg.into(),
        }
    }

    /// `ValueError(msg)`.
    pub fn value_error(msg: impl Into<String>) -> PyErrMsg {
        PyErrMsg::new("ValueError", msg)
    }

    /// `TypeError(msg)`.
    pub fn type_error(msg: impl Into<String>) -> PyErrMsg {
        PyErrMsg::new("TypeError", msg)
    }

    /// `OverflowError(msg)`.
    pub fn overflow_error(msg: impl Into<String>) -> PyErrMsg {
        PyErrMsg::new("OverflowError", msg)
    }

    /// `ZeroDivisionError(msg)`.
    pub fn zero_division(msg: impl Into<String>) -> PyErrMsg {
        PyErrMsg::new("ZeroDivisionError", msg)
    }

    /// `IndexError(msg)`.
    pub fn index_error(msg: impl Into<String>) -> PyErrMsg {
        PyErrMsg::new("IndexError", msg)
    }

    /// The error of an `i64` helper of [`numbers`] whose result needs more
    /// than 64 bits (the VM then computes with [`bigint`]; only the
    /// fixture tests see this error).
    pub fn int_too_big() -> PyErrMsg {
        PyErrMsg::overflow_error("result beyond 64 bits: compute it with pylib::bigint")
    }
}

/// The largest width or precision a format may ask for. CPython would try
/// to allocate the text (and maybe raise `MemoryError`); Looplab refuses
/// up front so user input can never exhaust memory.
pub const MAX_FORMAT_WIDTH: i64 = 1 << 24;

/// The `MemoryError` for a width or precision above [`MAX_FORMAT_WIDTH`].
pub(crate) fn check_width(w: i64) -> Result<(), PyErrMsg> {
    if w > MAX_FORMAT_WIDTH {
        return Err(PyErrMsg::new(
            "MemoryError",
            "format width or precision too large for Looplab",
        ));
    }
    Ok(())
}

impl fmt::Display for PyErrMsg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.msg.is_empty() {
            write!(f, "{}", self.exc_type)
        } else {
            write!(f, "{}: {}", self.exc_type, self.msg)
        }
    }
}

#[cfg(test)]
mod robustness_tests {
    //! Hostile inputs must give a Python error or a value, never a panic
    //! or an attempt to allocate without bound.
    use super::*;

    #[test]
    fn huge_widths_are_refused_not_allocated() {
        let memory = |r: Result<String, PyErrMsg>| r.map_err(|e| e.exc_type);
        assert_eq!(
            memory(format_spec::format_int(1, "999999999999")),
            Err("MemoryError")
        );
        assert_eq!(
            memory(format_spec::format_float(1.5, ".999999999f")),
            Err("MemoryError")
        );
        assert_eq!(
            memory(format_spec::format_str("a", "<99999999999")),
            Err("MemoryError")
        );
        let args = [
            percent_format::FmtArg::Int(i64::MIN),
            percent_format::FmtArg::Int(1),
        ];
        assert_eq!(
            memory(percent_format::percent_format(
                "%*d",
                percent_format::PercentArgs::Tuple(&args)
            )),
            Err("MemoryError")
        );
        assert_eq!(
            memory(strings::center("a", i64::MAX, ' ')),
            Err("MemoryError")
        );
        assert_eq!(memory(strings::zfill("1", i64::MAX)), Err("MemoryError"));
        assert_eq!(
            memory(strings::expandtabs("\t", i64::MAX)),
            Err("MemoryError")
        );
    }

    #[test]
    fn extreme_numbers_do_not_panic() {
        let big = [i64::MIN, i64::MIN + 1, -1, 0, 1, i64::MAX];
        for &a in &big {
            for &b in &big {
                let _ = numbers::int_floordiv(a, b);
                let _ = numbers::int_mod(a, b);
                let _ = numbers::int_divmod(a, b);
                let _ = numbers::int_truediv(a, b);
                let _ = numbers::int_pow(a, b);
                let _ = numbers::int_pow_mod(a, b, a);
                let _ = numbers::round_int(a, b);
                let _ = numbers::cmp_int_float(a, b as f64);
            }
            let _ = numbers::int_to_base(a, 16);
            let _ = hash::hash_int(a);
            let mut r = random::Random::new();
            let _ = r.randrange(a, Some(i64::MAX), 1);
            let _ = r.randrange(i64::MIN, Some(a), -1);
            let _ = r.randint(a, i64::MAX);
            let _ = r.getrandbits(a);
            let _ = r.sample_indices(10, a);
        }
        for x in [
            f64::NAN,
            f64::INFINITY,
            -0.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
        ] {
            for n in [i64::MIN, -400, -1, 0, 1, 400, i64::MAX] {
                let _ = numbers::round_float(x, n);
            }
            let _ = numbers::round_float_to_int(x);
            let _ = numbers::float_pow(x, -x);
            let _ = numbers::float_divmod(x, x);
            let _ = format_spec::format_float(x, "_=+#030,.3%");
        }
        assert_eq!(
            numbers::int_pow(2, 64).map_err(|e| e.exc_type),
            Err("OverflowError")
        );
    }

    #[test]
    fn odd_text_does_not_panic() {
        for s in [
            "",
            "%",
            "%(",
            "{",
            "}",
            "{0[",
            "\u{10ffff}",
            "é\u{301}",
            "%(a)",
            "{:{:{:{}}}}",
        ] {
            let _ = numbers::int_from_str(s, 0);
            let _ = numbers::float_from_str(s);
            let _ = format_spec::format_str(s, s);
            let _ = strings::split(s, Some(s), -1);
            let _ = strings::rsplit(s, None, 1);
            let _ = strings::find(s, s, Some(i64::MIN), Some(i64::MAX));
            let _ = strings::count(s, "", Some(i64::MAX), None);
            let _ = percent_format::percent_format(s, percent_format::PercentArgs::Tuple(&[]));
            let _: Vec<_> = format_template::MarkupIterator::new(s).collect();
            let _ = format_template::field_name_split(s, &mut format_template::AutoNumber::new());
        }
    }
}
