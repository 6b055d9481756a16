# json.loads of every value kind, with whitespace and nesting.
import json
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d"}}'))
print(json.loads(' [ ] '), json.loads('{}'), json.loads('"x"'), json.loads('0'), json.loads('-0.0'))
print(json.loads('[NaN, Infinity, -Infinity]'), type(json.loads('1e2')).__name__)
