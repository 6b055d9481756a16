//! The interpreter loop (CPython's `ceval.c`): executes the top frame of the
//! explicit frame stack. Python-to-Python calls push frames instead of
//! recursing in Rust; generators and coroutines are resumed by pushing
//! their heap frame; `yield` pops it back into its generator object.

use std::cell::RefCell;
use std::rc::Rc;

use crate::ast::Name;
use crate::compile::code::{CodeKind, Op};
use crate::compile::{binop_from_code, cmpop_from_code};
use crate::vm::dict::Dict;
use crate::vm::frame::{Block, BlockKind, Frame, LazyCoro, Link};
use crate::vm::value::*;
use crate::vm::{thousands, Completion, Error, GenStep, LimitKind, Resume, Vm};

/// Outcome of starting a call.
pub(crate) enum Invoked {
    /// The call completed immediately (native code) with this value.
    Value(Value),
    /// A frame was pushed; its link delivers the result.
    Pushed,
}

macro_rules! frame {
    ($vm:expr) => {
        match $vm.frames.last_mut() {
            Some(f) => f,
            None => return Err(Error::Internal("frame stack underflow".into())),
        }
    };
}

macro_rules! pop {
    ($fr:expr) => {
        match $fr.stack.pop() {
            Some(v) => v,
            None => return Err(Error::Internal("value stack underflow".into())),
        }
    };
}

macro_rules! top {
    ($fr:expr) => {
        match $fr.stack.last() {
            Some(v) => v,
            None => return Err(Error::Internal("value stack underflow".into())),
        }
    };
}

/// `exec`'s arm for an instruction that may complete the run loop (a
/// return, yield or call reaching an entry frame): `Some(completion)`
/// leaves `exec`.
macro_rules! finish {
    ($e:expr) => {
        if let Some(c) = $e? {
            return Ok(c);
        }
    };
}

// `exec`'s arms, one method per instruction, grouped by kind. Each has
// one call site (its arm) and is `#[inline(always)]`, so the compiled
// `exec` keeps the shape it had as one function (the benchmarks are too
// noisy here to show what the compiler's own choice would cost); only the
// slow paths in `fast.rs` that merely raise are kept out of line
// (`#[cold]`).
mod build;
mod calls;
mod fast;
mod gens;
mod imports;
mod matching;
mod names;
mod python_loops;
mod unwind;

impl Vm {
    pub(crate) fn push_frame(&mut self, frame: Box<Frame>) -> Result<(), Error> {
        if self.frames.len() >= self.limits.max_recursion {
            return Err(self.new_error(
                &self.types.recursion_error.clone(),
                "maximum recursion depth exceeded",
            ));
        }
        self.frames.push(frame);
        Ok(())
    }

    /// Run the frame stack until the entry frame on top completes.
    pub(crate) fn run(&mut self) -> Result<Completion, Error> {
        // Each nested run is several Rust frames; keep well inside wasm's
        // stack (Python-to-Python calls never nest runs).
        if self.nesting > 150 {
            return Err(self.new_error(
                &self.types.recursion_error.clone(),
                "maximum recursion depth exceeded while calling a Python object",
            ));
        }
        self.nesting += 1;
        let r = self.run_inner();
        self.nesting -= 1;
        if self.nesting == 1 {
            // Back in the outermost run: a fuel check postponed while
            // nested (a module imported from Rust) happens on time.
            self.recompute_check();
        }
        r
    }

    fn run_inner(&mut self) -> Result<Completion, Error> {
        loop {
            match self.exec() {
                Ok(c) => return Ok(c),
                Err(Error::Exception(exc)) => match self.unwind(exc) {
                    Ok(None) => continue,
                    Ok(Some(c)) => return Ok(c),
                    Err(e) => return Err(e),
                },
                Err(Error::Paused) => return Err(Error::Paused),
                Err(e) => {
                    self.abort_to_entry();
                    return Err(e);
                }
            }
        }
    }

    /// Drop frames down to and including the nearest entry frame.
    fn abort_to_entry(&mut self) {
        while let Some(f) = self.frames.pop() {
            if let Some(g) = &f.gen {
                g.state.set(GenState::Closed);
            }
            if matches!(f.link, Link::Entry) {
                break;
            }
        }
    }

    /// Find a handler for `exc`, popping frames; `Ok(None)` = handled,
    /// continue executing; `Err` = propagated out of the entry frame.
    pub(crate) fn unwind(&mut self, exc: Value) -> Result<Option<Completion>, Error> {
        let mut add_tb = !std::mem::take(&mut self.reraise);
        let mut exc = exc;
        loop {
            let fr = frame!(self);
            if add_tb {
                if let Value::Instance(i) = &exc {
                    if let Some(d) = &i.exc {
                        // Newest frames are outermost: insert at the front.
                        // A frame that has run nothing (a coroutine thrown
                        // into before its first step) stands at its `def`
                        // line, as CPython's RESUME does.
                        let entry = if fr.pc == 0 {
                            TbEntry {
                                code: fr.code.clone(),
                                line: fr.code.firstlineno,
                                span: Default::default(),
                            }
                        } else {
                            let pc = fr.pc - 1;
                            TbEntry {
                                code: fr.code.clone(),
                                line: fr.line(),
                                span: fr.code.spans.get(pc).copied().unwrap_or_default(),
                            }
                        };
                        d.borrow_mut().traceback.insert(0, entry);
                    }
                }
            }
            add_tb = true;
            while let Some(b) = fr.blocks.pop() {
                match b.kind {
                    BlockKind::Cleanup => {
                        fr.stack.truncate(b.level as usize);
                        fr.handling.pop();
                    }
                    BlockKind::Setup => {
                        fr.stack.truncate(b.level as usize);
                        fr.blocks.push(Block {
                            handler: 0,
                            level: b.level,
                            kind: BlockKind::Cleanup,
                        });
                        fr.handling.push(exc.clone());
                        fr.stack.push(exc);
                        fr.pc = b.handler as usize;
                        return Ok(None);
                    }
                }
            }
            let Some(mut frame) = self.frames.pop() else {
                return Err(Error::Internal("unwind past empty stack".into()));
            };
            if let Some(g) = frame.gen.take() {
                g.state.set(GenState::Closed);
                exc = self.gen_exit_exception(g.kind, exc);
            } else if matches!(frame.link, Link::AwaitedCall(_)) {
                exc = self.gen_exit_exception(GenKind::Coroutine, exc);
            }
            let link = std::mem::replace(&mut frame.link, Link::Call);
            self.frame_pool.recycle(frame);
            match link {
                Link::Entry => return Err(Error::Exception(exc)),
                Link::Import {
                    module: Value::Module(m),
                    ..
                } => {
                    // A module whose body failed is not importable.
                    self.modules.remove(&m.name);
                }
                Link::DelegateAsend if self.parent_asend_closing() => {
                    let ge = self.types.generator_exit.clone();
                    let sai = self.types.stop_async_iteration.clone();
                    if self.is_instance_of(&exc, &ge) || self.is_instance_of(&exc, &sai) {
                        let fr = frame!(self);
                        fr.stack.pop();
                        fr.stack.push(Value::None);
                        fr.pc += 1;
                        return Ok(None);
                    }
                }
                Link::IterNext(target)
                    if self.is_instance_of(&exc, &self.types.stop_iteration.clone()) =>
                {
                    let fr = frame!(self);
                    fr.stack.pop();
                    fr.pc = target as usize;
                    return Ok(None);
                }
                _ => {}
            }
        }
    }

    /// PEP 479: StopIteration escaping a generator becomes RuntimeError.
    fn gen_exit_exception(&mut self, kind: GenKind, exc: Value) -> Value {
        let si = self.types.stop_iteration.clone();
        let sai = self.types.stop_async_iteration.clone();
        let msg = if self.is_instance_of(&exc, &si) {
            match kind {
                GenKind::Generator => "generator raised StopIteration",
                GenKind::Coroutine => "coroutine raised StopIteration",
                GenKind::AsyncGenerator => "async generator raised StopIteration",
            }
        } else if kind == GenKind::AsyncGenerator && self.is_instance_of(&exc, &sai) {
            "async generator raised StopAsyncIteration"
        } else {
            return exc;
        };
        let rt = self.types.runtime_error.clone();
        let new = self.new_exception(&rt, vec![Value::str(msg)]);
        self.set_cause(&new, Some(exc.clone()), true);
        self.set_context(&new, Some(exc));
        new
    }

    /// Yield `v` from the top frame (a generator frame), cascading through
    /// delegating frames. `real_yield`: produced by a `yield` expression.
    fn do_yield(&mut self, v: Value, real_yield: bool) -> Result<Option<Completion>, Error> {
        let mut wrapped = real_yield;
        loop {
            let Some(mut frame) = self.frames.pop() else {
                return Err(Error::Internal("yield with empty stack".into()));
            };
            let is_async_gen = frame.code.kind == CodeKind::AsyncGenerator;
            let mut link = std::mem::replace(&mut frame.link, Link::Call);
            let g = match frame.gen.take() {
                Some(g) => g,
                // A coroutine run without its object suspends: make the
                // object now, where its caller awaits it.
                None => match std::mem::replace(&mut link, Link::Delegate) {
                    Link::AwaitedCall(lazy) => self.materialize_coro(lazy)?,
                    _ => return Err(Error::Internal("yield outside a generator frame".into())),
                },
            };
            g.state.set(GenState::Suspended);
            *g.frame.borrow_mut() = Some(frame);
            match link {
                Link::Entry => return Ok(Some(Completion::Yielded(v, wrapped && is_async_gen))),
                Link::ForIter(_) => {
                    let fr = frame!(self);
                    fr.stack.push(v);
                    return Ok(None);
                }
                Link::Delegate => {
                    wrapped = false;
                    continue;
                }
                Link::DelegateAsend => {
                    if wrapped && is_async_gen && self.parent_asend_closing() {
                        return Err(self.runtime_error("async generator ignored GeneratorExit"));
                    }
                    if wrapped && is_async_gen {
                        let fr = frame!(self);
                        fr.stack.pop();
                        fr.stack.push(v);
                        fr.pc += 1;
                        return Ok(None);
                    }
                    wrapped = false;
                    continue;
                }
                _ => return Err(Error::Internal("yield through a call frame".into())),
            }
        }
    }

