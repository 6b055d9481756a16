# abc: abstract base classes. Inheriting from ABC makes instantiation check
# for abstract methods, with CPython 3.11's TypeError. Looplab has no
# metaclasses yet: `metaclass=ABCMeta` is accepted but only inheriting from
# ABC enables the check, and register() records virtual subclasses without
# making isinstance() see them.

def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj

def _abstracts(cls):
    names = []
    seen = set()
    for klass in cls.__mro__:
        for name in klass.__dict__:
            if name in seen:
                continue
            seen.add(name)
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                names.append(name)
    return sorted(names)

class ABCMeta:
    def register(cls, subclass):
        return subclass

class ABC:
    __slots__ = ()
    def __new__(cls, *args, **kwargs):
        missing = _abstracts(cls)
        if missing:
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, "s" if len(missing) > 1 else "", ", ".join(missing)))
        return object.__new__(cls)
    @classmethod
    def register(cls, subclass):
        return subclass

def get_cache_token():
    return 0

def update_abstractmethods(cls):
    return cls

def abstractclassmethod(f):
    return classmethod(abstractmethod(f))

def abstractstaticmethod(f):
    return staticmethod(abstractmethod(f))
