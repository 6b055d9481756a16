# abstractmethod marks the function; an ABC without abstract methods instantiates.
from abc import ABC, abstractmethod
class Base(ABC):
    pass
print(type(Base()).__name__)
@abstractmethod
def f():
    pass
print(f.__isabstractmethod__)
class Repo(ABC):
    @abstractmethod
    def get(self, key): ...
class Mem(Repo):
    def __init__(self):
        self.d = {"a": 1}
    def get(self, key):
        return self.d.get(key)
print(Mem().get("a"), Mem().get("b"))
