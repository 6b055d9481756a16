# match: `_` matches anything and binds nothing.
_ = "untouched"
for x in [1, "a", None]:
    match x:
        case 1:
            print("one")
        case _:
            print("wildcard for", repr(x))
print(_)
