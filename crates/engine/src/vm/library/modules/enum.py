# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, written from
# the documented behaviour of CPython 3.11. Looplab has no metaclasses yet:
# members are made by Enum.__init_subclass__, and the class-level
# operations (iteration, len, `in`, repr) use the VM's __class_iter__,
# __class_len__, __class_contains__ and __class_repr__ hooks. IntEnum and
# StrEnum members are not real int/str instances (isinstance says False)
# but compare, hash, format and compute like their values.

class auto:
    def __init__(self):
        self.value = _AUTO
    def __repr__(self):
        return "auto(%r)" % (self.value,)

_AUTO = object()

class _MappingProxy:
    def __init__(self, d):
        self._d = d
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
    def __contains__(self, k):
        return k in self._d
    def keys(self):
        return self._d.keys()
    def values(self):
        return self._d.values()
    def items(self):
        return self._d.items()
    def get(self, k, default=None):
        return self._d.get(k, default)
    def __repr__(self):
        return "mappingproxy(%r)" % (self._d,)

def _is_descriptor(v):
    return callable(v) or type(v).__name__ in ("property", "classmethod", "staticmethod")

def _is_member_name(cls, name):
    if name.startswith("__") and name.endswith("__"):
        return False
    if len(name) > 2 and name.startswith("_") and name.endswith("_") and name[1] != "_":
        return False
    if name.startswith("_" + cls.__name__ + "__"):
        return False
    return True

class Enum:
    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}
    _kind_ = "enum"

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    def __init_subclass__(cls, **kwargs):
        members = [(k, v) for k, v in list(cls.__dict__.items())
                   if _is_member_name(cls, k) and not _is_descriptor(v)]
        ignore = cls.__dict__.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        for name in ignore:
            if name in cls.__dict__:
                delattr(cls, name)
        members = [(k, v) for k, v in members if k not in ignore]
        for base in cls.__mro__[1:]:
            if base.__dict__.get("_member_names_"):
                raise TypeError("<enum %r> cannot extend <enum %r>" % (cls.__name__, base.__name__))
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        cls._unhashable_ = []
        last_values = []
        gen = cls._generate_next_value_
        user_init = None
        for klass in cls.__mro__:
            if "__init__" in klass.__dict__:
                if klass.__module__ != __name__:
                    user_init = klass.__dict__["__init__"]
                break
        for name, value in members:
            if isinstance(value, auto):
                if value.value is _AUTO:
                    value.value = gen(name, 1, len(cls._member_names_), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(x, auto) for x in value):
                value = tuple(gen(name, 1, len(cls._member_names_), last_values[:])
                              if isinstance(x, auto) else x for x in value)
            args = value if isinstance(value, tuple) else (value,)
            value = cls._coerce_value_(value)
            last_values.append(value)
            existing = cls._lookup_value_(value)
            if existing is not None:
                cls._member_map_[name] = existing
                setattr(cls, name, existing)
                continue
            member = object.__new__(cls)
            object.__setattr__(member, "_name_", name)
            object.__setattr__(member, "_value_", value)
            object.__setattr__(member, "_sort_order_", len(cls._member_names_))
            if user_init is not None:
                user_init(member, *args)
            cls._member_names_.append(name)
            cls._member_map_[name] = member
            try:
                cls._value2member_map_[value] = member
            except TypeError:
                cls._unhashable_.append(member)
            setattr(cls, name, member)
        cls.__members__ = _MappingProxy(cls._member_map_)
        if user_init is not None and "__init__" in cls.__dict__:
            # Looking a member up by value must not run __init__ again.
            cls.__init__ = Enum.__init__

    @classmethod
    def _coerce_value_(cls, value):
        return value

    @classmethod
    def _lookup_value_(cls, value):
        try:
            return cls._value2member_map_.get(value)
        except TypeError:
            for m in cls._unhashable_:
                if m._value_ == value:
                    return m
            return None

    def __new__(cls, value=_AUTO, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is not None:
            return cls._create_(value, names, start)
        if isinstance(value, cls):
            return value
        m = cls._lookup_value_(value)
        if m is not None:
            return m
        m = cls._missing_(value)
        if isinstance(m, cls):
            return m
        if m is not None:
            raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                            % (cls.__name__, m))
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def __init__(self, *args, **kwargs):
        pass

    @classmethod
    def _create_(cls, name, names, start):
        ns = {}
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, dict):
            items = list(names.items())
        else:
            items = []
            for i, n in enumerate(names):
                if isinstance(n, str):
                    items.append((n, cls._generate_next_value_(n, start, i, [v for _, v in items])))
                else:
                    items.append((n[0], n[1]))
        for k, v in items:
            ns[k] = v
        ns["__qualname__"] = name
        return type(name, (cls,), ns)

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __setattr__(self, key, value):
        if key in ("name", "value", "_name_", "_value_"):
            raise AttributeError("<enum %r> cannot set attribute %r" % (type(self).__name__, key))
        object.__setattr__(self, key, value)

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    @classmethod
    def __class_iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    @classmethod
    def __class_len__(cls):
        return len(cls._member_names_)

    @classmethod
    def __class_contains__(cls, member):
        if isinstance(member, cls):
            return True
        raise TypeError("unsupported operand type(s) for 'in': '%s' and 'EnumType'" % type(member).__qualname__)

    @classmethod
    def __class_repr__(cls):
        return "<%s %r>" % (cls._kind_, cls.__name__)

    def __class_getitem__(cls, name):
        return cls._member_map_[name]

