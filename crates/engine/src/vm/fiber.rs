//! Fibers: separate frame stacks for the loop's worker "threads"
//! (`asyncio.to_thread`, `run_in_executor`). A native call made directly by
//! bytecode in a fiber may suspend it (`Error::Suspend`); the host resumes
//! it later with the value that call returns.

use crate::vm::frame::Link;
use crate::vm::interp::Invoked;
use crate::vm::value::Value;
use crate::vm::{Completion, Error, Fiber, FiberId, FiberStep, Vm};

impl Vm {
    /// Prepare a fiber that will call `f(*args)` when first resumed.
    pub fn fiber_new(&mut self, f: Value, args: Vec<Value>, name: &str) -> FiberId {
        self.fibers.push(Fiber {
            frames: Vec::new(),
            start: Some((f, args)),
            suspended: false,
            done: false,
        });
        self.fiber_names.push(name.to_string());
        self.fibers.len() - 1
    }

    /// Run fiber `id` until it returns, raises or suspends. `send` is the
    /// result of the native call that suspended it (ignored at start).
    pub fn fiber_resume(&mut self, id: FiberId, send: Value) -> Result<FiberStep, Error> {
        let Some(fb) = self.fibers.get_mut(id) else {
            return Err(Error::Internal(format!("no fiber {id}")));
        };
        if fb.done {
            return Err(Error::Internal(format!("fiber {id} already finished")));
        }
        let start = fb.start.take();
        let mut frames = std::mem::take(&mut fb.frames);
        let was_suspended = std::mem::replace(&mut fb.suspended, false);
        std::mem::swap(&mut self.frames, &mut frames);
        let saved_fiber = self.current_fiber.replace(id);
        let saved_nesting = std::mem::replace(&mut self.nesting, 0);
        let r = self.fiber_run(start, was_suspended, send);
        self.nesting = saved_nesting;
        self.current_fiber = saved_fiber;
        std::mem::swap(&mut self.frames, &mut frames);
        let fb = &mut self.fibers[id];
        fb.frames = frames;
        match &r {
            Ok(FiberStep::Suspended(_)) => fb.suspended = true,
            Err(Error::Paused) => {}
            _ => {
                fb.done = true;
                fb.frames.clear();
            }
        }
        r
    }

    fn fiber_run(
        &mut self,
        start: Option<(Value, Vec<Value>)>,
        was_suspended: bool,
        send: Value,
    ) -> Result<FiberStep, Error> {
        let outcome = if let Some((f, args)) = start {
            match self.invoke(&f, args, vec![], Link::Entry) {
                Ok(Invoked::Value(v)) => return Ok(FiberStep::Done(v)),
                Ok(Invoked::Pushed) => self.run(),
                Err(Error::Suspend(req)) => return Ok(FiberStep::Suspended(req)),
                Err(Error::Exception(e)) => return Ok(FiberStep::Raised(e)),
                Err(e) => return Err(e),
            }
        } else if self.frames.is_empty() {
            // A lone native call was suspended: its result is `send`.
            return Ok(FiberStep::Done(send));
        } else {
            if was_suspended {
                if let Some(fr) = self.frames.last_mut() {
                    fr.stack.push(send);
                }
            }
            self.run()
        };
        match outcome {
            Ok(Completion::Returned(v)) => Ok(FiberStep::Done(v)),
            Ok(Completion::Suspended(r)) => Ok(FiberStep::Suspended(r)),
            Ok(Completion::Yielded(..)) => Err(Error::Internal("fiber yielded".into())),
            Err(Error::Exception(e)) => Ok(FiberStep::Raised(e)),
            Err(e) => Err(e),
        }
    }

    /// Whether fiber `id` has finished.
    pub fn fiber_done(&self, id: FiberId) -> bool {
        self.fibers.get(id).map(|f| f.done).unwrap_or(true)
    }
}
