# dataclasses, written from the documented behaviour: the decorator reads
# the class's annotations and adds __init__, __repr__, __eq__, ordering,
# hashing and frozen-ness; field(), fields(), replace(), asdict(), astuple().

class _MISSING_TYPE:
    pass

MISSING = _MISSING_TYPE()

class _KW_ONLY_TYPE:
    pass

KW_ONLY = _KW_ONLY_TYPE()

class FrozenInstanceError(AttributeError):
    pass

class InitVar:
    def __init__(self, type):
        self.type = type
    def __class_getitem__(cls, type):
        return InitVar(type)
    def __repr__(self):
        t = self.type
        return "dataclasses.InitVar[%s]" % (t.__name__ if isinstance(t, type) else repr(t))

class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else dict(metadata)
        self.kw_only = kw_only
        self._kind = "_FIELD"
    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,"
                "compare=%r,metadata=mappingproxy(%r),kw_only=%r,_field_type=%s)"
                % (self.name, self.type, self.default, self.default_factory, self.init, self.repr,
                   self.hash, self.compare, self.metadata, self.kw_only, self._kind))

def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)

def _is_classvar(ann):
    if isinstance(ann, str):
        return ann.startswith("ClassVar") or ann.startswith("typing.ClassVar")
    return repr(ann).startswith("typing.ClassVar")

def _is_initvar(ann):
    if isinstance(ann, str):
        return ann.startswith("InitVar") or ann.startswith("dataclasses.InitVar")
    return ann is InitVar or isinstance(ann, InitVar)

def fields(class_or_instance):
    fs = getattr(class_or_instance, "__dataclass_fields__", None)
    if fs is None:
        raise TypeError("must be called with a dataclass type or instance")
    return tuple(f for f in fs.values() if f._kind == "_FIELD")

def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")

def _is_instance(obj):
    return not isinstance(obj, type) and hasattr(type(obj), "__dataclass_fields__")

def _copy_out(obj, factory, as_dict):
    if _is_instance(obj):
        if as_dict:
            return factory([(f.name, _copy_out(getattr(obj, f.name), factory, True)) for f in fields(obj)])
        return factory([_copy_out(getattr(obj, f.name), factory, False) for f in fields(obj)])
    if isinstance(obj, list):
        return [_copy_out(v, factory, as_dict) for v in obj]
    if isinstance(obj, tuple):
        if hasattr(type(obj), "_fields"):
            return type(obj)(*[_copy_out(v, factory, as_dict) for v in obj])
        return tuple(_copy_out(v, factory, as_dict) for v in obj)
    if isinstance(obj, dict):
        return {_copy_out(k, factory, as_dict): _copy_out(v, factory, as_dict) for k, v in obj.items()}
    if isinstance(obj, set):
        return {_copy_out(v, factory, as_dict) for v in obj}
    return obj

def asdict(obj, *, dict_factory=dict):
    if not _is_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _copy_out(obj, dict_factory, True)

def astuple(obj, *, tuple_factory=tuple):
    if not _is_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _copy_out(obj, tuple_factory, False)

def replace(obj, /, **changes):
    if not _is_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in type(obj).__dataclass_fields__.values():
        if f._kind == "_FIELD_CLASSVAR":
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be specified with replace()" % f.name)
            continue
        if f.name not in changes:
            if f._kind == "_FIELD_INITVAR" and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            if f._kind == "_FIELD":
                changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)

def _names(names):
    q = ["'%s'" % n for n in names]
    if len(q) == 1:
        return q[0]
    if len(q) == 2:
        return "%s and %s" % (q[0], q[1])
    return "%s, and %s" % (", ".join(q[:-1]), q[-1])

def _plural(n, word):
    return word if n == 1 else word + "s"

def _has_default(f):
    return f.default is not MISSING or f.default_factory is not MISSING

