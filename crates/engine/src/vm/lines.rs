//! Line events (`Limits::record_lines`): which line of the program runs
//! next, as CPython's `sys.settrace` reports it, for stepping a run line
//! by line (issue #17).
//!
//! Costs nothing when off: the interpreter's loop reaches
//! [`Vm::note_line`] only from its budget check, which runs at every
//! instruction only while a line hook is installed (`recompute_check`
//! then sets the next check to the next instruction); otherwise the hook
//! is never looked at.
//!
//! CPython 3.11 reports a "line" event before an instruction that starts a
//! different line than the instruction its frame ran before it
//! (`instr_prev`), or that a backward jump reaches (a loop's next round),
//! except the jump back into an `await`'s `SEND`; a frame's first
//! instruction always reports its line (even on the `def` line: CPython
//! starts a frame with no previous instruction). A coroutine resuming
//! after an `await` resumes at the instruction that suspended it: no
//! event.

use std::rc::Rc;

use crate::compile::code::{CodeKind, Op};
use crate::vm::Vm;

/// Told of each line the run starts: the code's file and the line.
/// Returns false to stop recording (the hook is then removed).
pub type LineHook = Rc<dyn Fn(&mut Vm, &str, u32) -> bool>;

impl Vm {
    /// Before the instruction at the top frame's `pc` runs (only while a
    /// line hook is installed): report its line if it starts one.
    pub(crate) fn note_line(&mut self) {
        let Some(fr) = self.frames.last_mut() else {
            return;
        };
        let pc = fr.pc;
        // A frame's first instruction always starts a line.
        let prev_line = if pc == 0 {
            None
        } else {
            Some(line_at(&fr.code, fr.traced_pc))
        };
        let backward =
            pc != 0 && pc < fr.traced_pc && !matches!(fr.code.ops.get(pc), Some(Op::YieldFrom));
        fr.traced_pc = pc;
        let line = line_at(&fr.code, pc);
        // The code's closing `return None` (or a class body's return of
        // its namespace) has no line of its own in CPython: it never
        // starts one.
        let closing = pc != 0 && pc + 2 >= fr.code.ops.len();
        // A loop's jump back carries the loop's line here: it starts no
        // line itself, the loop's header reports it where it lands (a
        // `continue` or `break` on a line of its own does).
        let jump = matches!(fr.code.ops.get(pc), Some(&Op::Jump(t))
            if (t as usize) <= pc && line_at(&fr.code, t as usize) == line_at(&fr.code, pc));
        if line == 0 || closing || jump || (prev_line == Some(line) && !backward) {
            return;
        }
        let file = fr.code.filename.clone();
        // A class body starts at its `class` line (CPython's body sets
        // `__module__` and `__qualname__` there before the first statement).
        if pc == 0 && fr.code.kind == CodeKind::Class && fr.code.firstlineno != line {
            let first = fr.code.firstlineno;
            if !self.report_line(&file, first) {
                return;
            }
        }
        self.report_line(&file, line);
    }

    /// Tells the hook of `line`; false (and the hook removed) once it
    /// stops recording.
    fn report_line(&mut self, file: &str, line: u32) -> bool {
        let Some(hook) = self.line_hook.clone() else {
            return false;
        };
        if hook(self, file, line) {
            return true;
        }
        self.line_hook = None;
        self.recompute_check();
        false
    }
}

/// The line of instruction `pc`: a comprehension's or lambda's
/// instructions that carry no line (0) stand at the code's own line, as
/// CPython's do.
fn line_at(code: &crate::compile::code::Code, pc: usize) -> u32 {
    match code.line_at(pc) {
        0 if code.kind != CodeKind::Module => code.firstlineno,
        line => line,
    }
}
