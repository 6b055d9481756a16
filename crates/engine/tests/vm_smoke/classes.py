# Classes: properties, class/static methods, dunders, MRO, super.
class V:
    count = 0
    def __init__(self, x, y):
        self.x, self.y = x, y
        V.count += 1
    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    @norm2.setter
    def norm2(self, v):
        raise AttributeError("read-only-ish")
    @staticmethod
    def zero():
        return V(0, 0)
    @classmethod
    def make(cls, n):
        return cls(n, n)
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return self.norm2 < o.norm2
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __bool__(self):
        return bool(self.x or self.y)
    def __call__(self, k):
        return V(self.x * k, self.y * k)
a = V(1, 2) + V(3, 4)
print(a, a.norm2, V.zero(), V.make(3), V.count)
print(sorted([V(3, 3), V(1, 0), V(2, 2)]), len(a), a[0], list(a), 4 in a, bool(V(0, 0)), a(2))
print({V(1, 1): "one"}[V(1, 1)], V(1, 1) == V(1, 1), V(1, 1) != V(1, 2))
try:
    a.norm2 = 5
except AttributeError as e:
    print("AttributeError", e)
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
print(isinstance(D(), A), issubclass(D, C), isinstance(3, (str, int)), type(3) is int, isinstance(True, int))
class E(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise E(7)
except Exception as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))
print(getattr(a, "x"), getattr(a, "zz", "dflt"), hasattr(a, "y"))
setattr(a, "z", 9); print(a.z, vars(a))
o = object()
print(type(o).__name__, A.__name__, A.__qualname__, A().who.__name__)
try:
    A().nope
except AttributeError as e:
    print(e)
