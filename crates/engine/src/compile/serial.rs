//! The compiled form of library modules: code objects as bytes, so that a
//! module written in Python (above all `asyncio.py`) is loaded without
//! lexing, parsing or compiling it (issue #19).
//!
//! Our own format (unsigned LEB128 varints; signed numbers zigzagged):
//!
//! ```text
//! bundle  = MAGIC version:varint compiler:str modules:varint module*
//! module  = filename:str source_hash:[8] len:varint strings[len]
//!           pieces:varint piece*
//! strings = count:varint str*   (the module's names, in order of first use)
//! piece   = first_line:varint end_line:varint len:varint code[len]
//! code    = the fields of `Code` (see `write_code`), names as indices
//!           into the module's strings, nested codes inline
//! ```
//!
//! A piece is one of the pieces a library module is cut into
//! (`vm::library_pieces`): lines `first_line..end_line` of the file,
//! padded in front with `first_line` blank lines, so its spans (byte
//! offsets included) are those of the piece's own source, which the
//! loader rebuilds from the module's source. A bundle is trusted only when
//! its version and the fingerprint of the compiler's sources it was made
//! with ([`COMPILER_FINGERPRINT`], hashed by `build.rs`) match this build,
//! and a module only when the hash of its source matches: a stale form is
//! never loaded (the module is compiled from source instead).

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use super::code::{Code, CodeKind, Const, Op};
use crate::ast::Name;
use crate::span::Span;

/// The first bytes of a bundle.
const MAGIC: &[u8] = b"looplab-code\n";

/// The format's version (raise it on any change to the layout).
pub const FORMAT_VERSION: u64 = 1;

/// A hash of the sources of the lexer, parser and compiler this build was
/// made from (see `build.rs`): a bundle written by another compiler is
/// never loaded.
pub const COMPILER_FINGERPRINT: &str = env!("LOOPLAB_COMPILER_FINGERPRINT");

/// The hash of a module's source a bundle records: 64-bit FNV-1a of its
/// bytes and its length (read on every first import of the module in a
/// thread, so it must be cheap: SHA-256 took 15 % of a first `import
/// asyncio` at opt-level "z"; a stale form is a source edited without
/// regenerating, not an adversary).
pub fn source_hash(source: &str) -> [u8; 8] {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in source.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h ^ source.len() as u64).to_le_bytes()
}

/// One compiled piece of a module: lines `first_line..end_line` (0-based,
/// end excluded) of its source and their code.
pub struct Piece {
    pub first_line: u32,
    pub end_line: u32,
    pub code: Rc<Code>,
}

/// Writes a bundle of `modules`: (file name, source, its compiled pieces).
pub fn write_bundle(modules: &[(&str, &str, Vec<Piece>)]) -> Vec<u8> {
    let mut w = Writer::default();
    w.out.extend_from_slice(MAGIC);
    w.uint(FORMAT_VERSION);
    w.str(COMPILER_FINGERPRINT);
    w.uint(modules.len() as u64);
    for (filename, source, pieces) in modules {
        w.str(filename);
        w.out.extend_from_slice(&source_hash(source));
        let mut strings = Strings::default();
        let bodies: Vec<Vec<u8>> = pieces
            .iter()
            .map(|p| {
                let mut body = Writer::default();
                let lines = Lines::of(&p.code.source);
                write_code(&mut body, &mut strings, &lines, &p.code);
                body.out
            })
            .collect();
        let mut table = Writer::default();
        table.uint(strings.list.len() as u64);
        for s in &strings.list {
            table.str(s);
        }
        #[cfg(test)]
        SIZES.with(|sizes| sizes.borrow_mut().strings += table.out.len());
        w.bytes(&table.out);
        w.uint(pieces.len() as u64);
        for (p, body) in pieces.iter().zip(bodies) {
            w.uint(p.first_line.into());
            w.uint(p.end_line.into());
            w.bytes(&body);
        }
    }
    w.out
}

