//! Heap frames (CPython's `_PyInterpreterFrame`): the state of one running
//! code object. Frames live in the VM's explicit frame stack (never on the
//! Rust stack), and a suspended generator/coroutine owns its frame.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use crate::ast::Name;
use crate::compile::code::{Code, Const};
use crate::vm::value::{release, AttrMap, CellRef, Class, GenObj, Globals, Value};

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
    /// A coroutine awaited as soon as it was called (`await f(...)`), run
    /// as a call without its coroutine object: the caller keeps a
    /// placeholder where `await` holds the coroutine and waits at its
    /// YIELD_FROM. The object is made (with this identity) only if the
    /// coroutine suspends (`Vm::do_yield`), after which the frame is
    /// linked like any `Delegate`; a return is delivered as `Delegate`'s.
    AwaitedCall(LazyCoro),
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
    /// A piece of a library module's body run by `import` (CPython's
    /// `exec(code, module.__dict__)` in `importlib`): on return, run the
    /// next piece, then push the module on the importer; an exception
    /// escaping it removes the module from `sys.modules`.
    Import {
        /// The module being initialised (already in `sys.modules`).
        module: Value,
        /// The pieces still to run, last first.
        rest: Vec<Rc<Code>>,
    },
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
    /// `code`'s constants as values ([`consts_of`]), what `LOAD_CONST`
    /// reads: one index, no conversion.
    pub consts: Rc<[Value]>,
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
    /// While lines are recorded (`vm/lines.rs`): the instruction this
    /// frame ran last (CPython's `instr_prev`). Read only when `pc` is
    /// not 0, so a frame reused from the pool needs no reset.
    pub traced_pc: usize,
}

/// The identity of a coroutine object not made yet (see
/// [`Link::AwaitedCall`]).
#[derive(Clone)]
pub struct LazyCoro {
    pub id: u64,
    pub name: Name,
    pub qualname: Name,
}

/// Finished frames kept for the next calls (CPython allocates frames in a
/// per-thread arena for the same reason): a Python-to-Python call would
/// otherwise allocate and free the frame, its value stack, its fast locals
/// and the argument vector every time.
#[derive(Default)]
pub(crate) struct FramePool {
    /// Finished frames, emptied (their vectors keep their capacity).
    #[allow(clippy::vec_box)] // frames move between stacks and generators as boxes
    frames: Vec<Box<Frame>>,
    /// Empty vectors for call arguments.
    args: Vec<Vec<Value>>,
}

/// Frames (and argument vectors) kept: enough for ordinary call depths.
const POOL_SIZE: usize = 64;
/// Frames or vectors grown larger are freed rather than kept (rare).
const POOL_MAX_CAPACITY: usize = 64;

impl FramePool {
    /// A frame for `code`, reusing a finished one when possible.
    pub(crate) fn frame(&mut self, code: Rc<Code>, globals: Rc<Globals>) -> Box<Frame> {
        match self.frames.pop() {
            Some(mut f) => {
                // Emptied by `recycle`: fill with unbound slots.
                f.locals.resize_with(code.varnames.len(), || None);
                // A function called in a loop gets its own frame back.
                if !Rc::ptr_eq(&f.code, &code) {
                    f.consts = consts_of(&code);
                }
                f.code = code;
                f.globals = globals;
                f.pc = 0;
                f
            }
            None => Box::new(Frame::new(code, globals)),
        }
    }

    /// An empty vector for call arguments.
    pub(crate) fn args(&mut self) -> Vec<Value> {
        self.args.pop().unwrap_or_default()
    }

    /// Keep `v`'s allocation (its values are dropped now).
    pub(crate) fn recycle_args(&mut self, mut v: Vec<Value>) {
        if v.capacity() != 0 && v.capacity() <= POOL_MAX_CAPACITY && self.args.len() < POOL_SIZE {
            v.clear();
            self.args.push(v);
        }
    }

    /// Keep a finished frame (its values are dropped now; its code and
    /// globals stay referenced until the frame is reused).
    pub(crate) fn recycle(&mut self, mut f: Box<Frame>) {
        if self.frames.len() >= POOL_SIZE
            || f.stack.capacity() > POOL_MAX_CAPACITY
            || f.locals.capacity() > POOL_MAX_CAPACITY
        {
            return;
        }
        f.stack.drain(..).for_each(release);
        f.locals.drain(..).flatten().for_each(release);
        // Most frames have none of these: skip the drop glue then.
        if !f.cells.is_empty() {
            f.cells.drain(..).for_each(release_cell);
        }
        if f.namespace.is_some() {
            f.namespace = None;
        }
        f.blocks.clear();
        if !f.handling.is_empty() {
            f.handling.clear();
        }
        if !matches!(f.link, Link::Call) {
            f.link = Link::Call;
        }
        if f.gen.is_some() {
            f.gen = None;
        }
        self.frames.push(f);
    }
}

/// Empties a closure cell that nothing else shares through [`release`].
fn release_cell(c: CellRef) {
    if Rc::strong_count(&c) == 1 {
        let v = c.borrow_mut().take();
        if let Some(v) = v {
            release(v);
        }
    }
}

impl Drop for Frame {
    /// The frame's values are released without deep recursion (a chain of
    /// 100,000 generators each holding the next frees in a loop).
    fn drop(&mut self) {
        self.stack.drain(..).for_each(release);
        self.locals.drain(..).flatten().for_each(release);
        self.cells.drain(..).for_each(release_cell);
        self.handling.drain(..).for_each(release);
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
            traced_pc: 0,
            consts: consts_of(&code),
            code,
        }
    }

    /// Line of the instruction being executed (the one before `pc`).
    pub fn line(&self) -> u32 {
        self.code.line_at(self.pc.saturating_sub(1))
    }
}

/// The runtime values of `code`'s constants. The compiler stores them as
/// [`Const`]s (it does not know values); they are converted once per code
/// object, on its first frame, and kept in the code's type-erased
/// `runtime_consts` slot, so a frame only clones one `Rc`.
pub fn consts_of(code: &Code) -> Rc<[Value]> {
    let slot = code
        .runtime_consts
        .get_or_init(|| Rc::new(const_values(&code.consts)) as Rc<dyn Any>);
    match slot.downcast_ref::<Rc<[Value]>>() {
        Some(values) => values.clone(),
        // Only this function fills the slot, always with this type.
        None => const_values(&code.consts),
    }
}

fn const_values(consts: &[Const]) -> Rc<[Value]> {
    consts.iter().map(const_value).collect()
}

/// The value of one constant.
pub fn const_value(c: &Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::Bool(b) => Value::Bool(*b),
        Const::Int(i) => Value::Int(*i),
        Const::BigInt(i) => Value::BigInt(i.clone()),
        Const::Float(f) => Value::Float(*f),
        Const::Str(s) => Value::Str(s.clone()),
        Const::Bytes(b) => Value::Bytes(b.clone()),
        Const::Ellipsis => Value::Ellipsis,
        Const::Tuple(items) => Value::Tuple(items.iter().map(const_value).collect()),
    }
}
