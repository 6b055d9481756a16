# * and ** unpacking in function calls.
def f(a, b, c=0, *rest, **kw):
    return f"a={a} b={b} c={c} rest={rest} kw={kw}"

args = [1, 2, 3, 4]
opts = {"x": 9, "y": 8}
print(f(*args))
print(f(*args, **opts))
print(f(*"ab", c=5))
print(f(**{"a": 1, "b": 2}))
print(f(0, *[1], *(2, 3), **opts, z=7))
print(max(*[3, 9, 2]), print(*["a", "b"], sep="-"))
try:
    f(**{"a": 1, "b": 2}, b=3)
except TypeError as e:
    print("TypeError:", e)
