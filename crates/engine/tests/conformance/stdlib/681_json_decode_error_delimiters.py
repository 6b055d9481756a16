# Missing delimiters and unquoted keys.
import json
for doc in ['{"a" 1}', '[1 2]', '{"a": 1 "b": 2}', "{'a': 1}", '{"a": 1,}', '{1: 2}']:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e)
