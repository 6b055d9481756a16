//! The value model: every Python object the VM manipulates.
//!
//! [`Value`] is an enum of cheap clones: scalars inline, everything else
//! behind an `Rc`. Mutable containers use `RefCell`. Classes (including the
//! built-in types, which are real [`Class`] objects so `type(x)` and
//! `isinstance` work uniformly) carry their MRO.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use crate::ast::Name;
use crate::compile::code::Code;
pub use crate::pylib::bigint::BigInt;
use crate::vm::dict::Dict;
use crate::vm::frame::Frame;
use crate::vm::{Error, Vm};

/// A Python value.
#[derive(Clone)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    /// An int that does not fit in an `i64` (never one that does: every
    /// operation demotes a result that fits, see [`Value::from_big`]).
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    /// `bytearray`: mutable bytes.
    ByteArray(Rc<RefCell<Vec<u8>>>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<[Value]>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Dict>>),
    FrozenSet(Rc<Dict>),
    Range(Rc<RangeObj>),
    /// `slice(start, stop, step)`.
    Slice(Rc<[Value; 3]>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    /// A function bound to an instance: `(self, function)`.
    Method(Rc<(Value, Value)>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    /// Generator, coroutine or async generator.
    Gen(Rc<GenObj>),
    /// Built-in iterators (list_iterator, enumerate, zip, map…).
    Iter(Rc<RefCell<IterObj>>),
    Module(Rc<Module>),
    /// `dict.keys()` / `values()` / `items()` views.
    DictView(Rc<(Rc<RefCell<Dict>>, ViewKind)>),
    /// `property(fget, fset, fdel)`.
    Property(Rc<[Value; 3]>),
    StaticMethod(Rc<Value>),
    ClassMethod(Rc<Value>),
    /// `super(cls, obj)`: start the MRO search after `cls`.
    Super(Rc<(Rc<Class>, Value)>),
    Ellipsis,
    NotImplemented,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// A dict view's type name and what it shows now (items as `(key, value)`
/// tuples), for its repr and its preview.
pub(crate) fn dict_view_contents(
    view: &(Rc<RefCell<Dict>>, ViewKind),
) -> (&'static str, Vec<Value>) {
    let d = view.0.borrow();
    match view.1 {
        ViewKind::Keys => ("dict_keys", d.keys()),
        ViewKind::Values => ("dict_values", d.values()),
        ViewKind::Items => (
            "dict_items",
            d.items()
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k, v]))
                .collect(),
        ),
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Str(s) => write!(f, "{s:?}"),
            other => write!(f, "<{}>", other.kind_name()),
        }
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(v)))
    }
    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(v))
    }
    pub fn empty_tuple() -> Value {
        Value::Tuple(Rc::from(Vec::new()))
    }
    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// An int from a `BigInt`: an `Int` when it fits in an `i64`.
    pub fn from_big(b: BigInt) -> Value {
        match i64::try_from(&b) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::BigInt(Rc::new(b)),
        }
    }

    /// `f` over the bytes of a `bytes` or `bytearray` (None for anything
    /// else).
    #[inline]
    pub fn with_buffer<R>(&self, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        match self {
            Value::Bytes(b) => Some(f(b)),
            Value::ByteArray(b) => Some(f(&b.borrow())),
            _ => None,
        }
    }

    /// A copy of the bytes of a `bytes` or `bytearray`.
    pub fn buffer(&self) -> Option<Vec<u8>> {
        self.with_buffer(|b| b.to_vec())
    }

    /// An int, bool or big int as a `BigInt` (None for anything else).
    pub fn to_big(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Bool(b) => Some(BigInt::from(*b as i64)),
            Value::BigInt(b) => Some((**b).clone()),
            _ => None,
        }
    }

    /// A rough name for diagnostics (not the Python type name for
    /// instances; use `Vm::type_name` for that).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::ByteArray(_) => "bytearray",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
            Value::Range(_) => "range",
            Value::Slice(_) => "slice",
            Value::Function(_) => "function",
            Value::Builtin(_) => "builtin_function_or_method",
            Value::Method(_) => "method",
            Value::Class(_) => "type",
            Value::Instance(_) => "object",
            Value::Gen(g) => match g.kind {
                GenKind::Generator => "generator",
                GenKind::Coroutine => "coroutine",
                GenKind::AsyncGenerator => "async_generator",
            },
            Value::Iter(_) => "iterator",
            Value::Module(_) => "module",
            Value::DictView(v) => match v.1 {
                ViewKind::Keys => "dict_keys",
                ViewKind::Values => "dict_values",
                ViewKind::Items => "dict_items",
            },
            Value::Property(_) => "property",
            Value::StaticMethod(_) => "staticmethod",
            Value::ClassMethod(_) => "classmethod",
            Value::Super(_) => "super",
            Value::Ellipsis => "ellipsis",
            Value::NotImplemented => "NotImplementedType",
        }
    }

    /// Identity (`is`).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::NotImplemented, Value::NotImplemented) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are cached in CPython; all equal ints are "the
            // same object" here, which only differs for huge values.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::BigInt(a), Value::BigInt(b)) => Rc::ptr_eq(a, b),
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// Address of the heap object, for identity and `id()`.
    pub fn ptr(&self) -> Option<usize> {
        Some(match self {
            Value::Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::BigInt(r) => Rc::as_ptr(r) as usize,
            Value::Bytes(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::ByteArray(r) => Rc::as_ptr(r) as usize,
            Value::List(r) => Rc::as_ptr(r) as usize,
            Value::Tuple(r) => Rc::as_ptr(r) as *const Value as usize,
            Value::Dict(r) | Value::Set(r) => Rc::as_ptr(r) as usize,
            Value::FrozenSet(r) => Rc::as_ptr(r) as usize,
            Value::Range(r) => Rc::as_ptr(r) as usize,
            Value::Slice(r) => Rc::as_ptr(r) as usize,
            Value::Function(r) => Rc::as_ptr(r) as usize,
            Value::Builtin(r) => Rc::as_ptr(r) as usize,
            Value::Method(r) => Rc::as_ptr(r) as usize,
            Value::Class(r) => Rc::as_ptr(r) as usize,
            Value::Instance(r) => Rc::as_ptr(r) as usize,
            Value::Gen(r) => Rc::as_ptr(r) as usize,
            Value::Iter(r) => Rc::as_ptr(r) as usize,
            Value::Module(r) => Rc::as_ptr(r) as usize,
            Value::DictView(r) => Rc::as_ptr(r) as usize,
            Value::Property(r) => Rc::as_ptr(r) as usize,
            Value::StaticMethod(r) | Value::ClassMethod(r) => Rc::as_ptr(r) as usize,
            Value::Super(r) => Rc::as_ptr(r) as usize,
            _ => return None,
        })
    }
}

