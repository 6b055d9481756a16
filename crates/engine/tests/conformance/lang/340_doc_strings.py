# __doc__ of functions, classes, modules and methods: the first statement string, else None
"""Module doc."""
def f():
    "Function doc."
    return 1
def g():
    x = "not a doc"
class C:
    """Class doc."""
    def m(self):
        """Method doc."""
class D:
    pass
print(__doc__, f.__doc__, g.__doc__, C.__doc__, C.m.__doc__, C().m.__doc__, D.__doc__)
f.__doc__ = "changed"
print(f.__doc__)
