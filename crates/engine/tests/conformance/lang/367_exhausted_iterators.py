# an exhausted map/filter/zip/enumerate stays exhausted: a second loop sees nothing
m = map(abs, [-1, -2])
f = filter(None, [0, 1])
z = zip("ab", "cd")
e = enumerate("x")
for it in (m, f, z, e):
    print(type(it).__name__, list(it), list(it), next(it, "done"))
