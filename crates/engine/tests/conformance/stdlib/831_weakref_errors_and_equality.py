# Ints and lists cannot be referred to weakly; refs to the same live object are equal.
import weakref
for obj in (1, [1], "s"):
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)
class C:
    pass
c = C()
print(weakref.ref(c) == weakref.ref(c), hash(weakref.ref(c)) == hash(c))
