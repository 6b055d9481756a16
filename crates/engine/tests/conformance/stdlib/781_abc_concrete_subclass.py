# A subclass implementing every abstract method can be instantiated; super() calls work.
from abc import ABC, abstractmethod
class Animal(ABC):
    def __init__(self, name):
        self.name = name
    @abstractmethod
    def sound(self):
        return "..."
    def speak(self):
        return f"{self.name} says {self.sound()}"
class Dog(Animal):
    def sound(self):
        return "woof (not " + super().sound() + ")"
d = Dog("rex")
print(d.speak(), isinstance(d, Animal), issubclass(Dog, Animal))
