# match: match statements nest inside case bodies.
def f(event):
    match event:
        case ("key", key):
            match key:
                case "q" | "Q":
                    return "quit"
                case str() if len(key) == 1:
                    return f"char {key}"
                case _:
                    return "special key"
        case ("click", (x, y)):
            return f"click at {x},{y}"
    return "unknown"
for e in [("key", "q"), ("key", "a"), ("key", "F1"), ("click", (3, 4)), ("scroll",)]:
    print(e, f(e))
