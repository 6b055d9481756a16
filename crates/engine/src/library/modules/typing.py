
class _Special:
    def __init__(self, name):
        self._name = name
    def __getitem__(self, params):
        return self
    def __call__(self, *args, **kwargs):
        return args[0] if args else None
    def __repr__(self):
        return "typing." + self._name
    def __or__(self, other):
        return self
    def __ror__(self, other):
        return self

Any = _Special("Any")
Union = _Special("Union")
Optional = _Special("Optional")
List = _Special("List")
Dict = _Special("Dict")
Set = _Special("Set")
FrozenSet = _Special("FrozenSet")
Tuple = _Special("Tuple")
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
Mapping = _Special("Mapping")
Type = _Special("Type")
ClassVar = _Special("ClassVar")
Final = _Special("Final")
Literal = _Special("Literal")
NoReturn = _Special("NoReturn")
Annotated = _Special("Annotated")
TYPE_CHECKING = False

def TypeVar(name, *constraints, **kwargs):
    return _Special(name)

class Generic:
    def __class_getitem__(cls, params):
        return cls

class Protocol:
    def __class_getitem__(cls, params):
        return cls

class NamedTuple:
    pass

def cast(typ, value):
    return value

def overload(func):
    return func

def final(func):
    return func

def NewType(name, tp):
    return lambda x: x
