# match: a pattern that fails partway binds none of its names.
x = "before"
y = "before"
match [1, 2, 3]:
    case [x, y, 4]:
        print("no")
    case _:
        pass
print(x, y)
match {"a": 1}:
    case {"a": x, "b": y}:
        print("no")
    case {"a": x}:
        print("matched", x)
print(x, y)
