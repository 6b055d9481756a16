//! Instructions on names (locals, cells, class and module namespaces),
//! deletions, and the unary and `in` operators.

use super::*;

impl Vm {
    /// `DeleteFast`.
    #[inline(always)]
    pub(super) fn op_delete_fast(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        if fr.locals[i as usize].take().is_none() {
            let name = fr.code.varnames[i as usize].clone();
            return Err(self.new_error(
                &self.types.unbound_local_error.clone(),
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            ));
        }
        Ok(())
    }

    /// `LoadDeref`.
    #[inline(always)]
    pub(super) fn op_load_deref(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = fr.cells[i as usize].borrow().clone();
        match v {
            Some(v) => fr.stack.push(v),
            None => {
                let name = self.deref_name(i);
                return Err(self.unbound_deref(&name, i));
            }
        }
        Ok(())
    }

    /// `LoadClassDeref`.
    #[inline(always)]
    pub(super) fn op_load_class_deref(&mut self, i: u32) -> Result<(), Error> {
        let name = self.deref_name(i);
        let fr = frame!(self);
        let found = fr
            .namespace
            .as_ref()
            .and_then(|ns| ns.borrow().get(&name).cloned());
        let v = match found {
            Some(v) => Some(v),
            None => fr.cells[i as usize].borrow().clone(),
        };
        match v {
            Some(v) => fr.stack.push(v),
            None => return Err(self.unbound_deref(&name, i)),
        }
        Ok(())
    }

    /// `StoreDeref`.
    #[inline(always)]
    pub(super) fn op_store_deref(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        *fr.cells[i as usize].borrow_mut() = Some(v);
        Ok(())
    }

    /// `DeleteDeref`.
    #[inline(always)]
    pub(super) fn op_delete_deref(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let old = fr.cells[i as usize].borrow_mut().take();
        if old.is_none() {
            let name = self.deref_name(i);
            return Err(self.unbound_deref(&name, i));
        }
        Ok(())
    }

    /// `DeleteGlobal`.
    #[inline(always)]
    pub(super) fn op_delete_global(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let name = fr.code.names[i as usize].clone();
        if !fr.globals.remove(&name) {
            return Err(self.name_error(&name));
        }
        Ok(())
    }

    /// `LoadName`.
    #[inline(always)]
    pub(super) fn op_load_name(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let name = fr.code.names[i as usize].clone();
        let local = fr
            .namespace
            .as_ref()
            .and_then(|ns| ns.borrow().get(&name).cloned());
        let v = match local {
            Some(v) => v,
            None => match fr.globals.get(&name) {
                Some(v) => v,
                None => match self.builtins.get(&name) {
                    Some(v) => v,
                    None => return Err(self.name_error(&name)),
                },
            },
        };
        frame!(self).stack.push(v);
        Ok(())
    }

    /// `StoreName`.
    #[inline(always)]
    pub(super) fn op_store_name(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let name = fr.code.names[i as usize].clone();
        match &fr.namespace {
            Some(ns) => ns.borrow_mut().insert(name, v),
            None => fr.globals.set(&name, v),
        }
        Ok(())
    }

    /// `DeleteName`.
    #[inline(always)]
    pub(super) fn op_delete_name(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let name = fr.code.names[i as usize].clone();
        let removed = match &fr.namespace {
            Some(ns) => ns.borrow_mut().remove(&name).is_some(),
            None => fr.globals.remove(&name),
        };
        if !removed {
            return Err(self.name_error(&name));
        }
        Ok(())
    }

    /// `DeleteAttr`.
    #[inline(always)]
    pub(super) fn op_delete_attr(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let obj = pop!(fr);
        let name = fr.code.names[i as usize].clone();
        self.delattr(&obj, &name)?;
        Ok(())
    }

    /// `DeleteSubscr`.
    #[inline(always)]
    pub(super) fn op_delete_subscr(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let key = pop!(fr);
        let obj = pop!(fr);
        self.delitem(&obj, &key)?;
        Ok(())
    }

    /// `UnaryNeg`.
    #[inline(always)]
    pub(super) fn op_unary_neg(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let a = pop!(fr);
        let v = self.unary_neg(a)?;
        frame!(self).stack.push(v);
        Ok(())
    }

    /// `UnaryPos`.
    #[inline(always)]
    pub(super) fn op_unary_pos(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let a = pop!(fr);
        let v = self.unary_pos(a)?;
        frame!(self).stack.push(v);
        Ok(())
    }

    /// `UnaryInvert`.
    #[inline(always)]
    pub(super) fn op_unary_invert(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let a = pop!(fr);
        let v = self.unary_invert(a)?;
        frame!(self).stack.push(v);
        Ok(())
    }

    /// `UnaryNot`.
    #[inline(always)]
    pub(super) fn op_unary_not(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let a = pop!(fr);
        let b = match a {
            Value::Bool(b) => b,
            _ => self.truthy(&a)?,
        };
        frame!(self).stack.push(Value::Bool(!b));
        Ok(())
    }

    /// `Contains`.
    #[inline(always)]
    pub(super) fn op_contains(&mut self, neg: bool) -> Result<Option<Completion>, Error> {
        let fr = frame!(self);
        let container = pop!(fr);
        let item = pop!(fr);
        if python_loops::searches_in_python(&container) {
            // (`x in generator`: see `python_loops`.)
            let f = self.python_loop(if neg { "not_contains" } else { "contains" })?;
            return self.call_op(&f, vec![container, item], Vec::new());
        }
        let r = self.contains(&container, &item)?;
        frame!(self).stack.push(Value::Bool(r != neg));
        Ok(None)
    }
}