class _IntLike:
    def _v(self, other):
        return other._value_ if isinstance(other, Enum) else other
    def __eq__(self, other):
        return self._value_ == self._v(other)
    def __ne__(self, other):
        return self._value_ != self._v(other)
    def __lt__(self, other):
        return self._value_ < self._v(other)
    def __le__(self, other):
        return self._value_ <= self._v(other)
    def __gt__(self, other):
        return self._value_ > self._v(other)
    def __ge__(self, other):
        return self._value_ >= self._v(other)
    def __hash__(self):
        return hash(self._value_)
    def __int__(self):
        return self._value_
    def __index__(self):
        return self._value_
    def __float__(self):
        return float(self._value_)
    def __bool__(self):
        return bool(self._value_)
    def __add__(self, o):
        return self._value_ + self._v(o)
    def __radd__(self, o):
        return self._v(o) + self._value_
    def __sub__(self, o):
        return self._value_ - self._v(o)
    def __rsub__(self, o):
        return self._v(o) - self._value_
    def __mul__(self, o):
        return self._value_ * self._v(o)
    def __rmul__(self, o):
        return self._v(o) * self._value_
    def __truediv__(self, o):
        return self._value_ / self._v(o)
    def __floordiv__(self, o):
        return self._value_ // self._v(o)
    def __mod__(self, o):
        return self._value_ % self._v(o)
    def __pow__(self, o):
        return self._value_ ** self._v(o)
    def __neg__(self):
        return -self._value_
    def __abs__(self):
        return abs(self._value_)
    def __str__(self):
        return str(self._value_)
    def __format__(self, spec):
        return format(self._value_, spec)

class IntEnum(_IntLike, Enum):
    @classmethod
    def _coerce_value_(cls, value):
        if not isinstance(value, int):
            raise ValueError("invalid literal for int() with base 10: %r" % (value,))
        return value

class _StrLike:
    def __eq__(self, other):
        return self._value_ == (other._value_ if isinstance(other, Enum) else other)
    def __ne__(self, other):
        return not self == other
    def __lt__(self, other):
        return self._value_ < (other._value_ if isinstance(other, Enum) else other)
    def __hash__(self):
        return hash(self._value_)
    def __str__(self):
        return self._value_
    def __format__(self, spec):
        return format(self._value_, spec)
    def __len__(self):
        return len(self._value_)
    def __add__(self, o):
        return self._value_ + str(o)
    def __radd__(self, o):
        return o + self._value_
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))
        return getattr(self._value_, name)

