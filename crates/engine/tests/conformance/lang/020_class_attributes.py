# Class attributes are shared; instance attributes shadow them.
class Dog:
    species = "canis familiaris"
    count = 0

    def __init__(self, name):
        self.name = name
        Dog.count += 1

a = Dog("Rex")
b = Dog("Fido")
print(a.species, b.species, Dog.count)
a.species = "wolf?"
print(a.species, b.species, Dog.species)
Dog.species = "dog"
print(a.species, b.species)
print(a.count, b.count)
