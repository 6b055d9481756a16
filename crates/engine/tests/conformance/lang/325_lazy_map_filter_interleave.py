# map, filter, zip and enumerate are lazy: their side effects interleave with the loop body
def loud(x):
    print("  map", x)
    return x * 10
def keep(x):
    print("  filter", x)
    return x % 2
m = map(loud, [1, 2, 3])
print("nothing called yet")
for v in m:
    print("body", v)
for v in filter(keep, [1, 2, 3]):
    print("body", v)
def nums():
    for i in range(3):
        print("  gen", i)
        yield i
for i, v in enumerate(map(loud, nums()), start=1):
    print("body", i, v)
for a, b in zip(nums(), "xy"):
    print("body", a, b)
print(list(map(pow, [2, 3], [5, 2])), list(filter(None, [0, 1, "", "a", None])))
