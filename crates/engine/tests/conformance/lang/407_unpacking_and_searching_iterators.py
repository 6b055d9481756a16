# The * of a call and of list, tuple and set displays, list.extend and `in` / `not in` over generators, map and big ranges: results, the order items are consumed in, what a search leaves unconsumed, and the errors raised inside them
def items(values, log):
    for v in values:
        log.append(v)
        yield v


def show(*args, **kwargs):
    return args, kwargs


log = []
print(show(0, *items([1, 2], log), 3, *items("ab", log), sep="-"), log)
log = []
print([*items([3, 4], log), 5, *map(abs, [-6, -7])], (*items([8], log),), log)
print(sorted({*(x % 3 for x in range(10)), *map(str, range(2))}, key=str))
print(len([*range(150_000)]), [*range(200_000)][-1], max(*(i % 1000 for i in range(120_000))))

numbers = [0]
numbers.extend(x * x for x in range(5))
numbers.extend(map(str, [1, 2]))
numbers.extend(range(3))
print(numbers)

seen = []
source = items(range(10), seen)
print(4 in source, seen, next(source))
print(42 in (x for x in range(1000)), 42 not in map(abs, range(-50, 0)), "c" not in iter("abc"))


class Loud:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        print("compare", self.name, "with", getattr(other, "name", other))
        return False


probe = Loud("probe")
print(probe in (Loud(n) for n in "xy"), probe in iter([probe]))


def broken():
    yield 1
    raise ValueError("broken inside")


collected = []
for attempt in (
    lambda: [*broken()],
    lambda: show(*broken()),
    lambda: {*broken()},
    lambda: collected.extend(broken()),
    lambda: 5 in broken(),
):
    try:
        attempt()
    except ValueError as e:
        print("ValueError:", e)
print(collected)


def unhashable():
    yield []


try:
    {*unhashable()}
except TypeError as e:
    print("TypeError:", e)

print(sum([*broken()]))
