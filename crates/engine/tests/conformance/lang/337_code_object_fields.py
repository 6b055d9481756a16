# a function's __code__: its name, argument counts and local variable names
def area(width, height, /, scale=1, *rest, unit="cm", **extra):
    result = width * height * scale
    return result
c = area.__code__
print(type(c).__name__, c.co_name, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount)
print(c.co_varnames, c.co_nlocals)
def outer():
    shared = 1
    def inner(x):
        return x + shared
    return inner
print(outer.__code__.co_cellvars, outer().__code__.co_freevars, outer().__code__.co_name)
print((lambda a, b: a).__code__.co_name, (lambda a, b: a).__code__.co_varnames)
