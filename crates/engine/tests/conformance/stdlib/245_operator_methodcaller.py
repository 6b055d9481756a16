# operator.methodcaller: calling a named method with fixed arguments; its repr
from operator import methodcaller
up = methodcaller("upper")
split = methodcaller("split", ",", 1)
print(up("abc"), split("a,b,c"), list(map(methodcaller("count", "a"), ["banana", "apple"])))
print(methodcaller("replace", "a", b="x"), up)
print(sorted(["b", "A", "c"], key=methodcaller("lower")))
try:
    methodcaller("nope")(1)
except AttributeError as e:
    print("AttributeError", e)