def _make_init(cls, all_fields, frozen):
    init_fields = [f for f in all_fields if f.init and f._kind != "_FIELD_CLASSVAR"]
    pos = [f for f in init_fields if not f.kw_only]
    kwo = [f for f in init_fields if f.kw_only]
    seen_default = None
    for f in pos:
        if _has_default(f):
            seen_default = f
        elif seen_default is not None:
            raise TypeError("non-default argument %r follows default argument" % f.name)
    n_required = len([f for f in pos if not _has_default(f)])
    names = [f.name for f in init_fields]
    def __init__(self, *args, **kwargs):
        fn = type(self).__qualname__ if False else cls.__qualname__
        fn = fn + ".__init__()"
        if len(args) > len(pos):
            if n_required == len(pos):
                raise TypeError("%s takes %d positional %s but %d were given"
                                % (fn, len(pos) + 1, _plural(len(pos) + 1, "argument"), len(args) + 1))
            raise TypeError("%s takes from %d to %d positional arguments but %d were given"
                            % (fn, n_required + 1, len(pos) + 1, len(args) + 1))
        for k in kwargs:
            if k not in names:
                raise TypeError("%s got an unexpected keyword argument '%s'" % (fn, k))
            i = names.index(k)
            if i < len(args) and not init_fields[i].kw_only:
                raise TypeError("%s got multiple values for argument '%s'" % (fn, k))
        values = {}
        missing = []
        missing_kw = []
        for i, f in enumerate(pos):
            if i < len(args):
                values[f.name] = args[i]
            elif f.name in kwargs:
                values[f.name] = kwargs[f.name]
            elif f.default is not MISSING:
                values[f.name] = f.default
            elif f.default_factory is not MISSING:
                values[f.name] = f.default_factory()
            else:
                missing.append(f.name)
        for f in kwo:
            if f.name in kwargs:
                values[f.name] = kwargs[f.name]
            elif f.default is not MISSING:
                values[f.name] = f.default
            elif f.default_factory is not MISSING:
                values[f.name] = f.default_factory()
            else:
                missing_kw.append(f.name)
        if missing:
            raise TypeError("%s missing %d required positional %s: %s"
                            % (fn, len(missing), _plural(len(missing), "argument"), _names(missing)))
        if missing_kw:
            raise TypeError("%s missing %d required keyword-only %s: %s"
                            % (fn, len(missing_kw), _plural(len(missing_kw), "argument"), _names(missing_kw)))
        initvars = []
        for f in all_fields:
            if f._kind == "_FIELD_INITVAR":
                initvars.append(values.get(f.name, f.default))
            elif f._kind == "_FIELD":
                if f.name in values:
                    v = values[f.name]
                elif f.default is not MISSING:
                    v = f.default
                elif f.default_factory is not MISSING:
                    v = f.default_factory()
                else:
                    continue
                if frozen:
                    object.__setattr__(self, f.name, v)
                else:
                    setattr(self, f.name, v)
        post = getattr(self, "__post_init__", None)
        if post is not None:
            post(*initvars)
    __init__.__qualname__ = cls.__qualname__ + ".__init__"
    return __init__

def _unhashable(v):
    try:
        hash(v)
    except TypeError:
        return True
    return False

