# isinstance, type, issubclass and type names.
class Base: pass
class Child(Base): pass
c = Child()
print(type(c).__name__, type(c) is Child, type(c) is Base)
print(isinstance(c, Base), isinstance(c, (int, Child)), isinstance(3, (str, float)))
print(issubclass(Child, Base), issubclass(bool, int), issubclass(int, object))
print(type(1), type("s"), type([]), type(None), type(len))
print(type(Base), type(1.5).__name__, type(range(1)).__name__)
print(isinstance(True, int), isinstance(1, bool))
