//! The built-in classes (`int`, `list`, …, and the exception hierarchy) as
//! real [`Class`] objects, so `type(x)`, `isinstance` and subclassing of
//! exceptions work uniformly.

use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::value::*;

macro_rules! types_struct {
    ($($field:ident),* $(,)?) => {
        /// Every built-in class the VM needs to reach quickly.
        pub struct Types {
            $(pub $field: Rc<Class>,)*
            /// All exception classes by name (for the builtins namespace).
            pub exceptions: Vec<Rc<Class>>,
            /// The builtin iterator types (`map`, `list_iterator`, …), one
            /// per [`ITERATOR_TYPES`] name; `iterator` among them.
            pub iterators: Vec<Rc<Class>>,
        }

        impl Types {
            /// Every class of the table (for the VM's teardown).
            pub fn all(&self) -> Vec<Rc<Class>> {
                let mut v = vec![$(self.$field.clone(),)*];
                v.extend(self.exceptions.iter().cloned());
                v.extend(self.iterators.iter().cloned());
                v
            }
        }
    };
}

types_struct!(
    object,
    type_,
    int,
    bool_,
    float,
    str_,
    bytes,
    bytearray,
    list,
    tuple,
    dict,
    set,
    frozenset,
    range,
    slice,
    none_type,
    function,
    builtin_function,
    method,
    generator,
    coroutine,
    async_generator,
    module,
    property,
    staticmethod,
    classmethod,
    super_,
    ellipsis,
    not_implemented_type,
    iterator,
    code,
    dict_keys,
    dict_values,
    dict_items,
    base_exception,
    exception,
    arithmetic_error,
    zero_division_error,
    overflow_error,
    lookup_error,
    key_error,
    index_error,
    value_error,
    type_error,
    name_error,
    unbound_local_error,
    attribute_error,
    runtime_error,
    not_implemented_error,
    recursion_error,
    stop_iteration,
    stop_async_iteration,
    assertion_error,
    memory_error,
    os_error,
    permission_error,
    timeout_error,
    keyboard_interrupt,
    system_exit,
    generator_exit,
    base_exception_group,
    exception_group,
    import_error,
    module_not_found_error,
    syntax_error,
    unicode_error,
    eof_error,
    connection_error,
    buffer_error,
    lookup_dummy,
);

impl Types {
    /// The class of a builtin iterator named `name` (`iterator` for any
    /// other name).
    pub fn iterator_class(&self, name: &str) -> Rc<Class> {
        self.iterators
            .iter()
            .find(|c| &*c.name == name)
            .unwrap_or(&self.iterator)
            .clone()
    }
}

static NEXT_CLASS_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1 << 20);

