# len, range (start/stop/step, negative), enumerate (start).
print(len("hello"), len([1, 2]), len({}), len(range(10)), len({1, 2, 2}))
print(list(range(5)), list(range(2, 6)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 2)), range(3), range(1, 10, 2))
r = range(0, 20, 5)
print(r[1], r[-1], 15 in r, 16 in r, r.index(10))
for i, ch in enumerate("abc"):
    print(i, ch)
print(list(enumerate(["x", "y"], start=1)))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
