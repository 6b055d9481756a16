# Single inheritance, overriding and super().
class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

    def intro(self):
        return "I am " + self.name + ". " + self.speak()

class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return f"{self.name} barks"

class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"

for a in [Animal("Generic"), Dog("Rex", "lab"), Puppy("Bit", "pug")]:
    print(a.intro())
p = Puppy("Bit", "pug")
print(p.breed, isinstance(p, Animal), isinstance(p, Dog), issubclass(Dog, Puppy))
