//! The method tables are the single source of what a builtin value has.

use std::rc::Rc;

use super::*;
use crate::vm::Limits;

/// One value of every type with a method table, made by Python code.
const SAMPLES: &str =
    "samples = ['s', [1], {1: 2}, {1}, frozenset({1}), (1,), 5, True, 1.5, b'x', bytearray(b'x'), \
range(3), {}.keys(), {}.values(), {}.items(), iter([1])]\n";

fn samples(vm: &mut Vm) -> Vec<Value> {
    let g = match vm.exec_main(SAMPLES, "<test>") {
        Ok(g) => g,
        Err(e) => panic!("setup failed: {}", vm.render_error(&e)),
    };
    let l = g.get("samples").expect("samples");
    vm.iterate(&l).expect("list")
}

fn py_bool(vm: &mut Vm, f: &str, args: Vec<Value>) -> bool {
    let f = vm.builtins.get(f).expect("builtin");
    matches!(vm.call(&f, args, vec![]), Ok(Value::Bool(true)))
}

#[test]
fn the_table_of_a_value_is_the_table_of_its_type() {
    let mut vm = Vm::new(Limits::default());
    for v in samples(&mut vm) {
        let by_value = methods_of_value(&v).expect("a table");
        let cls = vm.class_of(&v);
        let by_type = vm.builtin_methods(&cls).expect("a table");
        assert!(
            std::ptr::eq(by_value, by_type),
            "{}: the value and its type select different tables",
            cls.name
        );
    }
}

#[test]
fn no_table_lists_a_name_twice() {
    let tables: [&Table; 14] = [
        &str::METHODS,
        &list::METHODS,
        &dict::METHODS,
        &set::SET_METHODS,
        &set::FROZENSET_METHODS,
        &tuple::METHODS,
        &range::METHODS,
        &int::METHODS,
        &float::METHODS,
        &iter::METHODS,
        &bytes::METHODS,
        &bytes::BYTEARRAY_METHODS,
        &dict_view::METHODS,
        &object::METHODS,
    ];
    for t in tables {
        let mut names: Vec<&str> = t.rows.iter().map(|r| r.name).collect();
        names.sort();
        let n = names.len();
        names.dedup();
        assert_eq!(n, names.len(), "a name is listed twice in {names:?}");
    }
}

#[test]
fn every_row_is_in_dir_and_gettable_and_nothing_else_dispatches() {
    let mut vm = Vm::new(Limits::default());
    for v in samples(&mut vm) {
        let table = methods_of_value(&v).expect("a table");
        let dir = vm.builtins.get("dir").expect("dir");
        let listed = vm.call(&dir, vec![v.clone()], vec![]).expect("dir()");
        let listed: Vec<String> = vm
            .iterate(&listed)
            .expect("list")
            .iter()
            .map(|n| match n {
                Value::Str(s) => s.to_string(),
                other => panic!("dir() item {other:?}"),
            })
            .collect();
        for row in table.rows.iter().chain(object::METHODS.rows) {
            assert!(
                listed.iter().any(|n| n == row.name),
                "{} not in dir()",
                row.name
            );
            let name = Value::Str(Rc::from(row.name));
            assert!(
                py_bool(&mut vm, "hasattr", vec![v.clone(), name]),
                "hasattr is false for {}",
                row.name
            );
        }
        // dir() lists nothing the tables do not hold.
        assert_eq!(listed.len(), {
            let mut all: Vec<&str> = table
                .rows
                .iter()
                .chain(object::METHODS.rows)
                .map(|r| r.name)
                .collect();
            all.sort();
            all.dedup();
            all.len()
        });
        // A name in no table is not a method: the call falls back to attribute
        // lookup, which fails.
        match vm.call_builtin_method(&v, "no_such_method", &[], &[]) {
            Ok(None) => {}
            other => panic!("no_such_method dispatched: {:?}", other.map(|_| ())),
        }
    }
}
