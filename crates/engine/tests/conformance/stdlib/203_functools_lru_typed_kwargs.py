# lru_cache(typed=True) keeps 1 and 1.0 apart; keyword arguments are part of the key
from functools import lru_cache
@lru_cache(typed=True)
def t(x):
    return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info())
@lru_cache()
def u(x):
    return type(x).__name__
print(u(1), u(1.0), u.cache_info())
@lru_cache()
def k(a, b=2):
    return a * b
print(k(3), k(3, b=2), k(a=3), k(3, 2), k(3), k.cache_info())
