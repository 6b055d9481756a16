# match: `pattern as name` binds the value matched by the sub-pattern.
def f(x):
    match x:
        case [1 | 2 as small, *rest] as whole:
            return f"small={small} rest={rest} whole={whole}"
        case (str() | bytes()) as text:
            return f"text {text!r}"
        case {"k": [_, _] as pair}:
            return f"pair {pair}"
    return "no"
print(f([2, 5, 6]))
print(f("abc"))
print(f(b"x"))
print(f({"k": (1, 2)}))
print(f([3]))
