# lru_cache used bare (maxsize 128), with maxsize=0 (no caching), and with a negative maxsize
from functools import lru_cache
@lru_cache
def f(x):
    return x + 1
f(1); f(1); f(2)
print(f.cache_info())
@lru_cache(maxsize=0)
def g(x):
    return x
g(1); g(1)
print(g.cache_info())
@lru_cache(-5)
def h(x):
    return x
h(1); h(1)
print(h.cache_info())
try:
    lru_cache("big")
except TypeError as e:
    print("TypeError", e)
