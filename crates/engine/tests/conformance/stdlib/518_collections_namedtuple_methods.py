# _replace, _asdict, _make, _field_defaults, and defaults= for the last fields.
from collections import namedtuple
Car = namedtuple("Car", "make model year", defaults=[2020])
c = Car("VW", "Golf")
print(c, c._replace(year=1999), c._asdict())
print(Car._make(["Fiat", "500", 2010]), Car._field_defaults)
print(Car(make="A", model="B", year=1))
