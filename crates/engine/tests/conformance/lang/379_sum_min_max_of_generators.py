# sum, min, max, sorted, tuple and dict consume lazy iterators exactly once
def squares(n):
    for i in range(n):
        yield i * i
g = squares(4)
print(sum(g), sum(g))
print(min(squares(5)), max(squares(5)), sorted(squares(4), reverse=True), tuple(squares(3)))
print(dict(zip("abc", squares(3))), set(map(len, ["a", "bb", "cc"])), "".join(map(str, squares(3))))
