# collections: deque, Counter, defaultdict, OrderedDict, namedtuple,
# ChainMap, written from the documented behaviour. Looplab cannot subclass
# dict or tuple yet, so the mappings wrap a dict and namedtuple wraps a
# tuple: they behave like CPython's except that isinstance(x, dict/tuple)
# is False.

_MISSING = object()

class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._items = []
        self._maxlen = maxlen
        self.extend(iterable)
    @property
    def maxlen(self):
        return self._maxlen
    def append(self, x):
        self._items.append(x)
        if self._maxlen is not None and len(self._items) > self._maxlen:
            self._items.pop(0)
    def appendleft(self, x):
        self._items.insert(0, x)
        if self._maxlen is not None and len(self._items) > self._maxlen:
            self._items.pop()
    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()
    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)
    def extend(self, it):
        if it is self:
            it = list(self._items)
        for x in it:
            self.append(x)
    def extendleft(self, it):
        if it is self:
            it = list(self._items)
        for x in it:
            self.appendleft(x)
    def rotate(self, n=1):
        if self._items:
            n %= len(self._items)
            if n:
                self._items[:] = self._items[-n:] + self._items[:-n]
    def clear(self):
        self._items.clear()
    def remove(self, x):
        if x not in self._items:
            raise ValueError("%r is not in deque" % (x,))
        self._items.remove(x)
    def count(self, x):
        return self._items.count(x)
    def index(self, x, start=0, stop=None):
        items = self._items
        if stop is None:
            stop = len(items)
        for i in range(len(items))[start:stop]:
            if items[i] == x:
                return i
        raise ValueError("%r is not in deque" % (x,))
    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._items.insert(i, x)
    def reverse(self):
        self._items.reverse()
    def copy(self):
        return deque(self._items, self._maxlen)
    __copy__ = copy
    def _check(self, i):
        if not isinstance(i, int):
            raise TypeError("sequence index must be integer, not '%s'" % type(i).__name__)
        n = len(self._items)
        if i < -n or i >= n:
            raise IndexError("deque index out of range")
    def __getitem__(self, i):
        self._check(i)
        return self._items[i]
    def __setitem__(self, i, v):
        self._check(i)
        self._items[i] = v
    def __delitem__(self, i):
        self._check(i)
        del self._items[i]
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(list(self._items))
    def __reversed__(self):
        return reversed(list(self._items))
    def __contains__(self, x):
        return x in self._items
    def __bool__(self):
        return bool(self._items)
    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        return deque(self._items + other._items, self._maxlen)
    def __iadd__(self, other):
        self.extend(other)
        return self
    def __mul__(self, n):
        return deque(self._items * n, self._maxlen)
    __rmul__ = __mul__
    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items
    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items != other._items
    def __lt__(self, other):
        return self._items < other._items
    def __le__(self, other):
        return self._items <= other._items
    def __gt__(self, other):
        return self._items > other._items
    def __ge__(self, other):
        return self._items >= other._items
    __hash__ = None
    def __repr__(self):
        if self._maxlen is None:
            return "deque(%r)" % (self._items,)
        return "deque(%r, maxlen=%d)" % (self._items, self._maxlen)

