# getattr, setattr, hasattr, including defaults and AttributeError.
class Config:
    debug = False

c = Config()
setattr(c, "level", 3)
print(getattr(c, "level"), getattr(c, "debug"), getattr(c, "missing", "default"))
print(hasattr(c, "level"), hasattr(c, "nope"), hasattr(Config, "debug"))
for name in ["a", "b"]:
    setattr(c, name, name * 2)
print(c.a, c.b)
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr("text", "upper")())