/// A module as a bundle holds it.
#[derive(Clone)]
pub struct ModuleForm<'a> {
    pub filename: &'a str,
    pub source_hash: [u8; 8],
    /// Its string table (see [`read_strings`]).
    pub strings: &'a [u8],
    /// Each piece: (first line, end line, its body).
    pub pieces: Vec<(u32, u32, &'a [u8])>,
}

/// The modules of a bundle, or `None` when it is not one this build can
/// load (another format version or another compiler, or damaged).
pub fn read_bundle(bytes: &[u8]) -> Option<Vec<ModuleForm<'_>>> {
    let mut r = Reader {
        bytes: bytes.strip_prefix(MAGIC)?,
        pos: 0,
    };
    if r.uint().ok()? != FORMAT_VERSION || r.str().ok()? != COMPILER_FINGERPRINT {
        return None;
    }
    let count = r.uint().ok()?;
    let mut modules = Vec::new();
    for _ in 0..count {
        let filename = r.str().ok()?;
        let source_hash = r.take(8).ok()?.try_into().ok()?;
        let len = r.uint().ok()? as usize;
        let strings = r.take(len).ok()?;
        let n = r.uint().ok()?;
        let mut pieces = Vec::new();
        for _ in 0..n {
            let first = r.u32().ok()?;
            let end = r.u32().ok()?;
            let len = r.uint().ok()? as usize;
            pieces.push((first, end, r.take(len).ok()?));
        }
        modules.push(ModuleForm {
            filename,
            source_hash,
            strings,
            pieces,
        });
    }
    (r.pos == r.bytes.len()).then_some(modules)
}

/// Why a piece's bytes could not be read (a damaged bundle).
#[derive(Debug)]
pub struct Damaged;

/// Reads a module's string table as names (`intern` makes a name from a
/// string: the VM's interner, so names are shared as when compiled).
pub fn read_strings(
    bytes: &[u8],
    intern: &mut dyn FnMut(&str) -> Name,
) -> Result<Vec<Name>, Damaged> {
    let mut r = Reader { bytes, pos: 0 };
    let count = r.len()?;
    let mut strings = Vec::with_capacity(count);
    for _ in 0..count {
        strings.push(intern(r.str()?));
    }
    if r.pos != bytes.len() {
        return Err(Damaged);
    }
    Ok(strings)
}

/// Reads a piece's code: `strings` is its module's string table,
/// `source` the piece's own source (the text its spans point into).
pub fn read_piece(body: &[u8], strings: &[Name], source: &Rc<str>) -> Result<Rc<Code>, Damaged> {
    let mut r = Reader {
        bytes: body,
        pos: 0,
    };
    let lines = Lines::of(source);
    let code = read_code(&mut r, strings, &lines, source)?;
    if r.pos != body.len() {
        return Err(Damaged);
    }
    Ok(code)
}

/// A module's string table, in order of first use.
#[derive(Default)]
struct Strings {
    list: Vec<Name>,
    index: std::collections::HashMap<Name, u64>,
}

impl Strings {
    fn of(&mut self, s: &Name) -> u64 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.list.len() as u64;
        self.list.push(s.clone());
        self.index.insert(s.clone(), i);
        i
    }
}

const KINDS: [CodeKind; 6] = [
    CodeKind::Module,
    CodeKind::Class,
    CodeKind::Function,
    CodeKind::Generator,
    CodeKind::Coroutine,
    CodeKind::AsyncGenerator,
];

