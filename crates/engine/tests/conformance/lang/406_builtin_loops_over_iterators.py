# sum, any, all, min, max, sorted, list, tuple, set, frozenset, dict and str.join over generators, map, class iterators and big ranges: results, the order items are consumed in, and the errors raised inside them
def items(values, log):
    for v in values:
        log.append(v)
        yield v


log = []
print(sum(items([1, 2, 3], log)), sum(items([0.5, 0.25], log), 10), log)
log = []
print(any(items([0, 0, 5, 7], log)), log)
log = []
print(all(items([1, 0, 5], log)), log)
print(min(x for x in [3, 1, 2]), max(x for x in [3, 1, 2]))
print(min(map(abs, [-3, 1, -2]), key=lambda v: -v), max((x for x in []), default="empty"))
order = []
def key(v):
    order.append(("key", v))
    return -v
print(max(items([2, 9, 4], order), key=key), order)
print(sorted(x % 5 for x in range(12)), sorted(map(str, [3, 10, 2]), key=len, reverse=True))
print(list(x * 2 for x in range(4)), tuple(c for c in "abc"), sorted(set(x % 3 for x in range(9))))
print(sum(range(10**6)), list(range(250_000))[-2:], max(range(300_000)), any(range(200_000)))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(sum(Countdown(4)), list(Countdown(3)), min(Countdown(5)), tuple(Countdown(2)))
print(sum(zip([1, 2], [3, 4]), ()), sorted(enumerate("ba"), key=lambda p: p[1]))


def broken():
    yield 1
    yield "two"


for call in (sum, max, sorted, lambda g: sum(g, 0.5)):
    try:
        call(broken())
    except TypeError as e:
        print("TypeError:", e)
try:
    min(x for x in [])
except ValueError as e:
    print("ValueError:", e)


def failing():
    yield 1
    raise KeyError("inside")


try:
    list(failing())
except KeyError as e:
    print("KeyError:", e)
print("-".join(str(i) for i in range(5)), ",".join(map(str, [1, 2])), "".join(iter("abc")))
print(dict((i, i * i) for i in range(4)), sorted(frozenset(x % 3 for x in range(7))), dict(zip("ab", [1, 2])))
for bad in (lambda: "".join(x for x in ["a", 1]), lambda: dict(x for x in [(1, 2, 3)]), lambda: dict(x for x in [1])):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(sum(i * i for i in range(number)) if (number := 1000) else 0)
print(max(x for x in [1, 2]) + sum(x for x in range(3)) / 2)
sum(x for x in [1, None])
