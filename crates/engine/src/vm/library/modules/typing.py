# typing: enough for annotated programs to run. Annotations are not
# checked (as in CPython); subscripted forms print like CPython's.

def _type_repr(t):
    if isinstance(t, type):
        if t.__module__ == "builtins":
            return t.__qualname__
        return "%s.%s" % (t.__module__, t.__qualname__)
    if t is None or t is type(None):
        return "None"
    if t is Ellipsis:
        return "..."
    if isinstance(t, list):
        return "[%s]" % ", ".join(_type_repr(x) for x in t)
    return repr(t)

class _Alias:
    def __init__(self, name, params, origin=None):
        self._name = name
        self.__args__ = params
        self.__origin__ = origin
    def __getitem__(self, params):
        return self
    def __call__(self, *args, **kwargs):
        if self.__origin__ is not None:
            return self.__origin__(*args, **kwargs)
        raise TypeError("Type %s cannot be instantiated" % self._name)
    def __or__(self, other):
        return Union[self, other]
    def __ror__(self, other):
        return Union[other, self]
    def __eq__(self, other):
        return isinstance(other, _Alias) and self._name == other._name and self.__args__ == other.__args__
    def __hash__(self):
        return hash(self._name)
    def __repr__(self):
        return "typing.%s[%s]" % (self._name, ", ".join(_type_repr(a) for a in self.__args__))

class _Special:
    def __init__(self, name, origin=None):
        self._name = name
        self._origin = origin
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        name = self._name
        if name == "Optional":
            return _Alias("Optional", params)
        if name == "Union":
            flat = []
            for p in params:
                if isinstance(p, _Alias) and p._name in ("Union", "Optional"):
                    ps = p.__args__ if p._name == "Union" else p.__args__ + (type(None),)
                else:
                    ps = (type(None),) if p is None else (p,)
                for q in ps:
                    if q not in flat:
                        flat.append(q)
            if len(flat) == 1:
                return flat[0]
            if len(flat) == 2 and type(None) in flat:
                return _Alias("Optional", tuple(x for x in flat if x is not type(None)))
            return _Alias("Union", tuple(flat))
        return _Alias(name, params, self._origin)
    def __call__(self, *args, **kwargs):
        if self._origin is not None:
            return self._origin(*args, **kwargs)
        raise TypeError("Cannot instantiate typing.%s" % self._name)
    def __or__(self, other):
        return Union[self, other]
    def __ror__(self, other):
        return Union[other, self]
    def __repr__(self):
        return "typing." + self._name

Any = _Special("Any")
Union = _Special("Union")
Optional = _Special("Optional")
List = _Special("List", list)
Dict = _Special("Dict", dict)
Set = _Special("Set", set)
FrozenSet = _Special("FrozenSet", frozenset)
Tuple = _Special("Tuple", tuple)
Type = _Special("Type", type)
Callable = _Special("Callable")
Iterable = _Special("Iterable")
Iterator = _Special("Iterator")
Generator = _Special("Generator")
AsyncIterator = _Special("AsyncIterator")
AsyncIterable = _Special("AsyncIterable")
AsyncGenerator = _Special("AsyncGenerator")
Awaitable = _Special("Awaitable")
Coroutine = _Special("Coroutine")
Sequence = _Special("Sequence")
MutableSequence = _Special("MutableSequence")
Mapping = _Special("Mapping")
MutableMapping = _Special("MutableMapping")
AbstractSet = _Special("AbstractSet")
MutableSet = _Special("MutableSet")
Collection = _Special("Collection")
Container = _Special("Container")
Hashable = _Special("Hashable")
Sized = _Special("Sized")
Reversible = _Special("Reversible")
ContextManager = _Special("ContextManager")
AsyncContextManager = _Special("AsyncContextManager")
Deque = _Special("Deque")
DefaultDict = _Special("DefaultDict")
OrderedDict = _Special("OrderedDict")
Counter = _Special("Counter")
ChainMap = _Special("ChainMap")
ClassVar = _Special("ClassVar")
Final = _Special("Final")
Literal = _Special("Literal")
Annotated = _Special("Annotated")
NoReturn = _Special("NoReturn")
Never = _Special("Never")
Self = _Special("Self")
LiteralString = _Special("LiteralString")
TypeAlias = _Special("TypeAlias")
TypeGuard = _Special("TypeGuard")
Concatenate = _Special("Concatenate")
Required = _Special("Required")
NotRequired = _Special("NotRequired")
Unpack = _Special("Unpack")
IO = _Special("IO")
TextIO = _Special("TextIO")
BinaryIO = _Special("BinaryIO")
Pattern = _Special("Pattern")
Match = _Special("Match")
SupportsInt = _Special("SupportsInt")
SupportsFloat = _Special("SupportsFloat")
SupportsIndex = _Special("SupportsIndex")
SupportsAbs = _Special("SupportsAbs")
Text = str
TYPE_CHECKING = False

