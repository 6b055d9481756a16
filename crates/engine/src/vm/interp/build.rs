//! Instructions that build objects: collections, displays and their
//! unpacking, f-string pieces, functions and classes.

use super::*;

impl Vm {
    /// `BuildList`.
    #[inline(always)]
    pub(super) fn op_build_list(&mut self, n: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let items = split_top(fr, n)?;
        fr.stack.push(Value::list(items));
        Ok(())
    }

    /// `BuildTuple`.
    #[inline(always)]
    pub(super) fn op_build_tuple(&mut self, n: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let items = split_top(fr, n)?;
        fr.stack.push(Value::tuple(items));
        Ok(())
    }

    /// `BuildSet`.
    #[inline(always)]
    pub(super) fn op_build_set(&mut self, n: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let items = split_top(fr, n)?;
        let s = self.new_set(items)?;
        frame!(self).stack.push(s);
        Ok(())
    }

    /// `BuildConstSet`.
    #[inline(always)]
    pub(super) fn op_build_const_set(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let t = fr.consts[i as usize].clone();
        let items = match t {
            Value::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        };
        // The compiler builds a frozenset, then the constant
        // merger rebuilds it from its iteration order.
        let first = self.new_set(items)?;
        let order = self.iterate(&first)?;
        let frozen = self.new_set(order)?;
        let s = self.set_copy_of(&frozen, true)?;
        frame!(self).stack.push(s);
        Ok(())
    }

