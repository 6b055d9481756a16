# a default object repr looks the same printed directly, in containers, f-strings, str() and errors
class Thing:
    pass
t = Thing()
r = repr(t)
print(r.startswith("<__main__.Thing object at 0x"), str(t) == r, f"{t}" == r, f"{t!r}" == r, format(t) == r)
print([t][0] is t, repr([t]) == "[" + r + "]", repr({"k": t}) == "{'k': " + r + "}", repr((t,)) == "(" + r + ",)")
print(t)
print([object()], {1: Thing})
try:
    t + 1
except TypeError as e:
    print("TypeError:", e)
