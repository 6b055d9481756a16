# Assignment with tuple/list unpacking, nested targets and swaps.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(x, y), z = (3, 4), 5
print(x, y, z)
[p, q] = "pq"
print(p, q)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
m = n = 7
print(m, n)
try:
    a, b = 1, 2, 3
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