pub fn class_id() -> u64 {
    NEXT_CLASS_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Build a class with a linear MRO over `bases` (single inheritance).
pub fn make_class(name: &str, module: &str, bases: Vec<Rc<Class>>, layout: Layout) -> Rc<Class> {
    let mut mro_tail: Vec<Rc<Class>> = Vec::new();
    if let Some(b) = bases.first() {
        mro_tail = b.mro.borrow().clone();
    }
    let c = Rc::new(Class {
        name: Rc::from(name),
        qualname: Rc::from(name),
        module: Rc::from(module),
        bases,
        mro: RefCell::new(Vec::new()),
        dict: RefCell::new(AttrMap::new()),
        layout,
        id: class_id(),
    });
    let mut mro = vec![c.clone()];
    mro.extend(mro_tail);
    *c.mro.borrow_mut() = mro;
    c
}

impl Types {
    /// The builtin classes. One piece on purpose: it is a table (one
    /// `make_class` line per class, in hierarchy order), and each class
    /// needs the ones made before it as bases.
    pub fn new() -> Types {
        let object = make_class("object", "builtins", vec![], Layout::Object);
        let b = |name: &str| make_class(name, "builtins", vec![object.clone()], Layout::Builtin);
        let int = b("int");
        let bool_ = make_class("bool", "builtins", vec![int.clone()], Layout::Builtin);
        let mut excs = Vec::new();
        let base_exception = make_class(
            "BaseException",
            "builtins",
            vec![object.clone()],
            Layout::Exception,
        );
        excs.push(base_exception.clone());
        let mut ex = |name: &str, base: &Rc<Class>| {
            let c = make_class(name, "builtins", vec![base.clone()], Layout::Exception);
            excs.push(c.clone());
            c
        };
        let exception = ex("Exception", &base_exception);
        let arithmetic_error = ex("ArithmeticError", &exception);
        let zero_division_error = ex("ZeroDivisionError", &arithmetic_error);
        let overflow_error = ex("OverflowError", &arithmetic_error);
        let _floating = ex("FloatingPointError", &arithmetic_error);
        let lookup_error = ex("LookupError", &exception);
        let key_error = ex("KeyError", &lookup_error);
        let index_error = ex("IndexError", &lookup_error);
        let value_error = ex("ValueError", &exception);
        let unicode_error = ex("UnicodeError", &value_error);
        let _ude = ex("UnicodeDecodeError", &unicode_error);
        let _uee = ex("UnicodeEncodeError", &unicode_error);
        let type_error = ex("TypeError", &exception);
        let name_error = ex("NameError", &exception);
        let unbound_local_error = ex("UnboundLocalError", &name_error);
        let attribute_error = ex("AttributeError", &exception);
        let runtime_error = ex("RuntimeError", &exception);
        let not_implemented_error = ex("NotImplementedError", &runtime_error);
        let recursion_error = ex("RecursionError", &runtime_error);
        let stop_iteration = ex("StopIteration", &exception);
        let stop_async_iteration = ex("StopAsyncIteration", &exception);
        let assertion_error = ex("AssertionError", &exception);
        let memory_error = ex("MemoryError", &exception);
        let buffer_error = ex("BufferError", &exception);
        let eof_error = ex("EOFError", &exception);
        let os_error = ex("OSError", &exception);
        let timeout_error = ex("TimeoutError", &os_error);
        let connection_error = ex("ConnectionError", &os_error);
        let _fnf = ex("FileNotFoundError", &os_error);
        let permission_error = ex("PermissionError", &os_error);
        let import_error = ex("ImportError", &exception);
        let module_not_found_error = ex("ModuleNotFoundError", &import_error);
        let syntax_error = ex("SyntaxError", &exception);
        let indentation = ex("IndentationError", &syntax_error);
        let _tab = ex("TabError", &indentation);
        let keyboard_interrupt = ex("KeyboardInterrupt", &base_exception);
        let system_exit = ex("SystemExit", &base_exception);
        let generator_exit = ex("GeneratorExit", &base_exception);
        let base_exception_group = ex("BaseExceptionGroup", &base_exception);
        let exception_group = {
            // ExceptionGroup(BaseExceptionGroup, Exception)
            let c = Rc::new(Class {
                name: Rc::from("ExceptionGroup"),
                qualname: Rc::from("ExceptionGroup"),
                module: Rc::from("builtins"),
                bases: vec![base_exception_group.clone(), exception.clone()],
                mro: RefCell::new(Vec::new()),
                dict: RefCell::new(AttrMap::new()),
                layout: Layout::Exception,
                id: class_id(),
            });
            *c.mro.borrow_mut() = vec![
                c.clone(),
                base_exception_group.clone(),
                exception.clone(),
                base_exception.clone(),
                object.clone(),
            ];
            excs.push(c.clone());
            c
        };
        for w in [
            "Warning",
            "UserWarning",
            "DeprecationWarning",
            "RuntimeWarning",
        ] {
            let base = if w == "Warning" {
                exception.clone()
            } else {
                excs.iter()
                    .find(|c| &*c.name == "Warning")
                    .cloned()
                    .unwrap_or(exception.clone())
            };
            let c = make_class(w, "builtins", vec![base], Layout::Exception);
            excs.push(c);
        }
        Types {
            type_: b("type"),
            float: b("float"),
            str_: b("str"),
            bytes: b("bytes"),
            bytearray: b("bytearray"),
            list: b("list"),
            tuple: b("tuple"),
            dict: b("dict"),
            set: b("set"),
            frozenset: b("frozenset"),
            range: b("range"),
            slice: b("slice"),
            none_type: b("NoneType"),
            function: b("function"),
            builtin_function: b("builtin_function_or_method"),
            method: b("method"),
            generator: b("generator"),
            coroutine: b("coroutine"),
            async_generator: b("async_generator"),
            module: b("module"),
            property: b("property"),
            staticmethod: b("staticmethod"),
            classmethod: b("classmethod"),
            super_: b("super"),
            ellipsis: b("ellipsis"),
            not_implemented_type: b("NotImplementedType"),
            iterator: b("iterator"),
            code: make_class("code", "builtins", vec![object.clone()], Layout::Object),
            iterators: ITERATOR_TYPES[1..].iter().map(|n| b(n)).collect(),
            dict_keys: b("dict_keys"),
            dict_values: b("dict_values"),
            dict_items: b("dict_items"),
            lookup_dummy: b("_"),
            object,
            int,
            bool_,
            base_exception,
            exception,
            arithmetic_error,
            zero_division_error,
            overflow_error,
            lookup_error,
            key_error,
            index_error,
            value_error,
            type_error,
            name_error,
            unbound_local_error,
            attribute_error,
            runtime_error,
            not_implemented_error,
            recursion_error,
            stop_iteration,
            stop_async_iteration,
            assertion_error,
            memory_error,
            os_error,
            permission_error,
            timeout_error,
            keyboard_interrupt,
            system_exit,
            generator_exit,
            base_exception_group,
            exception_group,
            import_error,
            module_not_found_error,
            syntax_error,
            unicode_error,
            eof_error,
            connection_error,
            buffer_error,
            exceptions: excs,
        }
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}
