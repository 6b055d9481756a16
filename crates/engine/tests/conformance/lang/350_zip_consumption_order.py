# zip pulls from its arguments left to right: when a later one is exhausted, the item taken from an earlier one is lost
def gen(name, n):
    for i in range(n):
        print("  ", name, i)
        yield i
a = gen("a", 3)
print(list(zip(a, gen("b", 1))))
print(list(a))
print(list(map(lambda x, y: x + y, gen("c", 3), gen("d", 2))))
