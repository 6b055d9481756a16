# Extra data after a value; line and column counting over several lines.
import json
for doc in ['[1] x', '{"a": 1}{}', '{\n  "a": 1,\n  "b": ]\n}']:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
