# weakref: ref, WeakValueDictionary, WeakKeyDictionary, WeakSet over the
# native _weakref (real weak references: Looplab counts references, so an
# object dies as soon as its last strong reference goes). Callbacks are
# not supported.
import _weakref

class ReferenceType:
    def __init__(self, obj, callback=None):
        if callback is not None:
            raise NotImplementedError("weakref callbacks are not supported in Looplab")
        self._key = _weakref.new(obj)
        self._hash = None
    def __call__(self):
        return _weakref.get(self._key)
    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b
    def __hash__(self):
        if self._hash is None:
            obj = self()
            if obj is None:
                raise TypeError("weak object has gone away")
            self._hash = hash(obj)
        return self._hash
    def __repr__(self):
        obj = self()
        if obj is None:
            return "<weakref at %s; dead>" % hex(id(self))
        return "<weakref at %s; to '%s' at %s>" % (hex(id(self)), type(obj).__qualname__, hex(id(obj)))

ref = ReferenceType

def getweakrefcount(obj):
    return 0

class WeakValueDictionary:
    def __init__(self, other=(), **kw):
        self._d = {}
        self.update(other, **kw)
    def _live(self):
        out = []
        for k, r in list(self._d.items()):
            v = r()
            if v is None:
                del self._d[k]
            else:
                out.append((k, v))
        return out
    def __setitem__(self, key, value):
        self._d[key] = ref(value)
    def __getitem__(self, key):
        v = self._d[key]()
        if v is None:
            del self._d[key]
            raise KeyError(key)
        return v
    def __delitem__(self, key):
        del self._d[key]
    def get(self, key, default=None):
        r = self._d.get(key)
        v = None if r is None else r()
        return default if v is None else v
    def __contains__(self, key):
        r = self._d.get(key)
        return r is not None and r() is not None
    def __len__(self):
        return len(self._live())
    def __iter__(self):
        return iter([k for k, v in self._live()])
    def keys(self):
        return [k for k, v in self._live()]
    def values(self):
        return [v for k, v in self._live()]
    def items(self):
        return self._live()
    def pop(self, key, *default):
        r = self._d.pop(key, None)
        v = None if r is None else r()
        if v is None:
            if default:
                return default[0]
            raise KeyError(key)
        return v
    def setdefault(self, key, default=None):
        v = self.get(key)
        if v is None:
            self[key] = default
            return default
        return v
    def update(self, other=(), **kw):
        items = other.items() if hasattr(other, "items") else other
        for k, v in items:
            self[k] = v
        for k, v in kw.items():
            self[k] = v
    def copy(self):
        return WeakValueDictionary(self.items())
    def __repr__(self):
        return "<WeakValueDictionary at %s>" % hex(id(self))

class WeakKeyDictionary:
    def __init__(self, other=()):
        self._d = {}
        items = other.items() if hasattr(other, "items") else other
        for k, v in items:
            self[k] = v
    def _live(self):
        out = []
        for i, (r, v) in list(self._d.items()):
            k = r()
            if k is None:
                del self._d[i]
            else:
                out.append((k, v))
        return out
    def __setitem__(self, key, value):
        self._d[id(key)] = (ref(key), value)
    def __getitem__(self, key):
        e = self._d.get(id(key))
        if e is None or e[0]() is not key:
            raise KeyError(key)
        return e[1]
    def __delitem__(self, key):
        self[key]
        del self._d[id(key)]
    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default
    def __contains__(self, key):
        e = self._d.get(id(key))
        return e is not None and e[0]() is key
    def __len__(self):
        return len(self._live())
    def __iter__(self):
        return iter([k for k, v in self._live()])
    def keys(self):
        return [k for k, v in self._live()]
    def values(self):
        return [v for k, v in self._live()]
    def items(self):
        return self._live()
    def __repr__(self):
        return "<WeakKeyDictionary at %s>" % hex(id(self))

class WeakSet:
    def __init__(self, data=()):
        self._d = WeakKeyDictionary()
        for x in data:
            self.add(x)
    def add(self, x):
        self._d[x] = True
    def discard(self, x):
        if x in self._d:
            del self._d[x]
    def remove(self, x):
        del self._d[x]
    def __contains__(self, x):
        return x in self._d
    def __len__(self):
        return len(self._d)
    def __iter__(self):
        return iter(self._d.keys())
