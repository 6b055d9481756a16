//! The end of a run: free every object the run made.
//!
//! Values are reference counted, so objects in a reference cycle (a class
//! and its MRO, which starts with the class itself; a function and the
//! module globals holding it; a task, its coroutine's frame and the
//! callbacks pointing back at the task) never reach a count of zero on
//! their own. CPython's cycle collector frees them; here, a run ends with
//! [`Vm::teardown`], which walks everything reachable from the VM's roots
//! (and the embedder's, e.g. the event loop's values) and empties every
//! container it finds, like CPython's `tp_clear` applied to all objects at
//! interpreter shutdown. Once emptied, nothing refers to anything and the
//! objects are freed when the walk lets go of them. Called when the VM is
//! dropped, so a run stopped midway (the app's Stop button drops its
//! `Session`) leaves nothing behind either.

use std::cell::RefCell;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::{Rc, Weak};

use super::frame::{Frame, Link};
use super::value::*;
use super::{Fiber, Vm};

/// Weak references to every instance and closure cell made, so the
/// teardown also reaches cycles nothing else refers to any more (a closure
/// whose cell holds an object holding the closure, an instance pointing
/// at itself). Dead entries are dropped whenever a list doubles, so the
/// bookkeeping stays proportional to the live objects.
#[derive(Default)]
pub struct Tracked {
    /// Instances (user classes, exceptions, native payload carriers).
    instances: Vec<Weak<Instance>>,
    /// Length of `instances` that triggers the next pruning.
    instances_prune_at: usize,
    /// Closure cells.
    cells: Vec<Weak<RefCell<Option<Value>>>>,
    /// Length of `cells` that triggers the next pruning.
    cells_prune_at: usize,
}

/// Smallest pruning threshold.
const PRUNE_MIN: usize = 1024;

impl Tracked {
    /// Records a new instance.
    pub(crate) fn instance(&mut self, v: &Value) {
        if let Value::Instance(i) = v {
            if self.instances.len() >= self.instances_prune_at {
                self.instances.retain(|w| w.strong_count() > 0);
                self.instances_prune_at = (self.instances.len() * 2).max(PRUNE_MIN);
            }
            self.instances.push(Rc::downgrade(i));
        }
    }

    /// A new, recorded, empty closure cell.
    pub(crate) fn new_cell(&mut self) -> CellRef {
        if self.cells.len() >= self.cells_prune_at {
            self.cells.retain(|w| w.strong_count() > 0);
            self.cells_prune_at = (self.cells.len() * 2).max(PRUNE_MIN);
        }
        let c = Rc::new(RefCell::new(None));
        self.cells.push(Rc::downgrade(&c));
        c
    }
}

/// A set of addresses. The default hasher (SipHash) cost about as much
/// as the rest of the walk: an address needs only its bits mixed (the
/// low ones, which pick the bucket, are zero from alignment).
type Addresses = HashSet<usize, BuildHasherDefault<AddressHasher>>;

#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        let x = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = x ^ (x >> 32);
    }
}

/// The walk: values still to empty. Each is dropped once emptied (its
/// contents moved to `todo`, so drops stay shallow); mutable containers
/// are empty when met again, so only immutable ones need remembering.
#[derive(Default)]
struct Clearer {
    /// Values whose contents are still to be taken out.
    todo: Vec<Value>,
    /// Addresses of the immutable containers (tuples, frozensets, functions,
    /// methods…) already queued: they cannot be emptied, and one shared by
    /// many others must be walked once. No value is created during the
    /// walk, so a freed address is never met again.
    seen: Addresses,
    /// Classes already emptied (they are reached through instances too).
    classes: Addresses,
    /// Module namespaces already emptied.
    globals: Addresses,
    /// What the walk starts from, taken out of the VM by
    /// [`Vm::teardown_begin`] and met one by one as the budget allows (a
    /// run of 90,000 tasks has as many suspended frames and objects: met
    /// all at once, the start alone was a half-second task).
    start: Start,
}