/// `range(start, stop, step)`.
#[derive(Debug)]
pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn len(&self) -> i64 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }
}

/// A user-defined function (CPython's `PyFunctionObject`).
pub struct Function {
    pub code: Rc<Code>,
    /// The module namespace the function was defined in.
    pub globals: Rc<Globals>,
    /// Default values of the last positional parameters.
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters.
    pub kwdefaults: Vec<(Name, Value)>,
    /// Captured cells, one per `code.freevars`.
    pub closure: Vec<CellRef>,
    /// `__name__` (settable by decorators such as functools.wraps).
    pub name: RefCell<Name>,
    pub qualname: RefCell<Name>,
    /// Arbitrary attributes set on the function (`f.calls = 0`).
    pub dict: RefCell<AttrMap>,
    /// Fake address for `repr`.
    pub id: u64,
}

/// A variable cell shared between a scope and its closures.
pub type CellRef = Rc<RefCell<Option<Value>>>;

/// Signature of functions implemented in Rust: positional args and
/// keyword args (name, value).
pub type NativeFn = dyn Fn(&mut Vm, &[Value], &[(Name, Value)]) -> Result<Value, Error>;

/// A function implemented in Rust, optionally bound to a receiver
/// (then the receiver is passed as the first positional argument).
pub struct Builtin {
    pub name: Name,
    pub func: Rc<NativeFn>,
    /// Bound receiver (`[].append`), prepended to the arguments.
    pub bound: Option<Value>,
    /// Qualified owner for reprs (`list` in `<built-in method append of list object>`).
    pub owner: Option<Name>,
}

