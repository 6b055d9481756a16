# os.environ and os.getenv: the small fake environment, reading, setting and deleting variables
import os
print(os.environ)
print(os.environ["HOME"], os.getenv("USER"), os.getenv("MISSING"), os.getenv("MISSING", "dflt"))
print(sorted(os.environ), len(os.environ), "PATH" in os.environ, "NOPE" in os.environ)
os.environ["GREETING"] = "hi"
print(os.getenv("GREETING"), os.environ.get("GREETING"), os.environ.setdefault("X", "1"), os.environ.pop("X"))
del os.environ["GREETING"]
print(os.environ.get("GREETING", "gone"), type(os.environ.copy()).__name__)
for k, v in os.environ.items():
    print(k, "=", v)
try:
    os.environ["N"] = 5
except TypeError as e:
    print("TypeError", e)
try:
    os.environ["NOPE"]
except KeyError as e:
    print("KeyError", e)