    /// The coroutine object of a frame run without one (`Link::AwaitedCall`),
    /// the frame just popped: the object replaces the placeholder its
    /// caller keeps where `await` holds the coroutine.
    fn materialize_coro(&mut self, lazy: LazyCoro) -> Result<Rc<GenObj>, Error> {
        let g = Rc::new(GenObj {
            kind: GenKind::Coroutine,
            created_at: None,
            frame: RefCell::new(None),
            state: std::cell::Cell::new(GenState::Running),
            name: lazy.name,
            qualname: lazy.qualname,
            finalize_queue: Some(self.finalize_queue.clone()),
            never_awaited_log: Some(self.never_awaited.clone()),
            ag_running: std::cell::Cell::new(false),
            ag_hooks_inited: std::cell::Cell::new(false),
            id: lazy.id,
        });
        match self.frames.last_mut().and_then(|f| f.stack.last_mut()) {
            Some(top) => *top = Value::Gen(g.clone()),
            None => return Err(Error::Internal("lazy coroutine without its awaiter".into())),
        }
        Ok(g)
    }

    /// Close generators that were dropped while suspended inside a
    /// `try` (running their `finally`/`except GeneratorExit`).
    fn run_finalizers(&mut self) -> Result<(), Error> {
        self.finalize_queue.pending.set(false);
        let frames = std::mem::take(&mut *self.finalize_queue.frames.borrow_mut());
        for (kind, name, qualname, frame) in frames {
            let id = self.fresh_id();
            let g = Value::Gen(Rc::new(GenObj {
                kind,
                frame: RefCell::new(Some(frame)),
                state: std::cell::Cell::new(GenState::Suspended),
                name,
                qualname,
                never_awaited_log: None,
                created_at: None,
                finalize_queue: None,
                ag_running: std::cell::Cell::new(false),
                ag_hooks_inited: std::cell::Cell::new(true),
                id,
            }));
            match crate::vm::library::builtins::gen_method(self, &g, "close", &[]) {
                Ok(_) => {}
                Err(Error::Exception(e)) => {
                    let r = self.repr(&g).unwrap_or_default();
                    let tb = self.format_exception(&e);
                    self.write(
                        crate::vm::Stream::Stderr,
                        &format!("Exception ignored in: {r}\n{tb}"),
                    )?;
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// The top frame is awaiting an `aclose()` awaitable.
    fn parent_asend_closing(&self) -> bool {
        match self.frames.last().and_then(|f| f.stack.last()) {
            Some(Value::Iter(rc)) => matches!(&*rc.borrow(), IterObj::ASend { closing: true, .. }),
            _ => false,
        }
    }

    /// Deliver the return value of the popped `frame` per its link.
    fn do_return(&mut self, mut frame: Box<Frame>, v: Value) -> Result<Option<Completion>, Error> {
        if let Some(g) = frame.gen.take() {
            g.state.set(GenState::Closed);
        }
        let link = std::mem::replace(&mut frame.link, Link::Call);
        // What a class body's completion needs from its frame.
        let namespace = frame.namespace.take();
        let class_cell = match &link {
            Link::ClassBody { .. } => {
                let i = frame.code.cellvars.iter().position(|c| &**c == "__class__");
                i.and_then(|i| frame.cells.get(i).cloned())
            }
            _ => None,
        };
        // An import's next piece runs in the same module namespace.
        let import_globals = matches!(link, Link::Import { .. }).then(|| frame.globals.clone());
        self.frame_pool.recycle(frame);
        match link {
            Link::Call => {
                let fr = frame!(self);
                fr.stack.push(v);
                Ok(None)
            }
            Link::Entry => Ok(Some(Completion::Returned(v))),
            Link::ForIter(target) => {
                let fr = frame!(self);
                fr.stack.pop();
                fr.pc = target as usize;
                Ok(None)
            }
            Link::IterNext(_) => {
                let fr = frame!(self);
                fr.stack.push(v);
                Ok(None)
            }
            Link::Delegate | Link::AwaitedCall(_) => {
                let fr = frame!(self);
                fr.stack.pop();
                fr.stack.push(v);
                fr.pc += 1;
                Ok(None)
            }
            Link::DelegateAsend => {
                if self.parent_asend_closing() {
                    let fr = frame!(self);
                    fr.stack.pop();
                    fr.stack.push(Value::None);
                    fr.pc += 1;
                    return Ok(None);
                }
                let sai = self.types.stop_async_iteration.clone();
                let e = self.new_exception(&sai, vec![]);
                Err(Error::Exception(e))
            }
            Link::ClassBody {
                name,
                bases,
                kwargs,
            } => {
                let ns = namespace.map(|n| n.borrow().clone()).unwrap_or_default();
                let cls = self.new_class(&name, bases, ns, &kwargs)?;
                if let Some(cell) = class_cell {
                    *cell.borrow_mut() = Some(Value::Class(cls.clone()));
                }
                self.init_subclass(&cls, &kwargs)?;
                let fr = frame!(self);
                fr.stack.push(Value::Class(cls));
                Ok(None)
            }
            Link::Import { module, mut rest } => {
                match (rest.pop(), import_globals) {
                    (Some(code), Some(globals)) => {
                        let mut next = self.frame_pool.frame(code, globals);
                        next.link = Link::Import { module, rest };
                        self.push_frame(next)?;
                    }
                    _ => frame!(self).stack.push(module),
                }
                Ok(None)
            }
            Link::Init(inst) => {
                if !v.is_none() {
                    let tn = self.type_name(&v);
                    return Err(
                        self.type_error(format!("__init__() should return None, not '{tn}'"))
                    );
                }
                let fr = frame!(self);
                fr.stack.push(inst);
                Ok(None)
            }
        }
    }

    /// Budget check, called when the instruction counter reaches
    /// `next_check`.
    pub(crate) fn check_budgets(&mut self) -> Result<(), Error> {
        if self.charged_instructions() >= self.limits.max_instructions {
            return Err(Error::Limit(format!(
                "the program ran more than {} instructions in total ({})",
                thousands(self.limits.max_instructions),
                LimitKind::Instructions.phrase()
            )));
        }
        let step = self.limits.max_slice_instructions;
        let blocking = self.instructions - self.slice_start;
        if self.clock_ns != self.clock_seen {
            self.clock_seen = self.clock_ns;
            self.still_since = self.charged_instructions();
        }
        let still = self.charged_instructions() - self.still_since;
        if still >= step && blocking < step / 2 {
            return Err(Error::Limit(format!(
                "the tasks ran {} instructions while the virtual clock stood still at {:.3} s: they keep handing the event loop to each other without ever waiting for time, as an endless loop around `await asyncio.sleep(0)` does ({})",
                thousands(step),
                self.clock_ns as f64 / 1e9,
                LimitKind::Step.phrase()
            )));
        }
        // One task running on without pausing, the clock still or not (the
        // standstill above also counts the handles before it: when this
        // task is most of it, say what it does).
        if blocking >= step || still >= step {
            return Err(Error::Limit(format!(
                "the code ran {} instructions without reaching an await that pauses it: an endless loop is blocking the event loop ({})",
                thousands(step),
                LimitKind::Step.phrase()
            )));
        }
        self.periodic_memory_check()?;
        if self.gil_switch_point() {
            self.recompute_check();
            return Err(Error::Paused);
        }
        if let Some(f) = self.fuel_until {
            if self.instructions >= f && self.nesting == 1 {
                self.fuel_until = None;
                self.recompute_check();
                return Err(Error::Paused);
            }
        }
        self.recompute_check();
        if self.next_check <= self.instructions {
            // Fuel ran out while nested: check again soon.
            self.next_check = self.instructions + 1000;
        }
        Ok(())
    }

    /// Execute instructions until the entry frame completes or an error.
    fn exec(&mut self) -> Result<Completion, Error> {
        loop {
            if self.finalize_queue.pending.get() {
                self.run_finalizers()?;
            }
            self.instructions += 1;
            if self.instructions >= self.next_check {
                if let Err(e) = self.check_budgets() {
                    self.instructions -= 1;
                    return Err(e);
                }
                if self.line_hook.is_some() {
                    self.note_line();
                }
            }
            let fr = frame!(self);
            let Some(&op) = fr.code.ops.get(fr.pc) else {
                return Err(Error::Internal("pc out of range".into()));
            };
            fr.pc += 1;
            // A built-in's loop written in Python (`Code::uncharged`): its
            // own instructions are not charged (what they call is).
            let uncharged = fr.code.uncharged;
            if uncharged {
                self.uncharged += 1;
            }
            let before = self.instructions;
            let op = if is_simple_op(op) {
                let r = run_simple_ops(
                    fr,
                    op,
                    &mut self.instructions,
                    self.next_check,
                    &self.finalize_queue.pending,
                    &mut self.type_cache,
                    &self.builtins,
                    CallShortcuts {
                        type_: &self.types.type_,
                        len: self.builtin_len.as_ref(),
                    },
                );
                if uncharged {
                    self.uncharged += self.instructions - before;
                }
                if !r? {
                    continue;
                }
                // The instruction the loop stopped at (fetched and counted:
                // the one before pc), read again from the code rather than
                // handed back (handing it back cost more: packed and
                // unpacked around the loop's exit).
                let fr = frame!(self);
                match fr.pc.checked_sub(1).and_then(|i| fr.code.ops.get(i)) {
                    Some(&op) => op,
                    None => return Err(Error::Internal("pc out of range".into())),
                }
            } else {
                op
            };
            match op {
                Op::Nop => {}
                Op::LoadFast(i) => self.op_load_fast_slow(i)?,
                Op::StoreFast(i) => self.op_store_fast_slow(i)?,
                Op::DeleteFast(i) => self.op_delete_fast(i)?,
                Op::LoadDeref(i) => self.op_load_deref(i)?,
                Op::LoadClassDeref(i) => self.op_load_class_deref(i)?,
                Op::StoreDeref(i) => self.op_store_deref(i)?,
                Op::DeleteDeref(i) => self.op_delete_deref(i)?,
                Op::LoadGlobal(i) => self.op_load_global_slow(i)?,
                Op::StoreGlobal(i) => self.op_store_global_slow(i)?,
                Op::DeleteGlobal(i) => self.op_delete_global(i)?,
                Op::LoadName(i) => self.op_load_name(i)?,
                Op::StoreName(i) => self.op_store_name(i)?,
                Op::DeleteName(i) => self.op_delete_name(i)?,
                Op::LoadAttr(i) => self.op_load_attr_slow(i)?,
                Op::StoreAttr(i) => self.op_store_attr_slow(i)?,
                Op::DeleteAttr(i) => self.op_delete_attr(i)?,
                Op::CallMethod { name, argc } => finish!(self.op_call_method(name, argc)),
                Op::CallMethodKw { name, argc } => finish!(self.op_call_method_kw(name, argc)),
                Op::Subscr => self.op_subscr_slow()?,
                Op::StoreSubscr => self.op_store_subscr_slow()?,
                Op::DeleteSubscr => self.op_delete_subscr()?,
                Op::Binary(code) | Op::Inplace(code) => self.op_binary_slow(op, code)?,
                Op::UnaryNeg => self.op_unary_neg()?,
                Op::UnaryPos => self.op_unary_pos()?,
                Op::UnaryInvert => self.op_unary_invert()?,
                Op::UnaryNot => self.op_unary_not()?,
                Op::Compare(c) => self.op_compare_slow(c)?,
                Op::Is(neg) => self.op_is_slow(neg)?,
                Op::Contains(neg) => finish!(self.op_contains(neg)),
                Op::Pop => self.op_pop_slow()?,
                Op::Dup => self.op_dup_slow()?,
                Op::Copy(n) => self.op_copy_slow(n)?,
                Op::Swap(n) => self.op_swap_slow(n)?,
                Op::Rot(n) => self.op_rot_slow(n)?,
                // `run_simple_ops` always runs these two.
                Op::LoadConst(_) | Op::Jump(_) => {
                    return Err(Error::Internal(format!("{op:?} left to exec")))
                }
                Op::PopJumpIfFalse(t) => self.op_pop_jump_if_false_slow(t)?,
                Op::PopJumpIfTrue(t) => self.op_pop_jump_if_true_slow(t)?,
                Op::JumpIfFalseOrPop(t) => self.op_jump_if_false_or_pop_slow(t)?,
                Op::JumpIfTrueOrPop(t) => self.op_jump_if_true_or_pop_slow(t)?,
                Op::GetIter => self.op_get_iter()?,
                Op::ForIter(target) => {
                    if uncharged {
                        // A step of a built-in's loop in Python is charged
                        // what the loop in Rust's step was: one.
                        self.uncharged -= 1;
                    }
                    finish!(self.op_for_iter(target))
                }
                Op::GetAIter => self.op_get_a_iter()?,
                Op::GetANext => self.op_get_a_next()?,
                Op::EndAsyncFor => self.op_end_async_for()?,
                Op::BuildList(n) => self.op_build_list(n)?,
                Op::BuildTuple(n) => self.op_build_tuple(n)?,
                Op::BuildSet(n) => self.op_build_set(n)?,
                Op::BuildConstSet(i) => self.op_build_const_set(i)?,
                Op::BuildMap(n) => self.op_build_map(n)?,
                Op::ListAppend(n) => self.op_list_append(n)?,
                Op::SetAdd(n) => self.op_set_add(n)?,
                Op::MapAdd(n) => self.op_map_add(n)?,
                Op::ListExtend(n) => finish!(self.op_list_extend(n)),
                Op::SetUpdate(n) => finish!(self.op_set_update(n)),
                Op::DictUpdate(n) | Op::DictMerge(n) => self.op_dict_update(op, n)?,
                Op::ListToTuple => self.op_list_to_tuple()?,
                Op::BuildSlice(n) => self.op_build_slice(n)?,
                Op::BuildString(n) => self.op_build_string(n)?,
                Op::FormatValue(flags) => self.op_format_value(flags)?,
                Op::UnpackSequence(n) => self.op_unpack_sequence(n)?,
                Op::UnpackEx { before, after } => self.op_unpack_ex(before, after)?,
                Op::Call(argc) => finish!(self.op_call(argc)),
                Op::CallKw(argc) => finish!(self.op_call_kw(argc)),
                Op::CallEx(has_kw) => finish!(self.op_call_ex(has_kw)),
                Op::MakeFunction { code, flags } => self.op_make_function(code, flags)?,
                Op::BuildClass => self.op_build_class()?,
                Op::LoadLocals => self.op_load_locals()?,
                Op::ReturnValue => finish!(self.op_return_value()),
                Op::YieldValue => finish!(self.op_yield_value()),
                Op::YieldFrom => finish!(self.op_yield_from()),
                Op::GetYieldFromIter => self.op_get_yield_from_iter()?,
                Op::GetAwaitable => self.op_get_awaitable()?,
                Op::SetupFinally(h) | Op::SetupWith(h) => self.op_setup_finally(op, h)?,
                Op::PopBlock => self.op_pop_block()?,
                Op::PopExcept => self.op_pop_except()?,
                Op::Reraise => self.op_reraise()?,
                Op::Raise(n) => self.op_raise(n)?,
                Op::CheckExcMatch => self.op_check_exc_match()?,
                Op::CheckEgMatch => self.op_check_eg_match()?,
                Op::PrepReraiseStar => self.op_prep_reraise_star()?,
                Op::ExcTriple => self.op_exc_triple()?,
                Op::BeforeWith(is_async) => self.op_before_with(is_async)?,
                Op::LoadAssertionError => self.op_load_assertion_error()?,
                Op::ImportName(i) => self.op_import_name(i)?,
                Op::ImportFrom(i) => self.op_import_from(i)?,
                Op::ImportStar => self.op_import_star()?,
                Op::MatchSequence => self.op_match_sequence()?,
                Op::MatchMapping => self.op_match_mapping()?,
                Op::GetLen => self.op_get_len()?,
                Op::MatchKeys => self.op_match_keys()?,
                Op::MatchClass(n) => self.op_match_class(n)?,
            }
        }
    }

    fn deref_name(&self, i: u32) -> Name {
        let Some(fr) = self.frames.last() else {
            return "?".into();
        };
        let c = &fr.code;
        let i = i as usize;
        if i < c.cellvars.len() {
            c.cellvars[i].clone()
        } else {
            c.freevars
                .get(i - c.cellvars.len())
                .cloned()
                .unwrap_or_else(|| "?".into())
        }
    }

    fn unbound_deref(&mut self, name: &str, i: u32) -> Error {
        let is_cell = self
            .frames
            .last()
            .map(|f| (i as usize) < f.code.cellvars.len())
            .unwrap_or(false);
        if is_cell {
            self.new_error(
                &self.types.unbound_local_error.clone(),
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            self.new_error(
                &self.types.name_error.clone(),
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        }
    }

    pub(crate) fn name_error(&mut self, name: &str) -> Error {
        self.new_error(
            &self.types.name_error.clone(),
            format!("name '{name}' is not defined"),
        )
    }

    fn global_slot(&mut self, i: u32) -> Result<u32, Error> {
        let fr = frame!(self);
        let cache = &fr.code.global_cache[i as usize];
        let s = cache.get();
        if s != u32::MAX {
            return Ok(s);
        }
        let name = fr.code.names[i as usize].clone();
        let s = fr.globals.slot_of(&name);
        fr.code.global_cache[i as usize].set(s);
        Ok(s)
    }

    fn load_global(
        &mut self,
        code: &Rc<crate::compile::code::Code>,
        globals: &Rc<Globals>,
        i: u32,
    ) -> Result<Value, Error> {
        let cache = &code.global_cache[i as usize];
        let mut s = cache.get();
        if s == u32::MAX {
            s = globals.slot_of(&code.names[i as usize]);
            cache.set(s);
        }
        if let Some((_, Some(v))) = globals.slots.borrow().get(s as usize) {
            return Ok(v.clone());
        }
        let name = &code.names[i as usize];
        let bcache = &code.builtin_cache[i as usize];
        let mut b = bcache.get();
        if b == u32::MAX {
            let slot = self.builtins.index.borrow().get(name).copied();
            match slot {
                Some(slot) => b = slot,
                None => return Err(self.name_error(name)),
            }
            bcache.set(b);
        }
        let v = match self.builtins.slots.borrow().get(b as usize) {
            Some((_, Some(v))) => Some(v.clone()),
            _ => None,
        };
        v.ok_or_else(|| self.name_error(name))
    }

    /// CALL from bytecode.
    fn call_op(
        &mut self,
        f: &Value,
        args: Vec<Value>,
        kw: Vec<(Name, Value)>,
    ) -> Result<Option<Completion>, Error> {
        match self.invoke(f, args, kw, Link::Call) {
            Ok(Invoked::Value(v)) => {
                frame!(self).stack.push(v);
                Ok(None)
            }
            Ok(Invoked::Pushed) => Ok(None),
            Err(Error::Suspend(req)) => self.suspend_here(req),
            Err(e) => Err(e),
        }
    }

    /// A native call asked to suspend the current fiber.
    fn suspend_here(&mut self, req: Value) -> Result<Option<Completion>, Error> {
        if self.nesting == 1 && self.current_fiber.is_some() {
            return Ok(Some(Completion::Suspended(req)));
        }
        Err(self.new_error(
            &self.types.runtime_error.clone(),
            "cannot block this worker thread here (inside a callback called from Rust); Looplab can only pause a worker thread directly in Python code",
        ))
    }

    /// `obj.name(args)` from bytecode; `args[0]` is obj.
    fn call_method_op(
        &mut self,
        name: &Name,
        mut args: Vec<Value>,
        kw: Vec<(Name, Value)>,
    ) -> Result<Option<Completion>, Error> {
        let obj = args[0].clone();
        let r = match &obj {
            Value::Instance(inst) => {
                let in_dict = inst.dict.borrow().get(name).cloned();
                match in_dict {
                    Some(f) => {
                        args.remove(0);
                        self.invoke(&f, args, kw, Link::Call)
                    }
                    None => match self.type_lookup(&inst.class(), name) {
                        Some(Value::Function(f)) => {
                            self.invoke(&Value::Function(f), args, kw, Link::Call)
                        }
                        Some(Value::Builtin(b)) if b.bound.is_none() => {
                            self.invoke(&Value::Builtin(b), args, kw, Link::Call)
                        }
                        _ => {
                            let m = self.getattr(&obj, name)?;
                            args.remove(0);
                            self.invoke(&m, args, kw, Link::Call)
                        }
                    },
                }
            }
            Value::Class(_)
            | Value::Module(_)
            | Value::Function(_)
            | Value::Super(_)
            | Value::Gen(_) => {
                let m = self.getattr(&obj, name)?;
                args.remove(0);
                self.invoke(&m, args, kw, Link::Call)
            }
            Value::Str(_) if &**name == "join" && self.join_loops_in_python(&args, &kw) => {
                // (`"".join(generator)`: see `python_loops`.)
                let f = self.python_loop("join")?;
                self.invoke(&f, args, kw, Link::Call)
            }
            Value::List(_) if &**name == "extend" && self.extend_loops_in_python(&args, &kw) => {
                // (`items.extend(generator)`: see `python_loops`.)
                let f = self.python_loop("extend")?;
                self.invoke(&f, args, kw, Link::Call)
            }
            _ => match self.call_builtin_method(&obj, name, &args[1..], &kw) {
                Ok(Some(v)) => {
                    // Keep the argument vector for the next call (dropping
                    // it freed the pooled allocation on every builtin
                    // method call).
                    self.frame_pool.recycle_args(args);
                    Ok(Invoked::Value(v))
                }
                Ok(None) => {
                    let m = self.getattr(&obj, name)?;
                    args.remove(0);
                    self.invoke(&m, args, kw, Link::Call)
                }
                Err(e) => Err(e),
            },
        };
        match r {
            Ok(Invoked::Value(v)) => {
                frame!(self).stack.push(v);
                Ok(None)
            }
            Ok(Invoked::Pushed) => Ok(None),
            Err(Error::Suspend(req)) => self.suspend_here(req),
            Err(e) => Err(e),
        }
    }

    /// CALL_METHOD's fast path (CPython's LOAD_METHOD specialisations): the
    /// receiver at `start` on the stack is an instance whose `__dict__`
    /// lacks `name` and whose class provides a plain Python function taking
    /// exactly `nargs` positional arguments. Anything else takes the
    /// general path.
    fn simple_method_target(
        &mut self,
        start: usize,
        name: &Name,
        nargs: u32,
    ) -> Option<Rc<Function>> {
        let fr = self.frames.last()?;
        let Some(Value::Instance(inst)) = fr.stack.get(start) else {
            return None;
        };
        if inst.dict.borrow().contains(name) {
            return None;
        }
        // The class is looked at where it is (no `Rc` clone per call).
        let cls = inst.class.borrow();
        match self
            .type_cache
            .peek(&cls, crate::vm::type_cache::Key::Name(name))
        {
            Some(Value::Function(f)) if takes_simple_args(&f.code, nargs) => Some(f.clone()),
            _ => None,
        }
    }

    /// Call `func` (which `takes_simple_args`) with the values from
    /// `start` to the top of the caller's stack as its arguments, moving
    /// them straight into the new frame's fast locals; `pop_callable`: the
    /// function itself lies below them (CALL) and is popped too.
    fn call_simple_from_stack(
        &mut self,
        func: &Rc<Function>,
        start: usize,
        pop_callable: bool,
    ) -> Result<(), Error> {
        let mut frame = self
            .frame_pool
            .frame(func.code.clone(), func.globals.clone());
        let caller = frame!(self);
        for (slot, a) in frame.locals.iter_mut().zip(caller.stack.drain(start..)) {
            *slot = Some(a);
        }
        if pop_callable {
            caller.stack.pop();
        }
        match func.code.kind {
            CodeKind::Coroutine if self.awaited_at_once() => {
                // `await f(...)`: the coroutine runs as a call, its object
                // made only if it suspends (`do_yield`); the caller keeps a
                // placeholder where `await` holds the coroutine and waits at
                // its YIELD_FROM, as after GET_AWAITABLE, LOAD_CONST None
                // and YIELD_FROM, which are counted as run.
                let id = self.fresh_id();
                frame.link = Link::AwaitedCall(LazyCoro {
                    id,
                    name: func.name.borrow().clone(),
                    qualname: func.qualname.borrow().clone(),
                });
                let caller = frame!(self);
                caller.pc += 2;
                caller.stack.push(Value::None);
                self.instructions += 3;
                self.push_frame(frame)
            }
            CodeKind::Generator | CodeKind::Coroutine | CodeKind::AsyncGenerator => {
                let g = self.new_gen(func, frame);
                frame!(self).stack.push(g);
                Ok(())
            }
            _ => self.push_frame(frame),
        }
    }

    /// Whether the top frame's next instructions await the value it is
    /// about to push (GET_AWAITABLE, LOAD_CONST None, YIELD_FROM), and
    /// those three can run without a budget check or line event (which
    /// would see them run one by one) or pending finalizer in between.
    #[inline]
    fn awaited_at_once(&self) -> bool {
        if self.instructions + 3 >= self.next_check || self.finalize_queue.pending.get() {
            return false;
        }
        let Some(fr) = self.frames.last() else {
            return false;
        };
        let ops = &fr.code.ops[fr.pc.min(fr.code.ops.len())..];
        match ops {
            [Op::GetAwaitable, Op::LoadConst(k), Op::YieldFrom, ..] => {
                matches!(fr.consts.get(*k as usize), Some(Value::None))
            }
            _ => false,
        }
    }

    /// Start calling `f`: push a frame for Python functions, or run
    /// native code to completion.
    pub(crate) fn invoke(
        &mut self,
        f: &Value,
        mut args: Vec<Value>,
        kw: Vec<(Name, Value)>,
        link: Link,
    ) -> Result<Invoked, Error> {
        match f {
            Value::Function(func) => {
                let mut frame = self.make_frame(func, args, kw)?;
                match func.code.kind {
                    CodeKind::Generator | CodeKind::Coroutine | CodeKind::AsyncGenerator => {
                        Ok(Invoked::Value(self.new_gen(func, frame)))
                    }
                    _ => {
                        frame.link = link;
                        self.push_frame(frame)?;
                        Ok(Invoked::Pushed)
                    }
                }
            }
            Value::Builtin(b) => {
                if let Some(bound) = &b.bound {
                    args.insert(0, bound.clone());
                } else if let Some(f) = self.python_loop_for_builtin(&b.name, &args, &kw)? {
                    // (`sum(generator)`: see `python_loops`.)
                    return self.invoke(&f, args, kw, link);
                }
                let r = (b.func)(self, &args, &kw)?;
                self.frame_pool.recycle_args(args);
                Ok(Invoked::Value(r))
            }
            Value::Method(m) => {
                args.insert(0, m.0.clone());
                let func = m.1.clone();
                self.invoke(&func, args, kw, link)
            }
            Value::Class(c) => self.instantiate(c, args, kw, link),
            Value::StaticMethod(inner) => {
                let inner = (**inner).clone();
                self.invoke(&inner, args, kw, link)
            }
            Value::Instance(inst) => match self.special_lookup(&inst.class(), "__call__") {
                Some(call) => {
                    args.insert(0, f.clone());
                    self.invoke(&call, args, kw, link)
                }
                None => {
                    let tn = self.type_name(f);
                    Err(self.type_error(format!("'{tn}' object is not callable")))
                }
            },
            _ => {
                let tn = self.type_name(f);
                Err(self.type_error(format!("'{tn}' object is not callable")))
            }
        }
    }

    /// Call any callable from Rust and run it to completion.
    pub fn call(
        &mut self,
        f: &Value,
        args: Vec<Value>,
        kw: Vec<(Name, Value)>,
    ) -> Result<Value, Error> {
        match self.invoke(f, args, kw, Link::Entry)? {
            Invoked::Value(v) => Ok(v),
            Invoked::Pushed => match self.run()? {
                Completion::Returned(v) => Ok(v),
                Completion::Yielded(..) => Err(Error::Internal("call yielded".into())),
                Completion::Suspended(r) => Err(Error::Suspend(r)),
            },
        }
    }

    /// Build the frame for calling `func` (argument binding).
    pub(crate) fn make_frame(
        &mut self,
        func: &Rc<Function>,
        mut args: Vec<Value>,
        kw: Vec<(Name, Value)>,
    ) -> Result<Box<Frame>, Error> {
        let code = &func.code;
        let mut frame = self.frame_pool.frame(code.clone(), func.globals.clone());
        let argc = code.argcount as usize;
        if kw.is_empty()
            && !code.varargs
            && !code.varkeywords
            && args.len() == argc
            && code.kwonlyargcount == 0
        {
            for (slot, a) in frame.locals.iter_mut().zip(args.drain(..)) {
                *slot = Some(a);
            }
            self.frame_pool.recycle_args(args);
        } else {
            self.bind_args(func, &mut frame.locals, args, kw)?;
        }
        if !code.cellvars.is_empty() || !code.freevars.is_empty() {
            let mut cells: Vec<CellRef> = code
                .cellvars
                .iter()
                .map(|_| self.tracked.new_cell())
                .collect();
            for &(ci, li) in &code.cell_params {
                let v = frame.locals[li as usize].take();
                *cells[ci as usize].borrow_mut() = v;
            }
            cells.extend(func.closure.iter().cloned());
            frame.cells = cells;
        }
        Ok(frame)
    }

    fn bind_args(
        &mut self,
        func: &Rc<Function>,
        locals: &mut [Option<Value>],
        args: Vec<Value>,
        kw: Vec<(Name, Value)>,
    ) -> Result<(), Error> {
        let code = &func.code;
        let qual = func.qualname.borrow().clone();
        let argc = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let npos = args.len();
        let mut slot = argc + kwonly;
        let varargs_slot = if code.varargs {
            slot += 1;
            Some(slot - 1)
        } else {
            None
        };
        let varkw_slot = if code.varkeywords { Some(slot) } else { None };
        let mut args = args;
        if npos > argc {
            match varargs_slot {
                Some(s) => {
                    let rest = args.split_off(argc);
                    locals[s] = Some(Value::tuple(rest));
                }
                None => {
                    let ndef = func.defaults.len();
                    let kwgiven = kw
                        .iter()
                        .filter(|(k, _)| code.varnames[argc..argc + kwonly].contains(k))
                        .count();
                    let takes = if ndef > 0 {
                        format!("from {} to {} positional arguments", argc - ndef, argc)
                    } else if argc == 1 {
                        "1 positional argument".to_string()
                    } else {
                        format!("{argc} positional arguments")
                    };
                    let given = if kwgiven > 0 {
                        format!(
                            "{npos} positional argument{} (and {kwgiven} keyword-only argument{}) were given",
                            if npos == 1 { "" } else { "s" },
                            if kwgiven == 1 { "" } else { "s" }
                        )
                    } else if npos == 1 {
                        "1 was given".to_string()
                    } else {
                        format!("{npos} were given")
                    };
                    return Err(self.type_error(format!("{qual}() takes {takes} but {given}")));
                }
            }
        } else if let Some(s) = varargs_slot {
            locals[s] = Some(Value::empty_tuple());
        }
        for (i, a) in args.into_iter().enumerate().take(argc) {
            locals[i] = Some(a);
        }
        let mut kwdict = varkw_slot.map(|_| Dict::new());
        let mut posonly_as_kw = Vec::new();
        for (k, v) in kw {
            let pos = code.varnames[..argc + kwonly]
                .iter()
                .position(|n| **n == *k);
            match pos {
                Some(i) if i >= code.posonlyargcount as usize => {
                    if locals[i].is_some() {
                        return Err(self.type_error(format!(
                            "{qual}() got multiple values for argument '{k}'"
                        )));
                    }
                    locals[i] = Some(v);
                }
                _ => match &mut kwdict {
                    Some(d) => {
                        let key = Value::Str(k.clone());
                        self.dict_set(d, key, v)?;
                    }
                    None => {
                        if pos.is_some() {
                            posonly_as_kw.push(k.to_string());
                            continue;
                        }
                        return Err(self.type_error(format!(
                            "{qual}() got an unexpected keyword argument '{k}'"
                        )));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{qual}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        if let (Some(s), Some(d)) = (varkw_slot, kwdict) {
            locals[s] = Some(Value::dict(d));
        }
        let ndef = func.defaults.len();
        let first_def = argc.saturating_sub(ndef);
        let mut missing = Vec::new();
        for (i, slot) in locals.iter_mut().enumerate().take(argc) {
            if slot.is_none() {
                if i >= first_def {
                    *slot = Some(func.defaults[i - first_def].clone());
                } else {
                    missing.push(code.varnames[i].to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qual}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        let mut missing = Vec::new();
        for (i, slot) in locals.iter_mut().enumerate().take(argc + kwonly).skip(argc) {
            if slot.is_none() {
                let n = &code.varnames[i];
                match func.kwdefaults.iter().find(|(k, _)| k == n) {
                    Some((_, v)) => *slot = Some(v.clone()),
                    None => missing.push(n.to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qual}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        Ok(())
    }

    fn new_gen(&mut self, func: &Rc<Function>, frame: Box<Frame>) -> Value {
        let kind = match func.code.kind {
            CodeKind::Coroutine => GenKind::Coroutine,
            CodeKind::AsyncGenerator => GenKind::AsyncGenerator,
            _ => GenKind::Generator,
        };
        let id = self.fresh_id();
        let created_at = match (kind, self.frames.last()) {
            (GenKind::Coroutine, Some(caller)) => Some((
                caller.code.filename.clone(),
                caller.line(),
                caller.code.source.clone(),
            )),
            _ => None,
        };
        Value::Gen(Rc::new(GenObj {
            kind,
            created_at,
            frame: RefCell::new(Some(frame)),
            state: std::cell::Cell::new(GenState::Created),
            name: func.name.borrow().clone(),
            qualname: func.qualname.borrow().clone(),
            finalize_queue: if kind == GenKind::AsyncGenerator {
                None
            } else {
                Some(self.finalize_queue.clone())
            },
            never_awaited_log: if kind == GenKind::Coroutine {
                Some(self.never_awaited.clone())
            } else {
                None
            },
            ag_running: std::cell::Cell::new(false),
            ag_hooks_inited: std::cell::Cell::new(false),
            id,
        }))
    }

    /// Take a generator's frame to run it (state checks included).
    /// Returns None when the generator is already finished.
    fn take_gen_frame(
        &mut self,
        g: &Rc<GenObj>,
        sending: Option<&Value>,
    ) -> Result<Option<Box<Frame>>, Error> {
        match g.state.get() {
            GenState::Running => {
                let what = match g.kind {
                    GenKind::Generator => "generator already executing",
                    GenKind::Coroutine => "coroutine already executing",
                    GenKind::AsyncGenerator => "anext(): asynchronous generator is already running",
                };
                let c = if g.kind == GenKind::Generator {
                    self.types.value_error.clone()
                } else {
                    self.types.runtime_error.clone()
                };
                return Err(self.new_error(&c, what));
            }
            GenState::Closed => return Ok(None),
            GenState::Created => {
                if let Some(v) = sending {
                    if !v.is_none() {
                        let what = match g.kind {
                            GenKind::Coroutine => {
                                "can't send non-None value to a just-started coroutine"
                            }
                            GenKind::AsyncGenerator => {
                                "can't send non-None value to a just-started async generator"
                            }
                            GenKind::Generator => {
                                "can't send non-None value to a just-started generator"
                            }
                        };
                        return Err(self.type_error(what));
                    }
                }
            }
            GenState::Suspended => {}
        }
        let f = g.frame.borrow_mut().take();
        match f {
            Some(mut f) => {
                if g.state.get() != GenState::Created {
                    if let Some(v) = sending {
                        f.stack.push(v.clone());
                    }
                }
                g.state.set(GenState::Running);
                f.gen = Some(g.clone());
                Ok(Some(f))
            }
            None => Ok(None),
        }
    }

    /// YIELD_FROM: resume the delegate on TOS with `how`.
    fn yield_from(&mut self, recv: Value, how: Resume) -> Result<Option<Completion>, Error> {
        match &recv {
            Value::Gen(g) => {
                let sending = match &how {
                    Resume::Send(v) => Some(v),
                    Resume::Throw(_) => None,
                };
                let frame = match self.take_gen_frame(g, sending)? {
                    Some(f) => f,
                    None => {
                        if g.kind == GenKind::Coroutine {
                            return Err(self.new_error(
                                &self.types.runtime_error.clone(),
                                "cannot reuse already awaited coroutine",
                            ));
                        }
                        if let Resume::Throw(e) = how {
                            return Err(Error::Exception(e));
                        }
                        let fr = frame!(self);
                        fr.stack.pop();
                        fr.stack.push(Value::None);
                        fr.pc += 1;
                        return Ok(None);
                    }
                };
                let mut frame = frame;
                frame.link = if g.kind == GenKind::AsyncGenerator {
                    Link::DelegateAsend
                } else {
                    Link::Delegate
                };
                self.push_frame(frame)?;
                if let Resume::Throw(e) = how {
                    return self.throw_into_top(e);
                }
                Ok(None)
            }
            Value::Iter(it) if matches!(&*it.borrow(), IterObj::ASend { .. }) => {
                let (g, first, closing) = {
                    let mut b = it.borrow_mut();
                    match &mut *b {
                        IterObj::ASend {
                            gen,
                            first,
                            closing,
                        } => (gen.clone(), first.take(), *closing),
                        _ => return Err(Error::Internal("asend".into())),
                    }
                };
                let how = match (first, how) {
                    (Some(Resume::Throw(e)), _) => Resume::Throw(e),
                    (Some(Resume::Send(v)), Resume::Send(_)) => Resume::Send(v),
                    (_, h) => h,
                };
                let sending = match &how {
                    Resume::Send(v) => Some(v),
                    Resume::Throw(_) => None,
                };
                let frame = match self.take_gen_frame(&g, sending)? {
                    Some(f) => f,
                    None => {
                        if closing {
                            let fr = frame!(self);
                            fr.stack.pop();
                            fr.stack.push(Value::None);
                            fr.pc += 1;
                            return Ok(None);
                        }
                        if let Resume::Throw(e) = how {
                            return Err(Error::Exception(e));
                        }
                        let sai = self.types.stop_async_iteration.clone();
                        return Err(self.new_error_args(&sai, vec![]));
                    }
                };
                let mut frame = frame;
                frame.link = Link::DelegateAsend;
                self.push_frame(frame)?;
                if let Resume::Throw(e) = how {
                    return self.throw_into_top(e);
                }
                Ok(None)
            }
            _ => {
                // A native or user-defined iterator.
                let r = match how {
                    Resume::Send(v) => {
                        if v.is_none() {
                            self.iter_step(&recv)
                        } else {
                            self.call_method(&recv, "send", vec![v])
                                .map(crate::vm::ops::Step::Yield)
                                .or_else(|e| self.step_from_error(e))
                        }
                    }
                    Resume::Throw(e) => {
                        let ge = self.types.generator_exit.clone();
                        if self.is_instance_of(&e, &ge) {
                            if self.lookup_special_bound(&recv, "close").is_some() {
                                self.call_method(&recv, "close", vec![])?;
                            }
                            return Err(Error::Exception(e));
                        }
                        match self.lookup_special_bound(&recv, "throw") {
                            Some(t) => self
                                .call(&t, vec![e], vec![])
                                .map(crate::vm::ops::Step::Yield)
                                .or_else(|e| self.step_from_error(e)),
                            None => return Err(Error::Exception(e)),
                        }
                    }
                };
                match r? {
                    crate::vm::ops::Step::Yield(y) => self.do_yield(y, false),
                    crate::vm::ops::Step::Return(v) => {
                        let fr = frame!(self);
                        fr.stack.pop();
                        fr.stack.push(v);
                        fr.pc += 1;
                        Ok(None)
                    }
                }
            }
        }
    }

    /// Raise `exc` in the top frame, descending first into any delegate it
    /// is suspended on (so a throw reaches the innermost awaitable).
    fn throw_into_top(&mut self, exc: Value) -> Result<Option<Completion>, Error> {
        let fr = frame!(self);
        let at_yield_from =
            matches!(fr.code.ops.get(fr.pc), Some(Op::YieldFrom)) && !fr.stack.is_empty();
        if at_yield_from && fr.gen.is_some() {
            let recv = top!(fr).clone();
            return self.yield_from(recv, Resume::Throw(exc));
        }
        Err(Error::Exception(exc))
    }

    /// Resume a generator/coroutine from Rust (`send`/`throw`).
    pub fn resume(&mut self, gen: &Value, how: Resume) -> Result<GenStep, Error> {
        if self.nesting == 0 {
            self.reset_slice();
        }
        match self.resume_inner(gen, how) {
            Ok(Completion::Returned(v)) => Ok(GenStep::Returned(v)),
            Ok(Completion::Yielded(v, _)) => Ok(GenStep::Yielded(v)),
            Ok(Completion::Suspended(r)) => Err(Error::Suspend(r)),
            Err(Error::Exception(x)) => Ok(GenStep::Raised(x)),
            Err(e) => Err(e),
        }
    }

    /// Resume from Rust; `Completion::Yielded`'s flag tells whether the
    /// value came from an async generator's own `yield` (see
    /// [`Vm::resume_async_gen`]).
    pub(crate) fn resume_inner(&mut self, gen: &Value, how: Resume) -> Result<Completion, Error> {
        let Value::Gen(g) = gen else {
            return Err(Error::Internal("resume of a non-generator".into()));
        };
        let sending = match &how {
            Resume::Send(v) => Some(v),
            Resume::Throw(_) => None,
        };
        let frame = match self.take_gen_frame(g, sending)? {
            Some(f) => f,
            None => {
                return match how {
                    Resume::Throw(e) => Err(Error::Exception(e)),
                    Resume::Send(_) => {
                        if g.kind == GenKind::Coroutine {
                            Err(self.new_error(
                                &self.types.runtime_error.clone(),
                                "cannot reuse already awaited coroutine",
                            ))
                        } else if g.kind == GenKind::AsyncGenerator {
                            let c = self.types.stop_async_iteration.clone();
                            Err(self.new_error_args(&c, vec![]))
                        } else {
                            let c = self.types.stop_iteration.clone();
                            Err(self.new_error_args(&c, vec![]))
                        }
                    }
                };
            }
        };
        let mut frame = frame;
        frame.link = Link::Entry;
        if let Err(e) = self.push_frame(frame) {
            // Put nothing back: the generator is unusable after overflow.
            g.state.set(GenState::Closed);
            return Err(e);
        }
        if let Resume::Throw(e) = how {
            match self.throw_into_top(e) {
                Ok(Some(c)) => return Ok(c),
                Ok(None) => {}
                Err(Error::Exception(x)) => {
                    if let Some(c) = self.unwind(x)? {
                        return Ok(c);
                    }
                }
                Err(e) => {
                    self.abort_to_entry();
                    return Err(e);
                }
            }
        }
        self.run()
    }

    /// Resume an async generator's frame directly; returns the yielded
    /// value and whether it was a `yield` (true) or an await passing
    /// through (false).
    pub fn resume_async_gen(&mut self, gen: &Value, how: Resume) -> Result<(GenStep, bool), Error> {
        match self.resume_inner(gen, how) {
            Ok(Completion::Yielded(v, own)) => Ok((GenStep::Yielded(v), own)),
            Ok(Completion::Returned(v)) => Ok((GenStep::Returned(v), false)),
            Ok(Completion::Suspended(r)) => Err(Error::Suspend(r)),
            Err(Error::Exception(x)) => Ok((GenStep::Raised(x), false)),
            Err(e) => Err(e),
        }
    }

    /// Continue an operation that returned `Error::Paused`.
    pub fn resume_paused(&mut self) -> Result<GenStep, Error> {
        match self.run() {
            Ok(Completion::Returned(v)) => Ok(GenStep::Returned(v)),
            Ok(Completion::Yielded(v, _)) => Ok(GenStep::Yielded(v)),
            Ok(Completion::Suspended(r)) => Err(Error::Suspend(r)),
            Err(Error::Exception(x)) => Ok(GenStep::Raised(x)),
            Err(e) => Err(e),
        }
    }

    /// The line a suspended generator/coroutine will resume at (innermost
    /// awaited coroutine not included).
    pub fn gen_line(&self, gen: &Value) -> Option<u32> {
        let Value::Gen(g) = gen else { return None };
        let f = g.frame.borrow();
        let f = f.as_ref()?;
        if g.state.get() == GenState::Created {
            return Some(f.code.firstlineno);
        }
        Some(
            f.code.line_at(
                f.pc.saturating_sub(1)
                    .min(f.code.ops.len().saturating_sub(1)),
            ),
        )
    }

    /// The line of the innermost Python frame currently executing.
    pub fn current_line(&self) -> Option<u32> {
        self.frames.last().map(|f| f.line())
    }

    fn for_iter(&mut self, it: Value, target: u32) -> Result<Option<Completion>, Error> {
        match &it {
            Value::Iter(_) => match self.native_next(&it)? {
                Some(v) => {
                    frame!(self).stack.push(v);
                }
                None => {
                    let fr = frame!(self);
                    fr.stack.pop();
                    fr.pc = target as usize;
                }
            },
            Value::Gen(g) if g.kind == GenKind::Generator => {
                let none = Value::None;
                match self.take_gen_frame(g, Some(&none))? {
                    Some(mut f) => {
                        f.link = Link::ForIter(target);
                        self.push_frame(f)?;
                    }
                    None => {
                        let fr = frame!(self);
                        fr.stack.pop();
                        fr.pc = target as usize;
                    }
                }
            }
            Value::Instance(inst) => match self.special_lookup(&inst.class(), "__next__") {
                Some(Value::Function(f)) => {
                    let mut frame = self.make_frame(&f, vec![it.clone()], vec![])?;
                    frame.link = Link::IterNext(target);
                    self.push_frame(frame)?;
                }
                Some(other) => match self.call(&other, vec![it.clone()], vec![]) {
                    Ok(v) => frame!(self).stack.push(v),
                    Err(Error::Exception(e))
                        if self.is_instance_of(&e, &self.types.stop_iteration.clone()) =>
                    {
                        let fr = frame!(self);
                        fr.stack.pop();
                        fr.pc = target as usize;
                    }
                    Err(e) => return Err(e),
                },
                None => {
                    let tn = self.type_name(&it);
                    return Err(self.type_error(format!("'{tn}' object is not an iterator")));
                }
            },
            _ => match self.iter_step(&it)? {
                crate::vm::ops::Step::Yield(v) => frame!(self).stack.push(v),
                crate::vm::ops::Step::Return(_) => {
                    let fr = frame!(self);
                    fr.stack.pop();
                    fr.pc = target as usize;
                }
            },
        }
        Ok(None)
    }

    fn build_class(
        &mut self,
        func: Value,
        name: Value,
        bases: Value,
        kwargs: Value,
    ) -> Result<(), Error> {
        let Value::Function(func) = func else {
            return Err(Error::Internal("class body is not a function".into()));
        };
        let mut base_classes = Vec::new();
        if let Value::Tuple(t) = &bases {
            for b in t.iter() {
                match b {
                    Value::Class(c) => base_classes.push(c.clone()),
                    other => {
                        let tn = self.type_name(other);
                        let _ = tn;
                        return Err(self.type_error("bases must be types"));
                    }
                }
            }
        }
        let mut frame = self.make_frame(&func, vec![], vec![])?;
        let mut ns = AttrMap::new();
        let modname = func
            .globals
            .get("__name__")
            .unwrap_or(Value::str("__main__"));
        ns.insert(self.intern("__module__"), modname);
        ns.insert(
            self.intern("__qualname__"),
            Value::Str(func.code.qualname.clone()),
        );
        frame.namespace = Some(Rc::new(RefCell::new(ns)));
        frame.link = Link::ClassBody {
            name,
            bases: base_classes,
            kwargs,
        };
        self.push_frame(frame)
    }

    fn raise_op(&mut self, n: u32) -> Result<Error, Error> {
        let fr = frame!(self);
        match n {
            0 => {
                // Bare raise: re-raise the exception being handled.
                let cur = self.current_handled();
                match cur {
                    Some(e) => {
                        self.reraise = true;
                        Ok(Error::Exception(e))
                    }
                    None => Ok(self.new_error(
                        &self.types.runtime_error.clone(),
                        "No active exception to reraise",
                    )),
                }
            }
            1 => {
                let e = pop!(fr);
                let exc = self.make_raisable(e)?;
                self.attach_context(&exc);
                Ok(Error::Exception(exc))
            }
            _ => {
                let cause = pop!(fr);
                let e = pop!(fr);
                let exc = self.make_raisable(e)?;
                let cause = match cause {
                    Value::None => None,
                    c => {
                        let c = self.make_raisable_cause(c)?;
                        Some(c)
                    }
                };
                self.set_cause(&exc, cause, true);
                self.attach_context(&exc);
                Ok(Error::Exception(exc))
            }
        }
    }

    /// The exception currently being handled (innermost), if any.
    pub(crate) fn current_handled(&self) -> Option<Value> {
        for f in self.frames.iter().rev() {
            if let Some(e) = f.handling.last() {
                return Some(e.clone());
            }
        }
        None
    }
}

fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

fn split_top(fr: &mut Frame, n: u32) -> Result<Vec<Value>, Error> {
    let len = fr.stack.len();
    match len.checked_sub(n as usize) {
        Some(i) => Ok(fr.stack.split_off(i)),
        None => Err(Error::Internal("stack underflow".into())),
    }
}

/// Split keyword values off the end of `args` using the names tuple.
fn split_kwargs(args: &mut Vec<Value>, names: &Value) -> Vec<(Name, Value)> {
    let Value::Tuple(names) = names else {
        return Vec::new();
    };
    let k = names.len().min(args.len());
    let vals = args.split_off(args.len() - k);
    names
        .iter()
        .zip(vals)
        .filter_map(|(n, v)| match n {
            Value::Str(s) => Some((s.clone(), v)),
            _ => None,
        })
        .collect()
}

/// A call of `code` with `nargs` positional arguments binds them to the
/// first fast locals one to one: no defaults, `*args`, keywords or cells to
/// set up.
fn takes_simple_args(code: &crate::compile::code::Code, nargs: u32) -> bool {
    code.argcount == nargs
        && !code.varargs
        && !code.varkeywords
        && code.kwonlyargcount == 0
        && code.cellvars.is_empty()
        && code.freevars.is_empty()
}

/// `x <op> y` for the binary operator codes whose int result needs no
/// Python semantics beyond the obvious (None: take the general path).
#[inline(always)]
fn int_binary_fast(code: u8, x: i64, y: i64) -> Option<i64> {
    match code {
        0 => x.checked_add(y),
        1 => x.checked_sub(y),
        2 => x.checked_mul(y),
        5 if y > 0 && x >= 0 => Some(x % y),
        12 if y > 0 && x >= 0 => Some(x / y),
        _ => None,
    }
}

/// `x <op> y` for the int comparison codes (None: `in`, `is`, exception
/// matches and the like, which take the general path).
#[inline(always)]
fn int_compare(code: u8, x: i64, y: i64) -> Option<bool> {
    match code {
        0 => Some(x == y),
        1 => Some(x != y),
        2 => Some(x < y),
        3 => Some(x <= y),
        4 => Some(x > y),
        5 => Some(x >= y),
        _ => None,
    }
}

/// The result of an int instruction (`Binary`, `Inplace`, `Compare`) that
/// `run_simple_ops` runs inline, before it is placed.
#[derive(Clone, Copy)]
enum IntResult {
    Int(i64),
    Bool(bool),
}

/// `op` on the ints `x` and `y`, when it is an int instruction with a fast
/// result (None: not one, or its general path is needed).
#[inline(always)]
fn int_result(op: Op, x: i64, y: i64) -> Option<IntResult> {
    match op {
        Op::Binary(code) | Op::Inplace(code) => int_binary_fast(code, x, y).map(IntResult::Int),
        Op::Compare(code) => int_compare(code, x, y).map(IntResult::Bool),
        _ => None,
    }
}

/// Whether an arm of `simple_ops_loop` may also run the instruction after
/// its own (a fused pair: constant then operator, operator then store,
/// test then conditional jump): only when the loop's footer would have fetched it
/// without leaving for `exec`'s accounting, i.e. no budget check (nor line
/// event, GIL switch or pause, which all wait for one) falls due before
/// it. The arm then counts it (`instructions += 1`) and steps past it, so
/// counts, budgets and the CPU model's clock are exactly those of running
/// the instructions one by one.
#[inline(always)]
fn next_runs_inline(instructions: u64, next_check: u64) -> bool {
    instructions + 1 < next_check
}

/// The instruction after the current one, when it may run inline (see
/// `next_runs_inline`).
#[inline(always)]
fn next_inline(fr: &Frame, pc: usize, instructions: u64, next_check: u64) -> Option<Op> {
    match fr.code.ops.get(pc) {
        Some(&next) if next_runs_inline(instructions, next_check) => Some(next),
        _ => None,
    }
}

/// `if a < b:`, `if x is None:`: when the instruction after a test is a
/// conditional jump that may run inline, runs it on the test's result `b`
/// (the bool is never pushed and popped: CPython 3.11 specialises the int
/// comparison and jump as COMPARE_OP_INT_JUMP), counting it, and returns
/// true; false leaves everything as it was.
#[inline(always)]
fn fused_jump(
    fr: &Frame,
    pc: &mut usize,
    instructions: &mut u64,
    next_check: u64,
    b: bool,
) -> bool {
    let (t, jump_if) = match next_inline(fr, *pc, *instructions, next_check) {
        Some(Op::PopJumpIfFalse(t)) => (t, false),
        Some(Op::PopJumpIfTrue(t)) => (t, true),
        _ => return false,
    };
    *instructions += 1;
    *pc = if b == jump_if { t as usize } else { *pc + 1 };
    true
}

/// Places `r`, the result of an int instruction whose `operands` (1 or 2,
/// plain values) are on top of the stack: `x = a + b` stores it straight
/// into the local (the STORE_FAST after it runs here), a comparison jumps
/// on it ([`fused_jump`]), anything else replaces the operands with it.
/// Fused instructions are counted as `next_runs_inline` says. Returns true
/// when a local was overwritten (its old value may have been the last
/// reference to a generator: the caller checks for finalizers).
#[inline(always)]
fn place_int_result(
    fr: &mut Frame,
    pc: &mut usize,
    instructions: &mut u64,
    next_check: u64,
    r: IntResult,
    operands: usize,
) -> bool {
    let v = match r {
        IntResult::Int(v) => {
            if let Some(Op::StoreFast(j)) = next_inline(fr, *pc, *instructions, next_check) {
                pop_plain(&mut fr.stack, operands);
                *instructions += 1;
                *pc += 1;
                if let Some(old) = fr.locals[j as usize].replace(Value::Int(v)) {
                    quick_drop(old);
                }
                return true;
            }
            Value::Int(v)
        }
        IntResult::Bool(b) => {
            if fused_jump(fr, pc, instructions, next_check, b) {
                pop_plain(&mut fr.stack, operands);
                return false;
            }
            Value::Bool(b)
        }
    };
    pop_plain(&mut fr.stack, operands - 1);
    if let Some(slot) = fr.stack.last_mut() {
        let old = std::mem::replace(slot, v);
        debug_assert!(is_plain(&old));
        std::mem::forget(old);
    }
    false
}

/// Pops `n` values off the stack, all plain (the caller matched them),
/// without the drop glue.
#[inline(always)]
fn pop_plain(stack: &mut Vec<Value>, n: usize) {
    for _ in 0..n {
        if let Some(v) = stack.pop() {
            debug_assert!(is_plain(&v));
            std::mem::forget(v);
        }
    }
}

/// The instructions `run_simple_ops` may run.
#[inline(always)]
fn is_simple_op(op: Op) -> bool {
    matches!(
        op,
        Op::LoadFast(_)
            | Op::StoreFast(_)
            | Op::LoadConst(_)
            | Op::LoadGlobal(_)
            | Op::StoreGlobal(_)
            | Op::Jump(_)
            | Op::PopJumpIfFalse(_)
            | Op::PopJumpIfTrue(_)
            | Op::Binary(_)
            | Op::Inplace(_)
            | Op::Compare(_)
            | Op::JumpIfFalseOrPop(_)
            | Op::JumpIfTrueOrPop(_)
            | Op::Is(_)
            | Op::Pop
            | Op::LoadAttr(_)
            | Op::StoreAttr(_)
            | Op::Dup
            | Op::Copy(_)
            | Op::Swap(_)
            | Op::Rot(_)
            | Op::Subscr
            | Op::StoreSubscr
            | Op::ForIter(_)
            | Op::Nop
            | Op::Call(1)
    )
}

/// The builtins whose one-argument calls `run_simple_ops` runs inline.
#[derive(Clone, Copy)]
struct CallShortcuts<'a> {
    /// The class `type`.
    type_: &'a Rc<Class>,
    /// The builtin `len` (once the library has installed it).
    len: Option<&'a Rc<Builtin>>,
}

/// `type(instance)` and `len(x)` of a list, tuple, dict, set or ASCII str
/// (the callable and its one argument on top of `stack`): the shortcuts
/// of CALL (`op_call` in `interp/calls.rs` takes the same ones, and
/// `type()` of any value) that `Queue.put`/`get` and loops over indices
/// run, here without leaving the simple-op loop. None: anything else.
#[inline(always)]
fn call_shortcut(stack: &[Value], calls: CallShortcuts) -> Option<Value> {
    let n = stack.len();
    match (stack.get(n.wrapping_sub(2))?, stack.last()?) {
        (Value::Class(c), Value::Instance(inst)) if Rc::ptr_eq(c, calls.type_) => {
            Some(Value::Class(inst.class()))
        }
        (Value::Builtin(b), x) if calls.len.is_some_and(|len| Rc::ptr_eq(b, len)) => {
            let n = match x {
                Value::List(l) => l.borrow().len(),
                Value::Tuple(t) => t.len(),
                Value::Dict(d) | Value::Set(d) => d.borrow().len(),
                Value::Str(s) if s.is_ascii() => s.len(),
                _ => return None,
            };
            Some(Value::Int(n as i64))
        }
        _ => None,
    }
}

/// The in-range index `i` of a list of length `len` (negative from the
/// end), as `list[i]` takes it.
#[inline(always)]
fn list_index(i: i64, len: usize) -> Option<usize> {
    let idx = if i < 0 { i + len as i64 } else { i };
    (idx >= 0 && (idx as usize) < len).then_some(idx as usize)
}

/// The truth value of `v` when it needs no Python code (None: ask
/// `Vm::truthy`).
#[inline(always)]
fn quick_truth(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::None => Some(false),
        Value::Int(i) => Some(*i != 0),
        Value::List(l) => Some(!l.borrow().is_empty()),
        Value::Str(s) => Some(!s.is_empty()),
        Value::Tuple(t) => Some(!t.is_empty()),
        Value::Dict(d) => Some(!d.borrow().is_empty()),
        _ => None,
    }
}

// The helpers below keep the fast ops' plain values (ints, bools, floats,
// None: no reference count, nothing on the heap) out of `Value`'s clone
// and drop glue, which opt-level "z" (the wasm build) leaves out of line:
// a call per instruction for a loop counter (callgrind, native z build:
// ~25 % of a tight integer loop's instructions).

/// Whether `v` owns nothing: copying it is a bit copy, dropping it a no-op.
#[inline(always)]
fn is_plain(v: &Value) -> bool {
    matches!(
        v,
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_)
    )
}

/// `v.clone()`, plain values copied inline.
#[inline(always)]
fn quick_clone(v: &Value) -> Value {
    match v {
        Value::Int(i) => Value::Int(*i),
        Value::Bool(b) => Value::Bool(*b),
        Value::None => Value::None,
        Value::Float(f) => Value::Float(*f),
        _ => v.clone(),
    }
}

/// Drops `v`; a plain value without the call into the drop glue.
#[inline(always)]
fn quick_drop(v: Value) {
    if is_plain(&v) {
        // Nothing to free: skipping the glue is all this does.
        std::mem::forget(v);
    } else {
        drop(v);
    }
}

/// The interpreter's inner loop for the simplest instructions (locals,
/// constants, globals already resolved to a slot, jumps, small-int
/// arithmetic and comparisons): runs them on
/// `fr` without leaving it, doing the same per-instruction accounting as
/// `Vm::exec`. Returns true when it stopped at an instruction it cannot
/// run (already fetched and counted: the one before the frame's pc) for
/// the general dispatch, false when the next instruction must go through
/// `exec`'s accounting (budget check due or a dropped generator to
/// finalize).
///
/// One piece on purpose: it is the interpreter's hottest loop, one `match`
/// whose arms share the frame borrow and the counters in registers;
/// splitting it into calls costs measurably. Each arm is the fast path of
/// its instruction, whose slow path is in `interp/fast.rs`.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn run_simple_ops(
    fr: &mut Frame,
    op: Op,
    instructions: &mut u64,
    next_check: u64,
    finalize_pending: &std::cell::Cell<bool>,
    type_cache: &mut crate::vm::type_cache::TypeCache,
    builtins: &Globals,
    calls: CallShortcuts,
) -> Result<bool, Error> {
    // The counter and the frame's pc are kept in locals while the loop runs
    // (the compiler cannot keep `Vm::instructions` or `Frame::pc` in a
    // register: the frame is reached through the same `Vm`), written back
    // on every way out. (No arm reads the frame's pc.)
    let mut count = *instructions;
    let mut pc = fr.pc;
    let r = simple_ops_loop(
        fr,
        &mut pc,
        op,
        &mut count,
        next_check,
        finalize_pending,
        type_cache,
        builtins,
        calls,
    );
    *instructions = count;
    fr.pc = pc;
    r.map(|stopped_at| stopped_at.is_some())
}

/// [`run_simple_ops`]' loop, on a local instruction counter.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn simple_ops_loop(
    fr: &mut Frame,
    pc: &mut usize,
    mut op: Op,
    instructions: &mut u64,
    next_check: u64,
    finalize_pending: &std::cell::Cell<bool>,
    type_cache: &mut crate::vm::type_cache::TypeCache,
    builtins: &Globals,
    calls: CallShortcuts,
) -> Result<Option<Op>, Error> {
    loop {
        match op {
            Op::LoadFast(i) => match &fr.locals[i as usize] {
                Some(v) => {
                    let v = quick_clone(v);
                    fr.stack.push(v);
                }
                None => return Ok(Some(op)),
            },
            Op::StoreFast(i) => {
                let Some(v) = fr.stack.pop() else {
                    return Ok(Some(op));
                };
                if let Some(old) = fr.locals[i as usize].replace(v) {
                    quick_drop(old);
                }
                // The value replaced may have been the last reference to a
                // suspended generator (the only drop these ops can make).
                if finalize_pending.get() {
                    return Ok(None);
                }
            }
            Op::LoadConst(i) => {
                // `n % 2`, `i + 1`, `n != 1`: an int constant as the right
                // operand of the int operator after it, on an int, runs
                // that operator here (see `next_runs_inline`): the constant
                // is never pushed and popped.
                let fused = match (
                    &fr.consts[i as usize],
                    fr.stack.last(),
                    fr.code.ops.get(*pc),
                ) {
                    (&Value::Int(y), Some(&Value::Int(x)), Some(&next))
                        if next_runs_inline(*instructions, next_check) =>
                    {
                        int_result(next, x, y)
                    }
                    _ => None,
                };
                match fused {
                    Some(r) => {
                        *instructions += 1;
                        *pc += 1;
                        if place_int_result(fr, pc, instructions, next_check, r, 1)
                            && finalize_pending.get()
                        {
                            return Ok(None);
                        }
                    }
                    None => {
                        let v = quick_clone(&fr.consts[i as usize]);
                        fr.stack.push(v);
                    }
                }
            }
            Op::LoadGlobal(i) => {
                let s = fr.code.global_cache[i as usize].get();
                let v = match fr.globals.slots.borrow().get(s as usize) {
                    Some((_, Some(v))) => v.clone(),
                    // Not (yet) a module global: the builtin, once
                    // `Vm::load_global` has resolved its slot.
                    Some((_, None)) => {
                        let b = fr.code.builtin_cache[i as usize].get();
                        match builtins.slots.borrow().get(b as usize) {
                            Some((_, Some(v))) => v.clone(),
                            _ => return Ok(Some(op)),
                        }
                    }
                    None => return Ok(Some(op)),
                };
                fr.stack.push(v);
            }
            Op::StoreGlobal(i) => {
                let s = fr.code.global_cache[i as usize].get();
                if s == u32::MAX || fr.stack.is_empty() {
                    return Ok(Some(op));
                }
                let v = fr.stack.pop();
                let mut slots = fr.globals.slots.borrow_mut();
                match slots.get_mut(s as usize) {
                    Some(slot) => slot.1 = v,
                    None => return Err(Error::Internal("global slot out of range".into())),
                }
                drop(slots);
                if finalize_pending.get() {
                    return Ok(None);
                }
            }
            Op::Jump(t) => *pc = t as usize,
            Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => {
                // (A `match`, not `and_then`: opt-level "z" leaves that
                // closure-taking call out of line.)
                let Some(b) = (match fr.stack.last() {
                    Some(v) => quick_truth(v),
                    None => None,
                }) else {
                    return Ok(Some(op));
                };
                if let Some(v) = fr.stack.pop() {
                    quick_drop(v);
                }
                if b == matches!(op, Op::PopJumpIfTrue(_)) {
                    *pc = t as usize;
                }
                // Popping a container may have dropped a generator.
                if finalize_pending.get() {
                    return Ok(None);
                }
            }
            Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                let Some(b) = fr.stack.last().and_then(quick_truth) else {
                    return Ok(Some(op));
                };
                if b == matches!(op, Op::JumpIfTrueOrPop(_)) {
                    *pc = t as usize;
                } else {
                    fr.stack.pop();
                    if finalize_pending.get() {
                        return Ok(None);
                    }
                }
            }
            Op::Is(neg) => {
                let (Some(b), Some(a)) = (fr.stack.pop(), fr.stack.pop()) else {
                    return Err(Error::Internal("value stack underflow".into()));
                };
                let r = a.is(&b) != neg;
                drop((a, b));
                // A generator freed by the drop is finalized before the
                // jump, as when the two run one by one.
                if finalize_pending.get() {
                    fr.stack.push(Value::Bool(r));
                    return Ok(None);
                }
                if !fused_jump(fr, pc, instructions, next_check, r) {
                    fr.stack.push(Value::Bool(r));
                }
            }
            Op::Pop => {
                if fr.stack.pop().is_none() {
                    return Err(Error::Internal("value stack underflow".into()));
                }
                if finalize_pending.get() {
                    return Ok(None);
                }
            }
            Op::StoreAttr(i) => {
                if !instance_store_fast(fr, type_cache, i) {
                    return Ok(Some(op));
                }
                // The value replaced may have been the last reference.
                if finalize_pending.get() {
                    return Ok(None);
                }
            }
            Op::Dup => {
                let Some(v) = fr.stack.last() else {
                    return Ok(Some(op));
                };
                let v = v.clone();
                fr.stack.push(v);
            }
            Op::Copy(n) => {
                let Some(i) = fr.stack.len().checked_sub(n as usize) else {
                    return Ok(Some(op));
                };
                let v = fr.stack[i].clone();
                fr.stack.push(v);
            }
            Op::Swap(n) => {
                let len = fr.stack.len();
                let Some(i) = len.checked_sub(n as usize) else {
                    return Ok(Some(op));
                };
                fr.stack.swap(i, len - 1);
            }
            Op::Rot(n) => {
                let len = fr.stack.len();
                if len == 0 || len < n as usize {
                    return Ok(Some(op));
                }
                let Some(v) = fr.stack.pop() else {
                    return Ok(Some(op));
                };
                fr.stack.insert(len - n as usize, v);
            }
            Op::Subscr => {
                let n = fr.stack.len();
                let v = match (fr.stack.get(n.wrapping_sub(2)), fr.stack.last()) {
                    (Some(Value::List(l)), Some(&Value::Int(i))) => {
                        let l = l.borrow();
                        match list_index(i, l.len()) {
                            Some(i) => l[i].clone(),
                            None => return Ok(Some(op)),
                        }
                    }
                    _ => return Ok(Some(op)),
                };
                fr.stack.truncate(n - 2);
                fr.stack.push(v);
                if finalize_pending.get() {
                    return Ok(None);
                }
            }
            Op::StoreSubscr => {
                // Stack: value, list, index.
                let n = fr.stack.len();
                let (Some(Value::List(l)), Some(&Value::Int(i))) =
                    (fr.stack.get(n.wrapping_sub(2)), fr.stack.last())
                else {
                    return Ok(Some(op));
                };
                let l = l.clone();
                let Some(i) = list_index(i, l.borrow().len()) else {
                    return Ok(Some(op));
                };
                fr.stack.truncate(n - 2);
                let Some(v) = fr.stack.pop() else {
                    return Err(Error::Internal("value stack underflow".into()));
                };
                let old = std::mem::replace(&mut l.borrow_mut()[i], v);
                drop(old);
                drop(l);
                if finalize_pending.get() {
                    return Ok(None);
                }
            }
            Op::LoadAttr(i) => {
                let Some(v) = instance_attr_fast(fr, type_cache, i) else {
                    return Ok(Some(op));
                };
                if let Some(top) = fr.stack.last_mut() {
                    *top = v;
                }
                // The instance replaced may have been the last reference.
                if finalize_pending.get() {
                    return Ok(None);
                }
            }
            Op::Binary(_) | Op::Inplace(_) | Op::Compare(_) => {
                let n = fr.stack.len();
                let r = match (fr.stack.get(n.wrapping_sub(2)), fr.stack.last()) {
                    (Some(&Value::Int(x)), Some(&Value::Int(y))) => int_result(op, x, y),
                    _ => None,
                };
                let Some(r) = r else {
                    return Ok(Some(op));
                };
                if place_int_result(fr, pc, instructions, next_check, r, 2)
                    && finalize_pending.get()
                {
                    return Ok(None);
                }
            }
            Op::ForIter(target) => {
                // A built-in's loop in Python charges its FOR_ITER apart
                // (`exec`'s arm): only other frames step here.
                if fr.code.uncharged || !gens::for_iter_fast(fr, pc, target) {
                    return Ok(Some(op));
                }
                // The exhausted iterator popped may have held the last
                // reference to a generator.
                if finalize_pending.get() {
                    return Ok(None);
                }
            }
            Op::Nop => {}
            Op::Call(1) => {
                let Some(r) = call_shortcut(&fr.stack, calls) else {
                    return Ok(Some(op));
                };
                fr.stack.pop();
                if let Some(top) = fr.stack.last_mut() {
                    *top = r;
                }
                // The argument and the callable dropped may have held the
                // last reference to a generator.
                if finalize_pending.get() {
                    return Ok(None);
                }
            }
            _ => return Ok(Some(op)),
        }
        if *instructions + 1 >= next_check {
            return Ok(None);
        }
        *instructions += 1;
        let Some(&next) = fr.code.ops.get(*pc) else {
            return Err(Error::Internal("pc out of range".into()));
        };
        *pc += 1;
        op = next;
    }
}

/// LOAD_ATTR's fast path (CPython's LOAD_ATTR_INSTANCE_VALUE
/// specialisation): the object on top of the stack is an instance whose
/// class has nothing under the name, and the name is in its `__dict__`
/// (found through the code object's hint). Anything else: None, and the
/// general `Vm::getattr` runs.
#[inline(always)]
fn instance_attr_fast(
    fr: &Frame,
    type_cache: &mut crate::vm::type_cache::TypeCache,
    i: u32,
) -> Option<Value> {
    let Some(Value::Instance(inst)) = fr.stack.last() else {
        return None;
    };
    let name = &fr.code.names[i as usize];
    // Only a data descriptor (a property, or an instance whose class may
    // have `__set__`: `Vm::getattr` decides) comes before the instance
    // `__dict__`.
    let class_attr = type_cache.peek(&inst.class.borrow(), crate::vm::type_cache::Key::Name(name));
    if matches!(class_attr, Some(Value::Property(_) | Value::Instance(_))) {
        return None;
    }
    let d = inst.dict.borrow();
    d.get_hinted(name, &fr.code.attr_hints[i as usize]).cloned()
}

/// STORE_ATTR's fast path (CPython's STORE_ATTR_INSTANCE_VALUE): the
/// object on top of the stack is a plain instance (not an exception, no
/// `__setattr__`, no property under the name), so the value goes straight
/// into its `__dict__` (found through the code object's hint). Pops both
/// and returns true; anything else: false with the stack untouched, and
/// the general `Vm::setattr` runs.
#[inline(always)]
fn instance_store_fast(
    fr: &mut Frame,
    type_cache: &mut crate::vm::type_cache::TypeCache,
    i: u32,
) -> bool {
    use crate::vm::type_cache::Key;
    let n = fr.stack.len();
    if n < 2 {
        return false;
    }
    let Value::Instance(inst) = &fr.stack[n - 1] else {
        return false;
    };
    if inst.exc.is_some() {
        return false;
    }
    let name = &fr.code.names[i as usize];
    {
        let cls = inst.class.borrow();
        if matches!(
            type_cache.peek(&cls, Key::Name(name)),
            Some(Value::Property(_) | Value::Instance(_))
        ) || type_cache.peek(&cls, Key::Static("__setattr__")).is_some()
        {
            return false;
        }
    }
    let Some(Value::Instance(inst)) = fr.stack.pop() else {
        return false;
    };
    let Some(v) = fr.stack.pop() else {
        return false;
    };
    inst.dict
        .borrow_mut()
        .insert_hinted(name, v, &fr.code.attr_hints[i as usize]);
    true
}
