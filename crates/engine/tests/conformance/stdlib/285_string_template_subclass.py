# A Template subclass with another delimiter
from string import Template
class Percent(Template):
    delimiter = "%"
t = Percent("%who is %% %{age} years")
print(t.substitute(who="Eve", age=30), t.safe_substitute(who="Bo"))
