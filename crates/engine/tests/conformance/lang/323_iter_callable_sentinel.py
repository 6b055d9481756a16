# iter(callable, sentinel) calls until the sentinel comes back; its type is callable_iterator
data = [3, 1, 4, 0, 5, 9]
pos = -1
def read():
    global pos
    pos += 1
    print("  read", data[pos])
    return data[pos]
it = iter(read, 0)
print(type(it).__name__)
for x in it:
    print("got", x)
print(list(it), next(it, "done"))
import functools
chunks = iter(functools.partial(next, iter("ab;cd")), ";")
print(list(chunks))
try:
    iter(5, 0)
except TypeError as e:
    print("TypeError:", e)
