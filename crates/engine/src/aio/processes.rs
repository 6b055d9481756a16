//! Processes (`multiprocessing`, `ProcessPoolExecutor`): a labelled model.
//!
//! A process is a group of program threads (see [`super::program_threads`])
//! with its own module table: `import` in a child gives fresh modules, so
//! its globals are its own, and its main module is the program re-run as
//! `__mp_main__` (the *spawn* start method). The VM holds one module table
//! at a time (`Vm::modules`); [`switch`] swaps the tables whenever the
//! scheduler resumes a thread of another process. Nothing else is
//! separated: values cross between processes only as `multiprocessing.py`
//! copies them (its pickling model builds a copy made of immutable data and
//! rebuilds it in the receiver), and the shared objects (`Queue`, `Pipe`,
//! `Value`, `Array`, `Lock`) deliberately share one state list.
//!
//! Scheduling: processes are scheduled like threads (one thread of one
//! process runs at a time, until it blocks; rule in `tools/oracle.py`'s
//! header, "Threads"); computing takes no virtual time. With the CPU model
//! (`crate::aio::cpu`) each process computes on its own core, with its own
//! clock and GIL, and the scheduler interleaves them a switch interval at a
//! time.

use std::collections::HashMap;

use crate::ast::Name;
use crate::vm::Value;

/// One process.
#[derive(Debug)]
pub struct Process {
    /// `Process-1`, `SpawnPoolWorker-3`... (`MainProcess` for index 0).
    pub name: String,
    /// Its module table while another process's is in the VM.
    pub modules: HashMap<Name, Value>,
    /// What its bootstrap reads (`_looplab.process_payload()`): the copied
    /// process object, made of immutable data and shared state lists.
    pub payload: Value,
    /// Set when it ended.
    pub exitcode: Option<i64>,
}

/// Every process of a run.
#[derive(Debug)]
pub struct Processes {
    /// Index 0 is the main process.
    pub list: Vec<Process>,
    /// The process whose module table is in the VM.
    pub active: usize,
}

impl Default for Process {
    fn default() -> Self {
        Process {
            name: String::new(),
            modules: HashMap::new(),
            payload: Value::None,
            exitcode: None,
        }
    }
}

impl Default for Processes {
    fn default() -> Self {
        Processes {
            list: vec![Process {
                name: "MainProcess".into(),
                ..Process::default()
            }],
            active: 0,
        }
    }
}

impl Processes {
    /// A new process (its module table empty); returns its index.
    pub fn spawn(&mut self, name: String, payload: Value) -> usize {
        self.list.push(Process {
            name,
            payload,
            ..Process::default()
        });
        self.list.len() - 1
    }

    /// Every value held (module tables, payloads), for the teardown.
    pub fn take_values(&mut self, out: &mut Vec<Value>) {
        for p in &mut self.list {
            out.extend(p.modules.drain().map(|(_, v)| v));
            out.push(std::mem::replace(&mut p.payload, Value::None));
        }
    }
}

/// Puts process `to`'s module table in the VM (`modules`), keeping the
/// active one's aside.
pub fn switch(modules: &mut HashMap<Name, Value>, procs: &mut Processes, to: usize) {
    let from = procs.active;
    if from == to || to >= procs.list.len() {
        return;
    }
    std::mem::swap(modules, &mut procs.list[from].modules);
    std::mem::swap(modules, &mut procs.list[to].modules);
    procs.active = to;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_keeps_each_process_table() {
        let mut procs = Processes::default();
        let child = procs.spawn("Process-1".into(), Value::None);
        let mut vm_modules: HashMap<Name, Value> = HashMap::new();
        vm_modules.insert(Name::from("__main__"), Value::Int(0));
        switch(&mut vm_modules, &mut procs, child);
        assert!(vm_modules.is_empty());
        vm_modules.insert(Name::from("__main__"), Value::Int(1));
        switch(&mut vm_modules, &mut procs, 0);
        assert!(matches!(vm_modules.get("__main__"), Some(Value::Int(0))));
        switch(&mut vm_modules, &mut procs, child);
        assert!(matches!(vm_modules.get("__main__"), Some(Value::Int(1))));
        assert_eq!(procs.active, child);
    }
}
