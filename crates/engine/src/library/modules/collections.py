
class deque:
    def __init__(self, iterable=(), maxlen=None):
        self._items = []
        self.maxlen = maxlen
        for x in iterable:
            self.append(x)
    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop(0)
    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
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
        for x in it:
            self.append(x)
    def extendleft(self, it):
        for x in it:
            self.appendleft(x)
    def rotate(self, n=1):
        if self._items:
            n %= len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n]
    def clear(self):
        self._items.clear()
    def remove(self, x):
        self._items.remove(x)
    def count(self, x):
        return self._items.count(x)
    def index(self, x):
        return self._items.index(x)
    def copy(self):
        return deque(self._items, self.maxlen)
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(list(self._items))
    def __reversed__(self):
        return reversed(list(self._items))
    def __getitem__(self, i):
        return self._items[i]
    def __setitem__(self, i, v):
        self._items[i] = v
    def __contains__(self, x):
        return x in self._items
    def __bool__(self):
        return bool(self._items)
    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items
    def __repr__(self):
        if self.maxlen is None:
            return "deque(%r)" % (self._items,)
        return "deque(%r, maxlen=%d)" % (self._items, self.maxlen)

class _DictWrapper:
    def __init__(self, *args, **kwargs):
        self._d = dict(*args, **kwargs)
    def __getitem__(self, k):
        return self._d[k]
    def __setitem__(self, k, v):
        self._d[k] = v
    def __delitem__(self, k):
        del self._d[k]
    def __contains__(self, k):
        return k in self._d
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
    def __bool__(self):
        return bool(self._d)
    def __eq__(self, other):
        if isinstance(other, _DictWrapper):
            return self._d == other._d
        return self._d == other
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
    def update(self, *a, **k):
        self._d.update(*a, **k)
    def clear(self):
        self._d.clear()
    def copy(self):
        n = self.__class__.__new__(self.__class__)
        n.__dict__.update(self.__dict__)
        n._d = self._d.copy()
        return n

class defaultdict(_DictWrapper):
    def __init__(self, default_factory=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory
    def __getitem__(self, k):
        if k in self._d:
            return self._d[k]
        return self.__missing__(k)
    def __missing__(self, k):
        if self.default_factory is None:
            raise KeyError(k)
        v = self.default_factory()
        self._d[k] = v
        return v
    def __repr__(self):
        return "defaultdict(%r, %r)" % (self.default_factory, self._d)

class OrderedDict(_DictWrapper):
    def move_to_end(self, k, last=True):
        v = self._d.pop(k)
        if last:
            self._d[k] = v
        else:
            items = list(self._d.items())
            self._d.clear()
            self._d[k] = v
            self._d.update(items)
    def __repr__(self):
        return "OrderedDict(%r)" % (self._d,)

class Counter(_DictWrapper):
    def __init__(self, iterable=None, **kwargs):
        super().__init__()
        if iterable is not None:
            self.update(iterable)
        if kwargs:
            self.update(kwargs)
    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, (dict, _DictWrapper)):
                for k, v in iterable.items():
                    self._d[k] = self._d.get(k, 0) + v
            else:
                for x in iterable:
                    self._d[x] = self._d.get(x, 0) + 1
        for k, v in kwargs.items():
            self._d[k] = self._d.get(k, 0) + v
    def __getitem__(self, k):
        return self._d.get(k, 0)
    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]
    def elements(self):
        for k, v in self._d.items():
            for _ in range(v):
                yield k
    def total(self):
        return sum(self._d.values())
    def __repr__(self):
        if not self._d:
            return "Counter()"
        return "Counter({%s})" % ", ".join("%r: %r" % kv for kv in self.most_common())

def namedtuple(typename, field_names, defaults=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    class _NT:
        __slots__ = ()
        _fields = fields
        def __init__(self, *args, **kwargs):
            vals = list(args)
            for f in fields[len(args):]:
                vals.append(kwargs[f])
            for f, v in zip(fields, vals):
                setattr(self, f, v)
        def __iter__(self):
            return iter([getattr(self, f) for f in fields])
        def __getitem__(self, i):
            return [getattr(self, f) for f in fields][i]
        def __len__(self):
            return len(fields)
        def __eq__(self, other):
            return tuple(self) == tuple(other)
        def __hash__(self):
            return hash(tuple(self))
        def _asdict(self):
            return {f: getattr(self, f) for f in fields}
        def _replace(self, **kw):
            d = self._asdict()
            d.update(kw)
            return self.__class__(**d)
        def __repr__(self):
            return "%s(%s)" % (typename, ", ".join("%s=%r" % (f, getattr(self, f)) for f in fields))
    _NT.__name__ = typename
    _NT.__qualname__ = typename
    return _NT
