# Messages of NameError and AttributeError.
try:
    undefined_name
except NameError as e:
    print("NameError:", e)
try:
    print(lenn([]))
except NameError as e:
    print("NameError:", e)
class Point:
    def __init__(self):
        self.x = 1
try:
    Point().y
except AttributeError as e:
    print("AttributeError:", e)
try:
    "text".nope()
except AttributeError as e:
    print("AttributeError:", e)
try:
    None.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    [].push(1)
except AttributeError as e:
    print("AttributeError:", e)
