# JSONDecodeError is a ValueError; loads of a non-string raises TypeError.
import json
try:
    json.loads("{")
except ValueError as e:
    print(type(e).__name__, isinstance(e, ValueError), e)
try:
    json.loads(12)
except TypeError as e:
    print(e)
