
class _Missing:
    def __repr__(self):
        return "MISSING"

MISSING = _Missing()

class FrozenInstanceError(AttributeError):
    pass

class Field:
    def __init__(self, default, default_factory, init, repr, compare):
        self.name = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare
    def __repr__(self):
        return "Field(name=%r,default=%r)" % (self.name, self.default)

def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True):
    return Field(default, default_factory, init, repr, compare)

def fields(obj):
    return tuple(obj.__dataclass_fields__.values())

def asdict(obj):
    return {f.name: getattr(obj, f.name) for f in fields(obj)}

def astuple(obj):
    return tuple(getattr(obj, f.name) for f in fields(obj))

def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")

def _process(cls, init, repr, eq, order, frozen):
    flds = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__dataclass_fields__", {}).values():
            flds[f.name] = f
    anns = cls.__dict__.get("__annotations__", {})
    for name in anns:
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        else:
            f = Field(default, MISSING, True, True, True)
        f.name = name
        flds[name] = f
    cls.__dataclass_fields__ = flds
    all_fields = list(flds.values())
    if init:
        init_fields = [f for f in all_fields if f.init]
        seen_default = False
        for f in init_fields:
            if f.default is not MISSING or f.default_factory is not MISSING:
                seen_default = True
            elif seen_default:
                raise TypeError("non-default argument %r follows default argument" % f.name)
        def __init__(self, *args, **kwargs):
            if len(args) > len(init_fields):
                raise TypeError("%s.__init__() takes %d positional arguments but %d were given" % (cls.__qualname__, len(init_fields) + 1, len(args) + 1))
            missing = []
            for i, f in enumerate(init_fields):
                if i < len(args):
                    if f.name in kwargs:
                        raise TypeError("%s.__init__() got multiple values for argument %r" % (cls.__qualname__, f.name))
                    v = args[i]
                elif f.name in kwargs:
                    v = kwargs.pop(f.name)
                elif f.default is not MISSING:
                    v = f.default
                elif f.default_factory is not MISSING:
                    v = f.default_factory()
                else:
                    missing.append(f.name)
                    continue
                self.__dict__  # noqa
                setattr(self, f.name, v) if not frozen else _set(self, f.name, v)
            for k in kwargs:
                if not any(f.name == k for f in init_fields):
                    raise TypeError("%s.__init__() got an unexpected keyword argument %r" % (cls.__qualname__, k))
            if missing:
                names = ["'%s'" % m for m in missing]
                if len(names) == 1:
                    joined = names[0]
                elif len(names) == 2:
                    joined = names[0] + " and " + names[1]
                else:
                    joined = ", ".join(names[:-1]) + ", and " + names[-1]
                raise TypeError("%s.__init__() missing %d required positional argument%s: %s" % (cls.__qualname__, len(missing), "" if len(missing) == 1 else "s", joined))
            for f in all_fields:
                if not f.init:
                    if f.default is not MISSING:
                        _set(self, f.name, f.default)
                    elif f.default_factory is not MISSING:
                        _set(self, f.name, f.default_factory())
            post = getattr(self, "__post_init__", None)
            if post is not None:
                post()
        cls.__init__ = __init__
    if repr:
        def __repr__(self):
            return "%s(%s)" % (cls.__qualname__, ", ".join("%s=%r" % (f.name, getattr(self, f.name)) for f in all_fields if f.repr))
        cls.__repr__ = __repr__
    if eq:
        def __eq__(self, other):
            if other.__class__ is not self.__class__:
                return NotImplemented
            return tuple(getattr(self, f.name) for f in all_fields if f.compare) == tuple(getattr(other, f.name) for f in all_fields if f.compare)
        cls.__eq__ = __eq__
        if frozen:
            cls.__hash__ = lambda self: hash(tuple(getattr(self, f.name) for f in all_fields if f.compare))
        else:
            cls.__hash__ = None
    if order:
        def _key(o):
            return tuple(getattr(o, f.name) for f in all_fields if f.compare)
        cls.__lt__ = lambda a, b: _key(a) < _key(b)
        cls.__le__ = lambda a, b: _key(a) <= _key(b)
        cls.__gt__ = lambda a, b: _key(a) > _key(b)
        cls.__ge__ = lambda a, b: _key(a) >= _key(b)
    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError("cannot assign to field %r" % name)
        cls.__setattr__ = __setattr__
    return cls

def _set(obj, name, value):
    object.__setattr__(obj, name, value)

def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, frozen=False, unsafe_hash=False, slots=False, kw_only=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, frozen)
    if cls is None:
        return wrap
    return wrap(cls)