/// A class (CPython's `type` object), user-defined or built in.
pub struct Class {
    pub name: Name,
    pub qualname: Name,
    pub module: Name,
    /// Direct bases.
    pub bases: Vec<Rc<Class>>,
    /// Method resolution order, starting with the class itself.
    pub mro: RefCell<Vec<Rc<Class>>>,
    /// Class namespace (methods, class attributes) in definition order.
    /// Change it after creation only through `Vm::setattr`/`Vm::delattr`:
    /// they invalidate the VM's type cache (`vm/type_cache.rs`).
    pub dict: RefCell<AttrMap>,
    /// Which built-in layout instances use (plain object, exception, …).
    pub layout: Layout,
    /// Unique id for identity/hash/repr.
    pub id: u64,
}

/// The instance layout a class inherits from its built-in base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Built-in scalar or container type; instances are not `Instance`.
    Builtin,
    /// Plain `object` subclass: an `Instance` with a `__dict__`.
    Object,
    /// `BaseException` subclass: an `Instance` carrying `ExcData`.
    Exception,
}

impl Class {
    pub fn is_subclass(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        Rc::ptr_eq(self, other) || self.mro.borrow().iter().any(|c| Rc::ptr_eq(c, other))
    }
    /// Look `name` up along the MRO.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(name) {
            return Some(v.clone());
        }
        for c in self.mro.borrow().iter().skip(1) {
            if let Some(v) = c.dict.borrow().get(name) {
                return Some(v.clone());
            }
        }
        None
    }
}

/// An instance of a user-defined (or native) class.
pub struct Instance {
    pub class: RefCell<Rc<Class>>,
    /// The instance `__dict__`.
    pub dict: RefCell<AttrMap>,
    /// Exception state, for instances of BaseException subclasses.
    pub exc: Option<RefCell<ExcData>>,
    /// Rust payload of native classes (Future, Task, loop objects…).
    pub native: RefCell<Option<Box<dyn Any>>>,
    pub id: u64,
}

impl Drop for Instance {
    /// Attributes are released without deep recursion (a linked list of a
    /// million nodes frees in a loop): see [`release`].
    fn drop(&mut self) {
        for (_, v) in self.dict.get_mut().entries.drain(..) {
            release(v);
        }
        if let Some(exc) = &mut self.exc {
            let exc = exc.get_mut();
            exc.args.drain(..).for_each(release);
            exc.notes.drain(..).for_each(release);
            exc.cause.take().into_iter().for_each(release);
            exc.context.take().into_iter().for_each(release);
        }
    }
}

impl Instance {
    pub fn class(&self) -> Rc<Class> {
        self.class.borrow().clone()
    }
}

/// The state every exception instance carries (CPython's
/// `PyBaseExceptionObject` fields).
#[derive(Default)]
pub struct ExcData {
    /// `args` tuple.
    pub args: Vec<Value>,
    /// `__cause__` (`raise … from …`).
    pub cause: Option<Value>,
    /// `__context__` (exception being handled when this one was raised).
    pub context: Option<Value>,
    /// `__suppress_context__` (set by `raise … from`).
    pub suppress_context: bool,
    /// Traceback entries (code, line), oldest call first.
    pub traceback: Vec<TbEntry>,
    /// `add_note` notes.
    pub notes: Vec<Value>,
}

/// One traceback line: where the exception passed through a frame.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<Code>,
    pub line: u32,
    /// Span of the instruction, for CPython 3.11's `^^^` markers.
    pub span: crate::span::Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    /// Created, never resumed (`GEN_CREATED`).
    Created,
    /// Suspended at a `yield`/`await`.
    Suspended,
    /// Currently executing.
    Running,
    /// Finished (returned or raised) or closed.
    Closed,
}