fn write_code(w: &mut Writer, s: &mut Strings, lines: &Lines, c: &Code) {
    w.uint(s.of(&c.name));
    w.uint(s.of(&c.qualname));
    w.uint(KINDS.iter().position(|&k| k == c.kind).unwrap_or(0) as u64);
    w.uint(s.of(&c.filename));
    match &c.doc {
        None => w.uint(0),
        Some(d) => w.uint(1 + s.of(d)),
    }
    w.uint(c.firstlineno.into());
    w.uint(c.argcount.into());
    w.uint(c.posonlyargcount.into());
    w.uint(c.kwonlyargcount.into());
    w.uint(u64::from(c.varargs) | u64::from(c.varkeywords) << 1);
    for names in [&c.names, &c.varnames, &c.cellvars, &c.freevars] {
        w.uint(names.len() as u64);
        for n in names {
            w.uint(s.of(n));
        }
    }
    w.uint(c.closure_from.len() as u64);
    for &i in &c.closure_from {
        w.uint(i.into());
    }
    w.uint(c.cell_params.len() as u64);
    for &(a, b) in &c.cell_params {
        w.uint(a.into());
        w.uint(b.into());
    }
    w.uint(c.consts.len() as u64);
    for k in &c.consts {
        write_const(w, s, k);
    }
    w.uint(c.codes.len() as u64);
    for inner in &c.codes {
        write_code(w, s, lines, inner);
    }
    let ops_at = w.out.len();
    w.uint(c.ops.len() as u64);
    for op in &c.ops {
        write_op(w, *op);
    }
    let spans_at = w.out.len();
    let mut prev = Span::default();
    for i in 0..c.ops.len() {
        let span = c.spans.get(i).copied().unwrap_or_default();
        write_span(w, lines, prev, span);
        prev = span;
    }
    #[cfg(test)]
    SIZES.with(|sizes| {
        let mut sizes = sizes.borrow_mut();
        sizes.ops += spans_at - ops_at;
        sizes.spans += w.out.len() - spans_at;
        sizes.instructions += c.ops.len();
    });
    #[cfg(not(test))]
    let _ = (ops_at, spans_at);
}

/// What a bundle's bytes are made of (for `precompiled`'s figures).
#[cfg(test)]
#[derive(Clone, Debug, Default)]
pub struct Sizes {
    pub instructions: usize,
    pub ops: usize,
    pub spans: usize,
    pub strings: usize,
}

#[cfg(test)]
thread_local! {
    /// The sizes of everything written so far in this thread.
    pub static SIZES: std::cell::RefCell<Sizes> = std::cell::RefCell::default();
}

fn read_code(
    r: &mut Reader,
    s: &[Name],
    lines: &Lines,
    source: &Rc<str>,
) -> Result<Rc<Code>, Damaged> {
    let name = r.name(s)?;
    let qualname = r.name(s)?;
    let kind = *KINDS.get(r.uint()? as usize).ok_or(Damaged)?;
    let filename = r.name(s)?;
    let doc = match r.uint()? {
        0 => None,
        i => Some(s.get(i as usize - 1).ok_or(Damaged)?.clone()),
    };
    let firstlineno = r.u32()?;
    let argcount = r.u32()?;
    let posonlyargcount = r.u32()?;
    let kwonlyargcount = r.u32()?;
    let flags = r.uint()?;
    let mut lists: [Vec<Name>; 4] = Default::default();
    for list in &mut lists {
        let n = r.len()?;
        for _ in 0..n {
            list.push(r.name(s)?);
        }
    }
    let [names, varnames, cellvars, freevars] = lists;
    let n = r.len()?;
    let closure_from = (0..n).map(|_| r.u32()).collect::<Result<_, _>>()?;
    let n = r.len()?;
    let cell_params = (0..n)
        .map(|_| Ok((r.u32()?, r.u32()?)))
        .collect::<Result<_, _>>()?;
    let n = r.len()?;
    let consts = (0..n).map(|_| read_const(r, s)).collect::<Result<_, _>>()?;
    let n = r.len()?;
    let codes = (0..n)
        .map(|_| read_code(r, s, lines, source))
        .collect::<Result<_, _>>()?;
    let n = r.len()?;
    let ops = (0..n).map(|_| read_op(r)).collect::<Result<_, _>>()?;
    let mut spans = Vec::with_capacity(n);
    let mut prev = Span::default();
    for _ in 0..n {
        prev = read_span(r, lines, prev)?;
        spans.push(prev);
    }
    let global_cache = (0..names.len()).map(|_| Cell::new(u32::MAX)).collect();
    let builtin_cache = (0..names.len()).map(|_| Cell::new(u32::MAX)).collect();
    let attr_hints = (0..names.len()).map(|_| Cell::new(0)).collect();
    Ok(Rc::new(Code {
        name,
        qualname,
        kind,
        ops,
        spans,
        consts,
        runtime_consts: OnceCell::new(),
        codes,
        names,
        varnames,
        cellvars,
        freevars,
        closure_from,
        cell_params,
        argcount,
        posonlyargcount,
        kwonlyargcount,
        varargs: flags & 1 != 0,
        varkeywords: flags & 2 != 0,
        uncharged: &*filename == super::code::UNCHARGED_FILE,
        filename,
        source: source.clone(),
        doc,
        firstlineno,
        global_cache,
        builtin_cache,
        attr_hints,
    }))
}

