# String escapes when decoding: \n, \t, \", \\, \/, \uXXXX and surrogate pairs.
import json
print(repr(json.loads(r'"a\nb\tc\"d\\e\/f"')))
print(json.loads(r'"caf\u00e9 \ud83d\ude00"'))
