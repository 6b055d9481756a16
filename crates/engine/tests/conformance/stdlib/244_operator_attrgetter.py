# operator.attrgetter: plain and dotted names, several at once, sorting by attributes, repr, errors
from operator import attrgetter
class P:
    def __init__(self, name, age, city):
        self.name, self.age, self.home = name, age, type("Home", (), {"city": city})()
people = [P("ann", 30, "Oslo"), P("bo", 25, "Rome"), P("cy", 30, "Lima")]
print([p.name for p in sorted(people, key=attrgetter("age", "name"))])
print(attrgetter("home.city")(people[0]), attrgetter("name", "home.city")(people[1]))
print(attrgetter("name"), attrgetter("a.b", "c"))
try:
    attrgetter("missing")(people[0])
except AttributeError as e:
    print("AttributeError", e)
try:
    attrgetter(5)
except TypeError as e:
    print("TypeError", e)
