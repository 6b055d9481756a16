# dumps then loads gives back an equal value (tuples become lists).
import json
data = {"name": "Ada", "langs": ["en", "fr"], "age": 36, "ratio": 0.75, "pair": (1, 2), "none": None}
text = json.dumps(data)
back = json.loads(text)
print(back)
print(back == data, back["pair"])
