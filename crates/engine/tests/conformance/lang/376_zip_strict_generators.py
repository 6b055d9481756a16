# zip(strict=True) over generators: the length check pulls from the later arguments, lazily
def gen(name, n):
    for i in range(n):
        print("  ", name, "yields", i)
        yield i
try:
    for pair in zip(gen("a", 2), gen("b", 3), strict=True):
        print("pair", pair)
except ValueError as e:
    print("ValueError:", e)
