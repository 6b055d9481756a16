# id(a) == id(b) exactly when a is b.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c))
class Thing: pass
t = Thing()
print(id(t) == id(t), id(Thing()) == id(t))
x = None
print(id(x) == id(None))
def ident(v):
    return v
print(id(ident(a)) == id(a))
