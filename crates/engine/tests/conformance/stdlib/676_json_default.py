# default= converts objects json cannot encode; without it, TypeError names the type.
import json
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(json.dumps({"p": Point(1, 2)}, default=lambda o: o.__dict__))
print(json.dumps([{1, 2}], default=sorted))
try:
    json.dumps(Point(1, 2))
except TypeError as e:
    print(e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(e)