class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant
    def __or__(self, other):
        return Union[self, other]
    def __ror__(self, other):
        return Union[other, self]
    def __repr__(self):
        if self.__covariant__:
            return "+" + self.__name__
        if self.__contravariant__:
            return "-" + self.__name__
        return "~" + self.__name__

AnyStr = TypeVar("AnyStr", bytes, str)

class ParamSpec:
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.args = _Special(name + ".args")
        self.kwargs = _Special(name + ".kwargs")
    def __repr__(self):
        return "~" + self.__name__

class TypeVarTuple:
    def __init__(self, name):
        self.__name__ = name
    def __repr__(self):
        return self.__name__

class Generic:
    def __class_getitem__(cls, params):
        return cls

class Protocol:
    def __class_getitem__(cls, params):
        return cls

def runtime_checkable(cls):
    return cls

def _nt_fields(cls):
    fields = []
    for klass in reversed(cls.__mro__):
        for name in klass.__dict__.get("__annotations__", {}):
            if name not in fields:
                fields.append(name)
    return fields

class NamedTuple:
    """class P(NamedTuple): x: int; y: int = 0 — immutable records with tuple behaviour."""
    def __new__(cls, *args, **kwargs):
        if cls is NamedTuple:
            import collections
            typename = args[0]
            fields = args[1] if len(args) > 1 else list(kwargs.items())
            return collections.namedtuple(typename, [f for f, _ in fields])
        fields = _nt_fields(cls)
        fn = cls.__name__ + ".__new__()"
        if len(args) > len(fields):
            raise TypeError("%s takes %d positional arguments but %d were given"
                            % (fn, len(fields) + 1, len(args) + 1))
        values = list(args)
        missing = []
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif hasattr(cls, name):
                values.append(getattr(cls, name))
            else:
                missing.append(name)
        for k in kwargs:
            if k in fields:
                raise TypeError("%s got multiple values for argument '%s'" % (fn, k))
            raise TypeError("%s got an unexpected keyword argument '%s'" % (fn, k))
        if missing:
            q = ["'%s'" % m for m in missing]
            joined = q[0] if len(q) == 1 else (" and ".join(q) if len(q) == 2 else ", ".join(q[:-1]) + ", and " + q[-1])
            raise TypeError("%s missing %d required positional argument%s: %s"
                            % (fn, len(missing), "" if len(missing) == 1 else "s", joined))
        self = object.__new__(cls)
        object.__setattr__(self, "_t", tuple(values))
        for name, v in zip(fields, values):
            object.__setattr__(self, name, v)
        return self
    def __setattr__(self, name, value):
        raise AttributeError("can't set attribute")
    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)
    @property
    def _fields(self):
        return tuple(_nt_fields(type(self)))
    def _asdict(self):
        return dict(zip(_nt_fields(type(self)), self._t))
    def _replace(self, **kw):
        d = self._asdict()
        for k in kw:
            if k not in d:
                raise ValueError("Got unexpected field names: %r" % (list(kw),))
        d.update(kw)
        return type(self)(**d)
    def __iter__(self):
        return iter(self._t)
    def __getitem__(self, i):
        return self._t[i]
    def __len__(self):
        return len(self._t)
    def __eq__(self, other):
        o = other._t if isinstance(other, NamedTuple) else other
        return self._t == o
    def __lt__(self, other):
        return self._t < (other._t if isinstance(other, NamedTuple) else other)
    def __hash__(self):
        return hash(self._t)
    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(
            "%s=%r" % (f, v) for f, v in zip(_nt_fields(type(self)), self._t)))

class TypedDict:
    """class Movie(TypedDict): name: str — calling Movie(...) makes a plain dict."""
    def __new__(cls, *args, **kwargs):
        if cls is TypedDict:
            name = args[0]
            fields = args[1] if len(args) > 1 else {}
            return type(name, (TypedDict,), {"__annotations__": dict(fields)})
        return dict(*args, **kwargs)

def cast(typ, val):
    return val

def assert_type(val, typ):
    return val

def reveal_type(obj):
    return obj

def assert_never(arg):
    raise AssertionError("Expected code to be unreachable")

def overload(func):
    return func

def final(f):
    return f

def no_type_check(f):
    return f

def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for klass in reversed(obj.__mro__):
            hints.update(klass.__dict__.get("__annotations__", {}))
        return hints
    return dict(getattr(obj, "__annotations__", {}))

def get_origin(tp):
    return getattr(tp, "__origin__", None)

def get_args(tp):
    return getattr(tp, "__args__", ())

class NewType:
    def __init__(self, name, tp):
        self.__name__ = name
        self.__supertype__ = tp
    def __call__(self, x):
        return x
    def __repr__(self):
        return "__main__." + self.__name__
