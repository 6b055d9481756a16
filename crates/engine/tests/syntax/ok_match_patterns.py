match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", ("north" | "south") as direction, *rest]:
        pass
    case ["drop", *objects] if objects:
        pass
    case (1, 2, *_) | [3, 4]:
        pass
    case {"x": 1, "y": -2.5, **rest}:
        pass
    case {b"k": None, Color.RED: True, -3: False}:
        pass
    case Point(x=0, y=0) | Point(0, 0):
        pass
    case a.b.C(1, "s", k=[p, q], j={}):
        pass
    case int() | str() | bool(True):
        pass
    case ():
        pass
    case []:
        pass
    case {}:
        pass
    case (x):
        pass
match *a, b:
    case 1, *rest,:
        pass
    case _:
        pass
match x,:
    case ((a, b), c) as whole if whole:
        pass
    case "a" "b":
        pass
    case -0:
        pass
    case y:
        pass
match = {"case": 1}
case = match["case"]
match(case)
match[0]
match.x = 1
match -x:
    case match:
        pass