/// A generator/coroutine/async generator: a heap frame plus state.
pub struct GenObj {
    pub kind: GenKind,
    /// The suspended frame (taken out while running).
    pub frame: RefCell<Option<Box<Frame>>>,
    pub state: Cell<GenState>,
    /// `__name__` / `__qualname__` for reprs and "never awaited".
    pub name: Name,
    pub qualname: Name,
    /// Shared log where unstarted coroutines report themselves on drop
    /// ("coroutine 'f' was never awaited").
    pub never_awaited_log: Option<Rc<RefCell<Vec<NeverAwaited>>>>,
    /// Coroutines: the file and line of the call that created it
    /// (reported with "never awaited": where the `await` is missing).
    pub created_at: Option<(Name, u32, Rc<str>)>,
    /// Where a suspended generator/coroutine with pending `finally`/
    /// `except` blocks puts its frame when dropped, so the VM can close it
    /// (CPython closes generators when they are garbage-collected).
    pub finalize_queue: Option<Rc<FinalizeQueue>>,
    /// Async generators: an `asend`/`athrow` awaitable is in progress.
    pub ag_running: Cell<bool>,
    /// Async generators: the `firstiter` hook has been called
    /// (`sys.set_asyncgen_hooks`, used by `loop.shutdown_asyncgens`).
    pub ag_hooks_inited: Cell<bool>,
    pub id: u64,
}

/// A coroutine dropped without ever being started.
#[derive(Clone, Debug, PartialEq)]
pub struct NeverAwaited {
    /// Its `__qualname__`.
    pub qualname: Name,
    /// The file of the code that created it.
    pub filename: Name,
    /// The line that created it.
    pub line: u32,
    /// That line's text, stripped (what CPython's warning shows under it).
    pub source_line: Option<String>,
}

/// A dropped generator's (kind, name, qualname, frame) awaiting `close()`.
pub type PendingClose = (GenKind, Name, Name, Box<Frame>);

/// Frames of dropped generators waiting to be closed by the VM.
#[derive(Default)]
pub struct FinalizeQueue {
    pub pending: Cell<bool>,
    pub frames: RefCell<Vec<PendingClose>>,
}

impl Drop for GenObj {
    fn drop(&mut self) {
        if self.state.get() == GenState::Suspended && self.kind != GenKind::AsyncGenerator {
            if let (Some(q), Some(f)) = (&self.finalize_queue, self.frame.get_mut().take()) {
                if !f.blocks.is_empty() {
                    if let Ok(mut fs) = q.frames.try_borrow_mut() {
                        fs.push((self.kind, self.name.clone(), self.qualname.clone(), f));
                        q.pending.set(true);
                    }
                }
            }
        }
        if self.kind == GenKind::Coroutine && self.state.get() == GenState::Created {
            if let Some(log) = &self.never_awaited_log {
                if let Ok(mut l) = log.try_borrow_mut() {
                    let (filename, line, source_line) = match &self.created_at {
                        Some((file, line, source)) => (
                            file.clone(),
                            *line,
                            source
                                .lines()
                                .nth(line.saturating_sub(1) as usize)
                                .map(|l| l.trim().to_string()),
                        ),
                        None => (Name::from(""), 0, None),
                    };
                    l.push(NeverAwaited {
                        qualname: self.qualname.clone(),
                        filename,
                        line,
                        source_line,
                    });
                }
            }
        }
    }
}

