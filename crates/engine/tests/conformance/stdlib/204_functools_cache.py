# functools.cache: an unbounded memo; the wrapped function keeps its name and docstring
import functools
@functools.cache
def factorial(n):
    "n! by recursion"
    return n * factorial(n - 1) if n else 1
print(factorial(20), factorial(5), factorial.cache_info())
print(factorial.__name__, factorial.__doc__, factorial.__wrapped__(3))
