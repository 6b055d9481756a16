# JSONEncoder subclass overriding default, used through cls=.
import json
class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=SetEncoder))
print(json.JSONEncoder(sort_keys=True).encode({"b": 1, "a": 2}))
print(json.JSONDecoder().decode("[1]"))
