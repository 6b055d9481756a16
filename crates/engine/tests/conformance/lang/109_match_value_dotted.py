# match: dotted names are value patterns compared with ==, not captures.
class Color:
    RED = "red"
    GREEN = "green"
class Ns:
    class Inner:
        LIMIT = 10
def f(c):
    match c:
        case Color.RED:
            return "stop"
        case Color.GREEN:
            return "go"
        case Ns.Inner.LIMIT:
            return "limit"
    return "?"
for c in ["red", "green", 10, "blue"]:
    print(c, f(c))
