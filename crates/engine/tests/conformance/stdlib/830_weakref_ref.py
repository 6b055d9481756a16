# A weak reference returns its object while it lives and None once the last reference is gone.
import weakref
class Node:
    def __init__(self, name):
        self.name = name
n = Node("a")
r = weakref.ref(n)
print(r() is n, r().name)
del n
print(r())
