# and/or return one of their operands and short-circuit; not returns a bool.
def v(x):
    print("eval", x)
    return x
print(v(0) and v(1))
print(v(2) and v(3))
print(v(0) or v(4))
print(v(5) or v(6))
print(not 0, not "x", not [], not None)
print([] or {} or "default")
print(1 and 2 and 3, 1 and 0 and 3)
print(not (1 < 2 and 2 < 1))
