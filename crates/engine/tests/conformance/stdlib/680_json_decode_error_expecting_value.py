# Empty or malformed input: "Expecting value" with line, column and char.
import json
for doc in ["", "   ", "[1,", "nul", "[1, ]", "{\"a\": }"]:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e)