/// Built-in iterator state.
pub enum IterObj {
    /// Over a list (live: sees appends, like CPython).
    List(Rc<RefCell<Vec<Value>>>, usize),
    Tuple(Rc<[Value]>, usize),
    /// Over characters of a string (byte offset).
    Str(Rc<str>, usize),
    Bytes(Rc<[u8]>, usize),
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// Snapshot of keys/values/items (dict or set) with the dict to
    /// detect size changes.
    Dict {
        dict: Rc<RefCell<Dict>>,
        pos: usize,
        kind: ViewKind,
        len: usize,
    },
    /// Over a frozen snapshot of values; the type name it shows
    /// (`set_iterator`, `reversed`, …).
    Seq(Vec<Value>, usize, u8),
    /// Over an object with only `__getitem__`: index `i` next, until
    /// IndexError or StopIteration (CPython's `iterator`).
    GetItem(Value, i64),
    /// The iterator and the next count (an int, big past 2**63 - 1).
    Enumerate(Value, Value),
    Zip(Vec<Value>, bool),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
    /// `reversed(list)`.
    Reversed(Value, i64),
    /// `iter(callable, sentinel)`.
    Callable(Value, Value),
    /// The awaitable returned by an async generator's `__anext__`/`asend`
    /// (`first` is what to resume the generator with on the first step).
    ASend {
        gen: Rc<GenObj>,
        first: Option<crate::vm::Resume>,
        /// Created by `aclose()`: GeneratorExit/StopAsyncIteration out of
        /// the generator means success (the await returns None).
        closing: bool,
    },
    /// Yields `obj` once, then returns `on_done(obj)` (CPython's
    /// `Future.__await__` shape, for native awaitables).
    YieldOnce {
        obj: Value,
        yielded: bool,
        on_done: Rc<NativeFn>,
    },
    /// Done; the type name it had.
    Exhausted(u8),
}

impl IterObj {
    /// `type(it).__name__`, as CPython names its iterator types.
    pub fn type_name(&self) -> &'static str {
        match self {
            IterObj::List(..) => "list_iterator",
            IterObj::Tuple(..) => "tuple_iterator",
            IterObj::Str(s, _) if s.is_ascii() => "str_ascii_iterator",
            IterObj::Str(..) => "str_iterator",
            IterObj::Bytes(..) => "bytes_iterator",
            IterObj::Range { .. } => "range_iterator",
            IterObj::Dict { kind, .. } => match kind {
                ViewKind::Keys => "dict_keyiterator",
                ViewKind::Values => "dict_valueiterator",
                ViewKind::Items => "dict_itemiterator",
            },
            IterObj::Seq(_, _, name) | IterObj::Exhausted(name) => {
                ITERATOR_TYPES.get(*name as usize).unwrap_or(&"iterator")
            }
            IterObj::GetItem(..) => "iterator",
            IterObj::Enumerate(..) => "enumerate",
            IterObj::Zip(..) => "zip",
            IterObj::Map(..) => "map",
            IterObj::Filter(..) => "filter",
            IterObj::Reversed(Value::List(_), _) => "list_reverseiterator",
            IterObj::Reversed(..) => "reversed",
            IterObj::Callable(..) => "callable_iterator",
            IterObj::ASend { .. } => "async_generator_asend",
            IterObj::YieldOnce { .. } => "iterator",
        }
    }
}

/// The names of CPython's builtin iterator types the engine's iterators
/// show (`IterObj::type_name`).
pub const ITERATOR_TYPES: &[&str] = &[
    "iterator",
    "list_iterator",
    "tuple_iterator",
    "str_ascii_iterator",
    "str_iterator",
    "bytes_iterator",
    "range_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
    "set_iterator",
    "list_reverseiterator",
    "reversed",
    "enumerate",
    "zip",
    "map",
    "filter",
    "callable_iterator",
    "async_generator_asend",
];

/// The index of `name` in [`ITERATOR_TYPES`] (0, `iterator`, if absent):
/// what `IterObj::Seq` and `IterObj::Exhausted` keep (a byte, so the
/// enum's layout stays what the run loop's `for` fast path expects).
pub fn iter_name(name: &str) -> u8 {
    ITERATOR_TYPES.iter().position(|n| *n == name).unwrap_or(0) as u8
}

/// A module object: a name and its global namespace.
pub struct Module {
    pub name: Name,
    pub globals: Rc<Globals>,
}

