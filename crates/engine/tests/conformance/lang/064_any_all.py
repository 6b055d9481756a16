# any and all short-circuit on iterables.
print(any([0, "", None]), any([0, 1]), any([]))
print(all([1, "x", [0]]), all([1, 0]), all([]))
def noisy(x):
    print("checking", x)
    return x > 2
print(any(noisy(x) for x in [1, 3, 5]))
print(all(noisy(x) for x in [3, 1, 5]))