class _DictWrapper:
    def __init__(self, *args, **kwargs):
        self._d = {}
        if args or kwargs:
            self.update(*args, **kwargs)
    def __getitem__(self, k):
        try:
            return self._d[k]
        except KeyError:
            return self.__missing__(k)
    def __missing__(self, k):
        raise KeyError(k)
    def __setitem__(self, k, v):
        self._d[k] = v
    def __delitem__(self, k):
        del self._d[k]
    def __contains__(self, k):
        return k in self._d
    def __iter__(self):
        return iter(self._d)
    def __reversed__(self):
        return reversed(list(self._d))
    def __len__(self):
        return len(self._d)
    def __bool__(self):
        return bool(self._d)
    def __eq__(self, other):
        if isinstance(other, _DictWrapper):
            return self._d == other._d
        return self._d == other
    def __ne__(self, other):
        return not self == other
    __hash__ = None
    def __or__(self, other):
        n = self.copy()
        n.update(other)
        return n
    def __ior__(self, other):
        self.update(other)
        return self
    def get(self, k, default=None):
        return self._d.get(k, default)
    def keys(self):
        return self._d.keys()
    def values(self):
        return self._d.values()
    def items(self):
        return self._d.items()
    def pop(self, *a):
        return self._d.pop(*a)
    def popitem(self):
        return self._d.popitem()
    def setdefault(self, k, v=None):
        return self._d.setdefault(k, v)
    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError("update expected at most 1 argument, got %d" % len(args))
        if args:
            other = args[0]
            if isinstance(other, _DictWrapper):
                other = other._d
            self._d.update(other)
        if kwargs:
            self._d.update(kwargs)
    def clear(self):
        self._d.clear()
    def copy(self):
        n = self.__class__.__new__(self.__class__)
        n.__dict__.update(self.__dict__)
        n._d = self._d.copy()
        return n
    __copy__ = copy
    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._d)

class defaultdict(_DictWrapper):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory
    def __missing__(self, k):
        if self.default_factory is None:
            raise KeyError(k)
        v = self.default_factory()
        self._d[k] = v
        return v
    def __repr__(self):
        f = self.default_factory
        return "%s(%s, %r)" % (type(self).__name__, "None" if f is None else repr(f), self._d)

class OrderedDict(_DictWrapper):
    def move_to_end(self, key, last=True):
        v = self._d.pop(key)
        if last:
            self._d[key] = v
        else:
            items = list(self._d.items())
            self._d.clear()
            self._d[key] = v
            self._d.update(items)
    def popitem(self, last=True):
        if not self._d:
            raise KeyError("dictionary is empty")
        if last:
            return self._d.popitem()
        k = next(iter(self._d))
        return (k, self._d.pop(k))
    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._d.items()) == list(other._d.items())
        return _DictWrapper.__eq__(self, other)
    @classmethod
    def fromkeys(cls, iterable, value=None):
        n = cls()
        for k in iterable:
            n[k] = value
        return n
    def __repr__(self):
        if not self._d:
            return "%s()" % type(self).__name__
        return "%s(%r)" % (type(self).__name__, list(self._d.items()))

class Counter(_DictWrapper):
    def __init__(self, iterable=None, **kwargs):
        self._d = {}
        self.update(iterable, **kwargs)
    def __missing__(self, k):
        return 0
    def __delitem__(self, k):
        if k in self._d:
            del self._d[k]
    def update(self, iterable=None, **kwargs):
        d = self._d
        if iterable is not None:
            if isinstance(iterable, (dict, _DictWrapper)):
                for k, v in iterable.items():
                    d[k] = d.get(k, 0) + v
            else:
                for x in iterable:
                    d[x] = d.get(x, 0) + 1
        for k, v in kwargs.items():
            d[k] = d.get(k, 0) + v
    def subtract(self, iterable=None, **kwargs):
        d = self._d
        if iterable is not None:
            if isinstance(iterable, (dict, _DictWrapper)):
                for k, v in iterable.items():
                    d[k] = d.get(k, 0) - v
            else:
                for x in iterable:
                    d[x] = d.get(x, 0) - 1
        for k, v in kwargs.items():
            d[k] = d.get(k, 0) - v
    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:max(n, 0)]
    def elements(self):
        for k, v in list(self._d.items()):
            for _ in range(v):
                yield k
    def total(self):
        return sum(self._d.values())
    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")
    def _keys_with(self, other):
        ks = list(self._d)
        for k in other:
            if k not in self._d:
                ks.append(k)
        return ks
    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[k] == other[k] for k in self._keys_with(other))
    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other
    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[k] <= other[k] for k in self._keys_with(other))
    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other
    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return other <= self
    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return other < self
    def _combine(self, other, op):
        if not isinstance(other, Counter):
            return NotImplemented
        r = Counter()
        for k in self._keys_with(other):
            v = op(self[k], other[k])
            if v > 0:
                r._d[k] = v
        return r
    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b)
    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b)
    def __or__(self, other):
        return self._combine(other, max)
    def __and__(self, other):
        return self._combine(other, min)
    def __pos__(self):
        r = Counter()
        for k, v in self._d.items():
            if v > 0:
                r._d[k] = v
        return r
    def __neg__(self):
        r = Counter()
        for k, v in self._d.items():
            if v < 0:
                r._d[k] = -v
        return r
    def __iadd__(self, other):
        for k, v in other.items():
            self._d[k] = self[k] + v
        return self._keep_positive()
    def __isub__(self, other):
        for k, v in other.items():
            self._d[k] = self[k] - v
        return self._keep_positive()
    def _keep_positive(self):
        for k in [k for k, v in self._d.items() if not v > 0]:
            del self._d[k]
        return self
    def __repr__(self):
        if not self._d:
            return "%s()" % type(self).__name__
        try:
            d = dict(self.most_common())
        except TypeError:
            d = self._d
        return "%s(%r)" % (type(self).__name__, d)

