# Descriptors written in Python (what cached_property builds on): __set_name__, __get__, and __set__ taking priority
class Typed:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be an int")
        setattr(obj, self.name, value)
class Lazy:
    def __get__(self, obj, objtype=None):
        return "computed"
class Account:
    balance = Typed()
    owner_id = Typed()
    note = Lazy()
a = Account()
print(a.balance, type(Account.balance).__name__)
a.balance = 10
print(a.balance, a._balance, sorted(vars(a)))
try:
    a.balance = "lots"
except TypeError as e:
    print("TypeError", e)
print(a.note)
a.note = "mine"
print(a.note)
