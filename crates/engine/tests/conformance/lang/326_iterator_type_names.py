# the builtin iterators have CPython's type names and reprs
samples = [iter([]), iter(()), iter(""), iter("é"), iter(b""), iter(range(2)), iter({}), iter({}.values()),
           iter({}.items()), iter(set()), iter(frozenset()), reversed([]), reversed(()), reversed("ab"),
           reversed(range(3)), reversed({}), enumerate([]), zip(), map(str, []), filter(None, []), iter(int, 1)]
for s in samples:
    print(type(s).__name__, repr(s).split(" at ")[0] + ">")
print(map, zip, filter, enumerate, reversed, type(iter([])))
