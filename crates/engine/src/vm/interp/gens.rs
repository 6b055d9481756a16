//! Iteration, returns, and the generator/coroutine instructions (yield,
//! yield from, await, async for).

use super::*;

impl Vm {
    /// `GetIter`.
    #[inline(always)]
    pub(super) fn op_get_iter(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let it = self.get_iter(&v)?;
        frame!(self).stack.push(it);
        Ok(())
    }

    /// `ForIter`.
    #[inline(always)]
    pub(super) fn op_for_iter(&mut self, target: u32) -> Result<Option<Completion>, Error> {
        let fr = frame!(self);
        // The fast paths (range and list iterators), which `run_simple_ops`
        // takes too, except in a built-in's loop in Python (uncharged).
        let mut pc = fr.pc;
        if for_iter_fast(fr, &mut pc, target) {
            fr.pc = pc;
            return Ok(None);
        }
        let it = top!(fr).clone();
        self.for_iter(it, target)
    }

    /// `GetAIter`.
    #[inline(always)]
    pub(super) fn op_get_a_iter(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let it = self.get_aiter(&v)?;
        frame!(self).stack.push(it);
        Ok(())
    }

    /// `GetANext`.
    #[inline(always)]
    pub(super) fn op_get_a_next(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let it = top!(fr).clone();
        let aw = self.get_anext(&it)?;
        frame!(self).stack.push(aw);
        Ok(())
    }

    /// `EndAsyncFor`.
    #[inline(always)]
    pub(super) fn op_end_async_for(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let exc = pop!(fr);
        let sai = self.types.stop_async_iteration.clone();
        if self.is_instance_of(&exc, &sai) {
            let fr = frame!(self);
            // Leave the handler and drop the async iterator.
            if let Some(b) = fr.blocks.pop() {
                fr.stack.truncate(b.level as usize);
            }
            fr.handling.pop();
            fr.stack.pop();
        } else {
            self.reraise = true;
            return Err(Error::Exception(exc));
        }
        Ok(())
    }

    /// `ReturnValue`.
    #[inline(always)]
    pub(super) fn op_return_value(&mut self) -> Result<Option<Completion>, Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let Some(frame) = self.frames.pop() else {
            return Err(Error::Internal("return with empty stack".into()));
        };
        // The common case: a plain call returns to its caller. This is the
        // inline fast path of RETURN_VALUE; `do_return` (out of line, it
        // is long) is its general path and handles every link.
        if matches!(frame.link, Link::Call) && frame.gen.is_none() {
            self.frame_pool.recycle(frame);
            frame!(self).stack.push(v);
            return Ok(None);
        }
        // A coroutine awaited as it was called and run without its object
        // (`Link::AwaitedCall`): the value replaces the placeholder its
        // awaiter keeps, which goes on past its YIELD_FROM (`do_return`'s
        // path for this link, inline).
        if matches!(frame.link, Link::AwaitedCall(_)) {
            self.frame_pool.recycle(frame);
            let fr = frame!(self);
            fr.stack.pop();
            fr.stack.push(v);
            fr.pc += 1;
            return Ok(None);
        }
        self.do_return(frame, v)
    }

    /// `YieldValue`.
    #[inline(always)]
    pub(super) fn op_yield_value(&mut self) -> Result<Option<Completion>, Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        self.do_yield(v, true)
    }

    /// `YieldFrom`.
    #[inline(always)]
    pub(super) fn op_yield_from(&mut self) -> Result<Option<Completion>, Error> {
        let fr = frame!(self);
        fr.pc -= 1;
        let v = pop!(fr);
        let recv = top!(fr).clone();
        self.yield_from(recv, Resume::Send(v))
    }

    /// `GetYieldFromIter`.
    #[inline(always)]
    pub(super) fn op_get_yield_from_iter(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let v = pop!(fr);
        let it = match &v {
            Value::Gen(g) if g.kind == GenKind::Generator => v,
            Value::Gen(g) if g.kind == GenKind::Coroutine => {
                return Err(self.type_error(
                    "cannot 'yield from' a coroutine object in a non-coroutine generator",
                ))
            }
            _ => self.get_iter(&v)?,
        };
        frame!(self).stack.push(it);
        Ok(())
    }

    /// `GetAwaitable`.
    #[inline(always)]
    pub(super) fn op_get_awaitable(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        // A coroutine not yet finished is its own awaitable: left on the
        // stack as it is (no pop, clone and push). `get_awaitable` is the
        // general path (it is also `await`'s logic for natives).
        if let Some(Value::Gen(g)) = fr.stack.last() {
            if g.kind == GenKind::Coroutine && g.state.get() != GenState::Closed {
                return Ok(());
            }
        }
        let v = pop!(fr);
        let it = self.get_awaitable(&v)?;
        frame!(self).stack.push(it);
        Ok(())
    }
}

/// FOR_ITER's fast paths: the iterator on top of `fr`'s stack is a range or
/// list iterator, which steps without Python code: pushes the next item,
/// or pops the exhausted iterator and sets `pc` to `target`. Returns false
/// (nothing done) for any other iterator.
#[inline(always)]
pub(super) fn for_iter_fast(fr: &mut Frame, pc: &mut usize, target: u32) -> bool {
    let Some(Value::Iter(rc)) = fr.stack.last() else {
        return false;
    };
    let Ok(mut b) = rc.try_borrow_mut() else {
        return false;
    };
    let next = match &mut *b {
        IterObj::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next = next.saturating_add(*step);
                Some(Value::Int(v))
            } else {
                None
            }
        }
        IterObj::List(l, i) => {
            let item = l.borrow().get(*i).cloned();
            match item {
                Some(v) => {
                    *i += 1;
                    Some(v)
                }
                None => {
                    *i = usize::MAX / 2;
                    None
                }
            }
        }
        _ => return false,
    };
    drop(b);
    match next {
        Some(v) => fr.stack.push(v),
        None => {
            fr.stack.pop();
            *pc = target as usize;
        }
    }
    true
}