/// The roots a teardown has yet to meet (see [`Clearer::start`]).
#[derive(Default)]
struct Start {
    /// The embedder's values and the VM's own roots.
    values: Vec<Value>,
    /// Frames: the running stack's, suspended fibers', queued finalizers'.
    #[allow(clippy::vec_box)] // as the VM holds them
    frames: Vec<Box<Frame>>,
    /// Fibers (each a saved frame stack, or a callable not started yet).
    fibers: Vec<Fiber>,
    /// Every instance still alive.
    instances: Vec<Weak<Instance>>,
    /// Every closure cell still alive.
    cells: Vec<Weak<RefCell<Option<Value>>>>,
}

impl Clearer {
    fn push(&mut self, v: Value) {
        match &v {
            // Leaves: they refer to nothing.
            Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::ByteArray(_)
            | Value::Range(_)
            | Value::Ellipsis
            | Value::NotImplemented => {}
            // Mutable: empty once met, cheap to meet again.
            Value::List(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Instance(_)
            | Value::Gen(_)
            | Value::Iter(_)
            | Value::Module(_)
            | Value::Class(_) => self.todo.push(v),
            _ => {
                if v.ptr().is_some_and(|p| self.seen.insert(p)) {
                    self.todo.push(v);
                }
            }
        }
    }

    fn push_all(&mut self, vs: impl IntoIterator<Item = Value>) {
        for v in vs {
            self.push(v);
        }
    }

    fn class(&mut self, c: &Rc<Class>) {
        if !self.classes.insert(Rc::as_ptr(c) as usize) {
            return;
        }
        let mro = std::mem::take(&mut *c.mro.borrow_mut());
        let dict = std::mem::take(&mut *c.dict.borrow_mut());
        for b in &c.bases {
            self.class(b);
        }
        for m in &mro {
            self.class(m);
        }
        self.push_all(dict.entries.into_iter().map(|(_, v)| v));
    }

    fn globals(&mut self, g: &Rc<Globals>) {
        if !self.globals.insert(Rc::as_ptr(g) as usize) {
            return;
        }
        let slots = std::mem::take(&mut *g.slots.borrow_mut());
        g.index.borrow_mut().clear();
        self.push_all(slots.into_iter().filter_map(|(_, v)| v));
    }

    fn cell(&mut self, c: &CellRef) {
        if let Ok(mut c) = c.try_borrow_mut() {
            if let Some(v) = c.take() {
                self.push(v);
            }
        }
    }

    fn frame(&mut self, mut f: Frame) {
        // (Frame has a Drop impl: its fields are taken, not moved out.)
        let stack = std::mem::take(&mut f.stack);
        let locals = std::mem::take(&mut f.locals);
        let cells = std::mem::take(&mut f.cells);
        let globals = f.globals.clone();
        let namespace = f.namespace.take();
        let handling = std::mem::take(&mut f.handling);
        let link = std::mem::replace(&mut f.link, Link::Call);
        let gen = f.gen.take();
        self.push_all(stack);
        self.push_all(locals.into_iter().flatten());
        for c in &cells {
            self.cell(c);
        }
        self.globals(&globals);
        if let Some(ns) = namespace {
            let ns = std::mem::take(&mut *ns.borrow_mut());
            self.push_all(ns.entries.into_iter().map(|(_, v)| v));
        }
        self.push_all(handling);
        match link {
            Link::ClassBody {
                name,
                bases,
                kwargs,
            } => {
                self.push(name);
                self.push(kwargs);
                for b in &bases {
                    self.class(b);
                }
            }
            Link::Init(v) => self.push(v),
            _ => {}
        }
        if let Some(g) = gen {
            self.push(Value::Gen(g));
        }
    }

    /// Takes out what `v` holds, queueing it.
    fn empty(&mut self, v: &Value) {
        match v {
            Value::List(l) => {
                let items = std::mem::take(&mut *l.borrow_mut());
                self.push_all(items);
            }
            Value::Tuple(t) => self.push_all(t.iter().cloned()),
            Value::Dict(d) | Value::Set(d) => {
                let d = std::mem::take(&mut *d.borrow_mut());
                for (k, v) in d.iter() {
                    self.push(k.clone());
                    self.push(v.clone());
                }
            }
            Value::FrozenSet(d) => {
                for (k, v) in d.iter() {
                    self.push(k.clone());
                    self.push(v.clone());
                }
            }
            Value::Slice(s) | Value::Property(s) => self.push_all(s.iter().cloned()),
            Value::Function(f) => {
                self.push_all(f.defaults.iter().cloned());
                self.push_all(f.kwdefaults.iter().map(|(_, v)| v.clone()));
                for c in &f.closure {
                    self.cell(c);
                }
                let d = std::mem::take(&mut *f.dict.borrow_mut());
                self.push_all(d.entries.into_iter().map(|(_, v)| v));
                self.globals(&f.globals);
            }
            Value::Builtin(b) => {
                if let Some(v) = &b.bound {
                    self.push(v.clone());
                }
            }
            Value::Method(m) => {
                self.push(m.0.clone());
                self.push(m.1.clone());
            }
            Value::Class(c) => self.class(c),
            Value::Instance(i) => {
                let d = std::mem::take(&mut *i.dict.borrow_mut());
                self.push_all(d.entries.into_iter().map(|(_, v)| v));
                if let Some(exc) = &i.exc {
                    let data = std::mem::take(&mut *exc.borrow_mut());
                    self.push_all(data.args);
                    self.push_all(data.cause);
                    self.push_all(data.context);
                    self.push_all(data.notes);
                }
                // Native payloads (Future/Task ids, loop state) hold no
                // values the walk could reach; dropping them is enough.
                drop(i.native.borrow_mut().take());
                self.class(&i.class());
            }
            Value::Gen(g) => {
                // Closed first: a suspended generator dropped with pending
                // `finally` blocks would otherwise queue itself for closing.
                g.state.set(GenState::Closed);
                if let Some(f) = g.frame.borrow_mut().take() {
                    self.frame(*f);
                }
            }
            Value::Iter(it) => {
                let it = std::mem::replace(&mut *it.borrow_mut(), IterObj::Exhausted(0));
                match it {
                    IterObj::List(l, _) => self.push(Value::List(l)),
                    IterObj::Tuple(t, _) => self.push(Value::Tuple(t)),
                    IterObj::Dict { dict, .. } => self.push(Value::Dict(dict)),
                    IterObj::Seq(vs, _, _) | IterObj::Zip(vs, _) => self.push_all(vs),
                    IterObj::GetItem(v, _) => self.push(v),
                    IterObj::Enumerate(v, _) | IterObj::Reversed(v, _) => self.push(v),
                    IterObj::Map(f, vs) => {
                        self.push(f);
                        self.push_all(vs);
                    }
                    IterObj::Filter(a, b) | IterObj::Callable(a, b) => {
                        self.push(a);
                        self.push(b);
                    }
                    IterObj::ASend { gen, first, .. } => {
                        self.push(Value::Gen(gen));
                        match first {
                            Some(super::Resume::Send(v)) | Some(super::Resume::Throw(v)) => {
                                self.push(v)
                            }
                            None => {}
                        }
                    }
                    IterObj::YieldOnce { obj, .. } => self.push(obj),
                    IterObj::Str(..)
                    | IterObj::Bytes(..)
                    | IterObj::Range { .. }
                    | IterObj::Exhausted(_) => {}
                }
            }
            Value::Module(m) => self.globals(&m.globals),
            Value::DictView(v) => self.push(Value::Dict(v.0.clone())),
            Value::StaticMethod(v) | Value::ClassMethod(v) => self.push((**v).clone()),
            Value::Super(s) => {
                self.class(&s.0);
                self.push(s.1.clone());
            }
            _ => {}
        }
    }

    /// Empties at most `budget` values or roots; true once none is left.
    fn run_some(&mut self, budget: usize) -> bool {
        for _ in 0..budget {
            if let Some(v) = self.todo.pop() {
                self.empty(&v);
            } else if !self.meet_root() {
                return true;
            }
        }
        self.todo.is_empty() && self.start.is_empty()
    }

    /// Meets one root still waiting in `start`; false when none is left.
    fn meet_root(&mut self) -> bool {
        let s = &mut self.start;
        if let Some(f) = s.frames.pop() {
            self.frame(*f);
        } else if let Some(fiber) = s.fibers.pop() {
            s.frames.extend(fiber.frames);
            if let Some((f, args)) = fiber.start {
                self.push(f);
                self.push_all(args);
            }
        } else if let Some(v) = s.values.pop() {
            self.push(v);
        } else if let Some(i) = s.instances.pop() {
            if let Some(i) = i.upgrade() {
                self.push(Value::Instance(i));
            }
        } else if let Some(c) = s.cells.pop() {
            if let Some(c) = c.upgrade() {
                self.cell(&c);
            }
        } else {
            return false;
        }
        true
    }
}

/// A teardown under way ([`Vm::teardown_begin`]), done in pieces by
/// [`Vm::teardown_some`]: the values still to empty. A run of 90,000 tasks
/// takes over a second to free at once; the app frees it between frames.
#[derive(Default)]
pub struct Teardown {
    clearer: Clearer,
}

impl Teardown {
    /// More roots to meet (the embedder hands its values over in pieces).
    pub fn add_roots(&mut self, roots: Vec<Value>) {
        self.clearer.start.values.extend(roots);
    }
}

impl Start {
    fn is_empty(&self) -> bool {
        self.values.is_empty()
            && self.frames.is_empty()
            && self.fibers.is_empty()
            && self.instances.is_empty()
            && self.cells.is_empty()
    }
}

impl Vm {
    /// Frees everything the run made (see the module docs): empties every
    /// object reachable from the VM's roots and from `roots` (the
    /// embedder's values, e.g. the event loop's). The VM must not run
    /// Python code afterwards.
    pub fn teardown(&mut self, roots: Vec<Value>) {
        let mut t = self.teardown_begin(roots);
        while !self.teardown_some(&mut t, usize::MAX) {}
    }

