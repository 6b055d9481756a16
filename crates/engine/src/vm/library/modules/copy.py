"""copy: shallow and deep copies (copy.copy, copy.deepcopy with cycles,
__copy__ and __deepcopy__)."""


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, str, bytes, type, range,
           type(len), type(Ellipsis), type(NotImplemented))


_unpicklable = ("module", "generator", "coroutine", "async_generator")


def _refuse(x):
    name = type(x).__name__
    if name in _unpicklable:
        raise TypeError(f"cannot pickle '{name}' object")


def _new_like(x):
    cls = type(x)
    y = object.__new__(cls)
    return y


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if isinstance(x, _atomic) or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    c = getattr(cls, "__copy__", None)
    if c is not None:
        return c(x)
    _refuse(x)
    if isinstance(x, type) or type(x).__name__ in ("function", "builtin_function_or_method"):
        return x
    if hasattr(x, "__dict__"):
        y = _new_like(x)
        for k, v in vars(x).items():
            setattr(y, k, v)
        return y
    raise Error(f"un(shallow)copyable object of type {cls}")


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    _refuse(x)
    if isinstance(x, _atomic) or type(x).__name__ in ("function", "builtin_function_or_method"):
        return x
    if cls is list:
        y = []
        memo[d] = y
        _keep_alive(x, memo)
        for a in x:
            y.append(deepcopy(a, memo))
        return y
    if cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        # A tuple holding itself (through a list) was copied meanwhile.
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(x, y)):
            y = x
        else:
            y = tuple(y)
        memo[d] = y
        _keep_alive(x, memo)
        return y
    if cls is dict:
        y = {}
        memo[d] = y
        _keep_alive(x, memo)
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
        return y
    if cls is set or cls is frozenset:
        y = cls(deepcopy(a, memo) for a in x)
        memo[d] = y
        _keep_alive(x, memo)
        return y
    c = getattr(x, "__deepcopy__", None)
    if c is not None:
        y = c(memo)
    elif hasattr(x, "__dict__"):
        y = _new_like(x)
        memo[d] = y
        _keep_alive(x, memo)
        for k, v in vars(x).items():
            setattr(y, k, deepcopy(v, memo))
        return y
    else:
        raise Error(f"un(deep)copyable object of type {cls}")
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # As CPython does: the originals stay referenced from the memo, so their
    # ids are not reused while it is in use.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
