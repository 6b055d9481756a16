# any() and all() stop at the first decisive item, leaving the rest of a generator unconsumed
def checks(values):
    for v in values:
        print("  check", v)
        yield v
g = checks([0, 0, 3, 4])
print(any(g), list(g))
g = checks([1, 0, 1])
print(all(g), list(g))
print(any([]), all([]), next(filter(None, checks([0, "", "x", "y"]))))
