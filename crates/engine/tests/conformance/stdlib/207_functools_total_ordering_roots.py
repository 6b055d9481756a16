# total_ordering from __gt__, __le__ or __ge__ as the root; a class with none is a ValueError
from functools import total_ordering
def make(root):
    @total_ordering
    class C:
        def __init__(self, v):
            self.v = v
        def __eq__(self, o):
            return self.v == o.v
    setattr(C, root, {"__gt__": lambda s, o: s.v > o.v, "__le__": lambda s, o: s.v <= o.v,
                      "__ge__": lambda s, o: s.v >= o.v}[root])
    return C
for root in ("__gt__", "__le__", "__ge__"):
    @total_ordering
    class D:
        def __init__(self, v):
            self.v = v
        def __eq__(self, o):
            return self.v == o.v
        if root == "__gt__":
            def __gt__(self, o):
                return self.v > o.v
        elif root == "__le__":
            def __le__(self, o):
                return self.v <= o.v
        else:
            def __ge__(self, o):
                return self.v >= o.v
    x, y = D(1), D(2)
    print(root, x < y, x <= y, x > y, x >= y, y < x, y <= y)
try:
    @total_ordering
    class E:
        pass
except ValueError as e:
    print("ValueError", e)
