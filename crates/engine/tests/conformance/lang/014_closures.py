# Closures capture variables from enclosing scopes.
def make_multiplier(k):
    def multiply(x):
        return x * k
    return multiply

double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5))

def make_counters():
    funcs = []
    for i in range(3):
        funcs.append(lambda: i)
    return funcs

print([f() for f in make_counters()])

def make_counters_fixed():
    return [lambda i=i: i for i in range(3)]

print([f() for f in make_counters_fixed()])

def outer():
    msg = "outer"
    def inner():
        return msg + "/inner"
    msg = "changed"
    return inner()

print(outer())
