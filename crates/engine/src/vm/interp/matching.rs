//! `match` statement instructions (CPython 3.11's `MATCH_SEQUENCE`,
//! `MATCH_MAPPING`, `GET_LEN`, `MATCH_KEYS`, `MATCH_CLASS`). They are rare
//! in the programs Looplab runs, so they stay out of line
//! (`#[inline(never)]`) rather than growing `exec`.

use super::*;
use crate::vm::library::builtins::isinstance;

/// Built-in types whose class patterns take one positional sub-pattern
/// matched against the subject itself (CPython's
/// `_Py_TPFLAGS_MATCH_SELF`).
const MATCH_SELF: &[&str] = &[
    "bool",
    "bytearray",
    "bytes",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "set",
    "str",
    "tuple",
];

impl Vm {
    /// `MatchSequence`.
    #[inline(never)]
    pub(super) fn op_match_sequence(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let is_seq = matches!(top!(fr), Value::List(_) | Value::Tuple(_) | Value::Range(_));
        fr.stack.push(Value::Bool(is_seq));
        Ok(())
    }

    /// `MatchMapping`.
    #[inline(never)]
    pub(super) fn op_match_mapping(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let is_map = matches!(top!(fr), Value::Dict(_));
        fr.stack.push(Value::Bool(is_map));
        Ok(())
    }

    /// `GetLen`.
    #[inline(never)]
    pub(super) fn op_get_len(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let subject = top!(fr).clone();
        let n = match &subject {
            Value::List(l) => l.borrow().len() as i64,
            Value::Tuple(t) => t.len() as i64,
            Value::Dict(d) => d.borrow().len() as i64,
            Value::Range(r) => r.len(),
            Value::Str(s) => s.chars().count() as i64,
            Value::Bytes(b) => b.len() as i64,
            Value::ByteArray(b) => b.borrow().len() as i64,
            other => {
                let tn = self.type_name(other);
                return Err(self.type_error(format!("object of type '{tn}' has no len()")));
            }
        };
        frame!(self).stack.push(Value::Int(n));
        Ok(())
    }

    /// `MatchKeys`: looks each key up in the subject (a dict, as
    /// `MatchMapping` checked); a missing key means no match.
    #[inline(never)]
    pub(super) fn op_match_keys(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let n = fr.stack.len();
        if n < 2 {
            return Err(Error::Internal("value stack underflow".into()));
        }
        let (subject, keys) = (fr.stack[n - 2].clone(), fr.stack[n - 1].clone());
        let (Value::Dict(d), Value::Tuple(keys)) = (&subject, &keys) else {
            return Err(Error::Internal("MatchKeys on a non-dict".into()));
        };
        let mut values = Vec::with_capacity(keys.len());
        let mut missing = false;
        // CPython checks each key against a set of those seen (a lookup,
        // then an insertion: two hashes) before looking it up with `get`
        // (a third), and stops at the first missing key.
        let mut seen: Vec<(i64, Value)> = Vec::with_capacity(keys.len());
        for k in keys.iter() {
            let h = self.hash(k)?;
            for (ph, prev) in &seen {
                if *ph == h && self.eq(prev, k)? {
                    let r = self.repr(k)?;
                    return Err(
                        self.value_error(format!("mapping pattern checks duplicate key ({r})"))
                    );
                }
            }
            self.hash(k)?;
            seen.push((h, k.clone()));
            match self.dict_get(d, k)? {
                Some(v) => values.push(v),
                None => {
                    missing = true;
                    break;
                }
            }
        }
        let result = if missing {
            Value::None
        } else {
            Value::tuple(values)
        };
        frame!(self).stack.push(result);
        Ok(())
    }

    /// `MatchClass(nargs)`.
    #[inline(never)]
    pub(super) fn op_match_class(&mut self, nargs: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let names = pop!(fr);
        let cls = pop!(fr);
        let subject = pop!(fr);
        let result = self.match_class(&subject, &cls, nargs as usize, &names)?;
        frame!(self)
            .stack
            .push(result.map_or(Value::None, Value::tuple));
        Ok(())
    }

    fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        nargs: usize,
        names: &Value,
    ) -> Result<Option<Vec<Value>>, Error> {
        let Value::Class(c) = cls else {
            return Err(self.type_error("called match pattern must be a type"));
        };
        if !isinstance(self, subject, cls)? {
            return Ok(None);
        }
        let mut seen: Vec<Name> = Vec::new();
        let mut attrs = Vec::new();
        if nargs > 0 {
            let attr = self.intern("__match_args__");
            let match_args = match self.getattr(cls, &attr) {
                Ok(v) => Some(v),
                Err(Error::Exception(e))
                    if self.is_instance_of(&e, &self.types.attribute_error.clone()) =>
                {
                    None
                }
                Err(e) => return Err(e),
            };
            let (allowed, match_self) = match &match_args {
                Some(Value::Tuple(t)) => (t.len(), false),
                Some(other) => {
                    let tn = self.type_name(other);
                    return Err(self.type_error(format!(
                        "{}.__match_args__ must be a tuple (got {tn})",
                        c.name
                    )));
                }
                None if MATCH_SELF.contains(&&*c.name)
                    || c.mro
                        .borrow()
                        .iter()
                        .any(|b| b.layout == Layout::Builtin && MATCH_SELF.contains(&&*b.name)) =>
                {
                    (1, true)
                }
                None => (0, false),
            };
            if nargs > allowed {
                let s = if allowed == 1 { "" } else { "s" };
                return Err(self.type_error(format!(
                    "{}() accepts {allowed} positional sub-pattern{s} ({nargs} given)",
                    c.name
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else if let Some(Value::Tuple(t)) = &match_args {
                for name in t.iter().take(nargs) {
                    let Value::Str(n) = name else {
                        let tn = self.type_name(name);
                        return Err(self.type_error(format!(
                            "__match_args__ elements must be strings (got {tn})"
                        )));
                    };
                    let n = self.intern(n);
                    match self.match_class_attr(subject, c, &n, &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(None),
                    }
                }
            }
        }
        if let Value::Tuple(kw) = names {
            for name in kw.iter() {
                let Value::Str(n) = name else { continue };
                let n = self.intern(n);
                match self.match_class_attr(subject, c, &n, &mut seen)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(None),
                }
            }
        }
        Ok(Some(attrs))
    }

    /// One attribute of a class pattern: None when the subject lacks it.
    fn match_class_attr(
        &mut self,
        subject: &Value,
        cls: &Class,
        name: &Name,
        seen: &mut Vec<Name>,
    ) -> Result<Option<Value>, Error> {
        if seen.contains(name) {
            return Err(self.type_error(format!(
                "{}() got multiple sub-patterns for attribute '{name}'",
                cls.name
            )));
        }
        seen.push(name.clone());
        match self.getattr(subject, name) {
            Ok(v) => Ok(Some(v)),
            Err(Error::Exception(e))
                if self.is_instance_of(&e, &self.types.attribute_error.clone()) =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
}