/// A module namespace with slot-indexed storage so compiled code can
/// cache where a global lives (CPython's dict-version cache, simplified).
#[derive(Default)]
pub struct Globals {
    /// name -> slot index (FxHash: module attribute loads such as
    /// `asyncio.sleep` hash the name every time).
    pub index: RefCell<HashMap<Name, u32, BuildHasherDefault<FxHasher>>>,
    /// Slot values in first-assignment order (None = deleted/unset).
    pub slots: RefCell<Vec<(Name, Option<Value>)>>,
}

impl Globals {
    pub fn slot_of(&self, name: &Name) -> u32 {
        if let Some(&i) = self.index.borrow().get(name) {
            return i;
        }
        let mut slots = self.slots.borrow_mut();
        let i = slots.len() as u32;
        slots.push((name.clone(), None));
        self.index.borrow_mut().insert(name.clone(), i);
        i
    }
    pub fn get(&self, name: &str) -> Option<Value> {
        let i = *self.index.borrow().get(name)?;
        self.slots.borrow()[i as usize].1.clone()
    }
    pub fn set(&self, name: &Name, v: Value) {
        let i = self.slot_of(name);
        let old = self.slots.borrow_mut()[i as usize].1.replace(v);
        if let Some(old) = old {
            release(old);
        }
    }
    pub fn set_str(&self, name: &str, v: Value) {
        self.set(&Rc::from(name), v)
    }
    pub fn remove(&self, name: &str) -> bool {
        let Some(&i) = self.index.borrow().get(name) else {
            return false;
        };
        let old = self.slots.borrow_mut()[i as usize].1.take();
        old.map(release).is_some()
    }
    /// Bound names in definition order.
    pub fn items(&self) -> Vec<(Name, Value)> {
        self.slots
            .borrow()
            .iter()
            .filter_map(|(n, v)| v.clone().map(|v| (n.clone(), v)))
            .collect()
    }
    /// Drop every value (breaks reference cycles when the VM goes away).
    pub fn clear(&self) {
        for s in self.slots.borrow_mut().iter_mut() {
            s.1 = None;
        }
    }
}

/// A small insertion-ordered string map for attributes: linear scan
/// (pointer comparison first: names are interned) with a hash index once
/// it grows, and a one-word filter that answers most misses at once.
#[derive(Default, Clone)]
pub struct AttrMap {
    pub entries: Vec<(Name, Value)>,
    index: Option<HashMap<Name, usize, BuildHasherDefault<FxHasher>>>,
    /// Two bits per key (`name_bits`), a Bloom filter of two hashes: a
    /// name one of whose bits is clear is absent without scanning. Method calls on
    /// instances miss the instance `__dict__` every time, so misses must
    /// be cheap. May have stale bits after removals (only costs a scan).
    filter: u64,
}

/// The filter bits of an attribute name: two bits picked by a
/// multiplicative hash of its length and four of its bytes (cheap, and
/// independent of whether the name is interned). Two bits make a false
/// "maybe present" about four times rarer than one for a typical
/// instance dict of ~8 names.
#[inline]
fn name_bits(name: &str) -> u64 {
    let b = name.as_bytes();
    let (first, last) = match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => (f as u64, l as u64),
        _ => return 1,
    };
    let mid = b[b.len() / 2] as u64;
    let second = b.get(1).copied().unwrap_or(0) as u64;
    let x = b.len() as u64 | first << 16 | last << 24 | mid << 32 | second << 40;
    let h = x.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (1u64 << (h >> 58)) | (1u64 << ((h >> 52) & 63))
}

