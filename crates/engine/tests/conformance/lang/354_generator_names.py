# generators and generator expressions: type name, __name__, __qualname__, repr prefix
def count():
    yield 1
class Holder:
    def items(self):
        yield 2
g = count()
ge = (x for x in [])
m = Holder().items()
print(type(g).__name__, g.__name__, g.__qualname__, repr(g).split(" at ")[0])
print(type(ge).__name__, ge.__name__, ge.__qualname__, repr(ge).split(" at ")[0])
print(m.__qualname__, repr(m).split(" at ")[0])