    /// Starts a [`Vm::teardown`] to be done in pieces ([`Vm::teardown_some`]):
    /// takes every root (the VM's and `roots`) out of the VM. The VM must
    /// not run Python code afterwards.
    pub fn teardown_begin(&mut self, roots: Vec<Value>) -> Teardown {
        let mut c = Clearer::default();
        c.globals(&self.builtins.clone());
        for cls in self.types.all() {
            c.class(&cls);
        }
        let tracked = std::mem::take(&mut self.tracked);
        let mut frames = std::mem::take(&mut self.frames);
        frames.extend(
            std::mem::take(&mut *self.finalize_queue.frames.borrow_mut())
                .into_iter()
                .map(|(_, _, _, f)| f),
        );
        self.finalize_queue.pending.set(false);
        let mut values = roots;
        values.extend(std::mem::take(&mut self.modules).into_values());
        let (a, b) = std::mem::take(&mut self.asyncgen_hooks);
        values.extend(a);
        values.extend(b);
        c.start = Start {
            values,
            frames,
            fibers: std::mem::take(&mut self.fibers),
            instances: tracked.instances,
            cells: tracked.cells,
        };
        self.native_modules.clear();
        self.sleep_hook = None;
        self.line_hook = None;
        Teardown { clearer: c }
    }

    /// Empties at most `budget` more values of teardown `t`; true once
    /// everything it reached is freed.
    pub fn teardown_some(&mut self, t: &mut Teardown, budget: usize) -> bool {
        if !t.clearer.run_some(budget) {
            return false;
        }
        // Generators the walk could not reach (held by native payloads or
        // closures) queue their frames for closing as they are dropped:
        // empty those too, until none is left.
        let frames = std::mem::take(&mut *self.finalize_queue.frames.borrow_mut());
        self.finalize_queue.pending.set(false);
        if frames.is_empty() {
            return true;
        }
        t.clearer = Clearer::default();
        for (_, _, _, f) in frames {
            t.clearer.frame(*f);
        }
        false
    }
}