/// Where the lines of a piece's source start, to tell a span's line and
/// column from its start.
struct Lines<'a> {
    source: &'a str,
    starts: Vec<u32>,
}

impl<'a> Lines<'a> {
    fn of(source: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i as u32 + 1),
        );
        Lines { source, starts }
    }

    /// The line and column (both 1-based, the column in characters) of
    /// byte offset `at`, as the lexer gives them.
    fn place(&self, at: u32) -> Option<(u32, u32)> {
        let line = self.starts.partition_point(|&s| s <= at);
        let start = *self.starts.get(line.checked_sub(1)?)? as usize;
        let col = self.source.get(start..at as usize)?.chars().count();
        Some((line as u32, col as u32 + 1))
    }
}

/// A span as the difference from the one before it: 0 when the same;
/// else 1 + (the zigzagged difference of the starts, shifted left, with
/// bit 0 set when the line and column are written because they are not
/// those of the start in the source), the zigzagged length, and then
/// the line and column if written.
fn write_span(w: &mut Writer, lines: &Lines, prev: Span, span: Span) {
    if span == prev {
        w.uint(0);
        return;
    }
    let explicit = lines.place(span.start) != Some((span.line, span.col));
    let delta = zigzag(i64::from(span.start) - i64::from(prev.start));
    w.uint(1 + (delta << 1 | u64::from(explicit)));
    w.int(i64::from(span.end) - i64::from(span.start));
    if explicit {
        w.uint(span.line.into());
        w.uint(span.col.into());
    }
}

fn read_span(r: &mut Reader, lines: &Lines, prev: Span) -> Result<Span, Damaged> {
    let tag = r.uint()?;
    if tag == 0 {
        return Ok(prev);
    }
    let fit = |v: i64| u32::try_from(v).map_err(|_| Damaged);
    let start = fit(i64::from(prev.start) + unzigzag((tag - 1) >> 1))?;
    let end = fit(i64::from(start) + r.int()?)?;
    let (line, col) = if (tag - 1) & 1 == 1 {
        (r.u32()?, r.u32()?)
    } else {
        lines.place(start).ok_or(Damaged)?
    };
    Ok(Span::new(start, end, line, col))
}