def _set_new(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False

def _process(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    if order and not eq:
        raise ValueError("eq must be true if order is true")
    flds = {}
    any_frozen_base = False
    has_dc_base = False
    for base in cls.__mro__[-1:0:-1]:
        bf = base.__dict__.get("__dataclass_fields__")
        if bf is not None:
            has_dc_base = True
            for f in bf.values():
                flds[f.name] = f
            if base.__dataclass_params__["frozen"]:
                any_frozen_base = True
    if has_dc_base:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")
    anns = cls.__dict__.get("__annotations__", {})
    kw_mode = kw_only
    for name, ann in anns.items():
        if ann is KW_ONLY or ann == "KW_ONLY" or ann == "dataclasses.KW_ONLY":
            kw_mode = True
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = Field(default, MISSING, True, True, None, True, None, MISSING)
        f.name = name
        f.type = ann
        if _is_classvar(ann):
            f._kind = "_FIELD_CLASSVAR"
        elif _is_initvar(ann):
            f._kind = "_FIELD_INITVAR"
        if f.kw_only is MISSING:
            f.kw_only = kw_mode
        if f._kind == "_FIELD" and f.default is not MISSING and _unhashable(f.default):
            raise ValueError("mutable default %s for field %s is not allowed: use default_factory"
                             % (type(f.default), name))
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        flds[name] = f
    for name, v in list(cls.__dict__.items()):
        if isinstance(v, Field) and name not in anns:
            raise TypeError("%r is a field but has no type annotation" % name)
    cls.__dataclass_fields__ = flds
    cls.__dataclass_params__ = {"init": init, "repr": repr, "eq": eq, "order": order, "frozen": frozen}
    all_fields = list(flds.values())
    real = [f for f in all_fields if f._kind == "_FIELD"]
    if init:
        _set_new(cls, "__init__", _make_init(cls, all_fields, frozen))
    if repr:
        shown = [f for f in real if f.repr]
        def __repr__(self):
            return "%s(%s)" % (type(self).__qualname__,
                               ", ".join("%s=%r" % (f.name, getattr(self, f.name)) for f in shown))
        __repr__.__qualname__ = cls.__qualname__ + ".__repr__"
        _set_new(cls, "__repr__", __repr__)
    compared = [f for f in real if f.compare]
    def _key(o):
        return tuple(getattr(o, f.name) for f in compared)
    class_hash_given = "__hash__" in cls.__dict__ and cls.__dict__["__hash__"] is not None
    if eq:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) == _key(other)
            return NotImplemented
        __eq__.__qualname__ = cls.__qualname__ + ".__eq__"
        explicit_eq = "__eq__" in cls.__dict__
        _set_new(cls, "__eq__", __eq__)
    if order:
        def cmp(op):
            def f(self, other):
                if other.__class__ is self.__class__:
                    return op(_key(self), _key(other))
                return NotImplemented
            return f
        for name, op in (("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
                         ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b)):
            if _set_new(cls, name, cmp(op)):
                raise TypeError("Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering"
                                % (name, cls.__name__))
    hashed = [f for f in real if (f.compare if f.hash is None else f.hash)]
    def __hash__(self):
        return hash(tuple(getattr(self, f.name) for f in hashed))
    if unsafe_hash:
        if class_hash_given:
            raise TypeError("Cannot overwrite attribute __hash__ in class %s" % cls.__name__)
        cls.__hash__ = __hash__
    elif eq and frozen:
        if not class_hash_given:
            cls.__hash__ = __hash__
    elif eq:
        if not class_hash_given:
            cls.__hash__ = None
    if frozen:
        def __setattr__(self, name, value):
            if type(self) is cls or name in flds:
                raise FrozenInstanceError("cannot assign to field %r" % (name,))
            object.__setattr__(self, name, value)
        def __delattr__(self, name):
            if type(self) is cls or name in flds:
                raise FrozenInstanceError("cannot delete field %r" % (name,))
            object.__delattr__(self, name)
        for name, fn in (("__setattr__", __setattr__), ("__delattr__", __delattr__)):
            if _set_new(cls, name, fn):
                raise TypeError("Cannot overwrite attribute %s in class %s" % (name, cls.__name__))
    if match_args:
        _set_new(cls, "__match_args__", tuple(f.name for f in all_fields
                                              if f.init and f._kind != "_FIELD_CLASSVAR" and not f.kw_only))
    return cls

def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)

def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kw):
    ns = dict(namespace or {})
    anns = {}
    for item in fields:
        if isinstance(item, str):
            anns[item] = "typing.Any"
        elif len(item) == 2:
            anns[item[0]] = item[1]
        else:
            anns[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns["__annotations__"] = anns
    ns["__qualname__"] = cls_name
    return dataclass(type(cls_name, bases, ns), **kw)
