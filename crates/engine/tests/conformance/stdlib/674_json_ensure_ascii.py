# Non-ASCII text is escaped by default (\uXXXX, surrogate pairs) and kept with ensure_ascii=False.
import json
s = "café ☕ \U0001F600"
print(json.dumps(s))
print(json.dumps(s, ensure_ascii=False))
print(json.dumps("tab\there \"quoted\" back\\slash \x01 new\nline"))