    /// `BuildMap`.
    #[inline(always)]
    pub(super) fn op_build_map(&mut self, n: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let items = split_top(fr, n * 2)?;
        let mut d = Dict::new();
        let mut it = items.into_iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            self.dict_set(&mut d, k, v)?;
        }
        frame!(self).stack.push(Value::dict(d));
        Ok(())
    }

    /// `ListAppend`.
    #[inline(always)]
    pub(super) fn op_list_append(&mut self, n: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let i = fr.stack.len().saturating_sub(n as usize);
        match &fr.stack[i] {
            Value::List(l) => l.borrow_mut().push(v),
            _ => return Err(Error::Internal("LIST_APPEND on non-list".into())),
        }
        Ok(())
    }

    /// `SetAdd`.
    #[inline(always)]
    pub(super) fn op_set_add(&mut self, n: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let i = fr.stack.len().saturating_sub(n as usize);
        let s = fr.stack[i].clone();
        self.set_add(&s, v)?;
        Ok(())
    }

    /// `MapAdd`.
    #[inline(always)]
    pub(super) fn op_map_add(&mut self, n: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let k = pop!(fr);
        let i = fr.stack.len().saturating_sub(n as usize);
        let d = fr.stack[i].clone();
        self.setitem(&d, k, v)?;
        Ok(())
    }

    /// `ListExtend`.
    #[inline(always)]
    pub(super) fn op_list_extend(&mut self, n: u32) -> Result<Option<Completion>, Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        if n == 1 && python_loops::unpacks_in_python(&v) {
            // (`f(*generator)`, `[*generator]`: see `python_loops`.)
            let l = pop!(frame!(self));
            let f = self.python_loop("extend_list")?;
            return self.call_op(&f, vec![l, v], Vec::new());
        }
        let fr = frame!(self);
        let i = fr.stack.len().saturating_sub(n as usize);
        let l = fr.stack[i].clone();
        let items = self.iterate(&v)?;
        if let Value::List(l) = l {
            l.borrow_mut().extend(items);
        }
        Ok(None)
    }

    /// `SetUpdate`.
    #[inline(always)]
    pub(super) fn op_set_update(&mut self, n: u32) -> Result<Option<Completion>, Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        if n == 1 && python_loops::unpacks_in_python(&v) {
            // (`{*generator}`: see `python_loops`.)
            let s = pop!(frame!(self));
            let f = self.python_loop("update_set")?;
            return self.call_op(&f, vec![s, v], Vec::new());
        }
        let fr = frame!(self);
        let i = fr.stack.len().saturating_sub(n as usize);
        let s = fr.stack[i].clone();
        self.set_update(&s, &v)?;
        Ok(None)
    }

    /// `DictUpdate | DictMerge`.
    #[inline(always)]
    pub(super) fn op_dict_update(&mut self, op: Op, n: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let i = fr.stack.len().saturating_sub(n as usize);
        let d = fr.stack[i].clone();
        let merge = matches!(op, Op::DictMerge(_));
        let func = if merge && i >= 2 {
            Some(fr.stack[i - 2].clone())
        } else {
            None
        };
        if let Err(Error::Exception(e)) = self.dict_update_op(&d, &v, merge) {
            // CPython names the callee: "f() got multiple values…".
            let fname = match &func {
                Some(Value::Function(f)) => {
                    let m = f.globals.get("__name__").map(|m| match m {
                        Value::Str(s) => format!("{s}."),
                        _ => String::new(),
                    });
                    Some(format!(
                        "{}{}()",
                        m.unwrap_or_default(),
                        f.qualname.borrow()
                    ))
                }
                Some(Value::Builtin(b)) => Some(format!("{}()", b.name)),
                _ => None,
            };
            if let (Some(fname), Some(d)) = (fname, self.exc_data(&e)) {
                let msg = match d.borrow().args.first() {
                    Some(Value::Str(s)) if s.starts_with("got ") => Some(format!("{fname} {s}")),
                    _ => None,
                };
                if let Some(m) = msg {
                    d.borrow_mut().args = vec![Value::Str(Rc::from(m))];
                }
            }
            return Err(Error::Exception(e));
        }
        Ok(())
    }

    /// `ListToTuple`.
    #[inline(always)]
    pub(super) fn op_list_to_tuple(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let t = match v {
            Value::List(l) => Value::tuple(l.borrow().clone()),
            other => other,
        };
        fr.stack.push(t);
        Ok(())
    }

    /// `BuildSlice`.
    #[inline(always)]
    pub(super) fn op_build_slice(&mut self, n: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let step = if n == 3 { pop!(fr) } else { Value::None };
        let stop = pop!(fr);
        let start = pop!(fr);
        fr.stack.push(Value::Slice(Rc::new([start, stop, step])));
        Ok(())
    }

    /// `BuildString`.
    #[inline(always)]
    pub(super) fn op_build_string(&mut self, n: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let Some(first) = fr.stack.len().checked_sub(n as usize) else {
            return Err(Error::Internal("stack underflow".into()));
        };
        // The pieces are read where they lie and the text made in one
        // allocation of the right size.
        let pieces = || {
            fr.stack[first..].iter().filter_map(|v| match v {
                Value::Str(x) => Some(&**x),
                _ => None,
            })
        };
        let len: usize = pieces().map(str::len).sum();
        // Short texts (most f-strings) are joined on the Rust stack, so
        // the `Rc<str>` is the only allocation (a `String` first is two,
        // and a copy).
        let mut buf = [0u8; SHORT_TEXT];
        let short = if len <= SHORT_TEXT {
            let mut at = 0;
            for x in pieces() {
                buf[at..at + x.len()].copy_from_slice(x.as_bytes());
                at += x.len();
            }
            // Joined UTF-8 texts are UTF-8: this only checks it.
            std::str::from_utf8(&buf[..at]).ok()
        } else {
            None
        };
        let text: Rc<str> = match short {
            Some(t) => Rc::from(t),
            None => {
                let mut s = String::with_capacity(len);
                pieces().for_each(|x| s.push_str(x));
                Rc::from(s)
            }
        };
        fr.stack.truncate(first);
        fr.stack.push(Value::Str(text));
        Ok(())
    }

    /// `FormatValue`.
    #[inline(always)]
    pub(super) fn op_format_value(&mut self, flags: u8) -> Result<(), Error> {
        let fr = frame!(self);
        let spec = if flags & 8 != 0 { Some(pop!(fr)) } else { None };
        let v = pop!(fr);
        let v = match flags & 7 {
            1 => Value::Str(Rc::from(self.str_of(&v)?)),
            2 => Value::Str(Rc::from(self.repr(&v)?)),
            3 => Value::Str(Rc::from(self.ascii(&v)?)),
            _ => v,
        };
        let spec = match &spec {
            Some(Value::Str(s)) => s.to_string(),
            _ => String::new(),
        };
        if spec.is_empty() {
            // `format(x, "")` of a str is the str itself, of an int its
            // decimal form: no trip through the general formatter.
            match v {
                Value::Str(_) => {
                    frame!(self).stack.push(v);
                    return Ok(());
                }
                Value::Int(i) => {
                    frame!(self).stack.push(Value::Str(int_text(i)));
                    return Ok(());
                }
                _ => {}
            }
        }
        let s = self.format(&v, &spec)?;
        frame!(self).stack.push(Value::Str(Rc::from(s)));
        Ok(())
    }

    /// `UnpackSequence`.
    #[inline(always)]
    pub(super) fn op_unpack_sequence(&mut self, n: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let items = self.unpack(&v, n as usize)?;
        let fr = frame!(self);
        fr.stack.extend(items.into_iter().rev());
        Ok(())
    }

    /// `UnpackEx`.
    #[inline(always)]
    pub(super) fn op_unpack_ex(&mut self, before: u32, after: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let items = self.unpack_ex(&v, before as usize, after as usize)?;
        let fr = frame!(self);
        fr.stack.extend(items.into_iter().rev());
        Ok(())
    }

    /// `MakeFunction`.
    #[inline(always)]
    pub(super) fn op_make_function(&mut self, code: u32, flags: u8) -> Result<(), Error> {
        let fr = frame!(self);
        let code = fr.code.codes[code as usize].clone();
        let annotations = if flags & 4 != 0 { Some(pop!(fr)) } else { None };
        let kwdefaults = if flags & 2 != 0 {
            match pop!(fr) {
                Value::Dict(d) => d
                    .borrow()
                    .iter()
                    .filter_map(|(k, v)| match k {
                        Value::Str(s) => Some((s.clone(), v.clone())),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let defaults = if flags & 1 != 0 {
            match pop!(fr) {
                Value::Tuple(t) => t.to_vec(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let closure = code
            .closure_from
            .iter()
            .map(|&i| fr.cells.get(i as usize).cloned().unwrap_or_default())
            .collect();
        let globals = fr.globals.clone();
        let id = self.fresh_id();
        let f = Function {
            name: RefCell::new(code.name.clone()),
            qualname: RefCell::new(code.qualname.clone()),
            code,
            globals,
            defaults,
            kwdefaults,
            closure,
            dict: RefCell::new(AttrMap::new()),
            id,
        };
        if let Some(a) = annotations {
            set_annotations(&f, a);
        }
        frame!(self).stack.push(Value::Function(Rc::new(f)));
        Ok(())
    }

    /// `BuildClass`.
    #[inline(always)]
    pub(super) fn op_build_class(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let kwargs = pop!(fr);
        let bases = pop!(fr);
        let name = pop!(fr);
        let func = pop!(fr);
        self.build_class(func, name, bases, kwargs)?;
        Ok(())
    }

    /// `LoadLocals`.
    #[inline(always)]
    pub(super) fn op_load_locals(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        fr.stack.push(Value::None);
        Ok(())
    }
}

/// A new function's `__annotations__` (out of line: `op_make_function` is
/// inlined into the run loop).
#[cold]
#[inline(never)]
fn set_annotations(f: &Function, annotations: Value) {
    f.dict
        .borrow_mut()
        .insert(Rc::from("__annotations__"), annotations);
}

/// Joined texts up to this many bytes are built on the Rust stack.
const SHORT_TEXT: usize = 128;

/// The decimal form of `i` in one allocation (`i.to_string()` then
/// `Rc::from` is two, and a copy).
fn int_text(i: i64) -> Rc<str> {
    // 19 digits and a sign at most.
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut n = i.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    match std::str::from_utf8(&buf[at..]) {
        Ok(t) => Rc::from(t),
        Err(_) => Rc::from(i.to_string()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn int_text_is_the_decimal_form() {
        for i in [0, 7, -7, 10, -10, 97, 1_000_000_007, i64::MAX, i64::MIN] {
            assert_eq!(&*super::int_text(i), i.to_string());
        }
    }
}