/// A fast non-cryptographic hasher for attribute names and ids (rustc's
/// FxHash).
#[derive(Default)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(b as u64);
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.add(b as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.add(n as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

impl FxHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl AttrMap {
    pub fn new() -> AttrMap {
        AttrMap::default()
    }
    fn find(&self, name: &str) -> Option<usize> {
        let bits = name_bits(name);
        if self.filter & bits != bits {
            return None;
        }
        if let Some(ix) = &self.index {
            return ix.get(name).copied();
        }
        let p = name.as_ptr();
        if let Some(i) = self
            .entries
            .iter()
            .position(|(k, _)| k.as_ptr() == p && k.len() == name.len())
        {
            return Some(i);
        }
        self.entries.iter().position(|(k, _)| &**k == name)
    }
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.find(name).map(|i| &self.entries[i].1)
    }
    /// `get` trying entry `hint` first (by name pointer); updates `hint`
    /// to where the name was found.
    pub fn get_hinted(&self, name: &Name, hint: &Cell<u32>) -> Option<&Value> {
        if let Some((k, v)) = self.entries.get(hint.get() as usize) {
            if Rc::ptr_eq(k, name) {
                return Some(v);
            }
        }
        let i = self.find(name)?;
        hint.set(i as u32);
        Some(&self.entries[i].1)
    }
    pub fn contains(&self, name: &str) -> bool {
        self.find(name).is_some()
    }
    /// `insert` trying entry `hint` first (by name pointer), like
    /// `get_hinted`; updates `hint` to where the name is.
    pub fn insert_hinted(&mut self, name: &Name, v: Value, hint: &Cell<u32>) {
        if let Some((k, slot)) = self.entries.get_mut(hint.get() as usize) {
            if Rc::ptr_eq(k, name) {
                *slot = v;
                return;
            }
        }
        self.insert(name.clone(), v);
        if let Some(i) = self.find(name) {
            hint.set(i as u32);
        }
    }
    pub fn insert(&mut self, name: Name, v: Value) {
        if let Some(i) = self.find(&name) {
            self.entries[i].1 = v;
            return;
        }
        if let Some(ix) = &mut self.index {
            ix.insert(name.clone(), self.entries.len());
        }
        self.filter |= name_bits(&name);
        self.entries.push((name, v));
        if self.index.is_none() && self.entries.len() > 12 {
            self.index = Some(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (k.clone(), i))
                    .collect(),
            );
        }
    }
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let i = self.find(name)?;
        let (_, v) = self.entries.remove(i);
        if self.index.is_some() {
            self.index = Some(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (k.clone(), i))
                    .collect(),
            );
        }
        Some(v)
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = None;
        self.filter = 0;
    }
}

thread_local! {
    /// Values waiting to be freed by the [`release`] loop under way.
    static GRAVEYARD: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    /// A [`release`] loop is under way on this thread.
    static RELEASING: Cell<bool> = const { Cell::new(false) };
}

/// Whether dropping `v` may free a container (it holds the last reference).
#[inline]
fn frees_container(v: &Value) -> bool {
    match v {
        Value::List(r) => Rc::strong_count(r) == 1,
        Value::Tuple(r) => Rc::strong_count(r) == 1,
        Value::Dict(r) | Value::Set(r) => Rc::strong_count(r) == 1,
        Value::FrozenSet(r) => Rc::strong_count(r) == 1,
        Value::Instance(r) => Rc::strong_count(r) == 1,
        Value::Gen(r) => Rc::strong_count(r) == 1,
        Value::Iter(r) => Rc::strong_count(r) == 1,
        Value::Method(r) => Rc::strong_count(r) == 1,
        Value::Function(r) => Rc::strong_count(r) == 1,
        _ => false,
    }
}

/// Drops `v` without native recursion proportional to its nesting (CPython's
/// "trashcan"): dropping a list nested 100,000 deep, or the head of a long
/// linked list of instances, would otherwise overflow the Rust stack (the
/// browser gives about 1 MiB). A container freed here has its contents moved
/// to a per-thread worklist before it is dropped, so every drop is shallow;
/// values released while the loop runs (by `Instance`'s and `Frame`'s `Drop`)
/// join the worklist. Values that free no container drop at once.
///
/// Inline, so the common case (a value that frees no container: an int, a
/// shared reference, as most of a finished frame's locals are) costs no
/// call; the rest is [`release_container`].
#[inline]
pub fn release(v: Value) {
    if frees_container(&v) {
        release_container(v);
    }
}

