//! Heap frames (CPython's `_PyInterpreterFrame`): the state of one running
//! code object. Frames live in the VM's explicit frame stack (never on the
//! Rust stack), and a suspended generator/coroutine owns its frame.

use std::cell::RefCell;
use std::rc::Rc;

use crate::compile::code::Code;
use crate::vm::value::{AttrMap, CellRef, Class, GenObj, Globals, Value};

/// What to do with a frame's result when it finishes (returns, yields or
/// raises): how it links to the frame below it.
#[derive(Clone)]
pub enum Link {
    /// Ordinary call from bytecode: push the return value on the caller.
    Call,
    /// Started from Rust (`Vm::call`, `Vm::resume`): the run loop returns
    /// to its Rust caller when this frame finishes or yields.
    Entry,
    /// A generator resumed by `FOR_ITER`: a yield pushes the value; a
    /// return ends the loop (pop iterator, jump to the operand).
    ForIter(u32),
    /// A user `__next__` called by `FOR_ITER`: StopIteration ends the loop.
    IterNext(u32),
    /// A generator/coroutine the caller delegates to (`yield from`/`await`):
    /// a yield passes through the caller to its resumer; a return value
    /// becomes the value of the caller's `YieldFrom`.
    Delegate,
    /// An async generator driven by an `__anext__`/`asend` awaitable in the
    /// caller: a `yield` completes the await; `return` raises
    /// StopAsyncIteration; awaits inside pass through like `Delegate`.
    DelegateAsend,
    /// A class body: on return, build the class and push it.
    ClassBody {
        name: Value,
        bases: Vec<Rc<Class>>,
        kwargs: Value,
    },
    /// `__init__` called while instantiating: push the instance (and check
    /// that `__init__` returned None).
    Init(Value),
}

/// A `try` handler or an active except-handler scope.
#[derive(Clone, Copy, Debug)]
pub struct Block {
    /// Handler address (for `Setup`).
    pub handler: u32,
    /// Value-stack depth to restore when unwinding to this block.
    pub level: u32,
    pub kind: BlockKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// `SETUP_FINALLY`: jump to `handler` with the exception pushed.
    Setup,
    /// Active exception handler: unwinding through it drops the handled
    /// exception (CPython's POP_EXCEPT cleanup).
    Cleanup,
}

pub struct Frame {
    pub code: Rc<Code>,
    /// Index of the next instruction.
    pub pc: usize,
    /// The value stack.
    pub stack: Vec<Value>,
    /// Fast locals (None = unbound).
    pub locals: Vec<Option<Value>>,
    /// Cells (`code.cellvars`) then free variables (`code.freevars`).
    pub cells: Vec<CellRef>,
    /// Module namespace for LOAD_GLOBAL.
    pub globals: Rc<Globals>,
    /// Class-body namespace (LOAD_NAME/STORE_NAME), for class bodies.
    pub namespace: Option<Rc<RefCell<AttrMap>>>,
    /// Handler block stack.
    pub blocks: Vec<Block>,
    /// Exceptions currently being handled in this frame, innermost last
    /// (for bare `raise` and implicit `__context__`).
    pub handling: Vec<Value>,
    /// How this frame's completion is delivered.
    pub link: Link,
    /// The generator owning this frame while it runs.
    pub gen: Option<Rc<GenObj>>,
}

/// Buffers of finished frames kept for the next calls (CPython allocates
/// frames in a per-thread arena for the same reason): a Python-to-Python
/// call would otherwise allocate and free a value stack, the fast locals
/// and the argument vector every time.
#[derive(Default)]
pub(crate) struct FramePool {
    /// Empty value vectors (frame value stacks and call arguments).
    values: Vec<Vec<Value>>,
    /// Empty fast-locals vectors.
    locals: Vec<Vec<Option<Value>>>,
}

/// Buffers kept per kind: enough for the depth of ordinary call chains.
const POOL_BUFFERS: usize = 64;
/// Larger buffers are freed rather than kept (they are rare).
const POOL_MAX_CAPACITY: usize = 64;

impl FramePool {
    /// A frame for `code`, its buffers taken from the pool when possible.
    pub(crate) fn frame(&mut self, code: Rc<Code>, globals: Rc<Globals>) -> Frame {
        let nlocals = code.varnames.len();
        let mut locals = self.locals.pop().unwrap_or_default();
        locals.resize(nlocals, None);
        Frame {
            stack: self.values.pop().unwrap_or_else(|| Vec::with_capacity(8)),
            locals,
            cells: Vec::new(),
            globals,
            namespace: None,
            blocks: Vec::new(),
            handling: Vec::new(),
            link: Link::Call,
            gen: None,
            pc: 0,
            code,
        }
    }

    /// An empty vector for call arguments.
    pub(crate) fn args(&mut self) -> Vec<Value> {
        self.values.pop().unwrap_or_default()
    }

    /// Keep `v`'s allocation (its values are dropped now).
    pub(crate) fn recycle_values(&mut self, mut v: Vec<Value>) {
        if v.capacity() != 0 && v.capacity() <= POOL_MAX_CAPACITY && self.values.len() < POOL_BUFFERS
        {
            v.clear();
            self.values.push(v);
        }
    }

    /// Keep the buffers of a finished frame.
    pub(crate) fn recycle(&mut self, frame: &mut Frame) {
        self.recycle_values(std::mem::take(&mut frame.stack));
        let mut l = std::mem::take(&mut frame.locals);
        if l.capacity() != 0 && l.capacity() <= POOL_MAX_CAPACITY && self.locals.len() < POOL_BUFFERS
        {
            l.clear();
            self.locals.push(l);
        }
    }
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: Rc<Globals>) -> Frame {
        let nlocals = code.varnames.len();
        Frame {
            stack: Vec::with_capacity(8),
            locals: vec![None; nlocals],
            cells: Vec::new(),
            globals,
            namespace: None,
            blocks: Vec::new(),
            handling: Vec::new(),
            link: Link::Call,
            gen: None,
            pc: 0,
            code,
        }
    }

    /// Line of the instruction being executed (the one before `pc`).
    pub fn line(&self) -> u32 {
        self.code.line_at(self.pc.saturating_sub(1))
    }
}