class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]
    def __getitem__(self, k):
        for m in self.maps:
            if k in m:
                return m[k]
        return self.__missing__(k)
    def __missing__(self, k):
        raise KeyError(k)
    def get(self, k, default=None):
        return self[k] if k in self else default
    def __contains__(self, k):
        return any(k in m for m in self.maps)
    def _merged(self):
        d = {}
        for m in reversed(self.maps):
            for k in m:
                d[k] = None
        return d
    def __iter__(self):
        return iter(self._merged())
    def __len__(self):
        return len(self._merged())
    def __bool__(self):
        return any(self.maps)
    def keys(self):
        return list(self._merged())
    def items(self):
        return [(k, self[k]) for k in self._merged()]
    def values(self):
        return [self[k] for k in self._merged()]
    def __setitem__(self, k, v):
        self.maps[0][k] = v
    def __delitem__(self, k):
        try:
            del self.maps[0][k]
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (k,)) from None
    def pop(self, k, *default):
        try:
            return self.maps[0].pop(k, *default)
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (k,)) from None
    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.") from None
    def clear(self):
        self.maps[0].clear()
    def setdefault(self, k, v=None):
        if k not in self:
            self[k] = v
        return self[k]
    def update(self, *args, **kwargs):
        self.maps[0].update(*args, **kwargs)
    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)
    @property
    def parents(self):
        return self.__class__(*self.maps[1:])
    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])
    __copy__ = copy
    def __eq__(self, other):
        if isinstance(other, ChainMap):
            other = dict(other.items())
        return dict(self.items()) == other
    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(repr(m) for m in self.maps))

def _count_args(n):
    return "argument" if n == 1 else "arguments"

def _names(names):
    q = ["'%s'" % n for n in names]
    if len(q) == 1:
        return q[0]
    if len(q) == 2:
        return "%s and %s" % (q[0], q[1])
    return "%s, and %s" % (", ".join(q[:-1]), q[-1])

