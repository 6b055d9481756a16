//! Exception handling: handler blocks, raise/reraise, except and except*
//! matching, and `with`.

use super::*;

impl Vm {
    /// `SetupFinally | SetupWith`.
    #[inline(always)]
    pub(super) fn op_setup_finally(&mut self, op: Op, h: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let mut level = fr.stack.len() as u32;
        if let Op::SetupWith(_) = op {
            level = level.saturating_sub(1);
        }
        fr.blocks.push(Block {
            handler: h,
            level,
            kind: BlockKind::Setup,
        });
        Ok(())
    }

    /// `PopBlock`.
    #[inline(always)]
    pub(super) fn op_pop_block(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        fr.blocks.pop();
        Ok(())
    }

    /// `PopExcept`.
    #[inline(always)]
    pub(super) fn op_pop_except(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        fr.blocks.pop();
        fr.handling.pop();
        Ok(())
    }

    /// `Reraise`.
    #[inline(always)]
    pub(super) fn op_reraise(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let exc = pop!(fr);
        self.reraise = true;
        Err(Error::Exception(exc))
    }

    /// `Raise`.
    #[inline(always)]
    pub(super) fn op_raise(&mut self, n: u32) -> Result<(), Error> {
        Err(self.raise_op(n)?)
    }

    /// `CheckExcMatch`.
    #[inline(always)]
    pub(super) fn op_check_exc_match(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let typ = pop!(fr);
        let exc = top!(fr).clone();
        let m = self.exception_matches(&exc, &typ)?;
        frame!(self).stack.push(Value::Bool(m));
        Ok(())
    }

    /// `CheckEgMatch`.
    #[inline(always)]
    pub(super) fn op_check_eg_match(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let typ = pop!(fr);
        let rest = pop!(fr);
        let (rest, matched) = self.eg_match(rest, &typ)?;
        let fr = frame!(self);
        fr.stack.push(rest);
        fr.stack.push(matched);
        Ok(())
    }

    /// `PrepReraiseStar`.
    #[inline(always)]
    pub(super) fn op_prep_reraise_star(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let rest = pop!(fr);
        let raised = pop!(fr);
        let orig = pop!(fr);
        let r = self.prep_reraise_star(orig, raised, rest)?;
        frame!(self).stack.push(r);
        Ok(())
    }

    /// `ExcTriple`.
    #[inline(always)]
    pub(super) fn op_exc_triple(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let exc = pop!(fr);
        let t = Value::Class(self.class_of(&exc));
        let fr = frame!(self);
        fr.stack.push(t);
        fr.stack.push(exc);
        fr.stack.push(Value::None);
        Ok(())
    }

    /// `BeforeWith`.
    #[inline(always)]
    pub(super) fn op_before_with(&mut self, is_async: bool) -> Result<(), Error> {
        let fr = frame!(self);
        let ctx = pop!(fr);
        let (enter, exit) = if is_async {
            ("__aenter__", "__aexit__")
        } else {
            ("__enter__", "__exit__")
        };
        let exit_m = self.lookup_special_bound(&ctx, exit);
        let enter_m = self.lookup_special_bound(&ctx, enter);
        let (Some(enter_m), Some(exit_m)) = (enter_m, exit_m) else {
            let tn = self.type_name(&ctx);
            let msg = if is_async {
                format!("'{tn}' object does not support the asynchronous context manager protocol")
            } else {
                format!("'{tn}' object does not support the context manager protocol")
            };
            return Err(self.type_error(msg));
        };
        let fr = frame!(self);
        fr.stack.push(exit_m);
        fr.stack.push(enter_m);
        Ok(())
    }

    /// `LoadAssertionError`.
    #[inline(always)]
    pub(super) fn op_load_assertion_error(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        fr.stack
            .push(Value::Class(self.types.assertion_error.clone()));
        Ok(())
    }
}
