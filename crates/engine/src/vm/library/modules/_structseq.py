"""Tuple-like records with named fields, as CPython's struct sequences
(time.struct_time, sys.version_info): indexable, iterable, comparable with
tuples, read-only attributes, repr `module.name(field=value, ...)`."""


class StructSeq:
    _fields = ()
    _extra = ()
    _name = ""

    def __init__(self, seq, dict=None):
        values = tuple(seq)
        n = len(self._fields)
        m = n + len(self._extra)
        if len(values) < n:
            if len(self._extra):
                raise TypeError(f"{self._name}() takes an at least {n}-sequence "
                                f"({len(values)}-sequence given)")
            raise TypeError(f"{self._name}() takes a {n}-sequence "
                            f"({len(values)}-sequence given)")
        if len(values) > m:
            if len(self._extra):
                raise TypeError(f"{self._name}() takes an at most {m}-sequence "
                                f"({len(values)}-sequence given)")
            raise TypeError(f"{self._name}() takes a {n}-sequence "
                            f"({len(values)}-sequence given)")
        extra = list(values[n:]) + [None] * (m - len(values))
        if dict:
            for i, name in enumerate(self._extra):
                if name in dict:
                    extra[i] = dict[name]
        object.__setattr__(self, "_values", values[:n])
        for name, v in zip(self._fields, values[:n]):
            object.__setattr__(self, name, v)
        for name, v in zip(self._extra, extra):
            object.__setattr__(self, name, v)

    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in zip(self._fields, self._values))
        return f"{self._name}({inner})"

    def __len__(self):
        return len(self._values)

    def __getitem__(self, i):
        return self._values[i]

    def __iter__(self):
        return iter(self._values)

    def __contains__(self, x):
        return x in self._values

    def __hash__(self):
        return hash(self._values)

    def __eq__(self, other):
        return self._values == _tuple_of(other)

    def __ne__(self, other):
        return self._values != _tuple_of(other)

    def __lt__(self, other):
        return self._values < _tuple_of(other)

    def __le__(self, other):
        return self._values <= _tuple_of(other)

    def __gt__(self, other):
        return self._values > _tuple_of(other)

    def __ge__(self, other):
        return self._values >= _tuple_of(other)

    def __add__(self, other):
        return self._values + _tuple_of(other)

    def __radd__(self, other):
        return _tuple_of(other) + self._values

    def count(self, x):
        return self._values.count(x)

    def index(self, x, *args):
        return self._values.index(x, *args)

    def __reduce__(self):
        return (type(self), (self._values,))


def _tuple_of(other):
    if isinstance(other, StructSeq):
        return other._values
    if isinstance(other, tuple):
        return other
    raise TypeError("can only compare with a tuple")


def make(qualname, name, fields, extra=()):
    """A new struct sequence type `name` whose repr says `qualname`."""

    class T(StructSeq):
        pass

    T.__name__ = name
    T.__qualname__ = name
    T._name = qualname
    T._fields = tuple(fields)
    T._extra = tuple(extra)
    T.n_sequence_fields = len(fields)
    T.n_fields = len(fields) + len(extra)
    T.n_unnamed_fields = 0
    return T


version_info = make("sys.version_info", "version_info",
                    ["major", "minor", "micro", "releaselevel", "serial"])((3, 11, 7, "final", 0))