fn write_const(w: &mut Writer, s: &mut Strings, k: &Const) {
    match k {
        Const::None => w.uint(0),
        Const::Bool(b) => w.uint(1 + u64::from(*b)),
        Const::Int(i) => {
            w.uint(3);
            w.int(*i);
        }
        Const::BigInt(b) => {
            w.uint(4);
            w.bytes(&b.to_signed_bytes_le());
        }
        Const::Float(f) => {
            w.uint(5);
            w.out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Const::Str(n) => {
            w.uint(6);
            w.uint(s.of(n));
        }
        Const::Bytes(b) => {
            w.uint(7);
            w.bytes(b);
        }
        Const::Ellipsis => w.uint(8),
        Const::Tuple(items) => {
            w.uint(9);
            w.uint(items.len() as u64);
            for item in items.iter() {
                write_const(w, s, item);
            }
        }
    }
}

fn read_const(r: &mut Reader, s: &[Name]) -> Result<Const, Damaged> {
    Ok(match r.uint()? {
        0 => Const::None,
        1 => Const::Bool(false),
        2 => Const::Bool(true),
        3 => Const::Int(r.int()?),
        4 => {
            let n = r.len()?;
            let b = r.take(n)?;
            Const::BigInt(Rc::new(crate::pylib::bigint::BigInt::from_signed_bytes_le(
                b,
            )))
        }
        5 => {
            let b: [u8; 8] = r.take(8)?.try_into().map_err(|_| Damaged)?;
            Const::Float(f64::from_bits(u64::from_le_bytes(b)))
        }
        6 => Const::Str(r.name(s)?),
        7 => {
            let n = r.len()?;
            Const::Bytes(Rc::from(r.take(n)?))
        }
        8 => Const::Ellipsis,
        9 => {
            let n = r.len()?;
            let items: Vec<Const> = (0..n).map(|_| read_const(r, s)).collect::<Result<_, _>>()?;
            Const::tuple(items)
        }
        _ => return Err(Damaged),
    })
}

/// An instruction operand as a varint.
trait Operand: Sized {
    fn put(self) -> u64;
    fn get(v: u64) -> Result<Self, Damaged>;
}

impl Operand for u32 {
    fn put(self) -> u64 {
        self.into()
    }
    fn get(v: u64) -> Result<u32, Damaged> {
        u32::try_from(v).map_err(|_| Damaged)
    }
}

impl Operand for u8 {
    fn put(self) -> u64 {
        self.into()
    }
    fn get(v: u64) -> Result<u8, Damaged> {
        u8::try_from(v).map_err(|_| Damaged)
    }
}

impl Operand for bool {
    fn put(self) -> u64 {
        self.into()
    }
    fn get(v: u64) -> Result<bool, Damaged> {
        match v {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Damaged),
        }
    }
}

/// Writes and reads every instruction from one list: a tag byte, then the
/// operands in order. A new instruction that is not listed fails to
/// compile (the write's `match` is exhaustive).
macro_rules! op_codec {
    ($($tag:literal $op:ident $(($a:ident))? $({ $($f:ident),* })?;)*) => {
        fn write_op(w: &mut Writer, op: Op) {
            match op {
                $(Op::$op $(($a))? $({ $($f),* })? => {
                    w.out.push($tag);
                    $(w.uint($a.put());)?
                    $($(w.uint($f.put());)*)?
                })*
            }
        }

        fn read_op(r: &mut Reader) -> Result<Op, Damaged> {
            let tag = *r.take(1)?.first().ok_or(Damaged)?;
            Ok(match tag {
                $($tag => Op::$op $(({
                    let _ = stringify!($a);
                    Operand::get(r.uint()?)?
                }))? $({ $($f: Operand::get(r.uint()?)?),* })?,)*
                _ => return Err(Damaged),
            })
        }
    };
}

