//! The slow paths of the instructions `run_simple_ops` runs inline (locals,
//! constants, globals, jumps, small-int arithmetic, attribute and list
//! access): each instruction has one fast path (there) and one slow path
//! (here), which `exec` reaches when the fast path declined (LOAD_CONST and
//! JUMP never decline). A slow path handles only what its fast path left:
//! it does not try the fast case again. Slow paths that only raise or
//! resolve a cache once are `#[cold]`; the general paths that are common
//! (dict subscripts, float and str arithmetic, class attributes, truth of
//! other objects) are inlined into `exec`: making them cold measurably
//! slowed the string benchmark.

use super::*;

impl Vm {
    /// `LoadFast` when `run_simple_ops` could not run it (its slow path).
    #[cold]
    #[inline(never)]
    pub(super) fn op_load_fast_slow(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        // `run_simple_ops` pushes bound locals: this one is unbound.
        let name = fr.code.varnames[i as usize].clone();
        Err(self.new_error(
            &self.types.unbound_local_error.clone(),
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        ))
    }

    /// `StoreFast` when `run_simple_ops` could not run it (its slow path).
    #[cold]
    #[inline(never)]
    pub(super) fn op_store_fast_slow(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        fr.locals[i as usize] = Some(v);
        Ok(())
    }

    /// `LoadGlobal` when `run_simple_ops` could not run it (its slow path).
    #[cold]
    #[inline(never)]
    pub(super) fn op_load_global_slow(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let code = fr.code.clone();
        let globals = fr.globals.clone();
        let v = self.load_global(&code, &globals, i)?;
        frame!(self).stack.push(v);
        Ok(())
    }

    /// `StoreGlobal` when `run_simple_ops` could not run it (its slow path).
    #[cold]
    #[inline(never)]
    pub(super) fn op_store_global_slow(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let slot = self.global_slot(i)?;
        let fr = frame!(self);
        fr.globals.slots.borrow_mut()[slot as usize].1 = Some(v);
        Ok(())
    }

    /// `LoadAttr` when `run_simple_ops` could not run it (its general path:
    /// common, so inlined into `exec` as before the split).
    #[inline(always)]
    pub(super) fn op_load_attr_slow(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        // `run_simple_ops` already tried `instance_attr_fast`.
        let obj = pop!(fr);
        let name = fr.code.names[i as usize].clone();
        let v = self.getattr(&obj, &name)?;
        frame!(self).stack.push(v);
        Ok(())
    }

    /// `StoreAttr` when `run_simple_ops` could not run it (its general path:
    /// common, so inlined into `exec` as before the split).
    #[inline(always)]
    pub(super) fn op_store_attr_slow(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        // `run_simple_ops` already tried `instance_store_fast`.
        let obj = pop!(fr);
        let v = pop!(fr);
        let name = fr.code.names[i as usize].clone();
        self.setattr(&obj, &name, v)?;
        Ok(())
    }

    /// `Subscr` when `run_simple_ops` could not run it (its general path:
    /// common, so inlined into `exec` as before the split).
    #[inline(always)]
    pub(super) fn op_subscr_slow(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let key = pop!(fr);
        let obj = pop!(fr);
        // (`run_simple_ops` already ran list[int].)
        let v = self.getitem(&obj, &key)?;
        frame!(self).stack.push(v);
        Ok(())
    }

    /// `StoreSubscr` when `run_simple_ops` could not run it (its general path:
    /// common, so inlined into `exec` as before the split).
    #[inline(always)]
    pub(super) fn op_store_subscr_slow(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let key = pop!(fr);
        let obj = pop!(fr);
        let v = pop!(fr);
        // (`run_simple_ops` already tried list[int] = v.)
        self.setitem(&obj, key, v)?;
        Ok(())
    }

    /// `Binary | Inplace` when `run_simple_ops` could not run it (its general path:
    /// common, so inlined into `exec` as before the split).
    #[inline(always)]
    pub(super) fn op_binary_slow(&mut self, op: Op, code: u8) -> Result<(), Error> {
        let fr = frame!(self);
        let b = pop!(fr);
        let a = pop!(fr);
        // (`run_simple_ops` already ran int_binary_fast on two ints.)
        let bop = binop_from_code(code);
        let v = if matches!(op, Op::Inplace(_)) {
            self.inplace_op(a, b, bop)?
        } else {
            self.binary_op(a, b, bop)?
        };
        frame!(self).stack.push(v);
        Ok(())
    }

