# Lambda expressions.
square = lambda x: x * x
print(square(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print((lambda *a, **k: (a, k))(1, z=2))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, square)(12) + "!")
