del x
del x, y
del (a, b)
del [c, d]
del obj.attr, obj[0], obj[1:2]
assert x
assert x, "message"
raise
raise ValueError
raise ValueError("x") from exc
