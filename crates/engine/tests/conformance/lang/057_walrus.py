# Assignment expressions (:=).
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"list is long ({n} elements)")
print([y for x in data if (y := x * 2) > 6])
print(y)
values = iter([5, 3, 0, 7])
while (v := next(values)) != 0:
    print("value", v)
print((total := sum(data)), total)
