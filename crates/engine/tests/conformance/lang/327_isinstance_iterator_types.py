# map, zip, filter, enumerate and reversed are classes: isinstance works, calling makes an instance
m = map(abs, [-1])
print(isinstance(m, map), isinstance(m, filter), isinstance(zip(), zip), type(m) is map)
print(isinstance(enumerate("a"), enumerate), isinstance(reversed((1,)), reversed), isinstance(reversed([1]), reversed))
print(type(map).__name__, map.__name__, issubclass(map, object), callable(zip))
print(list(enumerate("ab", 5)), list(reversed(range(3))), isinstance(iter([]), type(iter([2]))))
for bad in [lambda: map(abs), lambda: filter(None), lambda: enumerate(), lambda: reversed(5), lambda: type(iter([]))()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
