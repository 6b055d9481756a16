# Common recipes: flatten, chunking with islice, running totals, sliding windows.
from itertools import chain, islice, accumulate, count
nested = [[1, 2], [3], [], [4, 5]]
print(list(chain.from_iterable(nested)))
def chunks(it, n):
    it = iter(it)
    while True:
        part = list(islice(it, n))
        if not part:
            return
        yield part
print(list(chunks(range(7), 3)))
print(list(accumulate(range(1, 6))), next(x for x in count(1) if x * x > 50))
