# match: `**rest` binds a new dict of the remaining items, in the subject's order.
config = {"name": "app", "debug": True, "port": 80, "host": "x"}
match config:
    case {"name": name, "port": port, **rest}:
        print(name, port, rest)
        rest["new"] = 1
print(config)
match {}:
    case {**everything}:
        print("empty rest:", everything)
match {1: "a"}:
    case {1: _, **others}:
        print(others, type(others).__name__)
