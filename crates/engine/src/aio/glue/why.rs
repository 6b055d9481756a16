//! Why a program thread blocks, read off its frames at the moment it does
//! (`EventKind::ProgramThreadBlocked`'s `reason`).
//!
//! Every blocking wait of `threading`, `queue`, `concurrent.futures` and
//! `multiprocessing` ends in `_looplab.thread_block`, usually several calls
//! deep (`Queue.get` → `Condition.wait` → `Lock.acquire`). What the learner
//! called is the outermost of those calls below the program's own frame, so
//! the walk goes from the innermost frame outwards, stops at the program's
//! first frame, and keeps the last (outermost) library call it knows. It
//! reads a handful of frames and, for a join or a lock, one attribute of
//! the object: no Python code runs, and nothing happens in programs that
//! start no thread.

use crate::trace::WaitReason;
use crate::vm::{Frame, Value, Vm};

/// The library modules whose blocking calls are named.
const LIBRARY: &[&str] = &["<threading>", "<queue>", "<_cfutures>", "<multiprocessing>"];

/// Frames looked at, innermost first, at most.
const MAX_FRAMES: usize = 48;

/// What the running thread, about to block, waits for (`None`: not known).
/// `program` is the program's file name.
pub(crate) fn wait_reason(vm: &Vm, program: &str) -> Option<WaitReason> {
    let mut found = None;
    // The outermost library frame so far: the call the program made, once
    // the walk reaches the program's frame.
    let mut called: Option<&Frame> = None;
    let mut reached = false;
    for f in vm.frames.iter().rev().take(MAX_FRAMES) {
        let file = &*f.code.filename;
        if file == program {
            reached = true;
            break;
        }
        if !LIBRARY.contains(&file) {
            continue;
        }
        if let Some(r) = known_call(file, &f.code.qualname, f) {
            found = Some(r);
        }
        called = Some(f);
    }
    let called = called.filter(|_| reached);
    // A `multiprocessing` call the program made (`Pool.map`) says more
    // than the primitive it waits on inside.
    if let Some(f) = called {
        if &*f.code.filename == "<multiprocessing>"
            && known_call(&f.code.filename, &f.code.qualname, f).is_none()
        {
            if let Some(call) = public_call(&f.code.qualname) {
                return Some(call);
            }
        }
    }
    found.or_else(|| public_call(&called?.code.qualname))
}

/// A call of the library the program made, by the name it calls it
/// (`Pool.__init__` is `Pool`); `None` for a private or local function.
fn public_call(qualname: &str) -> Option<WaitReason> {
    if qualname.contains('<')
        || qualname.starts_with('_')
        || qualname.contains("._") && !qualname.ends_with(".__init__")
    {
        return None;
    }
    let name = qualname.strip_suffix(".__init__").unwrap_or(qualname);
    let name = name.strip_prefix("Base").unwrap_or(name);
    Some(WaitReason::Call {
        name: name.to_string(),
    })
}

/// The reason a call of the library's `qualname` (in module file `file`)
/// gives, if it is one of the named blocking calls.
fn known_call(file: &str, qualname: &str, f: &Frame) -> Option<WaitReason> {
    Some(match qualname {
        "Thread.join" => WaitReason::Join {
            thread: attr_index(&receiver(f)?, "_tid"),
        },
        "Thread.start" => WaitReason::Start,
        "Lock.acquire" | "Lock.__enter__" => WaitReason::Lock {
            holder: attr_index(&receiver(f)?, "_holder"),
        },
        "RLock.acquire" | "RLock.__enter__" => WaitReason::RLock {
            holder: attr(&receiver(f)?, "_block").and_then(|b| attr_index(&b, "_holder")),
        },
        "Condition.wait" | "Condition.wait_for" => WaitReason::Condition,
        "Semaphore.acquire" => WaitReason::Semaphore,
        "Event.wait" => WaitReason::Event,
        "Barrier.wait" => WaitReason::Barrier,
        "Timer.run" => WaitReason::Timer,
        "Queue.get" | "SimpleQueue.get" => WaitReason::QueueGet,
        "Queue.put" | "SimpleQueue.put" => WaitReason::QueuePut,
        "Queue.join" | "JoinableQueue.join" => WaitReason::QueueJoin,
        "Future.result" | "Future.exception" => WaitReason::FutureResult,
        "_worker" if file == "<_cfutures>" => WaitReason::PoolWork,
        "_pool_worker_loop" if file == "<multiprocessing>" => WaitReason::PoolWork,
        "_Channel.get" => WaitReason::QueueGet,
        "as_completed" | "wait" if file == "<_cfutures>" => WaitReason::FuturesWait,
        _ => return None,
    })
}

/// The frame's first argument (`self` of a method), if bound.
fn receiver(f: &Frame) -> Option<Value> {
    f.locals.first().cloned().flatten()
}

/// An instance attribute, read from the instance's `__dict__` (no
/// property or `__getattr__` runs).
fn attr(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Instance(i) => i.dict.borrow().get(name).cloned(),
        _ => None,
    }
}

/// An attribute holding a program thread's index.
fn attr_index(v: &Value, name: &str) -> Option<u32> {
    match attr(v, name)? {
        Value::Int(n) => u32::try_from(n).ok(),
        _ => None,
    }
}