class StrEnum(_StrLike, Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    @classmethod
    def _coerce_value_(cls, value):
        if not isinstance(value, str):
            raise TypeError("%r is not a string" % (value,))
        return value

def _bits(v):
    out = []
    b = 1
    while b <= v:
        if v & b:
            out.append(b)
        b <<= 1
    return out

class Flag(Enum):
    _kind_ = "flag"

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = max(last_values)
        return 1 << high.bit_length() if high > 0 else 1

    @classmethod
    def __class_iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_
                     if cls._member_map_[n]._value_ and len(_bits(cls._member_map_[n]._value_)) == 1])

    @classmethod
    def __class_len__(cls):
        return len(list(cls.__class_iter__()))

    @classmethod
    def _all_bits(cls):
        v = 0
        for n in cls._member_names_:
            v |= cls._member_map_[n]._value_
        return v

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        if value < 0 or value & ~cls._all_bits():
            if not issubclass(cls, IntFlag):
                allowed = cls._all_bits()
                width = max(value.bit_length(), allowed.bit_length())
                raise ValueError("%r invalid value %r\n    given 0b0 %s\n  allowed 0b0 %s"
                                 % (cls, value, format(value, "0%db" % width), format(allowed, "0%db" % width)))
        m = object.__new__(cls)
        names = [n for n in cls._member_names_
                 if len(_bits(cls._member_map_[n]._value_)) == 1 and cls._member_map_[n]._value_ & value]
        object.__setattr__(m, "_name_", "|".join(names) if names else None)
        object.__setattr__(m, "_value_", value)
        cls._value2member_map_[value] = m
        return m

    def __iter__(self):
        cls = type(self)
        return iter([cls._value2member_map_[b] for b in _bits(self._value_) if b in cls._value2member_map_])

    def __len__(self):
        return len(_bits(self._value_))

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(other).__qualname__, type(self).__qualname__))
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def _other(self, other):
        if isinstance(other, type(self)):
            return other._value_
        return NotImplemented

    def __or__(self, other):
        o = self._other(other)
        if o is NotImplemented:
            return NotImplemented
        return type(self)(self._value_ | o)

    def __and__(self, other):
        o = self._other(other)
        if o is NotImplemented:
            return NotImplemented
        return type(self)(self._value_ & o)

    def __xor__(self, other):
        o = self._other(other)
        if o is NotImplemented:
            return NotImplemented
        return type(self)(self._value_ ^ o)

    def __invert__(self):
        return type(self)(self._all_bits() & ~self._value_)

    def __hash__(self):
        return hash(self._value_)

    def __repr__(self):
        if self._name_ is None:
            return "<%s: %r>" % (type(self).__name__, self._value_)
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (type(self).__name__, self._value_)
        return "%s.%s" % (type(self).__name__, self._name_)

class IntFlag(_IntLike, Flag):
    def _other(self, other):
        if isinstance(other, (type(self), int)):
            return int(other)
        return NotImplemented
    __ror__ = Flag.__or__
    __rand__ = Flag.__and__
    __rxor__ = Flag.__xor__
    def __or__(self, other):
        return Flag.__or__(self, other)
    def __and__(self, other):
        return Flag.__and__(self, other)
    def __xor__(self, other):
        return Flag.__xor__(self, other)
    def __invert__(self):
        return Flag.__invert__(self)
    def __hash__(self):
        return hash(self._value_)
    def __bool__(self):
        return bool(self._value_)
    def __repr__(self):
        return Flag.__repr__(self)
    def __str__(self):
        return str(self._value_)

EnumType = EnumMeta = type

def unique(enumeration):
    dups = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            dups.append((name, member._name_))
    if dups:
        details = ", ".join("%s -> %s" % (a, n) for a, n in dups)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, details))
    return enumeration

def _simple_enum(*a, **k):
    raise NotImplementedError("enum._simple_enum is not available in Looplab")