op_codec! {
    0 Nop;
    1 LoadConst(a);
    2 LoadFast(a);
    3 StoreFast(a);
    4 DeleteFast(a);
    5 LoadDeref(a);
    6 StoreDeref(a);
    7 DeleteDeref(a);
    8 LoadClassDeref(a);
    9 LoadGlobal(a);
    10 StoreGlobal(a);
    11 DeleteGlobal(a);
    12 LoadName(a);
    13 StoreName(a);
    14 DeleteName(a);
    15 LoadAttr(a);
    16 StoreAttr(a);
    17 DeleteAttr(a);
    18 CallMethod { name, argc };
    19 CallMethodKw { name, argc };
    20 Subscr;
    21 StoreSubscr;
    22 DeleteSubscr;
    23 Binary(a);
    24 Inplace(a);
    25 UnaryNeg;
    26 UnaryPos;
    27 UnaryInvert;
    28 UnaryNot;
    29 Compare(a);
    30 Is(a);
    31 Contains(a);
    32 Pop;
    33 Dup;
    34 Swap(a);
    35 Rot(a);
    36 Jump(a);
    37 PopJumpIfFalse(a);
    38 PopJumpIfTrue(a);
    39 JumpIfFalseOrPop(a);
    40 JumpIfTrueOrPop(a);
    41 GetIter;
    42 ForIter(a);
    43 GetAIter;
    44 GetANext;
    45 EndAsyncFor;
    46 BuildList(a);
    47 BuildTuple(a);
    48 BuildSet(a);
    49 BuildConstSet(a);
    50 BuildMap(a);
    51 ListAppend(a);
    52 SetAdd(a);
    53 MapAdd(a);
    54 ListExtend(a);
    55 SetUpdate(a);
    56 DictUpdate(a);
    57 DictMerge(a);
    58 ListToTuple;
    59 BuildSlice(a);
    60 BuildString(a);
    61 FormatValue(a);
    62 UnpackSequence(a);
    63 UnpackEx { before, after };
    64 Call(a);
    65 CallKw(a);
    66 CallEx(a);
    67 MakeFunction { code, flags };
    68 BuildClass;
    69 ReturnValue;
    70 YieldValue;
    71 YieldFrom;
    72 GetYieldFromIter;
    73 GetAwaitable;
    74 SetupFinally(a);
    75 SetupWith(a);
    76 PopBlock;
    77 PopExcept;
    78 Reraise;
    79 Raise(a);
    80 CheckExcMatch;
    81 CheckEgMatch;
    82 ExcTriple;
    83 BeforeWith(a);
    84 Copy(a);
    85 PrepReraiseStar;
    86 LoadLocals;
    87 LoadAssertionError;
    88 ImportName(a);
    89 ImportFrom(a);
    90 ImportStar;
    91 MatchSequence;
    92 MatchMapping;
    93 GetLen;
    94 MatchKeys;
    95 MatchClass(a);
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

#[derive(Default)]
struct Writer {
    out: Vec<u8>,
}

impl Writer {
    fn uint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.out.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.out.push(v as u8);
    }

    fn int(&mut self, v: i64) {
        self.uint(zigzag(v));
    }

    fn bytes(&mut self, b: &[u8]) {
        self.uint(b.len() as u64);
        self.out.extend_from_slice(b);
    }

    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn uint(&mut self) -> Result<u64, Damaged> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = *self.bytes.get(self.pos).ok_or(Damaged)?;
            self.pos += 1;
            if shift > 63 {
                return Err(Damaged);
            }
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
            shift += 7;
        }
    }

    fn int(&mut self) -> Result<i64, Damaged> {
        self.uint().map(unzigzag)
    }

    fn u32(&mut self) -> Result<u32, Damaged> {
        u32::try_from(self.uint()?).map_err(|_| Damaged)
    }

    /// A count of items, each at least a byte long (so a damaged count
    /// cannot make a huge allocation).
    fn len(&mut self) -> Result<usize, Damaged> {
        let n = self.uint()?;
        if n > (self.bytes.len() - self.pos) as u64 {
            return Err(Damaged);
        }
        Ok(n as usize)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], Damaged> {
        let end = self.pos.checked_add(n).ok_or(Damaged)?;
        let b = self.bytes.get(self.pos..end).ok_or(Damaged)?;
        self.pos = end;
        Ok(b)
    }

    fn str(&mut self) -> Result<&'a str, Damaged> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).map_err(|_| Damaged)
    }

    fn name(&mut self, s: &[Name]) -> Result<Name, Damaged> {
        s.get(self.uint()? as usize).cloned().ok_or(Damaged)
    }
}
