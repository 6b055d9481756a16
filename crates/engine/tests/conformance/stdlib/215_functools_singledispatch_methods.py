# singledispatch used as a decorator stack, dispatching on the first argument's type only
from functools import singledispatch
@singledispatch
def area(shape, scale=1):
    raise NotImplementedError(f"no area for {type(shape).__name__}")
class Square:
    def __init__(self, s):
        self.s = s
class Rect(Square):
    def __init__(self, w, h):
        self.s, self.h = w, h
@area.register(Square)
def _(shape, scale=1):
    return shape.s * shape.s * scale
@area.register(Rect)
def _(shape, scale=1):
    return shape.s * shape.h * scale
print(area(Square(3)), area(Rect(2, 5), scale=10))
try:
    area("circle")
except NotImplementedError as e:
    print("NotImplementedError", e)