def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = [str(f) for f in field_names]
    typename = str(typename)
    if rename:
        seen = set()
        for i, name in enumerate(field_names):
            if (not name.isidentifier() or name.startswith("_") or name in seen
                    or name in _KEYWORDS):
                field_names[i] = "_%d" % i
            seen.add(name)
    for name in [typename] + field_names:
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: %r" % (name,))
        if name in _KEYWORDS:
            raise ValueError("Type names and field names cannot be a keyword: %r" % (name,))
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: %r" % (name,))
        if name in seen:
            raise ValueError("Encountered duplicate field name: %r" % (name,))
        seen.add(name)
    fields = tuple(field_names)
    nf = len(fields)
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > nf:
            raise TypeError("Got more default values than field names")
    else:
        defaults = ()
    field_defaults = dict(zip(fields[nf - len(defaults):], defaults))

    def build(cls, args, kwargs):
        fn = typename + ".__new__()"
        if len(args) > nf:
            if defaults:
                raise TypeError("%s takes from %d to %d positional arguments but %d were given"
                                % (fn, nf - len(defaults) + 1, nf + 1, len(args) + 1))
            raise TypeError("%s takes %d positional %s but %d were given"
                            % (fn, nf + 1, _count_args(nf + 1), len(args) + 1))
        vals = list(args)
        for k in kwargs:
            if k not in fields:
                raise TypeError("%s got an unexpected keyword argument '%s'" % (fn, k))
            if fields.index(k) < len(args):
                raise TypeError("%s got multiple values for argument '%s'" % (fn, k))
        missing = []
        for f in fields[len(args):]:
            if f in kwargs:
                vals.append(kwargs[f])
            elif f in field_defaults:
                vals.append(field_defaults[f])
            else:
                missing.append(f)
        if missing:
            raise TypeError("%s missing %d required positional %s: %s"
                            % (fn, len(missing), _count_args(len(missing)), _names(missing)))
        self = object.__new__(cls)
        object.__setattr__(self, "_t", tuple(vals))
        return self

    class _NT:
        _fields = fields
        _field_defaults = field_defaults
        def __new__(cls, *args, **kwargs):
            return build(cls, args, kwargs)
        def __getattr__(self, name):
            if name in fields:
                return self._t[fields.index(name)]
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))
        def __setattr__(self, name, value):
            if name in fields:
                raise AttributeError("can't set attribute")
            if type(self) is NT:
                raise AttributeError("'%s' object has no attribute '%s'" % (typename, name))
            object.__setattr__(self, name, value)
        @classmethod
        def _make(cls, iterable):
            t = tuple(iterable)
            if len(t) != nf:
                raise TypeError("Expected %d arguments, got %d" % (nf, len(t)))
            return build(cls, t, {})
        def _replace(self, **kw):
            vals = [kw.pop(f, v) for f, v in zip(fields, self._t)]
            if kw:
                raise ValueError("Got unexpected field names: %r" % (list(kw),))
            return build(type(self), vals, {})
        def _asdict(self):
            return dict(zip(fields, self._t))
        def __getnewargs__(self):
            return self._t
        def __iter__(self):
            return iter(self._t)
        def __getitem__(self, i):
            return self._t[i]
        def __len__(self):
            return nf
        def __contains__(self, x):
            return x in self._t
        def count(self, x):
            return self._t.count(x)
        def index(self, x, *a):
            return self._t.index(x, *a)
        def _other(self, other):
            if isinstance(other, tuple):
                return other
            t = getattr(other, "_t", None)
            if isinstance(t, tuple) and hasattr(type(other), "_fields"):
                return t
            return None
        def __eq__(self, other):
            o = self._other(other)
            return NotImplemented if o is None else self._t == o
        def __ne__(self, other):
            o = self._other(other)
            return NotImplemented if o is None else self._t != o
        def __lt__(self, other):
            o = self._other(other)
            return NotImplemented if o is None else self._t < o
        def __le__(self, other):
            o = self._other(other)
            return NotImplemented if o is None else self._t <= o
        def __gt__(self, other):
            o = self._other(other)
            return NotImplemented if o is None else self._t > o
        def __ge__(self, other):
            o = self._other(other)
            return NotImplemented if o is None else self._t >= o
        def __hash__(self):
            return hash(self._t)
        def __add__(self, other):
            return self._t + tuple(other)
        def __mul__(self, n):
            return self._t * n
        def __repr__(self):
            return "%s(%s)" % (type(self).__name__,
                               ", ".join("%s=%r" % (f, v) for f, v in zip(fields, self._t)))
    NT = _NT
    NT.__name__ = typename
    NT.__qualname__ = typename
    if module is not None:
        NT.__module__ = module
    return NT

_KEYWORDS = {"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
             "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
             "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
             "return", "try", "while", "with", "yield"}

class UserDict(_DictWrapper):
    @property
    def data(self):
        return self._d

class UserList:
    def __init__(self, initlist=None):
        self.data = [] if initlist is None else list(initlist)
    def __getattr__(self, name):
        return getattr(self.data, name)
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i]
    def __setitem__(self, i, v):
        self.data[i] = v
    def __iter__(self):
        return iter(self.data)
    def __contains__(self, x):
        return x in self.data
    def __eq__(self, other):
        return self.data == (other.data if isinstance(other, UserList) else other)
    def __repr__(self):
        return repr(self.data)