    /// `Compare` when `run_simple_ops` could not run it (its general path:
    /// common, so inlined into `exec` as before the split).
    #[inline(always)]
    pub(super) fn op_compare_slow(&mut self, c: u8) -> Result<(), Error> {
        let fr = frame!(self);
        let b = pop!(fr);
        let a = pop!(fr);
        // (`run_simple_ops` already compared two ints.)
        let v = self.compare(&a, &b, cmpop_from_code(c))?;
        frame!(self).stack.push(v);
        Ok(())
    }

    /// `Is` when `run_simple_ops` could not run it (its slow path).
    #[cold]
    #[inline(never)]
    pub(super) fn op_is_slow(&mut self, neg: bool) -> Result<(), Error> {
        let fr = frame!(self);
        let b = pop!(fr);
        let a = pop!(fr);
        fr.stack.push(Value::Bool(a.is(&b) != neg));
        Ok(())
    }

    /// `Pop` when `run_simple_ops` could not run it (its slow path).
    #[cold]
    #[inline(never)]
    pub(super) fn op_pop_slow(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        pop!(fr);
        Ok(())
    }

    /// `Dup` when `run_simple_ops` could not run it (its slow path).
    #[cold]
    #[inline(never)]
    pub(super) fn op_dup_slow(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let v = top!(fr).clone();
        fr.stack.push(v);
        Ok(())
    }

    /// `Copy` when `run_simple_ops` could not run it (its slow path).
    #[cold]
    #[inline(never)]
    pub(super) fn op_copy_slow(&mut self, n: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let len = fr.stack.len();
        let Some(i) = len.checked_sub(n as usize) else {
            return Err(Error::Internal("stack underflow in COPY".into()));
        };
        let v = fr.stack[i].clone();
        fr.stack.push(v);
        Ok(())
    }

    /// `Swap` when `run_simple_ops` could not run it (its slow path).
    #[cold]
    #[inline(never)]
    pub(super) fn op_swap_slow(&mut self, n: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let len = fr.stack.len();
        let Some(i) = len.checked_sub(n as usize) else {
            return Err(Error::Internal("stack underflow in SWAP".into()));
        };
        fr.stack.swap(i, len - 1);
        Ok(())
    }

    /// `Rot` when `run_simple_ops` could not run it (its slow path).
    #[cold]
    #[inline(never)]
    pub(super) fn op_rot_slow(&mut self, n: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let len = fr.stack.len();
        let Some(i) = (len + 1).checked_sub(n as usize) else {
            return Err(Error::Internal("stack underflow in ROT".into()));
        };
        fr.stack.insert(i, v);
        Ok(())
    }

    /// `PopJumpIfFalse` when `run_simple_ops` could not run it (its general path:
    /// common, so inlined into `exec` as before the split).
    #[inline(always)]
    pub(super) fn op_pop_jump_if_false_slow(&mut self, t: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let b = match v {
            Value::Bool(b) => b,
            _ => self.truthy(&v)?,
        };
        if !b {
            frame!(self).pc = t as usize;
        }
        Ok(())
    }

    /// `PopJumpIfTrue` when `run_simple_ops` could not run it (its general path:
    /// common, so inlined into `exec` as before the split).
    #[inline(always)]
    pub(super) fn op_pop_jump_if_true_slow(&mut self, t: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let b = match v {
            Value::Bool(b) => b,
            _ => self.truthy(&v)?,
        };
        if b {
            frame!(self).pc = t as usize;
        }
        Ok(())
    }

    /// `JumpIfFalseOrPop` when `run_simple_ops` could not run it (its general path:
    /// common, so inlined into `exec` as before the split).
    #[inline(always)]
    pub(super) fn op_jump_if_false_or_pop_slow(&mut self, t: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = top!(fr).clone();
        let b = self.truthy(&v)?;
        let fr = frame!(self);
        if !b {
            fr.pc = t as usize;
        } else {
            fr.stack.pop();
        }
        Ok(())
    }

    /// `JumpIfTrueOrPop` when `run_simple_ops` could not run it (its general path:
    /// common, so inlined into `exec` as before the split).
    #[inline(always)]
    pub(super) fn op_jump_if_true_or_pop_slow(&mut self, t: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let v = top!(fr).clone();
        let b = self.truthy(&v)?;
        let fr = frame!(self);
        if b {
            fr.pc = t as usize;
        } else {
            fr.stack.pop();
        }
        Ok(())
    }
}
