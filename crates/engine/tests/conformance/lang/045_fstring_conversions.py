# f-strings: !r, !s, = specifier, nested expressions.
name = "Ada"
n = 42
items = [1, 2]
print(f"{name} {name!r} {name!s}")
print(f"{n=} {name=} {items=}")
print(f"{n + 1=}")
print(f"{'nested'} {items[0] * 10} {len(name)}")
print(f"{{literal braces}} {n}")
print(f"{name!r:>8}|")
print(f"{3.5=:.3f}")
d = {"k": "v"}
print(f"{d['k']} {d!r}")
