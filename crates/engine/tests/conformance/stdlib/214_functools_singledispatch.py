# functools.singledispatch: register by class (decorator or call), subclass dispatch, the registry
from functools import singledispatch
@singledispatch
def describe(x):
    return f"object {x!r}"
@describe.register(int)
def _(x):
    return f"int {x}"
@describe.register(list)
def _(x):
    return f"list of {len(x)}"
def for_str(x):
    return f"str {x!r}"
describe.register(str, for_str)
class Animal:
    pass
class Dog(Animal):
    pass
@describe.register(Animal)
def _(x):
    return f"animal {type(x).__name__}"
for v in (1, True, Dog(), Animal(), "hi", [1, 2], 2.5, None):
    print(describe(v))
print(describe.dispatch(bool).__name__, sorted(t.__name__ for t in describe.registry))
print(describe.__name__)
try:
    describe()
except TypeError as e:
    print("TypeError", e)