/// [`release`] of a value holding the last reference to a container.
#[inline(never)]
fn release_container(v: Value) {
    let nested = RELEASING.try_with(|r| r.replace(true)).unwrap_or(true);
    if nested {
        // The loop below (or thread teardown) is under way: queue it.
        let mut v = Some(v);
        let _ = GRAVEYARD.try_with(|g| {
            if let Ok(mut g) = g.try_borrow_mut() {
                g.extend(v.take());
            }
        });
        // (Dropped here, natively, only if the worklist is unavailable.)
        drop(v);
        return;
    }
    /// Ends the loop even if a drop panics (the worklist is freed then).
    struct Releasing;
    impl Drop for Releasing {
        fn drop(&mut self) {
            let _ = RELEASING.try_with(|r| r.set(false));
        }
    }
    let _releasing = Releasing;
    let mut next = Some(v);
    while let Some(v) = next {
        empty_then_drop(v);
        next = GRAVEYARD.with(|g| g.borrow_mut().pop());
    }
}

/// Moves the contents of `v` (the last reference to a container) to the
/// worklist, then drops it.
fn empty_then_drop(v: Value) {
    let mut kids: Vec<Value> = Vec::new();
    match &v {
        Value::List(l) if Rc::strong_count(l) == 1 => {
            if let Ok(mut items) = l.try_borrow_mut() {
                kids = std::mem::take(&mut *items);
            }
        }
        // Immutable containers: keeping a reference to each element makes
        // the container's own drop shallow.
        Value::Tuple(t) if Rc::strong_count(t) == 1 => kids.extend(t.iter().cloned()),
        Value::Dict(d) | Value::Set(d) if Rc::strong_count(d) == 1 => {
            if let Ok(d) = d.try_borrow() {
                for (k, x) in d.iter() {
                    kids.push(k.clone());
                    kids.push(x.clone());
                }
            }
        }
        Value::FrozenSet(d) if Rc::strong_count(d) == 1 => {
            kids.extend(d.iter().map(|(k, _)| k.clone()))
        }
        Value::Method(m) if Rc::strong_count(m) == 1 => {
            kids.push(m.0.clone());
            kids.push(m.1.clone());
        }
        Value::Function(f) if Rc::strong_count(f) == 1 => kids.extend(f.defaults.iter().cloned()),
        Value::Iter(it) if Rc::strong_count(it) == 1 => {
            if let Ok(mut it) = it.try_borrow_mut() {
                let name = iter_name(it.type_name());
                match std::mem::replace(&mut *it, IterObj::Exhausted(name)) {
                    IterObj::List(l, _) => kids.push(Value::List(l)),
                    IterObj::Tuple(t, _) => kids.push(Value::Tuple(t)),
                    IterObj::Seq(items, _, _) | IterObj::Zip(items, _) => kids = items,
                    IterObj::GetItem(x, _) => kids.push(x),
                    IterObj::Enumerate(x, _) | IterObj::Reversed(x, _) => kids.push(x),
                    IterObj::Map(f, items) => {
                        kids = items;
                        kids.push(f);
                    }
                    IterObj::Filter(a, b) | IterObj::Callable(a, b) => {
                        kids.push(a);
                        kids.push(b);
                    }
                    other => *it = other,
                }
            }
        }
        // Instances and generators queue their contents from their own
        // `Drop` (Instance, Frame) while this loop runs.
        _ => {}
    }
    drop(v);
    if kids.is_empty() {
        return;
    }
    // Last first, so the first element is freed first, as a plain drop would.
    GRAVEYARD.with(|g| {
        let mut g = g.borrow_mut();
        g.extend(kids.into_iter().rev().filter(frees_container_or_shared));
    });
}

/// Elements worth queueing: anything that is a container (shared ones may
/// become unique once their parent is gone; scalars are dropped at once).
fn frees_container_or_shared(v: &Value) -> bool {
    v.ptr().is_some() && !matches!(v, Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_))
}
