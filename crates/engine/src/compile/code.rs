//! Compiled code objects: the instruction set the VM executes.
//!
//! Mirrors CPython's `PyCodeObject`: one [`Code`] per module, class body,
//! function, lambda and comprehension, with fast-local slots, cell/free
//! variable slots, a constant pool and a parallel table of source spans.

use std::any::Any;
use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use crate::ast::Name;
use crate::span::Span;

/// One VM instruction. Operands are indices into the owning [`Code`]'s
/// tables or jump targets (instruction indices).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Nop,
    /// Push `consts[i]`.
    LoadConst(u32),
    /// Push fast local `i` (UnboundLocalError when unset).
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cell/free variable `i` (cells first, then free vars).
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// In a class body: the class namespace first, then cell `i`.
    LoadClassDeref(u32),
    /// Global (then builtin) lookup of `names[i]`.
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Namespace lookups for class bodies: class dict, globals, builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// `obj.names[name](argc args)`: stack `[obj, args...]`; calls a method
    /// without materialising a bound method.
    CallMethod {
        name: u32,
        argc: u32,
    },
    /// Like CallMethod, with a tuple of keyword names on top of the stack.
    CallMethodKw {
        name: u32,
        argc: u32,
    },
    /// `container[key]`.
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    Binary(u8),
    Inplace(u8),
    UnaryNeg,
    UnaryPos,
    UnaryInvert,
    UnaryNot,
    Compare(u8),
    Is(bool),
    /// `in` / `not in` (operand true = negated).
    Contains(bool),
    Pop,
    /// Duplicate top of stack.
    Dup,
    /// Swap TOS with the item `n` deep (1 = itself; CPython's SWAP n).
    Swap(u32),
    /// Rotate the top `n` items: TOS moves down to position `n`.
    Rot(u32),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// TOS is an iterator: push its next value or pop it and jump.
    ForIter(u32),
    GetAIter,
    /// Push an awaitable for `__anext__` of the async iterator at TOS.
    GetANext,
    /// End of `async for`: TOS is the exception; if StopAsyncIteration,
    /// pop the iterator and continue, else re-raise.
    EndAsyncFor,
    BuildList(u32),
    BuildTuple(u32),
    BuildSet(u32),
    /// A set display of >= 3 constants: CPython folds it into a frozenset
    /// constant and `SET_UPDATE`s an empty set (which decides its order).
    BuildConstSet(u32),
    /// `n` key/value pairs.
    BuildMap(u32),
    /// Append TOS to the list `n` deep (after popping TOS).
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    /// `**mapping` in a call: merge, rejecting duplicate keywords.
    DictMerge(u32),
    ListToTuple,
    BuildSlice(u32),
    /// Concatenate `n` strings (f-strings).
    BuildString(u32),
    /// f-string field: bit 0..2 = conversion (0 none, 1 s, 2 r, 3 a),
    /// bit 3 = a format spec string is on TOS.
    FormatValue(u8),
    UnpackSequence(u32),
    /// Starred unpacking: `before` targets, a list, `after` targets.
    UnpackEx {
        before: u32,
        after: u32,
    },
    /// Call with `argc` positional args: `[f, args...]`.
    Call(u32),
    /// Call with keyword names tuple on TOS: `[f, args..., kwvalues..., names]`.
    CallKw(u32),
    /// `f(*args, **kwargs)`: `[f, args_tuple]` or `[f, args_tuple, kwargs_dict]`.
    CallEx(bool),
    /// Build a function from `consts[code]`; flag bits: 1 = defaults
    /// tuple, 2 = kw-defaults dict, 4 = annotations dict (pushed in that
    /// order).
    MakeFunction {
        code: u32,
        flags: u8,
    },
    /// `[body_function, name, bases_tuple, kwargs_dict]` -> class.
    BuildClass,
    ReturnValue,
    YieldValue,
    /// `[receiver, value]`: delegate to receiver (`yield from`/`await`).
    YieldFrom,
    /// `iter(x)` unless x is a generator/coroutine (for `yield from`).
    GetYieldFromIter,
    /// Turn TOS into an iterator for `await` (`__await__`).
    GetAwaitable,
    /// Push an exception handler (`try`) jumping to the operand.
    SetupFinally(u32),
    /// Like SetupFinally but the handler level excludes TOS (the
    /// `__enter__` result), keeping `__exit__` below it.
    SetupWith(u32),
    PopBlock,
    /// Leave an except handler: pops the handled exception.
    PopExcept,
    /// Re-raise the exception at TOS (end of finally / unmatched except).
    Reraise,
    /// `raise` with 0, 1 (exc) or 2 (exc, cause) operands.
    Raise(u32),
    /// `[exc, type] -> [exc, bool]`.
    CheckExcMatch,
    /// `except*`: `[eg, type] -> [rest, match_or_None]`.
    CheckEgMatch,
    /// `[exc] -> [type, exc, traceback]` (arguments of `__exit__`).
    ExcTriple,
    /// `[ctx] -> [exit, enter]`: bound `__exit__` and `__enter__` of a
    /// context manager (`__aexit__`/`__aenter__` when async).
    BeforeWith(bool),
    /// Push a copy of the item `n` deep (1 = TOS; CPython's COPY n).
    Copy(u32),
    /// End of `except*` handlers: `[orig, raised_list, rest] -> [exc_or_None]`,
    /// the exception group left to re-raise (CPython's PREP_RERAISE_STAR).
    PrepReraiseStar,
    /// Push the class namespace (end of a class body).
    LoadLocals,
    /// Push `AssertionError`.
    LoadAssertionError,
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    /// `match`: push whether TOS is a sequence a sequence pattern can
    /// match (list, tuple, range; not str/bytes), keeping TOS.
    MatchSequence,
    /// `match`: push whether TOS is a mapping (dict), keeping TOS.
    MatchMapping,
    /// `match`: push `len(TOS)`, keeping TOS.
    GetLen,
    /// `match`: `[subject, keys_tuple] -> [subject, keys_tuple,
    /// values_tuple_or_None]` through the subject's `get`.
    MatchKeys,
    /// `match`: `[subject, cls, kw_names] -> [attrs_tuple_or_None]` for a
    /// class pattern with `n` positional sub-patterns.
    MatchClass(u32),
}

