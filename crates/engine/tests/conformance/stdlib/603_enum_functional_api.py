# Enum("Name", "A B C") builds an enum from names; a list of pairs sets values.
from enum import Enum
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal))
Color = Enum("Color", [("RED", "r"), ("BLUE", "b")])
print(Color("b"), Color.RED.value)
