# WeakKeyDictionary and WeakSet drop dead objects too.
import weakref
class K:
    pass
k1, k2 = K(), K()
d = weakref.WeakKeyDictionary()
d[k1] = 1
d[k2] = 2
s = weakref.WeakSet([k1, k2])
print(len(d), d[k1], len(s), k2 in s)
del k2
print(len(d), len(s), list(d.values()))
