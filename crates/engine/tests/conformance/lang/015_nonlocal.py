# nonlocal rebinds a variable of the enclosing function.
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c = counter()
print(c(), c(), c())
c2 = counter()
print(c2(), c())

def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "set by inner"
        inner()
    middle()
    return x

print(outer())
