//! Call instructions (CPython's CALL family), with their shortcuts for
//! simple Python functions and a few builtins.

use super::*;

impl Vm {
    /// `CallMethod`.
    #[inline(always)]
    pub(super) fn op_call_method(
        &mut self,
        name: u32,
        argc: u32,
    ) -> Result<Option<Completion>, Error> {
        let fr = frame!(self);
        let n = fr.stack.len();
        let Some(start) = n.checked_sub(argc as usize + 1) else {
            return Err(Error::Internal("stack underflow in call".into()));
        };
        let name = fr.code.names[name as usize].clone();
        // list.append(x) (CPython's CALL_NO_KW_LIST_APPEND): an inline
        // shortcut of the general path (`call_method_op` finds the builtin
        // method and calls it) that skips the argument vector and the
        // native call; same effect, kept for speed.
        if argc == 1 && &*name == "append" {
            if let Value::List(l) = &fr.stack[start] {
                let l = l.clone();
                let mut lb = l.borrow_mut();
                if lb.len() < self.limits.max_collection_len {
                    let Some(v) = fr.stack.pop() else {
                        return Err(Error::Internal("stack underflow".into()));
                    };
                    lb.push(v);
                    drop(lb);
                    fr.stack[start] = Value::None;
                    return Ok(None);
                }
            }
        }
        // dict.get(key): an inline shortcut of the general path
        // (`call_method_op` finds the builtin method through the method
        // table and calls it with an argument vector); the same lookup, the
        // same effects in the same order, errors delivered the same way.
        if argc == 1 && &*name == "get" {
            if let Value::Dict(d) = &fr.stack[start] {
                let d = d.clone();
                let Some(key) = fr.stack.pop() else {
                    return Err(Error::Internal("stack underflow".into()));
                };
                fr.stack.truncate(start);
                let v = match self.dict_get(&d, &key) {
                    Ok(v) => v.unwrap_or(Value::None),
                    Err(Error::Suspend(req)) => return self.suspend_here(req),
                    Err(e) => return Err(e),
                };
                drop((d, key));
                frame!(self).stack.push(v);
                return Ok(None);
            }
        }
        if let Some(func) = self.simple_method_target(start, &name, argc + 1) {
            self.call_simple_from_stack(&func, start, false)?;
            return Ok(None);
        }
        let fr = frame!(self);
        let mut args = self.frame_pool.args();
        args.extend(fr.stack.drain(start..));
        self.call_method_op(&name, args, Vec::new())
    }

    /// `CallMethodKw`.
    #[inline(always)]
    pub(super) fn op_call_method_kw(
        &mut self,
        name: u32,
        argc: u32,
    ) -> Result<Option<Completion>, Error> {
        let fr = frame!(self);
        let names = pop!(fr);
        let n = fr.stack.len();
        let Some(start) = n.checked_sub(argc as usize + 1) else {
            return Err(Error::Internal("stack underflow in call".into()));
        };
        let mut args = fr.stack.split_off(start);
        let kw = split_kwargs(&mut args, &names);
        let name = fr.code.names[name as usize].clone();
        self.call_method_op(&name, args, kw)
    }

    /// `Call`.
    #[inline(always)]
    pub(super) fn op_call(&mut self, argc: u32) -> Result<Option<Completion>, Error> {
        let fr = frame!(self);
        let n = fr.stack.len();
        let Some(start) = n.checked_sub(argc as usize) else {
            return Err(Error::Internal("stack underflow in call".into()));
        };
        match start.checked_sub(1).map(|i| &fr.stack[i]) {
            Some(Value::Function(func)) if takes_simple_args(&func.code, argc) => {
                let func = func.clone();
                self.call_simple_from_stack(&func, start, true)?;
                return Ok(None);
            }
            // type(x) and len(x) of a builtin container (CPython's
            // PRECALL_NO_KW_TYPE_1 and _LEN): inline shortcuts of the
            // general path (`call_op` runs the builtin), which skip the
            // argument vector and the native call; kept for speed.
            Some(Value::Class(c)) if argc == 1 && Rc::ptr_eq(c, &self.types.type_) => {
                let Some(x) = fr.stack.pop() else {
                    return Err(Error::Internal("stack underflow".into()));
                };
                let cls = self.class_of(&x);
                let fr = frame!(self);
                if let Some(top) = fr.stack.last_mut() {
                    *top = Value::Class(cls);
                }
                return Ok(None);
            }
            Some(Value::Builtin(b))
                if argc == 1
                    && self
                        .builtin_len
                        .as_ref()
                        .is_some_and(|len| Rc::ptr_eq(b, len)) =>
            {
                let n = match &fr.stack[start] {
                    Value::List(l) => Some(l.borrow().len()),
                    Value::Tuple(t) => Some(t.len()),
                    Value::Dict(d) | Value::Set(d) => Some(d.borrow().len()),
                    Value::Str(s) if s.is_ascii() => Some(s.len()),
                    _ => None,
                };
                if let Some(n) = n {
                    fr.stack.truncate(start - 1);
                    fr.stack.push(Value::Int(n as i64));
                    return Ok(None);
                }
            }
            _ => {}
        }
        let mut args = self.frame_pool.args();
        args.extend(fr.stack.drain(start..));
        let f = pop!(fr);
        self.call_op(&f, args, Vec::new())
    }

    /// `CallKw`.
    #[inline(always)]
    pub(super) fn op_call_kw(&mut self, argc: u32) -> Result<Option<Completion>, Error> {
        let fr = frame!(self);
        let names = pop!(fr);
        let n = fr.stack.len();
        let Some(start) = n.checked_sub(argc as usize) else {
            return Err(Error::Internal("stack underflow in call".into()));
        };
        let mut args = fr.stack.split_off(start);
        let f = pop!(fr);
        let kw = split_kwargs(&mut args, &names);
        self.call_op(&f, args, kw)
    }

    /// `CallEx`.
    #[inline(always)]
    pub(super) fn op_call_ex(&mut self, has_kw: bool) -> Result<Option<Completion>, Error> {
        let fr = frame!(self);
        let kwargs = if has_kw { Some(pop!(fr)) } else { None };
        let args = pop!(fr);
        let f = pop!(fr);
        let args = match args {
            Value::Tuple(t) => t.to_vec(),
            other => self.iterate(&other)?,
        };
        let mut kw = Vec::new();
        if let Some(Value::Dict(d)) = kwargs {
            for (k, v) in d.borrow().iter() {
                match k {
                    Value::Str(s) => kw.push((s.clone(), v.clone())),
                    _ => return Err(self.type_error("keywords must be strings")),
                }
            }
        }
        self.call_op(&f, args, kw)
    }
}
