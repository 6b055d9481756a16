# A small program mixing classes, dicts and class methods.
class Registry:
    items = {}

    @classmethod
    def register(cls, name, value):
        cls.items[name] = value
        return cls

    @staticmethod
    def normalize(name):
        return name.strip().lower()

    @property
    def size(self):
        return len(self.items)

Registry.register(Registry.normalize("  Alpha "), 1).register("beta", 2)
r = Registry()
print(r.size, Registry.items)
class Temperature:
    def __init__(self, c):
        self._c = c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9
t = Temperature(100)
print(t.fahrenheit)
t.fahrenheit = 32
print(t._c)