/// What kind of code object this is; decides what calling it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Class,
    Function,
    Generator,
    Coroutine,
    AsyncGenerator,
}

/// A constant of a code object (an entry of CPython's `co_consts`), in
/// the compiler's own terms: literals, and tuples of them (keyword-name
/// tuples of calls, folded constant sets).
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    BigInt(Rc<crate::pylib::bigint::BigInt>),
    Float(f64),
    Str(Name),
    Bytes(Rc<[u8]>),
    Ellipsis,
    Tuple(Rc<[Const]>),
}

impl Const {
    pub fn tuple(items: Vec<Const>) -> Const {
        Const::Tuple(Rc::from(items))
    }
}

/// A compiled code object (CPython's `PyCodeObject`).
#[derive(Clone, Debug)]
pub struct Code {
    /// Function name (`<module>`, `<lambda>`, `<listcomp>`…) for tracebacks.
    pub name: Name,
    /// Dotted qualified name, for reprs such as `<function A.f at …>`.
    pub qualname: Name,
    /// Decides frame behaviour on call (plain call, generator, coroutine…).
    pub kind: CodeKind,
    pub ops: Vec<Op>,
    /// Source span of each instruction (parallel to `ops`).
    pub spans: Vec<Span>,
    /// The constant pool (`LOAD_CONST i` pushes entry `i`).
    pub consts: Vec<Const>,
    /// The constant pool as the runtime's values, made once per code
    /// object by the VM on its first frame of this code (see
    /// `vm::consts`). Its type is the VM's business: this stage does not
    /// know runtime values, so the slot is type-erased.
    pub runtime_consts: OnceCell<Rc<dyn Any>>,
    /// Nested code objects (functions, lambdas, classes, comprehensions).
    pub codes: Vec<Rc<Code>>,
    /// Global/attribute/import names referenced by index.
    pub names: Vec<Name>,
    /// Fast-local slot names; parameters come first.
    pub varnames: Vec<Name>,
    /// Names of this code's cells (locals captured by inner scopes).
    pub cellvars: Vec<Name>,
    /// Names of free variables (cells captured from the enclosing scope).
    pub freevars: Vec<Name>,
    /// For each free var of this code: the index of the cell in the
    /// *enclosing* frame's cells+frees it is captured from.
    pub closure_from: Vec<u32>,
    /// For each cell var that is also a parameter: (cell index, local slot)
    /// so the argument is moved into its cell on entry.
    pub cell_params: Vec<(u32, u32)>,
    /// Number of positional parameters (incl. positional-only).
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Has `*args` (its slot follows the named parameters).
    pub varargs: bool,
    /// Has `**kwargs` (its slot follows `*args`).
    pub varkeywords: bool,
    /// File name shown in tracebacks (`<lesson>`).
    pub filename: Name,
    /// The code of a built-in's loop written in Python (`<_loops>`, see
    /// `vm/interp/python_loops.rs`): its instructions are not charged to
    /// the CPU model's clock or the budgets, except one per `FOR_ITER`
    /// (the one a loop in Rust counts per item), so the model's times are
    /// those of the loops in Rust that CPython's C loops match.
    pub uncharged: bool,
    /// Whole source text, to print the offending line in tracebacks.
    pub source: Rc<str>,
    /// The docstring (`__doc__` of functions).
    pub doc: Option<Name>,
    /// Line of the `def`, for reprs and `co_firstlineno`.
    pub firstlineno: u32,
    /// Lazily resolved global slot per entry of `names` (u32::MAX = unresolved).
    pub global_cache: Vec<Cell<u32>>,
    /// Lazily resolved slot in the VM's builtins namespace per entry of
    /// `names`, for globals that fall back to a builtin (`len`, `print`);
    /// u32::MAX = unresolved. Builtin slots never move.
    pub builtin_cache: Vec<Cell<u32>>,
    /// Per entry of `names`: where that attribute was last found in an
    /// instance `__dict__` loaded by this code (instances of a class
    /// usually share their attribute order), checked before scanning.
    pub attr_hints: Vec<Cell<u32>>,
}

/// The file name of the built-ins' loops written in Python (see
/// [`Code::uncharged`]).
pub const UNCHARGED_FILE: &str = "<_loops>";

impl Code {
    /// The source line of instruction `pc`.
    pub fn line_at(&self, pc: usize) -> u32 {
        self.spans
            .get(pc)
            .map(|s| s.line)
            .unwrap_or(self.firstlineno)
    }
}

impl Code {
    /// A deep copy whose global-slot caches are empty. Compiled library
    /// modules are shared between runs (see `Vm::load_module`); each run's
    /// globals assign slots in the order *that* run touches names, so a
    /// cache filled by an earlier run must never be reused.
    pub fn fresh_copy(&self) -> Code {
        let mut copy = self.clone();
        copy.codes = self
            .codes
            .iter()
            .map(|c| std::rc::Rc::new(c.fresh_copy()))
            .collect();
        for slot in copy.global_cache.iter().chain(&copy.builtin_cache) {
            slot.set(u32::MAX);
        }
        copy
    }
}
