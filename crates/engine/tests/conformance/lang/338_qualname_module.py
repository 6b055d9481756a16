# __qualname__ and __module__ of functions, nested functions, methods, nested classes and lambdas
def top():
    def nested():
        pass
    return nested
class Outer:
    def method(self):
        return lambda: 0
    class Inner:
        def deep(self):
            pass
print(top.__qualname__, top().__qualname__, Outer.method.__qualname__, Outer().method().__qualname__)
print(Outer.Inner.__qualname__, Outer.Inner.deep.__qualname__, Outer.Inner.__name__)
print(top.__module__, Outer.__module__, Outer.Inner.__module__, int.__module__, len.__module__ if hasattr(len, "__module__") else "")
print(repr(top()).split(" at ")[0], repr(Outer.Inner))
