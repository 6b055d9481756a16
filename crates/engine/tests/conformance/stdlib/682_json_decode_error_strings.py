# Unterminated strings, bad escapes, control characters.
import json
for doc in ['"abc', '"a\\qb"', '"\\u12"', '"a\tb"', '["x', '"\\']:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e)
