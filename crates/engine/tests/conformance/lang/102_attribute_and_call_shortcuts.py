# Cases the interpreter's shortcuts for attribute loads/stores, type(x),
# len(x) and list.append must treat exactly like the general paths.


class Defaults:
    count = 0  # a class attribute an instance attribute shadows
    label = "class"

    def bump(self):
        self.count += 1
        return self.count


d = Defaults()
print(d.count, d.bump(), d.bump(), Defaults.count, d.count)
d.label = "instance"
print(d.label, Defaults.label)
del d.label
print(d.label)


class WithProperty:
    def __init__(self):
        self._x = 1

    @property
    def x(self):
        return self._x * 10

    @x.setter
    def x(self, v):
        print("setter", v)
        self._x = v


p = WithProperty()
for i in range(3):
    p.x = i  # the property wins over any instance attribute
    print(p.x, p.__dict__)


class ReadOnly:
    @property
    def y(self):
        return 5


r = ReadOnly()
try:
    r.y = 1
except AttributeError as e:
    print("AttributeError:", e)


class Logged:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)


g = Logged()
for i in range(2):
    g.a = i
print(g.a)


class Err(Exception):
    pass


e = Err("x")
for i in range(2):
    e.note = i
    e.__cause__ = ValueError(i)
print(e.note, repr(e.__cause__), e.__suppress_context__)


class Slotty:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "f" + str(i), i)


s = Slotty(20)
for i in range(3):
    s.f15 = s.f15 + i
    s.f0 = i
print(s.f15, s.f0, len(vars(s)))


class Other:
    pass


o = Other()
o.x = 1
o2 = Other()
o2.y = 2
for obj in (o, o2, o, o2):
    obj.z = type(obj).__name__
    print(getattr(obj, "x", None), getattr(obj, "y", None), obj.z)

print(type(1), type("s"), type([]), type(None), type(d), type(Defaults), type(type))
print(type(1) is int, type(True) is bool, type(2.5) is float)
try:
    type()
except TypeError as e:
    print("TypeError:", e)

print(len([1, 2]), len((1,)), len({1: 2}), len({3}), len("abc"), len("héllo"), len(range(5)))
print(len(b"ab"), len(frozenset([1, 2])), len({}.keys()))


class Sized:
    def __len__(self):
        return 7


print(len(Sized()))
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)

items = []
for i in range(5):
    items.append(i * i)
print(items, items.append(9), items)
try:
    items.append()
except TypeError as e:
    print("TypeError:", e)
try:
    items.append(1, 2)
except TypeError as e:
    print("TypeError:", e)


class MyList:
    def __init__(self):
        self.data = []

    def append(self, x):
        self.data.append(x)
        return "mine"


m = MyList()
print(m.append(1), m.data)
