# __defaults__ and __kwdefaults__: tuples and dicts of the defaults, None when there are none
def f(a, b=1, c=[2], *, d=3, e):
    pass
print(f.__defaults__, f.__kwdefaults__)
def g(a, *, b):
    pass
print(g.__defaults__, g.__kwdefaults__)
def h():
    pass
print(h.__defaults__, h.__kwdefaults__)
f.__defaults__[1].append(99)
print(f.__defaults__)
print((lambda x=5, *, y=6: 0).__defaults__, (lambda x=5, *, y=6: 0).__kwdefaults__)
