# functools.lru_cache: hits, misses and currsize in cache_info() for a recursive function
import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())
print(fib(10), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
info = fib.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[1])
